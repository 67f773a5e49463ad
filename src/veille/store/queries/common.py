"""What every query shares: folding names, WHERE clauses, pages, plain rows."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from veille.store.reader import Reader

# The 16 PLOVER event types of the output contract.
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
ACTOR_KINDS = ("person", "organization", "country", "group", "location")
_WORD = re.compile(r"\w+")
# The column a page's rows carry their total in (see `page`).
_TOTAL = "__total"


def fold(sql: str) -> str:
    """SQL folding `sql` for name matching: lower case, no accents, ’ as ', single spaces.

    The same expression builds the `actor_names` view (migration 002).
    """
    return (
        f"trim(regexp_replace(lower(strip_accents(replace({sql}, '’', ''''))), '\\s+', ' ', 'g'))"
    )


def day(value: str | dt.date | None) -> dt.date | None:
    """A date from YYYY-MM-DD (ValueError otherwise)."""
    if value is None or isinstance(value, dt.date):
        return value
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError(f"not a YYYY-MM-DD date: {value!r}")
    return dt.date.fromisoformat(value)


@dataclass
class Where:
    """A conjunction of parameterised conditions."""

    parts: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, sql: str, *params: Any) -> None:
        self.parts.append(sql)
        self.params.extend(params)

    def dates(self, column: str, date_from: Any, date_to: Any) -> None:
        """`column` within [date_from, date_to], both optional and inclusive."""
        if (start := day(date_from)) is not None:
            self.add(f"{column} >= ?", start)
        if (end := day(date_to)) is not None:
            self.add(f"{column} <= ?", end)

    def scan(self, column: str, query: str) -> None:
        """Every word of `query` in `column` (accent- and case-insensitive): the fallback when
        there is no full-text index."""
        for word in _WORD.findall(query):
            self.add(f"contains({fold(column)}, {fold('?')})", word)

    def sql(self) -> str:
        return " WHERE " + " AND ".join(self.parts) if self.parts else ""


@dataclass(slots=True)
class Page:
    """One page of results and how many there are in all."""

    total: int
    limit: int
    offset: int
    items: list[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "limit": self.limit,
            "offset": self.offset,
            "items": self.items,
        }


def plain(value: Any) -> Any:
    """JSON-ready values: dates as ISO strings, nested lists and dicts likewise."""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def rows(r: Reader, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    """The rows of `sql` as dicts of plain values."""
    cur = r.con.execute(sql, list(params))
    names = [d[0] for d in cur.description or []]
    return [{n: plain(v) for n, v in zip(names, row, strict=True)} for row in cur.fetchall()]


def page(r: Reader, sql: str, params: Sequence[Any], order: str, limit: int, offset: int) -> Page:
    """Run `sql` for one page (ordered by `order`) and count all its rows.

    A `SELECT …` is counted by a window in the same query (one evaluation, not two); the
    count runs apart only for an empty page past the first, or for other statements.
    """
    if not sql.startswith("SELECT "):
        total = r.con.execute(f"SELECT count(*) FROM ({sql})", list(params)).fetchone()
        items = rows(r, f"{sql} ORDER BY {order} LIMIT ? OFFSET ?", [*params, limit, offset])
        return Page(int(total[0]) if total else 0, limit, offset, items)
    counted = f"SELECT count(*) OVER () AS {_TOTAL}, {sql[len('SELECT ') :]}"
    items = rows(r, f"{counted} ORDER BY {order} LIMIT ? OFFSET ?", [*params, limit, offset])
    if items:
        n = items[0][_TOTAL]
    elif offset:
        found = r.con.execute(f"SELECT count(*) FROM ({sql})", list(params)).fetchone()
        n = found[0] if found else 0
    else:
        n = 0
    for item in items:
        del item[_TOTAL]
    return Page(int(n), limit, offset, items)


def hits_table(columns: Sequence[tuple[str, str]]) -> str:
    """A SQL table of parallel list parameters, e.g. ids and scores of full-text hits."""
    cols = ", ".join(f"unnest(?::{kind}[]) AS {name}" for name, kind in columns)
    return f"(SELECT {cols})"
