-- veille store, schema version 1: one row per input document, article, actor, mention, quote,
-- event (with its actor links), error and run.

CREATE TABLE runs (
    run_id      VARCHAR PRIMARY KEY,
    started     TIMESTAMP NOT NULL,
    finished    TIMESTAMP,
    inputs      VARCHAR[] NOT NULL,
    version     VARCHAR NOT NULL,
    documents   INTEGER DEFAULT 0,
    stored      INTEGER DEFAULT 0,
    failed      INTEGER DEFAULT 0,
    skipped     INTEGER DEFAULT 0,
    status      VARCHAR NOT NULL DEFAULT 'running'   -- running | finished | interrupted
);

-- Every input document, by where it came from; several sources may hold the same article.
CREATE TABLE documents (
    source      VARCHAR PRIMARY KEY,
    article_id  VARCHAR NOT NULL,
    run_id      VARCHAR NOT NULL,
    status      VARCHAR NOT NULL,                    -- ok | partial | failed
    stored_at   TIMESTAMP NOT NULL
);

CREATE TABLE articles (
    id          VARCHAR PRIMARY KEY,
    source      VARCHAR NOT NULL,
    url         VARCHAR,
    site        VARCHAR,
    title       VARCHAR,
    authors     VARCHAR[],
    published   DATE,
    language    VARCHAR,
    text        VARCHAR NOT NULL,
    n_errors    INTEGER NOT NULL,
    record      JSON NOT NULL,                       -- the whole contract record
    stored_at   TIMESTAMP NOT NULL
);

CREATE TABLE errors (
    article_id  VARCHAR NOT NULL,
    source      VARCHAR NOT NULL,
    idx         INTEGER NOT NULL,
    stage       VARCHAR NOT NULL,
    message     VARCHAR NOT NULL,
    run_id      VARCHAR NOT NULL,
    PRIMARY KEY (source, idx)
);

CREATE TABLE actors (
    id          VARCHAR PRIMARY KEY,
    name        VARCHAR NOT NULL,
    kind        VARCHAR NOT NULL,
    country     VARCHAR,
    sector      VARCHAR,
    wikidata    VARCHAR
);

CREATE TABLE article_actors (
    article_id  VARCHAR NOT NULL,
    actor_id    VARCHAR NOT NULL,
    aliases     VARCHAR[],
    PRIMARY KEY (article_id, actor_id)
);

CREATE TABLE mentions (
    article_id  VARCHAR NOT NULL,
    idx         INTEGER NOT NULL,
    actor_id    VARCHAR NOT NULL,
    text        VARCHAR NOT NULL,
    "start"     INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE quotes (
    article_id    VARCHAR NOT NULL,
    idx           INTEGER NOT NULL,
    text          VARCHAR NOT NULL,
    "start"       INTEGER NOT NULL,
    "end"         INTEGER NOT NULL,
    kind          VARCHAR NOT NULL,
    speaker       VARCHAR,
    speaker_text  VARCHAR,
    speaker_start INTEGER,
    speaker_end   INTEGER,
    cue           VARCHAR,
    cue_start     INTEGER,
    cue_end       INTEGER,
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE events (
    article_id     VARCHAR NOT NULL,
    idx            INTEGER NOT NULL,
    type           VARCHAR NOT NULL,
    mode           VARCHAR,
    negated        BOOLEAN NOT NULL,
    future         BOOLEAN NOT NULL,
    hypothetical   BOOLEAN NOT NULL,
    historical     BOOLEAN NOT NULL,
    date           DATE,
    location       VARCHAR,
    quote_idx      INTEGER,
    cameo          VARCHAR,
    contexts       VARCHAR[],
    trigger        VARCHAR,
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL,
    evidence_text  VARCHAR NOT NULL,
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE event_actors (
    article_id  VARCHAR NOT NULL,
    event_idx   INTEGER NOT NULL,
    role        VARCHAR NOT NULL,                    -- actor | recipient
    actor_id    VARCHAR NOT NULL,
    PRIMARY KEY (article_id, event_idx, role, actor_id)
);

CREATE INDEX articles_published ON articles (published);
CREATE INDEX quotes_speaker ON quotes (speaker);
CREATE INDEX events_type ON events (type);
CREATE INDEX event_actors_actor ON event_actors (actor_id);
CREATE INDEX mentions_actor ON mentions (actor_id);
