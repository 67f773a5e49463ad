"""The extract stage: HTML to clean body text and metadata."""

from __future__ import annotations

from veille.article import Article
from veille.extract import trafilatura as _trafilatura  # noqa: F401 - registers "trafilatura"
from veille.extract.base import EXTRACTORS, Extracted, register
from veille.extract.boilerplate import remove_boilerplate
from veille.extract.title import clean_title

DEFAULT_EXTRACTOR = "trafilatura"
# Below this many characters of body text a page is taken to hold no article
# (index pages of teasers, error pages, cookie walls).
MIN_ARTICLE_CHARS = 250
# Page types that hold lists of articles rather than one article.
_LISTING_TYPES = {"website", "blog", "homepage", "collectionpage", "searchresultspage"}

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
    article.title = clean_title(found.title, found.site)
    article.text = drop_headline(remove_boilerplate(found.text), article.title)
    article.authors = found.authors
    article.published = found.published
    if found.url and found.url.startswith(("http://", "https://")):
        article.url = found.url
    article.declared_language = found.language
    if len(article.text) < MIN_ARTICLE_CHARS:
        kind = "a listing page" if (found.pagetype or "").lower() in _LISTING_TYPES else "a page"
        article.fail(
            "extract",
            f"no article found: {kind} with {len(article.text)} characters of body text",
        )
