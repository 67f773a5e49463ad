"""`veille extract` on standard input and on a plain text file, as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.sources.support import EN_PAGE, EN_TEXT, FR_TEXT
from veille.cli import app

pytestmark = pytest.mark.usefixtures("without_nlp")


def extract(*args: str, stdin: bytes | None = None) -> list[dict[str, Any]]:
    result = CliRunner().invoke(app, ["extract", "--workers", "1", *args], input=stdin)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def stages(record: dict[str, Any]) -> list[str]:
    return [e["stage"] for e in record["errors"]]


def test_stdin_html_document() -> None:
    [record] = extract("-", stdin=EN_PAGE.encode())
    assert record["source"] == "stdin"
    assert record["title"] == "Council approves tram line"
    assert "tram line on Tuesday" in record["text"]
    assert record["language"] == "en"
    assert stages(record) == []


def test_stdin_json_lines() -> None:
    lines = [
        json.dumps({"url": "https://example.org/tram", "html": EN_PAGE}),
        "not json at all",
        "",
    ]
    records = extract("-", stdin="\n".join(lines).encode())
    assert [r["source"] for r in records] == ["stdin#1", "stdin#2"]
    assert records[0]["url"] == "https://example.org/tram" and records[0]["language"] == "en"
    assert stages(records[1]) == ["read"]
    assert records[1]["errors"][0]["message"].startswith("json: line 2 is not valid JSON")


def test_stdin_between_files_keeps_input_order(tmp_path: Path) -> None:
    before, after = tmp_path / "before.txt", tmp_path / "after.txt"
    before.write_text(EN_TEXT)
    after.write_text(FR_TEXT)
    records = extract(str(before), "-", str(after), stdin=EN_PAGE.encode())
    assert [r["source"] for r in records] == [f"file:{before}", "stdin", f"file:{after}"]


def test_plain_text_file(tmp_path: Path) -> None:
    path = tmp_path / "dépêche.txt"
    path.write_text(f"  {FR_TEXT}\r\n\r\n{FR_TEXT}\r\n", encoding="utf-8")
    [record] = extract(str(path))
    assert record["source"] == f"file:{path}"
    assert record["text"] == f"{FR_TEXT}\n\n{FR_TEXT}"  # no extraction: the text as written
    assert record["title"] is None
    assert record["language"] == "fr"
    assert stages(record) == []


def test_missing_input_is_one_line_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "nope.html")])
    assert result.exit_code == 1
    assert "no such file, directory or URL" in result.output
