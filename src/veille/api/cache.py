"""A bounded LRU cache of the API's GET answers, keyed by path and query string.

A read-only server's store never changes under it, so an answer stays right for the server's
life; a server with a token clears the cache after each ingest (`ResponseCache.clear`), and an
answer computed while an ingest ran is not kept (the generation it started in has passed).
Only `200` answers of `GET /api/…` are kept; each answer says `x-cache: hit` or `miss`.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field

from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Defaults: entries, and bytes of bodies held in all (the larger answers are ~100 kB).
MAX_ENTRIES = 4096
MAX_BYTES = 64 * 1024 * 1024
Headers = list[tuple[bytes, bytes]]


@dataclass
class ResponseCache:
    """Answers by key, least recently used evicted first, within `max_entries` and `max_bytes`."""

    max_entries: int = MAX_ENTRIES
    max_bytes: int = MAX_BYTES
    hits: int = 0
    misses: int = 0
    generation: int = 0
    size: int = 0
    _entries: OrderedDict[str, tuple[Headers, bytes]] = field(default_factory=OrderedDict)
    # Ingests clear it from a worker thread while the event loop reads it.
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def get(self, key: str) -> tuple[Headers, bytes] | None:
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                self.misses += 1
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return found

    def put(self, key: str, headers: Headers, body: bytes, generation: int) -> None:
        """Keep an answer computed in `generation` (dropped if the store changed since)."""
        with self._lock:
            if generation != self.generation or len(body) > self.max_bytes // 8:
                return
            old = self._entries.pop(key, None)
            if old is not None:
                self.size -= len(old[1])
            self._entries[key] = (headers, body)
            self.size += len(body)
            while len(self._entries) > self.max_entries or self.size > self.max_bytes:
                _, (_, dropped) = self._entries.popitem(last=False)
                self.size -= len(dropped)

    def clear(self) -> None:
        """Forget every answer: the store has changed."""
        with self._lock:
            self._entries.clear()
            self.size = 0
            self.generation += 1

    def __len__(self) -> int:
        return len(self._entries)


class CacheMiddleware:
    """ASGI middleware answering repeated `GET /api/…` requests from a `ResponseCache`."""

    def __init__(self, app: ASGIApp, cache: ResponseCache) -> None:
        self.app = app
        self.cache = cache

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or scope["method"] != "GET" or not path.startswith("/api/"):
            await self.app(scope, receive, send)
            return
        key = f"{path}?{scope.get('query_string', b'').decode('latin-1')}"
        found = self.cache.get(key)
        if found is not None:
            headers, body = found
            await send({"type": "http.response.start", "status": 200,
                        "headers": [*headers, (b"x-cache", b"hit")]})  # fmt: skip
            await send({"type": "http.response.body", "body": body})
            return
        generation = self.cache.generation
        start: Message = {}
        chunks: list[bytes] = []

        async def keep(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
                message = {**message, "headers": [*message["headers"], (b"x-cache", b"miss")]}
            elif message["type"] == "http.response.body" and start.get("status") == 200:
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    self.cache.put(key, list(start["headers"]), b"".join(chunks), generation)
            await send(message)

        await self.app(scope, receive, keep)
