"""spaCy models: loaded lazily, once per worker process and language."""

from __future__ import annotations

from functools import cache
from typing import Any

from veille.errors import ConfigError
from veille.language.profiles import profiles

INSTALL_HINT = "install the NLP extra: pip install 'veille[nlp]'"


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


_SENTENCE_END = frozenset(".!?…")


def paragraph_starts(texts_and_spaces: list[tuple[str, str]]) -> list[bool | None]:
    """For each token (text, trailing whitespace): True when it opens a paragraph (it follows a
    line break), False inside a paragraph with no sentence-final punctuation (an intertitle or
    a dateline is one sentence), None where the parser decides. Paragraphs are separated by
    newlines in `Article.text`, and a sentence never runs across them."""
    flags: list[bool | None] = [None] * len(texts_and_spaces)
    paragraph: list[int] = []

    def close() -> None:
        words = [i for i in paragraph if texts_and_spaces[i][0].strip()]
        if words and not any(texts_and_spaces[i][0] in _SENTENCE_END for i in words[:-1]):
            for i in words[1:]:
                flags[i] = False

    for i in range(len(texts_and_spaces)):
        if i and "\n" in "".join(texts_and_spaces[i - 1]):
            close()
            paragraph = []
            flags[i] = True
        paragraph.append(i)
    close()
    return flags


@cache
def _register_paragraph_breaks() -> None:
    from spacy.language import Language

    @Language.component(PARAGRAPH_BREAKS)
    def paragraph_breaks(doc: Any) -> Any:
        """Start a sentence at every token that follows a line break (before the parser)."""
        flags = paragraph_starts([(t.text, t.whitespace_) for t in doc])
        for token, start in zip(doc, flags, strict=True):
            if start is not None and not token.is_space and token.i:
                token.is_sent_start = start
        return doc
