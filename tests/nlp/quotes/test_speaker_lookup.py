"""Speakers through the real actor lookup (gazetteer, people, roles) on invented sentences:
the lookup rules added for speaker accuracy, each on its own phenomenon (marked `models`)."""

from __future__ import annotations

import pytest

from tests.nlp.quotes.helpers import Parse, speaker

pytestmark = pytest.mark.models


def test_a_name_described_by_its_apposition_is_a_person(parse: Parse) -> None:
    text = (
        "Aid convoys were stopped near the border on Monday. “Our drivers were unarmed,” said "
        "Tomas Wennberg, the agency's country director for Chad."
    )
    assert speaker(parse, text, "en", "unarmed") == "person:tomas-wennberg"


def test_a_name_after_a_role_word_is_a_person(parse: Parse) -> None:
    text = "In Minsk, foreign ministry spokesman Oleg Varenko said the talks had failed."
    assert speaker(parse, text, "en", "talks had failed") == "person:oleg-varenko"


def test_a_name_ending_a_longer_name_is_that_person(parse: Parse) -> None:
    text = (
        "Mauritanian interior minister Ahmed Ould Tayeb met his counterpart in Madrid. "
        "Mr Ould Tayeb said the patrols would start in June."
    )
    assert speaker(parse, text, "en", "patrols") == "person:ahmed-ould-tayeb"


def test_a_name_after_an_organisation_word_is_an_organisation(parse: Parse) -> None:
    text = "According to the monitoring group Clean Vote Armenia, turnout was very low."
    assert speaker(parse, text, "en", "turnout") == "org:clean-vote-armenia"


def test_an_organisation_with_an_acronym_and_its_generic_name(parse: Parse) -> None:
    text = (
        "The Danish Council for Migrant Rights (DCMR) criticised the plan on Tuesday. "
        "The council said that detention centres were overcrowded."
    )
    assert speaker(parse, text, "en", "overcrowded") == "org:dcmr"


def test_a_national_bank_is_its_state(parse: Parse) -> None:
    text = (
        "Card payments failed across Kyrgyzstan on Sunday. The National Bank said it would "
        "audit every payment processor."
    )
    assert speaker(parse, text, "en", "audit") == "country:KGZ"


def test_an_official_of_a_named_country_speaks_for_it(parse: Parse) -> None:
    text = "A Nigerian official said the government would not negotiate with the strikers."
    assert speaker(parse, text, "en", "negotiate") == "country:NGA"
    text = "A senior official said the talks had stalled over the weekend."
    assert speaker(parse, text, "en", "stalled") is None


def test_french_ngo_anaphor_takes_the_last_ngo(parse: Parse) -> None:
    text = (
        "À Goma, les équipes de Médecins sans frontières décrivent une situation grave. "
        "D'après l'ONG, les stocks de médicaments sont épuisés depuis mars."
    )
    assert speaker(parse, text, "fr", "stocks") == "org:msf"


def test_french_role_with_adjectives_before_a_name(parse: Parse) -> None:
    text = (
        "Le Parlement européen doit encore voter. L'eurodéputée écologiste danoise Signe "
        "Thorsen a annoncé qu'elle voterait contre le texte."
    )
    assert speaker(parse, text, "fr", "voterait") == "person:signe-thorsen"


def test_french_cue_alerter(parse: Parse) -> None:
    text = (
        "« Chaque jour compte pour ces familles », a alerté la représentante de l'agence au "
        "Niger, Ingrid Solvang."
    )
    assert speaker(parse, text, "fr", "Chaque jour") == "person:ingrid-solvang"
