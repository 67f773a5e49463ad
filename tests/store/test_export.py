"""Exports: every table readable back with the right row counts; the GDELT-style event table."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from tests.store.corpus import build_store
from veille.errors import StoreError
from veille.store.export import export
from veille.store.reader import connect

READERS = {"parquet": "read_parquet", "csv": "read_csv", "jsonl": "read_json"}
GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone", "ActionGeo_FullName", "DATEADDED",
    "SOURCEURL",
]  # fmt: skip


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("store") / "s.duckdb")


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_every_table_is_exported_and_reads_back(db: Path, tmp_path: Path, fmt: str) -> None:
    con = connect(db)
    written = {e.table: e for e in export(con, tmp_path, fmt)}
    expected = {"articles": 4, "actors": 6, "article_actors": 13, "mentions": 19, "quotes": 3,
                "events": 6, "event_actors": 12, "documents": 4, "runs": 1, "errors": 0,
                "events_gdelt": 5}  # fmt: skip
    for table, rows in expected.items():
        assert written[table].rows == rows, table
        assert written[table].path == tmp_path / f"{table}.{fmt}"
        if rows:
            back = con.execute(
                f"SELECT count(*) FROM {READERS[fmt]}(?)", [str(written[table].path)]
            ).fetchone()
            assert back == (rows,), table
    con.close()


def test_csv_cells_hold_lists_as_json(db: Path, tmp_path: Path) -> None:
    con = connect(db)
    export(con, tmp_path, "csv")
    aliases = con.execute(
        "SELECT aliases FROM read_csv(?, all_varchar = true) WHERE actor_id = 'org:NATO'"
        " ORDER BY aliases",
        [str(tmp_path / "article_actors.csv")],
    ).fetchall()
    assert aliases == [('["L\'OTAN","l\'OTAN"]',), ('["NATO"]',)]
    con.close()


def test_gdelt_table_maps_what_veille_knows(db: Path, tmp_path: Path) -> None:
    con = connect(db)
    export(con, tmp_path, "parquet")
    table = duckdb.connect().execute(
        f"SELECT * FROM read_parquet('{tmp_path}/events_gdelt.parquet')"
    )
    columns = [d[0] for d in table.description]
    assert columns[: len(GDELT_COLUMNS)] == GDELT_COLUMNS
    rows = [dict(zip(columns, row, strict=True)) for row in table.fetchall()]
    assert len({r["GLOBALEVENTID"] for r in rows}) == 5  # the negated ACCUSE is left out
    accuse = next(r for r in rows if r["veille_type"] == "ACCUSE")
    assert accuse["SQLDATE"] == 20240304 and accuse["MonthYear"] == 202403
    assert (accuse["Actor1Name"], accuse["Actor1Code"]) == ("NATO", "IGO")
    assert (accuse["Actor2Code"], accuse["Actor2CountryCode"], accuse["Actor2Name"]) == (
        "RUSGOV", "RUS", "RUSSIA"
    )  # fmt: skip
    assert (accuse["EventCode"], accuse["EventBaseCode"], accuse["EventRootCode"]) == (
        "112", "112", "11"
    )  # fmt: skip
    assert accuse["QuadClass"] == 3 and accuse["IsRootEvent"] == 1
    assert accuse["SOURCEURL"] == "https://exemple.fr/otan"
    request = next(r for r in rows if r["veille_type"] == "REQUEST")
    assert (request["EventRootCode"], request["QuadClass"], request["IsRootEvent"]) == ("02", 1, 0)
    assert request["ActionGeo_FullName"] == "Bruxelles" and request["SQLDATE"] == 20240305
    sanction = next(r for r in rows if r["veille_type"] == "SANCTION")
    assert (sanction["EventRootCode"], sanction["QuadClass"]) == ("16", 4)
    con.close()


def test_unknown_format_is_refused(db: Path, tmp_path: Path) -> None:
    con = connect(db)
    with pytest.raises(StoreError):
        export(con, tmp_path, "xlsx")
    con.close()
