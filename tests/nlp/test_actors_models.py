"""Actors on realistic sentences parsed by the real models (marked `models`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from veille.nlp.actors import load_gazetteer, resolve_actors
from veille.nlp.parsed import Parsed

pytestmark = pytest.mark.models
Parse = Callable[[str, str], Parsed]


def actors_of(parse: Parse, text: str, lang: str, actors_file: str | None = None) -> dict:
    gaz = load_gazetteer(lang, actors_file)
    actors, mentions, _ = resolve_actors(parse(text, lang), gaz)
    assert all(text[m.start : m.end] == m.text for m in mentions)
    return {a.id: a for a in actors}


def test_french_secretary_general_of_nato(parse: Parse) -> None:
    text = (
        "« Nous ne laisserons aucun allié sans protection », a déclaré le secrétaire général de "
        "l'OTAN, Jens Stoltenberg, jeudi à Bruxelles. Moscou accuse Washington de provocation."
    )
    found = actors_of(parse, text, "fr")
    jens = found["person:jens-stoltenberg"]
    assert (jens.kind, jens.country, jens.sector) == ("person", None, "IGO")
    assert {"country:RUS", "country:USA", "org:NATO"} <= set(found)
    assert "org:EU" not in found  # "à Bruxelles" is a place here
    assert found["country:RUS"].aliases == ["Moscou"]


def test_french_chief_of_moldovan_diplomacy(parse: Parse) -> None:
    text = (
        "Le chef de la diplomatie moldave, Mihai Popescu, a convoqué l'ambassadeur russe. "
        "Les autorités ukrainiennes ont salué la décision de M. Popescu."
    )
    found = actors_of(parse, text, "fr")
    mihai = found["person:mihai-popescu"]
    assert (mihai.country, mihai.sector) == ("MDA", "GOV")
    assert "M. Popescu" in mihai.aliases
    assert {"country:MDA", "country:RUS", "country:UKR"} <= set(found)


def test_english_appositions_and_descriptions(parse: Parse) -> None:
    text = (
        "Russia's foreign minister, Pavel Orlov, accused the European Union of hypocrisy. "
        "NATO Secretary General Ingrid Haugland said the alliance would respond. "
        "The minister later told reporters in Moscow that the Kremlin had not been consulted."
    )
    parsed = parse(text, "en")
    actors, _, lookup = resolve_actors(parsed, load_gazetteer("en"))
    found = {a.id: a for a in actors}
    assert (found["person:pavel-orlov"].country, found["person:pavel-orlov"].sector) == (
        "RUS",
        "GOV",
    )
    assert found["person:ingrid-haugland"].sector == "IGO"
    assert found["org:EU"].wikidata == "Q458"
    start = text.index("The minister")
    assert lookup.resolve_phrase(start, start + len("The minister")) == "person:pavel-orlov"
    start = text.index("the Kremlin")
    assert lookup.resolve_phrase(start, start + len("the Kremlin")) == "country:RUS"


def test_english_demonyms(parse: Parse) -> None:
    found = actors_of(
        parse, "Ukrainian drones hit a Russian refinery, Polish officials said.", "en"
    )
    assert {"country:UKR", "country:RUS", "country:POL"} == set(found)


def test_user_file_overrides_an_alias(parse: Parse, tmp_path: Path) -> None:
    path = tmp_path / "actors.csv"
    path.write_text(
        "id,name,kind,country,sector,wikidata,aliases\n"
        "org:wagner,Wagner Group,organization,RUS,REB,,Wagner|Africa Corps\n"
        "country:FRA,France,country,FRA,GOV,Q142,Hexagone\n",
        encoding="utf-8",
    )
    text = "Le groupe Wagner a quitté le Mali, selon l'Hexagone."
    found = actors_of(parse, text, "fr", str(path))
    assert found["org:wagner"].sector == "REB"
    assert found["country:FRA"].aliases == ["Hexagone"]
    assert "country:MLI" in found
