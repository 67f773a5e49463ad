"""Body text from two independent readings of one parsed page: trafilatura, trimmed by readability.

trafilatura (rule-based; fast mode, recall focus) gives the primary reading. trafilatura's bundled
port of readability, a different algorithm that scores containers by the text they hold, gives
the second. trafilatura's commonest error is at the edges of the article: it keeps the headline,
a caption or a kicker before the body, and headline lists, newsletter boxes or a copyright line
after it. Readability rarely agrees with those, so:

    the primary's paragraphs are kept from the first to the last one the second reading supports;
    unsupported paragraphs inside that span stay (one extractor missing a paragraph mid-article
    is the commoner disagreement there).

The trim is skipped when it would remove most of the primary (readability then found only a
fragment of the article, e.g. one chunk of a page split by ad rows) or when the readings share
nothing. The second reading is only taken when the primary is in doubt: when the first paragraph
veille would keep does not end like a sentence (a headline, a kicker, a caption, a button), since
an article starts with a sentence. (Checking the last paragraph too runs readability on half as
many pages again for no gain on the benchmark: a page with chrome after the body mostly has
chrome before it as well.) Metadata is trafilatura's, read from the same
parsed tree (see `metadata.py`); the page is prepared (layout tables unwrapped, known chrome
pruned) as for the "trafilatura" extractor.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import trafilatura
from lxml import etree
from lxml.html import HtmlElement, fragment_fromstring
from trafilatura.readability_lxml import Document as ReadabilityDocument
from trafilatura.utils import load_html

from veille.extract.base import Extracted, register
from veille.extract.boilerplate import remove_boilerplate
from veille.extract.metadata import read_metadata
from veille.extract.prepare import prepare
from veille.extract.title import best_title, page_title
from veille.extract.trafilatura import split_authors

# Shingle length for "does the other reading hold this paragraph": three lowercased word tokens
# rarely repeat by chance within one page, and are short enough for one-line paragraphs.
SHINGLE = 3
# A paragraph is supported by the other reading when at least this share of its shingles occur
# there: half tolerates different paragraph splits and spacing at inline tags.
MIN_SUPPORT = 0.5
# The trim may remove at most this share of the primary's characters; more means the second
# reading found only a fragment of the article. Chosen on the benchmark (the only body-text
# truth we have): the edges trimmed there for good are under a quarter of the text, the harmful
# trims over two thirds; any value from 0.3 to 0.7 scores within 0.002 F1.
MAX_TRIMMED = 0.5

# How a sentence ends: final punctuation, possibly followed by closing quotes or brackets.
_SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’»)\]]*\s*$|[\"”’»]\s*$")
_WORD = re.compile(r"\w+")
# Elements whose start and end break a line in the second reading's text.
_BLOCK_TAGS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt"),
        *("figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header"),
        *("hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul"),
    }
)

Shingle = tuple[str, ...]


def shingles(text: str, n: int = SHINGLE) -> set[Shingle]:
    """The n-token shingles of `text` (lowercased); a short text is one shorter shingle."""
    words = _WORD.findall(text.lower())
    if len(words) < n:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def support(paragraph: str, other: set[Shingle]) -> float:
    """Share of `paragraph`'s shingles found in `other`."""
    own = shingles(paragraph)
    if not own:
        return 0.0
    return sum(s in other for s in own) / len(own)


def reconcile(primary: Sequence[str], second: Sequence[str]) -> list[str]:
    """The primary's paragraphs from the first to the last one `second` supports (see above)."""
    if not primary or not second:
        return list(primary)
    second_shingles = shingles("\n".join(second))
    agreed = [i for i, p in enumerate(primary) if support(p, second_shingles) >= MIN_SUPPORT]
    if not agreed:
        return list(primary)
    kept = primary[agreed[0] : agreed[-1] + 1]
    if sum(map(len, kept)) < (1 - MAX_TRIMMED) * sum(map(len, primary)):
        return list(primary)
    return list(kept)


def shed(tree: HtmlElement) -> None:
    """Drop what no reader of the page uses, so that every later pass has less to walk.

    Styles, inline SVG drawings, <noscript> and <template> copies and scripts other than JSON
    data are removed by every body extractor anyway; removing them once here is cheap.
    """
    scripts = [s for s in tree.iter("script") if "json" not in (s.get("type") or "")]
    for script in scripts:
        script.drop_tree()
    etree.strip_elements(tree, "style", "svg", "noscript", "template", with_tail=False)


def in_doubt(primary: Sequence[str], title: str | None) -> bool:
    """Whether the text veille keeps from `primary` (headline dropped) starts with no sentence."""
    kept = paragraphs(remove_boilerplate("\n".join(primary)))
    if kept and title and kept[0].casefold() == title.strip().casefold():
        kept = kept[1:]
    return not kept or not _SENTENCE_END.search(kept[0])


def block_paragraphs(root: HtmlElement) -> list[str]:
    """The text of `root`, one string per block-level element, whitespace folded."""
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = " ".join("".join(current).split())
        if line:
            lines.append(line)
        current.clear()

    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else None
        if event == "start":
            if tag in _BLOCK_TAGS:
                flush()
            if tag and element.text:
                current.append(element.text)
        else:
            if tag in _BLOCK_TAGS:
                flush()
            if element.tail:
                current.append(element.tail)
    flush()
    return lines


def readability_paragraphs(tree: HtmlElement) -> list[str]:
    """The second reading: readability's article, as paragraphs. `tree` is modified."""
    try:
        summary = ReadabilityDocument(tree).summary()
        return block_paragraphs(fragment_fromstring(summary)) if summary else []
    except (etree.LxmlError, ValueError):
        return []


def paragraphs(text: str | None) -> list[str]:
    """The non-blank lines of `text`, stripped."""
    return [p for p in (line.strip() for line in (text or "").split("\n")) if p]


@register("vote-v1")
def extract(html: str, url: str | None = None) -> Extracted:
    """Body: trafilatura, trimmed to where readability agrees when in doubt; trafilatura's metadata."""
    tree = load_html(html)
    if tree is None:
        return Extracted(text="")
    tree_title = page_title(tree)
    prepare(tree)
    meta = read_metadata(tree, url)
    shed(tree)  # after the metadata: htmldate also searches scripts for dates
    site = meta.sitename or meta.hostname
    title = best_title(tree, meta.title, tree_title, site)
    doc = trafilatura.bare_extraction(  # works on its own copy of the tree
        tree,
        url=url,
        fast=True,
        favor_recall=True,
        include_comments=False,
        include_tables=True,
    )
    primary = paragraphs(doc.text if doc is not None else "")
    if in_doubt(primary, title):
        primary = reconcile(primary, readability_paragraphs(tree))  # readability prunes the tree
    return Extracted(
        text="\n".join(primary),
        title=title,
        authors=split_authors(meta.author),
        site=site,
        url=meta.url,
        published=meta.date,
        language=meta.language,
        pagetype=meta.pagetype,
    )
