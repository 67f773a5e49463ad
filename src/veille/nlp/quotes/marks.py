"""Quote-mark scanning: the spans of text inside quotation marks, per paragraph.

Pure string code: every mark style (« » with any spacing, “ ”, „ “, straight ", ‹ ›, ‘ ’), nesting
of the same style, apostrophes told apart from single quotes. Unbalanced marks never swallow more
than their paragraph: an unclosed mark opening a paragraph runs to its end, any other is ignored.
"""

from __future__ import annotations

from dataclasses import dataclass

# opener -> closers it accepts
PAIRS: dict[str, str] = {
    "«": "»",
    "“": "”“",  # a sloppy “…“ is still a quote
    "„": "“”",
    "‹": "›",
    '"': '"',
    "‘": "’",
    "‚": "‘’",
}
SPACES = " \t\u00a0\u202f\u2009\u2007"
MAX_CHARS = 3000  # no quote is longer than this, whatever the marks say


@dataclass(frozen=True, slots=True)
class MarkSpan:
    """Text between quotation marks: `start:end` is the content, `open`/`close` the marks."""

    start: int
    end: int
    open: int  # offset of the opening mark
    close: int  # offset just after the closing mark (paragraph end when unclosed)
    closed: bool = True


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line of `text`."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _is_open(text: str, i: int, lo: int, hi: int) -> bool:
    mark = text[i]
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    if mark in "«‹„":
        return True
    if nxt in SPACES or nxt == "\n":
        return False
    if mark == "‘":
        return not prev.isalnum()
    if mark in '"“‚':
        return not prev.isalnum() or mark == "“"
    return False


def _is_close(text: str, i: int, lo: int, hi: int, mark: str) -> bool:
    nxt = text[i + 1] if i + 1 < hi else " "
    prev = text[i - 1] if i > lo else " "
    if mark in "’‘":
        return not nxt.isalnum() and prev not in SPACES
    if mark == '"':
        return prev not in SPACES or not nxt.isalnum()
    return True


def _find_close(text: str, i: int, hi: int) -> int | None:
    """Offset of the mark closing the one at `i`, nesting same-style pairs; None when unclosed."""
    opener = text[i]
    closers = PAIRS[opener]
    depth = 0
    j = i + 1
    while j < hi and j - i <= MAX_CHARS:
        ch = text[j]
        if ch in closers and _is_close(text, j, i, hi, ch):
            if depth == 0:
                return j
            depth -= 1
        elif ch == opener and opener not in closers and _is_open(text, j, i, hi):
            depth += 1
        j += 1
    return None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start] in SPACES or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in SPACES or text[end - 1].isspace()):
        end -= 1
    return start, end


def scan_marks(text: str) -> list[MarkSpan]:
    """Outermost quotations of `text`, in order, never crossing a paragraph boundary."""
    found: list[MarkSpan] = []
    for lo, hi in paragraphs(text):
        i = lo
        while i < hi:
            ch = text[i]
            if ch not in PAIRS or not _is_open(text, i, lo, hi):
                i += 1
                continue
            close = _find_close(text, i, hi)
            if close is not None:
                start, end = _trim(text, i + 1, close)
                if end > start:
                    found.append(MarkSpan(start, end, i, close + 1))
                i = close + 1
                continue
            if not text[lo:i].strip(SPACES + "—–-"):
                start, end = _trim(text, i + 1, min(hi, i + 1 + MAX_CHARS))
                if end > start:
                    found.append(MarkSpan(start, end, i, hi, closed=False))
                break
            i += 1
    return found
