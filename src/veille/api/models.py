"""The JSON shapes the API answers with (they document the OpenAPI spec)."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, Field, model_validator

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of results: `total` counts every match, `items` holds at most `limit`."""

    total: int
    limit: int
    offset: int
    items: list[T]


class ArticleItem(BaseModel):
    id: str
    url: str | None
    site: str | None
    title: str | None
    authors: list[str] | None
    published: str | None
    language: str | None
    source: str
    chars: int
    n_errors: int
    quotes: int
    events: int
    score: float | None = None
    snippet: str | None = None  # HTML: escaped text, <mark> around matched words


class QuoteItem(BaseModel):
    article_id: str
    idx: int
    text: str
    kind: str
    speaker: str | None
    speaker_name: str | None
    speaker_text: str | None
    cue: str | None
    published: str | None
    language: str | None
    title: str | None
    url: str | None
    site: str | None
    score: float | None = None


class ActorRef(BaseModel):
    id: str
    name: str | None


class EventItem(BaseModel):
    article_id: str
    idx: int
    type: str
    mode: str | None
    cameo: str | None
    day: str | None  # the event's date, else its article's publication date
    date: str | None
    negated: bool
    future: bool
    hypothetical: bool
    historical: bool
    location: str | None
    trigger: str | None
    evidence_text: str
    quote: str | None
    published: str | None
    language: str | None
    title: str | None
    url: str | None
    actors: list[ActorRef]
    recipients: list[ActorRef]


class Actor(BaseModel):
    id: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    wikidata: str | None


class ActorItem(Actor):
    articles: int
    mentions: int
    quotes: int
    events_as_actor: int
    events_as_recipient: int


class Alias(BaseModel):
    alias: str
    articles: int


class DayCount(BaseModel):
    date: str
    mentions: int
    articles: int


class ActorProfile(BaseModel):
    actor: Actor
    matches: list[Actor]
    aliases: list[Alias]
    counts: dict[str, int]
    quotes: list[QuoteItem]
    events_by: list[EventItem]
    events_against: list[EventItem]
    mentions_per_day: list[DayCount]


class IngestIn(BaseModel):
    """A page to process: its HTML (with its URL when known), or only a URL to fetch."""

    html: str | None = None
    url: str | None = Field(default=None, max_length=2000, pattern=r"^https?://\S+$")

    @model_validator(mode="after")
    def _one_input(self) -> IngestIn:
        if self.html is None and self.url is None:
            raise ValueError("give html, url, or both")
        return self


class IngestOut(BaseModel):
    stored: bool  # False when this source was stored before (and has been replaced)
    status: str  # ok | partial | failed
    record: dict[str, Any]
