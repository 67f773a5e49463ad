"""The bundled sample pages: each comes out with its title, date, language and clean text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import SAMPLES
from veille.article import Article
from veille.extract import extract_article
from veille.language.detect import detect_language
from veille.schema import schema_errors
from veille.sources.decode import read
from veille.sources.files import read_file

PAGES = sorted(SAMPLES.rglob("*.html"))


def _process(page: Path) -> Article:
    """read → extract → language, in process (the NLP stage is tested on its own)."""
    article = read_file(page)
    read(article, max_bytes=2_000_000)
    extract_article(article)
    detect_language(article, article.declared_language)
    article.assign_id()
    return article


@pytest.fixture(scope="module", params=PAGES, ids=lambda p: p.stem)
def sample(request: pytest.FixtureRequest) -> tuple[Article, dict]:
    page: Path = request.param
    expected = json.loads(page.with_suffix(".expected.json").read_text(encoding="utf-8"))
    return _process(page), expected


def test_there_are_enough_samples_in_both_languages() -> None:
    languages = [p.parent.name for p in PAGES]
    assert len(PAGES) >= 12 and languages.count("fr") >= 6 and languages.count("en") >= 4


def test_metadata(sample: tuple[Article, dict]) -> None:
    article, expected = sample
    assert article.title == expected["title"]
    assert article.published == expected["published"]
    assert article.language == expected["language"]
    assert [e for e in article.errors if e.stage != "read"] == []


def test_body_text_is_there(sample: tuple[Article, dict]) -> None:
    article, expected = sample
    missing = [s for s in expected["must_contain"] if s not in article.text]
    assert missing == []


def test_site_chrome_is_not(sample: tuple[Article, dict]) -> None:
    article, expected = sample
    leaked = [s for s in expected["must_not_contain"] if s in article.text]
    assert leaked == []


def test_record_follows_the_contract(sample: tuple[Article, dict]) -> None:
    article, _ = sample
    assert schema_errors(article.to_dict()) == []
