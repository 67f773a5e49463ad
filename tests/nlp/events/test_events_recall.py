"""Recall patterns: mediation, patient nouns, organisers, announced threats, office holders
(spaCy models, stub actor lookup; sentences invented for the tests)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import pytest

from veille.article import Actor, Event, Quote
from veille.nlp.events import code_events

from .stub import COMMON, PEOPLE, StubLookup

pytestmark = pytest.mark.models
PUBLISHED = "2026-01-14"

SURFACES = {
    **COMMON,
    "Tchad": "country:TCD",
    "Niger": "country:NER",
    "Maroc": "country:MAR",
    "Roumanie": "country:ROU",
    "russes": "country:RUS",
    "Asaja": "org:asaja",
    "Mercosur": "org:mercosur",
    "Fenprof": "org:fenprof",
    "Shabab": "org:shabab",
    "Anna Novak": "person:anna-novak",
    "Spain": "country:ESP",
    "Portugal": "country:PRT",
    "Japon": "country:JPN",
    "Chine": "country:CHN",
    "Géorgie": "country:GEO",
    "Erik Lund": "person:erik-lund",
    "Serbie": "country:SRB",
    "ministre serbe": "person:serbian-minister",
    "Lithuanian minister": "person:lithuanian-minister",
}
ACTORS = [
    *PEOPLE,
    Actor("person:anna-novak", "Anna Novak", "person"),
    Actor("person:erik-lund", "Erik Lund", "person", sector="IGO"),
    Actor("person:serbian-minister", "Ana Ilić", "person", country="SRB", sector="GOV"),
    Actor("person:lithuanian-minister", "Rasa Kalnė", "person", country="LTU", sector="GOV"),
]


@dataclass
class _Role:
    org: str | None = None
    country: str | None = None
    sector: str | None = None


class RoleStub(StubLookup):
    """The stub plus the actor step's `roles` (person id → offices held)."""

    roles: ClassVar[dict[str, list[_Role]]] = {
        "person:erik-lund": [_Role(org="org:NATO", sector="IGO")]
    }


def code(text: str, language: str, quotes: list[Quote] | None = None) -> list[Event]:
    pytest.importorskip("spacy")
    from veille.nlp.models import load_model
    from veille.nlp.parse import to_parsed

    try:
        nlp = load_model(language)
    except Exception as exc:  # model not installed
        pytest.skip(str(exc))
    parsed = to_parsed(nlp(text), language)
    lookup = RoleStub(text, SURFACES, ACTORS)
    return code_events(parsed, lookup, quotes or [], PUBLISHED, language)


def of(events: list[Event], kind: str) -> list[Event]:
    return [e for e in events if e.type == kind]


def quoted(text: str, words: str, speaker: str) -> Quote:
    start = text.index(words)
    return Quote(words, start, start + len(words), speaker=speaker)


def test_mediator_under_aegis_fr() -> None:
    events = code("Le Tchad et le Niger ont signé mardi un accord sous l'égide du Maroc.", "fr")
    (e,) = of(events, "CONSULT")
    assert e.mode == "third-party" and e.actor == ["country:MAR"]
    assert set(e.recipient) == {"country:TCD", "country:NER"}


def test_patient_noun_expulsion_fr() -> None:
    events = code("La Roumanie a annoncé l'expulsion de deux diplomates russes.", "fr")
    (e,) = of(events, "SANCTION")
    assert (e.mode, e.actor, e.recipient) == ("expel", ["country:ROU"], ["country:RUS"])


def test_organiser_of_march_and_its_target_fr() -> None:
    text = (
        "Des milliers d'agriculteurs ont défilé jeudi à Madrid à l'appel de l'Asaja "
        "pour protester contre le Mercosur."
    )
    events = code(text, "fr")
    (e,) = of(events, "PROTEST")
    assert e.actor == ["org:asaja"] and e.recipient == ["org:mercosur"]
    assert not of(events, "REQUEST") and not of(events, "ACCUSE")


def test_organiser_of_march_en() -> None:
    events = code("Thousands of teachers marched in Lisbon at the call of Fenprof.", "en")
    (e,) = of(events, "PROTEST")
    assert e.actor == ["org:fenprof"] and not of(events, "REQUEST")


def test_released_person_is_recipient_en() -> None:
    (e,) = of(code("The Shabab released Anna Novak on Monday.", "en"), "RETREAT")
    assert e.actor == ["org:shabab"] and e.recipient == ["person:anna-novak"]


def test_solidarity_needs_its_light_verb_en() -> None:
    (e,) = of(code("Spain expressed solidarity with Portugal.", "en"), "SUPPORT")
    assert e.actor == ["country:ESP"] and e.recipient == ["country:PRT"]
    assert not of(code("Solidarity with Portugal grew in Spain.", "en"), "SUPPORT")


def test_mettre_en_garde_is_a_threat_fr() -> None:
    (e,) = of(code("Le Japon a mis en garde la Chine contre toute escalade.", "fr"), "THREATEN")
    assert e.actor == ["country:JPN"]


def test_announced_retaliation_is_threat_now_fr() -> None:
    text = "« Nous riposterons avec fermeté », a déclaré le ministre serbe."
    q = quoted(text, "Nous riposterons avec fermeté", "person:serbian-minister")
    (e,) = of(code(text, "fr", [q]), "THREATEN")
    assert e.actor == ["country:SRB"] and not e.future and e.quote == 0


def test_past_retaliation_is_not_a_threat_en() -> None:
    assert not of(code("Russia retaliated on Monday.", "en"), "THREATEN")


def test_threat_under_warning_counted_once_en() -> None:
    assert len(of(code("Russia warned that it would retaliate.", "en"), "THREATEN")) == 1


def test_speaker_announcing_sanctions_threatens_en() -> None:
    text = '"We will impose sanctions on Belarus," said the Lithuanian minister.'
    q = quoted(text, "We will impose sanctions on Belarus", "person:lithuanian-minister")
    events = code(text, "en", [q])
    sanction, threat = of(events, "SANCTION")[0], of(events, "THREATEN")[0]
    assert sanction.future and sanction.recipient == ["country:BLR"]
    assert threat.actor == ["country:LTU"] and threat.recipient == ["country:BLR"]
    assert not threat.future and threat.mode == "restrict"


def test_considering_an_act_is_no_threat_en() -> None:
    text = '"We are considering sanctions on Belarus," said the Lithuanian minister.'
    q = quoted(text, "We are considering sanctions on Belarus", "person:lithuanian-minister")
    assert not of(code(text, "en", [q]), "THREATEN")


def test_office_holder_stands_for_the_organisation_en() -> None:
    (e,) = of(code("Erik Lund welcomed the decision on Tuesday.", "en"), "SUPPORT")
    assert e.actor == ["org:NATO"]


def test_agentless_passive_reported_by_state_fr() -> None:
    text = "La Géorgie a indiqué que trente manifestants avaient été interpellés."
    (e,) = of(code(text, "fr"), "COERCE")
    assert e.mode == "arrest" and e.actor == ["country:GEO"]
