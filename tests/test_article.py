"""The record: ids, and the contract's JSON shape both ways."""

from __future__ import annotations

import hashlib

from veille.article import Actor, Article, Event, Evidence, Mention, Quote
from veille.schema import schema_errors


def _full_article() -> Article:
    text = "« Nous ne céderons pas », a déclaré M. Ardent. Moscou accuse Washington."
    article = Article(source="file:a.html", url="https://example.org/a", text=text, language="fr")
    article.assign_id()
    article.actors = [
        Actor("person:paul-ardent", "Paul Ardent", "person", "FRA", "GOV", None, ["M. Ardent"]),
        Actor("country:RUS", "Russia", "country", "RUS", "GOV", "Q159", ["Moscou"]),
        Actor("country:USA", "United States", "country", "USA", "GOV", "Q30", ["Washington"]),
    ]
    article.mentions = [Mention("country:RUS", "Moscou", 47, 53)]
    article.quotes = [
        Quote("Nous ne céderons pas", 2, 22, "direct", "person:paul-ardent", "M. Ardent", 36, 45,
              "a déclaré", 26, 35)
    ]  # fmt: skip
    article.events = [
        Event("ACCUSE", Evidence(47, 72, text[47:72]), "allege", ["country:RUS"], ["country:USA"])
    ]
    return article


def test_id_is_sha256_of_url_else_of_raw_bytes() -> None:
    with_url = Article(source="file:a", url="https://example.org/a", raw=b"x")
    with_url.assign_id()
    assert with_url.id == hashlib.sha256(b"https://example.org/a").hexdigest()
    without = Article(source="file:a", raw=b"<html>x</html>")
    without.assign_id()
    assert without.id == hashlib.sha256(b"<html>x</html>").hexdigest()


def test_round_trip_and_schema() -> None:
    article = _full_article()
    record = article.to_dict()
    assert "raw" not in record and "html" not in record
    assert schema_errors(record) == []
    assert Article.from_dict(record).to_dict() == record


def test_schema_catches_broken_records() -> None:
    record = _full_article().to_dict()
    record["events"][0]["type"] = "INVADE"
    record["events"][0]["recipient"] = ["country:XXX"]
    record["quotes"][0]["end"] = 10_000
    problems = "\n".join(schema_errors(record))
    assert "INVADE" in problems
    assert "unknown actor country:XXX" in problems
    assert "quotes: offsets 2..10000 outside the text" in problems


def test_schema_refuses_a_mode_of_another_type() -> None:
    record = _full_article().to_dict()
    record["events"][0]["mode"] = "troops"  # a MOBILIZE mode on an ACCUSE event
    assert any("troops" in p for p in schema_errors(record))
