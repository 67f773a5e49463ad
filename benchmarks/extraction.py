"""Body-extraction quality and speed on the Scrapinghub article-extraction benchmark.

The data (181 gzipped pages and `ground-truth.json`) is read in place, never copied: by default
from `../shared/datasets/article-extraction-benchmark` next to the repository; override with
`--data DIR` or `VEILLE_EXTRACTION_BENCHMARK=DIR`.

The metric is the benchmark's own: `\\w+` tokens, 4-token shingles, per-page TP/FP/FN over the
shingle multisets normalised to sum to 1; precision is the mean over pages with TP+FP > 0, recall
the mean over pages with TP+FN > 0, F1 the harmonic mean of those two means; accuracy the share of
pages whose token sequence equals the truth's.

    .venv/bin/python benchmarks/extraction.py                 # every extractor
    .venv/bin/python benchmarks/extraction.py --check         # metric on the published outputs
    .venv/bin/python benchmarks/extraction.py -e veille:vote-v1 -e trafilatura
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "datasets" / "article-extraction-benchmark"
ENV_DATA = "VEILLE_EXTRACTION_BENCHMARK"
SHINGLE = 4
_TOKEN = re.compile(r"\w+")

# The upstream README's figures for the published outputs (commit 4a3bc97), to check the metric.
UPSTREAM = {
    "trafilatura": (0.958, 0.938, 0.978, 0.293),
    "readability": (0.922, 0.913, 0.931, 0.315),
    "newspaper": (0.949, 0.964, 0.934, 0.326),
    "goose3": (0.896, 0.940, 0.856, 0.232),
    "justext": (0.804, 0.858, 0.756, 0.088),
    "AutoExtract": (0.970, 0.984, 0.956, 0.470),
}


# --- metric ---------------------------------------------------------------------------------


def tokens(text: str) -> list[str]:
    """The benchmark's tokens: maximal runs of word characters."""
    return _TOKEN.findall(text or "")


def shingles(text: str, n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """The multiset of n-token shingles of `text`."""
    toks = tokens(text)
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


def page_counts(predicted: str, truth: str) -> tuple[float, float, float]:
    """(TP, FP, FN) of one page over shingle multisets, normalised to sum to 1 (or all 0)."""
    pred, true = shingles(predicted), shingles(truth)
    tp = sum((pred & true).values())
    fp = sum(pred.values()) - tp
    fn = sum(true.values()) - tp
    total = tp + fp + fn
    if not total:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


@dataclass(frozen=True)
class Scores:
    """Benchmark scores of one extractor."""

    f1: float
    precision: float
    recall: float
    accuracy: float


def score(predicted: Mapping[str, str], truth: Mapping[str, str]) -> Scores:
    """Score `predicted` bodies against `truth` bodies (same keys; a missing key counts as '')."""
    precisions: list[float] = []
    recalls: list[float] = []
    exact = 0
    for key, true_text in truth.items():
        pred_text = predicted.get(key, "") or ""
        tp, fp, fn = page_counts(pred_text, true_text)
        if tp + fp > 0:
            precisions.append(tp / (tp + fp))
        if tp + fn > 0:
            recalls.append(tp / (tp + fn))
        exact += tokens(pred_text) == tokens(true_text)
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(f1, precision, recall, exact / len(truth) if truth else 0.0)


# --- data -----------------------------------------------------------------------------------


def data_dir(arg: str | None) -> Path:
    """The benchmark directory: `--data`, else the environment variable, else the default."""
    return Path(arg or os.environ.get(ENV_DATA) or DEFAULT_DATA)


@dataclass(frozen=True)
class Page:
    """One benchmark page."""

    id: str
    url: str
    raw: bytes
    truth: str

    @property
    def html(self) -> str:
        """The page as text (the benchmark's pages are UTF-8)."""
        return self.raw.decode("utf-8", "replace")


def load_pages(root: Path) -> list[Page]:
    """Every page with its ground truth, in id order."""
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key in sorted(truth):
        raw = gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes())
        pages.append(Page(key, truth[key].get("url", ""), raw, truth[key]["articleBody"]))
    return pages


# --- extractors -----------------------------------------------------------------------------

BodyFn = Callable[[str, str], str]


def _trafilatura(**options: object) -> BodyFn:
    import trafilatura

    def run(html: str, url: str) -> str:
        return trafilatura.extract(html, url=url, include_comments=False, **options) or ""

    return run


def _readability() -> BodyFn:
    import html_text
    from readability import Document

    def run(html: str, url: str) -> str:
        return html_text.extract_text(Document(html, url=url).summary(html_partial=True))

    return run


def _veille(name: str) -> BodyFn:
    """What ends up in `Article.text`: extractor, clean-up, headline drop."""
    from veille.article import Article
    from veille.extract import extract_article

    def run(html: str, url: str) -> str:
        article = Article(source=url, url=url, html=html)
        extract_article(article, extractor=name)
        return article.text

    return run


def _versions() -> dict[str, str]:
    from importlib.metadata import version

    return {name: version(name) for name in ("trafilatura", "readability-lxml", "html-text")}


def make_extractor(spec: str) -> tuple[str, BodyFn]:
    """An extractor from its command-line name: trafilatura[-precision|-recall], readability,
    veille (the default extractor) or veille:<registered name>."""
    if spec.startswith("veille"):
        from veille.extract import DEFAULT_EXTRACTOR

        name = spec.partition(":")[2] or DEFAULT_EXTRACTOR
        return f"veille `{name}` (Article.text)", _veille(name)
    v = _versions()
    if spec == "trafilatura":
        return f"trafilatura {v['trafilatura']} default", _trafilatura()
    if spec == "trafilatura-precision":
        return f"trafilatura {v['trafilatura']} favor_precision", _trafilatura(favor_precision=True)
    if spec == "trafilatura-recall":
        return f"trafilatura {v['trafilatura']} favor_recall", _trafilatura(favor_recall=True)
    if spec == "trafilatura-fast":
        return f"trafilatura {v['trafilatura']} fast", _trafilatura(fast=True)
    if spec == "trafilatura-precision-fast":
        label = f"trafilatura {v['trafilatura']} favor_precision, fast"
        return label, _trafilatura(favor_precision=True, fast=True)
    if spec == "readability":
        label = f"readability-lxml {v['readability-lxml']} (+html-text {v['html-text']})"
        return label, _readability()
    raise SystemExit(f"unknown extractor {spec!r}")


DEFAULT_EXTRACTORS = ["trafilatura", "trafilatura-precision", "readability", "veille"]


def run_extractor(fn: BodyFn, pages: Iterable[Page]) -> tuple[dict[str, str], float]:
    """Bodies by page id and pages per second (decode + extract, sequentially, one process)."""
    out: dict[str, str] = {}
    start = time.process_time()
    count = 0
    for page in pages:
        out[page.id] = fn(page.html, page.url)
        count += 1
    elapsed = time.process_time() - start
    return out, count / elapsed if elapsed else float("inf")


# --- report ---------------------------------------------------------------------------------


def table(rows: list[tuple[str, Scores, float | None]]) -> str:
    """A markdown table of scores (and pages/s when measured)."""
    lines = [
        "| extractor | F1 | precision | recall | accuracy | pages/s (one core) |",
        "|---|---|---|---|---|---|",
    ]
    for label, s, speed in rows:
        rate = f"{speed:.0f}" if speed is not None else "–"
        lines.append(
            f"| {label} | {s.f1:.3f} | {s.precision:.3f} | {s.recall:.3f} | {s.accuracy:.3f} "
            f"| {rate} |"
        )
    return "\n".join(lines)


def check_published(root: Path) -> str:
    """Score the published upstream outputs, next to the upstream README's figures."""
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    bodies = {k: v["articleBody"] for k, v in truth.items()}
    lines = [
        "| published output | F1 | precision | recall | accuracy | upstream README (F1/P/R/acc) |",
        "|---|---|---|---|---|---|",
    ]
    for path in sorted((root / "published-output").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        output = data.get("output", data) if "version" in data else data
        predicted = {k: (v or {}).get("articleBody") or "" for k, v in output.items()}
        s = score(predicted, bodies)
        ref = UPSTREAM.get(path.stem)
        ref_text = " / ".join(f"{x:.3f}" for x in ref) if ref else "–"
        lines.append(
            f"| {path.stem} {data.get('version', '')} | {s.f1:.3f} | {s.precision:.3f} "
            f"| {s.recall:.3f} | {s.accuracy:.3f} | {ref_text} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--data", help=f"benchmark directory (default ${ENV_DATA} or {DEFAULT_DATA})"
    )
    parser.add_argument(
        "-e",
        "--extractor",
        action="append",
        help=f"extractor to run, repeatable (default: {' '.join(DEFAULT_EXTRACTORS)})",
    )
    parser.add_argument("--check", action="store_true", help="score the published outputs only")
    parser.add_argument("--save", type=Path, help="write each extractor's bodies to this directory")
    args = parser.parse_args(argv)

    root = data_dir(args.data)
    if not (root / "ground-truth.json").is_file():
        print(f"benchmark data not found at {root}: skipped (set --data or ${ENV_DATA})")
        return 0
    if args.check:
        print(check_published(root))
        return 0
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    pages = load_pages(root)
    truth = {p.id: p.truth for p in pages}
    rows: list[tuple[str, Scores, float | None]] = []
    for spec in args.extractor or DEFAULT_EXTRACTORS:
        label, fn = make_extractor(spec)
        fn(pages[0].html, pages[0].url)  # warm up: imports, caches
        bodies, speed = run_extractor(fn, pages)
        rows.append((label, score(bodies, truth), speed))
        if args.save:
            args.save.mkdir(parents=True, exist_ok=True)
            (args.save / f"{spec.replace(':', '_')}.json").write_text(
                json.dumps(bodies, ensure_ascii=False), encoding="utf-8"
            )
        print(f"  done: {label}", file=sys.stderr)
    print(f"{len(pages)} pages from {root}\n")
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
