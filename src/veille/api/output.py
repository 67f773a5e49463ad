"""How query results look: a rich table on a terminal, JSON lines when piped, or CSV."""

from __future__ import annotations

import csv
import html
import json
import re
import sys
from collections.abc import Callable
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from veille.store import queries

Column = tuple[str, Callable[[dict[str, Any]], Any]]


def choose_format(fmt: str) -> str:
    """The format to print in: `auto` is a table on a terminal, JSON lines otherwise."""
    if fmt == "auto":
        return "table" if sys.stdout.isatty() else "jsonl"
    if fmt not in ("table", "jsonl", "csv"):
        raise typer.BadParameter(f"{fmt!r}: use table, jsonl or csv", param_hint="--format")
    return fmt


def _cell(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _plain(snippet: str | None) -> str:
    return html.unescape(re.sub(r"</?mark>", "", snippet or ""))


def emit(page: queries.Page, fmt: str, title: str, columns: list[Column]) -> None:
    """Print a page of items as a table, JSON lines or CSV."""
    fmt = choose_format(fmt)
    if fmt == "jsonl":
        for item in page.items:
            sys.stdout.write(json.dumps(item, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        keys = list(page.items[0]) if page.items else [name for name, _ in columns]
        writer = csv.writer(sys.stdout)
        writer.writerow(keys)
        for item in page.items:
            writer.writerow([_cell(item.get(k)) for k in keys])
    else:
        shown = f"{page.offset + 1}–{page.offset + len(page.items)}" if page.items else "none"
        table = Table(title=f"{title}: {shown} of {page.total}", show_lines=False)
        for name, _ in columns:
            table.add_column(name, overflow="fold")
        for item in page.items:
            table.add_row(*(_cell(get(item)) for _, get in columns))
        Console().print(table)


def _names(refs: list[dict[str, Any]]) -> str:
    return ", ".join(r["name"] or r["id"] for r in refs)


QUOTE_COLUMNS: list[Column] = [
    ("published", lambda i: i["published"]),
    ("speaker", lambda i: i["speaker_name"] or i["speaker_text"]),
    ("quote", lambda i: i["text"]),
    ("lang", lambda i: i["language"]),
]
EVENT_COLUMNS: list[Column] = [
    ("day", lambda i: i["day"]),
    ("type", lambda i: ("not " if i["negated"] else "") + i["type"]),
    ("actor", lambda i: _names(i["actors"])),
    ("recipient", lambda i: _names(i["recipients"])),
    ("evidence", lambda i: i["evidence_text"]),
]
ACTOR_COLUMNS: list[Column] = [
    ("id", lambda i: i["id"]),
    ("name", lambda i: i["name"]),
    ("articles", lambda i: str(i["articles"])),
    ("mentions", lambda i: str(i["mentions"])),
    ("quotes", lambda i: str(i["quotes"])),
    ("acts", lambda i: str(i["events_as_actor"])),
    ("acted on", lambda i: str(i["events_as_recipient"])),
]
ARTICLE_COLUMNS: list[Column] = [
    ("published", lambda i: i["published"]),
    ("lang", lambda i: i["language"]),
    ("title", lambda i: i["title"]),
    ("match", lambda i: _plain(i["snippet"]) or i["site"]),
    ("id", lambda i: i["id"][:12]),
]
