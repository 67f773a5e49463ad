"""Tree helpers over a `Parsed`: children, subtrees, subjects, negation, noun-phrase extents."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from veille.nlp.parsed import Parsed, Tok
from veille.nlp.quotes.lexicon import Lexicon

SUBJ = ("nsubj", "nsubj:pass", "nsubjpass", "expl:subj", "csubj")
CLOSING = ".!?;\n"
QUOTE_CHARS = '«»“”„‹›"‘’‚'
DASHES = "–—-"


def is_mark(text: str) -> bool:
    """Whether a token is (or holds) a quotation mark; "l’", "’s" and "d’" are apostrophes."""
    return any(c in QUOTE_CHARS for c in text) and not any(c.isalnum() for c in text)


@dataclass(frozen=True, slots=True)
class Span:
    """An inclusive token range with its head token."""

    first: int
    last: int
    head: int


class Tree:
    """Index of a `Parsed`: children lists, subtree extents, token lookup by character."""

    def __init__(self, parsed: Parsed) -> None:
        self.p = parsed
        self.toks: list[Tok] = parsed.tokens
        n = len(self.toks)
        self.kids: list[list[int]] = [[] for _ in range(n)]
        for t in self.toks:
            if t.head != t.i and 0 <= t.head < n:
                self.kids[t.head].append(t.i)
        self._starts = [t.start for t in self.toks]
        self._extent: dict[int, tuple[int, int]] = {}

    def at(self, char: int) -> int:
        """Index of the token starting at or before `char` (0 when before every token)."""
        return max(0, bisect_right(self._starts, char) - 1)

    def within(self, start: int, end: int) -> range:
        """Indices of the tokens that start inside the character range."""
        lo = bisect_right(self._starts, start - 1)
        hi = bisect_right(self._starts, end - 1)
        return range(lo, hi)

    def extent(self, i: int) -> tuple[int, int]:
        """(first, last) token of the subtree of `i`."""
        if i not in self._extent:
            lo = hi = i
            stack = [i]
            seen = {i}
            while stack:
                for k in self.kids[stack.pop()]:
                    if k not in seen:
                        seen.add(k)
                        lo, hi = min(lo, k), max(hi, k)
                        stack.append(k)
            self._extent[i] = (lo, hi)
        return self._extent[i]

    def ancestors(self, i: int) -> list[int]:
        out: list[int] = []
        while self.toks[i].head != i and len(out) < 50:
            i = self.toks[i].head
            out.append(i)
        return out

    def low(self, i: int) -> str:
        return self.toks[i].text.casefold()

    def negated(self, i: int, lex: Lexicon) -> bool:
        """Whether verb `i` (or its auxiliaries) carries a negation."""
        for k in self.kids[i]:
            tok = self.toks[k]
            if tok.dep.startswith(("advmod", "neg")) and (
                self.low(k) in lex.negators or tok.lemma.casefold() in lex.negators
            ):
                return True
            if "Polarity=Neg" in tok.morph and tok.pos in ("ADV", "PART"):
                return True
        return False

    def subject(self, i: int, depth: int = 0) -> int | None:
        """The subject of verb `i`, climbing conjunctions, participles and relative clauses."""
        kids = [k for k in self.kids[i] if self.toks[k].dep in SUBJ]
        if kids:
            s = kids[0]
            tok = self.toks[s]
            relative = "PronType=Rel" in tok.morph or tok.lemma.casefold() in (
                "qui",
                "who",
                "which",
            )
            if (
                relative
                and self.toks[i].dep.startswith(("acl", "relcl"))
                and self.toks[i].head != i
            ):
                return self.toks[i].head
            return s
        tok = self.toks[i]
        if depth < 4 and tok.head != i and tok.dep in ("conj", "xcomp", "advcl", "dep"):
            return self.subject(tok.head, depth + 1)
        return None

    def noun_phrase(self, head: int, lex: Lexicon) -> Span:
        """The noun phrase of `head`, cut at commas, brackets, dashes and clauses."""
        lo, hi = self.extent(head)
        first, last = head, head
        k = head - 1
        while k >= lo and not self._np_break(k):
            first = k
            k -= 1
        k = head + 1
        while k <= hi and not self._np_break(k):
            dep = self.toks[k].dep
            if dep.startswith(("acl", "relcl", "appos", "advcl", "conj", "cc")):
                break
            last = k
            k += 1
        while last > first and self.toks[last].pos in ("ADP", "DET", "CCONJ", "PUNCT"):
            last -= 1
        while first < last and self.toks[first].pos in ("ADP", "CCONJ", "PUNCT"):
            first += 1
        return Span(first, last, head)

    def _np_break(self, k: int) -> bool:
        text = self.toks[k].text
        if text in DASHES and self._joins_word(k):  # "the London-based group"
            return False
        return text in (",", "(", ")", ";", ":", "\n") or text in DASHES or text in QUOTE_CHARS

    def _joins_word(self, k: int) -> bool:
        """Whether the hyphen token `k` sits inside a word (no space on either side)."""
        return 0 < k < len(self.toks) - 1 and self.toks[k - 1].ws == "" and self.toks[k].ws == ""

    def text_of(self, span: Span) -> tuple[str, int, int]:
        """Surface text and offsets of a span, without the hyphen of an inverted clitic."""
        start = self.toks[span.first].start
        end = self.toks[span.last].end
        while start < end and self.p.text[start] in "-‑":
            start += 1
        return self.p.text[start:end], start, end
