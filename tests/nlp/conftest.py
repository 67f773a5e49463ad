"""Shared fixtures of the NLP tests: each spaCy model loads once per session."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from veille.nlp.parsed import Parsed


@pytest.fixture(scope="session")
def parse() -> Callable[[str, str], Parsed]:
    """parse(text, language) -> Parsed, with the language's model (loaded once)."""
    from veille.nlp.models import load_model
    from veille.nlp.parse import to_parsed

    def run(text: str, language: str) -> Parsed:
        return to_parsed(load_model(language)(text), language)

    return run
