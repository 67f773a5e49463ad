"""Query parameters of the API, validated: a bad value is a 422 with the reason."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated

from fastapi import HTTPException, Query
from pydantic import AfterValidator

from veille.store.queries import ACTOR_KINDS, PLOVER_TYPES, day

# Largest page; larger pages would let one request hold a worker thread for long.
MAX_LIMIT = 200
DEFAULT_LIMIT = 50
# Longest free-text parameter: far above any name or search query, far below abuse.
MAX_TEXT = 300


def _date(value: str | None) -> str | None:
    if value is not None:
        day(value)  # ValueError → 422
    return value


def _event_type(value: str | None) -> str | None:
    if value is None:
        return None
    if value.upper() not in PLOVER_TYPES:
        raise ValueError(f"must be one of the 16 PLOVER types: {', '.join(PLOVER_TYPES)}")
    return value.upper()


def _kind(value: str | None) -> str | None:
    if value is not None and value not in ACTOR_KINDS:
        raise ValueError(f"must be one of: {', '.join(ACTOR_KINDS)}")
    return value


Day = Annotated[
    str | None,
    Query(description="YYYY-MM-DD, inclusive", examples=["2024-03-01"], max_length=10),
    AfterValidator(_date),
]
Text = Annotated[str | None, Query(max_length=MAX_TEXT)]
Language = Annotated[
    str | None, Query(pattern=r"^[a-z]{2,3}$", description="ISO 639-1 code", examples=["fr"])
]
EventType = Annotated[
    str | None,
    Query(description=f"a PLOVER type: {', '.join(PLOVER_TYPES)}", max_length=12),
    AfterValidator(_event_type),
]
Kind = Annotated[
    str | None, Query(description=f"one of {', '.join(ACTOR_KINDS)}"), AfterValidator(_kind)
]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"page size, at most {MAX_LIMIT}")]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]


@dataclass(frozen=True, slots=True)
class Span:
    """A validated date range."""

    date_from: str | None
    date_to: str | None


def span(date_from: Day = None, date_to: Day = None) -> Span:
    """Dates `date_from` ≤ `date_to` (422 when reversed)."""
    if date_from and date_to and dt.date.fromisoformat(date_from) > dt.date.fromisoformat(date_to):
        raise HTTPException(422, "date_from is after date_to")
    return Span(date_from, date_to)
