"""Full-text search over article text and quotes: a SQLite FTS5 index kept beside the store.

DuckDB's own `fts` extension is downloaded at run time (and must match the DuckDB build exactly),
so it cannot be relied on offline. SQLite's FTS5 ships with Python: the index lives in
`<store>.fts.sqlite`, is derived entirely from the DuckDB tables, and is brought up to date
incrementally (articles stored since the last sync) by the writer after each batch and by any
reader that finds it behind. Deleting the file only costs a rebuild.

Rows also carry what searches filter and break ties on (publication date, language, site), so
that a page of hits is counted, filtered, ordered and cut in SQLite (`page_articles`,
`page_quotes`) rather than every hit being handed to DuckDB.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import duckdb

from veille.store.fts_match import CLOSE, OPEN, snippet_html, to_match

# unicode61 folds case and, with remove_diacritics 2, accents (é = e, ç = c) in every language;
# no stemmer: Porter is English-only and would mangle French words.
_TOKENIZE = "unicode61 remove_diacritics 2"
# Bumped when the tables below change: an index of another version is dropped and rebuilt.
SCHEMA_VERSION = "3"
_TABLES = ("meta", "article_rows", "quote_rows", "article_fts", "quote_fts")
_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS article_rows (rid INTEGER PRIMARY KEY, article_id TEXT UNIQUE,
    published TEXT, language TEXT, site TEXT);
CREATE TABLE IF NOT EXISTS quote_rows (rid INTEGER PRIMARY KEY, article_id TEXT, idx INTEGER,
    published TEXT, language TEXT, card TEXT);
INSERT OR IGNORE INTO meta VALUES ('schema', '{SCHEMA_VERSION}');
CREATE INDEX IF NOT EXISTS quote_rows_article ON quote_rows (article_id);
CREATE VIRTUAL TABLE IF NOT EXISTS article_fts USING fts5(title, text, tokenize='{_TOKENIZE}');
CREATE VIRTUAL TABLE IF NOT EXISTS quote_fts USING fts5(text, tokenize='{_TOKENIZE}');
"""
# Rows read from DuckDB per round trip while syncing.
_BATCH = 500
# Reading connections: map up to 256 MiB of the index file, and keep 64 MiB of pages cached.
_MMAP_BYTES = 256 * 1024 * 1024
_CACHE_KIB = 64 * 1024


def fts_path(db_path: str | Path) -> str:
    """Where the index of the store at `db_path` lives (in memory for an in-memory store)."""
    db = str(db_path)
    return ":memory:" if db in ("", ":memory:") else f"{db}.fts.sqlite"


@dataclass(frozen=True, slots=True)
class Hit:
    """One match: the article (and quote index) and its BM25 score (higher is better)."""

    article_id: str
    idx: int | None
    score: float | None
    card: dict[str, Any] | None = None  # a quote's list columns, when the index holds them


class FtsIndex:
    """The FTS5 side index of one store. Thread-safe: each call opens its own SQLite connection."""

    def __init__(self, path: str, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self._memory: sqlite3.Connection | None = None
        self._local = threading.local()  # one reading connection per thread, kept open
        if path == ":memory:":
            self._memory = sqlite3.connect(":memory:", check_same_thread=False)
        with self._connect() as con:
            version = _schema_version(con)
            if version != SCHEMA_VERSION and read_only:
                raise sqlite3.DatabaseError(f"full-text index of schema {version}, not current")
            if version != SCHEMA_VERSION:
                for table in _TABLES:
                    con.execute(f"DROP TABLE IF EXISTS {table}")
            if not read_only:
                con.executescript(_SCHEMA)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        if self._memory is not None:
            with self._memory:
                yield self._memory
            return
        if self.read_only:
            uri = f"{Path(self.path).resolve().as_uri()}?mode=ro"
            con = sqlite3.connect(uri, uri=True, timeout=30)
        else:
            con = sqlite3.connect(self.path, timeout=30)
            con.execute("PRAGMA journal_mode=WAL")
        with closing(con), con:
            yield con

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        """A connection for searches: this thread's own, opened once (searches are many)."""
        if self._memory is not None:
            with self._memory:
                yield self._memory
            return
        con = getattr(self._local, "con", None)
        if con is None:
            if self.read_only:
                uri = f"{Path(self.path).resolve().as_uri()}?mode=ro"
                con = sqlite3.connect(uri, uri=True, timeout=30)
            else:
                con = sqlite3.connect(self.path, timeout=30)
            # Searches read many index pages: memory-mapped reads and a larger page cache make
            # a search about 1.6x faster on a 10,000-article index (benchmarks/load_cost.py).
            con.execute(f"PRAGMA mmap_size = {_MMAP_BYTES}")
            con.execute(f"PRAGMA cache_size = -{_CACHE_KIB}")
            self._local.con = con
        yield con

    # -- keeping it in sync ---------------------------------------------------------------
    def state(self) -> tuple[int, str | None]:
        """(articles indexed, stored_at watermark) as last synced."""
        with self._connect() as con:
            meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
            n = con.execute("SELECT count(*) FROM article_rows").fetchone()[0]
        return int(n), meta.get("stored_at")

    def is_current(self, db: duckdb.DuckDBPyConnection) -> bool:
        """Whether the index holds exactly the store's articles as of their last write."""
        n, mark = _store_state(db)
        return (n, mark) == self.state()

    def sync(self, db: duckdb.DuckDBPyConnection, rebuild: bool = False) -> int:
        """Index the articles stored since the last sync (all of them with `rebuild`)."""
        n_store, mark_store = _store_state(db)
        n_index, mark = self.state()
        if not rebuild and (n_index, mark) == (n_store, mark_store):
            return 0
        with self._connect() as con:
            if rebuild or mark is None or n_index > n_store:
                for table in _TABLES[1:]:
                    con.execute(f"DELETE FROM {table}")
                mark = None
            done = self._index_since(con, db, mark)
            con.execute("INSERT OR REPLACE INTO meta VALUES ('stored_at', ?)", [mark_store])
            con.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", [SCHEMA_VERSION])
            indexed = con.execute("SELECT count(*) FROM article_rows").fetchone()[0]
        if indexed != n_store:  # the watermark missed something (clock change): start again
            return self.sync(db, rebuild=True) if not rebuild else done
        return done

    def _index_since(
        self, con: sqlite3.Connection, db: duckdb.DuckDBPyConnection, mark: str | None
    ) -> int:
        where = "" if mark is None else " WHERE stored_at >= CAST(? AS TIMESTAMP)"
        params = [] if mark is None else [mark]
        cur = db.cursor()
        cur.execute(
            "SELECT id, coalesce(title, ''), text, CAST(published AS VARCHAR), language, site,"
            f" title, url FROM articles{where}",
            params,
        )
        done = 0
        while rows := cur.fetchmany(_BATCH):
            ids = [r[0] for r in rows]
            self._forget(con, ids)
            by_id = {}
            for article_id, title, text, published, language, site, raw_title, url in rows:
                by_id[article_id] = {
                    "published": published, "language": language, "title": raw_title,
                    "url": url, "site": site,
                }  # fmt: skip
                rid = con.execute(
                    "INSERT INTO article_rows (article_id, published, language, site)"
                    " VALUES (?, ?, ?, ?)",
                    [article_id, published, language, site],
                ).lastrowid
                con.execute(
                    "INSERT INTO article_fts (rowid, title, text) VALUES (?, ?, ?)",
                    [rid, title, text],
                )
            quotes = db.cursor().execute(
                "SELECT q.article_id, q.idx, q.text, q.kind, q.speaker, s.name, q.speaker_text,"
                " q.cue FROM quotes q LEFT JOIN actors s ON s.id = q.speaker"
                " WHERE q.article_id IN (SELECT unnest(?))",
                [ids],
            )
            for article_id, idx, text, kind, speaker, name, speaker_text, cue in quotes.fetchall():
                article = by_id[article_id]
                card = {
                    "article_id": article_id, "idx": idx, "text": text, "kind": kind,
                    "speaker": speaker, "speaker_name": name, "speaker_text": speaker_text,
                    "cue": cue, **article,
                }  # fmt: skip
                rid = con.execute(
                    "INSERT INTO quote_rows (article_id, idx, published, language, card)"
                    " VALUES (?, ?, ?, ?, ?)",
                    [article_id, idx, article["published"], article["language"], json.dumps(card)],
                ).lastrowid
                con.execute("INSERT INTO quote_fts (rowid, text) VALUES (?, ?)", [rid, text])
            done += len(rows)
        return done

    @staticmethod
    def _forget(con: sqlite3.Connection, ids: Sequence[str]) -> None:
        for article_id in ids:
            con.execute(
                "DELETE FROM article_fts WHERE rowid IN"
                " (SELECT rid FROM article_rows WHERE article_id = ?)",
                [article_id],
            )
            con.execute("DELETE FROM article_rows WHERE article_id = ?", [article_id])
            con.execute(
                "DELETE FROM quote_fts WHERE rowid IN"
                " (SELECT rid FROM quote_rows WHERE article_id = ?)",
                [article_id],
            )
            con.execute("DELETE FROM quote_rows WHERE article_id = ?", [article_id])

    # -- searching ------------------------------------------------------------------------
    def articles(self, query: str) -> list[Hit]:
        """Every article matching `query` (title or text), best first (no snippets)."""
        match = to_match(query)
        if match is None:
            return []
        sql = (
            "SELECT r.article_id, -bm25(article_fts, 2.0, 1.0)"
            " FROM article_fts JOIN article_rows r ON r.rid = article_fts.rowid"
            " WHERE article_fts MATCH ? ORDER BY bm25(article_fts, 2.0, 1.0)"
        )
        with self._reading() as con:
            rows = con.execute(sql, [match]).fetchall()
        return [Hit(a, None, s) for a, s in rows]

    def snippets(self, query: str, article_ids: Sequence[str]) -> dict[str, str]:
        """HTML snippets of the text of `article_ids` around the words of `query`: computed
        for one page of results only, as they cost far more than matching."""
        match = to_match(query)
        if match is None or not article_ids:
            return {}
        marks = ", ".join("?" for _ in article_ids)
        sql = (
            f"SELECT r.article_id, snippet(article_fts, 1, '{OPEN}', '{CLOSE}', '…', 16)"
            " FROM article_fts JOIN article_rows r ON r.rid = article_fts.rowid"
            f" WHERE article_fts MATCH ? AND r.article_id IN ({marks})"
        )
        with self._reading() as con:
            rows = con.execute(sql, [match, *article_ids]).fetchall()
        return {a: snippet_html(snip) for a, snip in rows}

    def quotes(self, query: str) -> list[Hit]:
        """Every quote matching `query`, best first."""
        match = to_match(query)
        if match is None:
            return []
        sql = (
            "SELECT r.article_id, r.idx, -bm25(quote_fts) FROM quote_fts"
            " JOIN quote_rows r ON r.rid = quote_fts.rowid"
            " WHERE quote_fts MATCH ? ORDER BY bm25(quote_fts)"
        )
        with self._reading() as con:
            rows = con.execute(sql, [match]).fetchall()
        return [Hit(a, i, s) for a, i, s in rows]

    def page_articles(
        self, query: str, limit: int, offset: int, **filters: Any
    ) -> tuple[int, list[Hit]]:
        """(how many articles match, one page of them): best first, then newest, then by id,
        as `articles` joined to the store orders them. `filters`: language, site, date_from,
        date_to (inclusive)."""
        score = "bm25(article_fts, 2.0, 1.0)"
        return self._page("article", score, "", query, limit, offset, filters)

    def page_quotes(
        self, query: str, limit: int, offset: int, **filters: Any
    ) -> tuple[int, list[Hit]]:
        """(how many quotes match, one page of them), ordered as `page_articles` (then by
        index). `filters`: language, date_from, date_to."""
        return self._page("quote", "bm25(quote_fts)", ", r.idx", query, limit, offset, filters)

    def _page(
        self,
        kind: str,
        score: str,
        idx: str,
        query: str,
        limit: int,
        offset: int,
        filters: dict[str, Any],
    ) -> tuple[int, list[Hit]]:
        match = to_match(query)
        if match is None:
            return 0, []
        where, params = [f"{kind}_fts MATCH ?"], [match]
        for name, value in filters.items():
            if value is None:
                continue
            column, test = {
                "language": ("language", "="),
                "site": ("site", "="),
                "date_from": ("published", ">="),
                "date_to": ("published", "<="),
            }[name]
            where.append(f"r.{column} {test} ?")
            params.append(value.isoformat() if isinstance(value, date) else value)
        joined = f"FROM {kind}_fts JOIN {kind}_rows r ON r.rid = {kind}_fts.rowid"
        cond = " AND ".join(where)
        counted = f"FROM {kind}_fts WHERE {cond}" if len(where) == 1 else f"{joined} WHERE {cond}"
        card = ", r.card" if kind == "quote" else ", NULL"
        sql = (
            f"SELECT r.article_id{idx or ', NULL'}, -{score}{card} {joined} WHERE {cond}"
            f" ORDER BY {score}, r.published DESC NULLS LAST, r.article_id{idx} LIMIT ? OFFSET ?"
        )
        with self._reading() as con:
            total = con.execute(f"SELECT count(*) {counted}", params).fetchone()[0]
            rows = con.execute(sql, [*params, limit, offset]).fetchall() if total > offset else []
        return int(total), [Hit(a, i, s, json.loads(c) if c else None) for a, i, s, c in rows]


def _schema_version(con: sqlite3.Connection) -> str | None:
    """The schema version of an index (None when it has no tables yet)."""
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "meta" not in tables:
        return None
    row = con.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    return row[0] if row else "1"


def _store_state(db: duckdb.DuckDBPyConnection) -> tuple[int, str | None]:
    row = db.cursor().execute("SELECT count(*), CAST(max(stored_at) AS VARCHAR) FROM articles")
    n, mark = row.fetchone() or (0, None)
    return int(n), mark
