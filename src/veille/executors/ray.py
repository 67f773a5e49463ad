"""Run shards with Ray: on a local Ray instance, or on a cluster given its address.

Ray is optional (`pip install 'veille[ray]'`) and imported only here. Each Ray worker process
builds the pipeline once (and so loads the models once) and calls the same `run_shard` as the
local executor; the driver yields results as shards finish, with a bounded number in flight.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator, Sequence
from functools import cache
from types import ModuleType
from typing import Any

from veille.config import Settings
from veille.errors import ConfigError
from veille.pipeline import Pipeline, Shard, ShardResult, run_shard
from veille.steps import build_pipeline

INSTALL_HINT = "the ray executor needs Ray: pip install 'veille[ray]'"
# Shards in flight per CPU: one running, one queued, so no worker waits for the driver
# (the local executor's rule).
IN_FLIGHT_PER_CPU = 2
# Ray must never reach the network on its own: no usage statistics, no `uv run` environment
# (which would install packages on workers), and nothing else is asked of it.
_QUIET_ENV = {"RAY_USAGE_STATS_ENABLED": "0", "RAY_ENABLE_UV_RUN_RUNTIME_ENV": "0"}


def import_ray() -> ModuleType:
    """The `ray` module, or a `ConfigError` that says how to install it."""
    try:
        import ray
    except ImportError as exc:
        raise ConfigError(INSTALL_HINT) from exc
    return ray


@cache
def _worker_pipeline(settings: Settings) -> Pipeline:
    """One pipeline (and so one set of loaded models) per Ray worker process."""
    return build_pipeline(settings)


def _run(settings: Settings, shard: Shard, skip: frozenset[str]) -> ShardResult:
    return run_shard(_worker_pipeline(settings), shard, skip)


def _connect(ray: ModuleType, settings: Settings, address: str | None) -> bool:
    """Start or join Ray unless this process already did; True when we must shut it down."""
    if ray.is_initialized():
        return False
    for name, value in _QUIET_ENV.items():
        os.environ.setdefault(name, value)
    quiet: dict[str, Any] = {
        "include_dashboard": False,
        "log_to_driver": False,
        "logging_level": logging.ERROR,
    }
    if address:
        ray.init(address=address, **quiet)
    else:
        ray.init(num_cpus=settings.workers, **quiet)
    return True


def _cpus(ray: ModuleType, settings: Settings) -> int:
    return max(1, int(ray.cluster_resources().get("CPU", settings.workers)))


def run_ray(
    shards: Sequence[Shard],
    settings: Settings,
    skip: frozenset[str] = frozenset(),
    address: str | None = None,
) -> Iterator[ShardResult]:
    """Yield shard results as shards finish on Ray; at most two shards per CPU in flight.

    `address`: None starts a local Ray instance with `settings.workers` CPUs; "auto" joins the
    cluster this machine belongs to; "host:6379" or "ray://host:10001" joins that cluster.
    """
    ray = import_ray()
    if not shards:
        return
    owned = _connect(ray, settings, address)
    pending = list(reversed(shards))
    running: list[Any] = []
    try:
        task = ray.remote(num_cpus=1)(_run)
        skip_ref = ray.put(skip)  # one copy in the object store, not one per task
        limit = IN_FLIGHT_PER_CPU * _cpus(ray, settings)
        while pending or running:
            while pending and len(running) < limit:
                running.append(task.remote(settings, pending.pop(), skip_ref))
            done, running = ray.wait(running, num_returns=1)
            for ref in done:
                yield ray.get(ref)
    finally:
        for ref in running:  # left early: stop what is still queued or running
            ray.cancel(ref)
        if owned:
            ray.shutdown()
