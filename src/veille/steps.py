"""The default pipeline: read → extract → language → nlp (actors, quotes, events)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import partial

from veille.article import Article
from veille.config import Settings
from veille.extract import extract_article
from veille.language.detect import detect_language
from veille.nlp.step import NlpStep
from veille.pipeline import Pipeline, Step, per_article
from veille.sources.decode import read


def _language(article: Article) -> None:
    if article.text:
        detect_language(article, article.declared_language)


def _finish(articles: Iterable[Article]) -> Iterator[Article]:
    """Give each article its stable id and drop the working fields before it leaves the worker."""
    for article in articles:
        article.assign_id()
        article.raw = article.html = None
        yield article


def build_pipeline(settings: Settings) -> Pipeline:
    """The steps every executor runs, in order."""
    steps: list[Step] = [
        per_article("read", partial(read, max_bytes=settings.max_html_bytes), settings.doc_timeout),
        per_article("extract", extract_article, settings.doc_timeout),
        per_article("language", _language, settings.doc_timeout),
        NlpStep(actors_file=settings.actors_file),
    ]
    steps.append(_finish)
    return Pipeline(steps)
