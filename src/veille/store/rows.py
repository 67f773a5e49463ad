"""Articles as table rows: pure functions from records to the tuples the store inserts."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from veille.article import Actor, Article, Event, Quote

Row = tuple[Any, ...]


def document_status(article: Article) -> str:
    """ok: no error; partial: text but errors; failed: no text."""
    if not article.errors:
        return "ok"
    return "partial" if article.text else "failed"


def document_row(article: Article, run_id: str, now: datetime) -> Row:
    return (article.source, article.id, run_id, document_status(article), now)


def error_rows(article: Article, run_id: str) -> list[Row]:
    return [
        (article.id, article.source, i, e.stage, e.message, run_id)
        for i, e in enumerate(article.errors)
    ]


def article_row(article: Article, now: datetime) -> Row:
    record = json.dumps(article.to_dict(), ensure_ascii=False)
    return (
        article.id, article.source, article.url, article.site, article.title, article.authors,
        article.published, article.language, article.text, len(article.errors), record, now,
    )  # fmt: skip


def _quote_row(aid: str, i: int, q: Quote) -> Row:
    return (
        aid, i, q.text, q.start, q.end, q.kind, q.speaker, q.speaker_text, q.speaker_start,
        q.speaker_end, q.cue, q.cue_start, q.cue_end,
    )  # fmt: skip


def _event_row(aid: str, i: int, e: Event) -> Row:
    return (
        aid, i, e.type, e.mode, e.negated, e.future, e.hypothetical, e.historical, e.date,
        e.location, e.quote, e.cameo, e.contexts, e.trigger, e.evidence.start, e.evidence.end,
        e.evidence.text,
    )  # fmt: skip


def child_rows(article: Article) -> dict[str, list[Row]]:
    """Rows of every per-article table, keyed by table name."""
    aid = article.id
    links = {(aid, i, "actor", a) for i, e in enumerate(article.events) for a in e.actor}
    links |= {(aid, i, "recipient", r) for i, e in enumerate(article.events) for r in e.recipient}
    return {
        "article_actors": [(aid, a.id, a.aliases) for a in article.actors],
        "mentions": [
            (aid, i, m.actor, m.text, m.start, m.end) for i, m in enumerate(article.mentions)
        ],
        "quotes": [_quote_row(aid, i, q) for i, q in enumerate(article.quotes)],
        "events": [_event_row(aid, i, e) for i, e in enumerate(article.events)],
        "event_actors": sorted(links),
    }


def merged_actors(articles: list[Article]) -> list[Row]:
    """One row per actor id across `articles`: the last name and kind, the first known
    country, sector and Wikidata id."""
    merged: dict[str, Actor] = {}
    for article in articles:
        for actor in article.actors:
            seen = merged.get(actor.id)
            if seen is None:
                merged[actor.id] = Actor(
                    actor.id, actor.name, actor.kind, actor.country, actor.sector, actor.wikidata
                )
            else:
                seen.name, seen.kind = actor.name, actor.kind
                seen.country = seen.country or actor.country
                seen.sector = seen.sector or actor.sector
                seen.wikidata = seen.wikidata or actor.wikidata
    return [(a.id, a.name, a.kind, a.country, a.sector, a.wikidata) for a in merged.values()]
