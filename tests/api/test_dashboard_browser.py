"""The dashboard in a real headless Chromium, against the JSON API over a hand-made store.

Hostile text (an <img onerror> in a quote, a <script> in a title) must show as text and never
run. Screenshots are taken on every run; they land in docs/screenshots/ (the documentation's)
only when VEILLE_SCREENSHOTS=docs/screenshots is set, so a test run leaves the tree unchanged.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.api.dashboard_data import XSS_QUOTE, XSS_TITLE, articles
from veille.store import DuckDBStore

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("VEILLE_CHROMIUM", "/usr/bin/chromium")
# The flags the machine's Chromium needs as root and offline (no sandbox, no calls home).
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
SHOTS = Path(os.environ.get("VEILLE_SCREENSHOTS") or tempfile.mkdtemp(prefix="veille-shots-"))


def _requirements() -> str | None:
    """Why the browser tests cannot run here, or None."""
    if importlib.util.find_spec("playwright") is None:
        return "the playwright package is not installed (pip install -e '.[browser]')"
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        return f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    if importlib.util.find_spec("veille.api.app") is None:
        return "veille.api.app is not there yet"
    return None


if (_reason := _requirements()) is not None:
    pytest.skip(_reason, allow_module_level=True)

import uvicorn  # noqa: E402
from playwright.sync_api import Page, sync_playwright  # noqa: E402

from veille.api.app import create_app  # noqa: E402


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """uvicorn on 127.0.0.1 (an ephemeral port) in a thread, serving the API and dashboard."""
    db = tmp_path_factory.mktemp("dashboard") / "dash.duckdb"
    with DuckDBStore(db) as store:
        store.write(articles(), store.begin_run(["test"]))
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(db), log_level="warning")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    uv.should_exit = True
    thread.join(10)
    sock.close()


@pytest.fixture(scope="module")
def browser_page(server: str) -> Iterator[tuple[Page, dict[str, list[Any]]]]:
    """One Chromium page; it records console errors, page errors and every request URL."""
    seen: dict[str, list[Any]] = {"errors": [], "requests": []}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1100, "height": 820})
        page.on("pageerror", lambda exc: seen["errors"].append(str(exc)))
        page.on(
            "console",
            lambda msg: seen["errors"].append(msg.text) if msg.type == "error" else None,
        )
        page.on("request", lambda request: seen["requests"].append(request.url))
        yield page, seen
        browser.close()


def visit(page: Page, base: str, route: str) -> None:
    """Open a hash route and wait until its view has rendered."""
    if page.url.startswith(base):
        page.evaluate("document.body.dataset.state = 'stale'")
    page.goto(f"{base}/{route}")
    page.locator("body[data-state='ready']").wait_for(timeout=15_000)
    page.wait_for_timeout(100)


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def assert_safe(page: Page) -> None:
    """Nothing injected ran or exists: no flag, no <img>, no <script> but the app's."""
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.locator("img").count() == 0
    assert page.locator("#view script, #view iframe, #view [onerror]").count() == 0
    assert page.locator("script").count() == 1


def test_search_finds_quote_and_escapes_it(server: str, browser_page: tuple) -> None:
    page, _ = browser_page
    visit(page, server, "#/search?q=sanctions")
    quotes = page.locator("li.quote blockquote")
    assert quotes.count() >= 1, page.locator("#view").inner_text()
    assert XSS_QUOTE in quotes.all_inner_texts()
    assert page.locator("li.quote .speaker").first.inner_text() == "Olga Petrova"
    assert XSS_TITLE in page.locator("#view").inner_text()
    assert_safe(page)
    shot(page, "search")


def test_actor_page(server: str, browser_page: tuple) -> None:
    page, _ = browser_page
    visit(page, server, "#/actor/country%3ARUS")
    assert page.locator("h1").last.inner_text() == "Russia"
    assert page.locator("section.actor tr.event").count() == 4  # 2 by Russia, 2 against
    assert page.locator("svg.timeline rect.bar").count() >= 2
    visit(page, server, "#/actor/person%3Aolga-petrova")
    assert page.locator("li.quote").count() == 2
    assert page.locator("svg.timeline rect.bar").count() == 2  # two months with quotes
    assert_safe(page)
    shot(page, "actor")


def test_article_page_highlights_spans(server: str, browser_page: tuple) -> None:
    page, _ = browser_page
    visit(page, server, f"#/article/{1:064x}")
    assert page.locator("article h1").inner_text() == XSS_TITLE
    body = page.locator(".article-text")
    quote = "".join(body.locator("mark.hl-quote").all_inner_texts())
    assert quote == XSS_QUOTE
    assert body.locator("mark.hl-speaker").first.inner_text() == "Olga Petrova"
    assert body.locator("mark.hl-cue").first.inner_text() == "said"
    assert body.locator("mark.hl-evidence").count() >= 2
    mentions = body.locator("mark.hl-mention").all_inner_texts()
    assert {"European Union", "Russia", "Olga Petrova"} <= set(mentions)
    title = body.locator("mark.hl-quote").first.get_attribute("title") or ""
    assert "Olga Petrova" in title
    assert_safe(page)
    shot(page, "article")


def test_events_and_network(server: str, browser_page: tuple) -> None:
    page, _ = browser_page
    visit(page, server, "#/events")
    assert page.locator("tr.event").count() == 5
    assert page.locator("svg.timeline rect.bar").count() >= 3
    shot(page, "events")
    visit(page, server, "#/network")
    assert page.locator("svg.network .node").count() == 3
    assert page.locator("svg.network path.edge").count() == 5
    assert page.locator("ol.links li").first.inner_text().endswith("(1)")
    assert_safe(page)
    shot(page, "network")


def test_no_errors_and_only_local_requests(server: str, browser_page: tuple) -> None:
    page, seen = browser_page
    visit(page, server, "#/search")
    assert not seen["errors"]
    assert seen["requests"] and all(u.startswith(server) for u in seen["requests"])
