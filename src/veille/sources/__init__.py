"""Sources: cut inputs (paths, URLs, standard input) into shards of documents.

Shard ids depend only on the inputs, so the same command line gives the same shards.
An input named twice (or a file reached twice) is read once.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from itertools import groupby
from pathlib import Path

from veille.config import Settings
from veille.errors import SourceError
from veille.pipeline import Shard
from veille.sources.files import FileShard, list_directory
from veille.sources.jsonl import (
    JsonlBytesShard,
    JsonlShard,
    is_jsonl_file,
    line_offsets,
    looks_like_jsonl,
    numbered_lines,
)
from veille.sources.stdin import StdinShard, read_stdin
from veille.sources.urls import UrlShard, is_url, read_url_list
from veille.sources.warc import WarcShard, is_warc_file

STDIN = "-"

# What `_items` yields: a loose file or URL (pooled with its neighbours), or ready shards.
_Item = tuple[str, str | list[Shard]]


def chunk(items: list[str], size: int) -> list[tuple[str, ...]]:
    """Split `items` into consecutive tuples of at most `size`."""
    return [tuple(items[i : i + size]) for i in range(0, len(items), size)]


def shard_size(n: int, settings: Settings) -> int:
    """Shards small enough that every worker gets one, at most `settings.shard_size` each."""
    return max(1, min(settings.shard_size, math.ceil(n / max(1, settings.workers))))


def open_inputs(inputs: list[str], settings: Settings) -> list[Shard]:
    """Turn the command line's inputs into shards, in input order.

    Consecutive loose files (and consecutive URLs) are pooled, then cut into shards; a WARC
    file, a JSON-lines file, a file of URLs and standard input each give their own shards.
    """
    shards: list[Shard] = []
    for kind, group in groupby(_items(inputs, settings), key=lambda item: item[0]):
        values = [value for _, value in group]
        if kind == "file":
            shards.extend(file_shards([str(v) for v in values], settings))
        elif kind == "url":
            shards.extend(url_shards(str(values[0]), [str(v) for v in values], settings))
        else:
            shards.extend(s for ready in values if isinstance(ready, list) for s in ready)
    return shards


def _items(inputs: list[str], settings: Settings) -> Iterator[_Item]:
    seen: set[str] = set()
    for item in inputs:
        key = item if item == STDIN or is_url(item) else str(Path(item))
        if key in seen:
            continue
        seen.add(key)
        path = Path(item)
        if item == STDIN:
            yield "shards", stdin_shards(read_stdin(), settings)
        elif is_url(item):
            yield "url", item
        elif path.is_dir():
            for found in map(str, list_directory(path)):
                if found not in seen:
                    seen.add(found)
                    yield "file", found
        elif not path.exists():
            raise SourceError(f"no such file, directory or URL: {item}")
        elif is_warc_file(path):
            yield "shards", [WarcShard(f"warc:{path}", str(path), settings.max_download_bytes)]
        elif is_jsonl_file(path):
            yield "shards", jsonl_shards(path, settings)
        elif (urls := url_list(path)) is not None:
            yield "shards", url_shards(str(path), urls, settings)
        else:  # HTML, text, or an unknown suffix that decoding will judge
            yield "file", str(path)


def url_list(path: Path) -> list[str] | None:
    """The URLs of a `.urls` file, or of a `.txt` file that holds only URLs; else None."""
    name = path.name.lower()
    if not name.endswith((".urls", ".txt")):
        return None
    try:
        urls = read_url_list(path)
    except OSError as exc:
        if name.endswith(".txt"):
            return None  # read as a text file, which reports the problem on its record
        raise SourceError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if urls is None and name.endswith(".urls"):
        raise SourceError(f"{path} is not a list of http(s) URLs (one a line, # for comments)")
    return urls


def file_shards(paths: list[str], settings: Settings) -> list[Shard]:
    size = shard_size(len(paths), settings)
    return [
        FileShard(id=f"files:{part[0]}:{i}:{len(part)}", paths=part)
        for i, part in enumerate(chunk(paths, size))
    ]


def url_shards(label: str, urls: list[str], settings: Settings) -> list[Shard]:
    """Chunks of URLs; `label` (the list file, or the first URL given) names the shards."""
    size = shard_size(len(urls), settings)
    return [
        UrlShard(id=f"urls:{label}:{i}:{len(part)}", urls=part, settings=settings)
        for i, part in enumerate(chunk(urls, size))
    ]


def jsonl_shards(path: Path, settings: Settings) -> list[Shard]:
    offsets = line_offsets(path)
    n = len(offsets)
    size = shard_size(n, settings)
    return [
        JsonlShard(
            id=f"jsonl:{path}:{i + 1}-{min(i + size, n)}",
            path=str(path),
            first=i + 1,
            offset=offsets[i],
            count=min(size, n - i),
        )
        for i in range(0, n, size)
    ]


def stdin_shards(data: bytes, settings: Settings) -> list[Shard]:
    """JSON lines from standard input in chunks, or the one HTML document it holds."""
    if not looks_like_jsonl(data):
        return [StdinShard(id="stdin", data=data)]
    lines = numbered_lines(data)
    size = shard_size(len(lines), settings)
    return [
        JsonlBytesShard(
            id=f"stdin:{i + 1}-{min(i + size, len(lines))}",
            label="stdin",
            lines=tuple(lines[i : i + size]),
        )
        for i in range(0, len(lines), size)
    ]
