"""Organisations the tables do not know: named by the model (ORG), kept when they look like an
organisation (an organisation word, an acronym, or named twice), with "Name (ACR)" acronyms."""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Sequence

from veille.nlp.actors.tables import RoleData
from veille.nlp.actors.textmatch import norm, slug

_LEADING = re.compile(r"^(?:the|The|le|la|Le|La|les|Les|l['’]|L['’])\s*")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&-]{1,7}$")
_AFTER = re.compile(r"\s*\(([A-Z][A-Z0-9&-]{1,7})\)")


def clean_org(surface: str) -> str:
    """Drop a leading article and a trailing possessive: "the African Union's" -> "African Union"."""
    name = re.sub(r"[’']s?$", "", _LEADING.sub("", surface.strip()))
    return name.strip(' ,.;:«»“”"–—-')


# The rest of a name the model cut short: "Association" + " of Vehicle Manufacturers",
# « Collectif haïtien » + « pour les droits et libertés » when an acronym follows.
_OF_NAME = re.compile(r"(?:\s+(?:of|for|on)(?:\s+the)?(?:\s+[A-Z][\w’'-]*)+)+")
_UP_TO_ACRONYM = re.compile(r"(?:\s+[\w’'-]+){1,6}(?=\s*\([A-Z][A-Z0-9&-]{1,7}\))")


def extend_org(text: str, start: int, end: int) -> int:
    """The end of an organisation name whose tail the model left out."""
    m = _UP_TO_ACRONYM.match(text, end)
    if m:
        return m.end()
    m = _OF_NAME.match(text, end)
    return m.end() if m else end


def is_body(name: str, data: RoleData, places: Container[tuple[str, ...]] | None = None) -> bool:
    """Whether a capitalised name is a state body of the tables ("National Bank", "Central
    Electoral Commission"), with or without one leading qualifier; with `places` (lookup keys
    of countries and demonyms) that qualifier must be one ("Philippine Coast Guard" is a body,
    "Arakan Army" an armed group)."""
    words = [norm(w) for w in name.split()]
    if " ".join(words) in data.bodies:
        return True
    if " ".join(words[1:]) not in data.bodies:
        return False
    return places is None or (words[0],) in places


def unknown_orgs(
    text: str,
    ents: Iterable[tuple[int, int]],
    taken: Sequence[tuple[int, int]],
    data: RoleData,
    site: str | None = None,
    sure: Sequence[tuple[int, int]] = (),
    places: Container[tuple[str, ...]] | None = None,
) -> dict[str, tuple[str, list[str]]]:
    """id -> (name, aliases) of organisations named by the model and not known otherwise.

    `taken` holds spans already explained (gazetteer matches, role phrases, people).
    """
    site_key = slug(site or "").replace("-", "")
    found: dict[str, tuple[str, list[str]]] = {}
    counts: dict[str, int] = {}
    by_name: dict[str, str] = {}
    kept: set[str] = set()
    for start, end in ents:
        if any(start < e and s < end for s, e in taken):
            continue
        end = extend_org(text, start, end)
        name = clean_org(text[start:end])
        if not name or not name[0].isupper() or slug(name).replace("-", "") == site_key:
            continue
        if is_body(name, data, places):  # "the Central Electoral Commission" stands for its state
            continue
        acronym = _AFTER.match(text, end)
        # "Spanish Commission for Refugee Aid (CEAR)" is known by its acronym: org:cear
        oid = f"org:{slug(acronym.group(1) if acronym else name)}"
        oid = by_name.setdefault(name, oid)
        counts[oid] = counts.get(oid, 0) + 1
        if (start, end) in sure or any(s == start for s, _ in sure):
            kept.add(oid)
        aliases = found.setdefault(oid, (name, [name]))[1]
        if name not in aliases:
            aliases.append(name)
        if acronym and acronym.group(1) not in aliases:
            aliases.append(acronym.group(1))
    keep = {}
    for oid, (name, aliases) in found.items():
        words = {norm(w) for w in name.split()}
        if (
            (len(words) > 1 and words & data.org_words)
            or _ACRONYM.match(name)
            or len(aliases) > 1
            or counts[oid] > 1
            or oid in kept
        ):
            keep[oid] = (name, aliases)
    return keep


def org_mentions(
    text: str, orgs: dict[str, tuple[str, list[str]]], taken: Sequence[tuple[int, int]]
) -> list[tuple[str, int, int]]:
    """Every occurrence of these organisations' names and acronyms (exact case)."""
    out: list[tuple[str, int, int]] = []
    spans = list(taken)
    for oid, (_, aliases) in orgs.items():
        for alias in sorted(aliases, key=len, reverse=True):
            for m in re.finditer(rf"(?<![\w-]){re.escape(alias)}(?![\w-])", text):
                if not any(m.start() < e and s < m.end() for s, e in spans):
                    out.append((oid, m.start(), m.end()))
                    spans.append(m.span())
    return sorted(out, key=lambda x: x[1])
