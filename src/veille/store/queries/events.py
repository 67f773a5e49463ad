"""Events: who did what to whom, filtered by type, actor, recipient and date."""

from __future__ import annotations

from typing import Any

from veille.store.queries.common import PLOVER_TYPES, Page, Where, hits_table, page, rows
from veille.store.queries.names import resolve_actor
from veille.store.reader import Reader

# A semi-join on the links of the role (a correlated EXISTS costs a join of every link).
_LINKED = (
    "({e}.article_id, {e}.idx) IN (SELECT article_id, event_idx FROM event_actors"
    " WHERE role = '{role}' AND actor_id IN (SELECT unnest(?::VARCHAR[])))"
)
_DAY = "coalesce(e.date, a.published)"
_COLUMNS = (
    "e.article_id, e.idx, e.type, e.mode, e.cameo, coalesce(e.date, a.published) AS day,"
    " e.date, e.negated, e.future, e.hypothetical, e.historical, e.location, e.trigger,"
    " e.evidence_text, qt.text AS quote, a.published, a.language, a.title, a.url"
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
    keys_only: bool = False,
) -> Page:
    """Events, newest first. `actor` and `recipient` are names or aliases (see
    `resolve_actor`); `*_ids` are resolved ids. An event's day is its own date when the
    article gives one, else the article's publication date; dates bound it, inclusive.
    With `keys_only` the items are only {article_id, idx, day} (see `event_items`).
    """
    if type and type.upper() not in PLOVER_TYPES:
        raise ValueError(f"not a PLOVER event type: {type!r}")
    links: list[tuple[str, list[str]]] = []
    for role, name, ids in (("actor", actor, actor_ids), ("recipient", recipient, recipient_ids)):
        if ids is not None:
            links.append((role, ids))
        if name and name.strip():
            links.append((role, resolve_actor(r, name)))
    # With an actor: one table (event_links, migration 004) holds the links and what the
    # filters and the order need; without: events joined to their articles.
    e, day_col, lang_col = ("l", "l.day", "l.language") if links else ("e", _DAY, "a.language")
    where = Where()
    if type:
        where.add(f"{e}.type = ?", type.upper())
    for i, (role, ids) in enumerate(links):
        if i == 0:
            where.add("l.role = ? AND l.actor_id IN (SELECT unnest(?::VARCHAR[]))", role, ids)
        else:
            where.add(_LINKED.format(role=role, e=e), ids)
    if language:
        where.add(f"{lang_col} = ?", language)
    if negated is not None:
        where.add(f"{e}.negated = ?", negated)
    where.dates(day_col, date_from, date_to)
    # One page of keys first (count and order need no text), then the columns of that page.
    if links:  # grouped: an event linked to several of the ids is one event
        sql = f"SELECT l.article_id, l.idx, l.day FROM event_links l{where.sql()}"
        sql += " GROUP BY l.article_id, l.idx, l.day"
    else:
        sql = (
            f"SELECT e.article_id, e.idx, {_DAY} AS day"
            f" FROM events e JOIN articles a ON a.id = e.article_id{where.sql()}"
        )
    order = f"day DESC NULLS LAST, {e}.article_id, {e}.idx"
    keys = page(r, sql, where.params, order, limit, offset)
    if keys_only:
        return keys
    return Page(keys.total, limit, offset, event_items(r, keys.items))


def event_items(r: Reader, keys: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The whole items of events given by their keys (article_id, idx), in that order; one
    query for the columns and one for the actors, however many lists the keys come from."""
    unique = list(dict.fromkeys((k["article_id"], k["idx"]) for k in keys))
    items = _details(r, unique)
    _add_actors(r, items)
    by_key = {(i["article_id"], i["idx"]): i for i in items}
    return [dict(by_key[(k["article_id"], k["idx"])]) for k in keys]


def _details(r: Reader, keys: list[tuple[str, int]]) -> list[dict[str, Any]]:
    """The columns of the events `keys`, in that order."""
    if not keys:
        return []
    found = rows(
        r,
        f"SELECT {_COLUMNS} FROM {hits_table([('article_id', 'VARCHAR'), ('idx', 'INTEGER')])} k"
        " JOIN events e ON e.article_id = k.article_id AND e.idx = k.idx"
        " JOIN articles a ON a.id = e.article_id"
        " LEFT JOIN quotes qt ON qt.article_id = e.article_id AND qt.idx = e.quote_idx",
        [[a for a, _ in keys], [i for _, i in keys]],
    )
    by_key = {(i["article_id"], i["idx"]): i for i in found}
    return [by_key[key] for key in keys]


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
