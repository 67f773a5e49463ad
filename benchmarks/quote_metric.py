"""The Gender Gap Tracker quote-matching rule, importable by the benchmarks and the tests.

A predicted quote covers a gold quote when the characters they share are at least `threshold`
of the gold quote's length (0.3 lenient, 0.8 strict). Matching is greedy and one-to-one, best
coverage first. Speaker accuracy is measured on matched pairs; end-to-end speaker F1 counts a
true positive only when the pair also has the same speaker id.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Span:
    """A quote as the metric sees it: character offsets and a speaker id (None = unattributed)."""

    start: int
    end: int
    speaker: str | None = None


@dataclass(slots=True)
class Score:
    """Counts summed over documents; the rates are properties."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    speaker_ok: int = 0

    def __iadd__(self, other: Score) -> Score:
        self.gold += other.gold
        self.predicted += other.predicted
        self.matched += other.matched
        self.speaker_ok += other.speaker_ok
        return self

    @staticmethod
    def _f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return self._f1(self.precision, self.recall)

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_ok / self.matched if self.matched else 0.0

    @property
    def speaker_f1(self) -> float:
        p = self.speaker_ok / self.predicted if self.predicted else 0.0
        r = self.speaker_ok / self.gold if self.gold else 0.0
        return self._f1(p, r)


def coverage(pred: Span, gold: Span) -> float:
    """Share of the gold quote's characters that the prediction covers."""
    shared = max(0, min(pred.end, gold.end) - max(pred.start, gold.start))
    return shared / (gold.end - gold.start) if gold.end > gold.start else 0.0


def match(pred: list[Span], gold: list[Span], threshold: float) -> list[tuple[int, int]]:
    """Greedy one-to-one (pred index, gold index) pairs with coverage >= threshold."""
    pairs = [
        (coverage(p, g), i, j)
        for i, p in enumerate(pred)
        for j, g in enumerate(gold)
        if coverage(p, g) >= threshold
    ]
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    out: list[tuple[int, int]] = []
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j))
    return out


def score(pred: list[Span], gold: list[Span], threshold: float) -> Score:
    """The counts of one document."""
    pairs = match(pred, gold, threshold)
    ok = sum(1 for i, j in pairs if pred[i].speaker == gold[j].speaker)
    return Score(len(gold), len(pred), len(pairs), ok)


def total(scores: Iterable[Score]) -> Score:
    out = Score()
    for s in scores:
        out += s
    return out
