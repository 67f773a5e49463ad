"""Fixtures for source tests: fast settings and a local HTTP server."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import ThreadingHTTPServer

import pytest

from tests.sources.support import Handler, Web
from veille.config import Settings
from veille.executors import local
from veille.nlp.step import NlpStep
from veille.pipeline import Pipeline
from veille.steps import build_pipeline


@pytest.fixture
def settings() -> Settings:
    """Settings for fast tests: one in-process worker, short timeouts and backoff, a small cap."""
    return Settings(
        workers=1,
        http_timeout=0.3,
        http_retries=2,
        http_backoff=0.01,
        max_download_bytes=100_000,
    )


@pytest.fixture
def without_nlp(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run the pipeline up to language detection: sources feed it; NLP has its own tests.

    Keeps end-to-end source tests fast (no spaCy model loads) and independent of NLP output.
    """

    def pipeline(settings: Settings) -> Pipeline:
        steps = build_pipeline(settings).steps
        return Pipeline([step for step in steps if not isinstance(step, NlpStep)])

    monkeypatch.setattr(local, "_worker_pipeline", pipeline)


@pytest.fixture(scope="session")
def web() -> Iterator[Web]:
    """An HTTP server on 127.0.0.1 (ephemeral port), serving the routes of `Handler`."""
    handler = type("BoundHandler", (Handler,), {})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    state = Web(base=f"http://127.0.0.1:{server.server_address[1]}")
    handler.web = state
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    state.stop.set()
    time.sleep(0.05)
    server.shutdown()
    server.server_close()


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Requests to the local server must never go through a proxy from the environment."""
    for name in (
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "http_proxy",
        "https_proxy",
        "all_proxy",
    ):
        monkeypatch.delenv(name, raising=False)
