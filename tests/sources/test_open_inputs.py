"""`open_inputs`: which shard each input becomes, in order, with stable ids."""

from __future__ import annotations

import io
import json
import pickle
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from tests.sources.support import EN_PAGE, EN_TEXT
from veille.config import Settings
from veille.errors import SourceError
from veille.sources import open_inputs
from veille.sources.files import FileShard
from veille.sources.jsonl import JsonlBytesShard, JsonlShard
from veille.sources.stdin import StdinShard
from veille.sources.urls import UrlShard
from veille.sources.warc import WarcShard


@pytest.fixture
def inputs(tmp_path: Path) -> dict[str, Path]:
    """One input of every kind (the WARC is empty: only its name matters here)."""
    files = {
        "html": tmp_path / "a.html",
        "text": tmp_path / "note.txt",
        "urls_txt": tmp_path / "watch.txt",
        "urls": tmp_path / "list.urls",
        "jsonl": tmp_path / "pages.jsonl",
        "warc": tmp_path / "crawl.warc.gz",
        "dir": tmp_path / "site",
    }
    files["html"].write_text(EN_PAGE)
    files["text"].write_text(EN_TEXT)
    files["urls_txt"].write_text("# watch list\nhttps://example.org/a\n\nhttp://example.org/b\n")
    files["urls"].write_text("https://example.org/c\n")
    files["jsonl"].write_text(json.dumps({"url": "u", "html": "<p>x</p>"}) + "\n")
    files["warc"].write_bytes(b"")
    files["dir"].mkdir()
    (files["dir"] / "b.html").write_text(EN_PAGE)
    (files["dir"] / "c.htm").write_text(EN_PAGE)
    return files


def test_each_input_kind(inputs: dict[str, Path], settings: Settings) -> None:
    order = ["html", "text", "urls_txt", "urls", "jsonl", "warc", "dir"]
    args = [str(inputs[k]) for k in order] + ["https://example.org/d", "http://example.org/e"]
    shards = open_inputs(args, replace(settings, workers=1))
    assert [type(s) for s in shards] == [
        FileShard,  # a.html and note.txt, pooled
        UrlShard,  # watch.txt holds only URLs
        UrlShard,
        JsonlShard,
        WarcShard,
        FileShard,  # the directory
        UrlShard,  # the two URLs, pooled
    ]
    assert shards[0].paths == (str(inputs["html"]), str(inputs["text"]))
    assert shards[1].urls == ("https://example.org/a", "http://example.org/b")
    assert shards[5].paths == (str(inputs["dir"] / "b.html"), str(inputs["dir"] / "c.htm"))
    assert shards[6].urls == ("https://example.org/d", "http://example.org/e")


def test_ids_are_stable_and_unique(inputs: dict[str, Path], settings: Settings) -> None:
    args = [str(p) for p in inputs.values()] + ["https://example.org/d"]
    first = [s.id for s in open_inputs(args, settings)]
    again = [s.id for s in open_inputs(args, settings)]
    assert first == again
    assert len(set(first)) == len(first)


def test_shards_survive_pickling(inputs: dict[str, Path], settings: Settings) -> None:
    """Worker processes receive shards pickled."""
    for shard in open_inputs([str(p) for p in inputs.values()], settings):
        assert pickle.loads(pickle.dumps(shard)) == shard


def test_an_input_named_twice_is_read_once(inputs: dict[str, Path], settings: Settings) -> None:
    html, site = str(inputs["html"]), str(inputs["dir"])
    shards = open_inputs(
        [html, site, html, f"{site}/b.html", "https://x.org/", "https://x.org/"], settings
    )
    paths = [p for s in shards if isinstance(s, FileShard) for p in s.paths]
    assert paths == [html, f"{site}/b.html", f"{site}/c.htm"]
    assert [u for s in shards if isinstance(s, UrlShard) for u in s.urls] == ["https://x.org/"]


def test_a_text_file_with_prose_is_not_a_url_list(tmp_path: Path, settings: Settings) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("https://example.org/a\nSee the article above about the tram.\n")
    [shard] = open_inputs([str(notes)], settings)
    assert isinstance(shard, FileShard)


def test_a_urls_file_must_hold_only_urls(tmp_path: Path, settings: Settings) -> None:
    listing = tmp_path / "bad.urls"
    listing.write_text("https://example.org/a\nexample.org/b\n")
    with pytest.raises(SourceError, match="not a list of http"):
        open_inputs([str(listing)], settings)


def test_missing_path(tmp_path: Path, settings: Settings) -> None:
    with pytest.raises(SourceError, match="no such file"):
        open_inputs([str(tmp_path / "missing.warc")], settings)


def test_urls_are_cut_so_every_worker_gets_some(settings: Settings) -> None:
    urls = [f"https://example.org/{i}" for i in range(10)]
    shards = open_inputs(urls, replace(settings, workers=4, shard_size=50))
    assert [len(s.urls) for s in shards] == [3, 3, 3, 1]
    assert [s.id for s in shards] == [f"urls:{urls[0]}:{i}:{n}" for i, n in enumerate([3, 3, 3, 1])]


def stdin_of(data: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_stdin_html(monkeypatch: pytest.MonkeyPatch, settings: Settings) -> None:
    stdin_of(EN_PAGE.encode(), monkeypatch)
    [shard] = open_inputs(["-"], settings)
    assert isinstance(shard, StdinShard) and shard.id == "stdin"
    [article] = shard.articles()
    assert article.source == "stdin" and article.raw == EN_PAGE.encode()
    assert article.content_type == "text/html"


def test_stdin_json_lines_are_sharded(monkeypatch: pytest.MonkeyPatch, settings: Settings) -> None:
    lines = [json.dumps({"url": f"https://example.org/{i}", "html": "<p>x</p>"}) for i in range(5)]
    stdin_of(("\n".join(lines) + "\n").encode(), monkeypatch)
    shards = open_inputs(["-"], replace(settings, shard_size=2))
    assert all(isinstance(s, JsonlBytesShard) for s in shards)
    assert [s.id for s in shards] == ["stdin:1-2", "stdin:3-4", "stdin:5-6"]
    articles = [a for s in shards for a in s.articles()]
    assert [a.source for a in articles] == [f"stdin#{i}" for i in range(1, 6)]
    assert [a.url for a in articles] == [f"https://example.org/{i}" for i in range(5)]
