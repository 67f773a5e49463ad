"""Event coding on realistic French and English sentences (spaCy models, stub actor lookup)."""

from __future__ import annotations

import pytest

from veille.article import Event, Quote
from veille.nlp.events import code_events

from .stub import stub_for

pytestmark = pytest.mark.models
PUBLISHED = "2026-01-14"  # a Wednesday


def code(text: str, language: str, quotes: list[Quote] | None = None) -> list[Event]:
    spacy = pytest.importorskip("spacy")
    del spacy
    from veille.nlp.models import load_model
    from veille.nlp.parse import to_parsed

    try:
        nlp = load_model(language)
    except Exception as exc:  # model not installed
        pytest.skip(str(exc))
    parsed = to_parsed(nlp(text), language)
    return code_events(parsed, stub_for(text), quotes or [], PUBLISHED, language)


def one(events: list[Event], kind: str) -> Event:
    found = [e for e in events if e.type == kind]
    assert found, f"no {kind} in {[(e.type, e.actor) for e in events]}"
    return found[0]


def test_nato_ministers_meeting_fr() -> None:
    e = one(code("Les ministres de l'OTAN se sont rencontrés mardi à Bruxelles.", "fr"), "CONSULT")
    assert e.actor == ["org:NATO"] and e.recipient == []
    assert e.date == "2026-01-13" and e.location == "Bruxelles" and e.cameo == "04"


def test_reciprocal_meeting_with_people_fr() -> None:
    e = one(code("Emmanuel Macron rencontrera lundi Olaf Scholz à Berlin.", "fr"), "CONSULT")
    assert set(e.actor) == {"country:FRA", "country:DEU"} and e.recipient == []
    assert e.future and e.date == "2026-01-19"


def test_moscou_accuse_washington() -> None:
    e = one(code("Moscou a accusé mardi Washington de soutenir les séparatistes.", "fr"), "ACCUSE")
    assert (e.mode, e.actor, e.recipient) == ("allege", ["country:RUS"], ["country:USA"])
    assert e.date == "2026-01-13" and not e.negated


def test_coordinated_subjects_fr() -> None:
    e = one(code("Paris et Berlin ont signé un accord sur l'énergie.", "fr"), "AGREE")
    assert set(e.actor) == {"country:FRA", "country:DEU"}


def test_troops_massed_en() -> None:
    e = one(code("Russia has massed troops near the border with Ukraine.", "en"), "MOBILIZE")
    assert (e.mode, e.actor, e.negated) == ("troops", ["country:RUS"], False)


def test_not_stopped_massing_is_ongoing() -> None:
    e = one(code("Moscow has not stopped massing troops on our eastern flank.", "en"), "MOBILIZE")
    assert not e.negated and e.actor == ["country:RUS"]


def test_not_withdrawn_fr() -> None:
    e = one(code("La Russie n'a pas retiré ses troupes de la frontière.", "fr"), "RETREAT")
    assert e.negated and e.mode == "withdraw"


def test_did_not_sign_en() -> None:
    e = one(code("Russia did not sign the agreement.", "en"), "AGREE")
    assert e.negated


def test_hypothetical_fr() -> None:
    text = "L'Union européenne pourrait imposer de nouvelles sanctions contre la Russie."
    e = one(code(text, "fr"), "SANCTION")
    assert e.hypothetical and not e.future and e.recipient == ["country:RUS"]


def test_historical_fr() -> None:
    e = one(code("En 2014, la Russie a envahi l'Ukraine.", "fr"), "ASSAULT")
    assert e.historical and e.recipient == ["country:UKR"]


def test_ambassador_summoned_en() -> None:
    text = "Lithuania summoned Belarus's chargé d'affaires on Wednesday."
    e = one(code(text, "en"), "ACCUSE")
    assert (e.mode, e.actor, e.recipient) == ("disapprove", ["country:LTU"], ["country:BLR"])
    assert e.date == "2026-01-14"


def test_joint_exercise_en() -> None:
    text = "Estonian and Finnish forces will hold a joint naval exercise next week."
    e = one(code(text, "en"), "COOPERATE")
    assert e.actor == ["country:EST"] and e.recipient == ["country:FIN"] and e.future


def test_announced_withdrawal_is_concede_fr() -> None:
    events = code("Moscou a annoncé qu'elle retirerait ses troupes de la région.", "fr")
    e = one(events, "CONCEDE")
    assert e.actor == ["country:RUS"] and not any(x.type == "RETREAT" for x in events)


def test_requested_act_is_not_coded_en() -> None:
    events = code("The Kremlin rejected a NATO demand to pull the units back.", "en")
    assert one(events, "REJECT").mode == "yield"
    assert not any(e.type == "RETREAT" for e in events)


def test_statement_in_quote_speaker_is_actor_en() -> None:
    text = '"We will send food aid to Sudan next week," said the Kenyan president.'
    start = 1
    end = text.index(',"')
    q = Quote(text[start:end], start, end, speaker="person:kenyan-president")
    e = one(code(text, "en", [q]), "AID")
    assert e.actor == ["country:KEN"] and e.recipient == ["country:SDN"]
    assert e.quote == 0 and e.future
