"""The HTTP API: `create_app(db_path)` serves a store as JSON (FastAPI, OpenAPI at /openapi.json).

Read-only unless given a token: then POST /api/ingest exists, behind `Authorization: Bearer`.
One DuckDB database is opened for the app's life; each request reads through its own cursor.
Answers to GET /api/… are cached (`veille.api.cache`): `cache_entries=0` turns that off.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from veille import __version__
from veille.api.cache import MAX_ENTRIES, CacheMiddleware, ResponseCache
from veille.api.ingest import Pipeline, ingest_router
from veille.api.limits import MAX_BODY_BYTES, BodyLimit
from veille.api.routes import router
from veille.config import Settings
from veille.store.fts import FtsIndex
from veille.store.reader import Reader, connect, open_index

# The dashboard another module ships: served at / when present.
DASHBOARD = Path(__file__).parent / "dashboard"


@dataclass
class Database:
    """The store the app serves: one DuckDB database for the app's life, and its FTS index."""

    path: str
    con: duckdb.DuckDBPyConnection
    fts: FtsIndex | None
    read_only: bool
    write_lock: threading.Lock = field(default_factory=threading.Lock)

    def reader(self) -> Reader:
        """A reader with its own cursor, for one request's thread."""
        return Reader(self.con.cursor(), self.fts)


def create_app(
    db_path: str | Path,
    token: str | None = None,
    *,
    settings: Settings | None = None,
    max_body_bytes: int = MAX_BODY_BYTES,
    pipeline: Pipeline | None = None,
    dashboard: Path | None = DASHBOARD,
    cache_entries: int = MAX_ENTRIES,
) -> FastAPI:
    """The API over the store at `db_path`.

    Without `token` the store is opened read-only (it must exist; other readers may share it).
    With one, it is opened read-write (created if need be) and POST /api/ingest runs
    `pipeline` (default: the full pipeline) on posted pages and stores them, clearing the
    answer cache (at most `cache_entries` answers; 0: none).
    """
    path = str(db_path)
    read_only = token is None
    con = connect(path, read_only=read_only)
    database = Database(path, con, open_index(path, con), read_only)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        con.close()

    app = FastAPI(
        title="veille",
        version=__version__,
        description="Who said what, who is spoken of, who did what to whom: a store served as "
        "JSON. Lists are paginated (`limit` ≤ 200, `offset`) and give the `total` of matches.",
        lifespan=lifespan,
    )
    app.state.db = database
    app.include_router(router)
    if token:
        app.include_router(ingest_router(token, settings or Settings(), pipeline))
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    app.state.cache = None
    if cache_entries > 0:
        app.state.cache = ResponseCache(max_entries=cache_entries)
        app.add_middleware(CacheMiddleware, cache=app.state.cache)
    if dashboard is not None and (dashboard / "index.html").is_file():
        app.mount("/", StaticFiles(directory=dashboard, html=True), name="dashboard")
    else:

        @app.get("/", include_in_schema=False)
        def index() -> dict[str, Any]:
            paths = sorted(p for p in app.openapi()["paths"] if p.startswith("/api"))
            return {"name": "veille", "version": __version__, "openapi": "/openapi.json",
                    "docs": "/docs", "endpoints": paths}  # fmt: skip

    return app
