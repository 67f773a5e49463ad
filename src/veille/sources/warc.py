"""WARC and WARC.gz archives: one article per HTML response record (HTTP 200)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord

from veille.article import Article
from veille.sources.media import cut_message, is_html_type, take

WARC_SUFFIXES = (".warc", ".warc.gz")
# Bytes read at a time past the last whole record, to find where blank padding ends.
_TAIL_PROBE = 64
_CHUNK = 1 << 16


def is_warc_file(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


@dataclass(frozen=True)
class WarcShard:
    """One WARC file, read in the worker."""

    id: str
    path: str
    max_bytes: int

    def articles(self) -> Iterator[Article]:
        yield from read_warc(Path(self.path), self.max_bytes)


def read_warc(path: Path, max_bytes: int) -> Iterator[Article]:
    """Yield the HTML responses of the WARC at `path`, then one error article if it is damaged.

    Records are named `warc:PATH#OFFSET` by the offset where they start in the file.
    """
    try:
        stream = path.open("rb")
    except OSError as exc:
        yield _broken(path, 0, f"unreadable: cannot open the WARC file: {exc.strerror or exc}")
        return
    with stream:
        end = 0  # where the last whole record ends: where the next one should start
        records = ArchiveIterator(stream)
        try:
            for record in records:
                # warcio takes any line of text for an ARC header, and a cut header for a record.
                if (
                    record.format != "warc"
                    or record.rec_headers.get_header("Content-Length") is None
                ):
                    raise ValueError("no complete WARC header")
                article = _response(record, max_bytes)
                # Asking for the offset reads the record to its end (and so its length).
                offset = records.get_record_offset()
                if problem := _cut_short(record, records):
                    yield _broken(
                        path, offset, f"warc: {problem}", article.url if article else None
                    )
                    return
                end = offset + records.get_record_length()
                if article is not None:
                    article.source = f"warc:{path}#{offset}"
                    yield article
        except Exception as exc:  # warcio fails on damaged headers with assorted errors
            end = _skip_blank(stream, end)
            yield _broken(path, end, f"warc: unreadable record at offset {end:,} ({exc})")
            return
        if (start := _skip_blank(stream, end)) < path.stat().st_size:
            message = f"warc: unreadable data at offset {start:,}, the file is cut short or damaged"
            yield _broken(path, start, message)


def _cut_short(record: ArcWarcRecord, records: ArchiveIterator) -> str | None:
    """Why the record just read to its end is incomplete, if it is."""
    if missing := getattr(record.raw_stream, "limit", 0):
        return f"record cut short, its last {missing:,} bytes are missing"
    decompressor = records.reader.decompressor if records.reader else None
    if decompressor is not None and not getattr(decompressor, "eof", True):
        return "record cut short, its gzip member ends early"
    return None


def _skip_blank(stream: BinaryIO, offset: int) -> int:
    """The offset of the first byte at or after `offset` that is not blank padding."""
    stream.seek(offset)
    while (probe := stream.read(_TAIL_PROBE)) and not probe.strip():
        offset += len(probe)
    return offset + len(probe) - len(probe.lstrip())


def _response(record: ArcWarcRecord, max_bytes: int) -> Article | None:
    """The article of an HTML response record read to at most `max_bytes`; None for others."""
    http = record.http_headers
    if record.rec_type != "response" or http is None or http.get_statuscode() != "200":
        return None
    content_type = http.get_header("Content-Type")
    if not is_html_type(content_type):
        return None
    url = (record.rec_headers.get_header("WARC-Target-URI") or "").strip("<> ") or None
    article = Article(source="", url=url, content_type=content_type)
    stream = record.content_stream()
    article.raw, cut = take(iter(lambda: stream.read(_CHUNK), b""), max_bytes)
    if cut:
        article.fail("read", cut_message(max_bytes))
    return article


def _broken(path: Path, offset: int, message: str, url: str | None = None) -> Article:
    article = Article(source=f"warc:{path}#{offset}", url=url)
    article.fail("read", message)
    return article
