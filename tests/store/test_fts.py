"""The FTS5 side index: safe query syntax, kept in sync with writes, rebuilt when lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.store.corpus import build_store, nato_en
from veille.store import DuckDBStore
from veille.store import queries as Q
from veille.store.fts import fts_path, to_match
from veille.store.queries.texts import _quotes_of
from veille.store.reader import latest_version, open_reader


@pytest.mark.parametrize(
    ("query", "match"),
    [
        ("Russie Ukraine", '"Russie" "Ukraine"'),
        ('"point mort"', '"point mort"'),
        ("négo*", '"négo"*'),
        ("a OR b", '"a" OR "b"'),
        ("OR a OR", '"a"'),
        ('say "it', '"say" "it"'),
        ("l'OTAN", '"l\'OTAN"'),
        ("* ( ) -", None),
        ("", None),
    ],
)
def test_user_queries_become_safe_match_expressions(query: str, match: str | None) -> None:
    assert to_match(query) == match


def test_migration_two_adds_the_views(tmp_path: Path) -> None:
    with DuckDBStore(tmp_path / "s.duckdb") as store:
        assert store.schema_version() == latest_version() >= 2
        views = {r[0] for r in store.db.execute("SELECT view_name FROM duckdb_views()").fetchall()}
        assert {"actor_names", "events_gdelt"} <= views


def test_writes_keep_the_index_current(tmp_path: Path) -> None:
    db = build_store(tmp_path / "s.duckdb")
    assert Path(fts_path(db)).is_file()
    changed = nato_en()
    changed.text = changed.text.replace("Brussels", "Vilnius")
    changed.quotes[0].text = "Vilnius is where we stand"
    with DuckDBStore(db) as store:
        store.write([changed], store.begin_run(["again"]))
        assert store.fts is not None and store.fts.is_current(store.db)
    with open_reader(db) as r:
        assert Q.search_articles(r, "Vilnius").total == 1
        assert Q.search_articles(r, "Brussels").total == 0
        assert Q.quotes(r, q="Vilnius").total == 1
        assert Q.search_articles(r).total == 4


def test_a_lost_or_stale_index_is_rebuilt_by_a_reader(tmp_path: Path) -> None:
    db = build_store(tmp_path / "s.duckdb")
    Path(fts_path(db)).unlink()
    with open_reader(db) as r:
        assert Q.search_articles(r, "Stoltenberg").total == 2
    with DuckDBStore(db) as store:  # a store without its index: a reader catches up
        store.db.execute("UPDATE articles SET stored_at = now()::TIMESTAMP, text = 'Tallinn'"
                         " WHERE source = 'file:en/undated.html'")  # fmt: skip
    with open_reader(db) as r:
        assert Q.search_articles(r, "Tallinn").total == 1
        assert r.fts is not None and r.fts.is_current(r.con)


def test_quote_search_served_from_the_index_equals_the_store_path(tmp_path: Path) -> None:
    """The list columns the index keeps for a quote are those the store would give."""

    db = build_store(tmp_path / "s.duckdb")
    found = 0
    with open_reader(db) as r:
        assert r.fts is not None
        for word in ("Ukraine", "NATO", "négociations", "place", "Russie"):
            page = Q.quotes(r, q=word)
            total, hits = r.fts.page_quotes(word, 20, 0)
            assert page.total == total and all(h.card for h in hits)
            from_store = _quotes_of(r, hits, scored=True)
            assert page.items == from_store
            found += len(page.items)
    assert found >= 4
