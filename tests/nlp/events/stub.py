"""A tiny `ActorLookup` for event tests: fixed surface forms → actor ids (no actor step)."""

from __future__ import annotations

import re

from veille.article import Actor


class StubLookup:
    """Surface strings (case-sensitive, whole words) mapped to actors."""

    def __init__(self, text: str, surfaces: dict[str, str], actors: list[Actor]) -> None:
        self.actors = {a.id: a for a in actors}
        self.spans: list[tuple[int, int, str]] = []
        for surface, ident in surfaces.items():
            for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
                self.spans.append((m.start(), m.end(), ident))
        for ident in set(surfaces.values()):
            self.actors.setdefault(ident, _default(ident))

    def actor(self, actor_id: str) -> Actor:
        return self.actors[actor_id]

    def actor_at(self, start: int, end: int) -> str | None:
        for s, e, ident in self.spans:
            if s < end and start < e:
                return ident
        return None

    def resolve_phrase(self, start: int, end: int) -> str | None:
        for s, e, ident in self.spans:
            if start <= s and e <= end:
                return ident
        return None


def _default(ident: str) -> Actor:
    kind, _, code = ident.partition(":")
    if kind == "country":
        return Actor(ident, code, "country", country=code, sector="GOV")
    return Actor(ident, code, "organization" if kind == "org" else kind)


COMMON = {
    "OTAN": "org:NATO",
    "NATO": "org:NATO",
    "Moscou": "country:RUS",
    "Moscow": "country:RUS",
    "Russie": "country:RUS",
    "Russia": "country:RUS",
    "Washington": "country:USA",
    "Paris": "country:FRA",
    "Berlin": "country:DEU",
    "Lithuania": "country:LTU",
    "Belarus": "country:BLR",
    "Estonian": "country:EST",
    "Finnish": "country:FIN",
    "Union européenne": "org:EU",
    "Ukraine": "country:UKR",
    "Sudan": "country:SDN",
    "Emmanuel Macron": "person:emmanuel-macron",
    "Olaf Scholz": "person:olaf-scholz",
    "Kenyan president": "person:kenyan-president",
    "Kremlin": "country:RUS",
}
PEOPLE = [
    Actor("person:emmanuel-macron", "Emmanuel Macron", "person", country="FRA", sector="GOV"),
    Actor("person:olaf-scholz", "Olaf Scholz", "person", country="DEU", sector="GOV"),
    Actor("person:kenyan-president", "William Ruto", "person", country="KEN", sector="GOV"),
]


def stub_for(text: str) -> StubLookup:
    """The common stub over `text`."""
    return StubLookup(text, COMMON, PEOPLE)
