"""Shared test helpers: repository paths, the shared datasets, running the CLI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
GOLD = REPO / "gold"
DATASETS = REPO.parent / "shared" / "datasets"


@pytest.fixture
def datasets() -> Path:
    """The shared datasets folder; tests that need it skip cleanly when it is absent."""
    if not DATASETS.is_dir():
        pytest.skip(f"shared datasets not found at {DATASETS}")
    return DATASETS


def veille(
    *args: str, stdin: bytes | None = None, timeout: float = 300
) -> subprocess.CompletedProcess:
    """Run the real `veille` command line in a subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "veille", *args],
        input=stdin,
        capture_output=True,
        timeout=timeout,
        check=False,
    )
