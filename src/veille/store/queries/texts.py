"""Articles and quotes: full-text search, filters, one article's record."""

from __future__ import annotations

import json
from typing import Any

from veille.store.queries.common import Page, Where, fold, hits_table, page, rows
from veille.store.queries.names import resolve_actor
from veille.store.reader import Reader

_ARTICLE_COLUMNS = (
    "a.id, a.url, a.site, a.title, a.authors, a.published, a.language, a.source,"
    " length(a.text) AS chars, a.n_errors,"
    " (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes,"
    " (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events"
)


def search_articles(
    r: Reader,
    q: str | None = None,
    language: str | None = None,
    date_from: Any = None,
    date_to: Any = None,
    site: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> Page:
    """Articles, newest first, or best match first when `q` (full-text words) is given.

    Dates bound the publication date, inclusive. Items carry an HTML `snippet` around the
    matched words (escaped text, <mark> tags) when `q` is given.
    """
    where, source, columns = Where(), "articles a", _ARTICLE_COLUMNS + ", NULL AS score"
    joined: list[Any] = []  # parameters of the FROM clause, which come before WHERE's
    order = "a.published DESC NULLS LAST, a.id"
    if q and q.strip():
        if r.fts is not None:
            hits = r.fts.articles(q)
            table = hits_table([("article_id", "VARCHAR"), ("score", "DOUBLE")])
            source = f"articles a JOIN {table} h ON h.article_id = a.id"
            joined = [[h.article_id for h in hits], [h.score for h in hits]]
            columns, order = _ARTICLE_COLUMNS + ", h.score", "h.score DESC, " + order
        else:
            where.scan("coalesce(a.title, '') || ' ' || a.text", q)
    if language:
        where.add("a.language = ?", language)
    if site:
        where.add("a.site = ?", site)
    where.dates("a.published", date_from, date_to)
    sql = f"SELECT {columns} FROM {source}{where.sql()}"
    result = page(r, sql, joined + where.params, order, limit, offset)
    snippets = r.fts.snippets(q, [i["id"] for i in result.items]) if q and r.fts else {}
    for item in result.items:
        item["snippet"] = snippets.get(item["id"])
    return result


def article(r: Reader, article_id: str) -> dict[str, Any] | None:
    """One article's whole record (the output contract), with the documents that held it."""
    row = r.con.execute(
        "SELECT record, CAST(stored_at AS VARCHAR) FROM articles WHERE id = ?", [article_id]
    ).fetchone()
    if row is None:
        return None
    record = json.loads(row[0])
    record["stored_at"] = row[1]
    record["documents"] = rows(
        r,
        "SELECT source, status, run_id, stored_at FROM documents WHERE article_id = ?"
        " ORDER BY source",
        [article_id],
    )
    return record


def quotes(
    r: Reader,
    speaker: str | None = None,
    q: str | None = None,
    language: str | None = None,
    date_from: Any = None,
    date_to: Any = None,
    kind: str | None = None,
    limit: int = 20,
    offset: int = 0,
    speaker_ids: list[str] | None = None,
) -> Page:
    """Quotes, newest first (best match first with `q`).

    `speaker` is a name or alias (see `resolve_actor`), or the speaker's words at the cue when
    no actor has that name; `speaker_ids` are resolved ids. Dates bound the article's
    publication date, inclusive.
    """
    where = Where()
    source = "quotes q JOIN articles a ON a.id = q.article_id"
    columns = (
        "q.article_id, q.idx, q.text, q.kind, q.speaker, s.name AS speaker_name,"
        " q.speaker_text, q.cue, a.published, a.language, a.title, a.url, a.site"
    )
    order = "a.published DESC NULLS LAST, q.article_id, q.idx"
    joined: list[Any] = []
    if speaker_ids is not None:
        where.add("q.speaker IN (SELECT unnest(?::VARCHAR[]))", speaker_ids)
    if speaker and speaker.strip():
        ids = resolve_actor(r, speaker)
        where.add(
            f"(q.speaker IN (SELECT unnest(?::VARCHAR[])) OR {fold('q.speaker_text')} = {fold('?')})",
            ids,
            speaker,
        )
    if q and q.strip():
        if r.fts is not None:
            hits = r.fts.quotes(q)
            table = hits_table([("article_id", "VARCHAR"), ("idx", "INTEGER"), ("score", "DOUBLE")])
            source += f" JOIN {table} h ON h.article_id = q.article_id AND h.idx = q.idx"
            joined = [[h.article_id for h in hits], [h.idx for h in hits], [h.score for h in hits]]
            columns, order = columns + ", h.score", "h.score DESC, " + order
        else:
            where.scan("q.text", q)
    if language:
        where.add("a.language = ?", language)
    if kind:
        where.add("q.kind = ?", kind)
    where.dates("a.published", date_from, date_to)
    sql = f"SELECT {columns} FROM {source} LEFT JOIN actors s ON s.id = q.speaker{where.sql()}"
    return page(r, sql, joined + where.params, order, limit, offset)
