"""Incises next to a direct quote: « … », a-t-il ajouté / dit-elle / estime le ministre /
“…,” she said / said Smith / – Name (headlines) / according to X / selon X."""

from __future__ import annotations

from dataclasses import dataclass

from veille.nlp.quotes.lexicon import Lexicon
from veille.nlp.quotes.syntax import CLOSING, DASHES, QUOTE_CHARS, Span, Tree

WINDOW = 12
NP_POS = ("DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON")


@dataclass(frozen=True, slots=True)
class Incise:
    """A speaker (and cue) found next to a quote; `last` is the incise's last token."""

    subject: Span | None
    cue: tuple[int, int] | None
    last: int


def window(tree: Tree, k: int, limit: int) -> list[int]:
    """Tokens from `k` to the next sentence end, quote mark or paragraph break (at most WINDOW)."""
    out: list[int] = []
    while k < limit and len(out) < WINDOW:
        text = tree.toks[k].text
        if text in CLOSING or any(c in QUOTE_CHARS for c in text) or "\n" in text:
            break
        out.append(k)
        if "\n" in tree.toks[k].ws:
            break
        k += 1
    return out


def _np(tree: Tree, toks: list[int], lex: Lexicon) -> tuple[Span, int] | None:
    """A noun phrase at the start of `toks`: its span and how many tokens it takes."""
    n = 0
    head = None
    while n < len(toks):
        tok = tree.toks[toks[n]]
        low = tree.low(toks[n])
        if tok.pos in ("NOUN", "PROPN") or (tok.pos == "PRON" and n == 0):
            head = head if head is not None and tok.pos != "PROPN" else toks[n]
            if tok.pos == "PRON":
                n += 1
                break
        elif (
            tok.pos in ("DET", "ADJ", "NUM")
            or (tok.pos == "PUNCT" and low in ("'", "’", "-"))
            or (low in lex.np_preps and head is not None)
            or low in lex.title_masc | lex.title_fem
        ):
            pass
        else:
            break
        n += 1
    while n > 0 and tree.toks[toks[n - 1]].pos in ("DET", "ADP", "PUNCT"):
        n -= 1
    if head is None or n == 0:
        return None
    return Span(toks[0], toks[n - 1], head), n


def _tail(tree: Tree, main: int, rest: list[int], lex: Lexicon) -> int:
    """How many of `rest` finish a multi-word cue begun by verb `main` (mis *en garde*)."""
    lemma = tree.toks[main].lemma.casefold()
    for seq in lex.multiword:
        if seq[0] == lemma and len(rest) >= len(seq) - 1:
            words = [(tree.toks[k].lemma.casefold(), tree.low(k)) for k in rest[: len(seq) - 1]]
            if all(w in pair for w, pair in zip(seq[1:], words, strict=True)):
                return len(seq) - 1
    return 0


def _verb_group(
    tree: Tree, toks: list[int], lex: Lexicon
) -> tuple[int, int, int | None, int] | None:
    """Leading [se] [aux] [-t] [-il] verb [-il]: (first, main verb, clitic subject, count)."""
    n = 0
    main = None
    clitic = None
    while n < len(toks):
        tok = tree.toks[toks[n]]
        low = tree.low(toks[n])
        if tok.pos in ("AUX", "VERB"):
            main = toks[n]
            extra = _tail(tree, main, toks[n + 1 :], lex)
            if extra:
                n += extra + 1
                continue
        elif low.startswith("-") and tok.pos == "PRON":
            if low not in ("-t", "-t-"):
                clitic = toks[n]
        elif (low in ("se", "s'", "s’") and n == 0) or (
            tok.pos == "ADV" and main is not None and n < 4
        ):
            pass
        else:
            break
        n += 1
    if main is None:
        return None
    return toks[0], main, clitic, n


def _after_verb(tree: Tree, toks: list[int], lex: Lexicon) -> tuple[Span, int] | None:
    k = 0
    while k < len(toks) - 1 and (
        tree.toks[toks[k]].pos == "ADV" or tree.low(toks[k]) in lex.time_words
    ):
        k += 1
    found = _np(tree, toks[k:], lex)
    if found is None:
        return None
    span, n = found
    return span, k + n


def according(tree: Tree, toks: list[int], lex: Lexicon) -> tuple[Span, int] | None:
    """`selon X` / `according to X` at the start of `toks`: the source and tokens taken."""
    lows = [tree.low(k) for k in toks]
    for seq in lex.according:
        if tuple(lows[: len(seq)]) == seq:
            found = _np(tree, toks[len(seq) :], lex)
            if found is None:
                continue
            head = found[0].head
            if tree.toks[head].lemma.casefold() in lex.according_reject:
                continue
            if tree.low(head) not in lex.first_person:
                return found[0], len(seq) + found[1]
    return None


def after_quote(tree: Tree, k: int, limit: int, lex: Lexicon) -> Incise | None:
    """The incise following a quote whose closing mark ends before token `k`."""
    toks = window(tree, k, limit)
    while toks and tree.toks[toks[0]].text in (",", "»", "”"):
        toks = toks[1:]
    if not toks:
        return None
    first = tree.toks[toks[0]].text
    if first in DASHES or first in ("—", "–"):
        found = _np(tree, toks[1:], lex)
        if found and found[1] + 1 >= len(toks) - 1:
            return Incise(found[0], None, toks[found[1]])
        return None
    src = according(tree, toks, lex)
    if src:
        return Incise(src[0], None, toks[src[1] - 1])
    return inverted(tree, toks, lex) or _subject_first(tree, toks, lex)


def inverted(tree: Tree, toks: list[int], lex: Lexicon, strict: bool = False) -> Incise | None:
    """Verb-first incise: a-t-il ajouté / dit-elle / estime le ministre / said Smith.

    `strict` (inside a quote) wants a lexicon cue unless a clitic subject follows the verb."""
    group = _verb_group(tree, toks, lex)
    if group is None:
        return None
    first, main, clitic, n = group
    verb = tree.toks[main]
    cue = (tree.toks[first].start, verb.end)
    if clitic is not None:
        if first < clitic < main:  # a-t-il ajouté: the cue is the participle alone
            cue = (verb.start, verb.end)
        if tree.low(clitic).lstrip("-") in lex.first_person | lex.impersonal:
            return None
        if not (lex.is_cue(verb.lemma, incise=True) or verb.pos == "VERB"):
            return None
        return Incise(Span(clitic, clitic, clitic), cue, toks[n - 1])
    found = _after_verb(tree, toks[n:], lex)
    if found is None:
        return None
    span, used = found
    if tree.low(span.head) in lex.first_person:
        return None
    if not lex.is_cue(verb.lemma, incise=True):
        if strict:
            return None
        # cue-less parataxis: any verb, when nothing but the subject follows
        if verb.pos != "VERB" or (n + used < len(toks) and tree.toks[toks[n + used]].text != ","):
            return None
    return Incise(span, cue, toks[n + used - 1])


def _subject_first(tree: Tree, toks: list[int], lex: Lexicon) -> Incise | None:
    """Subject-first incise: she said / Smith told reporters / the minister added."""
    found = _np(tree, toks, lex)
    if found is None:
        return None
    span, n = found
    group = _verb_group(tree, toks[n:], lex)
    if group is None:
        return None
    first, main, _clitic, used = group
    verb = tree.toks[main]
    if not lex.is_cue(verb.lemma, incise=True) or tree.negated(main, lex):
        return None
    if tree.low(span.head) in lex.first_person:
        return None
    return Incise(span, (tree.toks[first].start, verb.end), toks[n + used - 1])
