"""Which gazetteer matches name an actor: capitals used as places, datelines, descriptions
("l'Alliance") in articles that never name the organisation, and words inside people's names."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from veille.nlp.actors.gazetteer import ANAPHOR, CAPITAL, USER, Alias, Gazetteer
from veille.nlp.actors.tables import RoleData
from veille.nlp.actors.textmatch import Span, find_phrases

# Tokens between a capital and a preceding geographic noun: "au sud de Moscou", "south of".
_OF = frozenset({"de", "d", "'", "of", "du", "the"})


@dataclass(frozen=True, slots=True)
class GazHit:
    """A gazetteer match kept as an actor mention."""

    start: int
    end: int
    text: str
    actor: str
    kind: str


def is_place(spans: Sequence[Span], index: int, text: str, data: RoleData) -> bool:
    """Whether the capital at token `index` is a place here, not its government acting.

    "à Moscou", "in Brussels", "au sud de Moscou", "outskirts of Kyiv", a dateline
    ("MOSCOW, March 3 -").
    """
    prev = [s.key for s in spans[max(0, index - 4) : index]]
    if prev and prev[-1] in data.locatives:
        return True
    j = len(prev) - 1
    while j >= 0 and prev[j] in _OF:
        j -= 1
    if 0 <= j < len(prev) - 1 and prev[j] in data.geo_nouns:
        return True
    surface = text[spans[index].start : spans[index].end]
    return len(surface) > 3 and surface.isupper()  # a dateline: "MOSCOW, March 3 (Wire) -"


def gazetteer_hits(
    text: str,
    spans: Sequence[Span],
    gaz: Gazetteer,
    data: RoleData,
    person_spans: Sequence[tuple[int, int]] = (),
) -> list[GazHit]:
    """Gazetteer matches that name an actor in this article, in text order."""
    raw = find_phrases(text, gaz.index, gaz.max_len, spans)
    first_token = {s.start: i for i, s in enumerate(spans)}
    kept: list[GazHit] = []
    for start, end, surface, alias in raw:
        assert isinstance(alias, Alias)
        if alias.kind != USER and any(
            ps <= start and end <= pe and (pe - ps) > (end - start) for ps, pe in person_spans
        ):
            continue  # "Jordan" in "Michael Jordan"
        if alias.kind == CAPITAL and is_place(spans, first_token[start], text, data):
            continue
        kept.append(GazHit(start, end, surface, alias.actor, alias.kind))
    named = {h.actor for h in kept if h.kind != ANAPHOR}
    return [h for h in kept if h.kind != ANAPHOR or h.actor in named]
