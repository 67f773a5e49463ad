"""The extract stage: HTML to clean body text and metadata."""

from __future__ import annotations

from veille.article import Article
from veille.extract import trafilatura as _trafilatura  # noqa: F401 - registers "trafilatura"
from veille.extract import vote as _vote  # noqa: F401 - registers "vote-v1"
from veille.extract.base import EXTRACTORS, Extracted, register
from veille.extract.boilerplate import remove_boilerplate

DEFAULT_EXTRACTOR = "vote-v1"
# Below this many characters of body text a page is taken to hold no article
# (index pages of teasers, error pages, cookie walls).
MIN_ARTICLE_CHARS = 250
# A paragraph of at least this many characters is prose; teasers and link lists are shorter.
PROSE_CHARS = 100
# An article has at least this share of its text in prose paragraphs (articles in the sample
# pages: 0.75 and more; an index of teasers: under 0.1).
MIN_PROSE_SHARE = 0.3

__all__ = ["EXTRACTORS", "Extracted", "extract_article", "register"]


def drop_headline(text: str, title: str | None) -> str:
    """The body without a first paragraph that only repeats the headline."""
    first, _, rest = text.partition("\n")
    if title and first.strip().casefold() == title.strip().casefold():
        return rest
    return text


def extract_article(article: Article, extractor: str = DEFAULT_EXTRACTOR) -> None:
    """Fill text, title, authors, site, url and published from `article.html`."""
    if article.html is None:
        return
    found = EXTRACTORS[extractor](article.html, article.url)
    article.site = found.site
    article.title = found.title
    article.text = drop_headline(remove_boilerplate(found.text), article.title)
    article.authors = found.authors
    article.published = found.published
    if found.url and found.url.startswith(("http://", "https://")):
        article.url = found.url
    article.declared_language = found.language
    if problem := not_an_article(article.text):
        article.fail("extract", f"no article: {problem}")


def not_an_article(text: str) -> str | None:
    """Why `text` is not an article body (too short, a list of teasers), or None."""
    if len(text) < MIN_ARTICLE_CHARS:
        return f"only {len(text)} characters of body text"
    prose = sum(len(p) for p in text.split("\n") if len(p) >= PROSE_CHARS)
    if prose / len(text) < MIN_PROSE_SHARE:
        return f"a list of short items ({prose / len(text):.0%} of the text is prose)"
    return None
