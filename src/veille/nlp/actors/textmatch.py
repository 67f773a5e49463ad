"""Find gazetteer phrases in a text: a tiny tokeniser and longest-match lookup on token keys.

Pure functions on strings; no spaCy. Keys are case-folded tokens with typographic apostrophes
made plain, so "l’Otan", "Quai d'Orsay" and "Maison-Blanche" match their table entries.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")

_TOKEN = re.compile(r"\w+(?:\.(?=\w\.))?|[^\w\s]", re.UNICODE)
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "`": "'"})


@dataclass(frozen=True, slots=True)
class Span:
    """A token of the matcher's own tokenisation."""

    start: int
    end: int
    key: str


def norm(token: str) -> str:
    """The lookup form of one token."""
    return unicodedata.normalize("NFC", token.translate(_APOSTROPHES)).casefold()


def tokenize(text: str) -> list[Span]:
    """Words and single punctuation marks with their offsets (U.S. stays one token)."""
    return [Span(m.start(), m.end(), norm(m.group())) for m in _TOKEN.finditer(text)]


def key_of(phrase: str) -> tuple[str, ...]:
    """The lookup key of a table phrase."""
    return tuple(span.key for span in tokenize(phrase))


def case_ok(alias: str, surface: str) -> bool:
    """Whether `surface` is written the way `alias` needs it to be.

    All-capital aliases (acronyms: "UN", "AU", "WHO") match only as written; an alias starting
    with a capital needs a capital there ("Chad", not "chad"); lower-case aliases match any case.
    """
    letters = [c for c in alias if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return alias.replace("’", "'") == surface.replace("’", "'")
    first = next((c for c in surface if c.isalpha()), "")
    if letters and letters[0].isupper():
        return first.isupper()
    return True


@dataclass(frozen=True, slots=True)
class Hit:
    """A table phrase found in the text."""

    start: int
    end: int
    text: str
    value: object


def find_phrases(
    text: str,
    table: Mapping[tuple[str, ...], Sequence[tuple[str, T]]],
    max_len: int,
    spans: Sequence[Span] | None = None,
) -> list[tuple[int, int, str, T]]:
    """Longest non-overlapping matches of `table` keys, left to right.

    `table` maps a key to (alias as written, value) candidates; the first candidate whose case
    fits the surface wins. Returns (start, end, surface, value).
    """
    spans = tokenize(text) if spans is None else spans
    found: list[tuple[int, int, str, T]] = []
    i = 0
    while i < len(spans):
        step = 1
        for n in range(min(max_len, len(spans) - i), 0, -1):
            candidates = table.get(tuple(s.key for s in spans[i : i + n]))
            if not candidates:
                continue
            start, end = spans[i].start, spans[i + n - 1].end
            surface = text[start:end]
            value = next((v for alias, v in candidates if case_ok(alias, surface)), None)
            if value is not None:
                found.append((start, end, surface, value))
                step = n
                break
        i += step
    return found


def slug(name: str) -> str:
    """ASCII, lower case, words joined by hyphens: "Amina Diallo-Kone" -> "amina-diallo-kone"."""
    # a possessive s stays on its word ("People’s Party" -> "peoples-party"), other
    # apostrophes separate words ("l'Alliance" -> "l-alliance")
    joined = re.sub(r"(?<=\w)'s\b", "s", name.translate(_APOSTROPHES))
    ascii_ = (
        unicodedata.normalize("NFKD", joined.replace("'", " "))
        .encode("ascii", "ignore")
        .decode("ascii")
    )
    return "-".join(re.findall(r"[a-z0-9]+", ascii_.lower()))


def words(items: Iterable[str]) -> frozenset[str]:
    """A set of normalised single words or phrases."""
    return frozenset(norm(i) for i in items)
