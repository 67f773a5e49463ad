"""People: cluster the names of one person across an article (full name, surname, "M. X",
"Ms X") and give each a stable id. Pure functions on text and offsets."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from veille.nlp.actors.roles import Role
from veille.nlp.actors.tables import RoleData
from veille.nlp.actors.textmatch import norm, slug

_POSSESSIVE = re.compile(r"[’']s?$")
_NAME_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ][\w’'-]*\.?$")


@dataclass
class Person:
    """One person of the article with every place it is named or described."""

    id: str
    name: str
    mentions: list[tuple[int, int]] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    gender: str | None = None

    @property
    def surname(self) -> str:
        return self.name.split()[-1]

    def first_at(self) -> int:
        return min(s for s, _ in self.mentions)


def clean_name(text: str, start: int, end: int, data: RoleData) -> tuple[int, int] | None:
    """Trim titles and role words before a name and a possessive after it; None if no name."""
    surface = text[start:end]
    stripped = _POSSESSIVE.sub("", surface.rstrip(" ,.;:")) if surface else ""
    end = start + len(stripped)
    while True:
        word = text[start:end].split(" ", 1)
        head = word[0]
        if len(word) == 2 and (head in data.titles or norm(head) in data.roles):
            start += len(head) + 1
            continue
        break
    words = text[start:end].split(" ")
    if (
        not words
        or "\n" in text[start:end]
        or not all(_NAME_WORD.match(w) or (w.islower() and len(w) <= 3) for w in words)
    ):
        return None
    if not _NAME_WORD.match(words[0]) or not _NAME_WORD.match(words[-1]):
        return None
    return start, end


def _parts(name: str) -> set[str]:
    return {p for p in re.split(r"[\s-]+", name) if p} | set(name.split())


def cluster(text: str, names: Iterable[tuple[int, int]]) -> list[Person]:
    """Group name mentions: full names by slug, single words onto the full name they end
    (the nearest one before them when several share it), else a person of their own."""
    ordered = sorted(set(names))
    people: dict[str, Person] = {}
    singles: list[tuple[int, int]] = []
    for start, end in ordered:
        name = text[start:end]
        if len(name.split()) < 2:
            singles.append((start, end))
            continue
        pid = f"person:{slug(name)}"
        people.setdefault(pid, Person(pid, name)).mentions.append((start, end))
    # "Ould Cheikh" after "Sidi Ould Cheikh": a name that ends a longer one is that person
    for pid, person in list(people.items()):
        words = person.name.split()
        longer = [
            p
            for p in people.values()
            if len(p.name.split()) > len(words) and p.name.split()[-len(words) :] == words
        ]
        if longer:
            target = min(longer, key=lambda p: p.first_at())
            target.mentions.extend(person.mentions)
            del people[pid]
    for start, end in singles:
        word = text[start:end]
        holders = [p for p in people.values() if word in _parts(p.name)]
        if holders:
            before = [p for p in holders if p.first_at() < start] or holders
            max(before, key=lambda p: p.first_at()).mentions.append((start, end))
        else:
            pid = f"person:{slug(word)}"
            people.setdefault(pid, Person(pid, word)).mentions.append((start, end))
    return list(people.values())


def _overlaps(a: tuple[int, int], spans: Iterable[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def add_repeats(text: str, people: Sequence[Person], data: RoleData) -> None:
    """Find the names the model missed: every other occurrence of a full name or surname,
    with a courtesy title before it included ("Mr Wrobel"), which also gives the gender."""
    taken = [m for p in people for m in p.mentions]
    titles = "|".join(re.escape(t) for t in sorted(data.titles, key=len, reverse=True))
    for person in people:
        forms = {person.name, person.surname} if len(person.surname) > 2 else {person.name}
        for form in sorted(forms, key=len, reverse=True):
            pattern = rf"(?:(?<!\w)({titles})\s+)?(?<![\w-])(?P<name>{re.escape(form)})(?![\w-])"
            for m in re.finditer(pattern, text):
                name, full = m.span("name"), m.span()
                if m.group(1):
                    person.gender = person.gender or data.titles.get(m.group(1))
                    if name in person.mentions:  # widen "Wrobel" to "Mr Wrobel"
                        person.mentions[person.mentions.index(name)] = full
                        taken.append(full)
                        continue
                if _overlaps(name, taken):
                    continue
                person.mentions.append(full)
                taken.append(full)
    for person in people:
        person.mentions.sort()


def titled_names(text: str, data: RoleData) -> list[tuple[int, int]]:
    """Names after a courtesy title ("M. Kowalski", "Ms Okafor") as (start, end) of the name."""
    titles = "|".join(re.escape(t) for t in sorted(data.titles, key=len, reverse=True))
    if not titles:
        return []
    pattern = rf"(?<!\w)(?:{titles})\s+([A-ZÀ-ÖØ-Þ][\w’'-]+(?:\s+[A-ZÀ-ÖØ-Þ][\w’'-]+)?)"
    return [(m.start(1), m.end(1)) for m in re.finditer(pattern, text)]


def in_byline(text: str, start: int, data: RoleData) -> bool:
    """Whether offset `start` lies in a credit line ("Reporting by …", "avec AFP")."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : line_end if line_end >= 0 else len(text)].lower()
    return any(cue in line for cue in data.byline)
