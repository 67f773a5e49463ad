-- veille store, schema version 3: what `veille watch` remembers between passes.
-- Independent of the other migrations: it only adds its own two tables.

-- Every page URL watch has fetched (or found forbidden), so that none is fetched twice.
CREATE TABLE IF NOT EXISTS seen (
    url         VARCHAR PRIMARY KEY,
    listing     VARCHAR,                             -- the feed or sitemap it came from
    status      VARCHAR NOT NULL,                    -- stored | failed | disallowed
    article_id  VARCHAR,
    seen_at     TIMESTAMP NOT NULL
);

-- Each feed or sitemap read, with the validators of its last version for conditional GETs.
CREATE TABLE IF NOT EXISTS listings (
    url            VARCHAR PRIMARY KEY,
    etag           VARCHAR,
    last_modified  VARCHAR,
    checked_at     TIMESTAMP NOT NULL,
    last_status    INTEGER
);
