"""The jobs: `extract_records` (records out), `run` (records into a store or Parquet parts)
and `load` (parts into a store)."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from veille.article import Article
from veille.config import Settings
from veille.errors import ConfigError
from veille.executors.local import run_local
from veille.pipeline import Shard, ShardResult
from veille.sources import open_inputs
from veille.store import DuckDBStore, document_status

Progress = Callable[[int, int], None]  # (documents done in this call, shards done)
Executor = Literal["local", "ray"]


@dataclass
class Summary:
    """What a run did."""

    documents: int = 0
    stored: int = 0
    skipped: int = 0
    failed: int = 0
    partial: int = 0
    seconds: float = 0.0
    reasons: Counter[str] = field(default_factory=Counter)

    def add(self, article: Article) -> None:
        self.documents += 1
        status = document_status(article)
        self.failed += status == "failed"
        self.partial += status == "partial"
        for error in article.errors:
            self.reasons[f"{error.stage}: {reason_key(error.message)}"] += 1

    @property
    def rate(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0

    def counts(self) -> dict[str, int]:
        return {
            "documents": self.documents,
            "stored": self.stored,
            "failed": self.failed,
            "skipped": self.skipped,
        }


def reason_key(message: str) -> str:
    """The kind of an error message: its head before ": " (messages are "kind: details")."""
    head, sep, _ = message.partition(": ")
    return head if sep and len(head) <= 40 else message[:40]


def extract_records(
    inputs: list[str], settings: Settings | None = None, progress: Progress | None = None
) -> Iterator[Article]:
    """Process `inputs` and yield one article per document, in input order."""
    settings = settings or Settings()
    shards = open_inputs(inputs, settings)
    order = {shard.id: i for i, shard in enumerate(shards)}
    ready: dict[int, list[Article]] = {}
    next_index = 0
    for result in run_local(shards, settings):
        ready[order[result.shard_id]] = result.articles
        if progress:
            progress(len(result.articles), 1)
        while next_index in ready:
            yield from ready.pop(next_index)
            next_index += 1


def execute(
    shards: Sequence[Shard],
    settings: Settings,
    skip: frozenset[str] = frozenset(),
    executor: Executor = "local",
    address: str | None = None,
) -> Iterator[ShardResult]:
    """Shard results as shards finish, from the named executor."""
    if executor == "ray":
        from veille.executors.ray import run_ray

        return run_ray(shards, settings, skip, address)
    if executor != "local":
        raise ConfigError(f"unknown executor {executor!r}: use local or ray")
    if address:
        raise ConfigError("a Ray address needs the ray executor")
    return run_local(shards, settings, skip)


def run(
    inputs: list[str],
    db: str | Path | None = None,
    settings: Settings | None = None,
    progress: Progress | None = None,
    *,
    executor: Executor = "local",
    address: str | None = None,
    parts: str | Path | None = None,
) -> Summary:
    """Process `inputs` into the store at `db`, or into Parquet parts in the folder `parts`.

    Into a store, documents already stored are skipped; into parts, finished shards are.
    `executor`: "local" (a process pool) or "ray" (`address`: None for a local Ray instance,
    "auto" or a cluster address otherwise).
    """
    settings = settings or Settings()
    if (db is None) == (parts is None):
        raise ConfigError("give either a store (--db) or a parts folder (--parts), not both")
    if parts is not None:
        return _run_into_parts(inputs, Path(parts), settings, progress, executor, address)
    summary = Summary()
    started = time.perf_counter()
    with DuckDBStore(db) as store:  # type: ignore[arg-type]
        shards = open_inputs(inputs, settings)
        skip = store.done_sources()
        run_id = store.begin_run(inputs)
        status = "interrupted"
        try:
            for result in execute(shards, settings, skip, executor, address):
                for article in result.articles:
                    summary.add(article)
                summary.skipped += result.skipped
                summary.stored += store.write(result.articles, run_id)
                if progress:
                    progress(len(result.articles) + result.skipped, 1)
            status = "finished"
        finally:
            summary.seconds = time.perf_counter() - started
            store.finish_run(run_id, summary.counts(), status)
    return summary


def _run_into_parts(
    inputs: list[str],
    folder: Path,
    settings: Settings,
    progress: Progress | None,
    executor: Executor,
    address: str | None,
) -> Summary:
    """`run` into parts: one Parquet file per table and finished shard; `stored` counts the
    documents written to parts, `skipped` those of shards finished by an earlier run."""
    from veille.store.parquet import PartsWriter

    summary = Summary()
    started = time.perf_counter()
    shards = open_inputs(inputs, settings)
    with PartsWriter(folder) as writer:
        done = writer.finished()
        todo = [shard for shard in shards if shard.id not in done]
        summary.skipped = sum(done[s.id].documents for s in shards if s.id in done)
        try:
            for result in execute(todo, settings, frozenset(), executor, address):
                for article in result.articles:
                    summary.add(article)
                summary.stored += writer.write(result.shard_id, result.articles)
                if progress:
                    progress(len(result.articles), 1)
        finally:
            summary.seconds = time.perf_counter() - started
    return summary


def load(parts: str | Path, db: str | Path, progress: Progress | None = None) -> Summary:
    """Merge the finished Parquet parts in the folder `parts` into the store at `db`.

    Idempotent: loading the same parts again stores nothing twice (`stored` counts sources
    new to the store).
    """
    from veille.store.parquet import finished_parts, load_part

    folder = Path(parts)
    if not folder.is_dir():
        raise ConfigError(f"no parts folder at {folder}")
    summary = Summary()
    started = time.perf_counter()
    with DuckDBStore(db) as store:
        run_id = store.begin_run([str(folder)])
        status = "interrupted"
        try:
            for part in finished_parts(folder).values():
                loaded = load_part(store, folder, part, run_id)
                summary.documents += loaded.documents
                summary.stored += loaded.new
                summary.failed += loaded.statuses["failed"]
                summary.partial += loaded.statuses["partial"]
                for stage, message in loaded.errors:
                    summary.reasons[f"{stage}: {reason_key(message)}"] += 1
                if progress:
                    progress(loaded.documents, 1)
            store.sync_index()
            status = "finished"
        finally:
            summary.seconds = time.perf_counter() - started
            store.finish_run(run_id, summary.counts(), status)
    return summary
