"""Runs are idempotent and resumable: a killed run, run again, stores everything exactly once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from tests.conftest import veille
from tests.pages import PARAGRAPHS_FR, article_page

PAGES = 300


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for i in range(PAGES):
        paragraphs = [f"{p} (Dépêche numéro {i}.)" for p in PARAGRAPHS_FR]
        page = article_page(f"Réunion numéro {i} des ministres", paragraphs, serial=i)
        (folder / f"page-{i:04d}.html").write_text(page, encoding="utf-8")
    return folder


def _count(db: Path, sql: str) -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        row = con.execute(sql).fetchone()
        return int(row[0]) if row else 0


def test_running_the_same_input_twice_stores_nothing_twice(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "twice.duckdb"
    for _ in range(2):
        assert veille("run", str(corpus), "--db", str(db)).returncode == 0
    assert _count(db, "SELECT count(*) FROM documents") == PAGES
    assert _count(db, "SELECT count(*) FROM articles") == PAGES
    assert _count(db, "SELECT count(*) FROM runs WHERE status = 'finished'") == 2
    assert _count(db, "SELECT max(skipped) FROM runs") == PAGES


# Bytes of write-ahead log that show a few shards were committed (one article is about 10 KB).
WAL_BYTES_BEFORE_KILL = 300_000


def _kill_midway(corpus: Path, db: Path) -> None:
    """Start a run and SIGKILL it, with its workers, once some shards are committed."""
    process = subprocess.Popen(
        [sys.executable, "-m", "veille", "run", str(corpus), "--db", str(db), "--workers", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    wal = Path(f"{db}.wal")
    deadline = time.monotonic() + 240
    while process.poll() is None and time.monotonic() < deadline:
        if wal.exists() and wal.stat().st_size >= WAL_BYTES_BEFORE_KILL:
            os.killpg(process.pid, signal.SIGKILL)  # no chance to clean up
            break
        time.sleep(0.01)
    process.wait()


def test_a_killed_run_resumes_without_loss_or_duplicates(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "killed.duckdb"
    _kill_midway(corpus, db)
    stored = _count(db, "SELECT count(*) FROM documents")
    assert 0 < stored < PAGES, f"the kill did not land midway ({stored} stored)"
    assert _count(db, "SELECT count(*) FROM runs WHERE status = 'running'") == 1

    result = veille("run", str(corpus), "--db", str(db))
    assert result.returncode == 0, result.stderr.decode()
    assert _count(db, "SELECT count(*) FROM documents") == PAGES
    assert _count(db, "SELECT count(DISTINCT source) FROM documents") == PAGES
    assert _count(db, "SELECT count(*) FROM articles") == PAGES
    assert _count(db, "SELECT skipped FROM runs WHERE status = 'finished'") == stored
