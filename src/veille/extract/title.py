"""Titles without the site name that many sites add ("Headline – Site", "Site - Headline")."""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml.html import HtmlElement

# Separators around a site name: dashes, pipes, bullets. A colon is not one: French and English
# headlines use it themselves ("Soudan : l'armée ...").
_SEPARATOR = re.compile(r"\s+[-–—|·•»]\s+|\s*\|\s*")
_SENTENCE_END = re.compile(r"[.!?»”\"]")
# A segment of at most this many words, with no sentence punctuation, may be a site or section
# name ("World news", "APM Fil Monde", "L'Écho rhénan").
MAX_SITE_WORDS = 4
# ... when the headline beside it is at least this many times longer.
MIN_HEADLINE_RATIO = 2


def _key(value: str) -> str:
    return re.sub(r"\W", "", value.lower())


def _site_key(site: str | None) -> str:
    """The site name without 'www.' and a top-level domain, as a comparison key."""
    if not site:
        return ""
    return _key(re.sub(r"^www\.|\.[a-z]{2,6}$", "", site.strip().lower()))


def _names_site(segment: str, site_key: str) -> bool:
    key = _key(segment)
    return bool(site_key) and len(site_key) >= 3 and (site_key in key or key in site_key)


def _short(segment: str) -> bool:
    return len(segment.split()) <= MAX_SITE_WORDS and not _SENTENCE_END.search(segment)


def clean_title(
    title: str | None, site: str | None, page_text: str | Callable[[], str] = ""
) -> str | None:
    """Cut a leading or trailing site (or section) name from `title`.

    A cut is made when the segment names the site, or when it is short and the headline left
    over is printed on the page itself (`page_text`, or a function giving it when needed)
    while the whole title is not.
    """
    if not title:
        return title
    title = " ".join(title.split())
    seps = list(_SEPARATOR.finditer(title))
    if not seps:
        return title
    site_key = _site_key(site)
    on_page = " ".join((page_text() if callable(page_text) else page_text).split())
    head, tail = title[: seps[-1].start()], title[seps[-1].end() :]
    first, rest = title[: seps[0].start()], title[seps[0].end() :]
    candidates = [(tail, head), (first, rest)]
    for segment, remainder in candidates:
        if _names_site(segment, site_key):
            return clean_title(remainder, site, page_text)
    if title in on_page:
        return title
    for segment, remainder in candidates:
        longer = len(remainder) >= MIN_HEADLINE_RATIO * len(segment)
        if _short(segment) and longer and (remainder in on_page or not on_page):
            return remainder
    return title


def page_title(tree: HtmlElement) -> str | None:
    """The text of the page's <title> element, whitespace folded."""
    found = tree.find(".//title")
    if found is None:
        return None
    text = " ".join(found.text_content().split())
    return text or None


def fuller_title(found: str | None, tree_title: str | None) -> str | None:
    """trafilatura sometimes keeps only the part of <title> before a colon ("Site - Place"):
    prefer the whole <title> when `found` is that part of it."""
    if found and tree_title and tree_title.startswith(found):
        return tree_title if tree_title[len(found) :].lstrip().startswith(":") else found
    return found


def best_title(
    tree: HtmlElement, found: str | None, tree_title: str | None, site: str | None
) -> str | None:
    """The headline: the extractor's title (`found`), made whole from the page's <title> when
    it was cut, without the site name; the page's text is read only when a cut needs it."""
    body = tree.find("body")

    def page_text() -> str:
        return body.text_content() if body is not None else ""

    return clean_title(fuller_title(found, tree_title), site, page_text)
