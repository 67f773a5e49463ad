"""The language stage: identify the article's language with py3langid (ships its own model)."""

from __future__ import annotations

from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from veille.article import Article
from veille.language.profiles import supported_languages

# Normalised probability under which the guess is not trusted and the page's own
# declaration (trafilatura's reading of <html lang>) is preferred when it has one.
MIN_CONFIDENCE = 0.80
# Characters of text used: a few sentences identify French or English reliably (all samples and
# gold pages agree with 1,000 and with 5,000); the cost grows with the length.
SAMPLE_CHARS = 1_000
# Fewer letters than this and no language is guessed.
MIN_LETTERS = 20


@cache
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify(text: str) -> tuple[str | None, float]:
    """Return (ISO 639-1 code, probability), or (None, 0.0) when the text is too short."""
    sample = text[:SAMPLE_CHARS]
    if sum(c.isalpha() for c in sample) < MIN_LETTERS:
        return None, 0.0
    code, probability = _identifier().classify(sample)
    return code, float(probability)


def detect_language(article: Article, declared: str | None = None) -> None:
    """Set `article.language`; record an error when veille cannot analyse that language."""
    code, probability = identify(f"{article.title or ''}\n{article.text}")
    if declared and (code is None or probability < MIN_CONFIDENCE):
        code = declared.split("-")[0].lower()
    article.language = code
    if code is None:
        if article.text:
            article.fail("language", "unknown: text too short to identify its language")
        return
    if code not in supported_languages():
        article.fail(
            "language",
            f"unsupported: language {code!r} is not analysed (supported:"
            f" {', '.join(supported_languages())}); actors, quotes and events are not extracted",
        )
