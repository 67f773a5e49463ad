"""Harnesses for the public literary quote sets, read in place (never copied into the repo).

fr-litbank-quotes: brat `Citation` spans (each fragment of a discontinuous one is a gold quote).
litbank-quotes: `QUOTE` rows (sentence = line, token = space-separated index) over the `.txt`;
lines are joined with spaces for parsing, so offsets are kept and quotes may span sentences.
Quote P/R/F1 only: speakers there are coreference chains, which veille's actors do not name.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from quote_metric import Score, Span, score


class _NoActors:
    def actor(self, actor_id: str):  # pragma: no cover - never called without ids
        raise KeyError(actor_id)

    def actor_at(self, start: int, end: int) -> None:
        return None

    def resolve_phrase(self, start: int, end: int) -> None:
        return None


def fr_litbank(folder: Path) -> Iterable[tuple[str, list[Span]]]:
    for ann in sorted((folder / "citations").glob("*.ann")):
        text = ann.with_suffix(".txt").read_text(encoding="utf-8")
        spans: list[Span] = []
        for line in ann.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) > 1 and parts[1].startswith("Citation "):
                for frag in parts[1][len("Citation ") :].split(";"):
                    a, b = frag.split()
                    spans.append(Span(int(a), int(b)))
        yield text, spans


def litbank(folder: Path) -> Iterable[tuple[str, list[Span]]]:
    for ann in sorted((folder / "quotations").glob("*.ann")):
        text = ann.with_suffix(".txt").read_text(encoding="utf-8")
        offsets: list[list[tuple[int, int]]] = []
        pos = 0
        for line in text.split("\n"):
            toks, p = [], pos
            for tok in line.split(" "):
                toks.append((p, p + len(tok)))
                p += len(tok) + 1
            offsets.append(toks)
            pos += len(line) + 1
        spans = []
        for row in ann.read_text(encoding="utf-8").splitlines():
            f = row.split("\t")
            if f[0] == "QUOTE":
                s1, t1, s2, t2 = map(int, f[2:6])
                spans.append(Span(offsets[s1][t1][0], offsets[s2][t2][1]))
        yield text.replace("\n", " "), spans


def literary(languages: list[str], datasets: Path, limit: int) -> None:
    from quotes import THRESHOLDS, parse, report
    from veille.nlp.quotes import find_quotes

    sets = {"fr": ("fr-litbank-quotes", fr_litbank), "en": ("litbank-quotes", litbank)}
    for language in languages:
        name, reader = sets[language]
        folder = datasets / name
        if not folder.is_dir():
            print(f"\n{name}: not found at {folder}, skipped")
            continue
        totals = {t: Score() for t in THRESHOLDS}
        docs = 0
        for text, gold in reader(folder):
            if limit and docs >= limit:
                break
            docs += 1
            found = find_quotes(parse(text, language), _NoActors(), language)
            pred = [Span(q.start, q.end) for q in found]
            for t in THRESHOLDS:
                totals[t] += score(pred, gold, t)
        report(f"{name} ({docs} documents)", totals, "speaker columns not meaningful here")
