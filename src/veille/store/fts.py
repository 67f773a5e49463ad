"""Full-text search over article text and quotes: a SQLite FTS5 index kept beside the store.

DuckDB's own `fts` extension is downloaded at run time (and must match the DuckDB build exactly),
so it cannot be relied on offline. SQLite's FTS5 ships with Python: the index lives in
`<store>.fts.sqlite`, is derived entirely from the DuckDB tables, and is brought up to date
incrementally (articles stored since the last sync) by the writer after each batch and by any
reader that finds it behind. Deleting the file only costs a rebuild.
"""

from __future__ import annotations

import html
import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

# unicode61 folds case and, with remove_diacritics 2, accents (é = e, ç = c) in every language;
# no stemmer: Porter is English-only and would mangle French words.
_TOKENIZE = "unicode61 remove_diacritics 2"
_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS article_rows (rid INTEGER PRIMARY KEY, article_id TEXT UNIQUE);
CREATE TABLE IF NOT EXISTS quote_rows (rid INTEGER PRIMARY KEY, article_id TEXT, idx INTEGER);
CREATE INDEX IF NOT EXISTS quote_rows_article ON quote_rows (article_id);
CREATE VIRTUAL TABLE IF NOT EXISTS article_fts USING fts5(title, text, tokenize='{_TOKENIZE}');
CREATE VIRTUAL TABLE IF NOT EXISTS quote_fts USING fts5(text, tokenize='{_TOKENIZE}');
"""
# Rows read from DuckDB per round trip while syncing.
_BATCH = 500
# Marks that snippet() puts around matched words before they become <mark> tags.
_OPEN, _CLOSE = "\x02", "\x03"
_TERM = re.compile(r'"([^"]*)"|(\S+)')


def fts_path(db_path: str | Path) -> str:
    """Where the index of the store at `db_path` lives (in memory for an in-memory store)."""
    db = str(db_path)
    return ":memory:" if db in ("", ":memory:") else f"{db}.fts.sqlite"


def to_match(query: str) -> str | None:
    """A safe FTS5 MATCH expression for a user's query, or None when it has no words.

    Words are ANDed; "quoted words" are phrases; a trailing * makes a prefix; OR between terms
    is kept. Every other character is literal, so no input can be an FTS5 syntax error.
    """
    parts: list[str] = []
    for phrase, word in _TERM.findall(query):
        if word == "OR":
            if parts and parts[-1] != "OR":
                parts.append("OR")
            continue
        text = phrase if phrase else word.replace('"', "")
        prefix = not phrase and text.endswith("*") and len(text.strip("*")) > 0
        text = text.strip("*") if prefix else text
        if not re.search(r"\w", text):
            continue
        parts.append('"' + text.replace('"', '""') + '"' + ("*" if prefix else ""))
    while parts and parts[-1] == "OR":
        parts.pop()
    return " ".join(parts) or None


def _snippet_html(snippet: str) -> str:
    """Escape a snippet for HTML and turn its match marks into <mark> tags."""
    return html.escape(snippet, quote=False).replace(_OPEN, "<mark>").replace(_CLOSE, "</mark>")


@dataclass(frozen=True, slots=True)
class Hit:
    """One match: the article (and quote index) and its BM25 score (higher is better)."""

    article_id: str
    idx: int | None
    score: float


class FtsIndex:
    """The FTS5 side index of one store. Thread-safe: each call opens its own SQLite connection."""

    def __init__(self, path: str, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self._memory: sqlite3.Connection | None = None
        if path == ":memory:":
            self._memory = sqlite3.connect(":memory:", check_same_thread=False)
        if not read_only:
            with self._connect() as con:
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
                for table in ("meta", "article_rows", "quote_rows", "article_fts", "quote_fts"):
                    con.execute(f"DELETE FROM {table}")
                mark = None
            done = self._index_since(con, db, mark)
            con.execute("INSERT OR REPLACE INTO meta VALUES ('stored_at', ?)", [mark_store])
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
        cur.execute(f"SELECT id, coalesce(title, ''), text FROM articles{where}", params)
        done = 0
        while rows := cur.fetchmany(_BATCH):
            ids = [r[0] for r in rows]
            self._forget(con, ids)
            for article_id, title, text in rows:
                rid = con.execute(
                    "INSERT INTO article_rows (article_id) VALUES (?)", [article_id]
                ).lastrowid
                con.execute(
                    "INSERT INTO article_fts (rowid, title, text) VALUES (?, ?, ?)",
                    [rid, title, text],
                )
            quotes = db.cursor().execute(
                "SELECT article_id, idx, text FROM quotes WHERE article_id IN (SELECT unnest(?))",
                [ids],
            )
            for article_id, idx, text in quotes.fetchall():
                rid = con.execute(
                    "INSERT INTO quote_rows (article_id, idx) VALUES (?, ?)", [article_id, idx]
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
        with self._connect() as con:
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
            f"SELECT r.article_id, snippet(article_fts, 1, '{_OPEN}', '{_CLOSE}', '…', 16)"
            " FROM article_fts JOIN article_rows r ON r.rid = article_fts.rowid"
            f" WHERE article_fts MATCH ? AND r.article_id IN ({marks})"
        )
        with self._connect() as con:
            rows = con.execute(sql, [match, *article_ids]).fetchall()
        return {a: _snippet_html(snip) for a, snip in rows}

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
        with self._connect() as con:
            rows = con.execute(sql, [match]).fetchall()
        return [Hit(a, i, s) for a, i, s in rows]


def _store_state(db: duckdb.DuckDBPyConnection) -> tuple[int, str | None]:
    row = db.cursor().execute("SELECT count(*), CAST(max(stored_at) AS VARCHAR) FROM articles")
    n, mark = row.fetchone() or (0, None)
    return int(n), mark
