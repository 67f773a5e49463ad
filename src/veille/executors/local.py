"""Run shards on this machine: in this process, or over a pool of worker processes."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from functools import cache

from veille.config import Settings
from veille.pipeline import Pipeline, Shard, ShardResult, run_shard
from veille.steps import build_pipeline


@cache
def _worker_pipeline(settings: Settings) -> Pipeline:
    """One pipeline (and so one set of loaded models) per worker process."""
    return build_pipeline(settings)


def _run(settings: Settings, shard: Shard, skip: frozenset[str]) -> ShardResult:
    return run_shard(_worker_pipeline(settings), shard, skip)


def run_local(
    shards: Sequence[Shard], settings: Settings, skip: frozenset[str] = frozenset()
) -> Iterator[ShardResult]:
    """Yield shard results as shards finish; at most two shards per worker in flight."""
    if settings.workers <= 1 or len(shards) <= 1:
        for shard in shards:
            yield _run(settings, shard, skip)
        return
    pending = list(reversed(shards))
    # spawn: workers start clean, whatever threads or open files the parent has.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=settings.workers, mp_context=context) as pool:
        running: set[Future[ShardResult]] = set()
        while pending or running:
            while pending and len(running) < 2 * settings.workers:
                running.add(pool.submit(_run, settings, pending.pop(), skip))
            done, running = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                yield future.result()
