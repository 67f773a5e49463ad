"""POST /api/ingest: one page in (HTML, or a URL to fetch), its record out, stored.

Registered only when the server has a token. Writing needs the store open read-write, so a
server with a token holds the file's single writer slot (DuckDB allows one writing process);
its requests share that one database, reads through cursors, writes one at a time.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable, Iterable, Iterator
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from veille.api.models import IngestIn, IngestOut
from veille.article import Article
from veille.config import Settings
from veille.store import DuckDBStore, document_status

Pipeline = Callable[[Iterable[Article]], Iterator[Article]]
# Module-level: FastAPI resolves the string annotations of dependencies in module globals.
_bearer = HTTPBearer(auto_error=False, description="the token given to `veille serve`")
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


def to_article(body: IngestIn, settings: Settings) -> Article:
    """The article to process: the posted HTML, or the page fetched from `url`."""
    if body.html is not None:
        digest = hashlib.sha256(body.html.encode("utf-8", "surrogatepass")).hexdigest()[:16]
        return Article(
            source=f"api:{body.url}" if body.url else f"api:sha256:{digest}",
            url=body.url,
            raw=body.html.encode("utf-8", "surrogatepass"),
            content_type="text/html; charset=utf-8",
        )
    from veille.sources.urls import fetch, make_client

    assert body.url is not None  # IngestIn requires one of html and url
    with make_client(settings) as client:
        return fetch(body.url, settings, client)


def ingest_router(token: str, settings: Settings, pipeline: Pipeline | None = None) -> APIRouter:
    """The router of POST /api/ingest, guarded by `Authorization: Bearer <token>`."""
    expected = token.encode("utf-8")
    built: list[Pipeline] = [pipeline] if pipeline else []

    def authorised(credentials: Credentials) -> None:
        given = credentials.credentials.encode("utf-8") if credentials else b""
        if not secrets.compare_digest(given, expected):
            raise HTTPException(
                401, "a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"}
            )

    router = APIRouter(prefix="/api", dependencies=[Depends(authorised)])

    @router.post("/ingest", response_model=IngestOut)
    def ingest(body: IngestIn, request: Request) -> IngestOut:
        """Process one page through the whole pipeline and store its record."""
        if not built:
            from veille.steps import build_pipeline

            built.append(build_pipeline(settings))
        (article,) = list(built[0]([to_article(body, settings)]))
        db = request.app.state.db
        with db.write_lock:
            store = DuckDBStore(db.path)  # shares the server's read-write database instance
            try:
                run = store.begin_run([article.source])
                new = store.write([article], run)
                status = document_status(article)
                counts = {"documents": 1, "stored": new, "failed": int(status == "failed")}
                store.finish_run(run, counts)
            finally:
                store.close()
            if request.app.state.cache is not None:
                request.app.state.cache.clear()  # answers computed before the write are stale
        return IngestOut(stored=bool(new), status=status, record=article.to_dict())

    return router
