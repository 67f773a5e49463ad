"""Read access to a store: a DuckDB connection (read-only by default) and its full-text index."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

from veille.errors import StoreError
from veille.store.duckdb import DuckDBStore, migrations
from veille.store.fts import FtsIndex, fts_path


@dataclass(slots=True)
class Reader:
    """What the query functions read: a DuckDB connection (or cursor) and the FTS index.

    `fts` is None when no index can be opened; text search then falls back to a scan.
    """

    con: duckdb.DuckDBPyConnection
    fts: FtsIndex | None = None

    def cursor(self) -> Reader:
        """A reader for one thread: DuckDB connections must not be shared across threads."""
        return Reader(self.con.cursor(), self.fts)


def latest_version() -> int:
    """The schema version this code expects."""
    return migrations()[-1][0]


def _version(con: duckdb.DuckDBPyConnection) -> int:
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchone()
    if not exists or not exists[0]:
        return 0
    row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0] or 0) if row else 0


def connect(path: str | Path, read_only: bool = True) -> duckdb.DuckDBPyConnection:
    """Open the store at `path`, migrating it first when it is older than this code.

    Read-only opens let several readers share the file, but no writer meanwhile (DuckDB
    allows one writing process, and no reader in other processes while it writes).
    """
    path = str(path)
    if read_only and not Path(path).is_file():
        raise StoreError(f"no store at {path}")
    try:
        con = duckdb.connect(path, read_only=read_only)
    except duckdb.Error as exc:
        raise StoreError(f"cannot open store {path}: {exc}") from exc
    if _version(con) >= latest_version():
        return con
    con.close()
    store = DuckDBStore(path)  # migrates; fails cleanly if another process writes
    if not read_only:
        return store.db
    store.close()
    return duckdb.connect(path, read_only=True)


def open_index(path: str | Path, con: duckdb.DuckDBPyConnection) -> FtsIndex | None:
    """The store's FTS index, brought up to date; read-only (as it is) when it cannot be
    written; None when there is none and none can be made."""
    where = fts_path(path)
    try:
        index = FtsIndex(where)
        index.sync(con)
        return index
    except (sqlite3.Error, OSError):
        pass
    try:
        return FtsIndex(where, read_only=True) if Path(where).is_file() else None
    except sqlite3.Error:
        return None


@contextmanager
def open_reader(path: str | Path, read_only: bool = True) -> Iterator[Reader]:
    """A reader of the store at `path`, closed on exit."""
    con = connect(path, read_only)
    try:
        yield Reader(con, open_index(path, con))
    finally:
        con.close()
