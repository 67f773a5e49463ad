"""The query layer on a hand-made store: full-text search, alias matching, filters, pages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.store.corpus import build_store
from veille.store import queries as Q
from veille.store.reader import Reader, open_reader


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("store") / "s.duckdb")


@pytest.fixture
def r(db: Path) -> Iterator[Reader]:
    with open_reader(db) as reader:
        yield reader


def _titles(page: Q.Page) -> set[str]:
    return {item["title"] for item in page.items}


@pytest.mark.parametrize("words", ["négociations", "negociations", "NÉGOCIATIONS", "négociation*"])
def test_article_search_ignores_case_and_accents(r: Reader, words: str) -> None:
    page = Q.search_articles(r, words)
    assert _titles(page) == {"L'OTAN accuse Moscou", "Sanctions européennes contre la Biélorussie"}
    assert all("<mark>négociations</mark>" in item["snippet"] for item in page.items)


def test_article_search_words_are_anded_and_phrases_kept(r: Reader) -> None:
    assert _titles(Q.search_articles(r, "négociations Minsk")) == {
        "Sanctions européennes contre la Biélorussie"
    }
    assert Q.search_articles(r, '"point mort"').total == 1
    assert Q.search_articles(r, '"mort point"').total == 0
    assert Q.search_articles(r, "Minsk OR Stoltenberg").total == 3
    assert Q.search_articles(r, "zanzibar").total == 0


@pytest.mark.parametrize("query", ['"', "OR", "(", "*", "NOT AND", "a:b", "-x"])
def test_odd_queries_never_raise(r: Reader, query: str) -> None:
    assert Q.search_articles(r, query).total >= 0
    assert Q.quotes(r, q=query).total >= 0


def test_article_filters_and_undated_articles(r: Reader) -> None:
    assert Q.search_articles(r).total == 4
    assert Q.search_articles(r, language="en").total == 2
    assert Q.search_articles(r, date_from="2024-03-06").total == 2  # the undated one is out
    assert Q.search_articles(r, date_from="2024-03-05", date_to="2024-03-20").total == 2
    assert Q.search_articles(r).items[0]["published"] == "2024-04-02"  # newest first


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Stoltenberg", "person:jens-stoltenberg"),
        ("jens stoltenberg", "person:jens-stoltenberg"),
        ("secretaire general", "person:jens-stoltenberg"),
        ("Moscou", "country:RUS"),
        ("MOSCOU", "country:RUS"),
        ("Russie", "country:RUS"),
        ("Russia", "country:RUS"),
        ("country:RUS", "country:RUS"),
        ("RUS", "country:RUS"),
        ("OTAN", "org:NATO"),
        ("l’OTAN", "org:NATO"),
        ("union europeenne", "org:EU"),
    ],
)
def test_names_resolve_on_aliases(r: Reader, name: str, expected: str) -> None:
    assert Q.resolve_actor(r, name)[0] == expected


@pytest.mark.parametrize("name", ["", "  ", "Zanzibar", "50%", "_", "Stolt"])
def test_unknown_names_resolve_to_nothing(r: Reader, name: str) -> None:
    assert Q.resolve_actor(r, name) == []


def test_quotes_by_speaker_alias_text_and_language(r: Reader) -> None:
    by_name = Q.quotes(r, speaker="Stoltenberg")
    assert by_name.total == 2
    assert {i["speaker_name"] for i in by_name.items} == {"Jens Stoltenberg"}
    assert Q.quotes(r, speaker="le secrétaire général").total == 2
    assert (
        Q.quotes(r, speaker="Stoltenberg", language="fr").items[0]["text"].startswith("La Russie")
    )
    assert Q.quotes(r, speaker="Le Ministre").total == 1  # unresolved: matched at the cue
    assert Q.quotes(r, speaker="Zanzibar").total == 0
    assert Q.quotes(r, q="echouent").items[0]["text"] == "Ces négociations échouent"
    assert Q.quotes(r, q="Ukraine").total == 2
    assert Q.quotes(r, q="Ukraine", date_to="2024-03-10").total == 1


def test_events_by_type_actor_recipient_and_day(r: Reader) -> None:
    accused = Q.events(r, type="accuse", recipient="Moscou")
    assert accused.total == 2
    assert {i["actors"][0]["id"] for i in accused.items} == {"org:NATO", "org:EU"}
    assert Q.events(r, type="ACCUSE", recipient="Russia", negated=False).total == 1
    rejected = Q.events(r, actor="country:RUS")
    assert [i["type"] for i in rejected.items] == ["REJECT"]
    assert rejected.items[0]["recipients"] == [{"id": "org:NATO", "name": "NATO"}]
    # The day is the event's own date when known (2024-03-04), else publication (2024-03-05).
    assert Q.events(r, date_from="2024-03-04", date_to="2024-03-04").total == 1
    assert Q.events(r, date_from="2024-03-05", date_to="2024-03-05").total == 1
    request = Q.events(r, type="REQUEST").items[0]
    assert request["quote"] == "La Russie doit cesser ses attaques contre l'Ukraine."
    with pytest.raises(ValueError):
        Q.events(r, type="INVADE")


def test_pages_split_results_and_keep_the_total(r: Reader) -> None:
    first, second = Q.top_actors(r, limit=4), Q.top_actors(r, limit=4, offset=4)
    assert first.total == second.total == 6
    assert len(first.items) == 4 and len(second.items) == 2
    assert not {i["id"] for i in first.items} & {i["id"] for i in second.items}
    assert Q.events(r, limit=1, offset=100).to_dict() == {
        "total": 6, "limit": 1, "offset": 100, "items": []
    }  # fmt: skip


def test_top_actors_by_kind_name_and_scope(r: Reader) -> None:
    top = Q.top_actors(r).items[0]
    assert (top["id"], top["articles"], top["events_as_recipient"]) == ("country:RUS", 3, 3)
    assert [i["id"] for i in Q.top_actors(r, kind="person").items] == ["person:jens-stoltenberg"]
    assert [i["id"] for i in Q.top_actors(r, q="otan").items] == ["org:NATO"]
    english = {i["id"] for i in Q.top_actors(r, language="en").items}
    assert english == {"org:NATO", "person:jens-stoltenberg", "country:UKR", "country:RUS",
                       "org:EU", "country:BLR"}  # fmt: skip
    assert Q.top_actors(r, date_from="2024-04-01").total == 3


def test_actor_profile(r: Reader) -> None:
    profile = Q.actor_profile(r, "Moscou")
    assert profile is not None and profile["actor"]["id"] == "country:RUS"
    assert profile["counts"] == {
        "articles": 3, "mentions": 4, "quotes": 0, "events_as_actor": 1, "events_as_recipient": 3
    }  # fmt: skip
    assert {"alias": "Moscou", "articles": 2} in profile["aliases"]
    assert [d["date"] for d in profile["mentions_per_day"]] == [
        "2024-03-05", "2024-03-20", "2024-04-02"
    ]  # fmt: skip
    assert [e["type"] for e in profile["events_by"]] == ["REJECT"]
    speaker = Q.actor_profile(r, "Stoltenberg", date_to="2024-03-10")
    assert speaker is not None and [q["language"] for q in speaker["quotes"]] == ["fr"]
    assert Q.actor_profile(r, "Zanzibar") is None


def test_article_record_and_stats(r: Reader) -> None:
    item = Q.search_articles(r, "Minsk").items[0]
    record = Q.article(r, item["id"])
    assert record is not None and record["title"] == item["title"]
    assert record["quotes"][0]["text"] == "Ces négociations échouent"
    assert record["documents"][0]["source"] == "file:fr/minsk.html"
    assert Q.article(r, "0" * 64) is None
    stats = Q.stats(r)
    assert stats["counts"]["articles"] == 4
    assert stats["published"] == {"first": "2024-03-05", "last": "2024-04-02"}


def test_without_an_index_text_search_scans(db: Path) -> None:
    with open_reader(db) as r:
        bare = Reader(r.con, None)
        assert _titles(Q.search_articles(bare, "negociations")) == _titles(
            Q.search_articles(r, "négociations")
        )
        assert Q.quotes(bare, q="ECHOUENT").total == 1
