"""Content types and bodies: which responses hold a web page, and reading them within a cap."""

from __future__ import annotations

from collections.abc import Iterable

# Media types veille extracts articles from; anything else (PDF, images, JSON, feeds) is not a page.
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def media_type(content_type: str | None) -> str:
    """The bare media type of a Content-Type header: `text/html; charset=x` -> `text/html`."""
    return (content_type or "").split(";", 1)[0].strip().lower()


def is_html_type(content_type: str | None) -> bool:
    """Whether a Content-Type header announces HTML."""
    return media_type(content_type) in HTML_TYPES


def take(chunks: Iterable[bytes], limit: int) -> tuple[bytes, bool]:
    """Join `chunks` up to `limit` bytes; also say whether more was left unread."""
    parts: list[bytes] = []
    size = 0
    for chunk in chunks:
        if size + len(chunk) > limit:
            parts.append(chunk[: limit - size])
            return b"".join(parts), True
        parts.append(chunk)
        size += len(chunk)
    return b"".join(parts), False


def cut_message(limit: int) -> str:
    """The `read` error of a document cut at `limit` bytes (messages are "kind: details")."""
    return f"oversized: stopped reading at {limit:,} bytes; the rest was not read"
