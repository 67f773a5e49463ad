"""Indirect speech: a cue verb with its que/that complement, inverted reports
(`…, a indiqué le ministère` / `…, the ministry said`) and `selon X` / `according to X`."""

from __future__ import annotations

from veille.nlp.quotes.candidates import Candidate
from veille.nlp.quotes.incise import according, inverted
from veille.nlp.quotes.lexicon import Lexicon
from veille.nlp.quotes.marks import MarkSpan
from veille.nlp.quotes.syntax import CLOSING, SUBJ, Span, Tree, is_mark

MIN_CONTENT_TOKENS = 3
COMPLEMENT = ("ccomp",)


def _multiword(tree: Tree, i: int, lex: Lexicon) -> list[int] | None:
    """Tokens of a multi-word cue starting at `i` (faire valoir, mettre en garde), else None."""
    for seq in lex.multiword:
        if tree.toks[i].lemma.casefold() != seq[0]:
            continue
        got = [i]
        k = i + 1
        for word in seq[1:]:
            while k < len(tree.toks) and tree.toks[k].pos in ("ADV", "AUX") and len(got) < 4:
                k += 1
            if k >= len(tree.toks):
                break
            if word not in (tree.toks[k].lemma.casefold(), tree.low(k)):
                break
            got.append(k)
            k += 1
        else:
            return got
    return None


def _trim(tree: Tree, lo: int, hi: int, lex: Lexicon) -> tuple[int, int]:
    while lo <= hi and (tree.low(lo) in lex.complementizers or tree.toks[lo].pos == "PUNCT"):
        lo += 1
    while hi >= lo and tree.toks[hi].pos in ("PUNCT", "CCONJ") and not _quote(tree, hi):
        hi -= 1
    return lo, hi


def _quote(tree: Tree, k: int) -> bool:
    return is_mark(tree.toks[k].text)


def _incise_start(tree: Tree, i: int) -> int | None:
    """The comma opening an inverted incise ending at verb `i` (`, a-t-elle estimé`), if any."""
    k = i - 1
    while k >= 0 and k > i - 5:
        tok = tree.toks[k]
        if tok.text == ",":
            return k
        low = tok.text.casefold()
        if not (tok.pos == "AUX" or low.startswith("-") or low in ("se", "s'", "s’")):
            return None
        k -= 1
    return None


def _contents(tree: Tree, comp: int, cue: int, lex: Lexicon) -> list[tuple[int, int]]:
    """Token ranges of the reported content, split at coordinated `and that …` clauses."""
    lo, hi = tree.extent(comp)
    if lo < cue <= hi:  # the cue sits inside the clause (inverted report): keep the side before it
        hi = (_incise_start(tree, cue) or cue) - 1
    cuts = [
        c
        for c in tree.kids[comp]
        if tree.toks[c].dep == "conj"
        and any(tree.low(g) in lex.complementizers for g in tree.kids[c] if g < c)
    ]
    pieces: list[tuple[int, int]] = []
    start = lo
    for c in sorted(cuts):
        first = tree.extent(c)[0]
        while first > start and tree.toks[first - 1].pos in ("CCONJ", "PUNCT"):
            first -= 1
        pieces.append((start, first - 1))
        start = tree.extent(c)[0]
    pieces.append((start, hi))
    return [_trim(tree, a, b, lex) for a, b in pieces]


def _speaker(tree: Tree, verb: int, anchors: list[int], lex: Lexicon) -> Span | None:
    for a in anchors:
        subj = tree.subject(a)
        if subj is not None:
            return tree.noun_phrase(subj, lex)
    # inverted subject: « …, a indiqué le ministère »
    after = [k for k in range(verb + 1, min(verb + 10, len(tree.toks)))]
    inc = inverted(tree, [verb, *after], lex)
    return inc.subject if inc else None


def _gap_ok(tree: Tree, comp: int, verb: int) -> bool:
    """A complement before its cue must end right at the incise: `…, the ministry said`."""
    lo, hi = tree.extent(comp)
    if hi >= verb or lo > verb:
        return True
    allowed = {verb}
    for k in tree.kids[verb]:
        if tree.toks[k].dep in SUBJ or tree.toks[k].pos in ("AUX", "ADV", "PUNCT", "PART"):
            a, b = tree.extent(k)
            allowed.update(range(a, b + 1))
    gap = range(hi + 1, verb)
    return all(k in allowed or tree.toks[k].pos == "PUNCT" for k in gap)


def _paragraph(tree: Tree, i: int) -> tuple[int, int]:
    """First and last token of the paragraph holding token `i`."""
    lo = i
    while lo > 0 and "\n" not in tree.toks[lo - 1].ws and "\n" not in tree.toks[lo - 1].text:
        lo -= 1
    hi = i
    while hi < len(tree.toks) - 1 and "\n" not in tree.toks[hi].ws:
        hi += 1
    return lo, hi


def _rejected(tree: Tree, span: Span | None, lex: Lexicon) -> bool:
    if span is None:
        return False
    low = tree.low(span.head).lstrip("-")
    return low in lex.first_person or low in lex.impersonal


def _impersonal_passive(tree: Tree, verb: int) -> bool:
    """ "It is said that …" / « il est dit que … »: a passive cue whose subject is a dummy."""
    kids = tree.kids[verb]
    passive = any(
        tree.toks[k].dep in ("auxpass", "aux:pass", "nsubjpass", "nsubj:pass") for k in kids
    )
    dummy = any(
        tree.toks[k].dep in (*SUBJ, "expl", "expl:subj", "expl:pass")
        and tree.low(k) in ("it", "il")
        for k in kids
    )
    return passive and dummy


def cue_candidates(tree: Tree, lex: Lexicon) -> list[Candidate]:
    """Cue verbs with a complement clause."""
    out: list[Candidate] = []
    for tok in tree.toks:
        anchors = _multiword(tree, tok.i, lex)
        if anchors is None:
            if tok.pos not in ("VERB", "AUX") or not lex.is_cue(tok.lemma):
                continue
            anchors = [tok.i]
        comps = [c for a in anchors for c in tree.kids[a] if tree.toks[c].dep in COMPLEMENT]
        verb = anchors[-1]
        inverted_report = tok.dep in ("parataxis", "advcl", "ccomp", "conj") and tok.head < tok.i
        own_subject = any(tree.toks[k].dep in SUBJ for k in tree.kids[tok.i])
        if not comps and inverted_report and own_subject and _incise_start(tree, anchors[0]):
            comps = [tok.head]
        comps = [c for c in comps if _gap_ok(tree, c, tok.i)]
        if not comps or any(tree.negated(a, lex) for a in anchors):
            continue
        speaker = _speaker(tree, verb, anchors, lex)
        if speaker is None or _rejected(tree, speaker, lex) or _impersonal_passive(tree, tok.i):
            continue
        cue = (tree.toks[anchors[0]].start, tree.toks[anchors[-1]].end)
        for comp in comps:
            if tree.toks[comp].sent != tok.sent and not lex.is_cue(tok.lemma):
                continue
            p_lo, p_hi = _paragraph(tree, tok.i)
            for lo, hi in _contents(tree, comp, tok.i, lex):
                lo, hi = max(lo, p_lo), min(hi, p_hi)
                if hi - lo + 1 < MIN_CONTENT_TOKENS or lo <= speaker.head <= hi:
                    continue
                start, end = tree.toks[lo].start, tree.toks[hi].end
                out.append(Candidate(start, end, "indirect", speaker, cue))
    return out


def _clause(tree: Tree, k: int) -> tuple[int, int]:
    """First and last token of the sentence around `k`, by punctuation and line breaks; a
    colon before `k` also ends it (« X s'est montré prudent : selon Y, … »)."""
    lo = k
    while lo > 0:
        prev = tree.toks[lo - 1]
        if prev.text in CLOSING or prev.text == ":" or "\n" in prev.ws or "\n" in prev.text:
            break
        lo -= 1
    hi = k
    while hi < len(tree.toks) - 1:
        tok = tree.toks[hi + 1]
        if tok.text in CLOSING or "\n" in tree.toks[hi].ws or "\n" in tok.text:
            break
        hi += 1
    return lo, hi


def according_candidates(tree: Tree, lex: Lexicon) -> list[Candidate]:
    """`selon X, …` / `…, according to X`: the rest of the sentence, attributed to X."""
    out: list[Candidate] = []
    starts = {seq[0] for seq in lex.according}
    for k in range(len(tree.toks)):
        if tree.low(k).replace("’", "'") not in starts:
            continue
        s_lo, s_hi = _clause(tree, k)
        toks = list(range(k, s_hi + 1))
        src = according(tree, toks, lex)
        if src is None:
            continue
        span, used = src
        if used < len(toks) and tree.low(toks[used]) in lex.complementizers:
            continue
        before = [t for t in range(s_lo, k) if tree.toks[t].pos != "PUNCT"]
        after = [t for t in toks[used:] if tree.toks[t].pos != "PUNCT"]
        if len(after) >= MIN_CONTENT_TOKENS and len(before) < 2:
            lo, hi = after[0], after[-1]
        elif len(before) >= MIN_CONTENT_TOKENS:
            lo, hi = before[0], before[-1]
        else:
            continue
        while hi < s_hi and _quote(tree, hi + 1):
            hi += 1
        if _holds_report(tree, lo, hi, lex):
            continue  # "according to the ministry, X told staff that …": X is the speaker
        out.append(Candidate(tree.toks[lo].start, tree.toks[hi].end, "indirect", span))
    return out


def _holds_report(tree: Tree, lo: int, hi: int, lex: Lexicon) -> bool:
    """Whether tokens lo … hi hold a report of their own: a cue verb with a named subject and
    a complement clause inside the range (its speaker is the one the source credits)."""
    for v in range(lo, hi + 1):
        tok = tree.toks[v]
        if tok.pos not in ("VERB", "AUX") or not lex.is_cue(tok.lemma):
            continue
        if not any(tree.toks[c].dep in COMPLEMENT for c in tree.kids[v]):
            continue
        subj = tree.subject(v)
        if subj is not None and lo <= subj < v and tree.toks[subj].pos in ("NOUN", "PROPN"):
            return True
    return False


NAME_WORDS = 4  # a capitalised quotation this short is a name (« Bouclier du Nord »), not words


def _is_name(text: str) -> bool:
    words = text.split()
    return bool(words) and text[:1].isupper() and len(words) <= NAME_WORDS


def object_candidates(tree: Tree, lex: Lexicon, marks: list[MarkSpan]) -> list[Candidate]:
    """A cue verb whose object holds quoted words (`X a dénoncé une « provocation »`, `a appelé
    Pékin à « cesser » ses frappes`, `called the move “a provocation”`): the object and what
    follows it in the verb's clause, up to a coordinated verb."""
    out: list[Candidate] = []
    for tok in tree.toks:
        anchors = _multiword(tree, tok.i, lex)
        if anchors is None:
            if tok.pos != "VERB" or not lex.is_cue(tok.lemma):
                continue
            anchors = [tok.i]
        verb = anchors[-1]
        if any(tree.toks[c].dep in COMPLEMENT for a in anchors for c in tree.kids[a]):
            continue  # a que-clause: cue_candidates reads it
        if any(tree.negated(a, lex) for a in anchors):
            continue
        subj = tree.subject(tok.i)
        if subj is None or subj > tok.i:
            continue
        speaker = tree.noun_phrase(subj, lex)
        if _rejected(tree, speaker, lex):
            continue
        lo = verb + 1
        while lo < len(tree.toks) and (
            tree.toks[lo].pos == "ADV" or tree.low(lo) in lex.time_words
        ):
            lo += 1
        hi = lo - 1
        stop = tree.extent(tok.i)[1]
        k = lo
        while k <= stop:
            t = tree.toks[k]
            if t.text in CLOSING or "\n" in t.text:
                break
            if t.head == tok.i and t.dep in ("conj", "cc"):
                break
            hi = k
            if "\n" in t.ws:
                break
            k += 1
        while hi >= lo and tree.toks[hi].pos == "PUNCT" and not _quote(tree, hi):
            hi -= 1
        if hi - lo + 1 < 2:
            continue
        start, end = tree.toks[lo].start, tree.toks[hi].end
        inside = [
            m
            for m in marks
            if m.closed
            and start <= m.open
            and m.close <= end
            and not _is_name(tree.p.text[m.start : m.end].strip())
        ]
        if not inside:
            continue
        cue = (tree.toks[anchors[0]].start, tree.toks[anchors[-1]].end)
        out.append(Candidate(start, end, "indirect", speaker, cue))
    return out
