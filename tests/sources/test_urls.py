"""URL fetching against a server on 127.0.0.1: every outcome is an article, never an exception."""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest

from tests.sources.support import EN_TEXT, Web
from veille.article import Article
from veille.config import Settings
from veille.jobs import extract_records
from veille.sources import open_inputs
from veille.sources.decode import read
from veille.sources.urls import (
    MAX_RETRY_AFTER,
    UrlShard,
    Validators,
    fetch,
    fetch_page,
    is_url,
    make_client,
    retry_after,
    retry_delay,
)


def get(web: Web, path: str, settings: Settings) -> Article:
    with make_client(settings) as client:
        return fetch(web.url(path), settings, client)


def read_errors(article: Article) -> list[str]:
    return [e.message for e in article.errors if e.stage == "read"]


def test_html_page(web: Web, settings: Settings) -> None:
    article = get(web, "/page?t=ok", settings)
    assert article.source == f"url:{web.url('/page?t=ok')}"
    assert article.url == web.url("/page?t=ok")
    assert article.errors == []
    assert article.content_type == "text/html; charset=utf-8"
    assert article.raw is not None and EN_TEXT.encode() in article.raw


def test_honest_user_agent(web: Web, settings: Settings) -> None:
    get(web, "/page?t=agent", settings)
    headers = next(h for path, h in web.requests if path == "/page?t=agent")
    assert headers["User-Agent"] == settings.user_agent
    assert "veille" in headers["User-Agent"]


def test_redirect_chain_sets_the_final_url(web: Web, settings: Settings) -> None:
    article = get(web, "/hop/4", settings)  # four redirects, then the page
    assert article.errors == []
    assert article.url == web.url("/page")
    assert article.source == f"url:{web.url('/hop/4')}"


def test_too_many_redirects(web: Web, settings: Settings) -> None:
    article = get(web, "/hop/6", settings)
    assert read_errors(article) == ["redirects: more than 5"]
    assert article.raw is None


def test_not_found(web: Web, settings: Settings) -> None:
    article = get(web, "/missing", settings)
    assert read_errors(article) == ["http 404: Not Found"]
    assert article.url == web.url("/missing")
    assert article.raw is None
    assert web.hits["/missing"] == 1  # a 4xx is not retried


def test_server_error_then_success_is_retried(web: Web, settings: Settings) -> None:
    article = get(web, "/flaky?t=retry", settings)
    assert article.errors == []
    assert web.hits["/flaky?t=retry"] == 2


def test_server_error_gives_up_after_the_retries(web: Web, settings: Settings) -> None:
    article = get(web, "/down?t=give-up", settings)
    assert read_errors(article) == ["http 503: Service Unavailable (gave up after 3 attempts)"]
    assert web.hits["/down?t=give-up"] == 1 + settings.http_retries


def test_too_many_requests_honours_retry_after(web: Web, settings: Settings) -> None:
    started = time.monotonic()
    article = get(web, "/busy?t=429", settings)
    assert article.errors == []
    assert web.hits["/busy?t=429"] == 2
    assert time.monotonic() - started >= 0.9  # the server asked for one second


def test_slow_response_times_out(web: Web, settings: Settings) -> None:
    settings = replace(settings, http_retries=1)
    started = time.monotonic()
    article = get(web, "/slow?t=timeout", settings)
    assert read_errors(article) == [
        "timeout: no data from the server within 0.3 s (gave up after 2 attempts)"
    ]
    assert web.hits["/slow?t=timeout"] == 2
    assert time.monotonic() - started < 1.5


def test_trickling_body_hits_the_download_deadline(web: Web, settings: Settings) -> None:
    settings = replace(settings, http_retries=0)
    article = get(web, "/trickle?t=deadline", settings)
    [message] = read_errors(article)
    assert message.startswith("timeout: the page took more than 1.2 s to download")


def test_oversized_body_is_cut_at_the_cap(web: Web, settings: Settings) -> None:
    article = get(web, "/big", settings)
    assert article.raw is not None and len(article.raw) == settings.max_download_bytes
    assert read_errors(article) == [
        "oversized: stopped reading at 100,000 bytes; the rest was not read"
    ]


def test_non_html_content_type_is_refused(web: Web, settings: Settings) -> None:
    article = get(web, "/report.pdf", settings)
    assert read_errors(article) == ["not html: the content type is application/pdf"]
    assert article.raw is None
    assert article.url == web.url("/report.pdf")


def test_charset_declared_in_the_header_is_used(web: Web, settings: Settings) -> None:
    article = get(web, "/latin1", settings)
    assert article.content_type == "text/html; charset=iso-8859-1"
    assert article.raw is not None and "Élection".encode("latin-1") in article.raw
    read(article, max_bytes=1_000_000)
    assert article.html is not None and "Élection à Besançon" in article.html
    assert not any(e.message.startswith("charset") for e in article.errors)


def test_connection_refused(settings: Settings) -> None:
    settings = replace(settings, http_retries=1)
    with make_client(settings) as client:
        article = fetch("http://127.0.0.1:9/", settings, client)  # discard port: nothing listens
    [message] = read_errors(article)
    assert message.startswith("connection: ") and message.endswith("(gave up after 2 attempts)")


def test_conditional_request(web: Web, settings: Settings) -> None:
    with make_client(settings) as client:
        first = fetch_page(web.url("/page"), settings, client)
        again = fetch_page(web.url("/page"), settings, client, first.validators)
    assert first.validators == Validators('"v1"', "Tue, 01 Apr 2025 08:00:00 GMT")
    assert not first.not_modified and first.article.raw
    assert again.not_modified and again.article.raw is None and again.article.errors == []


def test_retry_after_values() -> None:
    assert retry_after("3") == 3.0
    assert retry_after(None) is None
    assert retry_after("soon") is None
    later = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
    assert 25 < (retry_after(later) or 0) <= 30
    assert retry_delay(0, None, 0.5) == 0.5
    assert retry_delay(2, None, 0.5) == 2.0
    assert retry_delay(0, 3600, 0.5) == MAX_RETRY_AFTER


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("https://example.org/a?b=1", True),
        ("HTTP://EXAMPLE.ORG", True),
        ("http://", False),
        ("ftp://example.org/", False),
        ("http://example.org/a b", False),
        ("example.org", False),
    ],
)
def test_is_url(text: str, expected: bool) -> None:
    assert is_url(text) is expected


def test_file_of_urls(web: Web, settings: Settings, tmp_path: Path) -> None:
    listing = tmp_path / "list.urls"
    listing.write_text(
        f"# pages to watch\n\n{web.url('/page?t=list')}\n  {web.url('/missing?t=list')}  \n"
        f"{web.url('/hop/2')}\n"
    )
    shards = open_inputs([str(listing)], replace(settings, shard_size=2))
    assert all(isinstance(s, UrlShard) for s in shards)
    assert [s.id for s in shards] == [f"urls:{listing}:0:2", f"urls:{listing}:1:1"]
    articles = [a for s in shards for a in s.articles()]
    assert [a.source for a in articles] == [
        f"url:{web.url('/page?t=list')}",
        f"url:{web.url('/missing?t=list')}",
        f"url:{web.url('/hop/2')}",
    ]
    assert [a.url for a in articles] == [
        web.url("/page?t=list"),
        web.url("/missing?t=list"),
        web.url("/page"),
    ]
    assert [bool(a.errors) for a in articles] == [False, True, False]


@pytest.mark.usefixtures("without_nlp")
def test_url_end_to_end(web: Web, settings: Settings) -> None:
    [record] = extract_records([web.url("/page?t=e2e")], settings)
    assert record.errors == []
    assert record.title == "Council approves tram line"
    assert "tram line on Tuesday" in record.text
    assert record.language == "en"
    assert record.url == web.url("/page?t=e2e")
