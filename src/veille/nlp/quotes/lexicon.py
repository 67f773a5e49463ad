"""The per-language cue lexicon, read from `veille/language/<code>/quotes.yaml`."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml


def _words(values: Any) -> frozenset[str]:
    return frozenset(str(v).casefold() for v in values or [])


def _seqs(values: Any) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(str(w).casefold() for w in seq) for seq in values or [])


@dataclass(frozen=True)
class Lexicon:
    """Speech cues, source prepositions, negators, pronouns and titles of one language."""

    language: str
    verbs: frozenset[str]
    complement_only: frozenset[str]
    multiword: tuple[tuple[str, ...], ...]
    according: tuple[tuple[str, ...], ...]
    according_reject: frozenset[str]
    negators: frozenset[str]
    masc: frozenset[str]
    fem: frozenset[str]
    plural: frozenset[str]
    neuter: frozenset[str]
    first_person: frozenset[str]
    impersonal: frozenset[str]
    title_masc: frozenset[str]
    title_fem: frozenset[str]
    complementizers: frozenset[str]
    np_preps: frozenset[str]
    time_words: frozenset[str] = frozenset()
    unnamed_determiners: frozenset[str] = frozenset()
    unnamed_heads: frozenset[str] = frozenset()
    voices: frozenset[str] = frozenset()
    officials: frozenset[str] = frozenset()

    @property
    def pronouns(self) -> frozenset[str]:
        """Every third-person pronoun the carry-over resolves."""
        return self.masc | self.fem | self.plural | self.neuter

    def is_cue(self, lemma: str, *, incise: bool = False) -> bool:
        """Whether `lemma` is a speech verb (for an incise, complement-only verbs do not count)."""
        lemma = lemma.casefold()
        if lemma not in self.verbs:
            return False
        return not (incise and lemma in self.complement_only)


def _path(language: str) -> Path | None:
    folder = resources.files("veille.language") / language / "quotes.yaml"
    path = Path(str(folder))
    return path if path.is_file() else None


@cache
def load_lexicon(language: str) -> Lexicon:
    """The lexicon of `language`; English's when the language has none."""
    path = _path(language) or _path("en")
    assert path is not None, "the English quote lexicon is missing"
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    pron = data.get("pronouns", {}) or {}
    titles = data.get("titles", {}) or {}
    unnamed = data.get("unnamed", {}) or {}
    return Lexicon(
        language=language if _path(language) else "en",
        verbs=_words(data.get("verbs")),
        complement_only=_words(data.get("complement_only")),
        multiword=_seqs(data.get("multiword")),
        according=_seqs(data.get("according")),
        according_reject=_words(data.get("according_reject")),
        negators=_words(data.get("negators")),
        masc=_words(pron.get("masc")),
        fem=_words(pron.get("fem")),
        plural=_words(pron.get("plural")),
        neuter=_words(pron.get("neuter")),
        first_person=_words(pron.get("first")),
        impersonal=_words(pron.get("impersonal")),
        title_masc=_words(titles.get("masc")),
        title_fem=_words(titles.get("fem")),
        complementizers=_words(data.get("complementizers")),
        np_preps=_words(data.get("np_preps")),
        time_words=_words(data.get("time_words")),
        unnamed_determiners=_words(unnamed.get("determiners")),
        unnamed_heads=_words(unnamed.get("heads")),
        voices=_words(unnamed.get("voices")),
        officials=_words(unnamed.get("officials")),
    )
