"""Public English event sets (read in place from ../shared/datasets; skipped when absent).

Actors there are CAMEO-style codes, so each harness gives the coder a lookup built from the
record's own actor strings (GSR) or dictionary (PETRARCH unit tests), or from spaCy entities and
pycountry (PETRARCH-2 GSR), and compares PLOVER types (older names mapped) and, where the code
starts with an ISO3 country, the actor's country.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from veille.article import Actor
from veille.nlp.events import code_events, plover_from_cameo
from veille.nlp.events.schema import OLD_NAMES
from veille.nlp.parsed import Parsed


class CodeLookup:
    """Surface strings → `code:<CAMEO actor code>` ids; country codes become country actors."""

    def __init__(self, text: str, surfaces: Iterable[tuple[str, str]]) -> None:
        self.spans: list[tuple[int, int, str]] = []
        for surface, code in surfaces:
            if not surface.strip():
                continue
            pat = r"(?<!\w)" + r"\s+".join(re.escape(w) for w in surface.split()) + r"(?!\w)"
            for m in re.finditer(pat, text, re.IGNORECASE):
                self.spans.append((m.start(), m.end(), f"code:{code}"))
        self.spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))

    def actor(self, actor_id: str) -> Actor:
        code = actor_id.split(":", 1)[1]
        return Actor(actor_id, code, "organization", country=code[:3] if len(code) >= 3 else None)

    def actor_at(self, start: int, end: int) -> str | None:
        return next((i for s, e, i in self.spans if s < end and start < e), None)

    def resolve_phrase(self, start: int, end: int) -> str | None:
        return next((i for s, e, i in self.spans if start <= s and e <= end), None)


@dataclass
class TypeScore:
    name: str
    records: int = 0
    gold: int = 0
    pred: int = 0
    tp: int = 0
    actor_ok: int = 0
    actor_n: int = 0

    def row(self) -> str:
        p = self.tp / self.pred if self.pred else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        acc = f"{self.actor_ok / self.actor_n:.2f}" if self.actor_n else "–"
        return (
            f"| {self.name} | {self.records} | {self.gold} | {self.pred} | {p:.2f} | {r:.2f} "
            f"| {f:.2f} | {acc} ({self.actor_n}) |"
        )


def _parse(texts: list[str]) -> list:
    from veille.nlp.models import load_model
    from veille.nlp.parse import to_parsed

    nlp = load_model("en")
    return [to_parsed(doc, "en") for doc in nlp.pipe(texts)]


def _score(score: TypeScore, gold: list[tuple[str, str | None]], events: list) -> None:
    """gold: (type, source country code or None) per expected event."""
    score.records += 1
    score.gold += len(gold)
    score.pred += len(events)
    left = list(events)
    for kind, source in gold:
        hit = next((e for e in left if e.type == kind), None)
        if hit is None:
            continue
        left.remove(hit)
        score.tp += 1
        if source:
            score.actor_n += 1
            score.actor_ok += any(a.split(":", 1)[1].startswith(source) for a in hit.actor)


def gsr(root: Path) -> TypeScore | None:
    """plover-gsr-cameo: 322 sentences, source/target actor text given."""
    path = root / "plover-gsr-cameo" / "PLOVER_GSR_CAMEO.json"
    if not path.exists():
        return None
    records = [
        r for r in json.loads(path.read_text(encoding="utf-8")) if r.get("event") and r.get("text")
    ]
    score = TypeScore("plover-gsr-cameo")
    for rec, parsed in zip(records, _parse([r["text"] for r in records]), strict=True):
        actors = [
            a for a in [*rec.get("source", []), *(rec.get("target") or [])] if isinstance(a, dict)
        ]
        lookup = CodeLookup(rec["text"], [(a["actorText"], a["code"]) for a in actors])
        kind = OLD_NAMES.get(rec["event"], (rec["event"], None))[0]
        src = [a["code"][:3] for a in rec.get("source", []) if isinstance(a, dict)]
        _score(
            score,
            [(kind, src[0] if src else None)],
            code_events(parsed, lookup, [], "2000-01-01", "en"),
        )
    return score


def _entity_lookup(parsed: Parsed) -> CodeLookup:
    import pycountry

    pairs = []
    for ent in parsed.ents:
        if ent.label in {"GPE", "NORP"}:
            name = re.sub(r"(ian|ese|ish|i|an)$", "", ent.text) if ent.label == "NORP" else ent.text
            try:
                country = pycountry.countries.lookup(ent.text)
            except LookupError:
                try:
                    country = pycountry.countries.search_fuzzy(name)[0]
                except LookupError:
                    country = None
            if country is not None:
                pairs.append((ent.text, country.alpha_3))
                continue
        pairs.append((ent.text, ent.text.upper().replace(" ", "_")[:12]))
    return CodeLookup(parsed.text, pairs)


def petr_validation(root: Path) -> TypeScore | None:
    """universal-petrarch-validation PETR2_GSR_validation.xml: CAMEO codes, no actor spans."""
    path = root / "universal-petrarch-validation" / "PETR2_GSR_validation.xml"
    if not path.exists():
        return None
    raw = path.read_text(encoding="utf-8")
    items = []
    for block in re.findall(r"<Sentence .*?</Parse>", raw, re.S):
        text = re.search(r"<Text>(.*?)</Text>", block, re.S)
        codes = re.findall(r'<EventCoding[^>]*eventcode="(\d+)"[^>]*sourcecode="([^"]*)"', block)
        codes += [
            (c, s)
            for s, c in re.findall(
                r'<EventCoding[^>]*sourcecode="([^"]*)"[^>]*eventcode="(\d+)"', block
            )
        ]
        if text:
            gold = [(plover_from_cameo(c), s[:3]) for c, s in codes if plover_from_cameo(c)]
            items.append((" ".join(text.group(1).split()), gold))
    score = TypeScore("universal-petrarch PETR2 GSR")
    for (_text, gold), parsed in zip(items, _parse([t for t, _ in items]), strict=True):
        _score(score, gold, code_events(parsed, _entity_lookup(parsed), [], None, "en"))
    return score


def petr_unittest(root: Path) -> TypeScore | None:
    """petrarch2-unittest: compound actors from its validation actor dictionary."""
    base = root / "petrarch2-unittest"
    if not (base / "PETR.UnitTest.records.xml").exists():
        return None
    names = []
    for line in (base / "PETR.Validate.actors.txt").read_text(encoding="latin-1").splitlines():
        m = re.match(r"^([A-Z][\w.'\- ]*?)\s*\[([A-Z]{3})", line.strip())
        if m:
            names.append((m.group(1).replace("_", " "), m.group(2)))
    tree = ET.fromstring(
        re.sub(
            r"<Parse>.*?</Parse>",
            "",
            (base / "PETR.UnitTest.records.xml").read_text(encoding="latin-1"),
            flags=re.S,
        )
    )
    items = []
    for sent in tree.iter("Sentence"):
        text = " ".join((sent.findtext("Text") or "").split())
        gold = []
        for ev in sent.iter("EventCoding"):
            kind = plover_from_cameo(ev.get("eventcode", ""))
            code = ev.get("eventcode", "")
            if kind and code[:2] < "21":
                gold.append((kind, (ev.get("sourcecode") or "")[:3] or None))
        if text:
            items.append((text, gold))
    score = TypeScore("petrarch2-unittest")
    for (text, gold), parsed in zip(items, _parse([t for t, _ in items]), strict=True):
        _score(score, gold, code_events(parsed, CodeLookup(text, names), [], None, "en"))
    return score


def run_all(root: Path) -> str:
    """Markdown table over the harnesses whose data is present."""
    rows = [
        "| dataset | records | gold | pred | type P | type R | type F1 | actor country acc |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for fn in (gsr, petr_validation, petr_unittest):
        try:
            s = fn(root)
        except (OSError, ET.ParseError) as exc:
            rows.append(f"| {fn.__name__} | skipped: {exc} |")
            continue
        rows.append(s.row() if s else f"| {fn.__name__} | data absent |")
    return "\n".join(rows)
