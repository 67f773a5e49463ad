"""The DuckDB store: migrations, idempotent writes, statuses, child rows replaced not doubled."""

from __future__ import annotations

from pathlib import Path

import duckdb

from veille.article import Actor, Article, Event, Evidence, Mention, Quote
from veille.store import DuckDBStore
from veille.store.duckdb import migrations

TEXT = "Moscou accuse Washington. « Non », a dit Mme Roy."


def _article(source: str = "file:a.html", quotes: int = 1) -> Article:
    article = Article(source=source, url="https://example.org/a", text=TEXT, language="fr")
    article.assign_id()
    article.actors = [
        Actor("country:RUS", "Russia", "country", "RUS", "GOV", "Q159", ["Moscou"]),
        Actor("country:USA", "United States", "country", "USA", "GOV", "Q30", ["Washington"]),
    ]
    article.mentions = [
        Mention("country:RUS", "Moscou", 0, 6),
        Mention("country:USA", "Washington", 14, 24),
    ]
    article.quotes = [
        Quote("Non", 28, 31, "direct", None, "Mme Roy", 41, 48, "a dit", 35, 40)
    ] * quotes
    article.events = [
        Event("ACCUSE", Evidence(0, 25, TEXT[:25]), None, ["country:RUS"], ["country:USA"])
    ]
    return article


def test_migrations_are_numbered_and_applied_once(tmp_path: Path) -> None:
    versions = [v for v, _ in migrations()]
    assert versions == sorted(set(versions)) and versions[0] == 1
    db = tmp_path / "s.duckdb"
    with DuckDBStore(db) as store:
        assert store.schema_version() == versions[-1]
    with DuckDBStore(db) as store:  # reopening applies nothing twice
        assert store.migrate() == versions[-1]
        rows = store.db.execute("SELECT count(*) FROM schema_version").fetchone()
        assert rows == (len(versions),)


def test_writing_twice_stores_nothing_twice(tmp_path: Path) -> None:
    with DuckDBStore(tmp_path / "s.duckdb") as store:
        run = store.begin_run(["a"])
        assert store.write([_article()], run) == 1
        assert store.write([_article(quotes=2)], run) == 0  # same source: replaced
        counts = store.counts()
        assert counts["documents"] == 1 and counts["articles"] == 1
        assert counts["quotes"] == 2 and counts["events"] == 1 and counts["mentions"] == 2
        assert counts["actors"] == 2
        links = store.db.execute("SELECT role, actor_id FROM event_actors ORDER BY role").fetchall()
        assert links == [("actor", "country:RUS"), ("recipient", "country:USA")]


def test_two_sources_of_one_article_are_two_documents_one_article(tmp_path: Path) -> None:
    with DuckDBStore(tmp_path / "s.duckdb") as store:
        run = store.begin_run(["a", "b"])
        store.write([_article("file:a.html"), _article("warc:b.warc#12")], run)
        counts = store.counts()
        assert (counts["documents"], counts["articles"]) == (2, 1)
        assert store.done_sources() == {"file:a.html", "warc:b.warc#12"}


def test_failed_documents_keep_their_errors_and_status(tmp_path: Path) -> None:
    bad = Article(source="file:empty.html", raw=b"")
    bad.fail("read", "empty document")
    bad.assign_id()
    with DuckDBStore(tmp_path / "s.duckdb") as store:
        run = store.begin_run(["x"])
        store.write([bad], run)
        store.write([bad], run)
        assert store.db.execute("SELECT status FROM documents").fetchall() == [("failed",)]
        assert store.db.execute("SELECT stage, message FROM errors").fetchall() == [
            ("read", "empty document")
        ]


def test_record_round_trips_through_the_store(tmp_path: Path) -> None:
    article = _article()
    with DuckDBStore(tmp_path / "s.duckdb") as store:
        store.write([article], store.begin_run(["a"]))
        assert store.article(article.id).to_dict() == article.to_dict()


def test_read_only_store_refuses_writes(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    DuckDBStore(db).close()
    with DuckDBStore(db, read_only=True) as store:
        try:
            store.db.execute("DELETE FROM articles")
        except duckdb.Error:
            pass
        else:
            raise AssertionError("a read-only store accepted a write")
