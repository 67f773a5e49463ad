"""What watch remembers in the store: the URLs it has seen and each listing's validators."""

from __future__ import annotations

from datetime import UTC, datetime

from veille.sources.urls import Validators
from veille.store import DuckDBStore


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class WatchState:
    """The `seen` and `listings` tables of one store (migration 003)."""

    def __init__(self, store: DuckDBStore) -> None:
        self.db = store.db

    def unseen(self, urls: list[str]) -> list[str]:
        """`urls` never fetched before, in order, each once."""
        if not urls:
            return []
        rows = self.db.execute("SELECT url FROM seen WHERE url IN ?", [list(set(urls))]).fetchall()
        known = {row[0] for row in rows}
        out: list[str] = []
        for url in urls:
            if url not in known:
                known.add(url)
                out.append(url)
        return out

    def mark(self, url: str, listing: str | None, status: str, article_id: str | None) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO seen VALUES (?, ?, ?, ?, ?)",
            [url, listing, status, article_id, _now()],
        )

    def validators(self, url: str) -> Validators | None:
        row = self.db.execute(
            "SELECT etag, last_modified FROM listings WHERE url = ?", [url]
        ).fetchone()
        return Validators(row[0], row[1]) if row else None

    def checked(self, url: str, validators: Validators, status: int) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO listings VALUES (?, ?, ?, ?, ?)",
            [url, validators.etag, validators.last_modified, _now(), status],
        )
