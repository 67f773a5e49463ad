"""Dependency-tree helpers over `Parsed` that work for both UD (French) and ClearNLP (English)."""

from __future__ import annotations

from functools import cached_property

from veille.nlp.parsed import Parsed, Tok

SUBJ = frozenset({"nsubj", "csubj"})
PASS_SUBJ = frozenset({"nsubj:pass", "nsubjpass", "csubjpass"})
OBJ = frozenset({"obj", "dobj", "iobj", "dative"})
CLAUSAL = frozenset({"ccomp", "xcomp", "advcl", "acl", "acl:relcl", "relcl", "csubj", "parataxis"})
COORD = frozenset({"conj"})
VERBAL = frozenset({"VERB", "AUX"})


def _norm(word: str) -> str:
    """A preposition as the lexicons write it: lower case, straight apostrophe (d’ → d')."""
    return word.lower().replace("\u2019", "'")


class Graph:
    """A `Parsed` with children lists and per-token helpers."""

    def __init__(self, parsed: Parsed) -> None:
        self.parsed = parsed
        self.toks = parsed.tokens
        kids: list[list[int]] = [[] for _ in self.toks]
        for t in self.toks:
            if t.head != t.i and 0 <= t.head < len(self.toks):
                kids[t.head].append(t.i)
        self._kids = kids

    @cached_property
    def text(self) -> str:
        return self.parsed.text

    def kids(self, i: int, deps: frozenset[str] | set[str] | None = None) -> list[Tok]:
        """Children of token `i`, optionally only those with a label in `deps`."""
        out = [self.toks[k] for k in self._kids[i]]
        return out if deps is None else [t for t in out if t.dep in deps]

    def head(self, i: int) -> Tok | None:
        """The head of token `i`, None for a root."""
        t = self.toks[i]
        return None if t.head == i else self.toks[t.head]

    def subtree(self, i: int, stop: frozenset[str] = frozenset()) -> list[int]:
        """Indices under `i` (inclusive), not descending into children labelled in `stop`."""
        out, todo = [], [i]
        while todo:
            k = todo.pop()
            out.append(k)
            todo.extend(c for c in self._kids[k] if self.toks[c].dep not in stop)
        return sorted(out)

    def span(self, i: int, stop: frozenset[str] = frozenset()) -> tuple[int, int]:
        """Character span of the subtree of `i`."""
        idx = self.subtree(i, stop)
        return self.toks[idx[0]].start, self.toks[idx[-1]].end

    def conjuncts(self, i: int) -> list[Tok]:
        """Token `i` and the tokens coordinated with it (conj chains)."""
        out, todo = [], [i]
        while todo:
            k = todo.pop(0)
            if k in (t.i for t in out):
                continue
            out.append(self.toks[k])
            todo.extend(c.i for c in self.kids(k, COORD))
        return out

    def case_of(self, i: int) -> str | None:
        """The preposition governing nominal `i` (UD `case` child or ClearNLP `prep` head)."""
        cases = [c for c in self.kids(i, {"case"})]
        if cases:
            fixed = [_norm(f.lemma) for f in self.kids(cases[0].i, {"fixed"})]
            return " ".join([_norm(cases[0].lemma), *fixed])
        tok = self.toks[i]
        h = self.head(i)
        if tok.dep == "pobj" and h is not None and h.dep in {"prep", "agent"}:
            return "by" if h.dep == "agent" else _norm(h.lemma)
        return None

    def prep_objects(self, i: int) -> list[tuple[str, Tok]]:
        """(preposition, nominal) pairs attached to `i`: UD obl/nmod and ClearNLP prep+pobj."""
        out: list[tuple[str, Tok]] = []
        for c in self.kids(i):
            if c.dep in {"prep", "agent"}:
                for p in self.kids(c.i, {"pobj", "pcomp"}):
                    out.append(("by" if c.dep == "agent" else _norm(c.lemma), p))
            elif c.pos == "ADV":  # French "autour de Taïwan", "près de la frontière"
                for p in self.kids(c.i):
                    if p.pos in {"NOUN", "PROPN"} and self.case_of(p.i) in {"de", "d'"}:
                        out.append((f"{_norm(c.lemma)} de", p))
            elif c.dep.startswith(("obl", "nmod")):
                case = self.case_of(c.i)
                if case:
                    out.append((case, c))
        return out

    def clause_head(self, i: int) -> Tok:
        """The nearest verbal token at or above `i` (the token itself if verbal)."""
        k = i
        for _ in range(64):
            t = self.toks[k]
            if t.pos in VERBAL and t.dep not in {"aux", "aux:tense", "aux:pass", "auxpass", "cop"}:
                return t
            h = self.head(k)
            if h is None:
                return t
            k = h.i
        return self.toks[i]

    def ancestors(self, i: int) -> list[Tok]:
        """Heads of `i` up to the root, nearest first."""
        out: list[Tok] = []
        h = self.head(i)
        while h is not None and len(out) < 64:
            out.append(h)
            h = self.head(h.i)
        return out

    def sent_tokens(self, s: int) -> list[Tok]:
        first, stop = self.parsed.sents[s]
        return self.toks[first:stop]
