"""Web pages by URL, fetched in the worker with httpx: timeouts, a size cap, redirects, retries.

`fetch` is the whole client: one URL to one article, never an exception. `fetch_page` also
makes conditional requests (ETag, Last-Modified) for callers that revisit pages.
"""

from __future__ import annotations

import email.utils
import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import httpx

from veille.article import Article
from veille.config import Settings
from veille.sources.media import cut_message, is_html_type, media_type, take

# Redirects followed per URL: news sites need two or three (http→https→www→canonical).
MAX_REDIRECTS = 5
# Longest Retry-After honoured, in seconds: a longer wait would stall the rest of the shard.
MAX_RETRY_AFTER = 5.0
# A body may take this many read timeouts in all, so that a trickling server cannot hold a
# worker indefinitely while still letting a large page arrive over a slow link.
BODY_TIMEOUTS = 4
ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"
_URL = re.compile(r"https?://[^\s/?#]+\S*", re.IGNORECASE)
# Failures worth another try: the network or the server may recover within the backoff.
_TRANSIENT = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)


def is_url(text: str) -> bool:
    """Whether `text` is one http(s) URL."""
    return _URL.fullmatch(text) is not None


def read_url_list(path: Path) -> list[str] | None:
    """The URLs of a file that lists only http(s) URLs (besides blank lines and # comments).

    None when some other line is found (the file is a document) or when it lists no URL.
    """
    urls: list[str] = []
    with path.open(encoding="utf-8", errors="replace") as stream:
        for line in stream:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if not is_url(line):
                return None
            urls.append(line)
    return urls or None


@dataclass(frozen=True, slots=True)
class Validators:
    """What identifies the version of a page fetched before, to ask whether it changed."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        """The conditional request headers."""
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


@dataclass(slots=True)
class Fetched:
    """One fetch: its article, the page's validators, and whether it was unchanged (304)."""

    article: Article
    validators: Validators = field(default_factory=Validators)
    not_modified: bool = False


class _RetryableStatus(Exception):
    """A 429 or 5xx answer, with the wait the server asked for."""

    def __init__(self, message: str, url: str, wait: float | None) -> None:
        super().__init__(message)
        self.url = url
        self.wait = wait


class _TooSlow(httpx.TimeoutException):
    """The body kept arriving past the download deadline."""


def make_client(settings: Settings) -> httpx.Client:
    """An HTTP client to reuse across fetches (it keeps connections open)."""
    return httpx.Client(
        headers={"User-Agent": settings.user_agent, "Accept": ACCEPT},
        timeout=settings.http_timeout,
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
    )


def fetch(url: str, settings: Settings, client: httpx.Client) -> Article:
    """The article at `url` (`url` set to the final URL after redirects), or a `read` error."""
    return fetch_page(url, settings, client).article


def fetch_page(
    url: str, settings: Settings, client: httpx.Client, validators: Validators | None = None
) -> Fetched:
    """Fetch `url`, retrying transient failures; with `validators`, ask only for a newer version."""
    headers = validators.headers() if validators else {}
    attempts = 1 + max(0, settings.http_retries)
    last_url, problem = url, ""
    for attempt in range(attempts):
        wait = None
        try:
            return _get(url, settings, client, headers)
        except _RetryableStatus as exc:
            last_url, problem, wait = exc.url, str(exc), exc.wait
        except _TRANSIENT as exc:
            problem = _describe(exc, settings)
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            return Fetched(_failed(url, url, _describe(exc, settings)))
        if attempt + 1 < attempts:
            time.sleep(retry_delay(attempt, wait, settings.http_backoff))
    tries = "1 attempt" if attempts == 1 else f"{attempts} attempts"
    return Fetched(_failed(url, last_url, f"{problem} (gave up after {tries})"))


def _get(url: str, settings: Settings, client: httpx.Client, headers: dict[str, str]) -> Fetched:
    """One attempt: a finished result, or an exception worth retrying."""
    with client.stream("GET", url, headers=headers) as response:
        final = str(response.url)
        status = f"http {response.status_code}: {response.reason_phrase or 'no reason given'}"
        validators = Validators(response.headers.get("etag"), response.headers.get("last-modified"))
        if response.status_code == 304 and headers:
            return Fetched(Article(source=f"url:{url}", url=final), validators, not_modified=True)
        if response.status_code == 429 or response.status_code >= 500:
            raise _RetryableStatus(status, final, retry_after(response.headers.get("retry-after")))
        if not 200 <= response.status_code < 300:
            return Fetched(_failed(url, final, status), validators)
        content_type = response.headers.get("content-type")
        if content_type and not is_html_type(content_type):
            message = f"not html: the content type is {media_type(content_type)}"
            return Fetched(_failed(url, final, message), validators)
        article = Article(source=f"url:{url}", url=final, content_type=content_type or "text/html")
        deadline = time.monotonic() + BODY_TIMEOUTS * settings.http_timeout
        chunks = _before(deadline, response.iter_bytes(), BODY_TIMEOUTS * settings.http_timeout)
        article.raw, cut = take(chunks, settings.max_download_bytes)
        if cut:
            article.fail("read", cut_message(settings.max_download_bytes))
        return Fetched(article, validators)


def _before(deadline: float, chunks: Iterable[bytes], seconds: float) -> Iterator[bytes]:
    for chunk in chunks:
        if time.monotonic() > deadline:
            raise _TooSlow(f"the page took more than {seconds:g} s to download")
        yield chunk


def _failed(url: str, final: str, message: str) -> Article:
    article = Article(source=f"url:{url}", url=final)
    article.fail("read", message)
    return article


def _describe(exc: Exception, settings: Settings) -> str:
    """One line saying why a request failed."""
    if isinstance(exc, httpx.TooManyRedirects):
        return f"redirects: more than {MAX_REDIRECTS}"
    if isinstance(exc, _TooSlow):
        return f"timeout: {exc}"
    if isinstance(exc, httpx.ConnectTimeout):
        return f"timeout: no connection within {settings.http_timeout:g} s"
    if isinstance(exc, httpx.TimeoutException):
        return f"timeout: no data from the server within {settings.http_timeout:g} s"
    if isinstance(exc, httpx.ConnectError):
        return f"connection: {exc}"
    return f"http: {type(exc).__name__}: {exc}"


def retry_after(value: str | None) -> float | None:
    """Seconds a Retry-After header asks to wait (delay-seconds or an HTTP date), if valid."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def retry_delay(attempt: int, wait: float | None, backoff: float) -> float:
    """Seconds before retry number `attempt + 1`: exponential backoff, or the server's wish."""
    delay = backoff * 2**attempt
    if wait is not None:
        delay = max(delay, min(wait, MAX_RETRY_AFTER))
    return delay


@dataclass(frozen=True)
class UrlShard:
    """A chunk of URLs, fetched one after the other in the worker over one client."""

    id: str
    urls: tuple[str, ...]
    settings: Settings

    def articles(self) -> Iterator[Article]:
        with make_client(self.settings) as client:
            for url in self.urls:
                yield fetch(url, self.settings, client)
