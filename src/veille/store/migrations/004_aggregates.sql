-- veille store, schema version 4: what the readers would otherwise recompute on every request.
-- Derived data, kept up to date by DuckDBStore.write (store/aggregates.py): each batch takes off
-- the contributions of the articles it replaces and adds those of the articles it writes.

-- The actor_names view (002) materialised: every folded name of every actor. `alias` rows
-- come from article_actors (n = articles that used it); the others from the actors table.
CREATE TABLE actor_keys (
    actor_id    VARCHAR NOT NULL,
    key         VARCHAR NOT NULL,
    alias       BOOLEAN NOT NULL,
    n           BIGINT NOT NULL
);

-- Each distinct speaker text at a cue, folded: `speaker=` matches it without folding every quote.
CREATE TABLE speaker_keys (
    speaker_text VARCHAR PRIMARY KEY,
    key          VARCHAR NOT NULL
);

-- Every alias (as written) of every actor, with how many times articles used it.
CREATE TABLE actor_aliases (
    actor_id    VARCHAR NOT NULL,
    alias       VARCHAR,
    articles    BIGINT NOT NULL
);

-- Per actor, publication day and language: articles linking it (article_actors), articles
-- mentioning it, mentions, quotes it said, event links as actor and as recipient.
CREATE TABLE actor_days (
    actor_id            VARCHAR NOT NULL,
    published           DATE,
    language            VARCHAR,
    articles            BIGINT NOT NULL,
    mention_articles    BIGINT NOT NULL,
    mentions            BIGINT NOT NULL,
    quotes              BIGINT NOT NULL,
    events_as_actor     BIGINT NOT NULL,
    events_as_recipient BIGINT NOT NULL
);

-- Every link of an event to an actor with what event lists filter and sort on (its type, day —
-- own date, else publication —, language, negation): events by or against an actor read one
-- table instead of joining events, articles and links.
CREATE TABLE event_links (
    actor_id    VARCHAR NOT NULL,
    role        VARCHAR NOT NULL,
    article_id  VARCHAR NOT NULL,
    idx         INTEGER NOT NULL,
    type        VARCHAR NOT NULL,
    day         DATE,
    language    VARCHAR,
    negated     BOOLEAN NOT NULL
);

CREATE MACRO event_links_of(ids) AS TABLE
SELECT x.actor_id, x.role, e.article_id, e.idx, e.type, coalesce(e.date, a.published) AS day,
       a.language, e.negated
FROM event_actors x
JOIN events e ON e.article_id = x.article_id AND e.idx = x.event_idx
JOIN articles a ON a.id = e.article_id
WHERE x.article_id IN (SELECT unnest(ids));

-- The folded names of the actors `ids` taken from the actors table (name, id, id tail).
CREATE MACRO actor_name_keys_of(ids) AS TABLE
SELECT actor_id, key, false AS alias, count(*)::BIGINT AS n
FROM (
    SELECT id, name FROM actors WHERE id IN (SELECT unnest(ids))
    UNION ALL SELECT id, id FROM actors WHERE id IN (SELECT unnest(ids))
    UNION ALL SELECT id, split_part(id, ':', 2) FROM actors
        WHERE id LIKE '%:%' AND id IN (SELECT unnest(ids))
) AS names(actor_id, label),
LATERAL (
    SELECT trim(regexp_replace(lower(strip_accents(replace(label, '’', ''''))), '\s+', ' ', 'g'))
) AS folded(key)
WHERE key <> ''
GROUP BY actor_id, key;

-- The folded aliases used by the articles `ids`, counted (distinct strings folded once).
CREATE MACRO actor_alias_keys_of(ids) AS TABLE
SELECT actor_id, key, true AS alias, sum(n)::BIGINT AS n
FROM (
    SELECT actor_id, label, count(*) AS n
    FROM (SELECT actor_id, unnest(aliases) AS label FROM article_actors
          WHERE article_id IN (SELECT unnest(ids)))
    GROUP BY actor_id, label
) AS labels,
LATERAL (
    SELECT trim(regexp_replace(lower(strip_accents(replace(label, '’', ''''))), '\s+', ' ', 'g'))
) AS folded(key)
WHERE key <> ''
GROUP BY actor_id, key;

-- The aliases used by the articles `ids`, counted.
CREATE MACRO actor_aliases_of(ids) AS TABLE
SELECT actor_id, alias, count(*)::BIGINT AS articles
FROM (SELECT actor_id, unnest(aliases) AS alias FROM article_actors
      WHERE article_id IN (SELECT unnest(ids)))
GROUP BY actor_id, alias;

-- What the articles `ids` add to actor_days.
CREATE MACRO actor_days_of(ids) AS TABLE
WITH links AS (
    SELECT actor_id, article_id, 1 AS linked, 0 AS mentions, 0 AS quotes, 0 AS by_, 0 AS to_
    FROM article_actors WHERE article_id IN (SELECT unnest(ids))
    UNION ALL SELECT actor_id, article_id, 0, 1, 0, 0, 0
    FROM mentions WHERE article_id IN (SELECT unnest(ids))
    UNION ALL SELECT speaker, article_id, 0, 0, 1, 0, 0
    FROM quotes WHERE speaker IS NOT NULL AND article_id IN (SELECT unnest(ids))
    UNION ALL SELECT actor_id, article_id, 0, 0, 0, (role = 'actor')::INT, (role = 'recipient')::INT
    FROM event_actors WHERE article_id IN (SELECT unnest(ids))
),
per_article AS (
    SELECT actor_id, article_id, max(linked) AS linked, sum(mentions) AS mentions,
           sum(quotes) AS quotes, sum(by_) AS by_, sum(to_) AS to_
    FROM links GROUP BY actor_id, article_id
)
SELECT p.actor_id, a.published, a.language,
       sum(p.linked)::BIGINT AS articles,
       count(*) FILTER (p.mentions > 0)::BIGINT AS mention_articles,
       sum(p.mentions)::BIGINT AS mentions,
       sum(p.quotes)::BIGINT AS quotes,
       sum(p.by_)::BIGINT AS events_as_actor,
       sum(p.to_)::BIGINT AS events_as_recipient
FROM per_article p JOIN articles a ON a.id = p.article_id
GROUP BY p.actor_id, a.published, a.language;

INSERT INTO actor_keys SELECT * FROM actor_name_keys_of((SELECT list(id) FROM actors));
INSERT INTO actor_keys SELECT * FROM actor_alias_keys_of((SELECT list(id) FROM articles));
INSERT INTO speaker_keys
SELECT DISTINCT speaker_text,
       trim(regexp_replace(lower(strip_accents(replace(speaker_text, '’', ''''))), '\s+', ' ', 'g'))
FROM quotes WHERE speaker_text IS NOT NULL;
INSERT INTO actor_days SELECT * FROM actor_days_of((SELECT list(id) FROM articles));
INSERT INTO event_links SELECT * FROM event_links_of((SELECT list(id) FROM articles));
INSERT INTO actor_aliases SELECT * FROM actor_aliases_of((SELECT list(id) FROM articles));
