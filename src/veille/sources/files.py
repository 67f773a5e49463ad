"""Local files and directories: .html, .htm, .html.gz (and .htm.gz), plain text."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from veille.article import Article

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz")
TEXT_SUFFIXES = (".txt", ".text")


def is_html_file(path: Path) -> bool:
    return path.name.lower().endswith(HTML_SUFFIXES)


def is_text_file(path: Path) -> bool:
    return path.name.lower().endswith(TEXT_SUFFIXES)


def list_directory(root: Path) -> list[Path]:
    """Every HTML or text file below `root`, recursively, in a stable order.

    Expected-output files beside fixtures (`*.json`) and hidden files are not documents.
    """
    found = [
        p
        for p in root.rglob("*")
        if p.is_file()
        and not any(part.startswith(".") for part in p.relative_to(root).parts)
        and (is_html_file(p) or is_text_file(p))
    ]
    return sorted(found)


def read_file(path: Path) -> Article:
    """One file as an article carrying its raw bytes, or a read error (and no bytes)."""
    article = Article(source=f"file:{path}")
    article.content_type = "text/plain" if is_text_file(path) else "text/html"
    try:
        data = path.read_bytes()
    except OSError as exc:
        article.fail("read", f"unreadable: cannot read file: {exc.strerror or exc}")
        return article
    if path.name.lower().endswith(".gz"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as exc:
            article.fail("read", f"unreadable: not a valid gzip file: {exc}")
            return article
    article.raw = data
    return article


@dataclass(frozen=True)
class FileShard:
    """A slice of local files, read in the worker."""

    id: str
    paths: tuple[str, ...]

    def articles(self) -> Iterator[Article]:
        for path in self.paths:
            yield read_file(Path(path))
