"""Test helpers: a stub actor lookup, a whitespace `Parsed` builder, a spaCy converter, and the
speaker of one quote through the real actor lookup."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from veille.article import Actor
from veille.nlp.parsed import Entity, Parsed, Tok


@dataclass
class StubLookup:
    """Resolves a span to the id of the longest known surface form it contains."""

    text: str
    forms: dict[str, str]
    kinds: dict[str, str] = field(default_factory=dict)

    def actor(self, actor_id: str) -> Actor:
        return Actor(actor_id, actor_id, self.kinds.get(actor_id, actor_id.split(":")[0]))

    def actor_at(self, start: int, end: int) -> str | None:
        span = self.text[start:end]
        found = [(len(f), i) for f, i in self.forms.items() if f in span]
        return max(found)[1] if found else None

    def resolve_phrase(self, start: int, end: int) -> str | None:
        return self.actor_at(start, end)


def flat_parsed(text: str, language: str = "fr") -> Parsed:
    """A `Parsed` with one token per word or mark and no syntax: every token is its own root."""
    toks = [
        Tok(i, m.group(), m.group().lower(), "X", "dep", i, m.start(), m.end(), 0)
        for i, m in enumerate(re.finditer(r"\w+|[^\w\s]", text))
    ]
    return Parsed(text, language, toks, [(0, len(toks))] if toks else [], [])


def spacy_parsed(nlp: Any, text: str, language: str) -> Parsed:
    """A spaCy Doc as a `Parsed` (what the NLP step does), for model tests."""
    doc = nlp(text)
    sent_of = {t.i: n for n, s in enumerate(doc.sents) for t in s}
    toks = [
        Tok(
            t.i,
            t.text,
            t.lemma_,
            t.pos_,
            t.dep_,
            t.head.i,
            t.idx,
            t.idx + len(t.text),
            sent_of[t.i],
            str(t.morph),
            t.ent_type_,
            t.whitespace_,
        )
        for t in doc
    ]
    sents = [(s.start, s.end) for s in doc.sents]
    ents = [
        Entity(e.start_char, e.end_char, e.label_, e.text, e.start, e.end - 1) for e in doc.ents
    ]
    return Parsed(text, language, toks, sents, ents)


Parse = Callable[[str, str], Parsed]


def speaker(parse: Parse, text: str, lang: str, words: str) -> str | None:
    """The speaker id of the one quote of `text` containing `words`, with the real lookup."""
    from veille.nlp.actors import load_gazetteer, resolve_actors
    from veille.nlp.quotes import find_quotes

    parsed = parse(text, lang)
    _, _, lookup = resolve_actors(parsed, load_gazetteer(lang))
    quotes = find_quotes(parsed, lookup, lang)
    found = [q for q in quotes if words in q.text]
    assert len(found) == 1, [q.text for q in quotes]
    return found[0].speaker
