"""Standard input (`-`): read whole in the parent process, carried to a worker by its shard."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass

from veille.article import Article
from veille.errors import SourceError


def read_stdin() -> bytes:
    """All bytes of standard input (a worker process cannot read the parent's)."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise SourceError("standard input is not available")
    try:
        return stream.read()
    except OSError as exc:
        raise SourceError(f"cannot read standard input: {exc}") from exc


@dataclass(frozen=True)
class StdinShard:
    """One HTML document read from standard input."""

    id: str
    data: bytes

    def articles(self) -> Iterator[Article]:
        yield Article(source="stdin", raw=self.data, content_type="text/html")
