"""Where, and the clause a trigger's time and place words belong to."""

from __future__ import annotations

from veille.nlp.events.arguments import governor
from veille.nlp.events.lexicon import Lexicon
from veille.nlp.events.syntax import Graph
from veille.nlp.parsed import Entity, Tok

_PLACE_LABELS = frozenset({"LOC", "GPE", "FAC"})
_ARTICLES = ("the ", "la ", "le ", "les ", "l'", "l’")


def clause_tokens(g: Graph, anchor: Tok) -> list[Tok]:
    """Tokens of the anchor's sentence whose nearest verbal head is the anchor's clause head."""
    head = g.clause_head(anchor.i)
    return [t for t in g.sent_tokens(anchor.sent) if g.clause_head(t.i).i == head.i]


def entity_at(g: Graph, tok: Tok) -> Entity | None:
    """The named entity containing `tok`."""
    for ent in g.parsed.ents:
        if ent.first <= tok.i <= ent.last:
            return ent
    return None


def location_of(g: Graph, anchor: Tok, lex: Lexicon, exclude: set[int] | None = None) -> str | None:
    """The place named by a locative phrase (à Bruxelles, in Kyiv) on the trigger or its governors."""
    exclude = exclude or set()
    cur: Tok | None = anchor
    for _ in range(4):
        if cur is None:
            break
        head = cur if cur.pos in {"NOUN", "PROPN"} else g.clause_head(cur.i)
        for owner in {head.i, cur.i}:
            for prep, obj in g.prep_objects(owner):
                if prep not in lex.location_preps or obj.i in exclude:
                    continue
                place = _place(g, obj)
                if place:
                    return place
        cur = governor(g, head)
    return None


def _place(g: Graph, obj: Tok) -> str | None:
    for k in g.subtree(obj.i, frozenset({"acl", "acl:relcl", "relcl", "conj"})):
        ent = entity_at(g, g.toks[k])
        if ent and ent.label in _PLACE_LABELS:
            text = ent.text
            for art in _ARTICLES:
                if text.lower().startswith(art):
                    text = text[len(art) :]
            return text.strip() or None
    return None
