"""Migration 004's derived tables: equal to a recomputation after every kind of write."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import duckdb
import pytest

from tests.store.corpus import articles, build_store, nato_en
from veille.article import Actor
from veille.store import DuckDBStore
from veille.store import queries as Q
from veille.store.fts import SCHEMA_VERSION, FtsIndex, fts_path
from veille.store.reader import open_index, open_reader

DERIVED = ("actor_keys", "actor_aliases", "speaker_keys", "actor_days", "event_links")


def _contents(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[object, ...]]]:
    return {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in DERIVED}


def _assert_current(store: DuckDBStore) -> None:
    """The tables as maintained equal the tables rebuilt, and actor_keys the actor_names view."""
    kept = _contents(store.db)
    store.refresh_aggregates()
    assert kept == _contents(store.db)
    summed = "SELECT actor_id, key, sum(n) FROM actor_keys GROUP BY ALL ORDER BY ALL"
    view = "SELECT actor_id, key, n FROM actor_names ORDER BY ALL"
    assert store.db.execute(summed).fetchall() == store.db.execute(view).fetchall()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return build_store(tmp_path / "s.duckdb")


def test_writes_keep_the_derived_tables_current(db: Path) -> None:
    with DuckDBStore(db) as store:
        assert all(_contents(store.db).values())
        _assert_current(store)
        run = store.begin_run(["again"])
        store.write(articles(), run)  # the same articles again: replaced, not added twice
        _assert_current(store)
        changed = nato_en()
        changed.actors = [
            dataclasses.replace(a, aliases=["the Alliance"]) if a.id == "org:NATO" else a
            for a in changed.actors
        ]
        changed.actors.append(
            Actor("country:FRA", "France", "country", "FRA", "GOV", None, ["Paris"])
        )
        changed.quotes = changed.quotes[:1]
        changed.events = []
        store.write([changed], run)
        _assert_current(store)


def test_a_dropped_alias_no_longer_resolves(db: Path) -> None:
    with open_reader(db) as r:
        assert Q.resolve_actor(r, "OTAN") == ["org:NATO"]
    with DuckDBStore(db) as store:
        run = store.begin_run(["drop"])
        renamed = []
        for article in articles():
            article.actors = [dataclasses.replace(a, aliases=[]) for a in article.actors]
            renamed.append(article)
        store.write(renamed, run)
        _assert_current(store)
        assert store.db.execute("SELECT count(*) FROM actor_aliases").fetchone() == (0,)
    with open_reader(db) as r:
        assert Q.resolve_actor(r, "OTAN") == []
        assert Q.resolve_actor(r, "NATO") == ["org:NATO"]  # the id's tail stays


def test_migration_fills_the_tables_of_an_older_store(db: Path) -> None:
    with DuckDBStore(db) as store:
        kept = _contents(store.db)
        for table in DERIVED:
            store.db.execute(f"DROP TABLE {table}")
        for macro in ("actor_name_keys_of", "actor_alias_keys_of", "actor_aliases_of",
                      "actor_days_of", "event_links_of"):  # fmt: skip
            store.db.execute(f"DROP MACRO TABLE {macro}")
        store.db.execute("DELETE FROM schema_version WHERE version = 4")
    with DuckDBStore(db) as store:
        assert store.schema_version() >= 4
        assert _contents(store.db) == kept


def test_an_index_of_an_older_schema_is_rebuilt_or_left_aside(db: Path) -> None:
    path = fts_path(db)
    with sqlite3.connect(path) as con:
        con.execute("UPDATE meta SET value = '1' WHERE key = 'schema'")
    with pytest.raises(sqlite3.DatabaseError):
        FtsIndex(path, read_only=True)
    with open_reader(db) as r:  # writable: dropped, rebuilt, searched
        assert r.fts is not None and Q.quotes(r, q="Ukraine").total > 0
    with sqlite3.connect(path) as con:
        assert con.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone() == (
            SCHEMA_VERSION,
        )
    with duckdb.connect(str(db), read_only=True) as con:
        assert open_index(db, con) is not None


def test_pages_past_the_end_keep_the_total(db: Path) -> None:
    with open_reader(db) as r:
        for query in (Q.quotes, Q.events, Q.search_articles, Q.top_actors):
            total = query(r).total
            assert total > 0
            past = query(r, offset=total + 5)
            assert (past.total, past.items) == (total, [])
        hits = Q.quotes(r, q="Ukraine")
        assert Q.quotes(r, q="Ukraine", offset=hits.total).total == hits.total
