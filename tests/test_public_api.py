"""The package's public surface is what `__all__` says, and every name resolves."""

from __future__ import annotations

import veille


def test_every_public_name_resolves() -> None:
    for name in veille.__all__:
        assert getattr(veille, name) is not None, name


def test_the_jobs_and_records_are_public() -> None:
    assert {"Article", "Settings", "extract_records", "run", "load"} <= set(veille.__all__)
    assert veille.Article(source="stdin").to_dict()["source"] == "stdin"
