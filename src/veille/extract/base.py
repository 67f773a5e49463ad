"""What every extractor returns, and the registry of extractors by name."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(slots=True)
class Extracted:
    """Body text and metadata found in one HTML page."""

    text: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    site: str | None = None
    url: str | None = None
    published: str | None = None
    language: str | None = None
    pagetype: str | None = None


Extractor = Callable[[str, str | None], Extracted]
EXTRACTORS: dict[str, Extractor] = {}


def register(name: str) -> Callable[[Extractor], Extractor]:
    """Register an extractor under a versioned name (stored output records which one ran)."""

    def wrap(fn: Extractor) -> Extractor:
        EXTRACTORS[name] = fn
        return fn

    return wrap
