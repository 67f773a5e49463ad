"""Body text from two independent readings of one parsed page, reconciled paragraph by paragraph.

trafilatura (rule-based, fast mode) gives the primary reading; trafilatura's bundled readability
port (a different algorithm: scores containers by their text) gives the second. Each tends to
err at the edges of the article in its own way: trafilatura keeps headline lists and captions
around the body, readability keeps a byline or a stand-first. Where they agree is the article:

1. the primary's paragraphs are kept from the first to the last one the second reading supports
   (its unsupported leading and trailing paragraphs are dropped; unsupported paragraphs inside
   that span stay, since one extractor missing a paragraph mid-article is the commoner error);
2. when the second reading holds nearly all of the primary and much more besides (trafilatura
   took one chunk of an article split by an ad row), the second reading's paragraphs are used
   from the first one the primary supports.

Metadata (title, authors, date, site, …) is trafilatura's, read from the same parsed tree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from copy import copy

import trafilatura
from lxml import etree
from lxml.html import HtmlElement, fragment_fromstring
from trafilatura.readability_lxml import Document as ReadabilityDocument
from trafilatura.utils import load_html

from veille.extract.base import Extracted, register
from veille.extract.trafilatura import DATE_PARAMS, split_authors

# Shingle length for "does the other reading contain this paragraph": three lowercased word
# tokens are specific enough not to match by chance inside one page, short enough for captions.
SHINGLE = 3
# A paragraph is supported by the other reading when at least this share of its shingles occur
# there; half tolerates different paragraph splits and whitespace at inline tags.
MIN_SUPPORT = 0.5
# The second reading replaces the primary when it holds at least this share of the primary's
# shingles ...
MIN_COVER = 0.9
# ... and at least this many times as many shingles (a whole article against one chunk of it).
MIN_EXTENSION = 1.5

_WORD = re.compile(r"\w+")
_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table td th tr ul".split()
)


def shingles(text: str, n: int = SHINGLE) -> set[tuple[str, ...]]:
    """The set of n-token shingles of `text` (lowercased); one short tuple for a short text."""
    words = _WORD.findall(text.lower())
    if len(words) < n:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def support(paragraph: str, other: set[tuple[str, ...]]) -> float:
    """Share of `paragraph`'s shingles found in the shingle set `other`."""
    own = shingles(paragraph)
    if not own:
        return 0.0
    return sum(s in other for s in own) / len(own)


def reconcile(primary: Sequence[str], second: Sequence[str]) -> list[str]:
    """The body paragraphs on which the two readings agree (see the module docstring)."""
    if not primary or not second:
        return list(primary or second)
    primary_sh = shingles("\n".join(primary))
    second_sh = shingles("\n".join(second))
    covered = sum(s in second_sh for s in primary_sh)
    if (
        primary_sh
        and covered >= MIN_COVER * len(primary_sh)
        and len(second_sh) >= MIN_EXTENSION * len(primary_sh)
    ):
        start = next((i for i, p in enumerate(second) if support(p, primary_sh) >= MIN_SUPPORT), 0)
        return list(second[start:])
    agreed = [i for i, p in enumerate(primary) if support(p, second_sh) >= MIN_SUPPORT]
    if not agreed:
        return list(primary)
    return list(primary[agreed[0] : agreed[-1] + 1])


def block_paragraphs(root: HtmlElement) -> list[str]:
    """The text of `root`, one string per block-level element (whitespace collapsed)."""
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = " ".join("".join(current).split())
        if line:
            lines.append(line)
        current.clear()

    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in _BLOCK_TAGS:
                flush()
            if element.text and tag:
                current.append(element.text)
        else:
            if tag in _BLOCK_TAGS:
                flush()
            if element.tail:
                current.append(element.tail)
    flush()
    return lines


def readability_paragraphs(tree: HtmlElement) -> list[str]:
    """The second reading: readability's article container, as paragraphs (`tree` is mutated)."""
    try:
        summary = ReadabilityDocument(tree).summary()
        return block_paragraphs(fragment_fromstring(summary)) if summary else []
    except (etree.LxmlError, ValueError):
        return []


def _paragraphs(text: str | None) -> list[str]:
    return [p for p in (line.strip() for line in (text or "").split("\n")) if p]


def _join(paragraphs: Iterable[str]) -> str:
    return "\n".join(paragraphs)


@register("vote-v1")
def extract(html: str, url: str | None = None) -> Extracted:
    """Extract the body (trafilatura and readability reconciled) and trafilatura's metadata."""
    tree = load_html(html)
    if tree is None:
        return Extracted(text="")
    second = readability_paragraphs(copy(tree))
    doc = trafilatura.bare_extraction(
        tree,
        url=url,
        fast=True,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
        date_extraction_params=DATE_PARAMS,
    )
    if doc is None:
        return Extracted(text=_join(second))
    return Extracted(
        text=_join(reconcile(_paragraphs(doc.text), second)),
        title=doc.title,
        authors=split_authors(doc.author),
        site=doc.sitename or doc.hostname,
        url=doc.url,
        published=doc.date,
        language=doc.language,
        pagetype=doc.pagetype,
    )
