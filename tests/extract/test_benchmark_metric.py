"""The article-extraction benchmark's metric (benchmarks/extraction.py) on a hand-made example."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

_spec = importlib.util.spec_from_file_location(
    "bench_extraction", REPO / "benchmarks" / "extraction.py"
)
assert _spec and _spec.loader
bench = importlib.util.module_from_spec(_spec)
sys.modules["bench_extraction"] = bench
_spec.loader.exec_module(bench)


def test_shingles_are_multisets_of_four_word_tokens() -> None:
    assert bench.shingles("a b c d a b c d") == {
        ("a", "b", "c", "d"): 2,
        ("b", "c", "d", "a"): 1,
        ("c", "d", "a", "b"): 1,
        ("d", "a", "b", "c"): 1,
    }
    assert bench.shingles("only three words") == {}


def test_page_counts_are_normalised() -> None:
    # truth shingles: (a b c d) (b c d e); predicted: (a b c d) (b c d x) → TP 1, FP 1, FN 1
    tp, fp, fn = bench.page_counts("a b c d x", "a b c d e")
    assert (tp, fp, fn) == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    assert bench.page_counts("", "") == (0.0, 0.0, 0.0)


def test_scores_on_a_tiny_benchmark() -> None:
    truth = {"p1": "a b c d e", "p2": "one two three four five six", "p3": "x y z w"}
    predicted = {
        "p1": "a b c d x",  # P 1/2, R 1/2
        "p2": "one, two three four five six!",  # exact token match: P 1, R 1, accurate
        "p3": "",  # no prediction: counts for recall only (R 0)
    }
    scores = bench.score(predicted, truth)
    precision = (0.5 + 1.0) / 2  # pages with TP+FP > 0: p1, p2
    recall = (0.5 + 1.0 + 0.0) / 3  # pages with TP+FN > 0: all three
    assert scores.precision == pytest.approx(precision)
    assert scores.recall == pytest.approx(recall)
    assert scores.f1 == pytest.approx(2 * precision * recall / (precision + recall))
    assert scores.accuracy == pytest.approx(1 / 3)


def test_missing_data_skips_cleanly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert bench.main(["--data", str(tmp_path)]) == 0
    assert "not found" in capsys.readouterr().out
