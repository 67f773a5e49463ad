"""Who did it and to whom: dependents of a trigger resolved to actor ids through `ActorLookup`."""

from __future__ import annotations

from functools import cache

from veille.nlp.actors.tables import country_rows
from veille.nlp.events.lexicon import Lexicon
from veille.nlp.events.syntax import CLAUSAL, OBJ, PASS_SUBJ, SUBJ, Graph
from veille.nlp.parsed import ActorLookup, Tok

STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "PRE"})
_MODIFIERS = frozenset(
    {"amod", "compound", "nmod", "nmod:poss", "poss", "appos", "flat", "flat:name", "npadvmod"}
)
_OF_CASES = frozenset({"de", "of", "d'", "du", "des", "'s"})
_STOP = CLAUSAL | {"conj", "cc", "punct", "appos"}
ALL_PARTIES = "@parties"  # placeholder for the article's main parties ("urged both sides")


@cache
def capitals(language: str) -> frozenset[str]:
    """Seats of government in the actor step's country table, lower case (Pretoria, Minsk)."""
    return frozenset(s.lower() for row in country_rows(language) for s in row.government)


class Resolver:
    """Resolves nominal tokens to actor ids (the body a person speaks for, when known)."""

    def __init__(self, g: Graph, lookup: ActorLookup, lex: Lexicon) -> None:
        self.g, self.lookup, self.lex = g, lookup, lex

    def body(self, actor_id: str) -> str:
        """A state official or state body stands for its country (gold convention)."""
        try:
            actor = self.lookup.actor(actor_id)
        except (KeyError, LookupError, ValueError):
            return actor_id
        if actor is None or actor.kind in {"country", "group"}:
            return actor_id
        if actor.country and actor.sector in STATE_SECTORS:
            return f"country:{actor.country}"
        if actor.kind == "person":
            return self._office(actor_id, actor.country) or actor_id
        return actor_id

    def _office(self, person: str, country: str | None) -> str | None:
        """The body a person holds an office in, from the actor step's roles (when it has
        them): the organisation named in the role, else the country of a state role."""
        for role in (getattr(self.lookup, "roles", None) or {}).get(person, []):
            org = getattr(role, "org", None)
            if org:
                return org
            where = getattr(role, "country", None) or country
            if where and getattr(role, "sector", None) in STATE_SECTORS | {None}:
                return f"country:{where}"
        return None

    def kind(self, actor_id: str) -> str:
        """The actor's kind (person, country, organization …), "unknown" when not found."""
        return self._kind(actor_id)

    def is_pronoun(self, tok: Tok) -> bool:
        low = tok.text.lower()
        return tok.pos == "PRON" or low in self.lex.pronouns or low in self.lex.self_pronouns

    def is_self(self, tok: Tok) -> bool:
        """First person (we, nous, our government): the speaker of the quote."""
        if tok.text.lower() in self.lex.self_pronouns:
            return True
        if tok.lemma.lower() not in self.lex.self_bodies:
            return False
        return any(
            c.text.lower() in self.lex.self_pronouns
            for c in self.g.kids(tok.i, {"poss", "det", "nmod:poss"})
        )

    def antecedent(self, tok: Tok) -> Tok | None:
        """The noun a relative pronoun stands for: "la Russie, qui a massé …" → Russie (the
        first of its conjuncts, so "Washington et Riyad, qui …" keeps both)."""
        low = tok.lemma.lower()
        if low not in self.lex.extra.get("relative_pronouns", ()) and "PronType=Rel" not in (
            tok.morph or ""
        ):
            return None
        verb = self.g.head(tok.i)
        if verb is None or tok.i > verb.i:
            return None
        if verb.dep in {"acl:relcl", "relcl", "acl"}:
            ante = self.g.head(verb.i)
        else:  # the parser hung the relative on the main verb: the noun just before "qui"
            k = tok.i - 1
            while k >= 0 and self.g.toks[k].pos == "PUNCT" and self.g.toks[k].sent == tok.sent:
                k -= 1
            ante = self.g.toks[k] if k >= 0 and self.g.toks[k].sent == tok.sent else None
        while ante is not None and ante.dep == "conj" and self.g.head(ante.i) is not None:
            ante = self.g.head(ante.i)
        if ante is None or ante.pos not in {"NOUN", "PROPN"}:
            return None
        return ante

    def one(self, tok: Tok, depth: int = 0) -> list[str]:
        """Ids for the phrase headed by `tok` (without its conjuncts)."""
        ante = self.antecedent(tok)
        if ante is not None and depth <= 2:
            return self.many(ante, depth + 1)
        if self.is_pronoun(tok) or depth > 2:
            return []
        if self.all_parties(tok):
            return [ALL_PARTIES]
        ids = self._direct(tok, depth)
        if not ids and depth == 0:
            ids = self.earlier(tok)
        return ids

    def all_parties(self, tok: Tok) -> bool:
        """ "all sides", "both parties", "toutes les parties", "les belligérants": the
        article's main parties (filled in once the whole article is coded)."""
        words = self.lex.extra.get("all_parties", {})
        lemma = tok.lemma.lower()
        if lemma in words.get("always", ()):
            return True
        if lemma not in words.get("quantified", ()):
            return False
        near = self.g.kids(tok.i, {"det", "predet", "amod", "nummod", "preconj", "quantmod"})
        return any(c.lemma.lower() in words.get("quantifiers", ()) for c in near)

    def earlier(self, tok: Tok) -> list[str]:
        """A definite noun naming nobody by itself ("les ministres rencontreront …") stands for
        the latest earlier phrase of the article with the same head noun and number that did
        name someone ("les ministres de la Défense de l'Otan")."""
        if tok.pos != "NOUN" or not any(
            d.lemma.lower() in {"le", "the"} for d in self.g.kids(tok.i, {"det"})
        ):
            return []
        lemma, number = tok.lemma.lower(), _number(tok)
        for k in range(tok.i - 1, -1, -1):
            prev = self.g.toks[k]
            if prev.pos == "NOUN" and prev.lemma.lower() == lemma and _number(prev) == number:
                ids = self._direct(prev, 0)
                if ids:
                    return ids[:1]
        return []

    def agreement_name(self, tok: Tok) -> bool:
        """A noun that can name an agreement after a place ("the Oslo accords")."""
        return tok.lemma.lower() in self.lex.extra.get("agreement_names", ())

    def seat(self, tok: Tok) -> bool:
        """Whether `tok` is a capital or seat of government (Pretoria, Minsk, Oslo): inside an
        agreement's name it says where the agreement was made, not who made it."""
        seats = capitals(self.lex.language)
        for k in self.g.subtree(tok.i, _STOP):
            if self.g.toks[k].text.lower() in seats:
                return True
        start, end = self.g.span(tok.i, _STOP)
        return self.g.text[start:end].lower() in seats

    def _named_after_seat(self, tok: Tok) -> bool:
        """ "the Pretoria agreement", "l'accord de Minsk": a seat names the agreement noun."""
        kids = self.g.kids(tok.i, _MODIFIERS)
        kids += [o for p in self.g.kids(tok.i, {"prep"}) for o in self.g.kids(p.i, {"pobj"})]
        return any(
            self.seat(c)
            for c in kids
            if c.dep not in {"nmod", "pobj"} or (self.g.case_of(c.i) or "") in _OF_CASES
        )

    def _direct(self, tok: Tok, depth: int) -> list[str]:
        found = self.lookup.actor_at(tok.start, tok.end)
        mods = self._modifiers(tok, depth)
        if not found and self.agreement_name(tok) and self._named_after_seat(tok):
            return self._prefer_bodies(mods)  # "the Oslo accords" is nobody
        if found:
            return self._prefer_bodies([self.body(found), *mods])[:1]
        if len(mods) > 1 and tok.pos != "PROPN":
            return self._prefer_bodies(mods)  # "Estonian and Finnish forces"
        start, end = self.g.span(tok.i, _STOP)
        found = self.lookup.resolve_phrase(start, end)
        if found and len(mods) > 1 and self.body(found) in mods:
            return self._prefer_bodies(mods)  # "the foreign ministers of Armenia and Azerbaijan"
        if found:
            return self._prefer_bodies([self.body(found), *mods])[:1]
        return self._prefer_bodies(mods)

    def _kind(self, actor_id: str) -> str:
        try:
            return self.lookup.actor(actor_id).kind
        except (KeyError, LookupError, ValueError, AttributeError):
            return "unknown"

    def _prefer_bodies(self, ids: list[str]) -> list[str]:
        """A spokesperson stands for the body named in their role (porte-parole du gouvernement
        rwandais, Emmanuel Habimana → Rwanda): drop people when a body is named beside them."""
        bodies = [i for i in ids if self._kind(i) != "person"]
        return bodies if bodies and len(bodies) < len(ids) else ids

    def _modifiers(self, tok: Tok, depth: int) -> list[str]:
        out: list[str] = []
        heads = self.g.kids(tok.i, _MODIFIERS)
        for prep in self.g.kids(tok.i, {"prep"}):  # ClearNLP: "the leaders of Serbia and Kosovo"
            if prep.lemma.lower() == "of":
                heads += self.g.kids(prep.i, {"pobj"})
        named = self.agreement_name(tok)
        for child in heads:
            if named and self.seat(child):
                continue
            case = self.g.case_of(child.i) if child.dep.startswith("nmod") else None
            if case is not None and case not in _OF_CASES:
                continue
            for ident in self.many(child, depth + 1):
                if ident not in out:
                    out.append(ident)
        return out

    def many(self, tok: Tok, depth: int = 0) -> list[str]:
        """Ids for `tok` and every phrase coordinated with it."""
        out: list[str] = []
        for conj in self.g.conjuncts(tok.i):
            for ident in self.one(conj, depth):
                if ident not in out:
                    out.append(ident)
        for ident in self.left_coordinated(tok):
            if ident not in out:
                out.insert(0, ident)
        return out

    def left_coordinated(self, tok: Tok) -> list[str]:
        """Parse repair: "Paris et Berlin ont signé" when the parser detached "Paris et"."""
        first = self.g.subtree(tok.i, _STOP)[0]
        toks = self.g.toks
        if first < 2 or toks[first - 1].pos != "CCONJ" or toks[first - 1].head == first:
            return []
        prev = toks[first - 2]
        between = self.g.text[prev.end : toks[first].start]
        if any(c in between for c in ".!?;:") or (
            prev.dep in {"nsubj", "obj", "dobj"} and prev.head == tok.head
        ):
            return []
        found = self.lookup.actor_at(prev.start, prev.end)
        return [self.body(found)] if found else []


def _number(tok: Tok) -> str:
    """Grammatical number from the morphology ("" when unknown)."""
    for part in (tok.morph or "").split("|"):
        if part.startswith("Number="):
            return part[7:]
    return ""


def subjects(g: Graph, t: Tok) -> list[Tok]:
    """Active subjects of verb `t`."""
    return g.kids(t.i, SUBJ)


def passive(g: Graph, t: Tok) -> bool:
    """Whether verb `t` is passive."""
    return bool(g.kids(t.i, PASS_SUBJ)) or any(
        c.dep in {"aux:pass", "auxpass"} for c in g.kids(t.i)
    )


def objects(g: Graph, t: Tok) -> list[Tok]:
    """Direct objects of `t` (and nominal xcomp, which the French parser uses for some objects)."""
    out = g.kids(t.i, OBJ)
    out += [c for c in g.kids(t.i, {"xcomp"}) if c.pos in {"NOUN", "PROPN"}]
    return out


def controlled_objects(g: Graph, t: Tok) -> list[Tok]:
    """Objects of a control verb ("accused Russia of moving troops"), also when the parser hung
    the object under a participle it misread right after the verb: in "accused neighbouring
    Eritrea of deploying troops", `neighbouring` is an xcomp (or amod) whose dobj is Eritrea."""
    out = objects(g, t)
    if out:
        return out
    for p in misread_participles(g, t):
        out += objects(g, p)
    return out


def misread_participles(g: Graph, t: Tok) -> list[Tok]:
    """Subjectless participles attached as xcomp/amod right after verb `t` (only determiners
    between) that carry an object of their own: the parser's reading of an adjective before
    `t`'s object. An embedded clause ("accusés d'avoir livré des drones") has a mark or an
    auxiliary and is not one."""
    out = []
    for c in g.kids(t.i, {"xcomp", "amod", "advcl"}):
        between = g.toks[t.i + 1 : c.i]
        if (
            c.i > t.i
            and "VerbForm=Part" in (c.morph or "")
            and all(b.pos in {"DET", "ADV"} for b in between)
            and not subjects(g, c)
            and not g.kids(c.i, {"mark", "aux", "aux:tense", "aux:pass", "auxpass"})
            and any(0 < o.i - c.i <= 3 for o in objects(g, c))
        ):
            out.append(c)
    return out


def governor(g: Graph, t: Tok) -> Tok | None:
    """The verb (or noun) an embedded trigger depends on: through xcomp/ccomp/pcomp/acl/prep."""
    h = g.head(t.i)
    if h is None:
        return None
    if t.dep in {"pcomp", "pobj"} and h.dep in {"prep", "mark"}:
        return g.head(h.i)
    if t.dep in {
        "xcomp",
        "ccomp",
        "advcl",
        "acl",
        "obj",
        "dobj",
        "pcomp",
        "nsubj:pass",
        "nsubjpass",
        "obl:arg",
        "nmod",
        "conj",
    }:
        return h
    return None
