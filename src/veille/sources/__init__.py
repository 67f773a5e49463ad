"""Sources: cut inputs (paths, URLs, standard input) into shards of documents."""

from __future__ import annotations

import math
from pathlib import Path

from veille.config import Settings
from veille.errors import SourceError
from veille.pipeline import Shard
from veille.sources.files import FileShard, is_html_file, is_text_file, list_directory


def chunk(items: list[str], size: int) -> list[tuple[str, ...]]:
    """Split `items` into consecutive tuples of at most `size`."""
    return [tuple(items[i : i + size]) for i in range(0, len(items), size)]


def shard_size(n: int, settings: Settings) -> int:
    """Shards small enough that every worker gets one, at most `settings.shard_size` each."""
    return max(1, min(settings.shard_size, math.ceil(n / max(1, settings.workers))))


def open_inputs(inputs: list[str], settings: Settings) -> list[Shard]:
    """Turn the command line's inputs into shards, in input order."""
    shards: list[Shard] = []
    loose_files: list[str] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            loose_files.extend(str(p) for p in list_directory(path))
        elif path.is_file() and (is_html_file(path) or is_text_file(path)):
            loose_files.append(str(path))
        elif path.exists():
            loose_files.append(str(path))  # unknown suffix: read it as HTML and let decoding judge
        else:
            raise SourceError(f"no such file, directory or URL: {item}")
    size = shard_size(len(loose_files), settings)
    for i, paths in enumerate(chunk(loose_files, size)):
        shards.append(FileShard(id=f"files:{paths[0]}:{i}:{len(paths)}", paths=paths))
    return shards
