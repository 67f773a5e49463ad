"""JSON lines of {url, html}: one article per line, bad lines as read errors, cut into shards."""

from __future__ import annotations

import gzip
import json
import random
from dataclasses import replace
from pathlib import Path

import pytest

from tests.sources.support import EN_PAGE, FR_TEXT, page
from veille.config import Settings
from veille.jobs import extract_records
from veille.sources import open_inputs
from veille.sources.jsonl import JsonlShard, looks_like_jsonl, parse_line

FR_PAGE = page("Élection à Besançon", FR_TEXT, "fr")
LINES = [
    json.dumps({"url": "https://example.org/en", "html": EN_PAGE}),
    "",  # blank lines are skipped, and still counted
    "{not json",
    json.dumps(["a", "list"]),
    json.dumps({"url": "https://example.org/no-html"}),
    json.dumps({"url": "https://example.org/number", "html": 42}),
    json.dumps({"html": FR_PAGE}, ensure_ascii=False),
]
EXPECTED_ERRORS = {
    3: "json: line 3 is not valid JSON",
    4: "json: line 4 is not a JSON object",
    5: 'json: line 5 has no "html" string',
    6: 'json: line 6 has no "html" string',
}


def write_jsonl(path: Path, lines: list[str] = LINES) -> Path:
    data = ("\n".join(lines) + "\n").encode("utf-8")
    path.write_bytes(gzip.compress(data) if path.name.endswith(".gz") else data)
    return path


def articles_of(path: Path, settings: Settings) -> list:
    return [a for shard in open_inputs([str(path)], settings) for a in shard.articles()]


@pytest.mark.parametrize("name", ["pages.jsonl", "pages.jsonl.gz", "pages.ndjson"])
def test_good_and_bad_lines(tmp_path: Path, settings: Settings, name: str) -> None:
    path = write_jsonl(tmp_path / name)
    articles = articles_of(path, settings)
    assert [a.source for a in articles] == [f"jsonl:{path}#{n}" for n in (1, 3, 4, 5, 6, 7)]
    first, *bad, last = articles
    assert first.url == "https://example.org/en" and first.errors == []
    assert first.raw == EN_PAGE.encode() and first.content_type == "text/html; charset=utf-8"
    assert last.url is None and last.raw == FR_PAGE.encode() and last.errors == []
    for article in bad:
        number = int(article.source.rsplit("#", 1)[1])
        [error] = article.errors
        assert error.stage == "read" and error.message.startswith(EXPECTED_ERRORS[number])
        assert article.raw is None
    assert [a.url for a in bad] == [
        None,
        None,
        "https://example.org/no-html",
        "https://example.org/number",
    ]


def test_shards_cover_every_line_once_in_order(tmp_path: Path, settings: Settings) -> None:
    lines = [json.dumps({"url": f"https://example.org/{i}", "html": "<p>x</p>"}) for i in range(23)]
    path = write_jsonl(tmp_path / "many.jsonl.gz", lines)
    shards = open_inputs([str(path)], replace(settings, shard_size=5, workers=2))
    assert all(isinstance(s, JsonlShard) for s in shards)
    assert [s.id for s in shards] == [
        f"jsonl:{path}:{a}-{b}" for a, b in [(1, 5), (6, 10), (11, 15), (16, 20), (21, 23)]
    ]
    urls = [a.url for s in shards for a in s.articles()]
    assert urls == [f"https://example.org/{i}" for i in range(23)]


def test_damaged_gzip_ends_with_a_read_error(tmp_path: Path, settings: Settings) -> None:
    noise = random.Random(7)  # pages that do not compress away, so half the file holds lines
    lines = [
        json.dumps(
            {"url": f"https://example.org/{i}", "html": f"<p>{noise.randbytes(800).hex()}</p>"}
        )
        for i in range(40)
    ]
    whole = gzip.compress(("\n".join(lines) + "\n").encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(whole[: len(whole) // 2])
    articles = articles_of(path, replace(settings, shard_size=7))
    *good, broken = articles
    assert len(good) > 7 and all(a.errors == [] for a in good)  # several shards read
    assert [a.url for a in good] == [f"https://example.org/{i}" for i in range(len(good))]
    [error] = broken.errors
    assert error.stage == "read" and error.message.startswith("unreadable: ")
    assert broken.source == f"jsonl:{path}#{len(good) + 1}"


def test_empty_file_gives_no_shard(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_bytes(b"")
    assert open_inputs([str(path)], settings) == []


@pytest.mark.usefixtures("without_nlp")
def test_through_the_pipeline(tmp_path: Path, settings: Settings) -> None:
    path = write_jsonl(tmp_path / "pages.jsonl")
    records = list(extract_records([str(path)], settings))
    assert len(records) == 6
    en, fr = records[0], records[-1]
    assert (en.language, fr.language) == ("en", "fr")
    assert "Le conseil municipal a approuvé mardi" in fr.text
    assert [e.stage for r in records[1:-1] for e in r.errors] == ["read"] * 4


def test_parse_line_and_sniffing() -> None:
    assert parse_line(b"  \n", "s", 1) is None
    article = parse_line(b'{"html": "<p>caf\\u00e9 \\ud800</p>"}', "s#1", 1)
    assert article is not None and article.raw == "<p>café ?</p>".encode()
    assert looks_like_jsonl(b'\n{"url": "u", "html": "<p>x</p>"}\n')
    assert not looks_like_jsonl(b"<!DOCTYPE html><html></html>")
    assert not looks_like_jsonl(b"{ this is a template, not JSON }")
