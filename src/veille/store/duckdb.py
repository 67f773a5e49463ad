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
from typing import Any

import duckdb

from veille import __version__
from veille.article import Article
from veille.errors import StoreError
from veille.store.fts import FtsIndex, fts_path

# Child tables keyed by article id, cleared before an article is written again.
_ARTICLE_TABLES = ("article_actors", "mentions", "quotes", "events", "event_actors")


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


def document_status(article: Article) -> str:
    """ok: no error; partial: text but errors; failed: no text."""
    if not article.errors:
        return "ok"
    return "partial" if article.text else "failed"


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
        """Store `articles` in one transaction; return how many documents were new."""
        batch = list(articles)
        if not batch:
            return 0
        self.db.execute("BEGIN TRANSACTION")
        try:
            new = sum(self._write_one(a, run_id) for a in batch)
            self.db.execute("COMMIT")
        except duckdb.Error as exc:
            self.db.execute("ROLLBACK")
            raise StoreError(f"cannot write to {self.path}: {exc}") from exc
        self.sync_index()
        return new

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

    def _write_one(self, article: Article, run_id: str) -> int:
        db = self.db
        now = _now()
        known = db.execute("SELECT 1 FROM documents WHERE source = ?", [article.source]).fetchone()
        db.execute(
            "INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?, ?)",
            [article.source, article.id, run_id, document_status(article), now],
        )
        db.execute("DELETE FROM errors WHERE source = ?", [article.source])
        for i, error in enumerate(article.errors):
            db.execute(
                "INSERT INTO errors VALUES (?, ?, ?, ?, ?, ?)",
                [article.id, article.source, i, error.stage, error.message, run_id],
            )
        record = article.to_dict()
        db.execute(
            "INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                article.id, article.source, article.url, article.site, article.title,
                article.authors, article.published, article.language, article.text,
                len(article.errors), json.dumps(record, ensure_ascii=False), now,
            ],
        )  # fmt: skip
        for table in _ARTICLE_TABLES:
            db.execute(f"DELETE FROM {table} WHERE article_id = ?", [article.id])
        self._write_nlp(article)
        return 0 if known else 1

    def _write_nlp(self, article: Article) -> None:
        db, aid = self.db, article.id
        for actor in article.actors:
            db.execute(
                "INSERT INTO actors VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
                " name = excluded.name, kind = excluded.kind,"
                " country = coalesce(excluded.country, actors.country),"
                " sector = coalesce(excluded.sector, actors.sector),"
                " wikidata = coalesce(excluded.wikidata, actors.wikidata)",
                [actor.id, actor.name, actor.kind, actor.country, actor.sector, actor.wikidata],
            )
            db.execute(
                "INSERT INTO article_actors VALUES (?, ?, ?)", [aid, actor.id, actor.aliases]
            )
        rows: list[list[Any]] = [
            [aid, i, m.actor, m.text, m.start, m.end] for i, m in enumerate(article.mentions)
        ]
        if rows:
            db.executemany("INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?)", rows)
        for i, q in enumerate(article.quotes):
            db.execute(
                "INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    aid, i, q.text, q.start, q.end, q.kind, q.speaker, q.speaker_text,
                    q.speaker_start, q.speaker_end, q.cue, q.cue_start, q.cue_end,
                ],
            )  # fmt: skip
        for i, e in enumerate(article.events):
            db.execute(
                "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    aid, i, e.type, e.mode, e.negated, e.future, e.hypothetical, e.historical,
                    e.date, e.location, e.quote, e.cameo, e.contexts, e.trigger,
                    e.evidence.start, e.evidence.end, e.evidence.text,
                ],
            )  # fmt: skip
            links = {("actor", a) for a in e.actor} | {("recipient", r) for r in e.recipient}
            for role, actor_id in sorted(links):
                db.execute("INSERT INTO event_actors VALUES (?, ?, ?, ?)", [aid, i, role, actor_id])

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
