"""`veille query …`, `veille export` and `veille serve`: the store on a terminal, in files, on HTTP.

Query verbs print a table on a terminal and JSON lines when piped (`--format` forces either,
or CSV); each wraps the query function of the same name in `veille.store.queries`.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from veille.api.output import (
    ACTOR_COLUMNS,
    ARTICLE_COLUMNS,
    EVENT_COLUMNS,
    QUOTE_COLUMNS,
    choose_format,
    emit,
)
from veille.errors import VeilleError
from veille.store import queries
from veille.store.export import FORMATS, export
from veille.store.reader import Reader, connect, open_reader

query_app = typer.Typer(
    help="Search a store: quotes, events, actors, one actor's profile, articles.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
err = Console(stderr=True)


def _date(value: str | None) -> str | None:
    try:
        queries.day(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from exc
    return value


def _type(value: str | None) -> str | None:
    if value is not None and value.upper() not in queries.PLOVER_TYPES:
        raise typer.BadParameter(f"not one of {', '.join(queries.PLOVER_TYPES)}")
    return value.upper() if value else None


Db = Annotated[Path, typer.Option("--db", help="DuckDB store to read.")]
Format = Annotated[
    str,
    typer.Option(
        "--format", "-f", help="table, jsonl or csv (default: table on a terminal, else jsonl)."
    ),
]
From = Annotated[str | None, typer.Option("--from", help="YYYY-MM-DD, inclusive.", callback=_date)]
To = Annotated[str | None, typer.Option("--to", help="YYYY-MM-DD, inclusive.", callback=_date)]
Language = Annotated[str | None, typer.Option("--language", "-l", help="ISO 639-1 code.")]
Limit = Annotated[int, typer.Option("--limit", "-n", min=1, help="Rows to show.")]
Offset = Annotated[int, typer.Option("--offset", min=0, help="Rows to skip.")]
Text = Annotated[str | None, typer.Option("--query", "-q", help="Full-text words.")]
DEFAULT_DB = Path("veille.duckdb")


@contextmanager
def _reader(db: Path) -> Iterator[Reader]:
    try:
        with open_reader(db) as r:
            yield r
    except VeilleError as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(1) from exc


@query_app.command("quotes")
def quotes_command(
    speaker: Annotated[
        str | None, typer.Option("--speaker", "-s", help="Name, alias or id.")
    ] = None,
    query: Text = None,
    language: Language = None,
    date_from: From = None,
    date_to: To = None,
    db: Db = DEFAULT_DB,
    limit: Limit = 20,
    offset: Offset = 0,
    fmt: Format = "auto",
) -> None:
    """Quotes by speaker (any alias), words, language and publication date."""
    with _reader(db) as r:
        page = queries.quotes(
            r, speaker, query, language, date_from, date_to, limit=limit, offset=offset
        )
    emit(page, fmt, "quotes", QUOTE_COLUMNS)


@query_app.command("events")
def events_command(
    type: Annotated[
        str | None, typer.Option("--type", "-t", help="PLOVER type.", callback=_type)
    ] = None,
    actor: Annotated[str | None, typer.Option("--actor", "-a", help="Who acts.")] = None,
    recipient: Annotated[
        str | None, typer.Option("--recipient", "-r", help="Who is acted on.")
    ] = None,
    language: Language = None,
    date_from: From = None,
    date_to: To = None,
    db: Db = DEFAULT_DB,
    limit: Limit = 20,
    offset: Offset = 0,
    fmt: Format = "auto",
) -> None:
    """Events by type, actor, recipient (names match on aliases) and date."""
    with _reader(db) as r:
        page = queries.events(
            r, type, actor, recipient, date_from, date_to, language, limit=limit, offset=offset
        )
    emit(page, fmt, "events", EVENT_COLUMNS)


@query_app.command("actors")
def actors_command(
    kind: Annotated[
        str | None,
        typer.Option("--kind", "-k", help="person, organization, country, group or location."),
    ] = None,
    query: Annotated[str | None, typer.Option("--query", "-q", help="Part of a name.")] = None,
    language: Language = None,
    date_from: From = None,
    date_to: To = None,
    db: Db = DEFAULT_DB,
    limit: Limit = 20,
    offset: Offset = 0,
    fmt: Format = "auto",
) -> None:
    """The actors most spoken of (articles, then mentions)."""
    with _reader(db) as r:
        page = queries.top_actors(r, kind, query, language, date_from, date_to, limit, offset)
    emit(page, fmt, "actors", ACTOR_COLUMNS)


@query_app.command("actor")
def actor_command(
    name: Annotated[
        str, typer.Argument(help="Id, name or alias: country:RUS, Moscou, Stoltenberg.")
    ],
    date_from: From = None,
    date_to: To = None,
    db: Db = DEFAULT_DB,
    limit: Limit = 10,
    fmt: Format = "auto",
) -> None:
    """One actor's profile: aliases, counts, quotes, events by and against it, mentions a day."""
    with _reader(db) as r:
        profile = queries.actor_profile(r, name, date_from, date_to, limit)
    if profile is None:
        err.print(f"[red]error:[/red] no actor called {name!r}", highlight=False)
        raise typer.Exit(1)
    fmt = choose_format(fmt)
    if fmt == "csv":
        raise typer.BadParameter(
            "a profile is not a table: use jsonl or table", param_hint="--format"
        )
    if fmt == "jsonl":
        sys.stdout.write(json.dumps(profile, ensure_ascii=False) + "\n")
        return
    actor, counts = profile["actor"], profile["counts"]
    Console().print(
        f"[bold]{actor['name']}[/bold] ({actor['id']}, {actor['kind']})", highlight=False
    )
    Console().print(", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in counts.items()))
    Console().print(
        "aliases: " + ", ".join(a["alias"] for a in profile["aliases"]), highlight=False
    )
    for key, title, columns, total in (
        ("quotes", "quotes", QUOTE_COLUMNS, counts["quotes"]),
        ("events_by", "events by", EVENT_COLUMNS, counts["events_as_actor"]),
        ("events_against", "events against", EVENT_COLUMNS, counts["events_as_recipient"]),
    ):
        emit(queries.Page(total, limit, 0, profile[key]), "table", title, columns)


@query_app.command("articles")
def articles_command(
    query: Annotated[str | None, typer.Argument(help="Full-text words (accents ignored).")] = None,
    language: Language = None,
    date_from: From = None,
    date_to: To = None,
    db: Db = DEFAULT_DB,
    limit: Limit = 20,
    offset: Offset = 0,
    fmt: Format = "auto",
) -> None:
    """Articles matching words, best first (newest first without words)."""
    with _reader(db) as r:
        page = queries.search_articles(
            r, query, language, date_from, date_to, limit=limit, offset=offset
        )
    emit(page, fmt, "articles", ARTICLE_COLUMNS)


def export_command(
    db: Db = DEFAULT_DB,
    fmt: Annotated[str, typer.Option("--format", "-f", help="parquet, csv or jsonl.")] = "parquet",
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder to write into.")] = Path(
        "export"
    ),
) -> None:
    """Write every table of a store, and a GDELT-style events_gdelt, as Parquet, CSV or JSONL."""
    if fmt not in FORMATS:
        raise typer.BadParameter(f"{fmt!r}: use parquet, csv or jsonl", param_hint="--format")
    try:
        con = connect(db)
        try:
            written = export(con, out, fmt)
        finally:
            con.close()
    except VeilleError as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(1) from exc
    table = Table(title=f"veille export → {out}")
    table.add_column("table")
    table.add_column("rows", justify="right")
    table.add_column("file")
    for item in written:
        table.add_row(item.table, str(item.rows), str(item.path))
    err.print(table)


def serve_command(
    db: Db = DEFAULT_DB,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", "-p", min=1, max=65535)] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            "--token",
            envvar="VEILLE_TOKEN",
            help="Enables POST /api/ingest for requests bearing this token (opens the store "
            "read-write). Without it the server is read-only.",
        ),
    ] = None,
    cache: Annotated[
        int, typer.Option("--cache", min=0, help="Answers kept in memory (0: no cache).")
    ] = 4096,
) -> None:
    """Serve a store as a JSON API (OpenAPI at /openapi.json) and its dashboard at /."""
    try:
        import uvicorn

        from veille.api.app import create_app
    except ImportError as exc:
        err.print(f"[red]error:[/red] {exc}; install with: pip install 'veille[serve]'")
        raise typer.Exit(1) from exc
    try:
        app = create_app(db, token, cache_entries=cache)
    except VeilleError as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(1) from exc
    uvicorn.run(app, host=host, port=port)
