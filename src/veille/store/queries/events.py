"""Events: who did what to whom, filtered by type, actor, recipient and date."""

from __future__ import annotations

from typing import Any

from veille.store.queries.common import PLOVER_TYPES, Page, Where, page, rows
from veille.store.queries.names import resolve_actor
from veille.store.reader import Reader

_LINKED = (
    "EXISTS (SELECT 1 FROM event_actors x WHERE x.article_id = e.article_id"
    " AND x.event_idx = e.idx AND x.role = '{role}' AND x.actor_id IN (SELECT unnest(?::VARCHAR[])))"
)


def events(
    r: Reader,
    type: str | None = None,
    actor: str | None = None,
    recipient: str | None = None,
    date_from: Any = None,
    date_to: Any = None,
    language: str | None = None,
    negated: bool | None = None,
    limit: int = 20,
    offset: int = 0,
    actor_ids: list[str] | None = None,
    recipient_ids: list[str] | None = None,
) -> Page:
    """Events, newest first. `actor` and `recipient` are names or aliases (see
    `resolve_actor`); `*_ids` are resolved ids. An event's day is its own date when the
    article gives one, else the article's publication date; dates bound it, inclusive.
    """
    where = Where()
    if type:
        if type.upper() not in PLOVER_TYPES:
            raise ValueError(f"not a PLOVER event type: {type!r}")
        where.add("e.type = ?", type.upper())
    for role, name, ids in (("actor", actor, actor_ids), ("recipient", recipient, recipient_ids)):
        if ids is not None:
            where.add(_LINKED.format(role=role), ids)
        if name and name.strip():
            where.add(_LINKED.format(role=role), resolve_actor(r, name))
    if language:
        where.add("a.language = ?", language)
    if negated is not None:
        where.add("e.negated = ?", negated)
    where.dates("coalesce(e.date, a.published)", date_from, date_to)
    sql = (
        "SELECT e.article_id, e.idx, e.type, e.mode, e.cameo, coalesce(e.date, a.published) AS day,"
        " e.date, e.negated, e.future, e.hypothetical, e.historical, e.location, e.trigger,"
        " e.evidence_text, qt.text AS quote, a.published, a.language, a.title, a.url"
        " FROM events e JOIN articles a ON a.id = e.article_id"
        " LEFT JOIN quotes qt ON qt.article_id = e.article_id AND qt.idx = e.quote_idx"
        f"{where.sql()}"
    )
    order = "day DESC NULLS LAST, e.article_id, e.idx"
    result = page(r, sql, where.params, order, limit, offset)
    _add_actors(r, result.items)
    return result


def _add_actors(r: Reader, items: list[dict[str, Any]]) -> None:
    """Give each event its `actors` and `recipients` as [{id, name}]."""
    for item in items:
        item["actors"], item["recipients"] = [], []
    if not items:
        return
    links = rows(
        r,
        "SELECT x.article_id, x.event_idx, x.role, x.actor_id AS id, ac.name"
        " FROM event_actors x"
        " JOIN (SELECT unnest(?::VARCHAR[]) AS article_id, unnest(?::INTEGER[]) AS event_idx) k"
        " ON k.article_id = x.article_id AND k.event_idx = x.event_idx"
        " LEFT JOIN actors ac ON ac.id = x.actor_id"
        " ORDER BY x.article_id, x.event_idx, x.actor_id",
        [[i["article_id"] for i in items], [i["idx"] for i in items]],
    )
    by_key = {(i["article_id"], i["idx"]): i for i in items}
    for link in links:
        item = by_key[(link["article_id"], link["event_idx"])]
        key = "actors" if link["role"] == "actor" else "recipients"
        item[key].append({"id": link["id"], "name": link["name"]})
