"""`veille query`, `veille export` and `veille serve` on a hand-made store."""

from __future__ import annotations

import csv
import io
import json
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from tests.store.corpus import build_store
from veille.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("cli") / "s.duckdb")


def _lines(*args: str) -> list[dict[str, object]]:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_piped_output_is_json_lines(db: Path) -> None:
    quotes = _lines("query", "quotes", "--db", str(db), "--speaker", "Stoltenberg")
    assert [q["speaker"] for q in quotes] == ["person:jens-stoltenberg"] * 2
    events = _lines("query", "events", "--db", str(db), "-t", "accuse", "-r", "Moscou",
                    "--from", "2024-03-01", "--to", "2024-03-31")  # fmt: skip
    assert [e["actors"][0]["id"] for e in events] == ["org:NATO"]
    actors = _lines("query", "actors", "--db", str(db), "--kind", "country", "-n", "2")
    assert [a["id"] for a in actors] == ["country:RUS", "country:UKR"]
    articles = _lines("query", "articles", "negociations", "--db", str(db), "-l", "fr")
    assert len(articles) == 2
    (profile,) = _lines("query", "actor", "OTAN", "--db", str(db))
    assert profile["actor"]["id"] == "org:NATO"


def test_csv_and_table_formats(db: Path) -> None:
    result = runner.invoke(app, ["query", "actors", "--db", str(db), "--format", "csv"])
    table = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(table) == 6 and table[0]["id"] == "country:RUS" and table[0]["articles"] == "3"
    result = runner.invoke(
        app, ["query", "quotes", "--db", str(db), "-q", "echouent", "-f", "table"]
    )
    assert result.exit_code == 0 and "Ces négociations échouent" in result.stdout
    assert "1–1 of 1" in result.stdout
    result = runner.invoke(app, ["query", "actor", "Russia", "--db", str(db), "-f", "table"])
    assert result.exit_code == 0 and "events against" in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["query", "events", "--from", "2024-02-30"],
        ["query", "events", "--type", "INVADE"],
        ["query", "quotes", "--format", "xml"],
        ["export", "--format", "xlsx"],
    ],
)
def test_bad_arguments_exit_2(db: Path, args: list[str]) -> None:
    assert runner.invoke(app, [*args, "--db", str(db)]).exit_code == 2


def test_missing_store_or_actor_exit_1(db: Path, tmp_path: Path) -> None:
    missing = runner.invoke(app, ["query", "quotes", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 1 and "no store" in missing.output
    assert runner.invoke(app, ["query", "actor", "Zanzibar", "--db", str(db)]).exit_code == 1


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_export_writes_every_table(db: Path, tmp_path: Path, fmt: str) -> None:
    result = runner.invoke(
        app, ["export", "--db", str(db), "--format", fmt, "--out", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    names = {p.name for p in tmp_path.iterdir()}
    assert {f"{t}.{fmt}" for t in ("articles", "quotes", "events", "events_gdelt", "runs")} <= names


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_answers_on_loopback(db: Path) -> None:
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "veille", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/api/quotes?speaker=Stoltenberg")
                break
            except httpx.TransportError:
                assert server.poll() is None, server.stderr.read() if server.stderr else ""
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.2)
        assert answer.status_code == 200 and answer.json()["total"] == 2
        spec = httpx.get(f"http://127.0.0.1:{port}/openapi.json").json()
        assert "/api/events" in spec["paths"]
    finally:
        server.terminate()
        server.wait(timeout=30)
