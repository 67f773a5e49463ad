"""spaCy models: loaded lazily, once per worker process and language."""

from __future__ import annotations

from functools import cache
from typing import Any

from veille.errors import ConfigError
from veille.language.profiles import profiles

INSTALL_HINT = "install the NLP extra: pip install 'veille[nlp]'"


def spacy_available() -> bool:
    """Whether spaCy can be imported here."""
    try:
        import spacy  # noqa: F401
    except ImportError:
        return False
    return True


@cache
def load_model(language: str) -> Any:
    """The spaCy pipeline named by `language/<lang>/profile.yaml` (cached per process)."""
    if language not in profiles():
        raise ConfigError(f"no language profile for {language!r}")
    try:
        import spacy
    except ImportError as exc:
        raise ConfigError(f"spaCy is not installed; {INSTALL_HINT}") from exc
    name = profiles()[language].spacy_model
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ConfigError(f"spaCy model {name!r} is not installed; {INSTALL_HINT}") from exc
    _register_paragraph_breaks()
    nlp.add_pipe(PARAGRAPH_BREAKS, before="parser" if "parser" in nlp.pipe_names else None)
    return nlp


PARAGRAPH_BREAKS = "veille_paragraph_breaks"


def paragraph_starts(texts_and_spaces: list[tuple[str, str]]) -> list[bool]:
    """For each token (text, trailing whitespace): whether it opens a paragraph, i.e. follows
    a line break. Paragraphs are separated by newlines in `Article.text`; a sentence never
    runs across them (an intertitle is not the subject of the next paragraph)."""
    starts = [False] * len(texts_and_spaces)
    for i in range(1, len(texts_and_spaces)):
        text, space = texts_and_spaces[i - 1]
        if "\n" in text or "\n" in space:
            starts[i] = True
    return starts


@cache
def _register_paragraph_breaks() -> None:
    from spacy.language import Language

    @Language.component(PARAGRAPH_BREAKS)
    def paragraph_breaks(doc: Any) -> Any:
        """Start a sentence at every token that follows a line break (before the parser)."""
        flags = paragraph_starts([(t.text, t.whitespace_) for t in doc])
        for token, start in zip(doc, flags, strict=True):
            if start and not token.is_space:
                token.is_sent_start = True
        return doc
