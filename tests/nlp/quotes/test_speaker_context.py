"""Speakers that need the context of the article (invented sentences, real lookup): names the
model cut short, descriptions that repeat a recent speaker, pronouns after reported clauses,
sources that only credit another report, organisations named by their kind (`models`)."""

from __future__ import annotations

import pytest

from tests.nlp.quotes.helpers import Parse, speaker

pytestmark = pytest.mark.models


def test_a_first_name_the_model_left_out_is_part_of_the_name(parse: Parse) -> None:
    text = (
        "Georgia's health minister, Tamar Kvaratskhelia Beridze, visited a clinic in Batumi on "
        "Monday. Kvaratskhelia Beridze said the clinics would reopen next week."
    )
    assert speaker(parse, text, "en", "clinics would reopen") == (
        "person:tamar-kvaratskhelia-beridze"
    )


def test_he_tells_the_gender_of_a_speaker_so_she_is_someone_else(parse: Parse) -> None:
    text = (
        "Kosovo's negotiator Drita Hoxha arrived in Brussels on Sunday.\n"
        "Serbian President Milan Jovanović said Serbia was ready to talk. He added: “We came to "
        "protect our people, not to sign away our land.”\n"
        "“Nobody should expect miracles,” she said on Monday in an interview."
    )
    assert speaker(parse, text, "en", "miracles") == "person:drita-hoxha"


def test_a_pronoun_skips_the_subject_of_a_reported_clause(parse: Parse) -> None:
    text = (
        "Interior Minister Amina Diallo told state radio that Ibrahim Keita and four other "
        "soldiers had been arrested. She said the colonel had acted on behalf of “politicians "
        "who lost the election”."
    )
    assert speaker(parse, text, "en", "colonel had acted") == "person:amina-diallo"


def test_a_role_with_no_known_holder_is_the_person_who_just_spoke(parse: Parse) -> None:
    text = (
        "“We need vaccines and we need access,” said Ingrid Solberg, who heads the agency's "
        "emergencies office in Geneva. The agency chief said two of the new cases were nurses."
    )
    assert speaker(parse, text, "en", "nurses") == "person:ingrid-solberg"


def test_the_official_is_the_unnamed_official_who_just_spoke(parse: Parse) -> None:
    text = (
        "Ambassador Kenji Moriyama was summoned on Monday. A senior Japanese official, speaking "
        "on condition of anonymity, said Tokyo had cancelled a planned visit. “This is not the "
        "moment for friendly exchanges,” the official said."
    )
    assert speaker(parse, text, "en", "friendly exchanges") == "country:JPN"


def test_according_to_a_source_the_reporting_person_speaks(parse: Parse) -> None:
    text = (
        "Congo's health minister, Patrice Ilunga, visited a treatment centre in Beni on "
        "Wednesday. According to the ministry, Ilunga told staff that the government would "
        "send 200 more health workers to the province."
    )
    assert speaker(parse, text, "en", "200 more health workers") == "person:patrice-ilunga"


def test_the_group_is_the_armed_group_named_before(parse: Parse) -> None:
    text = (
        "The Kachin Liberation Army said on Tuesday it had captured a border post after a long "
        "siege.\n“The post is free. The soldiers have fled,” the group said in a statement."
    )
    assert speaker(parse, text, "en", "The post is free") == "org:kachin-liberation-army"
