"""Articles and quotes: full-text search, filters, one article's record.

Lists are paged in two steps: the keys of one page (filtered, counted and ordered on narrow
columns, in the FTS index when the words and the filters all live there), then the columns of
that page only.
"""

from __future__ import annotations

import json
from typing import Any

from veille.store.fts import Hit
from veille.store.queries.common import Page, Where, day, fold, hits_table, page, rows
from veille.store.queries.names import resolve_actor
from veille.store.reader import Reader

_ARTICLE_COLUMNS = (
    "a.id, a.url, a.site, a.title, a.authors, a.published, a.language, a.source,"
    " length(a.text) AS chars, a.n_errors,"
    " coalesce(nq.n, 0) AS quotes, coalesce(ne.n, 0) AS events"
)
# Quotes and events per article of the page only (a correlated count scans every article's).
_ARTICLE_COUNTS = "".join(
    f" LEFT JOIN (SELECT article_id, count(*) AS n FROM {table}"
    f" WHERE article_id IN (SELECT unnest(?::VARCHAR[])) GROUP BY article_id) {alias}"
    f" ON {alias}.article_id = a.id"
    for table, alias in (("quotes", "nq"), ("events", "ne"))
)
_QUOTE_COLUMNS = (
    "q.article_id, q.idx, q.text, q.kind, q.speaker, s.name AS speaker_name,"
    " q.speaker_text, q.cue, a.published, a.language, a.title, a.url, a.site"
)
_ARTICLE_HITS = hits_table([("article_id", "VARCHAR"), ("score", "DOUBLE")])
_QUOTE_HITS = hits_table([("article_id", "VARCHAR"), ("idx", "INTEGER"), ("score", "DOUBLE")])


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
    text = q if q and q.strip() else None
    if text and r.fts is not None:
        total, hits = r.fts.page_articles(
            text, limit, offset, language=language, site=site,
            date_from=day(date_from), date_to=day(date_to),
        )  # fmt: skip
    else:
        where = Where()
        if text:
            where.scan("coalesce(a.title, '') || ' ' || a.text", text)
        if language:
            where.add("a.language = ?", language)
        if site:
            where.add("a.site = ?", site)
        where.dates("a.published", date_from, date_to)
        order = "a.published DESC NULLS LAST, a.id"
        keys = page(
            r, f"SELECT a.id FROM articles a{where.sql()}", where.params, order, limit, offset
        )
        total, hits = keys.total, [Hit(k["id"], None, None) for k in keys.items]
    items = _articles_of(r, hits, scored=bool(text and r.fts is not None))
    snippets = r.fts.snippets(text, [i["id"] for i in items]) if text and r.fts else {}
    for item in items:
        item["snippet"] = snippets.get(item["id"])
    return Page(total, limit, offset, items)


def _articles_of(r: Reader, hits: list[Hit], scored: bool) -> list[dict[str, Any]]:
    """The list columns of the articles `hits`, in their order (with their score if `scored`)."""
    if not hits:
        return []
    found = rows(
        r,
        f"SELECT {_ARTICLE_COLUMNS}, {'h.score' if scored else 'NULL AS score'}"
        f" FROM {_ARTICLE_HITS} h JOIN articles a ON a.id = h.article_id{_ARTICLE_COUNTS}",
        [
            [h.article_id for h in hits],
            [h.score for h in hits],
            *[[h.article_id for h in hits]] * 2,
        ],
    )
    by_id = {item["id"]: item for item in found}
    return [by_id[h.article_id] for h in hits]


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
    text = q if q and q.strip() else None
    by_speaker = speaker_ids is not None or bool(speaker and speaker.strip())
    if text and r.fts is not None and not by_speaker and not kind:
        total, hits = r.fts.page_quotes(
            text, limit, offset, language=language,
            date_from=day(date_from), date_to=day(date_to),
        )  # fmt: skip
        if all(h.card is not None for h in hits):  # the index holds the list columns
            items = [{**h.card, "score": h.score} for h in hits if h.card is not None]
            return Page(total, limit, offset, items)
        return Page(total, limit, offset, _quotes_of(r, hits, scored=True))
    where = Where()
    source = "quotes q JOIN articles a ON a.id = q.article_id"
    columns, order = "q.article_id, q.idx", "a.published DESC NULLS LAST, q.article_id, q.idx"
    joined: list[Any] = []
    # Speakers as list filters on the quotes scan (an IN subquery is a join of every quote).
    if speaker_ids is not None:
        where.add("list_contains(?::VARCHAR[], q.speaker)", speaker_ids)
    if speaker and speaker.strip():
        texts = r.con.execute(
            f"SELECT speaker_text FROM speaker_keys WHERE key = {fold('?')}", [speaker]
        ).fetchall()
        where.add(
            "(list_contains(?::VARCHAR[], q.speaker) OR list_contains(?::VARCHAR[], q.speaker_text))",
            resolve_actor(r, speaker),
            [t[0] for t in texts],
        )
    if text:
        if r.fts is not None:  # with a speaker or a kind: every hit, filtered here
            hits = r.fts.quotes(text)
            source += f" JOIN {_QUOTE_HITS} h ON h.article_id = q.article_id AND h.idx = q.idx"
            joined = [[h.article_id for h in hits], [h.idx for h in hits], [h.score for h in hits]]
            columns, order = columns + ", h.score", "h.score DESC, " + order
        else:
            where.scan("q.text", text)
    if language:
        where.add("a.language = ?", language)
    if kind:
        where.add("q.kind = ?", kind)
    where.dates("a.published", date_from, date_to)
    keys = page(r, f"SELECT {columns} FROM {source}{where.sql()}", joined + where.params, order,
                limit, offset)  # fmt: skip
    found = [Hit(k["article_id"], k["idx"], k.get("score")) for k in keys.items]
    scored = bool(text and r.fts is not None)
    return Page(keys.total, limit, offset, _quotes_of(r, found, scored))


def _quotes_of(r: Reader, hits: list[Hit], scored: bool) -> list[dict[str, Any]]:
    """The list columns of the quotes `hits`, in their order (with their score if `scored`)."""
    if not hits:
        return []
    found = rows(
        r,
        f"SELECT {_QUOTE_COLUMNS}{', h.score' if scored else ''} FROM {_QUOTE_HITS} h"
        " JOIN quotes q ON q.article_id = h.article_id AND q.idx = h.idx"
        " JOIN articles a ON a.id = q.article_id LEFT JOIN actors s ON s.id = q.speaker",
        [[h.article_id for h in hits], [h.idx for h in hits], [h.score for h in hits]],
    )
    by_key = {(item["article_id"], item["idx"]): item for item in found}
    return [by_key[(h.article_id, h.idx)] for h in hits]
