"""Parquet parts: what a run writes instead of the store, and how `load` merges them into it.

DuckDB allows one writing process, so a distributed run writes parts, one folder per run:

    <table>/<key>.parquet   one file per store table and finished shard (tables with rows only),
                            columns and types as in the store, rows built by `store.rows`
    _done/<key>.json        the shard's completion marker, written last: {shard, documents, ...}

`key` is a hash of the shard id. A shard without a marker is unfinished: a rerun redoes it and
`load` ignores it. Loading replaces what each part's sources and articles stored before, with
the rules of `DuckDBStore.write`, so loading a part twice stores nothing twice.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from veille import __version__
from veille.article import Article
from veille.store import aggregates, rows
from veille.store.duckdb import DuckDBStore

TABLES = (
    "documents", "errors", "articles", "actors", "article_actors", "mentions", "quotes", "events",
    "event_actors",
)  # fmt: skip
# Tables keyed by article id: a loaded part replaces their rows for the articles it holds.
_ARTICLE_TABLES = ("article_actors", "mentions", "quotes", "events", "event_actors")
DONE = "_done"


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def shard_key(shard_id: str) -> str:
    """A file name for a shard id (ids hold paths and URLs)."""
    return hashlib.sha256(shard_id.encode("utf-8", "surrogatepass")).hexdigest()[:32]


@dataclass(frozen=True)
class Part:
    """One finished shard in a parts folder, as its marker describes it."""

    shard: str
    key: str
    documents: int
    tables: tuple[str, ...]


def finished_parts(folder: str | Path) -> dict[str, Part]:
    """The finished shards of `folder`, by shard id, in the order they finished (so that a
    load replays the writes of a direct run); none when the folder does not exist."""
    found = []
    for marker in Path(folder, DONE).glob("*.json"):
        data = json.loads(marker.read_text(encoding="utf-8"))
        part = Part(data["shard"], marker.stem, int(data["documents"]), tuple(data["tables"]))
        found.append((str(data.get("finished", "")), part.key, part))
    return {part.shard: part for _, _, part in sorted(found)}


def batch_rows(
    articles: Iterable[Article], run_id: str, now: datetime
) -> dict[str, list[rows.Row]]:
    """The rows `DuckDBStore.write` would insert for `articles`, by table (empty store assumed:
    one document per source, one article per id, a copy with text winning)."""
    batch = list({a.source: a for a in articles}.values())
    chosen: dict[str, Article] = {}
    for article in batch:
        if article.text or article.id not in chosen:
            chosen[article.id] = article
    out: dict[str, list[rows.Row]] = {
        "documents": [rows.document_row(a, run_id, now) for a in batch],
        "errors": [r for a in batch for r in rows.error_rows(a, run_id)],
        "articles": [rows.article_row(a, now) for a in chosen.values()],
        "actors": rows.merged_actors(list(chosen.values())),
    }
    children = [rows.child_rows(a) for a in chosen.values()]
    for table in _ARTICLE_TABLES:
        out[table] = [r for child in children for r in child[table]]
    return out


def _sql_path(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _replace_json(path: Path, data: dict[str, object]) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)


class PartsWriter:
    """Writes each finished shard's rows as Parquet files, then its completion marker.

    The rows pass through an in-memory store so that the files have the store's exact types.
    """

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        (self.folder / DONE).mkdir(parents=True, exist_ok=True)
        self.run_id = uuid.uuid4().hex  # the run that made these parts; `load` uses its own
        self._memory: DuckDBStore | None = None

    def finished(self) -> dict[str, Part]:
        return finished_parts(self.folder)

    def write(self, shard_id: str, articles: list[Article]) -> int:
        """Write the part of one finished shard; return how many documents it holds."""
        if self._memory is None:
            self._memory = DuckDBStore(":memory:")
        con = self._memory.db
        key = shard_key(shard_id)
        written = []
        for table, data in batch_rows(articles, self.run_id, _now()).items():
            if not data:
                continue
            self._memory._insert(table, data)
            target = self.folder / table / f"{key}.parquet"
            target.parent.mkdir(exist_ok=True)
            tmp = target.with_name(target.name + ".tmp")
            con.execute(f"COPY {table} TO {_sql_path(tmp)} (FORMAT parquet)")
            con.execute(f"DELETE FROM {table}")
            os.replace(tmp, target)
            written.append(table)
        documents = len({a.source for a in articles})
        marker = {"shard": shard_id, "documents": documents, "tables": written,
                  "run_id": self.run_id, "version": __version__, "finished": _now().isoformat()}  # fmt: skip
        _replace_json(self.folder / DONE / f"{key}.json", marker)
        return documents

    def close(self) -> None:
        if self._memory is not None:
            self._memory.close()
            self._memory = None

    def __enter__(self) -> PartsWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@dataclass
class LoadedPart:
    """What loading one part did."""

    documents: int = 0
    new: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (stage, message)


def load_part(store: DuckDBStore, folder: str | Path, part: Part, run_id: str) -> LoadedPart:
    """Merge one part into `store` in one transaction, as `DuckDBStore.write` would its batch.

    The part's documents and errors replace those of the same sources; its articles replace
    the stored ones of the same ids, except that a copy without text never replaces one with.
    """
    con = store.db
    con.execute("BEGIN TRANSACTION")
    try:
        for table in TABLES:
            source = (
                f"read_parquet({_sql_path(Path(folder, table, f'{part.key}.parquet'))})"
                if table in part.tables
                else f"{table} LIMIT 0"
            )
            con.execute(f"CREATE OR REPLACE TEMP TABLE _part_{table} AS SELECT * FROM {source}")
        loaded = _merge_part(store, run_id)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    finally:
        for table in TABLES:
            con.execute(f"DROP TABLE IF EXISTS _part_{table}")
    return loaded


def _merge_part(store: DuckDBStore, run_id: str) -> LoadedPart:
    con, now = store.db, _now()
    loaded = LoadedPart()
    for status, n in con.execute(
        "SELECT status, count(*) FROM _part_documents GROUP BY 1"
    ).fetchall():
        loaded.statuses[status] = n
        loaded.documents += n
    loaded.errors = con.execute(
        "SELECT stage, message FROM _part_errors ORDER BY source, idx"
    ).fetchall()
    row = con.execute(
        "SELECT count(*) FROM _part_documents WHERE source NOT IN (SELECT source FROM documents)"
    ).fetchone()
    loaded.new = int(row[0]) if row else 0
    ids = [r[0] for r in con.execute(
        "SELECT id FROM _part_articles WHERE text <> ''"
        " OR id NOT IN (SELECT id FROM articles WHERE text <> '')"
    ).fetchall()]  # fmt: skip
    for table in ("documents", "errors"):
        con.execute(f"DELETE FROM {table} WHERE source IN (SELECT source FROM _part_documents)")
    aggregates.take_off(con, ids)
    for table in ("articles", *_ARTICLE_TABLES):
        column = "id" if table == "articles" else "article_id"
        con.execute(f"DELETE FROM {table} WHERE {column} IN (SELECT unnest(?))", [ids])
    con.execute(
        "INSERT INTO documents BY NAME"
        " SELECT * REPLACE (?::VARCHAR AS run_id, ?::TIMESTAMP AS stored_at) FROM _part_documents",
        [run_id, now],
    )
    con.execute(
        "INSERT INTO errors BY NAME SELECT * REPLACE (?::VARCHAR AS run_id) FROM _part_errors",
        [run_id],
    )
    con.execute(
        "INSERT INTO articles BY NAME SELECT * REPLACE (?::TIMESTAMP AS stored_at)"
        " FROM _part_articles WHERE id IN (SELECT unnest(?))",
        [now, ids],
    )
    for table in _ARTICLE_TABLES:
        con.execute(
            f"INSERT INTO {table} BY NAME SELECT * FROM _part_{table}"
            " WHERE article_id IN (SELECT unnest(?))",
            [ids],
        )
    actors = con.execute(
        "SELECT id, name, kind, country, sector, wikidata FROM _part_actors"
    ).fetchall()
    store._upsert_actors(actors)
    aggregates.add(con, ids, [a[0] for a in actors])
    return loaded
