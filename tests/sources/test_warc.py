"""WARC and WARC.gz: HTML responses only, named by offset; a damaged file never stops a run."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tests.sources.support import EN_PAGE, FR_TEXT, page
from veille.article import Article
from veille.config import Settings
from veille.jobs import extract_records
from veille.sources import open_inputs
from veille.sources.warc import WarcShard, read_warc

FR_PAGE = page("Élection à Besançon", FR_TEXT, "fr", charset=None).encode("latin-1")


def write_warc(path: Path, compress: bool) -> Path:
    """A small crawl: the pages to keep, and records of every kind that must be skipped."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=compress)

        def response(url: str, status: str, content_type: str, body: bytes) -> None:
            http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    url, "response", payload=io.BytesIO(body), http_headers=http
                )
            )

        request = StatusAndHeaders(
            "GET /news/tram HTTP/1.1", [("Host", "example.org")], is_http_request=True
        )
        writer.write_record(
            writer.create_warc_record(
                "http://example.org/news/tram",
                "request",
                payload=io.BytesIO(b""),
                http_headers=request,
            )
        )
        response(
            "http://example.org/news/tram", "200 OK", "text/html; charset=utf-8", EN_PAGE.encode()
        )
        response(
            "http://example.org/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64)
        )
        writer.write_record(
            writer.create_warc_record(
                "http://example.org/news/tram",
                "metadata",
                payload=io.BytesIO(b'{"outlinks": []}'),
                warc_content_type="application/json",
            )
        )
        response("http://example.org/gone", "404 Not Found", "text/html", b"<html>gone</html>")
        revisit = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_revisit_record(
                "http://example.org/news/tram",
                digest="sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                refers_to_uri="http://example.org/news/tram",
                refers_to_date="2025-04-01T08:00:00Z",
                http_headers=revisit,
            )
        )
        response(
            "http://example.org/fr/election", "200 OK", "text/html; charset=iso-8859-1", FR_PAGE
        )
    return path


def offset_of(source: str) -> int:
    return int(source.rsplit("#", 1)[1])


def uri_at(path: Path, offset: int) -> str:
    """The target URI of the record that starts at `offset` in the file."""
    with path.open("rb") as stream:
        stream.seek(offset)
        record = next(iter(ArchiveIterator(stream)))
        return record.rec_headers.get_header("WARC-Target-URI")


@pytest.fixture(params=[False, True], ids=["warc", "warc.gz"])
def warc(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    name = "crawl.warc.gz" if request.param else "crawl.warc"
    return write_warc(tmp_path / name, compress=request.param)


def test_only_html_responses_are_read(warc: Path) -> None:
    articles = list(read_warc(warc, 1_000_000))
    assert [a.url for a in articles] == [
        "http://example.org/news/tram",
        "http://example.org/fr/election",
    ]
    assert all(a.errors == [] for a in articles)
    assert articles[0].raw == EN_PAGE.encode()
    assert articles[1].raw == FR_PAGE
    assert articles[1].content_type == "text/html; charset=iso-8859-1"


def test_sources_name_the_offset_of_their_record(warc: Path) -> None:
    for article in read_warc(warc, 1_000_000):
        assert article.source.startswith(f"warc:{warc}#")
        assert uri_at(warc, offset_of(article.source)) == article.url


@pytest.mark.usefixtures("without_nlp")
def test_through_the_pipeline(warc: Path) -> None:
    en, fr = extract_records([str(warc)], Settings(workers=1))
    assert (en.language, fr.language) == ("en", "fr")
    assert "tram line on Tuesday" in en.text
    assert "Le conseil municipal a approuvé mardi" in fr.text  # latin-1, from the HTTP header
    assert fr.title == "Élection à Besançon"
    assert en.errors == [] and fr.errors == []


@pytest.mark.parametrize("keep", [20, 0.6, 0.97], ids=["in-header", "in-body", "near-end"])
def test_truncated_warc_yields_what_was_read_and_one_error(
    warc: Path, tmp_path: Path, keep: float
) -> None:
    """The last record (the French page) is cut: in its header, or part-way through its body."""
    whole = list(read_warc(warc, 1_000_000))
    cut = tmp_path / f"cut-{warc.name}"
    data = warc.read_bytes()
    last = offset_of(whole[-1].source)  # the French page is the last record
    kept = keep if isinstance(keep, int) else int((len(data) - last) * keep)
    cut.write_bytes(data[: last + kept])

    articles = list(read_warc(cut, 1_000_000))

    assert [a.url for a in articles[:-1]] == ["http://example.org/news/tram"]
    assert articles[0].errors == []
    broken = articles[-1]
    assert broken.source == f"warc:{cut}#{last}"
    assert broken.raw is None
    [error] = broken.errors
    assert error.stage == "read" and error.message.startswith("warc: ")


def test_garbage_after_the_last_record_is_reported(warc: Path) -> None:
    size = warc.stat().st_size
    with warc.open("ab") as out:
        out.write(b"\x00\x01 this is not a WARC record \xff" * 10)
    articles = list(read_warc(warc, 1_000_000))
    assert len(articles) == 3
    assert [e.stage for e in articles[-1].errors] == ["read"]
    assert articles[-1].source == f"warc:{warc}#{size}"


def test_not_a_warc_at_all(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.warc"
    bogus.write_bytes(b"<html>I am not an archive</html>\n")
    [article] = read_warc(bogus, 1_000_000)
    assert article.source == f"warc:{bogus}#0"
    assert article.errors[0].message.startswith("warc: unreadable record at offset 0")


def test_record_over_the_cap_is_cut(warc: Path) -> None:
    first = next(read_warc(warc, 100))
    assert first.raw == EN_PAGE.encode()[:100]
    assert [e.message for e in first.errors] == [
        "oversized: stopped reading at 100 bytes; the rest was not read"
    ]


def test_one_shard_per_warc_file(warc: Path) -> None:
    settings = Settings(workers=4)
    [shard] = open_inputs([str(warc)], settings)
    assert isinstance(shard, WarcShard)
    assert shard.id == f"warc:{warc}"
    assert shard.max_bytes == settings.max_download_bytes
    assert [a.url for a in shard.articles()] == [a.url for a in read_warc(warc, 10**6)]
    assert isinstance(next(shard.articles()), Article)
