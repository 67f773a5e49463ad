"""Titles without the site name that many sites add ("Headline – Site", "Site - Headline")."""

from __future__ import annotations

import re
from collections.abc import Callable

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
