"""The NLP step: parse articles with spaCy in batches per language, then resolve actors, find
quotes and code events. A batch step: it implements the stream itself, keeps input order, and
holds only settings (picklable); models load inside the worker on first use."""

from __future__ import annotations

import importlib
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from veille.article import Article
from veille.language.profiles import profiles
from veille.nlp.actors import load_gazetteer, resolve_actors
from veille.nlp.models import load_model
from veille.nlp.parse import to_parsed
from veille.nlp.parsed import Parsed

# Articles per nlp.pipe call: large enough for spaCy's batching, small enough to keep a
# worker's memory flat (a 50-document shard is one or two batches).
BATCH_SIZE = 32


def _where(exc: BaseException) -> str:
    last = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    return f" ({last.filename.rsplit('/', 1)[-1]}:{last.lineno})" if last else ""


def _optional(module: str, name: str) -> Callable[..., Any] | None:
    """`module.name` when that module exists yet (quotes and events are written in parallel)."""
    try:
        return getattr(importlib.import_module(module), name)
    except ModuleNotFoundError as exc:
        if exc.name and module.startswith(exc.name):
            return None
        raise


def _unsupported(article: Article) -> None:
    """Record once why the article gets no NLP (unless an earlier stage already said so)."""
    if any(e.stage in {"language", "nlp"} for e in article.errors):
        return
    if not article.text:
        if not article.errors:
            article.fail("nlp", "no text to analyse")
        return
    article.fail("nlp", f"NLP is not available for language {article.language!r}")


def analyse(article: Article, parsed: Parsed, actors_file: str | None = None) -> None:
    """Actors, then quotes, then events, each stage failing on its own for this article."""
    try:
        gazetteer = load_gazetteer(parsed.language, actors_file)
        article.actors, article.mentions, lookup = resolve_actors(parsed, gazetteer, article.site)
    except Exception as exc:  # one article's failure is recorded, never raised
        article.fail("nlp", f"actors: {type(exc).__name__}: {exc}{_where(exc)}")
        return
    try:
        find_quotes = _optional("veille.nlp.quotes", "find_quotes")
        if find_quotes is not None:
            article.quotes = list(find_quotes(parsed, lookup, parsed.language))
    except Exception as exc:
        article.fail("quotes", f"{type(exc).__name__}: {exc}{_where(exc)}")
    try:
        code_events = _optional("veille.nlp.events", "code_events")
        if code_events is not None:
            article.events = list(
                code_events(parsed, lookup, article.quotes, article.published, parsed.language)
            )
    except Exception as exc:
        article.fail("events", f"{type(exc).__name__}: {exc}{_where(exc)}")


@dataclass(frozen=True)
class NlpStep:
    """The batch step (see the module docstring)."""

    actors_file: str | None = None
    batch_size: int = BATCH_SIZE

    @property
    def __name__(self) -> str:  # steps are named in logs like functions
        return "nlp_step"

    def __call__(self, articles: Iterable[Article]) -> Iterator[Article]:
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= self.batch_size:
                yield from self._run(batch)
                batch = []
        if batch:
            yield from self._run(batch)

    def _run(self, batch: list[Article]) -> list[Article]:
        by_language: dict[str, list[Article]] = {}
        for article in batch:
            if article.text and article.language in profiles():
                by_language.setdefault(article.language, []).append(article)
            else:
                _unsupported(article)
        for language, group in by_language.items():
            try:
                nlp = load_model(language)
                docs = list(nlp.pipe(a.text for a in group))
            except Exception:  # find the article at fault: parse one by one
                docs = None
            for n, article in enumerate(group):
                try:
                    doc = docs[n] if docs is not None else load_model(language)(article.text)
                    parsed = to_parsed(doc, language)
                except Exception as exc:
                    article.fail("nlp", f"{type(exc).__name__}: {exc}{_where(exc)}")
                    continue
                analyse(article, parsed, self.actors_file)
        return batch
