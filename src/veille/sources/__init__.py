"""Sources: cut inputs (paths, URLs, standard input) into shards of documents.

Shard ids depend only on the inputs, so the same command line gives the same shards.
An input named twice (or a file reached twice) is read once.
"""

from __future__ import annotations

import math
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


def chunk(items: list[str], size: int) -> list[tuple[str, ...]]:
    """Split `items` into consecutive tuples of at most `size`."""
    return [tuple(items[i : i + size]) for i in range(0, len(items), size)]


def shard_size(n: int, settings: Settings) -> int:
    """Shards small enough that every worker gets one, at most `settings.shard_size` each."""
    return max(1, min(settings.shard_size, math.ceil(n / max(1, settings.workers))))


def open_inputs(inputs: list[str], settings: Settings) -> list[Shard]:
    """Turn the command line's inputs into shards, in input order.

    Consecutive files (and consecutive URLs) are pooled, then cut into shards.
    """
    shards: list[Shard] = []
    pooled: list[str] = []  # files, or URLs, waiting to be cut into shards
    pooled_urls = False
    seen: set[str] = set()

    def pool(item: str, is_url: bool) -> None:
        nonlocal pooled_urls
        if pooled and pooled_urls != is_url:
            flush()
        pooled_urls = is_url
        pooled.append(item)

    def flush() -> None:
        shards.extend(url_shards(pooled[0], pooled, settings) if pooled_urls else file_shards(pooled, settings))
        pooled.clear()

    for item in inputs:
        key = item if item == STDIN or is_url(item) else str(Path(item))
        if key in seen:
            continue
        seen.add(key)
        if item == STDIN:
            flush()
            shards.extend(stdin_shards(read_stdin(), settings))
        elif is_url(item):
            pool(item, is_url=True)
        elif (path := Path(item)).is_dir():
            for found in map(str, list_directory(path)):
                if found not in seen:
                    seen.add(found)
                    pool(found, is_url=False)
        elif not path.is_file():
            raise SourceError(f"no such file, directory or URL: {item}")
        elif is_warc_file(path) or is_jsonl_file(path) or (urls := url_list(path)) is not None:
            ...
