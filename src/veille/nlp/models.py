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
        return spacy.load(name)
    except OSError as exc:
        raise ConfigError(f"spaCy model {name!r} is not installed; {INSTALL_HINT}") from exc
