"""`veille watch` against a small site served on 127.0.0.1."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.watch.site import serve_site
from veille.config import Settings
from veille.errors import ConfigError
from veille.store import DuckDBStore
from veille.watch import PoliteFetcher, parse_duration, watch
from veille.watch.discover import classify, feed_links, page_feeds


def test_parse_duration() -> None:
    assert parse_duration("30s") == 30
    assert parse_duration("10m") == 600
    assert parse_duration("1h30m") == 5400
    assert parse_duration("2.5") == 2.5
    for bad in ("", "10x", "m", "-5", "0s"):
        with pytest.raises(ConfigError):
            parse_duration(bad)


def test_discovery_parsers() -> None:
    base = "http://127.0.0.1:9/feed"
    atom = (
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">'
        '<link rel="self" href="http://127.0.0.1:9/feed"/>'
        '<entry><link href="/a/1.html"/></entry>'
        '<entry><link rel="alternate" href="http://elsewhere.example/x"/></entry></feed>'
    )
    assert feed_links(atom, base) == ["http://127.0.0.1:9/a/1.html"]
    index = (
        '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<sitemap><loc>http://127.0.0.1:9/news-sitemap.xml</loc></sitemap></sitemapindex>"
    )
    found = classify(index, "http://127.0.0.1:9/sitemap.xml")
    assert found.listings == ["http://127.0.0.1:9/news-sitemap.xml"] and not found.articles
    home = '<html><head><link rel="alternate" type="application/rss+xml" href="/rss"></head></html>'
    assert page_feeds(home, "http://127.0.0.1:9/") == ["http://127.0.0.1:9/rss"]


def test_host_delay_timing() -> None:
    with serve_site() as site:
        fetcher = PoliteFetcher(Settings(), delay=0.25)
        started = time.monotonic()
        try:
            for _ in range(3):
                fetcher.get_listing(site.base + "/feed.xml")
        finally:
            fetcher.close()
        assert time.monotonic() - started >= 0.5


@pytest.mark.slow
@pytest.mark.models
def test_watch_feed_and_sitemap(tmp_path: Path) -> None:
    db = tmp_path / "watch.duckdb"
    settings = Settings(workers=1)
    with serve_site() as site:
        feed, sitemap = site.base + "/feed.xml", site.base + "/sitemap.xml"

        first = watch([feed, sitemap], db, settings, delay=0)[0]
        assert first.stored == 3 and first.disallowed == 1
        fetched = [p for p in site.paths(200) if p.startswith("/news/")]
        assert sorted(fetched) == ["/news/0.html", "/news/1.html", "/news/2.html"]
        ua = next(h for _, p, _, h in site.log if p == "/news/0.html")["user-agent"]
        assert ua == settings.user_agent and "veille" in ua

        site.log.clear()
        second = watch([feed, sitemap], db, settings, delay=0)[0]
        assert second.new == 0 and second.stored == 0 and second.unchanged == 2
        assert not [p for p in site.paths() if p.startswith("/news/")]
        assert site.paths(304) == ["/feed.xml", "/sitemap.xml"]
        feed_request = next(h for _, p, _, h in site.log if p == "/feed.xml")
        assert "if-none-match" in feed_request

        site.log.clear()
        site.feed_items.append("/news/3.html")
        third = watch([feed, sitemap], db, settings, delay=0)[0]
        assert third.new == 1 and third.stored == 1
        assert [p for p in site.paths() if p.startswith("/news/")] == ["/news/3.html"]

    assert "/private/secret.html" not in [p for _, p, _, _ in site.log]
    with DuckDBStore(db) as store:
        assert store.counts()["articles"] == 4
        rows = store.db.execute("SELECT url, status FROM seen ORDER BY url").fetchall()
        assert {status for _, status in rows} == {"stored"}
        fetched_urls = {url for url, _ in rows if url.startswith(site.base)}
        assert fetched_urls == {f"{site.base}/news/{i}.html" for i in range(4)}
        titles = store.db.execute("SELECT count(*) FROM articles WHERE text <> ''").fetchone()
        assert titles and titles[0] == 4


@pytest.mark.slow
@pytest.mark.models
def test_watch_site_via_robots_sitemap(tmp_path: Path) -> None:
    """A bare site URL: its sitemap is found through robots.txt; forbidden pages stay unfetched."""
    with serve_site() as site:
        site.pages["/"] = b"<html><head><title>Home</title></head><body>hello</body></html>"
        summary = watch([site.base + "/"], tmp_path / "w.duckdb", Settings(workers=1), delay=0)[0]
    assert summary.stored == 1 and summary.disallowed == 1
    assert "/private/secret.html" not in site.paths()
