"""Actor precision and recall against the gold annotations (gold/<lang>/*.gold.json).

Runs the whole pipeline from each gold HTML page and compares the set of predicted actor ids
with the gold `actors` ids, per article (micro-averaged), for the dev and test splits apart.
Only dev articles may be read while writing rules; test is scored, never tuned on.

    .venv/bin/python benchmarks/actors.py [--lang fr] [--split dev] [--show]
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from veille.config import Settings
from veille.jobs import extract_records

GOLD = Path(__file__).resolve().parent.parent / "gold"


def gold_files(lang: str | None) -> list[tuple[Path, dict]]:
    """(html path, annotation) of every gold article with both files present."""
    out = []
    for ann in sorted(GOLD.glob(f"{lang or '*'}/*.gold.json")):
        html = ann.with_name(ann.name.replace(".gold.json", ".html"))
        if html.is_file():
            out.append((html, json.loads(ann.read_text(encoding="utf-8"))))
    return out


def score(pred: set[str], gold: set[str]) -> tuple[int, int, int]:
    """(true positives, predicted, gold)."""
    return len(pred & gold), len(pred), len(gold)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang")
    parser.add_argument("--split", choices=["dev", "test"])
    parser.add_argument("--show", action="store_true", help="list misses and extras (dev only)")
    args = parser.parse_args()
    items = [(h, a) for h, a in gold_files(args.lang) if not args.split or a["split"] == args.split]
    if not items:
        print("no gold articles found")
        return
    by_path = {str(h): a for h, a in items}
    settings = replace(Settings(), workers=1)
    totals: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for article in extract_records([str(h) for h, _ in items], settings):
        ann = by_path[article.source.removeprefix("file:")]
        pred = {a.id for a in article.actors}
        gold = {a["id"] for a in ann["actors"]}
        for kind in ("all", "person", "org", "country"):
            p = {x for x in pred if kind == "all" or x.startswith(kind + ":")}
            g = {x for x in gold if kind == "all" or x.startswith(kind + ":")}
            row = totals[(ann["language"], ann["split"], kind)]
            for n, v in enumerate(score(p, g)):
                row[n] += v
        if args.show and ann["split"] == "dev":
            print(
                f"{article.source}\n  missed: {sorted(gold - pred)}\n  extra: {sorted(pred - gold)}"
            )
    print(f"{'lang':5} {'split':5} {'kind':8} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5}")
    for (lang, split, kind), (tp, npred, ngold) in sorted(totals.items()):
        p = tp / npred if npred else 0.0
        r = tp / ngold if ngold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{lang:5} {split:5} {kind:8} {p:6.1%} {r:6.1%} {f:6.1%} {ngold:5}")


if __name__ == "__main__":
    main()
