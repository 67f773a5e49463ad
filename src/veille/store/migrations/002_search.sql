-- veille store, schema version 2: what the query layer, the API and the exports read.
-- Full-text search is not here: it lives in a SQLite FTS5 side index (see docs/store.md).

-- Looking actors up by name: which article links them.
CREATE INDEX article_actors_actor ON article_actors (actor_id);

-- Every name an actor goes by, folded (lower case, no accents, ’ as ', single spaces):
-- its display name, its id (country:rus), the tail of its id (rus, nato) and every alias
-- seen in an article, with how many articles used it.
CREATE VIEW actor_names AS
SELECT actor_id, key, sum(n)::BIGINT AS n
FROM (
    SELECT id AS actor_id, name AS label, 1 AS n FROM actors
    UNION ALL SELECT id, id, 1 FROM actors
    UNION ALL SELECT id, split_part(id, ':', 2), 1 FROM actors WHERE id LIKE '%:%'
    UNION ALL SELECT actor_id, unnest(aliases), 1 FROM article_actors
) AS names(actor_id, label, n),
LATERAL (
    SELECT trim(regexp_replace(lower(strip_accents(replace(label, '’', ''''))), '\s+', ' ', 'g'))
) AS folded(key)
WHERE key <> ''
GROUP BY actor_id, key;

-- A GDELT 2.0-style event table (one row per asserted event of an article); the mapping is
-- described in docs/store.md. Negated and hypothetical events are left out, as GDELT codes
-- only events reported as happening.
CREATE VIEW events_gdelt AS
WITH plover(type, root) AS (
    -- The CAMEO root code of each PLOVER type, used when an event has no CAMEO code.
    VALUES ('AGREE', '03'), ('CONSULT', '04'), ('SUPPORT', '05'), ('CONCEDE', '08'),
           ('COOPERATE', '06'), ('AID', '07'), ('RETREAT', '08'), ('REQUEST', '02'),
           ('ACCUSE', '11'), ('REJECT', '12'), ('THREATEN', '13'), ('PROTEST', '14'),
           ('SANCTION', '16'), ('MOBILIZE', '15'), ('COERCE', '17'), ('ASSAULT', '18')
),
ev AS (
    SELECT e.article_id, e.idx, e.type, e.mode, e.cameo, e.location, e.evidence_start,
           coalesce(e.date, a.published) AS day,
           coalesce(left(e.cameo, 2), p.root) AS root,
           json_extract_string(a.record, '$.events[' || e.idx || '].actor[0]') AS actor1,
           json_extract_string(a.record, '$.events[' || e.idx || '].recipient[0]') AS actor2,
           coalesce(nullif(strpos(a.text, chr(10)), 0) - 1, length(a.text)) AS lead_end,
           coalesce(a.url, a.source) AS url, a.stored_at
    FROM events e
    JOIN articles a ON a.id = e.article_id
    LEFT JOIN plover p ON p.type = e.type
    WHERE NOT e.negated AND NOT e.hypothetical
)
SELECT
    CAST('0x' || substr(sha256(ev.article_id || ':' || ev.idx), 1, 15) AS BIGINT) AS GLOBALEVENTID,
    CAST(strftime(ev.day, '%Y%m%d') AS INTEGER) AS SQLDATE,
    CAST(strftime(ev.day, '%Y%m') AS INTEGER) AS MonthYear,
    year(ev.day) AS "Year",
    round(year(ev.day) + (dayofyear(ev.day) - 1) / 365.0, 4) AS FractionDate,
    nullif(coalesce(a1.country, '') || coalesce(a1.sector, ''), '') AS Actor1Code,
    upper(a1.name) AS Actor1Name,
    a1.country AS Actor1CountryCode,
    a1.sector AS Actor1Type1Code,
    nullif(coalesce(a2.country, '') || coalesce(a2.sector, ''), '') AS Actor2Code,
    upper(a2.name) AS Actor2Name,
    a2.country AS Actor2CountryCode,
    a2.sector AS Actor2Type1Code,
    CAST(ev.evidence_start < ev.lead_end AS INTEGER) AS IsRootEvent,
    coalesce(ev.cameo, ev.root) AS EventCode,
    coalesce(left(ev.cameo, 3), ev.root) AS EventBaseCode,
    ev.root AS EventRootCode,
    CASE  -- GDELT's grouping of root codes: verbal/material cooperation/conflict
        WHEN ev.root IS NULL THEN NULL
        WHEN ev.root <= '05' THEN 1
        WHEN ev.root <= '09' THEN 2
        WHEN ev.root <= '14' THEN 3
        ELSE 4
    END AS QuadClass,
    CAST(NULL AS DOUBLE) AS GoldsteinScale,
    1 AS NumMentions,
    1 AS NumSources,
    1 AS NumArticles,
    CAST(NULL AS DOUBLE) AS AvgTone,
    ev.location AS ActionGeo_FullName,
    CAST(strftime(ev.stored_at, '%Y%m%d%H%M%S') AS BIGINT) AS DATEADDED,
    ev.url AS SOURCEURL,
    ev.article_id AS veille_article_id,
    ev.idx AS veille_event_idx,
    ev.type AS veille_type,
    ev.mode AS veille_mode,
    ev.actor1 AS veille_actor1,
    ev.actor2 AS veille_actor2
FROM ev
LEFT JOIN actors a1 ON a1.id = ev.actor1
LEFT JOIN actors a2 ON a2.id = ev.actor2;
