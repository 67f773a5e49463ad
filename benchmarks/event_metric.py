"""Scoring predicted PLOVER events against gold events (used by benchmarks/events.py).

A predicted event matches a gold event when their evidence sentences overlap (character spans
in the article text, or shared words when the gold sentence is not found verbatim) and the types
agree; stricter levels also require equal actor sets, then equal recipient sets. Matching is
greedy and one-to-one per level. Flag accuracy is over type-matched pairs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

FLAGS = ("negated", "future", "hypothetical", "historical")
_WORD = re.compile(r"\w+")


@dataclass
class Counts:
    """True positives, predictions and gold events per level, and flag agreement."""

    tp: dict[str, int] = field(default_factory=lambda: dict.fromkeys(LEVELS, 0))
    pred: int = 0
    gold: int = 0
    flags_ok: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FLAGS, 0))
    pairs: int = 0

    def add(self, other: Counts) -> None:
        for k in LEVELS:
            self.tp[k] += other.tp[k]
        for k in FLAGS:
            self.flags_ok[k] += other.flags_ok[k]
        self.pred += other.pred
        self.gold += other.gold
        self.pairs += other.pairs

    def prf(self, level: str) -> tuple[float, float, float]:
        tp = self.tp[level]
        p = tp / self.pred if self.pred else 0.0
        r = tp / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def flag_accuracy(self, flag: str | None = None) -> float:
        if not self.pairs:
            return 0.0
        if flag:
            return self.flags_ok[flag] / self.pairs
        return sum(self.flags_ok.values()) / (self.pairs * len(FLAGS))


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def gold_span(text: str, evidence: str) -> tuple[int, int] | None:
    """Where the gold evidence sentence is in the article text (whitespace-insensitive)."""
    k = text.find(evidence)
    if k >= 0:
        return k, k + len(evidence)
    pattern = r"\s+".join(re.escape(p) for p in evidence.split())
    m = re.search(pattern, text) if pattern else None
    return (m.start(), m.end()) if m else None


def same_sentence(pred: dict[str, Any], gold: dict[str, Any], text: str) -> bool:
    """Predicted evidence overlaps the gold evidence sentence."""
    span = gold.get("_span")
    if span is None:
        span = gold["_span"] = gold_span(text, gold["evidence"]) or (-1, -1)
    ev = pred["evidence"]
    if span[0] >= 0:
        return ev["start"] < span[1] and span[0] < ev["end"]
    a, b = _words(ev["text"]), _words(gold["evidence"])
    return bool(a and b) and len(a & b) / min(len(a), len(b)) >= 0.6


Match = Callable[[dict[str, Any], dict[str, Any]], bool]
LEVELS: dict[str, Match] = {
    "type": lambda p, g: p["type"] == g["type"],
    "type+actor": lambda p, g: p["type"] == g["type"] and set(p["actor"]) == set(g["actor"]),
    "type+actor+recipient": lambda p, g: (
        p["type"] == g["type"]
        and set(p["actor"]) == set(g["actor"])
        and set(p["recipient"]) == set(g["recipient"])
    ),
}


def _pairs(preds: list[dict], golds: list[dict], text: str, ok: Match) -> list[tuple[int, int]]:
    used: set[int] = set()
    out = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            if pi not in used and same_sentence(p, g, text) and ok(p, g):
                used.add(pi)
                out.append((pi, gi))
                break
    return out


def score_article(preds: list[dict], golds: list[dict], text: str) -> Counts:
    """Counts for one article (events as contract dicts; gold evidence is a string)."""
    c = Counts(pred=len(preds), gold=len(golds))
    for level, ok in LEVELS.items():
        pairs = _pairs(preds, golds, text, ok)
        c.tp[level] = len(pairs)
        if level == "type":
            c.pairs = len(pairs)
            for pi, gi in pairs:
                for f in FLAGS:
                    c.flags_ok[f] += bool(preds[pi].get(f)) == bool(golds[gi].get(f))
    return c
