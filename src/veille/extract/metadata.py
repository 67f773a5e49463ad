"""trafilatura's page metadata, read from an already parsed tree, without the fields veille drops.

`trafilatura.extract_metadata` also looks for categories, tags and a licence (about a third of its
time on the benchmark pages); veille stores none of them. This runs trafilatura's own readers for
the rest, in trafilatura's order and with its precedence rules: meta tags, then JSON-LD overriding
them, then the page itself for what is still missing. The tree is not modified.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from html import unescape

from htmldate import find_date
from lxml.html import HtmlElement
from trafilatura import metadata as tm
from trafilatura.utils import line_processing

from veille.extract.trafilatura import DATE_PARAMS


@dataclass(slots=True)
class PageMetadata:
    """The metadata fields veille keeps."""

    title: str | None = None
    author: str | None = None
    url: str | None = None
    sitename: str | None = None
    hostname: str | None = None
    date: str | None = None
    pagetype: str | None = None
    language: str | None = None


# trafilatura cuts metadata values longer than this.
MAX_VALUE_CHARS = 10_000


def _clean(value: str | None) -> str | None:
    """trafilatura's final clean-up of a metadata value: length cap, entities, spaces."""
    if not value:
        return None
    if len(value) > MAX_VALUE_CHARS:
        value = value[: MAX_VALUE_CHARS - 1] + "…"
    return line_processing(unescape(value)) or None


def read_metadata(tree: HtmlElement, url: str | None = None) -> PageMetadata:
    """Title, author(s) joined by '; ', canonical URL, site name, date and page type of `tree`."""
    found = tm.examine_meta(tree)
    if found.author and " " not in found.author:  # a lone handle is not a name (trafilatura)
        found.author = None
    with suppress(Exception):  # trafilatura's JSON-LD reader fails on some malformed scripts
        found = tm.extract_meta_json(tree, found)
    title = found.title or tm.extract_title(tree)
    author = found.author or tm.extract_author(tree)
    page_url = found.url or tm.extract_url(tree, url)
    hostname = tm.extract_domain(page_url, fast=True) if page_url else None
    date = find_date(tree, url=page_url, **DATE_PARAMS)
    sitename = found.sitename or tm.extract_sitename(tree)
    if sitename:
        sitename = sitename.lstrip("@")
        if sitename and "." not in sitename and not sitename[0].isupper():
            sitename = sitename.title()
    elif page_url and (match := tm.META_URL.match(page_url)):
        sitename = match[1]
    return PageMetadata(
        title=_clean(title),
        author=_clean(author),
        url=_clean(page_url),
        sitename=_clean(sitename),
        hostname=_clean(hostname),
        date=date,
        pagetype=_clean(found.pagetype),
        language=_clean(getattr(found, "language", None)),
    )
