"""Throughput of veille's extraction stage against trafilatura alone, same pages, same run.

veille's side is the extraction stage of `veille.steps.build_pipeline` (one worker, in this
process): its read, extract and language steps, i.e. read/decode, extract (the default extractor,
or `--extractor NAME`), boilerplate clean-up, headline drop, language identification; the NLP
steps that follow are left out. trafilatura's side is `trafilatura.extract(raw_bytes, url=..., include_comments=False)`
(the benchmark's "trafilatura default" row). Both get the same raw bytes. The process is pinned
to one core; the two sides alternate for `--rounds` rounds and each side's best round is kept
(the least disturbed by other load), then the per-round medians are printed too.

    .venv/bin/python benchmarks/extraction_speed.py
    .venv/bin/python benchmarks/extraction_speed.py --extractor trafilatura --rounds 5
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from extraction import ENV_DATA, Page, data_dir, load_pages

# The steps of `build_pipeline` that make up the extraction stage (names given by `per_article`).
STAGE_STEPS = frozenset({"read_step", "extract_step", "language_step"})


def time_trafilatura(pages: list[Page]) -> float:
    """CPU seconds for `trafilatura.extract` over `pages`."""
    import trafilatura

    start = time.process_time()
    for page in pages:
        trafilatura.extract(page.raw, url=page.url, include_comments=False)
    return time.process_time() - start


def veille_runner(extractor: str | None) -> Callable[[list[Page]], float]:
    """A timer of veille's extraction stage (`build_pipeline`'s steps up to language)."""
    import veille.steps
    from veille.article import Article
    from veille.config import Settings
    from veille.extract import extract_article
    from veille.pipeline import Pipeline

    if extractor:
        veille.steps.extract_article = partial(extract_article, extractor=extractor)
    full = veille.steps.build_pipeline(Settings(workers=1))
    pipeline = Pipeline([s for s in full.steps if getattr(s, "__name__", "") in STAGE_STEPS])
    missing = STAGE_STEPS - {getattr(s, "__name__", "") for s in pipeline.steps}
    if missing:
        raise SystemExit(f"build_pipeline has no step(s) {sorted(missing)}")

    def run(pages: list[Page]) -> float:
        articles = [
            Article(source=p.id, url=p.url, raw=p.raw, content_type="text/html") for p in pages
        ]
        start = time.process_time()
        for _ in pipeline(iter(articles)):
            pass
        return time.process_time() - start

    return run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", help=f"benchmark directory (default ${ENV_DATA})")
    parser.add_argument("--extractor", help="veille extractor name (default: DEFAULT_EXTRACTOR)")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds (default 3)")
    args = parser.parse_args(argv)

    root = data_dir(args.data)
    if not (root / "ground-truth.json").is_file():
        print(f"benchmark data not found at {root}: skipped (set --data or ${ENV_DATA})")
        return 0
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    from veille.extract import DEFAULT_EXTRACTOR

    name = args.extractor or DEFAULT_EXTRACTOR
    pages = load_pages(root)
    veille_run = veille_runner(args.extractor)
    time_trafilatura(pages[:5])  # warm-up: imports, caches, models
    veille_run(pages[:5])
    ours: list[float] = []
    theirs: list[float] = []
    for _ in range(args.rounds):
        theirs.append(time_trafilatura(pages))
        ours.append(veille_run(pages))
    n = len(pages)
    rows = [
        (
            "trafilatura.extract (include_comments=False)",
            n / min(theirs),
            n / statistics.median(theirs),
        ),
        (f"veille extraction stage (`{name}`)", n / min(ours), n / statistics.median(ours)),
    ]
    print(f"{n} pages, {args.rounds} alternating rounds, one core\n")
    print("| | docs/s (best round) | docs/s (median round) |")
    print("|---|---|---|")
    for label, best, median in rows:
        print(f"| {label} | {best:.1f} | {median:.1f} |")
    ratio_best = min(theirs) / min(ours)
    ratio_median = statistics.median(theirs) / statistics.median(ours)
    print(f"| ratio veille / trafilatura | {ratio_best:.2f} | {ratio_median:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
