"""The Ray executor: the same inputs give the same store as the local executor, directly or
through Parquet parts; a rerun into parts skips finished shards. One local Ray instance (2 CPUs)
serves the module; skipped when Ray is not installed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.executors.support import content, make_corpus
from veille.config import Settings
from veille.jobs import load, run

ray = pytest.importorskip("ray", reason="Ray is optional: pip install 'veille[ray]'")

pytestmark = pytest.mark.distributed

# Same shards as the local reference (2 documents a shard); 2 Ray workers.
LOCAL = Settings(workers=1, shard_size=2)
RAY = Settings(workers=2, shard_size=2)
DOCUMENTS = 7


@pytest.fixture(scope="module")
def ray_cluster() -> Iterator[None]:
    """A local Ray instance for the module: `run_ray` joins it and leaves it running."""
    from veille.executors.ray import _connect

    _connect(ray, RAY, None)
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def local_db(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("local") / "local.duckdb"
    run([str(corpus)], db, LOCAL)
    return db


def test_ray_stores_what_the_local_executor_stores(
    ray_cluster: None, corpus: Path, local_db: Path, tmp_path: Path
) -> None:
    db = tmp_path / "ray.duckdb"
    summary = run([str(corpus)], db, RAY, executor="ray")
    assert (summary.documents, summary.stored) == (DOCUMENTS, DOCUMENTS)
    assert content(db) == content(local_db)
    again = run([str(corpus)], db, RAY, executor="ray")  # documents already stored are skipped
    assert (again.documents, again.skipped) == (0, DOCUMENTS)


def test_ray_parts_then_load_equal_a_local_run(
    ray_cluster: None, corpus: Path, local_db: Path, tmp_path: Path
) -> None:
    parts, db = tmp_path / "parts", tmp_path / "loaded.duckdb"
    written = run([str(corpus)], settings=RAY, parts=parts, executor="ray")
    assert written.stored == DOCUMENTS
    rerun = run([str(corpus)], settings=RAY, parts=parts, executor="ray")
    assert (rerun.documents, rerun.skipped) == (0, DOCUMENTS)
    assert load(parts, db).stored == DOCUMENTS
    assert load(parts, db).stored == 0
    assert content(db) == content(local_db)
