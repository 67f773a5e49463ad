"""The Gender Gap Tracker matching rule on tiny hand-made cases."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "benchmarks"))

from quote_metric import Score, Span, coverage, match, score, total


def test_coverage_is_relative_to_the_gold_quote() -> None:
    assert coverage(Span(0, 10), Span(0, 10)) == 1.0
    assert coverage(Span(0, 3), Span(0, 10)) == pytest.approx(0.3)
    assert coverage(Span(0, 100), Span(40, 50)) == 1.0
    assert coverage(Span(0, 5), Span(10, 20)) == 0.0


def test_thresholds() -> None:
    gold = [Span(0, 10, "a")]
    assert score([Span(0, 3, "a")], gold, 0.3).matched == 1
    assert score([Span(0, 3, "a")], gold, 0.8).matched == 0
    assert score([Span(0, 8, "a")], gold, 0.8).matched == 1


def test_greedy_one_to_one_best_coverage_first() -> None:
    gold = [Span(0, 10), Span(10, 20)]
    pred = [Span(0, 20), Span(10, 20)]  # the wide one covers both, the exact one only the second
    pairs = match(pred, gold, 0.3)
    assert sorted(pairs) == [(0, 0), (1, 1)]
    assert len(match([Span(0, 20)], gold, 0.3)) == 1


def test_speaker_scores() -> None:
    gold = [Span(0, 10, "a"), Span(20, 30, "b"), Span(40, 50, None)]
    pred = [Span(0, 10, "a"), Span(20, 30, "x"), Span(40, 50, None), Span(60, 70, "c")]
    s = score(pred, gold, 0.3)
    assert (s.gold, s.predicted, s.matched, s.speaker_ok) == (3, 4, 3, 2)
    assert s.precision == pytest.approx(0.75) and s.recall == 1.0
    assert s.speaker_accuracy == pytest.approx(2 / 3)
    assert s.speaker_f1 == pytest.approx(2 * (2 / 4) * (2 / 3) / (2 / 4 + 2 / 3))


def test_totals_are_micro_averages() -> None:
    both = total([Score(2, 2, 1, 1), Score(2, 0, 0, 0)])
    assert (both.gold, both.predicted, both.matched) == (4, 2, 1)
    assert Score().f1 == 0.0 and Score().speaker_accuracy == 0.0
