"""The read stage: raw bytes to Unicode HTML (or plain text), or a clear reason why not."""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from veille.article import Article

# Signatures of formats that are not text, checked on the first bytes.
_MAGIC = {
    b"%PDF-": "PDF",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"PK\x03\x04": "ZIP archive",
    b"\x1f\x8b": "gzip data",
    b"\x7fELF": "ELF executable",
    b"RIFF": "RIFF media",
    b"OggS": "Ogg media",
    b"ID3": "MP3 audio",
}
# Share of control bytes (besides tab, newline, carriage return, form feed) that marks binary data.
# HTML has none; 5% leaves room for a few stray bytes in a broken page.
_BINARY_CONTROL_SHARE = 0.05
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_CLOSING_TAG = re.compile(rb"</(?:html|body)\s*>", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def binary_kind(data: bytes) -> str | None:
    """Name the binary format of `data`, or None when it looks like text."""
    head = data[:8192]
    for magic, kind in _MAGIC.items():
        if head.startswith(magic):
            return kind
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return None
    controls = sum(head.count(bytes([b])) for b in _CONTROL)
    if head and controls / len(head) > _BINARY_CONTROL_SHARE:
        return "binary data"
    return None


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None


def declared_charset(data: bytes, content_type: str | None = None) -> str | None:
    """The charset an HTTP header or a meta tag in the first 4 KB declares, if any is known."""
    if content_type and (m := _HEADER_CHARSET.search(content_type)):
        return _codec(m.group(1))
    if m := _META_CHARSET.search(data[:4096]):
        return _codec(m.group(1).decode("ascii", "ignore"))
    return None


# Characters that Western European text in cp1252 is made of beyond ASCII: Latin-1 letters and
# signs, and cp1252's typographic punctuation.
_WESTERN = set(range(0xA0, 0x100)) | {ord(c) for c in "’‘“”„…–—•€™ŒœšžŸ"}
# Share of non-ASCII characters that must be Western for an undeclared page to be taken as cp1252:
# charset-normalizer alone mistakes short French latin-1 pages for Baltic cp1257.
_WESTERN_SHARE = 0.95
# In French, German or Spanish at most about one letter in ten is accented (French prose: 3-5%);
# Cyrillic or Greek bytes read as cp1252 give accented letters almost everywhere.
_MAX_ACCENTED_LETTERS = 0.3


def _western(data: bytes) -> bool:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    beyond = [ord(c) for c in text if ord(c) > 0x7F]
    if not beyond or sum(c in _WESTERN for c in beyond) / len(beyond) < _WESTERN_SHARE:
        return False
    letters = [c for c in text if c.isalpha()]
    accented = sum(ord(c) > 0x7F for c in letters)
    return accented / max(1, len(letters)) <= _MAX_ACCENTED_LETTERS


def _guess(data: bytes) -> str:
    best = charset_normalizer.from_bytes(data[:200_000]).best()
    return (_codec(best.encoding) if best else None) or "cp1252"


def decode_bytes(data: bytes, content_type: str | None = None) -> tuple[str, str, str | None]:
    """Decode `data`; return (text, encoding used, a note when the declaration was wrong).

    Order: byte-order mark; strict UTF-8 (cp1252 text is almost never valid UTF-8);
    the declared charset; cp1252 when the text reads as Western European; else
    charset-normalizer's guess.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name, "replace").lstrip("\ufeff"), name, None
    declared = declared_charset(data, content_type)
    note = None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if declared not in (None, "utf-8", "ascii") and not data.isascii():
            note = f"declared charset {declared} does not fit the bytes; decoded as utf-8"
        return text, "utf-8", note
    if declared and declared != "utf-8":
        try:
            return data.decode(declared), declared, None
        except UnicodeDecodeError:
            note = f"declared charset {declared} does not fit the bytes"
    elif declared == "utf-8":
        note = "declared charset utf-8 does not fit the bytes"
    name = "cp1252" if _western(data) else _guess(data)
    if note:
        note = f"{note}; decoded as {name}"
    return data.decode(name, "replace"), name, note


def read(article: Article, max_bytes: int) -> None:
    """Turn `article.raw` into `article.html` (or `article.text` for plain text).

    Messages start with a short kind ("empty", "binary", "oversized", "charset", "truncated")
    that run summaries count by.
    """
    if article.html is not None or not article.raw:
        if article.raw == b"" and not article.errors:
            article.fail("read", "empty document")
        return
    raw = article.raw
    if not raw.strip():
        article.fail("read", "empty document")
        return
    if kind := binary_kind(raw):
        article.fail("read", f"binary: not a text document, looks like {kind}")
        return
    cut = len(raw) > max_bytes
    if cut:
        article.fail(
            "read",
            f"oversized: document is {len(raw):,} bytes; only the first {max_bytes:,} were read",
        )
        raw = raw[:max_bytes]
    text, encoding, note = decode_bytes(raw, article.content_type)
    if note:
        article.fail("read", f"charset: {note}")
    elif encoding not in ("utf-8", "ascii") and not declared_charset(raw, article.content_type):
        article.fail("read", f"charset: none declared; detected {encoding}")
    if article.content_type and article.content_type.startswith("text/plain"):
        article.text = text.replace("\r\n", "\n").strip()
        return
    article.html = text
    if not cut and not _CLOSING_TAG.search(raw[-2048:]):
        article.fail("read", "truncated: the HTML ends before its closing </body> or </html> tag")
