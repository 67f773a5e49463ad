"""Steps never let one document stop a run; the time budget cuts pathological work."""

from __future__ import annotations

import time

from veille.article import Article
from veille.pipeline import Pipeline, per_article, run_shard


def _boom(article: Article) -> None:
    if "bad" in article.source:
        raise ValueError("cannot cope")
    article.text = "done"


def _slow(article: Article) -> None:
    time.sleep(5)


def test_an_exception_becomes_an_error_entry_and_the_stream_goes_on() -> None:
    step = per_article("extract", _boom)
    out = list(step([Article("file:bad"), Article("file:good")]))
    assert [a.text for a in out] == ["", "done"]
    assert out[0].errors[0].stage == "extract"
    assert out[0].errors[0].message.startswith("ValueError: cannot cope")
    assert out[1].errors == []


def test_time_budget_stops_a_slow_step() -> None:
    step = per_article("extract", _slow, budget=0.2)
    started = time.perf_counter()
    (article,) = list(step([Article("file:slow")]))
    assert time.perf_counter() - started < 2
    assert article.errors[0].message.startswith("timed out: over the 0.2 s budget")


class _ListShard:
    id = "list"

    def articles(self):
        return iter([Article("file:a"), Article("file:b"), Article("file:c")])


def test_run_shard_skips_what_is_done_and_counts_it() -> None:
    result = run_shard(
        Pipeline([per_article("extract", _boom)]), _ListShard(), frozenset({"file:b"})
    )
    assert [a.source for a in result.articles] == ["file:a", "file:c"]
    assert result.skipped == 1
