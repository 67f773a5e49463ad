"""The command line: each verb wraps a public function of the same job."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from veille import __version__
from veille.api.cli import export_command, query_app, serve_command
from veille.config import Settings
from veille.errors import VeilleError
from veille.jobs import Summary, extract_records, load, run

app = typer.Typer(
    name="veille",
    help="Media monitoring: who said what, who is spoken of, who did what to whom.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
err = Console(stderr=True)
out = Console()

Inputs = Annotated[
    list[str],
    typer.Argument(
        help="HTML files (.html, .htm, .html.gz), directories, WARC files, JSON lines of "
        "{url, html}, text files, http(s) URLs, a file of URLs, or - for standard input.",
        show_default=False,
        metavar="INPUT...",
    ),
]
Workers = Annotated[
    int | None,
    typer.Option("--workers", "-w", help="Worker processes (default: every available core)."),
]

Timeout = Annotated[
    float | None,
    typer.Option("--timeout", help="Seconds one step may spend on one document (default 20)."),
]

ActorsFile = Annotated[
    Path | None,
    typer.Option("--actors", help="YAML or CSV file of actors and aliases to add or override."),
]


def _settings(
    workers: int | None = None, timeout: float | None = None, actors: Path | None = None
) -> Settings:
    settings = Settings()
    if actors is not None:
        from veille.nlp.actors.userfile import load_user_actors

        load_user_actors(actors)  # a bad file is one clear error now, not one per document
        settings = replace(settings, actors_file=str(actors))
    if workers:
        settings = replace(settings, workers=workers)
    if timeout:
        settings = replace(settings, doc_timeout=timeout)
    return settings


@contextmanager
def _progress(label: str) -> Iterator[object]:
    """A progress bar on stderr when it is a terminal; else nothing."""
    if not err.is_terminal:
        yield None
        return
    columns = (
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("documents"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=err, transient=True) as bar:
        task = bar.add_task(label, total=None)

        def advance(documents: int, shards: int) -> None:
            bar.advance(task, documents)

        yield advance


def _fail(exc: Exception) -> typer.Exit:
    err.print(f"[red]error:[/red] {exc}", highlight=False)
    return typer.Exit(code=1)


@app.command()
def extract(
    inputs: Inputs, workers: Workers = None, timeout: Timeout = None, actors: ActorsFile = None
) -> None:
    """Print one JSON record per input document (JSON lines), in input order."""
    try:
        with _progress("extracting") as advance:
            for article in extract_records(inputs, _settings(workers, timeout, actors), advance):  # type: ignore[arg-type]
                sys.stdout.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")
    except VeilleError as exc:
        raise _fail(exc) from exc


class ExecutorName(StrEnum):
    local = "local"
    ray = "ray"


@app.command("run")
def run_command(
    inputs: Inputs,
    db: Annotated[
        Path | None,
        typer.Option("--db", help="DuckDB file to store into (default: veille.duckdb)."),
    ] = None,
    workers: Workers = None,
    timeout: Timeout = None,
    actors: ActorsFile = None,
    executor: Annotated[
        ExecutorName,
        typer.Option(
            "--executor",
            help="local: a pool of worker processes. ray: Ray tasks, on a local Ray instance "
            "(--workers CPUs) or on the cluster of --ray-address (needs veille[ray]).",
        ),
    ] = ExecutorName.local,
    ray_address: Annotated[
        str | None,
        typer.Option(
            "--ray-address",
            help="Ray cluster to join: auto (this machine's cluster), HOST:6379 or "
            "ray://HOST:10001. Default: start a local Ray instance.",
        ),
    ] = None,
    parts: Annotated[
        Path | None,
        typer.Option(
            "--parts",
            help="Write Parquet parts to this folder instead of a store (one file per table and "
            "shard, a marker per finished shard; reruns skip finished shards); then "
            "`veille load DIR --db FILE`.",
        ),
    ] = None,
) -> None:
    """Process documents into a DuckDB store (or Parquet parts); reruns skip what is done."""
    if db is None and parts is None:
        db = Path("veille.duckdb")
    try:
        with _progress("processing") as advance:
            summary = run(
                inputs,
                db,
                _settings(workers, timeout, actors),
                advance,  # type: ignore[arg-type]
                executor=executor.value,  # type: ignore[arg-type]
                address=ray_address,
                parts=parts,
            )
    except VeilleError as exc:
        raise _fail(exc) from exc
    print_summary(summary, parts or db or Path(), "parts" if parts is not None else "run")


@app.command("load")
def load_command(
    parts: Annotated[
        Path,
        typer.Argument(
            help="Folder of Parquet parts written by veille run --parts.", metavar="DIR"
        ),
    ],
    db: Annotated[Path, typer.Option("--db", help="DuckDB file to load into.")] = Path(
        "veille.duckdb"
    ),
) -> None:
    """Merge Parquet parts into a DuckDB store; loading the same parts twice stores nothing twice."""
    try:
        with _progress("loading") as advance:
            summary = load(parts, db, advance)  # type: ignore[arg-type]
    except VeilleError as exc:
        raise _fail(exc) from exc
    print_summary(summary, db, "load")


@app.command("watch")
def watch_command(
    sources: Annotated[
        list[str],
        typer.Argument(
            help="RSS/Atom feed, sitemap or site URLs.",
            show_default=False,
            metavar="FEED_OR_SITE...",
        ),
    ],
    db: Annotated[Path, typer.Option("--db", help="DuckDB file to store into.")] = Path(
        "veille.duckdb"
    ),
    every: Annotated[
        str | None, typer.Option("--every", help="Repeat every DURATION (30s, 10m, 1h).")
    ] = None,
    once: Annotated[
        bool, typer.Option("--once", help="One pass, then exit (the default).")
    ] = False,
    delay: Annotated[
        float, typer.Option("--delay", help="Seconds between two requests to one host.")
    ] = 1.0,
    timeout: Timeout = None,
) -> None:
    """Fetch new articles from feeds and sitemaps politely, process and store them, never twice."""
    from veille.watch import PassSummary, parse_duration, watch

    def report(p: PassSummary) -> None:
        err.print(
            f"watch: {p.listings} listings read, {p.unchanged} unchanged, {p.links} links,"
            f" {p.new} new, {p.stored} stored, {p.failed} failed, {p.retry} to retry,"
            f" {p.disallowed} disallowed by robots.txt, {p.requests} requests",
            highlight=False,
        )
        for problem in p.problems:
            err.print(f"  {problem}", highlight=False)

    try:
        interval = None if once or every is None else parse_duration(every)
        watch(sources, db, _settings(1, timeout), every=interval, delay=delay, on_pass=report)
    except VeilleError as exc:
        raise _fail(exc) from exc
    except KeyboardInterrupt:
        raise typer.Exit(code=130) from None


def print_summary(summary: Summary, db: Path, verb: str = "run") -> None:
    """The end-of-run table: documents, stored, failures by reason, speed."""
    table = Table(title=f"veille {verb} → {db}", show_header=False)
    table.add_row("documents processed", str(summary.documents))
    table.add_row("written to parts" if verb == "parts" else "newly stored", str(summary.stored))
    table.add_row("already stored (skipped)", str(summary.skipped))
    table.add_row("failed (no text)", str(summary.failed))
    table.add_row("partial (text, with errors)", str(summary.partial))
    table.add_row("documents/s", f"{summary.rate:.1f}")
    for reason, n in summary.reasons.most_common():
        table.add_row(f"  error · {reason}", str(n))
    out.print(table)


app.add_typer(query_app, name="query")
app.command("export")(export_command)
app.command("serve")(serve_command)


def version_callback(value: bool) -> None:
    if value:
        out.print(f"veille {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=version_callback, is_eager=True)
    ] = False,
) -> None:
    """veille: media monitoring from news web pages."""
