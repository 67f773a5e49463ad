"""Plain values the NLP rules work on: a parsed text without any spaCy object.

`nlp/parse.py` turns a spaCy `Doc` into a `Parsed`; every rule (actors, quotes, events) is a pure
function of `Parsed` plus data files, so rules are tested by building `Parsed` values by hand or
from a model once, and spaCy objects never leave the NLP step.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from veille.article import Actor


@dataclass(frozen=True, slots=True)
class Tok:
    """One token: character offsets into the parsed text, and its analysis."""

    i: int
    text: str
    lemma: str
    pos: str  # Universal POS (NOUN, VERB, PROPN, PRON, AUX …)
    dep: str  # dependency label (nsubj, obj, ccomp, parataxis …)
    head: int  # index of the head token (itself for the root)
    start: int
    end: int
    sent: int  # index into Parsed.sents
    morph: str = ""  # e.g. "Mood=Ind|Number=Sing|Person=3|Tense=Fut|VerbForm=Fin"
    ent: str = ""  # entity label of the named entity this token is in, "" when none
    ws: str = ""  # whitespace after the token


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity the model found."""

    start: int
    end: int
    label: str  # PER/PERSON, ORG, LOC/GPE, NORP, MISC …
    text: str
    first: int  # first token index
    last: int  # last token index (inclusive)


@dataclass(slots=True)
class Parsed:
    """A whole article text, tokenised, tagged, parsed, with sentences and entities."""

    text: str
    language: str
    tokens: list[Tok] = field(default_factory=list)
    sents: list[tuple[int, int]] = field(default_factory=list)  # (first token, last token + 1)
    ents: list[Entity] = field(default_factory=list)

    def sent_span(self, index: int) -> tuple[int, int]:
        """Character offsets of sentence `index`."""
        first, stop = self.sents[index]
        start, end = self.tokens[first].start, self.tokens[stop - 1].end
        while end > start and self.text[end - 1].isspace():  # a trailing line-break token
            end -= 1
        while start < end and self.text[start].isspace():
            start += 1
        return start, end

    def children(self, i: int) -> list[Tok]:
        """Tokens whose head is token `i` (excluding itself)."""
        return [t for t in self.tokens if t.head == i and t.i != i]


class ActorLookup(Protocol):
    """What the actor step tells the quote and event rules about who is who in the article."""

    def actor(self, actor_id: str) -> Actor:
        """The actor record for an id."""
        ...

    def actor_at(self, start: int, end: int) -> str | None:
        """Id of the actor mentioned at (or overlapping) this character span, if any."""
        ...

    def resolve_phrase(self, start: int, end: int) -> str | None:
        """Resolve a noun phrase at this span (full name, surname, "M. X", a role such as
        "le chef de l'Alliance" / "the minister", a capital used for its government) to an
        actor id; None for pronouns and for phrases that name nobody in the article."""
        ...
