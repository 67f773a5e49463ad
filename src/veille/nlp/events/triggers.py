"""Find trigger words (verbs, nouns, verb+particle/object phrases) and pick their sense."""

from __future__ import annotations

from dataclasses import dataclass

from veille.nlp.events.arguments import objects
from veille.nlp.events.lexicon import Lexicon, Sense
from veille.nlp.events.syntax import Graph
from veille.nlp.parsed import Tok

_NOUN_POS = frozenset({"NOUN", "PROPN"})
_VERB_POS = frozenset({"VERB"})
_NOUN_COMPLEMENT = frozenset({"nmod", "compound", "amod", "pobj", "prep", "obj", "dobj"})


@dataclass(frozen=True, slots=True)
class Trigger:
    """A token that codes an event, with the sense chosen for it."""

    tok: Tok
    sense: Sense
    key: str
    nominal: bool
    support: Tok | None = None  # the light verb carrying a nominal trigger (impose sanctions)


def _lemma(t: Tok) -> str:
    return t.lemma.lower()


def _verb_keys(g: Graph, t: Tok) -> list[str]:
    lemma = _lemma(t)
    keys = [f"{lemma} {c.lemma.lower()}" for c in g.kids(t.i, {"prt", "compound:prt"})]
    keys += [f"{lemma} {_lemma(o)}" for o in objects(g, t)]
    keys += [f"{lemma} {prep} {_lemma(o)}" for prep, o in g.prep_objects(t.i)]  # mettre en garde
    keys += [f"{lemma} {prep}" for prep, _ in g.prep_objects(t.i)]  # "called on Dhaka to …"
    if any(c.dep in {"expl:comp", "expl:pv"} for c in g.kids(t.i)):
        keys += [f"s'{lemma}", f"se {lemma}"]
    return [*keys, lemma]


def _complement_lemmas(g: Graph, t: Tok, nominal: bool) -> set[str]:
    """Lemmas that can satisfy a sense's `obj` condition."""
    heads = g.kids(t.i, _NOUN_COMPLEMENT) if nominal else objects(g, t)
    if not nominal:
        heads += g.kids(t.i, {"nsubj:pass", "nsubjpass", "expl:comp", "expl:pv"})
    out: set[str] = set()
    for h in heads:
        if h.dep == "prep":  # ClearNLP: noun -> prep(of) -> pobj
            heads.extend(g.kids(h.i, {"pobj"}))
            continue
        for c in g.conjuncts(h.i):
            out.add(_lemma(c))
            out.add(c.text.lower())
            for sub in g.kids(c.i, {"nmod", "prep", "compound", "fixed", "flat", "amod"}):
                out.add(_lemma(sub))
                out.update(_lemma(p) for p in g.kids(sub.i, {"pobj"}))
    return out


def _modifiers(g: Graph, t: Tok) -> set[str]:
    return {_lemma(c) for c in g.kids(t.i, {"amod", "compound", "nmod"})} | {
        c.text.lower() for c in g.kids(t.i, {"amod", "compound"})
    }


def _support(g: Graph, t: Tok, lex: Lexicon) -> Tok | None:
    """The verb a nominal trigger is the object (or passive subject) of; none under a
    concessive preposition ("malgré les demandes des pays baltes", "despite demands")."""
    h = g.head(t.i)
    if h is None or (g.case_of(t.i) or "") in lex.extra.get("concessive_preps", ()):
        return None
    if t.dep in {"pobj"} and h.dep == "prep":
        h = g.head(h.i)
    if h is not None and h.pos == "NOUN" and h.lemma.lower() in lex.extra.get("containers", ()):
        return _support(g, h, lex)  # "adopté un nouveau train de sanctions"
    if h is not None and h.pos in {"VERB", "AUX", "ADJ"}:
        return h
    return None


def verb_sense(g: Graph, t: Tok, lex: Lexicon) -> Sense | None:
    """The sense verb `t` codes by itself, if it is a trigger."""
    if t.pos not in _VERB_POS:
        return None
    for key in _verb_keys(g, t):
        senses = lex.verbs.get(key)
        if senses:
            sense = _choose(senses, _complement_lemmas(g, t, False), set())
            if sense:
                return sense
    return None


def _choose(
    senses: tuple[Sense, ...], comp: set[str], mods: set[str], sup: Tok | None = None
) -> Sense | None:
    """The first sense whose conditions hold. A `need_support` sense is skipped unless one of
    its light verbs carries the noun, so a later sense can apply ("lodge a protest" is an
    accusation, "stage a protest" a demonstration)."""
    for sense in senses:
        if sense.obj and not (sense.obj & comp):
            continue
        if sense.amod and not (sense.amod & mods):
            continue
        if sense.need_support and (sup is None or _lemma(sup) not in sense.support):
            continue
        return sense
    return None


def find_triggers(g: Graph, sent: int, lex: Lexicon) -> list[Trigger]:
    """Every trigger in sentence `sent`, at most one per token."""
    out: list[Trigger] = []
    for t in g.sent_tokens(sent):
        if t.pos in _VERB_POS:
            for key in _verb_keys(g, t):
                senses = lex.verbs.get(key)
                if not senses:
                    continue
                sense = _choose(senses, _complement_lemmas(g, t, False), set())
                if sense:
                    out.append(Trigger(t, sense, key, nominal=False))
                    break
        elif t.pos in _NOUN_POS:
            senses = lex.nouns.get(_lemma(t)) or lex.nouns.get(t.text.lower())
            if not senses:
                continue
            if caller(g, t, lex):
                continue
            sup = _support(g, t, lex)
            sense = _choose(senses, _complement_lemmas(g, t, True), _modifiers(g, t), sup)
            own = verb_sense(g, sup, lex) if sense and sup is not None else None
            if own is not None and own.type == sense.type:
                continue  # "signé un accord": the verb already codes it
            if sense:
                out.append(Trigger(t, sense, _lemma(t), nominal=True, support=sup))
    return out


def caller(g: Graph, t: Tok, lex: Lexicon) -> bool:
    """ "à l'appel de la CGT", "at the call of": the noun names who called an act, not a request."""
    words = lex.extra.get("caller", {})
    return _lemma(t) in words.get("nouns", ()) and (g.case_of(t.i) or "") in words.get("preps", ())
