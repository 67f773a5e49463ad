"""Steps, pipelines and shards: the machinery every executor drives.

A step turns a stream of articles into a stream of articles. Most steps are plain per-article
functions lifted with `per_article`; batch steps (spaCy's `nlp.pipe`) implement the stream.
"""

from __future__ import annotations

import signal
import threading
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Protocol

from veille.article import Article
from veille.errors import DocumentTimeout

Step = Callable[[Iterable[Article]], Iterator[Article]]


class Shard(Protocol):
    """A slice of input that one worker reads on its own (picklable)."""

    id: str

    def articles(self) -> Iterator[Article]:
        """Yield one article per document, with `source` and `raw` (or `html`) set."""
        ...


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise `DocumentTimeout` in the block after `seconds` (main thread only; else no limit)."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def _expire(signum: int, frame: object) -> None:
        raise DocumentTimeout(f"over the {seconds:g} s budget")

    previous = signal.signal(signal.SIGALRM, _expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def per_article(stage: str, fn: Callable[[Article], None], budget: float | None = None) -> Step:
    """Lift `fn(article)` (which mutates the article) into a step that never lets one fail a run.

    Articles that already failed to produce HTML or text are passed through untouched by
    later stages when `fn` has nothing to work on; `fn` decides that itself.
    """

    def step(articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            try:
                with time_budget(budget):
                    fn(article)
            except DocumentTimeout as exc:
                article.fail(stage, f"timed out: {exc}")
            except Exception as exc:  # one bad document must not stop the run
                last = traceback.extract_tb(exc.__traceback__)[-1]
                where = f"{last.filename.rsplit('/', 1)[-1]}:{last.lineno}"
                article.fail(stage, f"{type(exc).__name__}: {exc} ({where})")
            yield article

    step.__name__ = f"{stage}_step"
    step.__qualname__ = step.__name__
    return step


@dataclass(frozen=True)
class Pipeline:
    """An ordered list of steps."""

    steps: Sequence[Step]

    def __call__(self, articles: Iterable[Article]) -> Iterator[Article]:
        stream: Iterable[Article] = articles
        for step in self.steps:
            stream = step(stream)
        yield from stream


@dataclass
class ShardResult:
    """What one shard gave: its articles, and how many documents were skipped as already done."""

    shard_id: str
    articles: list[Article]
    skipped: int = 0


def run_shard(pipeline: Pipeline, shard: Shard, skip: frozenset[str] = frozenset()) -> ShardResult:
    """Run `pipeline` over the documents of `shard` whose source is not in `skip`."""
    result = ShardResult(shard.id, [])

    def todo() -> Iterator[Article]:
        for article in shard.articles():
            if article.source in skip:
                result.skipped += 1
            else:
                yield article

    result.articles = list(pipeline(todo()))
    return result
