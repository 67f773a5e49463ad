"""One typed settings object; every default says how it was chosen."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from veille import __version__


def _default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)


@dataclass(frozen=True, slots=True)
class Settings:
    # Inputs larger than this are cut before extraction and the cut is recorded as an error.
    # 2 MB of HTML is above the 99th percentile of news pages (benchmark corpus max is 1.2 MB).
    max_html_bytes: int = 2_000_000
    # Bytes fetched from one URL at most; beyond it the download is stopped.
    max_download_bytes: int = 10_000_000
    # Seconds one step may spend on one document; trafilatura needs < 0.1 s on a typical page.
    doc_timeout: float = 20.0
    # Worker processes of the local executor: every core this process may use.
    workers: int = field(default_factory=_default_workers)
    # Documents per shard: large enough to amortise a model load, small enough to resume finely.
    shard_size: int = 50
    # HTTP client.
    http_timeout: float = 15.0
    http_retries: int = 3
    http_backoff: float = 0.5
    # A user actor file (YAML or CSV) adding or overriding actors and aliases; None: none.
    actors_file: str | None = None
    user_agent: str = f"veille/{__version__} (open-source media monitoring)"
