"""Incises next to a direct quote: « … », a-t-il ajouté / dit-elle / estime le ministre /
“…,” she said / said Smith / – Name (headlines) / according to X / selon X."""

from __future__ import annotations

from dataclasses import dataclass

from veille.nlp.quotes.lexicon import Lexicon
from veille.nlp.quotes.syntax import CLOSING, DASHES, Span, Tree, is_mark

WINDOW = 12


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
        if text in CLOSING or is_mark(text) or "\n" in text:
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
    owner = False
    while n < len(toks):
        tok = tree.toks[toks[n]]
        low = tree.low(toks[n])
        if tok.pos in ("NOUN", "PROPN") or (tok.pos == "PRON" and n == 0):
            keep = head is not None and tok.pos != "PROPN" and not owner
            head = head if keep else toks[n]
            owner = False
            if tok.pos == "PRON":
                n += 1
                break
        elif head is not None and low in ("'s", "’s", "'", "’") and tok.pos == "PART":
            owner = True  # "the council's president": the head is the noun after the owner
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


INVERTED_CLITICS = ("-t", "-t-", "-il", "-elle", "-ils", "-elles", "-on")


def _before_clitic(tree: Tree, toks: list[int], n: int) -> bool:
    """A lower-case word right before an inverted clitic (sourit-elle, interroge-t-il) is a
    verb whatever the tagger said."""
    word = tree.toks[toks[n]].text
    return (
        n + 1 < len(toks)
        and word.isalpha()
        and word.islower()
        and tree.low(toks[n + 1]) in INVERTED_CLITICS
    )


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
        if tok.pos in ("AUX", "VERB") or (main is None and _before_clitic(tree, toks, n)):
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


def skip_pp(tree: Tree, toks: list[int], lex: Lexicon) -> int:
    """How many leading tokens of `toks` form prepositional phrases that are not the subject
    (« à la presse », « devant la foule », « lors d'une conférence de presse à Kiev », "in
    Brussels"): a preposition, its determiners, then one noun group; a determiner or a
    capitalised name after a common noun starts the next noun phrase."""
    k = 0
    while k < len(toks) - 1 and (
        tree.toks[toks[k]].pos == "ADP"
        or (tree.toks[toks[k]].pos == "ADV" and tree.low(toks[k + 1]) in lex.np_preps)
    ):
        j = k + 1
        while j < len(toks) and (
            tree.toks[toks[j]].pos in ("DET", "ADP") or tree.low(toks[j]) in lex.np_preps
        ):
            j += 1
        start = j
        linked = True  # right after a preposition or « de »: a determiner may follow
        while j < len(toks):
            tok = tree.toks[toks[j]]
            low = tree.low(toks[j])
            if low in lex.title_masc | lex.title_fem:
                break
            if tok.pos in ("NOUN", "ADJ", "NUM") or (tok.pos == "PROPN" and linked):
                linked = tok.pos == "PROPN" and linked
            elif low in lex.np_preps or (tok.pos == "DET" and linked) or tok.pos == "ADP":
                if tok.pos == "ADP" and low not in lex.np_preps:
                    break  # a new prepositional phrase: the outer loop takes it
                linked = True
            else:
                break
            j += 1
        while j > start and (
            tree.toks[toks[j - 1]].pos in ("DET", "ADP") or tree.low(toks[j - 1]) in lex.np_preps
        ):
            j -= 1
        if j == start:
            break
        k = j
    return k


def _after_verb(tree: Tree, toks: list[int], lex: Lexicon) -> tuple[Span, int] | None:
    k = 0
    while k < len(toks) - 1:
        if tree.toks[toks[k]].pos == "ADV" or tree.low(toks[k]) in lex.time_words:
            k += 1
            continue
        pp = skip_pp(tree, toks[k:], lex)
        if not pp or k + pp >= len(toks) - 1 or tree.toks[toks[k + pp]].text in (",", "."):
            break
        k += pp
    found = _np(tree, toks[k:], lex)
    if found is None:
        return None
    span, n = found
    return span, k + n


def according(tree: Tree, toks: list[int], lex: Lexicon) -> tuple[Span, int] | None:
    """`selon X` / `according to X` at the start of `toks`: the source and tokens taken."""
    lows = [tree.low(k).replace("’", "'") for k in toks]
    for seq in lex.according:
        if tuple(lows[: len(seq)]) == seq:
            found = _np(tree, toks[len(seq) :], lex)
            if found is None:
                continue
            head = found[0].head
            if tree.toks[head].lemma.casefold() in lex.according_reject:
                found = _owner(tree, toks[len(seq) :], found, lex)
                if found is None:
                    continue
                head = found[0].head
            if tree.low(head) not in lex.first_person:
                used = len(seq) + found[1]
                pp = skip_pp(tree, toks[used:], lex)  # « selon un diplomate en poste à Kiev, »
                if pp and used + pp < len(toks) and tree.toks[toks[used + pp]].text == ",":
                    used += pp
                return found[0], used
    return None


def _owner(
    tree: Tree, toks: list[int], found: tuple[Span, int], lex: Lexicon
) -> tuple[Span, int] | None:
    """`les chiffres de la préfecture` / "figures from the ministry": a rejected head (figures,
    data, report) whose complement names a source; that source, with the tokens taken."""
    span, _ = found
    k = next((n for n, t in enumerate(toks) if t == span.head), None)
    if k is None or k + 1 >= len(toks):
        return None
    k += 1
    if tree.low(toks[k]) not in lex.np_preps:
        return None
    owner = _np(tree, toks[k + 1 :], lex)
    if owner is None or tree.toks[owner[0].head].lemma.casefold() in lex.according_reject:
        return None
    if tree.toks[owner[0].head].pos not in ("NOUN", "PROPN"):
        return None
    return owner[0], k + 1 + owner[1]


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
    return inverted(tree, toks, lex) or _subject_first(tree, toks, lex) or _named_after(tree, toks)


PERSON_ENTS = ("PER", "PERSON")


def _named_after(tree: Tree, toks: list[int]) -> Incise | None:
    """`« … », soupire Marie X, …`: one lower-case word the tagger did not read as a verb,
    then a person's name ending the incise (or followed by its apposition)."""
    n = 1 if toks and tree.low(toks[0]) in ("se", "s'", "s’") else 0
    if n + 1 >= len(toks):
        return None
    word = tree.toks[toks[n]]
    if not (word.text.isalpha() and word.text.islower()) or word.pos in (
        "DET",
        "ADP",
        "PRON",
        "CCONJ",
        "SCONJ",
        "ADV",
        "AUX",
    ):
        return None
    k = n + 1
    while k < len(toks) and tree.toks[toks[k]].ent in PERSON_ENTS:
        k += 1
    if k - n - 1 < 2 or (k < len(toks) and tree.toks[toks[k]].text not in (",", ".")):
        return None
    return Incise(Span(toks[n + 1], toks[k - 1], toks[k - 1]), (word.start, word.end), toks[k - 1])


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
        mistagged = verb.pos != "AUX" and _before_clitic(tree, toks, toks.index(main))
        if not (lex.is_cue(verb.lemma, incise=True) or verb.pos == "VERB" or mistagged):
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
