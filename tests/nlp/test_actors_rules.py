"""Actor rules on hand-built values: no model needed."""

from __future__ import annotations

from pathlib import Path

import pytest

from veille.nlp.actors import load_gazetteer, resolve_actors
from veille.nlp.actors.gazetteer import CAPITAL, DEMONYM
from veille.nlp.actors.hits import gazetteer_hits
from veille.nlp.actors.people import clean_name, cluster
from veille.nlp.actors.tables import french_plurals, role_data
from veille.nlp.actors.textmatch import case_ok, find_phrases, slug, tokenize
from veille.nlp.actors.userfile import load_user_actors
from veille.nlp.parsed import Entity, Parsed


def hits(text: str, lang: str) -> list[tuple[str, str]]:
    gaz = load_gazetteer(lang)
    return [(h.text, h.actor) for h in gazetteer_hits(text, tokenize(text), gaz, role_data(lang))]


def parsed_with_people(text: str, lang: str, names: list[str]) -> Parsed:
    """A Parsed whose only analysis is PER entities at each occurrence of `names`."""
    ents = []
    for name in names:
        start = text.find(name)
        while start >= 0:
            ents.append(Entity(start, start + len(name), "PER", name, 0, 0))
            start = text.find(name, start + 1)
    return Parsed(text, lang, ents=sorted(ents, key=lambda e: e.start))


def test_slug_is_ascii_lowercase_hyphenated() -> None:
    assert slug("Zoltán Bereczki") == "zoltan-bereczki"
    assert slug("Amina Diallo-Kone") == "amina-diallo-kone"
    assert slug("Service d’information") == "service-d-information"


def test_acronyms_match_only_as_written() -> None:
    assert case_ok("UN", "UN") and not case_ok("UN", "un")
    assert case_ok("Chad", "Chad") and not case_ok("Chad", "chad")
    assert case_ok("russe", "Russes")


def test_french_demonym_plurals() -> None:
    assert french_plurals(("ukrainien", "ukrainienne")) == (
        "ukrainien",
        "ukrainienne",
        "ukrainiens",
        "ukrainiennes",
    )
    assert french_plurals(("français", "française")) == ("français", "française", "françaises")


def test_longest_match_wins() -> None:
    table = {("union",): [("Union", 1)], ("union", "africaine"): [("Union africaine", 2)]}
    assert [v for *_, v in find_phrases("l'Union africaine", table, 2)] == [2]


def test_capitals_act_but_not_as_places() -> None:
    assert hits("Moscou accuse Washington.", "fr") == [
        ("Moscou", "country:RUS"),
        ("Washington", "country:USA"),
    ]
    assert hits("Les ministres se sont réunis à Moscou, au sud de Kiev.", "fr") == []
    assert hits("Speaking in Brussels, she said Brussels would act.", "en") == [
        ("Brussels", "org:EU")
    ]


def test_demonyms_and_names_in_both_languages() -> None:
    assert hits("les autorités ukrainiennes et le chef de la diplomatie moldave", "fr") == [
        ("ukrainiennes", "country:UKR"),
        ("moldave", "country:MDA"),
    ]
    assert hits("Russian troops massed near the Kremlin's border with Georgia", "en") == [
        ("Russian", "country:RUS"),
        ("Kremlin", "country:RUS"),
        ("Georgia", "country:GEO"),
    ]
    gaz = load_gazetteer("fr")
    assert gaz.index[("moldave",)][0][1].kind == DEMONYM
    assert gaz.index[("kremlin",)][0][1].kind == CAPITAL


def test_organisations_and_anaphors() -> None:
    assert hits("L'OTAN et l’Union européenne ; l'ONU et un diplomate", "fr") == [
        ("OTAN", "org:NATO"),
        ("Union européenne", "org:EU"),
        ("ONU", "org:UN"),
    ]
    # "l'Alliance" names NATO only in an article that names NATO otherwise
    assert hits("L'Alliance a réagi.", "fr") == []
    assert hits("L'Otan a réagi. L'Alliance a dit.", "fr")[-1] == ("Alliance", "org:NATO")
    gaz = load_gazetteer("en")
    assert gaz.actors["org:NATO"].wikidata == "Q7184"
    assert gaz.actors["org:EU"].sector == "IGO"


def test_clean_name_drops_titles_and_possessive() -> None:
    data = role_data("en")
    text = "Mr Wrobel's plan"
    assert clean_name(text, 0, 11, data) == (3, 9)
    assert clean_name("the talks", 0, 9, data) is None


def test_cluster_links_surnames_to_full_names() -> None:
    text = "Anna Kowal spoke. Kowal left. Piotr Nowak came."
    people = cluster(text, [(0, 10), (18, 23), (30, 41)])
    assert {p.id: len(p.mentions) for p in people} == {
        "person:anna-kowal": 2,
        "person:piotr-nowak": 1,
    }


def test_appositions_give_country_and_sector() -> None:
    text = (
        "« Nous resterons », a déclaré le secrétaire général de l'OTAN, Jens Stoltenberg. "
        "Le ministre ukrainien des Affaires étrangères Dmitri Kuleba a répondu. "
        "Le chef de l'Alliance a ensuite quitté la salle, et M. Kuleba aussi."
    )
    parsed = parsed_with_people(text, "fr", ["Jens Stoltenberg", "Dmitri Kuleba"])
    actors, mentions, lookup = resolve_actors(parsed, load_gazetteer("fr"))
    by_id = {a.id: a for a in actors}
    assert (by_id["person:jens-stoltenberg"].country, by_id["person:jens-stoltenberg"].sector) == (
        None,
        "IGO",
    )
    assert (by_id["person:dmitri-kuleba"].country, by_id["person:dmitri-kuleba"].sector) == (
        "UKR",
        "GOV",
    )
    assert "M. Kuleba" in by_id["person:dmitri-kuleba"].aliases
    chef = text.index("Le chef de l'Alliance")
    assert lookup.resolve_phrase(chef, chef + len("Le chef de l'Alliance")) == (
        "person:jens-stoltenberg"
    )
    il = text.index("Nous")
    assert lookup.resolve_phrase(il, il + 4) is None
    assert all(text[m.start : m.end] == m.text for m in mentions)


def test_role_description_resolves_to_last_holder() -> None:
    text = (
        "Foreign ministry spokeswoman Yelena Samsonova said Russia would respond. "
        "The spokeswoman added that Moscow had no choice. The minister did not comment."
    )
    parsed = parsed_with_people(text, "en", ["Yelena Samsonova"])
    actors, _, lookup = resolve_actors(parsed, load_gazetteer("en"))
    sam = next(a for a in actors if a.id == "person:yelena-samsonova")
    assert (sam.country, sam.sector) == ("RUS", "GOV")
    start = text.index("The spokeswoman")
    assert lookup.resolve_phrase(start, start + 15) == "person:yelena-samsonova"
    start = text.index("The minister")
    assert lookup.resolve_phrase(start, start + 12) is None  # no minister in this article
    start = text.index("Moscow")
    assert lookup.resolve_phrase(start, start + 6) == "country:RUS"


def test_user_file_adds_actor_and_overrides_alias(tmp_path: Path) -> None:
    path = tmp_path / "actors.yaml"
    path.write_text(
        "- id: org:wagner\n  name: Wagner Group\n  kind: organization\n  country: RUS\n"
        "  sector: REB\n  aliases: [Wagner, Africa Corps]\n"
        "- id: country:FRA\n  name: France\n  aliases: [Hexagone]\n"
        "- id: org:EU\n  name: European Union\n  aliases: [Bruxelles]\n",
        encoding="utf-8",
    )
    gaz = load_gazetteer("fr", str(path))
    text = "L'Africa Corps accuse l'Hexagone ; à Bruxelles, rien."
    actors, _, _ = resolve_actors(Parsed(text, "fr"), gaz)
    by_id = {a.id: a for a in actors}
    assert by_id["org:wagner"].sector == "REB" and by_id["org:wagner"].country == "RUS"
    assert by_id["country:FRA"].aliases == ["Hexagone"]
    assert by_id["org:EU"].aliases == ["Bruxelles"]  # a user alias always names its actor


def test_user_file_errors_are_clear(tmp_path: Path) -> None:
    from veille.errors import ConfigError

    bad = tmp_path / "bad.csv"
    bad.write_text("id,name\nwagner,Wagner\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="kind:name"):
        load_user_actors(bad)
    ok = tmp_path / "ok.csv"
    ok.write_text("id,name,aliases\nperson:jan-novak,Jan Novák,Novák|le patron\n", encoding="utf-8")
    assert load_user_actors(ok)[0].aliases == ["Novák", "le patron"]


def test_state_body_without_country_is_the_context_country() -> None:
    text = (
        "Le Portugal a fermé deux postes-frontières. Selon la police, trois passeurs ont été "
        "arrêtés.\nLa préfecture a publié un bilan. « L'Espagne nous aide », dit un maire.\n"
        "Les autorités ont ensuite levé le dispositif."
    )
    _, _, lookup = resolve_actors(parsed_with_people(text, "fr", []), load_gazetteer("fr"))

    def at(phrase: str) -> str | None:
        start = text.index(phrase)
        return lookup.resolve_phrase(start, start + len(phrase))

    assert at("la police") == "country:PRT"  # named earlier in its paragraph
    assert at("La préfecture") == "country:FRA"  # an institution of one country
    assert at("Les autorités") == "country:PRT"  # the article's first country; quotes skipped
    alone = "Selon la police, trois passeurs ont été arrêtés."
    _, _, lookup = resolve_actors(parsed_with_people(alone, "fr", []), load_gazetteer("fr"))
    assert lookup.resolve_phrase(6, 15) is None  # no country anywhere


def test_state_body_in_english() -> None:
    text = "Chile closed its border on Monday. Local authorities said 40 people were held."
    _, _, lookup = resolve_actors(parsed_with_people(text, "en", []), load_gazetteer("en"))
    start = text.index("Local authorities")
    assert lookup.resolve_phrase(start, start + len("Local authorities")) == "country:CHL"


def test_slug_keeps_a_possessive_s_on_its_word() -> None:
    from veille.nlp.actors.textmatch import slug

    assert slug("People’s Party") == "peoples-party"
    assert slug("l'Alliance") == "l-alliance"


def test_organisation_name_tails_and_state_bodies() -> None:
    from veille.nlp.actors.orgs import extend_org, is_body
    from veille.nlp.actors.tables import role_data

    text = "the Brazilian Association of Vehicle Manufacturers warned"
    end = text.index(" of")
    assert text[4 : extend_org(text, 4, end)] == "Brazilian Association of Vehicle Manufacturers"
    text = "le Collectif ruritanien pour les droits (CRD) a dit"
    end = text.index(" pour")
    assert text[3 : extend_org(text, 3, end)] == "Collectif ruritanien pour les droits"
    data = role_data("en")
    assert is_body("National Bank", data) and is_body("Central Electoral Commission", data)
    assert not is_body("Brazilian Association", data)
