"""Helpers of the executor tests: a small mixed corpus, and a store's content without run data."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb

from tests.conftest import SAMPLES
from tests.pages import PARAGRAPHS_DE, article_page

# Columns that differ between two runs of the same inputs: which run, and when.
RUN_COLUMNS = frozenset({"run_id", "stored_at"})
TABLES = (
    "documents", "errors", "articles", "actors", "article_actors", "mentions", "quotes", "events",
    "event_actors", "actor_keys", "speaker_keys", "actor_days",
)  # fmt: skip


def make_corpus(folder: Path) -> Path:
    """Real sample pages in English and French (actors, quotes, events), the same page under
    two names (one article, two documents, in one shard of two: which copy a store keeps
    depends on the order shards finish), and the pages of `add_no_nlp_pages`."""
    folder.mkdir(parents=True, exist_ok=True)
    for lang in ("en", "fr"):
        for page in sorted((SAMPLES / lang).glob("*.html"))[:2]:
            shutil.copy(page, folder / f"{lang}-{page.name}")
    first = sorted(folder.glob("en-*.html"))[0]  # the copy sorts first, into the same shard
    shutil.copy(first, first.with_name(first.stem + "-copy.html"))
    return add_no_nlp_pages(folder)


def add_no_nlp_pages(folder: Path) -> Path:
    """A German page (text, no NLP: no model is loaded) and a binary file (no text)."""
    folder.mkdir(parents=True, exist_ok=True)
    page = article_page("Treffen der Außenminister", PARAGRAPHS_DE, lang="de")
    (folder / "de-treffen.html").write_text(page, encoding="utf-8")
    (folder / "broken.html").write_bytes(bytes(range(256)) * 4)
    return folder


def content(db: Path) -> dict[str, list[tuple]]:
    """Every row of every table, sorted, without the columns that name the run."""
    out = {}
    with duckdb.connect(str(db), read_only=True) as con:
        for table in TABLES:
            columns = [
                r[0]
                for r in con.execute(
                    "SELECT column_name FROM information_schema.columns"
                    " WHERE table_name = ? ORDER BY ordinal_position",
                    [table],
                ).fetchall()
                if r[0] not in RUN_COLUMNS
            ]
            select = ", ".join(f'"{c}"' for c in columns)
            out[table] = sorted(con.execute(f"SELECT {select} FROM {table}").fetchall(), key=repr)
    return out
