"""Rules without a model: hand-built `Parsed`, the lexicon, odd input never crashing."""

from __future__ import annotations

import random

from tests.nlp.quotes.helpers import StubLookup, flat_parsed
from veille.nlp.parsed import Parsed, Tok
from veille.nlp.quotes import find_quotes, load_lexicon


def test_lexicons_are_data() -> None:
    fr, en = load_lexicon("fr"), load_lexicon("en")
    assert {"dire", "déclarer", "réjouir"} <= fr.verbs
    assert ("faire", "valoir") in fr.multiword and ("mettre", "en", "garde") in fr.multiword
    assert ("selon",) in fr.according and "loi" in fr.according_reject
    assert ("according", "to") in en.according and "say" in en.verbs
    assert load_lexicon("xx").language == "en"


def _tok(i: int, text: str, start: int, lemma: str, pos: str, dep: str, head: int) -> Tok:
    return Tok(i, text, lemma, pos, dep, head, start, start + len(text), 0)


def incise_parsed() -> Parsed:
    """« Nous partirons demain », a déclaré Dupont. — tokens and tree by hand."""
    text = "« Nous partirons demain », a déclaré Dupont."
    words = [
        ("«", "«", "PUNCT", "punct", 2),
        ("Nous", "nous", "PRON", "nsubj", 2),
        ("partirons", "partir", "VERB", "ROOT", 2),
        ("demain", "demain", "ADV", "advmod", 2),
        ("»", "»", "PUNCT", "punct", 2),
        (",", ",", "PUNCT", "punct", 7),
        ("a", "avoir", "AUX", "aux:tense", 7),
        ("déclaré", "déclarer", "VERB", "parataxis", 2),
        ("Dupont", "Dupont", "PROPN", "nsubj", 7),
        (".", ".", "PUNCT", "punct", 2),
    ]
    toks, pos = [], 0
    for i, (word, lemma, upos, dep, head) in enumerate(words):
        pos = text.index(word, pos)
        toks.append(_tok(i, word, pos, lemma, upos, dep, head))
        pos += len(word)
    return Parsed(text, "fr", toks, [(0, len(toks))], [])


def test_inverted_incise_on_a_hand_built_parse() -> None:
    parsed = incise_parsed()
    lookup = StubLookup(parsed.text, {"Dupont": "person:jean-dupont"})
    [quote] = find_quotes(parsed, lookup, "fr")
    assert quote.text == "Nous partirons demain"
    assert parsed.text[quote.start : quote.end] == quote.text
    assert (quote.kind, quote.speaker, quote.speaker_text, quote.cue) == (
        "direct",
        "person:jean-dupont",
        "Dupont",
        "a déclaré",
    )


def test_empty_and_markless_texts() -> None:
    lookup = StubLookup("", {})
    assert find_quotes(Parsed("", "fr"), lookup, "fr") == []
    assert find_quotes(flat_parsed("Rien à signaler ici."), lookup, "fr") == []


ODD = [
    "« « « »",
    "»» «« “ ” ” “",
    '"""" "a" "',
    "« jamais fermé, dit-il, et ça continue\nautre paragraphe » fin",
    "‘‘’’ it’s the ‘end",
    "« », dit-elle.",
    "„ “ ‹ › ‚ ‘",
    "—« A »—",
]


def test_odd_marks_never_crash_and_stay_in_their_paragraph() -> None:
    rng = random.Random(3)
    pieces = [*ODD, "Il a dit que", "selon lui", "a-t-il ajouté", "said", ".", "\n", " "]
    cases = ODD + [
        "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(300)
    ]
    for text in cases:
        parsed = flat_parsed(text)
        for quote in find_quotes(parsed, StubLookup(text, {}), "fr"):
            assert 0 <= quote.start <= quote.end <= len(text)
            assert "\n" not in quote.text
            assert quote.speaker is None or ":" in quote.speaker
