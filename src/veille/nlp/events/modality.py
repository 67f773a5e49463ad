"""The manual's auxiliary modalities: negated, future, hypothetical (and embedding effects)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from veille.nlp.events.arguments import governor
from veille.nlp.events.lexicon import Lexicon
from veille.nlp.events.syntax import Graph
from veille.nlp.parsed import Tok

_AUX = frozenset({"aux", "aux:tense", "aux:pass", "auxpass"})
_COND_ENDINGS = ("aient", "ais", "ait", "ions", "iez")


@dataclass(slots=True)
class Modality:
    negated: bool = False
    future: bool = False
    hypothetical: bool = False
    suppressed: bool = False  # embedded under a request, refusal, threat, promise …
    concede: bool = False  # an announced act (withdrawal → CONCEDE)
    reported: bool = False  # under a speech verb


def is_negated(g: Graph, t: Tok, lex: Lexicon) -> bool:
    """A negation word attached to `t` (or to its copula/auxiliaries)."""
    for c in g.kids(t.i):
        low = c.text.lower()
        if c.dep == "neg" or (
            c.dep == "advmod" and ("Polarity=Neg" in c.morph or low in lex.negation)
        ):
            return True
        if c.dep in _AUX and any(k.dep == "neg" for k in g.kids(c.i)):
            return True
    return False


def conditional(t: Tok, lex: Lexicon) -> bool:
    """French conditional mood, also when the parser tagged it imperfect (retirerait)."""
    if "Mood=Cnd" in t.morph:
        return True
    if lex.language != "fr" or "Tense=Imp" not in t.morph:
        return False
    low, lemma = t.text.lower(), t.lemma.lower()
    stems = lex.extra.get("conditional_stems", {})
    stem = stems.get(lemma) or (lemma[:-1] if lemma.endswith("re") else lemma)
    return any(low == stem + e for e in _COND_ENDINGS)


def _own(g: Graph, t: Tok, lex: Lexicon, m: Modality) -> None:
    """Tense, mood and modal auxiliaries of `t` itself."""
    verbs = [t, *(c for c in g.kids(t.i) if c.dep in _AUX)]
    for v in verbs:
        low = v.lemma.lower()
        if "Tense=Fut" in v.morph or low in lex.future_aux or v.text.lower() in lex.future_aux:
            m.future = True
        elif v.text.lower() in lex.hypothetical_aux or low in lex.hypothetical_aux:
            if v.text.lower() == "would":
                m.future, m.hypothetical = (True, False) if m.reported else (False, True)
            else:
                m.hypothetical = True
        elif conditional(v, lex):
            if low in lex.hypothetical_aux:
                m.hypothetical = True
            elif m.reported:
                m.future = True
            else:
                m.hypothetical = True
    if any(c.text.lower() in lex.conditional_marks for c in g.kids(t.i, {"mark"})):
        m.hypothetical = True


def modality(g: Graph, t: Tok, lex: Lexicon) -> Modality:
    """Flags for trigger `t`, walking up the governors that embed it."""
    m = Modality()
    chain: list[Tok] = []
    cur: Tok | None = t
    while cur is not None and len(chain) < 8:
        chain.append(cur)
        cur = governor(g, cur)
    m.reported = any(lex.embed.get(v.lemma.lower()) == "fact" for v in chain[1:])
    negated = is_negated(g, t, lex)
    for below, gov in itertools.pairwise(chain):
        if below.dep == "conj":
            break
        effect = lex.embed.get(gov.lemma.lower())
        gov_neg = is_negated(g, gov, lex)
        if effect == "aspect":
            negated = negated if gov_neg else True
            break
        if effect == "negate":
            negated = not gov_neg
            break
        if effect in {"suppress", "agree"}:
            m.suppressed = True
            break
        if effect == "fact":
            if gov_neg:  # "did not say that …": nothing is stated
                m.suppressed = True
            m.concede = m.concede or gov.lemma.lower() in _ANNOUNCE
            break
        if effect == "hypothetical":
            m.hypothetical = True
        elif effect == "future":
            m.future = True
        if gov_neg:
            negated = True
        _own(g, gov, lex, m)
    _own(g, t, lex, m)
    for anc in chain:
        if any(c.text.lower() in lex.conditional_marks for c in g.kids(anc.i, {"mark"})):
            m.hypothetical = True
    m.negated = negated
    return m


_ANNOUNCE = frozenset({"announce", "annoncer", "decide", "décider", "order", "ordonner"})
