"""`watch`: read feeds and sitemaps, fetch the pages never seen, process and store them; repeat."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from veille.article import Article
from veille.config import Settings
from veille.pipeline import Pipeline
from veille.steps import build_pipeline
from veille.store import DuckDBStore, document_status
from veille.watch.discover import MAX_SITEMAPS, classify
from veille.watch.polite import HOST_DELAY, PoliteFetcher
from veille.watch.state import WatchState

# A fetch that gave up on a transient failure is retried on a later pass, not marked seen.
_TRANSIENT_MARK = "gave up after"


@dataclass
class PassSummary:
    """What one pass did."""

    listings: int = 0  # feeds and sitemaps read (200)
    unchanged: int = 0  # answered 304 Not Modified
    links: int = 0  # article links found in them
    new: int = 0  # links never seen before
    stored: int = 0
    failed: int = 0  # fetched, but no text (recorded, not retried)
    retry: int = 0  # transient failures, retried next pass
    disallowed: int = 0  # forbidden by robots.txt: not fetched
    requests: int = 0
    problems: list[str] = field(default_factory=list)


def watch_pass(
    sources: list[str], db: str | Path, fetcher: PoliteFetcher, pipeline: Pipeline
) -> PassSummary:
    """One pass over `sources` (feed, sitemap or site URLs) into the store at `db`."""
    summary = PassSummary()
    before = fetcher.requests
    with DuckDBStore(db) as store:
        state = WatchState(store)
        links = _discover(sources, fetcher, state, summary)
        summary.links = len(links)
        todo: list[tuple[str, str]] = []
        for url in state.unseen(list(links)):
            summary.new += 1
            if fetcher.allowed(url):
                todo.append((url, links[url]))
            else:
                summary.disallowed += 1
        fetched: list[tuple[str, str, Article]] = []
        for url, listing in todo:
            article = fetcher.get(url).article
            if any(_TRANSIENT_MARK in e.message for e in article.errors):
                summary.retry += 1
                summary.problems.append(f"{url}: {article.errors[-1].message}")
            else:
                fetched.append((url, listing, article))
        processed = list(pipeline(a for _, _, a in fetched))
        run_id = store.begin_run([f"watch:{s}" for s in sources])
        stored = store.write(processed, run_id)
        for (url, listing, _), article in zip(fetched, processed, strict=True):
            ok = document_status(article) != "failed"
            summary.stored += ok
            summary.failed += not ok
            for key in {url, article.url or url}:
                state.mark(key, listing, "stored" if ok else "failed", article.id)
        summary.requests = fetcher.requests - before
        counts = {"documents": len(processed), "stored": stored, "failed": summary.failed}
        store.finish_run(run_id, counts)
    return summary


def _discover(
    sources: list[str], fetcher: PoliteFetcher, state: WatchState, summary: PassSummary
) -> dict[str, str]:
    """Article links (to the listing that gave them) from the sources and what they point to."""
    queue, visited = list(sources), set[str]()
    links: dict[str, str] = {}
    while queue and len(visited) < MAX_SITEMAPS * len(sources):
        url = queue.pop(0)
        if url in visited:
            continue
        visited.add(url)
        if not fetcher.allowed(url):
            summary.disallowed += 1
            continue
        listing = fetcher.get_listing(url, state.validators(url))
        if listing.status == 304:
            summary.unchanged += 1
            state.checked(url, listing.validators, 304)
            continue
        if listing.status != 200:
            summary.problems.append(f"{url}: {listing.problem or f'http {listing.status}'}")
            continue
        summary.listings += 1
        state.checked(url, listing.validators, 200)
        found = classify(listing.text, url)
        if url in sources and not found.articles and not found.listings:
            found.listings = fetcher.robots_text_sitemaps(url)  # a site: its declared sitemaps
        elif url in sources and "<html" in listing.text[:1000].lower():
            found.listings += fetcher.robots_text_sitemaps(url)
        queue.extend(u for u in found.listings if u not in visited)
        for link in found.articles:
            links.setdefault(link, url)
    return links


def watch(
    sources: list[str],
    db: str | Path,
    settings: Settings | None = None,
    every: float | None = None,
    passes: int | None = None,
    delay: float = HOST_DELAY,
    on_pass: Callable[[PassSummary], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> list[PassSummary]:
    """Watch `sources` into `db`: one pass, or one every `every` seconds (`passes` at most)."""
    settings = settings or Settings()
    pipeline = build_pipeline(settings)
    fetcher = PoliteFetcher(settings, delay=delay, sleep=sleep)
    done: list[PassSummary] = []
    try:
        while True:
            started = time.monotonic()
            summary = watch_pass(sources, db, fetcher, pipeline)
            done.append(summary)
            if on_pass:
                on_pass(summary)
            if every is None or (passes is not None and len(done) >= passes):
                return done
            sleep(max(0.0, every - (time.monotonic() - started)))
    finally:
        fetcher.close()
