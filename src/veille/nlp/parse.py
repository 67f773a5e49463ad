"""Turn a spaCy `Doc` into a plain `Parsed` value: the only place spaCy objects are read."""

from __future__ import annotations

from typing import Any

from veille.nlp.parsed import Entity, Parsed, Tok


def to_parsed(doc: Any, language: str) -> Parsed:
    """Copy tokens, sentences and entities of `doc` into plain values (offsets into its text)."""
    sents: list[tuple[int, int]] = []
    sent_of: dict[int, int] = {}
    if doc.has_annotation("SENT_START"):
        for k, sent in enumerate(doc.sents):
            sents.append((sent.start, sent.end))
            for i in range(sent.start, sent.end):
                sent_of[i] = k
    elif len(doc):
        sents.append((0, len(doc)))
    tokens = [
        Tok(
            i=t.i,
            text=t.text,
            lemma=t.lemma_,
            pos=t.pos_,
            dep=t.dep_,
            head=t.head.i,
            start=t.idx,
            end=t.idx + len(t.text),
            sent=sent_of.get(t.i, 0),
            morph=str(t.morph),
            ent=t.ent_type_,
            ws=t.whitespace_,
        )
        for t in doc
    ]
    ents = [
        Entity(e.start_char, e.end_char, e.label_, e.text, e.start, e.end - 1) for e in doc.ents
    ]
    return Parsed(doc.text, language, tokens, sents, ents)
