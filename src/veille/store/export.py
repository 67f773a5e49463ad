"""Exports: every table of a store, plus the GDELT-style `events_gdelt`, as files DuckDB writes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

from veille.errors import StoreError

FORMATS = {"parquet": "parquet", "csv": "csv", "jsonl": "jsonl"}
# Views exported as tables beside the base tables.
EXPORTED_VIEWS = ("events_gdelt",)
_COPY_OPTIONS = {
    "parquet": "FORMAT parquet, COMPRESSION zstd",
    "csv": "FORMAT csv, HEADER true",
    "jsonl": "FORMAT json",  # newline-delimited: one object a line
}


@dataclass(frozen=True, slots=True)
class Exported:
    """One file written: its table, rows and path."""

    table: str
    rows: int
    path: Path


def tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The store's base tables, then the exported views."""
    found = con.execute(
        "SELECT table_name FROM information_schema.tables"
        " WHERE table_schema = 'main' AND table_type = 'BASE TABLE' ORDER BY table_name"
    ).fetchall()
    return [row[0] for row in found] + list(EXPORTED_VIEWS)


def _select(con: duckdb.DuckDBPyConnection, table: str, fmt: str) -> str:
    """SELECT of `table`; for CSV, list and JSON columns become JSON text (one cell each)."""
    if fmt != "csv":
        return f'SELECT * FROM "{table}"'
    described = con.execute(f'DESCRIBE "{table}"').fetchall()
    columns = [
        f'to_json("{name}") AS "{name}"' if kind.endswith("[]") else f'"{name}"'
        for name, kind, *_ in described
    ]
    return f'SELECT {", ".join(columns)} FROM "{table}"'


def export(con: duckdb.DuckDBPyConnection, out: str | Path, fmt: str) -> list[Exported]:
    """Write every table of the store to `out/<table>.<fmt>`; return what was written."""
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table in tables(con):
        path = folder / f"{table}.{FORMATS[fmt]}"
        target = str(path).replace("'", "''")
        try:
            row = con.execute(
                f"COPY ({_select(con, table, fmt)}) TO '{target}' ({_COPY_OPTIONS[fmt]})"
            ).fetchone()
        except duckdb.Error as exc:
            raise StoreError(f"cannot export {table} to {path}: {exc}") from exc
        written.append(Exported(table, int(row[0]) if row else 0, path))
    return written
