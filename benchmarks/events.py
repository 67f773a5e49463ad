"""PLOVER event coding quality: veille's gold articles (per language and split) and, when present,
the public English sets in ../shared/datasets (read in place, never copied).

Gold: each `gold/<lang>/*.html` runs through veille's full pipeline (`veille.jobs.extract_records`:
extraction, spaCy, actors, quotes, events); predicted events are matched to the `.gold.json`
events by evidence sentence and type (see event_metric.py).

    .venv/bin/python benchmarks/events.py                  # gold, dev split only
    .venv/bin/python benchmarks/events.py --split test     # held-out split (score only)
    .venv/bin/python benchmarks/events.py --datasets       # + GSR / PETRARCH harnesses
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from event_metric import FLAGS, LEVELS, Counts, score_article

ROOT = Path(__file__).resolve().parent.parent


def run_gold(split: str, languages: list[str], verbose: bool) -> dict[tuple[str, str], Counts]:
    """Score every gold article of `split` ("dev", "test" or "all")."""
    from veille.jobs import extract_records

    out: dict[tuple[str, str], Counts] = defaultdict(Counts)
    for lang in languages:
        for gold_path in sorted((ROOT / "gold" / lang).glob("*.gold.json")):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            if split != "all" and gold.get("split") != split:
                continue
            html = gold_path.with_name(gold_path.name.replace(".gold.json", ".html"))
            if not html.exists():
                continue
            article = next(iter(extract_records([str(html)])))
            preds = [asdict(e) for e in article.events]
            counts = score_article(preds, gold.get("events", []), article.text)
            out[(lang, gold.get("split", "?"))].add(counts)
            if verbose and gold.get("split") == "dev":
                print(
                    f"{html.name}: pred {counts.pred} gold {counts.gold} "
                    f"type-tp {counts.tp['type']} actor-tp {counts.tp['type+actor']}"
                )
    return out


def gold_table(results: dict[tuple[str, str], Counts]) -> str:
    """Markdown table: one row per language and split."""
    head = (
        "| lang | split | gold | pred | type P | type R | type F1 | +actor F1 | +recipient F1 "
        "| flags acc | " + " | ".join(FLAGS) + " |"
    )
    rows = [head, "|" + "---|" * (10 + len(FLAGS))]
    for (lang, split), c in sorted(results.items()):
        p, r, f = c.prf("type")
        levels = [c.prf(level)[2] for level in list(LEVELS)[1:]]
        flags = [f"{c.flag_accuracy(x):.2f}" for x in FLAGS]
        rows.append(
            f"| {lang} | {split} | {c.gold} | {c.pred} | {p:.2f} | {r:.2f} | {f:.2f} | "
            f"{levels[0]:.2f} | {levels[1]:.2f} | {c.flag_accuracy():.2f} | "
            + " | ".join(flags)
            + " |"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=["dev", "test", "all"])
    ap.add_argument("--lang", action="append", choices=["fr", "en"])
    ap.add_argument("--datasets", action="store_true", help="also run the public-data harnesses")
    ap.add_argument("--no-gold", action="store_true")
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "datasets"))
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    if not args.no_gold:
        print(gold_table(run_gold(args.split, args.lang or ["fr", "en"], args.verbose)))
    if args.datasets:
        from event_datasets import run_all

        print()
        print(run_all(Path(args.data)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
