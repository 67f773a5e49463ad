"""Direct quotes: quote-mark spans, split by their incises, with the speaker's span if any."""

from __future__ import annotations

from veille.nlp.quotes.candidates import Candidate
from veille.nlp.quotes.incise import (
    Incise,
    according,
    after_quote,
    inverted,
    skip_pp,
    window,
)
from veille.nlp.quotes.lexicon import Lexicon
from veille.nlp.quotes.marks import MarkSpan
from veille.nlp.quotes.syntax import CLOSING, Tree, is_mark

MIN_FLOATING_WORDS = 4
BEFORE_WINDOW = 40


def _split(tree: Tree, m: MarkSpan, lex: Lexicon) -> tuple[list[tuple[int, int]], Incise | None]:
    """Parts of a quote around its inner incises (« A, dit-elle. B ») and the first incise."""
    inner = tree.within(m.start, m.end)
    parts: list[tuple[int, int]] = []
    found: Incise | None = None
    start = m.start
    j = inner.start
    while j < inner.stop:
        if tree.toks[j].text == "," and j + 1 < inner.stop:
            toks = window(tree, j + 1, inner.stop)
            inc = inverted(tree, toks, lex, strict=True)
            nxt = inc.last + 1 if inc else -1
            if inc:  # « A, a déclaré M. X lors d'une conférence de presse. B »
                rest = [k for k in range(nxt, inner.stop)]
                nxt += skip_pp(tree, rest, lex)
            if inc and nxt < inner.stop - 1 and tree.toks[nxt].text in (",", "."):
                parts.append((start, tree.toks[j].start))
                found = found or inc
                start = tree.toks[nxt + 1].start
                j = nxt + 1
                continue
        j += 1
    parts.append((start, m.end))
    return [(s, e) for s, e in parts if e > s], found


def _region_before(tree: Tree, open_char: int) -> list[int]:
    """Tokens of the sentence before a quote's opening mark."""
    k = tree.at(open_char - 1) if open_char > 0 else -1
    if k >= 0 and tree.toks[k].start >= open_char:
        k -= 1
    out: list[int] = []
    while k >= 0 and len(out) < BEFORE_WINDOW:
        tok = tree.toks[k]
        if tok.text in CLOSING or "\n" in tok.ws or is_mark(tok.text):
            break
        out.append(k)
        k -= 1
    return out[::-1]


def _before(tree: Tree, m: MarkSpan, lex: Lexicon, region: list[int]) -> Incise | None:
    """A speaker introducing the quote: `X a déclaré : « … »`, `selon X, « … »`, `she said, “…”`."""
    for n in range(len(region)):
        src = according(tree, region[n:], lex)
        if src:
            return Incise(src[0], None, region[n + src[1] - 1])
    inner = tree.within(m.start, m.end)
    ancestors = set(tree.ancestors(inner.start)) if len(inner) else set()
    introduced = bool(region) and tree.toks[region[-1]].text in (":", ",")
    for k in reversed(region):
        tok = tree.toks[k]
        if tok.pos not in ("VERB", "AUX") or not lex.is_cue(tok.lemma, incise=True):
            continue
        if tree.negated(k, lex):
            continue
        subj = tree.subject(k)
        if subj is None or tree.low(subj) in lex.first_person | lex.impersonal:
            continue
        if not (introduced or (k in ancestors and len(inner) >= MIN_FLOATING_WORDS)):
            continue
        for up in tree.ancestors(k):  # an outer cue wins: « X a fait savoir qu'il … « … » »
            outer = tree.toks[up]
            if up in region and lex.is_cue(outer.lemma) and tree.subject(up) is not None:
                k, tok, subj = up, outer, tree.subject(up)
                break
        return Incise(tree.noun_phrase(subj, lex), (tok.start, tok.end), k)
    return None


def direct_candidates(tree: Tree, lex: Lexicon, spans: list[MarkSpan]) -> list[Candidate]:
    """One candidate per quote part; unattributed short quotes (scare quotes) are left out."""
    out: list[Candidate] = []
    n = len(tree.toks)
    for group, m in enumerate(spans):
        inner = tree.within(m.start, m.end)
        if not len(inner):
            continue
        parts, inc = _split(tree, m, lex)
        if inc is None and m.closed:
            inc = after_quote(tree, tree.within(m.close, len(tree.p.text)).start, n, lex)
        region = _region_before(tree, m.open)
        if inc is None:
            inc = _before(tree, m, lex, region)
        floating = False
        if inc is None:
            words = sum(1 for k in inner if tree.toks[k].pos != "PUNCT")
            opens_sentence = all(tree.toks[k].pos == "PUNCT" for k in region)
            if not (opens_sentence and words >= MIN_FLOATING_WORDS):
                continue
            floating = True
        for start, end in parts:
            out.append(
                Candidate(
                    start,
                    end,
                    "direct",
                    subject=inc.subject if inc else None,
                    cue=inc.cue if inc else None,
                    floating=floating,
                    group=group,
                )
            )
    return out
