"""Each phenomenon on realistic sentences, parsed with the real models."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.nlp.quotes.helpers import StubLookup
from veille.article import Quote
from veille.nlp.parsed import Parsed
from veille.nlp.quotes import find_quotes

pytestmark = pytest.mark.models

PEOPLE = {
    "Jean Dupont": "person:jean-dupont",
    "Dupont": "person:jean-dupont",
    "Claire Martin": "person:claire-martin",
    "Martin": "person:claire-martin",
    "Jens Stoltenberg": "person:jens-stoltenberg",
    "Stoltenberg": "person:jens-stoltenberg",
    "Anna Berg": "person:anna-berg",
    "Berg": "person:anna-berg",
    "John Smith": "person:john-smith",
    "Smith": "person:john-smith",
    "l'OTAN": "org:NATO",
    "NATO": "org:NATO",
}


def quotes(parse: Callable[[str, str], Parsed], text: str, language: str) -> list[Quote]:
    parsed = parse(text, language)
    found = find_quotes(parsed, StubLookup(text, PEOPLE), language)
    for q in found:
        assert text[q.start : q.end] == q.text
        if q.speaker_start is not None:
            assert text[q.speaker_start : q.speaker_end] == q.speaker_text
        if q.cue_start is not None:
            assert text[q.cue_start : q.cue_end] == q.cue
    return found


def one(found: list[Quote], fragment: str) -> Quote:
    hits = [q for q in found if fragment in q.text]
    assert len(hits) == 1, [q.text for q in found]
    return hits[0]


@pytest.mark.parametrize(
    ("text", "fragment", "speaker", "speaker_text"),
    [
        (
            "« Nous ne céderons pas », a déclaré Jean Dupont.",
            "céderons",
            "person:jean-dupont",
            "Jean Dupont",
        ),
        (
            "Jean Dupont est arrivé. « Nous ne céderons pas », a-t-il ajouté.",
            "céderons",
            "person:jean-dupont",
            "il",
        ),
        (
            "Mme Claire Martin a parlé. «\u202fC'est une victoire\u202f», se réjouit-elle.",
            "victoire",
            "person:claire-martin",
            "elle",
        ),
        (
            "« C'est une victoire », se réjouit Claire Martin.",
            "victoire",
            "person:claire-martin",
            "Claire Martin",
        ),
        (
            "Jean Dupont a déclaré : « Nous resterons jusqu'au bout. »",
            "jusqu'au bout",
            "person:jean-dupont",
            "Jean Dupont",
        ),
        (
            "Selon Jens Stoltenberg, « l'Alliance est prête ».",
            "Alliance est prête",
            "person:jens-stoltenberg",
            "Jens Stoltenberg",
        ),
    ],
)
def test_french_direct(parse, text, fragment, speaker, speaker_text) -> None:
    q = one(quotes(parse, text, "fr"), fragment)
    assert (q.kind, q.speaker, q.speaker_text) == ("direct", speaker, speaker_text)


def test_french_quote_split_by_its_incise_has_one_speaker(parse) -> None:
    text = "« Nous ne céderons pas, a déclaré Jean Dupont. La Russie doit partir. »"
    found = quotes(parse, text, "fr")
    assert [q.text for q in found] == ["Nous ne céderons pas", "La Russie doit partir."]
    assert {q.speaker for q in found} == {"person:jean-dupont"}


def test_floating_paragraph_inherits_the_last_named_speaker(parse) -> None:
    text = (
        "« Le front tient », a affirmé Claire Martin.\n"
        "« Nous avons reçu les munitions promises et nous tiendrons encore longtemps. »"
    )
    q = one(quotes(parse, text, "fr"), "munitions")
    assert (q.speaker, q.speaker_text) == ("person:claire-martin", None)


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        (
            "Jean Dupont a affirmé que la Russie avait violé l'accord.",
            "la Russie avait violé",
            "person:jean-dupont",
        ),
        (
            "Claire Martin a fait valoir que les sanctions fonctionnaient déjà.",
            "les sanctions fonctionnaient",
            "person:claire-martin",
        ),
        (
            "Selon Jens Stoltenberg, l'Alliance enverra des renforts en Estonie.",
            "l'Alliance enverra",
            "person:jens-stoltenberg",
        ),
        (
            "Les forces estoniennes tiendront un exercice naval, a indiqué Claire Martin.",
            "exercice naval",
            "person:claire-martin",
        ),
    ],
)
def test_french_indirect(parse, text, fragment, speaker) -> None:
    q = one(quotes(parse, text, "fr"), fragment)
    assert (q.kind, q.speaker) == ("indirect", speaker)
    assert not q.text.startswith(("que ", "qu'"))


@pytest.mark.parametrize(
    "text",
    [
        "Jean Dupont n'a pas dit que la Russie avait violé l'accord.",
        "Je pense que la Russie a violé l'accord.",
        "On dit que la Russie a violé l'accord.",
        "Il faut que la Russie respecte l'accord.",
        "Selon moi, la Russie a violé l'accord.",
        "Selon la loi, la Russie doit quitter le territoire.",
    ],
)
def test_french_rejections(parse, text) -> None:
    assert quotes(parse, text, "fr") == []


def test_selon_lui_is_carried_over(parse) -> None:
    text = "M. Jean Dupont est arrivé à Kiev mardi. Selon lui, la Russie prépare une offensive."
    q = one(quotes(parse, text, "fr"), "offensive")
    assert (q.speaker, q.speaker_text) == ("person:jean-dupont", "lui")


def test_french_mixed(parse) -> None:
    text = "Jean Dupont a estimé que Moscou menait « une guerre d'usure » contre l'Europe."
    q = one(quotes(parse, text, "fr"), "guerre d'usure")
    assert (q.kind, q.speaker) == ("mixed", "person:jean-dupont")
    assert q.text.startswith("Moscou")


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        ("“We will not back down,” said John Smith.", "back down", "person:john-smith"),
        ("“We will not back down,” Smith said on Tuesday.", "back down", "person:john-smith"),
        ("Anna Berg spoke first. “We are ready,” she said.", "ready", "person:anna-berg"),
        (
            "According to Anna Berg, the talks failed because Moscow walked out.",
            "talks failed",
            "person:anna-berg",
        ),
        (
            "NATO said the alliance would send extra jets to the Baltic states.",
            "extra jets",
            "org:NATO",
        ),
        (
            "Extra jets will reach the Baltic states next week, Anna Berg said.",
            "Extra jets",
            "person:anna-berg",
        ),
    ],
)
def test_english(parse, text, fragment, speaker) -> None:
    q = one(quotes(parse, text, "en"), fragment)
    assert q.speaker == speaker


def test_english_headline_quote(parse) -> None:
    text = "“We are not afraid of anyone” – Anna Berg\nThe minister spoke in Riga on Monday."
    q = one(quotes(parse, text, "en"), "afraid")
    assert q.speaker == "person:anna-berg"


def test_english_mixed_and_negation(parse) -> None:
    text = (
        "John Smith said the sanctions were “illegal and hypocritical” and would fail.\n"
        "Anna Berg did not say that the alliance would send troops."
    )
    found = quotes(parse, text, "en")
    assert [q.kind for q in found] == ["mixed"]
    assert found[0].speaker == "person:john-smith"


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        (  # a name in the apposition after a description, past the end of the noun phrase
            "« Nous tiendrons nos engagements », a déclaré la porte-parole du gouvernement "
            "au Parlement, Claire Martin, à Lyon.",
            "engagements",
            "person:claire-martin",
        ),
        (  # a prepositional phrase between the inverted verb and its subject
            "« Le dialogue reste ouvert », a déclaré à la presse Jean Dupont.",
            "dialogue",
            "person:jean-dupont",
        ),
        (  # a verb the tagger may misread, known by its inverted clitic
            "Mme Claire Martin a visité le port. « Tout ira bien », sourit-elle.",
            "Tout ira",
            "person:claire-martin",
        ),
        (  # d’après with a typographic apostrophe
            "D’après Jean Dupont, la réunion sera reportée à la semaine prochaine.",
            "réunion",
            "person:jean-dupont",
        ),
    ],
)
def test_french_speaker_rules(parse, text, fragment, speaker) -> None:
    q = one(quotes(parse, text, "fr"), fragment)
    assert q.speaker == speaker


def test_french_split_quote_after_a_prepositional_phrase(parse) -> None:
    text = (
        "« Nous restons prêts à discuter, a déclaré M. Dupont lors d'une réunion à Genève. "
        "Mais rien n'est encore acquis. »"
    )
    found = quotes(parse, text, "fr")
    assert [q.speaker for q in found] == ["person:jean-dupont"] * 2
    assert found[1].text.startswith("Mais rien")


def test_french_quoted_object_of_a_cue_is_mixed(parse) -> None:
    text = "Jean Dupont a dénoncé une « provocation grave » de la part de ses voisins."
    q = one(quotes(parse, text, "fr"), "provocation")
    assert (q.kind, q.speaker) == ("mixed", "person:jean-dupont")
    assert q.text.startswith("une «")
    named = "Claire Martin a lancé mardi l'opération « Aube Rouge » dans le nord."
    assert quotes(parse, named, "fr") == []  # a capitalised name in quotes is not speech


def test_french_according_to_a_source_behind_figures_and_after_a_colon(parse) -> None:
    text = "Plus de 300 personnes ont été évacuées, selon les chiffres de la police."
    q = one(quotes(parse, text, "fr"), "évacuées")
    assert q.speaker_text == "la police"
    text = "La Commission reste prudente : selon Jean Dupont, la décision sera prise lundi."
    q = one(quotes(parse, text, "fr"), "décision")
    assert q.speaker == "person:jean-dupont"
    assert q.text.startswith("la décision")


def test_unnamed_sources_have_no_speaker(parse) -> None:
    text = "Selon un diplomate occidental en poste à Vilnius, la réunion sera reportée."
    q = one(quotes(parse, text, "fr"), "réunion")
    assert q.speaker is None
    assert q.text.startswith("la réunion")
    text = "Two NATO diplomats said the meeting would be postponed until March."
    q = one(quotes(parse, text, "en"), "postponed")
    assert q.speaker == "org:NATO"  # officials of a named organisation speak for it


def test_english_possessive_description_and_impersonal_passive(parse) -> None:
    text = "“We will respond in kind,” said the union’s president, John Smith."
    q = one(quotes(parse, text, "en"), "respond")
    assert q.speaker == "person:john-smith"
    assert quotes(parse, "It is said that the talks failed after midnight.", "en") == []
