"""JSON lines of `{"url": ..., "html": ...}`: one article per line, in files or in memory."""

from __future__ import annotations

import gzip
import json
import zlib
from array import array
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from veille.article import Article

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
# What a damaged compressed file raises while it is read.
_READ_ERRORS = (OSError, EOFError, zlib.error)


def is_jsonl_file(path: Path) -> bool:
    return path.name.lower().endswith(JSONL_SUFFIXES)


def open_lines(path: Path) -> IO[bytes]:
    """The file's (decompressed) bytes, read line by line."""
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else path.open("rb")


def parse_line(line: bytes, source: str, number: int) -> Article | None:
    """The article of one line (None for a blank line), or one with a `read` error."""
    if not line.strip():
        return None
    article = Article(source=source)
    try:
        record = json.loads(line)
    except ValueError as exc:  # JSONDecodeError, or bytes that are not UTF-8/16/32
        article.fail("read", f"json: line {number} is not valid JSON ({exc})")
        return article
    if not isinstance(record, dict):
        article.fail("read", f"json: line {number} is not a JSON object")
        return article
    url = record.get("url")
    article.url = url if isinstance(url, str) and url else None
    html = record.get("html")
    if not isinstance(html, str):
        article.fail("read", f'json: line {number} has no "html" string')
        return article
    article.raw = html.encode("utf-8", "replace")  # lone surrogates from \\ud800 escapes
    article.content_type = "text/html; charset=utf-8"
    return article


def looks_like_jsonl(data: bytes) -> bool:
    """Whether `data` starts with a line holding a JSON object (an HTML page never does)."""
    first = next((line for line in data.split(b"\n") if line.strip()), b"")
    if not first.lstrip().startswith(b"{"):
        return False
    try:
        return isinstance(json.loads(first), dict)
    except ValueError:
        return False


def line_offsets(path: Path) -> array[int]:
    """The byte offset where each line of the (decompressed) file starts.

    A file that cannot be read to its end gets one more line where reading stopped, so that
    the shard holding it reports the problem as an article with a `read` error.
    """
    offsets = array("Q")
    offset = 0
    try:
        with open_lines(path) as stream:
            for line in stream:
                offsets.append(offset)
                offset += len(line)
    except _READ_ERRORS:
        offsets.append(offset)
    return offsets


@dataclass(frozen=True)
class JsonlShard:
    """Lines `first`…`first + count - 1` of a JSON-lines file starting at byte `offset`."""

    id: str
    path: str
    first: int
    offset: int
    count: int

    def articles(self) -> Iterator[Article]:
        number = self.first
        try:
            with open_lines(Path(self.path)) as stream:
                stream.seek(self.offset)
                while number < self.first + self.count and (line := stream.readline()):
                    if article := parse_line(line, f"jsonl:{self.path}#{number}", number):
                        yield article
                    number += 1
        except _READ_ERRORS as exc:
            article = Article(source=f"jsonl:{self.path}#{number}")
            article.fail("read", f"unreadable: cannot read the file at line {number} ({exc})")
            yield article


@dataclass(frozen=True)
class JsonlBytesShard:
    """Lines of JSON held in memory (standard input): `(number, line)` pairs."""

    id: str
    label: str
    lines: tuple[tuple[int, bytes], ...]

    def articles(self) -> Iterator[Article]:
        for number, line in self.lines:
            if article := parse_line(line, f"{self.label}#{number}", number):
                yield article


def numbered_lines(data: bytes) -> list[tuple[int, bytes]]:
    """The lines of `data` (split at newlines, as files are read), numbered from 1."""
    return list(enumerate(data.split(b"\n"), 1))
