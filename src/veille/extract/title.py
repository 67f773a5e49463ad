"""Titles without the site name that many sites append ("Headline – Site")."""

from __future__ import annotations

import re

_SEPARATOR = re.compile(r"\s+[-–—|:·•]\s+|\s*\|\s*")
_SENTENCE_END = re.compile(r"[.!?»”\"]")
# A trailing segment of at most this many words, with no sentence punctuation, is taken for a
# site name even when the site's declared name differs ("Headline | Le Quotidien").
MAX_SITE_WORDS = 4


def _key(value: str) -> str:
    return re.sub(r"\W", "", value.lower())


def clean_title(title: str | None, site: str | None) -> str | None:
    """Cut a leading or trailing site name from `title`."""
    if not title:
        return title
    title = " ".join(title.split())
    seps = list(_SEPARATOR.finditer(title))
    if not seps:
        return title
    head, tail = title[: seps[-1].start()], title[seps[-1].end() :]
    first, rest = title[: seps[0].start()], title[seps[0].end() :]
    site_key = _key(site or "")
    if site_key and site_key in _key(tail):
        return head
    if site_key and _key(first) == site_key:
        return rest
    short_tail = len(tail.split()) <= MAX_SITE_WORDS and not _SENTENCE_END.search(tail)
    if len(seps) == 1 and short_tail and len(head) > 2 * len(tail):
        return head
    return title
