"""The embedded DuckDB store: idempotent writes, resumable runs, schema migrations."""

from __future__ import annotations

import json
import sqlite3
import uuid
import warnings
from collections.abc import Iterable
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

import duckdb

from veille import __version__
from veille.article import Article
from veille.errors import StoreError
from veille.store import aggregates, rows
from veille.store.fts import FtsIndex, fts_path

# Child tables keyed by article id, cleared before an article is written again.
_ARTICLE_TABLES = ("article_actors", "mentions", "quotes", "events", "event_actors")
# Rows per INSERT statement: DuckDB binds up to tens of thousands of parameters at once;
# 200 rows of the widest table (17 columns) stay well below that.
_INSERT_CHUNK = 200


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def migrations() -> list[tuple[int, str]]:
    """The shipped migrations as (version, SQL), in order."""
    folder = resources.files("veille.store") / "migrations"
    found = []
    for entry in folder.iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:3].isdigit():
            found.append((int(name[:3]), entry.read_text(encoding="utf-8")))
    return sorted(found)


class DuckDBStore:
    """One DuckDB file. One process writes at a time (DuckDB's rule); readers may be many."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = str(path)
        self.fts: FtsIndex | None = None
        try:
            self.db = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open store {self.path}: {exc}") from exc
        if not read_only:
            self.migrate()

    # -- schema ---------------------------------------------------------------------------
    def schema_version(self) -> int:
        exists = self.db.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
        ).fetchone()
        if not exists or not exists[0]:
            return 0
        row = self.db.execute("SELECT max(version) FROM schema_version").fetchone()
        return int(row[0] or 0) if row else 0

    def migrate(self) -> int:
        """Apply every migration newer than the file's schema; return the resulting version."""
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS schema_version"
            " (version INTEGER PRIMARY KEY, applied TIMESTAMP)"
        )
        current = self.schema_version()
        for version, sql in migrations():
            if version <= current:
                continue
            self.db.execute("BEGIN TRANSACTION")
            try:
                self.db.execute(sql)
                self.db.execute("INSERT INTO schema_version VALUES (?, ?)", [version, _now()])
                self.db.execute("COMMIT")
            except duckdb.Error as exc:
                self.db.execute("ROLLBACK")
                raise StoreError(f"migration {version:03d} failed: {exc}") from exc
            current = version
        return current

    # -- runs -----------------------------------------------------------------------------
    def begin_run(self, inputs: list[str]) -> str:
        run_id = uuid.uuid4().hex
        self.db.execute(
            "INSERT INTO runs (run_id, started, inputs, version) VALUES (?, ?, ?, ?)",
            [run_id, _now(), inputs, __version__],
        )
        return run_id

    def finish_run(self, run_id: str, counts: dict[str, int], status: str = "finished") -> None:
        self.db.execute(
            "UPDATE runs SET finished = ?, documents = ?, stored = ?, failed = ?, skipped = ?,"
            " status = ? WHERE run_id = ?",
            [
                _now(),
                counts.get("documents", 0),
                counts.get("stored", 0),
                counts.get("failed", 0),
                counts.get("skipped", 0),
                status,
                run_id,
            ],
        )

    def done_sources(self) -> frozenset[str]:
        """Sources already stored: a rerun skips them."""
        return frozenset(r[0] for r in self.db.execute("SELECT source FROM documents").fetchall())

    # -- writes ---------------------------------------------------------------------------
    def write(self, articles: Iterable[Article], run_id: str) -> int:
        """Store `articles` in one transaction; return how many documents were new.

        Writing a source again replaces its document, errors and article rows; an article that
        failed (no text) never replaces a stored copy of the same article that has text.
        """
        batch = list({a.source: a for a in articles}.values())
        if not batch:
            return 0
        self.db.execute("BEGIN TRANSACTION")
        try:
            new = self._write_batch(batch, run_id)
            self.db.execute("COMMIT")
        except duckdb.Error as exc:
            self.db.execute("ROLLBACK")
            raise StoreError(f"cannot write to {self.path}: {exc}") from exc
        self.sync_index()
        return new

    def _write_batch(self, batch: list[Article], run_id: str) -> int:
        now = _now()
        sources = [a.source for a in batch]
        known = self._present("SELECT source FROM documents WHERE source IN", sources)
        with_text = self._present(
            "SELECT id FROM articles WHERE text <> '' AND id IN", [a.id for a in batch]
        )
        # One article row per id: a copy with text wins over a failed one.
        chosen: dict[str, Article] = {}
        for article in batch:
            if article.text or (article.id not in with_text and article.id not in chosen):
                chosen[article.id] = article
        self._delete("documents", "source", sources)
        self._delete("errors", "source", sources)
        ids = list(chosen)
        aggregates.take_off(self.db, ids)
        for table in ("articles", *_ARTICLE_TABLES):
            self._delete(table, "id" if table == "articles" else "article_id", ids)
        self._insert("documents", [rows.document_row(a, run_id, now) for a in batch])
        self._insert("errors", [r for a in batch for r in rows.error_rows(a, run_id)])
        self._insert("articles", [rows.article_row(a, now) for a in chosen.values()])
        children = [rows.child_rows(a) for a in chosen.values()]
        for table in _ARTICLE_TABLES:
            self._insert(table, [r for child in children for r in child[table]])
        actors = rows.merged_actors(list(chosen.values()))
        self._upsert_actors(actors)
        aggregates.add(self.db, ids, [a[0] for a in actors])
        return len(set(sources) - known)

    def _present(self, select: str, values: list[str]) -> set[str]:
        if not values:
            return set()
        found = self.db.execute(f"{select} (SELECT unnest(?))", [values]).fetchall()
        return {r[0] for r in found}

    def _delete(self, table: str, column: str, values: list[str]) -> None:
        if values:
            self.db.execute(f"DELETE FROM {table} WHERE {column} IN (SELECT unnest(?))", [values])

    def _insert(self, table: str, data: list[rows.Row], suffix: str = "") -> None:
        """Multi-row INSERTs, a chunk at a time (one statement per row is ~50x slower)."""
        for start in range(0, len(data), _INSERT_CHUNK):
            chunk = data[start : start + _INSERT_CHUNK]
            width = len(chunk[0])
            values = ", ".join(["(" + ", ".join(["?"] * width) + ")"] * len(chunk))
            params = [value for row in chunk for value in row]
            self.db.execute(f"INSERT INTO {table} VALUES {values}{suffix}", params)

    def _upsert_actors(self, data: list[rows.Row]) -> None:
        self._insert(
            "actors",
            data,
            " ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind,"
            " country = coalesce(excluded.country, actors.country),"
            " sector = coalesce(excluded.sector, actors.sector),"
            " wikidata = coalesce(excluded.wikidata, actors.wikidata)",
        )

    def sync_index(self, rebuild: bool = False) -> int:
        """Bring the full-text side index up to date (incrementally); return articles indexed.

        The index is derived data: a failure here is a warning, and the next reader rebuilds it.
        """
        try:
            if self.fts is None:
                self.fts = FtsIndex(fts_path(self.path))
            return self.fts.sync(self.db, rebuild=rebuild)
        except (sqlite3.Error, OSError) as exc:
            warnings.warn(f"full-text index of {self.path} not updated: {exc}", stacklevel=2)
            return 0

    def refresh_aggregates(self) -> None:
        """Recompute the derived tables (after a bulk load that bypassed `write`)."""
        aggregates.rebuild(self.db)

    # -- reads ----------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        tables = ("documents", "articles", "errors", "actors", "mentions", "quotes", "events")
        out = {}
        for table in tables:
            row = self.db.execute(f"SELECT count(*) FROM {table}").fetchone()
            out[table] = int(row[0]) if row else 0
        return out

    def article(self, article_id: str) -> Article | None:
        row = self.db.execute("SELECT record FROM articles WHERE id = ?", [article_id]).fetchone()
        return Article.from_dict(json.loads(row[0])) if row else None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> DuckDBStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
