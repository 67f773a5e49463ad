"""Hostile input never stops a run: every bad document gets a record and a clear error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import veille
from tests.pages import PARAGRAPHS_DE, article_page

# Enough text for a page that is all teasers to look like one to a naive extractor.
TEASERS = "".join(
    f'<div class="teaser"><h2><a href="/a{i}">Titre numéro {i} de la rubrique</a></h2>'
    f"<p>Court résumé {i}.</p></div>"
    for i in range(40)
)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    page = article_page()
    (folder / "good.html").write_text(page, encoding="utf-8")
    (folder / "empty.html").write_bytes(b"")
    (folder / "binary.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    (folder / "truncated.html").write_text(page[: int(len(page) * 0.6)], encoding="utf-8")
    filler = "<div style='display:none'>" + "<span>x</span>" * 400_000 + "</div>"
    (folder / "huge.html").write_text(page.replace("</footer>", filler + "</footer>"))
    cp1252_as_utf8 = article_page(charset="utf-8").encode("cp1252")
    (folder / "wrong-charset.html").write_bytes(cp1252_as_utf8)
    no_charset = article_page().replace('<meta charset="utf-8">', "").encode("cp1252")
    (folder / "no-charset.html").write_bytes(no_charset)
    index = f"<html><head><title>Monde</title></head><body><main>{TEASERS}</main></body></html>"
    (folder / "index.html").write_text(index)
    german = article_page("Stromnetze im Fokus", PARAGRAPHS_DE, lang="de")
    (folder / "german.html").write_text(german)
    (folder / "broken.html.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    return folder


@pytest.fixture(scope="module")
def records(hostile: Path) -> dict[str, dict]:
    result = veille("extract", str(hostile), "--workers", "2", "--timeout", "120")
    assert result.returncode == 0, result.stderr.decode()
    lines = [json.loads(line) for line in result.stdout.decode().splitlines()]
    return {Path(r["source"].removeprefix("file:")).name: r for r in lines}


def _messages(record: dict, stage: str) -> str:
    return " | ".join(e["message"] for e in record["errors"] if e["stage"] == stage)


def test_one_record_per_document_in_input_order(records: dict[str, dict], hostile: Path) -> None:
    assert sorted(records) == sorted(p.name for p in hostile.iterdir())


def test_good_page_has_no_error(records: dict[str, dict]) -> None:
    good = records["good.html"]
    assert good["errors"] == []
    assert good["language"] == "fr" and good["published"] == "2026-03-16"
    assert good["text"].startswith("Les ministres des Affaires étrangères")


def test_empty_binary_and_broken_gzip(records: dict[str, dict]) -> None:
    assert _messages(records["empty.html"], "read") == "empty document"
    assert "PNG" in _messages(records["binary.html"], "read")
    assert "not a valid gzip file" in _messages(records["broken.html.gz"], "read")
    for name in ("empty.html", "binary.html", "broken.html.gz"):
        assert records[name]["text"] == ""


def test_truncated_page_keeps_what_it_has(records: dict[str, dict]) -> None:
    record = records["truncated.html"]
    assert "truncated" in _messages(record, "read")
    assert "Les ministres des Affaires étrangères" in record["text"]


def test_huge_page_is_cut_and_still_gives_the_article(records: dict[str, dict]) -> None:
    record = records["huge.html"]
    assert "only the first" in _messages(record, "read")
    assert "Les ministres des Affaires étrangères" in record["text"]


def test_wrong_and_missing_charsets(records: dict[str, dict]) -> None:
    wrong, missing = records["wrong-charset.html"], records["no-charset.html"]
    assert "charset: declared charset utf-8 does not fit" in _messages(wrong, "read")
    assert "charset: none declared; detected cp1252" in _messages(missing, "read")
    for record in (wrong, missing):
        assert "Les ministres des Affaires étrangères" in record["text"]


def test_index_of_teasers_is_not_an_article(records: dict[str, dict]) -> None:
    assert "no article: a list of short items" in _messages(records["index.html"], "extract")


def test_unsupported_language(records: dict[str, dict]) -> None:
    record = records["german.html"]
    assert record["language"] == "de"
    assert "unsupported: language 'de' is not analysed" in _messages(record, "language")
    assert "Außenminister" in record["text"]


def test_time_budget_is_reported_per_document(hostile: Path) -> None:
    result = veille("extract", str(hostile / "good.html"), "--timeout", "0.0001")
    record = json.loads(result.stdout)
    assert any(e["message"].startswith("timed out") for e in record["errors"])


def test_run_summary_counts_failures_by_reason(hostile: Path, tmp_path: Path) -> None:
    result = veille("run", str(hostile), "--db", str(tmp_path / "h.duckdb"))
    assert result.returncode == 0, result.stderr.decode()
    summary = result.stdout.decode()
    assert "documents processed" in summary and "│ 10" in summary
    for reason in (
        "read: empty document",
        "read: binary",
        "read: oversized",
        "read: charset",
        "read: truncated",
        "extract: no article",
        "language: unsupported",
    ):
        assert reason in summary, reason  # fmt: skip
