"""Organisations the tables do not know: named by the model (ORG), kept when they look like an
organisation (an organisation word, an acronym, or named twice), with "Name (ACR)" acronyms."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from veille.nlp.actors.tables import RoleData
from veille.nlp.actors.textmatch import norm, slug

_LEADING = re.compile(r"^(?:the|The|le|la|Le|La|les|Les|l['’]|L['’])\s*")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&-]{1,7}$")
_AFTER = re.compile(r"\s*\(([A-Z][A-Z0-9&-]{1,7})\)")


def clean_org(surface: str) -> str:
    """Drop a leading article and a trailing possessive: "the African Union's" -> "African Union"."""
    name = re.sub(r"[’']s?$", "", _LEADING.sub("", surface.strip()))
    return name.strip(' ,.;:«»“”"–—-')


def unknown_orgs(
    text: str,
    ents: Iterable[tuple[int, int]],
    taken: Sequence[tuple[int, int]],
    data: RoleData,
    site: str | None = None,
) -> dict[str, tuple[str, list[str]]]:
    """id -> (name, aliases) of organisations named by the model and not known otherwise.

    `taken` holds spans already explained (gazetteer matches, role phrases, people).
    """
    site_key = slug(site or "").replace("-", "")
    found: dict[str, tuple[str, list[str]]] = {}
    counts: dict[str, int] = {}
    for start, end in ents:
        if any(start < e and s < end for s, e in taken):
            continue
        name = clean_org(text[start:end])
        if not name or not name[0].isupper() or slug(name).replace("-", "") == site_key:
            continue
        oid = f"org:{slug(name)}"
        counts[oid] = counts.get(oid, 0) + 1
        aliases = found.setdefault(oid, (name, [name]))[1]
        acronym = _AFTER.match(text, end)
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
