"""The two jobs: `extract_records` (records out) and `run` (records into a store)."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from veille.article import Article
from veille.config import Settings
from veille.executors.local import run_local
from veille.sources import open_inputs
from veille.store import DuckDBStore, document_status

Progress = Callable[[int, int], None]  # (documents done in this call, shards done)


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


def run(
    inputs: list[str],
    db: str | Path,
    settings: Settings | None = None,
    progress: Progress | None = None,
) -> Summary:
    """Process `inputs` into the store at `db`; documents already stored are skipped."""
    settings = settings or Settings()
    summary = Summary()
    started = time.perf_counter()
    with DuckDBStore(db) as store:
        shards = open_inputs(inputs, settings)
        skip = store.done_sources()
        run_id = store.begin_run(inputs)
        status = "interrupted"
        try:
            for result in run_local(shards, settings, skip):
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
