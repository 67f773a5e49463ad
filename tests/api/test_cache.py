"""The answer cache: repeated GETs come from memory, bounded, off on demand, cleared by ingest."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.api.test_api import TOKEN, _stub_pipeline
from tests.store.corpus import build_store
from veille.api.app import create_app
from veille.api.cache import ResponseCache


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("cache") / "s.duckdb")


def test_repeated_gets_are_hits_with_the_same_answer(db: Path) -> None:
    client = TestClient(create_app(db))
    first = client.get("/api/quotes", params={"q": "Ukraine"})
    again = client.get("/api/quotes", params={"q": "Ukraine"})
    other = client.get("/api/quotes", params={"q": "Ukraine", "offset": 1})
    assert (first.headers["x-cache"], again.headers["x-cache"]) == ("miss", "hit")
    assert other.headers["x-cache"] == "miss"
    assert again.json() == first.json() and again.headers["content-type"] == "application/json"
    assert client.get("/api/actors/nobody").headers["x-cache"] == "miss"
    assert client.get("/api/actors/nobody").headers["x-cache"] == "miss"  # 404s are not kept
    cache = client.app.state.cache  # type: ignore[attr-defined]
    assert (cache.hits, len(cache)) == (1, 2)


def test_the_cache_can_be_turned_off(db: Path) -> None:
    client = TestClient(create_app(db, cache_entries=0))
    answers = [client.get("/api/stats") for _ in range(2)]
    assert all("x-cache" not in a.headers for a in answers)
    assert answers[0].json() == answers[1].json()


def test_the_cache_is_bounded_least_recently_used_first() -> None:
    cache = ResponseCache(max_entries=2, max_bytes=1000)
    for key in ("a", "b"):
        cache.put(key, [], b"x" * 10, cache.generation)
    assert cache.get("a") is not None  # b is now the least recently used
    cache.put("c", [], b"x" * 10, cache.generation)
    assert cache.get("b") is None and cache.get("a") and cache.get("c")
    cache.put("big", [], b"x" * 200, cache.generation)  # over an eighth of the bytes: not kept
    assert cache.get("big") is None and cache.size == 20
    stale = cache.generation
    cache.clear()
    cache.put("late", [], b"x", stale)  # computed before the store changed
    assert len(cache) == 0 and cache.get("late") is None


def test_an_ingest_clears_the_cache(tmp_path: Path) -> None:
    app = create_app(build_store(tmp_path / "w.duckdb"), TOKEN, pipeline=_stub_pipeline)
    with TestClient(app) as client:
        before = client.get("/api/stats").json()
        assert client.get("/api/stats").headers["x-cache"] == "hit"
        body = {"html": "<p>Paris proteste.</p>", "url": "https://exemple.fr/p"}
        auth = {"Authorization": f"Bearer {TOKEN}"}
        assert client.post("/api/ingest", json=body, headers=auth).status_code == 200
        after = client.get("/api/stats")
        assert after.headers["x-cache"] == "miss"
        assert after.json()["counts"]["articles"] == before["counts"]["articles"] + 1
