"""Parquet parts without Ray: parts + load equals a direct run, loads are idempotent, reruns
resume at the shard, and the command line says the same."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from tests.conftest import veille
from tests.executors.support import add_no_nlp_pages, content, make_corpus
from veille.config import Settings
from veille.errors import ConfigError
from veille.jobs import execute, load, run
from veille.pipeline import ShardResult
from veille.sources import open_inputs
from veille.store import DuckDBStore
from veille.store.parquet import DONE, PartsWriter, finished_parts

# workers=1 runs in this process (models load once for the module); 2 documents a shard
# gives 4 shards, one of which holds the same page under two names.
SETTINGS = Settings(workers=1, shard_size=2)
DOCUMENTS, SHARDS = 7, 4


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def results(corpus: Path) -> list[ShardResult]:
    """The pipeline's output, computed once: the store and the parts below are both made of it."""
    return list(execute(open_inputs([str(corpus)], SETTINGS), SETTINGS))


@pytest.fixture(scope="module")
def direct(results: list[ShardResult], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What `run(..., db)` stores: each shard's articles written as it finishes."""
    db = tmp_path_factory.mktemp("direct") / "direct.duckdb"
    with DuckDBStore(db) as store:
        run_id = store.begin_run(["corpus"])
        for result in results:
            store.write(result.articles, run_id)
    return db


@pytest.fixture(scope="module")
def parts(results: list[ShardResult], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What `run(..., parts=folder)` writes."""
    folder = tmp_path_factory.mktemp("run") / "parts"
    with PartsWriter(folder) as writer:
        assert sum(writer.write(r.shard_id, r.articles) for r in results) == DOCUMENTS
    return folder


def test_parts_then_load_equals_a_direct_run(direct: Path, parts: Path, tmp_path: Path) -> None:
    db = tmp_path / "loaded.duckdb"
    assert len(finished_parts(parts)) == SHARDS
    loaded = load(parts, db)
    assert (loaded.documents, loaded.stored, loaded.failed) == (DOCUMENTS, DOCUMENTS, 1)
    assert content(db) == content(direct)
    again = load(parts, db)
    assert (again.documents, again.stored) == (DOCUMENTS, 0)
    assert content(db) == content(direct)


def test_loading_what_a_store_holds_changes_nothing(
    direct: Path, parts: Path, tmp_path: Path
) -> None:
    db = tmp_path / "both.duckdb"
    shutil.copy(direct, db)
    assert load(parts, db).stored == 0
    assert content(db) == content(direct)


def test_a_rerun_skips_finished_shards(corpus: Path, parts: Path, tmp_path: Path) -> None:
    folder = shutil.copytree(parts, tmp_path / "parts")
    markers = sorted((folder / DONE).glob("*.json"))
    stamps = {m: m.stat().st_mtime_ns for m in markers}
    rerun = run([str(corpus)], settings=SETTINGS, parts=folder)
    assert (rerun.documents, rerun.stored, rerun.skipped) == (0, 0, DOCUMENTS)
    assert {m: m.stat().st_mtime_ns for m in markers} == stamps
    markers[0].unlink()  # as if the run had stopped before this shard finished
    resumed = run([str(corpus)], settings=SETTINGS, parts=folder)
    assert resumed.documents == resumed.stored > 0
    assert resumed.stored + resumed.skipped == DOCUMENTS
    assert len(finished_parts(folder)) == SHARDS


def test_run_needs_exactly_one_target(corpus: Path, tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        run([str(corpus)], settings=SETTINGS)
    with pytest.raises(ConfigError):
        run([str(corpus)], tmp_path / "x.duckdb", SETTINGS, parts=tmp_path / "parts")
    with pytest.raises(ConfigError, match="ray executor"):
        run([str(corpus)], tmp_path / "x.duckdb", SETTINGS, address="auto")
    with pytest.raises(ConfigError, match="no parts folder"):
        load(tmp_path / "missing", tmp_path / "x.duckdb")


def test_ray_missing_is_one_error_with_an_install_hint(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # `import ray` now fails
    with pytest.raises(ConfigError, match=r"pip install 'veille\[ray\]'"):
        run([str(corpus)], tmp_path / "x.duckdb", SETTINGS, executor="ray")


def test_the_command_line_writes_and_loads_parts(tmp_path: Path) -> None:
    small = add_no_nlp_pages(tmp_path / "small")  # no model to load in the subprocess
    direct = tmp_path / "direct.duckdb"
    run([str(small)], direct, SETTINGS)
    folder, db = tmp_path / "parts", tmp_path / "cli.duckdb"
    done = veille("run", str(small), "--parts", str(folder), "--workers", "1")
    assert done.returncode == 0, done.stderr.decode()
    assert b"written to parts" in done.stdout
    for _ in range(2):
        loaded = veille("load", str(folder), "--db", str(db))
        assert loaded.returncode == 0, loaded.stderr.decode()
    assert content(db) == content(direct)
    both = veille("run", str(small), "--parts", str(folder), "--db", str(db))
    assert (both.returncode, both.stderr.count(b"\n")) == (1, 1)
    assert b"not both" in both.stderr
