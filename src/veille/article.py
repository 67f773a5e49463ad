"""The records that flow through veille: one `Article` per input document.

Field names and meanings follow the output contract (docs/contract.md and
`veille/schema/article.schema.json`). Offsets are Python `str` indices into `Article.text`.
Working fields (`raw`, `html`) carry the input between steps and are never emitted.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields
from typing import Any


@dataclass(slots=True)
class Error:
    """Why a stage could not do (all of) its work on one document."""

    stage: str
    message: str


@dataclass(slots=True)
class Actor:
    """A person, organisation, country, group or place, resolved across the article."""

    id: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    wikidata: str | None = None
    aliases: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Mention:
    """One occurrence of an actor in `text`."""

    actor: str
    text: str
    start: int
    end: int


@dataclass(slots=True)
class Quote:
    """Reported speech with its resolved speaker and cue."""

    text: str
    start: int
    end: int
    kind: str = "direct"
    speaker: str | None = None
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None


@dataclass(slots=True)
class Evidence:
    """The sentence that supports an event."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Event:
    """A PLOVER event between resolved actors."""

    type: str
    evidence: Evidence
    mode: str | None = None
    actor: list[str] = field(default_factory=list)
    recipient: list[str] = field(default_factory=list)
    negated: bool = False
    future: bool = False
    hypothetical: bool = False
    historical: bool = False
    date: str | None = None
    location: str | None = None
    quote: int | None = None
    contexts: list[str] = field(default_factory=list)
    cameo: str | None = None
    trigger: str | None = None


@dataclass(slots=True)
class Article:
    """The record of one input document, from raw bytes to events."""

    source: str
    id: str = ""
    url: str | None = None
    site: str | None = None
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    language: str | None = None
    text: str = ""
    actors: list[Actor] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    errors: list[Error] = field(default_factory=list)
    # Working fields: never emitted.
    raw: bytes | None = field(default=None, repr=False)
    html: str | None = field(default=None, repr=False)
    content_type: str | None = field(default=None, repr=False)
    declared_language: str | None = field(default=None, repr=False)

    def fail(self, stage: str, message: str) -> None:
        """Record that `stage` could not (fully) process this document."""
        self.errors.append(Error(stage, message))

    def assign_id(self) -> None:
        """Set the stable id: sha256 of the canonical URL when known, else of the raw bytes."""
        if self.url:
            basis = self.url.encode("utf-8")
        elif self.raw is not None:
            basis = self.raw
        else:
            basis = (self.html or self.text or self.source).encode("utf-8", "surrogatepass")
        self.id = hashlib.sha256(basis).hexdigest()

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON object (working fields dropped)."""
        out = asdict(self)
        for name in _WORKING_FIELDS:
            out.pop(name, None)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Rebuild an article from its contract JSON object."""
        known = {f.name for f in fields(cls)} - _WORKING_FIELDS
        kwargs = {k: v for k, v in data.items() if k in known}
        kwargs["actors"] = [Actor(**a) for a in data.get("actors", [])]
        kwargs["mentions"] = [Mention(**m) for m in data.get("mentions", [])]
        kwargs["quotes"] = [Quote(**q) for q in data.get("quotes", [])]
        kwargs["events"] = [
            Event(**{**e, "evidence": Evidence(**e["evidence"])}) for e in data.get("events", [])
        ]
        kwargs["errors"] = [Error(**e) for e in data.get("errors", [])]
        return cls(**kwargs)


_WORKING_FIELDS = frozenset({"raw", "html", "content_type", "declared_language"})
