"""Event-coder rules without any model: validation, CAMEO, lexicons, modality, dates."""

from __future__ import annotations

from datetime import date

import pytest

from veille.article import Actor, Event, Evidence
from veille.nlp.events import cameo_root, code_events, plover_from_cameo, validate
from veille.nlp.events.dates import resolve_date, weekday_date
from veille.nlp.events.lexicon import load_lexicon, parse_lexicon
from veille.nlp.events.modality import modality
from veille.nlp.events.schema import MODES, OLD_NAMES, TYPES
from veille.nlp.events.syntax import Graph
from veille.nlp.parsed import Parsed, Tok

EV = Evidence(0, 5, "Texte")


def test_validation_drops_or_fixes() -> None:
    assert validate(Event("BOGUS", EV, actor=["country:FRA"])) is None
    assert validate(Event("AGREE", EV, actor=[])) is None
    assert validate(Event("SANCTION", EV, actor=["org:EU"])) is None  # recipient required
    fixed = validate(Event("CONSULT", EV, mode="allege", actor=["a", "a", "b"], recipient=["b"]))
    assert fixed is not None and fixed.mode is None and fixed.actor == ["a", "b"]
    assert fixed.recipient == [] and fixed.cameo == "04"
    bad = validate(Event("ACCUSE", EV, actor=["x"], cameo="999", contexts=["military", "oops"]))
    assert bad is not None and bad.cameo == "11" and bad.contexts == ["military"]


def test_cameo_mapping() -> None:
    assert cameo_root("CONSULT") == "04"
    assert cameo_root("ACCUSE", "investigate") == "09"
    assert cameo_root("ASSAULT", "firearms") == "19"
    assert plover_from_cameo("042") == "CONSULT"
    assert plover_from_cameo("0874") == "RETREAT"
    assert plover_from_cameo("081") == "CONCEDE"
    assert plover_from_cameo("163") == "COERCE"
    assert plover_from_cameo("112") == "ACCUSE"
    assert plover_from_cameo("02") is None and plover_from_cameo("x1") is None
    assert all(cameo_root(t) for t in TYPES)
    assert {v[0] for v in OLD_NAMES.values()} <= TYPES


@pytest.mark.parametrize("language", ["fr", "en"])
def test_lexicons_are_valid(language: str) -> None:
    lex = load_lexicon(language)
    assert len(lex.verbs) > 80 and len(lex.nouns) > 15
    for senses in [*lex.verbs.values(), *lex.nouns.values()]:
        for s in senses:
            assert s.type in TYPES and (s.mode is None or s.mode in MODES[s.type])


def test_lexicon_rejects_bad_data() -> None:
    with pytest.raises(ValueError):
        parse_lexicon("xx", {"verbs": {"frob": {"type": "FROB"}}})
    with pytest.raises(ValueError):
        parse_lexicon("xx", {"verbs": {"meet": {"type": "CONSULT", "preps": [True]}}})
    with pytest.raises(ValueError):
        parse_lexicon("xx", {"contexts": {"nonsense": ["x"]}})


def _parsed(rows: list[tuple[str, str, str, str, int, str]], language: str) -> Parsed:
    """Hand-built sentence: (text, lemma, pos, dep, head, morph) per token."""
    toks, pos = [], 0
    text = ""
    for i, (word, lemma, upos, dep, head, morph) in enumerate(rows):
        toks.append(Tok(i, word, lemma, upos, dep, head, pos, pos + len(word), 0, morph))
        text += word + " "
        pos += len(word) + 1
    return Parsed(text.rstrip(), language, toks, [(0, len(toks))], [])


NOT_WITHDRAWN = [  # La Russie n' a pas retiré ses troupes
    ("La", "le", "DET", "det", 1, ""),
    ("Russie", "Russie", "PROPN", "nsubj", 5, ""),
    ("n'", "ne", "ADV", "advmod", 5, "Polarity=Neg"),
    ("a", "avoir", "AUX", "aux:tense", 5, "Tense=Pres"),
    ("pas", "pas", "ADV", "advmod", 5, "Polarity=Neg"),
    ("retiré", "retirer", "VERB", "ROOT", 5, "Tense=Past|VerbForm=Part"),
    ("ses", "son", "DET", "det", 7, ""),
    ("troupes", "troupe", "NOUN", "obj", 5, ""),
]

NOT_STOPPED = [  # Moscow has not stopped massing troops
    ("Moscow", "Moscow", "PROPN", "nsubj", 3, ""),
    ("has", "have", "AUX", "aux", 3, ""),
    ("not", "not", "PART", "neg", 3, ""),
    ("stopped", "stop", "VERB", "ROOT", 3, "Tense=Past"),
    ("massing", "mass", "VERB", "xcomp", 3, ""),
    ("troops", "troop", "NOUN", "dobj", 4, ""),
]

WILL_MEET = [  # Le ministre rencontrera lundi son homologue
    ("Le", "le", "DET", "det", 1, ""),
    ("ministre", "ministre", "NOUN", "nsubj", 2, ""),
    ("rencontrera", "rencontrer", "VERB", "ROOT", 2, "Mood=Ind|Tense=Fut|VerbForm=Fin"),
    ("lundi", "lundi", "NOUN", "obl:mod", 2, ""),
    ("son", "son", "DET", "det", 5, ""),
    ("homologue", "homologue", "NOUN", "obj", 2, ""),
]

COULD = [  # La France pourrait suspendre son aide
    ("La", "le", "DET", "det", 1, ""),
    ("France", "France", "PROPN", "nsubj", 2, ""),
    ("pourrait", "pouvoir", "VERB", "ROOT", 2, "Mood=Cnd|Tense=Pres"),
    ("suspendre", "suspendre", "VERB", "xcomp", 2, "VerbForm=Inf"),
    ("son", "son", "DET", "det", 5, ""),
    ("aide", "aide", "NOUN", "obj", 3, ""),
]


def test_modality_on_hand_built_parses() -> None:
    fr, en = load_lexicon("fr"), load_lexicon("en")
    g = Graph(_parsed(NOT_WITHDRAWN, "fr"))
    assert modality(g, g.toks[5], fr).negated
    g = Graph(_parsed(NOT_STOPPED, "en"))
    m = modality(g, g.toks[4], en)
    assert not m.negated and not m.suppressed  # an ongoing build-up
    g = Graph(_parsed(WILL_MEET, "fr"))
    assert modality(g, g.toks[2], fr).future
    g = Graph(_parsed(COULD, "fr"))
    m = modality(g, g.toks[3], fr)
    assert m.hypothetical and not m.future


class _Lookup:
    def __init__(self, ids: dict[int, str]) -> None:
        self.ids = ids

    def actor(self, actor_id: str) -> Actor:
        return Actor(actor_id, actor_id, "country", country=actor_id[-3:], sector="GOV")

    def actor_at(self, start: int, end: int) -> str | None:
        return next((v for k, v in self.ids.items() if start <= k < end), None)

    def resolve_phrase(self, start: int, end: int) -> str | None:
        return self.actor_at(start, end)


def test_code_events_on_hand_built_parse() -> None:
    parsed = _parsed(NOT_WITHDRAWN, "fr")
    lookup = _Lookup({parsed.tokens[1].start: "country:RUS"})
    events = code_events(parsed, lookup, [], "2026-03-14", "fr")
    assert [(e.type, e.mode, e.actor, e.negated, e.cameo) for e in events] == [
        ("RETREAT", "withdraw", ["country:RUS"], True, "08")
    ]
    assert events[0].evidence.text == parsed.text
    assert code_events(parsed, lookup, [], None, "xx") == []


def test_weekday_direction() -> None:
    wed = date(2026, 1, 14)  # a Wednesday
    assert weekday_date(wed, 1, "past") == date(2026, 1, 13)  # Tuesday before
    assert weekday_date(wed, 2, "past") == wed  # "on Wednesday" in a Wednesday paper
    assert weekday_date(wed, 4, "future") == date(2026, 1, 16)  # Friday ahead
    assert weekday_date(wed, 0, "future") == date(2026, 1, 19)


def test_resolve_date_words() -> None:
    fr = load_lexicon("fr")
    g = Graph(_parsed(WILL_MEET, "fr"))
    base = date(2026, 1, 14)
    assert resolve_date(g.toks, g.toks, base, fr, "future") == date(2026, 1, 19)
    hier = _parsed([("hier", "hier", "ADV", "advmod", 0, "")], "fr")
    assert resolve_date(hier.tokens, hier.tokens, base, fr, "past") == date(2026, 1, 13)
    jan = _parsed(
        [
            ("le", "le", "DET", "det", 1, ""),
            ("7", "7", "NUM", "nummod", 2, ""),
            ("janvier", "janvier", "NOUN", "obl", 2, ""),
        ],
        "fr",
    )
    assert resolve_date(jan.tokens, jan.tokens, base, fr, "past") == date(2026, 1, 7)
    assert resolve_date(jan.tokens, jan.tokens, None, fr, "past") is None
