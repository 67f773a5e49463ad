"""Body and metadata with trafilatura; the publication date with htmldate (original date)."""

from __future__ import annotations

import re

import trafilatura
from trafilatura.utils import load_html

from veille.extract.base import Extracted, register
from veille.extract.prepare import prepare
from veille.extract.title import best_title, page_title

# htmldate settings: `original_date` picks the first publication over later updates (about 87%
# right on a 990-page corpus against 79% for the default, see docs/extraction.md).
DATE_PARAMS = {"original_date": True, "extensive_search": True}
_AUTHOR_SPLIT = re.compile(r"\s*(?:;|\||,|\bet\b|\band\b|&)\s*")


def split_authors(value: str | None) -> list[str]:
    """trafilatura joins authors with '; ': give them back as a list."""
    if not value:
        return []
    return [a for a in (s.strip() for s in _AUTHOR_SPLIT.split(value)) if a]


@register("trafilatura")
def extract(html: str, url: str | None = None) -> Extracted:
    """Extract the article body (comments excluded) and its metadata."""
    tree = load_html(html)
    if tree is None:
        return Extracted(text="")
    tree_title = page_title(tree)
    doc = trafilatura.bare_extraction(
        prepare(tree),
        url=url,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
        date_extraction_params=DATE_PARAMS,
    )
    if doc is None:
        return Extracted(text="")
    site = doc.sitename or doc.hostname
    return Extracted(
        text=doc.text or "",
        title=best_title(tree, doc.title, tree_title, site),
        authors=split_authors(doc.author),
        site=site,
        url=doc.url,
        published=doc.date,
        language=doc.language,
        pagetype=doc.pagetype,
    )
