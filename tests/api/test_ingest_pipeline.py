"""POST /api/ingest with the real pipeline: a French page in, its record out, stored."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.pages import article_page
from veille.api.app import create_app

pytestmark = pytest.mark.models


def test_a_posted_page_goes_through_the_pipeline_into_the_store(tmp_path: Path) -> None:
    app = create_app(tmp_path / "new.duckdb", "t0ken")  # a token may create the store
    with TestClient(app) as client:
        auth = {"Authorization": "Bearer t0ken"}
        body = {"html": article_page(), "url": "https://echo.example/reseaux"}
        answer = client.post("/api/ingest", json=body, headers=auth)
        assert answer.status_code == 200, answer.text
        record = answer.json()["record"]
        assert record["language"] == "fr" and "Luxembourg" in record["text"]
        assert "Nous devons agir vite" in {q["text"][:21] for q in record["quotes"]}
        found = client.get("/api/articles", params={"q": "temperatures"}).json()
        assert [a["id"] for a in found["items"]] == [record["id"]]
        quotes = client.get("/api/quotes", params={"q": "agir vite"}).json()
        assert quotes["total"] == 1
