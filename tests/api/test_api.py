"""The HTTP API over a hand-made store: endpoints, filters, pages, errors, ingest, limits."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.store.corpus import build_store
from veille.api.app import create_app
from veille.article import Actor, Article

TOKEN = "s3cret-token"
ENDPOINTS = {"/api/articles", "/api/articles/{article_id}", "/api/quotes", "/api/events",
             "/api/actors", "/api/actors/{actor}", "/api/stats"}  # fmt: skip


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    db = build_store(tmp_path_factory.mktemp("api") / "s.duckdb")
    return TestClient(create_app(db))


def _stub_pipeline(articles: Iterable[Article]) -> Iterator[Article]:
    """Stands for the real pipeline: text from the HTML, one actor, no model."""
    for article in articles:
        html = article.raw.decode() if article.raw else ""
        article.text = html.replace("<p>", "").replace("</p>", "\n").strip()
        article.language = "fr"
        article.actors = [Actor("country:FRA", "France", "country", "FRA", "GOV", None, ["Paris"])]
        article.assign_id()
        article.raw = None
        yield article


@pytest.fixture
def writer(tmp_path: Path) -> Iterator[TestClient]:
    app = create_app(build_store(tmp_path / "w.duckdb"), TOKEN, pipeline=_stub_pipeline,
                     max_body_bytes=10_000)  # fmt: skip
    with TestClient(app) as client:
        yield client


def test_openapi_lists_the_endpoints(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert set(spec["paths"]) >= ENDPOINTS
    assert "/api/ingest" not in spec["paths"]
    params = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"type", "actor", "recipient", "date_from", "date_to", "limit", "offset"} <= params


def test_article_search_with_accents_and_pages(client: TestClient) -> None:
    page = client.get("/api/articles", params={"q": "negociations", "limit": 1}).json()
    assert page["total"] == 2 and len(page["items"]) == 1 and page["limit"] == 1
    second = client.get("/api/articles", params={"q": "négociations", "offset": 1}).json()
    assert second["items"][0]["id"] != page["items"][0]["id"]
    assert "<mark>" in page["items"][0]["snippet"]
    one = client.get(f"/api/articles/{page['items'][0]['id']}").json()
    assert one["id"] == page["items"][0]["id"] and one["documents"]
    assert client.get("/api/articles/" + "0" * 64).status_code == 404


def test_quotes_and_events_match_names_on_aliases(client: TestClient) -> None:
    quotes = client.get("/api/quotes", params={"speaker": "Stoltenberg"}).json()
    assert quotes["total"] == 2
    assert (
        client.get("/api/quotes", params={"speaker": "Stoltenberg", "q": "rightful"}).json()[
            "total"
        ]
        == 1
    )
    march = {"date_from": "2024-03-01", "date_to": "2024-03-31"}
    accused = client.get("/api/events", params={"type": "ACCUSE", "recipient": "Russia", **march})
    assert [e["actors"][0]["id"] for e in accused.json()["items"]] == ["org:NATO"]
    moscou = client.get("/api/events", params={"actor": "Moscou"}).json()
    assert [e["type"] for e in moscou["items"]] == ["REJECT"]
    assert client.get("/api/events", params={"actor": "country:RUS"}).json()["total"] == 1


def test_actors_and_profiles(client: TestClient) -> None:
    people = client.get("/api/actors", params={"kind": "person"}).json()
    assert [a["id"] for a in people["items"]] == ["person:jens-stoltenberg"]
    profile = client.get("/api/actors/Moscou").json()
    assert profile["actor"]["id"] == "country:RUS" and profile["counts"]["articles"] == 3
    assert client.get("/api/actors/country:RUS").json()["actor"]["name"] == "Russia"
    assert client.get("/api/actors/Zanzibar").status_code == 404
    assert client.get("/api/stats").json()["counts"]["articles"] == 4


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/api/events", {"type": "INVADE"}),
        ("/api/events", {"date_from": "2024-02-30"}),
        ("/api/events", {"date_from": "03/01/2024"}),
        ("/api/quotes", {"date_to": "20240301"}),
        ("/api/quotes", {"date_from": "2024-05-01", "date_to": "2024-04-01"}),
        ("/api/quotes", {"kind": "shouted"}),
        ("/api/articles", {"limit": 201}),
        ("/api/articles", {"limit": 0}),
        ("/api/articles", {"offset": -1}),
        ("/api/articles", {"language": "French"}),
        ("/api/actors", {"kind": "planet"}),
        ("/api/articles", {"q": "x" * 301}),
        ("/api/actors/Moscou", {"date_from": "yesterday"}),
    ],
)
def test_bad_filters_are_422(client: TestClient, path: str, params: dict[str, object]) -> None:
    assert client.get(path, params=params).status_code == 422


def test_read_only_server_has_no_ingest(client: TestClient) -> None:
    assert client.post("/api/ingest", json={"html": "<p>x</p>"}).status_code in (404, 405)


def test_ingest_needs_the_token(writer: TestClient) -> None:
    body = {"html": "<p>Paris proteste.</p>", "url": "https://exemple.fr/paris"}
    assert writer.post("/api/ingest", json=body).status_code == 401
    wrong = {"Authorization": "Bearer nope"}
    assert writer.post("/api/ingest", json=body, headers=wrong).status_code == 401
    basic = {"Authorization": f"Basic {TOKEN}"}
    assert writer.post("/api/ingest", json=body, headers=basic).status_code == 401
    assert "/api/ingest" in writer.get("/openapi.json").json()["paths"]


def test_ingest_stores_the_record_and_it_is_searchable(writer: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    body = {"html": "<p>Paris proteste contre la décision.</p>", "url": "https://exemple.fr/paris"}
    answer = writer.post("/api/ingest", json=body, headers=auth)
    assert answer.status_code == 200, answer.text
    out = answer.json()
    assert out["stored"] is True and out["status"] == "ok"
    assert out["record"]["text"] == "Paris proteste contre la décision."
    found = writer.get("/api/articles", params={"q": "decision"}).json()
    assert [a["id"] for a in found["items"]] == [out["record"]["id"]]
    assert writer.get("/api/actors/Paris").json()["actor"]["id"] == "country:FRA"
    again = writer.post("/api/ingest", json=body, headers=auth).json()
    assert again["stored"] is False
    assert writer.get("/api/stats").json()["counts"]["articles"] == 5


@pytest.mark.parametrize("body", [{}, {"url": "ftp://x"}, {"html": 3}])
def test_ingest_validates_its_body(writer: TestClient, body: dict[str, object]) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert writer.post("/api/ingest", json=body, headers=auth).status_code == 422


def test_oversized_bodies_are_413(writer: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    big = {"html": "<p>" + "x" * 20_000 + "</p>"}
    assert writer.post("/api/ingest", json=big, headers=auth).status_code == 413
    assert writer.post("/api/ingest", json=big).status_code == 413  # refused before auth

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted while it streams
        yield b'{"html": "'
        for _ in range(100):
            yield b"y" * 1000
        yield b'"}'

    streamed = writer.post("/api/ingest", content=chunks(), headers=auth)
    assert streamed.status_code == 413


def test_root_serves_the_dashboard_or_an_index(client: TestClient) -> None:
    root = client.get("/")
    assert root.status_code == 200
    if root.headers["content-type"].startswith("application/json"):
        assert "/api/quotes" in root.json()["endpoints"]


def test_root_index_without_dashboard(tmp_path: Path) -> None:
    app = create_app(build_store(tmp_path / "s.duckdb"), dashboard=None)
    index = TestClient(app).get("/").json()
    assert set(index["endpoints"]) >= ENDPOINTS


def test_a_missing_store_is_refused(tmp_path: Path) -> None:
    from veille.errors import StoreError

    with pytest.raises(StoreError):
        create_app(tmp_path / "missing.duckdb")
