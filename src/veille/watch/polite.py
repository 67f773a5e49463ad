"""Polite fetching: robots.txt, a minimum delay between requests to one host, conditional GETs."""

from __future__ import annotations

import gzip
import io
import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from veille.config import Settings
from veille.sources.urls import Fetched, Validators, fetch_page, make_client

# Seconds between two requests to the same host: one a second is the common courtesy of crawlers;
# a robots.txt Crawl-delay larger than this wins.
HOST_DELAY = 1.0
# Longest Crawl-delay honoured: a site asking for more is still visited, once per this many seconds.
MAX_CRAWL_DELAY = 60.0
# Seconds a robots.txt is trusted before it is read again (Google's documented cache is 24 h).
ROBOTS_TTL = 3600.0


def host_of(url: str) -> str:
    """scheme://host[:port] of `url`: robots.txt and delays apply per origin."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


@dataclass(frozen=True, slots=True)
class Listing:
    """A fetched feed or sitemap: HTTP status (0: no answer), text, validators, problem."""

    status: int
    text: str
    validators: Validators
    problem: str = ""


class PoliteFetcher:
    """One HTTP client that asks robots.txt first and spaces its requests per host."""

    def __init__(
        self,
        settings: Settings,
        delay: float = HOST_DELAY,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.settings = settings
        self.delay = delay
        self.client: httpx.Client = make_client(settings)
        self._sleep = sleep
        self._last: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser] = {}
        self._robots_read: dict[str, float] = {}
        self.requests = 0

    def _wait(self, host: str) -> None:
        robots = self._robots.get(host)
        crawl = robots.crawl_delay(self.settings.user_agent) if robots else None
        gap = max(self.delay, min(float(crawl or 0), MAX_CRAWL_DELAY))
        last = self._last.get(host)
        if last is not None:
            remaining = last + gap - time.monotonic()
            if remaining > 0:
                self._sleep(remaining)
        self._last[host] = time.monotonic()

    def robots(self, url: str) -> urllib.robotparser.RobotFileParser | None:
        """The host's rules, fetched once; None when the host cannot tell (retried next time)."""
        host = host_of(url)
        if host in self._robots and time.monotonic() - self._robots_read[host] < ROBOTS_TTL:
            return self._robots[host]
        self._wait(host)
        self.requests += 1
        parser = urllib.robotparser.RobotFileParser(f"{host}/robots.txt")
        try:
            response = self.client.get(f"{host}/robots.txt")
        except httpx.HTTPError:
            return None  # unreachable: ask again on the next pass, fetch nothing meanwhile
        if response.status_code in (401, 403):
            parser.disallow_all = True
        elif response.status_code >= 500:
            return None
        elif response.status_code >= 400:
            parser.allow_all = True
        else:
            parser.parse(response.text.splitlines())
        self._robots[host] = parser
        self._robots_read[host] = time.monotonic()
        return parser

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets our user agent fetch `url` (False while it cannot be read)."""
        robots = self.robots(url)
        return robots is not None and robots.can_fetch(self.settings.user_agent, url)

    def robots_text_sitemaps(self, url: str) -> list[str]:
        """The Sitemap: lines of the host's robots.txt."""
        robots = self.robots(url)
        return list((robots.site_maps() if robots else None) or [])

    def get(self, url: str, validators: Validators | None = None) -> Fetched:
        """Fetch `url` after the host's delay (the caller checks `allowed` first)."""
        self._wait(host_of(url))
        self.requests += 1
        return fetch_page(url, self.settings, self.client, validators)

    def get_listing(self, url: str, validators: Validators | None = None) -> Listing:
        """A feed or sitemap, asked for only if newer than `validators` (status 304 if not)."""
        self._wait(host_of(url))
        self.requests += 1
        headers = validators.headers() if validators else {}
        try:
            response = self.client.get(url, headers=headers)
        except httpx.HTTPError as exc:
            return Listing(0, "", Validators(), f"{type(exc).__name__}: {exc}")
        found = Validators(response.headers.get("etag"), response.headers.get("last-modified"))
        if response.status_code != 200:
            kept = found if found.etag or found.last_modified else validators or Validators()
            return Listing(response.status_code, "", kept)
        body = response.content[: self.settings.max_download_bytes]
        if body[:2] == b"\x1f\x8b":  # a .xml.gz sitemap served as a file
            body = _gunzip(body, self.settings.max_download_bytes)
        text = body.decode(response.encoding or "utf-8", errors="replace")
        return Listing(200, text, found)

    def close(self) -> None:
        self.client.close()


def _gunzip(data: bytes, limit: int) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            return stream.read(limit)
    except (OSError, EOFError):
        return b""
