"""A quote before its speaker is resolved: the spans the rules found."""

from __future__ import annotations

from dataclasses import dataclass

from veille.nlp.quotes.syntax import Span


@dataclass(slots=True)
class Candidate:
    """Reported words with the token spans of their speaker and cue, if any."""

    start: int
    end: int
    kind: str  # direct | indirect | mixed
    subject: Span | None = None
    cue: tuple[int, int] | None = None  # character offsets of the cue
    floating: bool = False  # a direct quote with no cue: inherits the last named speaker
    group: int | None = None  # parts of one quote split by its incise share a group

    @property
    def length(self) -> int:
        return self.end - self.start

    def overlap(self, start: int, end: int) -> int:
        return max(0, min(self.end, end) - max(self.start, start))
