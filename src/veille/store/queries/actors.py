"""Actors: the most spoken of, and one actor's profile."""

from __future__ import annotations

from typing import Any

from veille.store.queries.common import Page, Where, fold, page, rows
from veille.store.queries.events import event_items, events
from veille.store.queries.names import resolve_actor
from veille.store.queries.texts import quotes
from veille.store.reader import Reader

_ACTOR = "id, name, kind, country, sector, wikidata"


def top_actors(
    r: Reader,
    kind: str | None = None,
    q: str | None = None,
    language: str | None = None,
    date_from: Any = None,
    date_to: Any = None,
    limit: int = 20,
    offset: int = 0,
) -> Page:
    """Actors by the number of articles that speak of them (then mentions), within the
    articles of `language` published between the dates; `q` keeps actors one of whose names
    contains it (case- and accent-insensitive)."""
    scope = Where()
    if language:
        scope.add("language = ?", language)
    scope.dates("published", date_from, date_to)
    where = Where()
    if kind:
        where.add("ac.kind = ?", kind)
    if q and q.strip():
        where.add(
            f"ac.id IN (SELECT actor_id FROM actor_keys WHERE contains(key, {fold('?')}))",
            q.strip(),
        )
    # Sums over actor_days (migration 004), not counts over every link of every article.
    sql = (
        "WITH agg AS (SELECT actor_id, sum(articles)::BIGINT AS articles,"
        " sum(mentions)::BIGINT AS mentions, sum(quotes)::BIGINT AS quotes,"
        " sum(events_as_actor)::BIGINT AS events_as_actor,"
        " sum(events_as_recipient)::BIGINT AS events_as_recipient"
        f" FROM actor_days{scope.sql()} GROUP BY actor_id HAVING sum(articles) > 0)"
        " SELECT ac.id, ac.name, ac.kind, ac.country, ac.sector, ac.wikidata, agg.articles,"
        " agg.mentions, agg.quotes, agg.events_as_actor, agg.events_as_recipient"
        f" FROM agg JOIN actors ac ON ac.id = agg.actor_id{where.sql()}"
    )
    return page(
        r, sql, scope.params + where.params, "articles DESC, mentions DESC, ac.id", limit, offset
    )


def actor_profile(
    r: Reader,
    id_or_name: str,
    date_from: Any = None,
    date_to: Any = None,
    limit: int = 20,
) -> dict[str, Any] | None:
    """One actor: who it is, its aliases, counts, latest quotes, events by and against it,
    and mentions per day. A name matching several actors picks the most used; the others
    are listed under `matches`. None when nothing matches."""
    ids = resolve_actor(r, id_or_name)
    if not ids:
        return None
    actor_id = ids[0]
    found = rows(r, f"SELECT {_ACTOR} FROM actors WHERE id IN (SELECT unnest(?))", [ids])
    by_id = {a["id"]: a for a in found}
    if actor_id not in by_id:
        return None
    dates = {"date_from": date_from, "date_to": date_to}
    scope = Where()
    scope.dates("a.published", date_from, date_to)
    scope.add("x.actor_id = ?", actor_id)
    if date_from is None and date_to is None:  # counted at write time (migration 004)
        sql = "SELECT alias, articles FROM actor_aliases WHERE actor_id = ?"
    else:
        sql = (
            "SELECT alias, count(*) AS articles FROM (SELECT unnest(x.aliases) AS alias"
            f" FROM article_actors x JOIN articles a ON a.id = x.article_id{scope.sql()})"
            " GROUP BY alias"
        )
    aliases = rows(r, f"{sql} ORDER BY articles DESC, alias LIMIT 50", scope.params)
    days = Where()
    days.add("actor_id = ?", actor_id)
    days.dates("published", date_from, date_to)
    # Per day (undated included) in one query: totals are its sums, the chart its dated days.
    counts = r.con.execute(
        "SELECT published, sum(articles), sum(mentions), sum(mention_articles)"
        f" FROM actor_days{days.sql()} GROUP BY published ORDER BY published",
        days.params,
    ).fetchall()
    per_day = [
        {"date": day.isoformat(), "mentions": int(n), "articles": int(with_mentions)}
        for day, _, n, with_mentions in counts
        if day is not None and n > 0
    ]
    articles = sum(int(row[1]) for row in counts)
    mentions = sum(int(row[2]) for row in counts)
    said = quotes(r, speaker_ids=[actor_id], limit=limit, **dates)
    by = events(r, actor_ids=[actor_id], limit=limit, keys_only=True, **dates)
    against = events(r, recipient_ids=[actor_id], limit=limit, keys_only=True, **dates)
    items = event_items(r, by.items + against.items)
    return {
        "actor": by_id[actor_id],
        "matches": [by_id[i] for i in ids[1:] if i in by_id],
        "aliases": aliases,
        "counts": {
            "articles": int(articles),
            "mentions": int(mentions),
            "quotes": said.total,
            "events_as_actor": by.total,
            "events_as_recipient": against.total,
        },
        "quotes": said.items,
        "events_by": items[: len(by.items)],
        "events_against": items[len(by.items) :],
        "mentions_per_day": per_day,
    }


def stats(r: Reader) -> dict[str, Any]:
    """Row counts, the span of publication dates and the languages of a store."""
    counts = {}
    for table in ("articles", "actors", "mentions", "quotes", "events", "errors", "runs"):
        row = r.con.execute(f"SELECT count(*) FROM {table}").fetchone()
        counts[table] = int(row[0]) if row else 0
    span = rows(r, "SELECT min(published) AS first, max(published) AS last FROM articles")[0]
    languages = rows(
        r,
        "SELECT language, count(*) AS articles FROM articles GROUP BY language"
        " ORDER BY articles DESC, language",
    )
    return {"counts": counts, "published": span, "languages": languages}
