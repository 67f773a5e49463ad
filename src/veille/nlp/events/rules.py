"""The manual's special rules, complement-driven modes and contexts."""

from __future__ import annotations

from veille.article import Event
from veille.nlp.events.lexicon import Lexicon
from veille.nlp.events.modality import Modality
from veille.nlp.events.syntax import Graph
from veille.nlp.parsed import Tok

_MODE_COMPLEMENTS = frozenset(
    {"xcomp", "ccomp", "obj", "dobj", "acl", "nmod", "obl:arg", "prep", "pobj", "advcl", "conj"}
)


def complement_mode(g: Graph, t: Tok, event_type: str, lex: Lexicon) -> str | None:
    """REQUEST/REJECT/THREATEN mode from what is asked, refused or threatened."""
    table = lex.complement_modes.get(event_type)
    if not table:
        return None
    todo, seen = [t.i], set()
    while todo and len(seen) < 40:
        k = todo.pop(0)
        if k in seen:
            continue
        seen.add(k)
        tok = g.toks[k]
        if k != t.i:
            keys = [f"{tok.lemma.lower()} {c.lemma.lower()}" for c in g.kids(k, {"prt"})]
            for key in [*keys, tok.lemma.lower(), tok.text.lower()]:
                if key in table:
                    return table[key]
        todo.extend(c.i for c in g.kids(k, _MODE_COMPLEMENTS))
    return None


def contexts_of(g: Graph, t: Tok, event: Event, lex: Lexicon) -> list[str]:
    """PLOVER contexts the sentence makes clear (keyword data), plus the mode's own."""
    out: set[str] = set()
    for tok in g.sent_tokens(t.sent):
        out.update(lex.contexts.get(tok.lemma.lower(), ()))
        out.update(lex.contexts.get(tok.text.lower(), ()))
    if event.mode == "cyber":
        out.add("cyber")
    if event.type in {"MOBILIZE", "ASSAULT"} and event.mode not in {"police"}:
        out.add("military")
    return sorted(out)


def apply_rules(event: Event, m: Modality) -> Event:
    """Announced withdrawal → CONCEDE; summoning an ambassador stays ACCUSE (lexicon)."""
    if m.concede and event.type == "RETREAT" and event.mode == "withdraw":
        event.type, event.mode = "CONCEDE", None
    return event
