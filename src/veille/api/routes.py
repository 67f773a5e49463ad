"""The read endpoints: articles, quotes, events, actors, stats (GET only)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request

from veille.api.models import ActorItem, ActorProfile, ArticleItem, EventItem, Page, QuoteItem
from veille.api.params import (
    DEFAULT_LIMIT,
    Day,
    EventType,
    Kind,
    Language,
    Limit,
    Offset,
    Span,
    Text,
    span,
)
from veille.store import queries
from veille.store.reader import Reader

router = APIRouter(prefix="/api")


def reader(request: Request) -> Iterator[Reader]:
    """A reader for this request: its own DuckDB cursor (connections are not thread-safe)."""
    r = request.app.state.db.reader()
    try:
        yield r
    finally:
        r.con.close()


Db = Annotated[Reader, Depends(reader)]
Dates = Annotated[Span, Depends(span)]


@router.get("/articles", response_model=Page[ArticleItem])
def articles(
    db: Db,
    dates: Dates,
    q: Annotated[Text, Query(description='full-text words; "a phrase", prefix*, OR')] = None,
    language: Language = None,
    site: Text = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Articles, newest first, or best match first with `q` (title and text, accents ignored)."""
    return queries.search_articles(
        db, q, language, dates.date_from, dates.date_to, site, limit, offset
    ).to_dict()


@router.get("/articles/{article_id}")
def article(
    db: Db, article_id: Annotated[str, Path(max_length=128, pattern=r"^[0-9A-Za-z]+$")]
) -> dict[str, Any]:
    """One article's whole record (the output contract) and the documents that held it."""
    found = queries.article(db, article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id}")
    return found


@router.get("/quotes", response_model=Page[QuoteItem])
def quotes(
    db: Db,
    dates: Dates,
    speaker: Annotated[
        Text, Query(description="name, alias or id: Stoltenberg, country:RUS")
    ] = None,
    q: Annotated[Text, Query(description="full-text words in the quote")] = None,
    language: Language = None,
    kind: Literal["direct", "indirect", "mixed"] | None = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Quotes, newest first (best match first with `q`); dates bound publication."""
    return queries.quotes(
        db, speaker, q, language, dates.date_from, dates.date_to, kind, limit, offset
    ).to_dict()


@router.get("/events", response_model=Page[EventItem])
def events(
    db: Db,
    dates: Dates,
    type: EventType = None,
    actor: Annotated[Text, Query(description="who acts: name, alias or id")] = None,
    recipient: Annotated[Text, Query(description="who is acted on: name, alias or id")] = None,
    language: Language = None,
    negated: bool | None = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Events, newest first; dates bound the event's date, else its article's."""
    return queries.events(
        db, type, actor, recipient, dates.date_from, dates.date_to, language, negated,
        limit, offset,
    ).to_dict()  # fmt: skip


@router.get("/actors", response_model=Page[ActorItem])
def actors(
    db: Db,
    dates: Dates,
    kind: Kind = None,
    q: Annotated[Text, Query(description="part of a name or alias")] = None,
    language: Language = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Actors by the number of articles speaking of them, within the dates and language."""
    return queries.top_actors(
        db, kind, q, language, dates.date_from, dates.date_to, limit, offset
    ).to_dict()


@router.get("/actors/{actor}", response_model=ActorProfile)
def actor(
    db: Db,
    actor: Annotated[str, Path(max_length=300, description="id, name or alias")],
    date_from: Day = None,
    date_to: Day = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> dict[str, Any]:
    """One actor: aliases, counts, latest quotes, events by and against it, mentions a day."""
    span(date_from, date_to)
    found = queries.actor_profile(db, actor, date_from, date_to, limit)
    if found is None:
        raise HTTPException(404, f"no actor called {actor!r}")
    return found


@router.get("/stats")
def stats(db: Db) -> dict[str, Any]:
    """Row counts, the span of publication dates, and the languages of the store."""
    return queries.stats(db)
