"""The derived tables of migration 004 (actor_keys, actor_aliases, speaker_keys, actor_days,
event_links), kept current.

Each write batch runs `take_off` before deleting the stored copies of the articles it replaces
and `add` after inserting the new ones: counts move by the difference, so a batch costs what
its own articles hold, whatever the size of the store. event_links rows belong to one article:
they are replaced whole. `rebuild` recomputes everything (for
bulk loads that bypass `DuckDBStore.write`).
"""

from __future__ import annotations

import duckdb

_FOLD = "trim(regexp_replace(lower(strip_accents(replace({0}, '’', ''''))), '\\s+', ' ', 'g'))"
_DAY_KEY = ("actor_id", "published", "language")
_DAY_COUNTS = (
    "articles", "mention_articles", "mentions", "quotes", "events_as_actor", "events_as_recipient",
)  # fmt: skip
_KEY_KEY = ("actor_id", "key", "alias")
_ALIAS_KEY = ("actor_id", "alias")


def _same(keys: tuple[str, ...], left: str, right: str) -> str:
    return " AND ".join(f"{left}.{k} IS NOT DISTINCT FROM {right}.{k}" for k in keys)


def take_off(con: duckdb.DuckDBPyConnection, ids: list[str]) -> None:
    """Start the batch's deltas with minus what the stored articles `ids` contribute."""
    negated = ", ".join(f"-{c} AS {c}" for c in _DAY_COUNTS)
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE _days_delta AS SELECT {', '.join(_DAY_KEY)}, {negated}"
        " FROM actor_days_of(?::VARCHAR[])",
        [ids],
    )
    con.execute(
        "CREATE OR REPLACE TEMP TABLE _keys_delta AS SELECT actor_id, key, alias, -n AS n"
        " FROM actor_alias_keys_of(?::VARCHAR[])",
        [ids],
    )
    con.execute(
        "CREATE OR REPLACE TEMP TABLE _aliases_delta AS SELECT actor_id, alias,"
        " -articles AS articles FROM actor_aliases_of(?::VARCHAR[])",
        [ids],
    )


def add(con: duckdb.DuckDBPyConnection, ids: list[str], actor_ids: list[str]) -> None:
    """Add what the articles `ids` (just written) contribute and refresh the name keys of
    `actor_ids` (just upserted); apply the batch's deltas. Call `take_off` first."""
    con.execute("INSERT INTO _days_delta SELECT * FROM actor_days_of(?::VARCHAR[])", [ids])
    con.execute("INSERT INTO _keys_delta SELECT * FROM actor_alias_keys_of(?::VARCHAR[])", [ids])
    con.execute("INSERT INTO _aliases_delta SELECT * FROM actor_aliases_of(?::VARCHAR[])", [ids])
    _merge(con, "actor_days", "_days_delta", _DAY_KEY, _DAY_COUNTS)
    _merge(con, "actor_keys", "_keys_delta", _KEY_KEY, ("n",))
    _merge(con, "actor_aliases", "_aliases_delta", _ALIAS_KEY, ("articles",))
    for delta in ("_days_delta", "_keys_delta", "_aliases_delta"):
        con.execute(f"DROP TABLE {delta}")
    if actor_ids:
        con.execute(
            "DELETE FROM actor_keys WHERE NOT alias AND actor_id IN (SELECT unnest(?::VARCHAR[]))",
            [actor_ids],
        )
        con.execute(
            "INSERT INTO actor_keys SELECT * FROM actor_name_keys_of(?::VARCHAR[])", [actor_ids]
        )
    con.execute(
        f"INSERT INTO speaker_keys SELECT DISTINCT speaker_text, {_FOLD.format('speaker_text')}"
        " FROM quotes WHERE speaker_text IS NOT NULL AND article_id IN (SELECT unnest(?))"
        " ON CONFLICT DO NOTHING",
        [ids],
    )
    con.execute("DELETE FROM event_links WHERE article_id IN (SELECT unnest(?))", [ids])
    con.execute("INSERT INTO event_links SELECT * FROM event_links_of(?::VARCHAR[])", [ids])


def _merge(
    con: duckdb.DuckDBPyConnection,
    table: str,
    delta: str,
    keys: tuple[str, ...],
    counts: tuple[str, ...],
) -> None:
    """table += delta, group by group; groups whose counts all fall to 0 disappear."""
    touched = f"EXISTS (SELECT 1 FROM {delta} x WHERE {_same(keys, 'x', 't')})"
    sums = ", ".join(f"sum({c})::BIGINT AS {c}" for c in counts)
    group = ", ".join(keys)
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE _merged AS SELECT {group}, {sums} FROM ("
        f"SELECT * FROM {table} t WHERE {touched} UNION ALL BY NAME SELECT * FROM {delta})"
        f" GROUP BY {group}"
    )
    con.execute(f"DELETE FROM {table} t WHERE {touched}")
    nonzero = " OR ".join(f"{c} <> 0" for c in counts)
    con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _merged WHERE {nonzero}")
    con.execute("DROP TABLE _merged")


def rebuild(con: duckdb.DuckDBPyConnection) -> None:
    """Recompute every derived table from the base tables (one transaction)."""
    con.execute("BEGIN TRANSACTION")
    try:
        for table in ("actor_keys", "actor_aliases", "speaker_keys", "actor_days", "event_links"):
            con.execute(f"DELETE FROM {table}")
        con.execute(
            "INSERT INTO actor_keys SELECT * FROM actor_name_keys_of((SELECT list(id) FROM actors))"
        )
        con.execute(
            "INSERT INTO actor_keys"
            " SELECT * FROM actor_alias_keys_of((SELECT list(id) FROM articles))"
        )
        con.execute(
            f"INSERT INTO speaker_keys SELECT DISTINCT speaker_text, {_FOLD.format('speaker_text')}"
            " FROM quotes WHERE speaker_text IS NOT NULL"
        )
        for table in ("actor_aliases", "actor_days", "event_links"):
            con.execute(
                f"INSERT INTO {table} SELECT * FROM {table}_of((SELECT list(id) FROM articles))"
            )
        con.execute("COMMIT")
    except duckdb.Error:
        con.execute("ROLLBACK")
        raise
