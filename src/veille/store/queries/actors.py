"""Actors: the most spoken of, and one actor's profile."""

from __future__ import annotations

from typing import Any

from veille.store.queries.common import Page, Where, fold, page, rows
from veille.store.queries.events import events
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
    inside = f"article_id IN (SELECT id FROM articles{scope.sql()})"
    where = Where()
    if kind:
        where.add("ac.kind = ?", kind)
    if q and q.strip():
        where.add(
            f"ac.id IN (SELECT actor_id FROM actor_names WHERE contains(key, {fold('?')}))",
            q.strip(),
        )
    sql = (
        f"WITH arts AS (SELECT actor_id, count(*) AS n FROM article_actors WHERE {inside}"
        " GROUP BY actor_id),"
        f" ments AS (SELECT actor_id, count(*) AS n FROM mentions WHERE {inside}"
        " GROUP BY actor_id),"
        f" said AS (SELECT speaker AS actor_id, count(*) AS n FROM quotes WHERE {inside}"
        " GROUP BY speaker),"
        " evs AS (SELECT actor_id, count(*) FILTER (role = 'actor') AS by_,"
        f" count(*) FILTER (role = 'recipient') AS to_ FROM event_actors WHERE {inside}"
        " GROUP BY actor_id)"
        " SELECT ac.id, ac.name, ac.kind, ac.country, ac.sector, ac.wikidata,"
        " arts.n AS articles, coalesce(ments.n, 0) AS mentions, coalesce(said.n, 0) AS quotes,"
        " coalesce(evs.by_, 0) AS events_as_actor, coalesce(evs.to_, 0) AS events_as_recipient"
        " FROM arts JOIN actors ac ON ac.id = arts.actor_id"
        " LEFT JOIN ments ON ments.actor_id = ac.id LEFT JOIN said ON said.actor_id = ac.id"
        f" LEFT JOIN evs ON evs.actor_id = ac.id{where.sql()}"
    )
    params = scope.params * 4 + where.params
    return page(r, sql, params, "articles DESC, mentions DESC, ac.id", limit, offset)


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
    aliases = rows(
        r,
        "SELECT alias, count(*) AS articles FROM (SELECT unnest(x.aliases) AS alias"
        f" FROM article_actors x JOIN articles a ON a.id = x.article_id{scope.sql()})"
        " GROUP BY alias ORDER BY articles DESC, alias LIMIT 50",
        scope.params,
    )
    per_day = rows(
        r,
        "SELECT a.published AS date, count(*) AS mentions, count(DISTINCT x.article_id) AS articles"
        f" FROM mentions x JOIN articles a ON a.id = x.article_id{scope.sql()}"
        " AND a.published IS NOT NULL GROUP BY a.published ORDER BY a.published",
        scope.params,
    )
    said = quotes(r, speaker_ids=[actor_id], limit=limit, **dates)
    by = events(r, actor_ids=[actor_id], limit=limit, **dates)
    against = events(r, recipient_ids=[actor_id], limit=limit, **dates)
    articles = r.con.execute(
        f"SELECT count(DISTINCT x.article_id) FROM article_actors x"
        f" JOIN articles a ON a.id = x.article_id{scope.sql()}",
        scope.params,
    ).fetchone()
    mentions = r.con.execute(
        f"SELECT count(*) FROM mentions x JOIN articles a ON a.id = x.article_id{scope.sql()}",
        scope.params,
    ).fetchone()
    return {
        "actor": by_id[actor_id],
        "matches": [by_id[i] for i in ids[1:] if i in by_id],
        "aliases": aliases,
        "counts": {
            "articles": int(articles[0]) if articles else 0,
            "mentions": int(mentions[0]) if mentions else 0,
            "quotes": said.total,
            "events_as_actor": by.total,
            "events_as_recipient": against.total,
        },
        "quotes": said.items,
        "events_by": by.items,
        "events_against": against.items,
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
