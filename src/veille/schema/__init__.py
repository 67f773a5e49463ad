"""The output contract as a JSON Schema, and a validator for records."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator


@cache
def article_schema() -> dict[str, Any]:
    """The JSON Schema of one article record (docs: ../shared/contract/OUTPUT.md)."""
    text = (resources.files("veille.schema") / "article.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(article_schema())


def schema_errors(record: dict[str, Any]) -> list[str]:
    """Every way `record` breaks the contract, including offsets that do not index its text."""
    problems = [
        f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}"
        for e in _validator().iter_errors(record)
    ]
    text = record.get("text") or ""
    spans: list[tuple[str, dict[str, Any], str, str]] = []
    spans += [("mentions", m, "start", "end") for m in record.get("mentions", [])]
    for q in record.get("quotes", []):
        spans.append(("quotes", q, "start", "end"))
        if q.get("speaker_start") is not None:
            spans.append(("quotes.speaker", q, "speaker_start", "speaker_end"))
        if q.get("cue_start") is not None:
            spans.append(("quotes.cue", q, "cue_start", "cue_end"))
    spans += [("events.evidence", e["evidence"], "start", "end") for e in record.get("events", [])]
    for where, item, start, end in spans:
        s, t = item.get(start), item.get(end)
        if not (isinstance(s, int) and isinstance(t, int) and 0 <= s <= t <= len(text)):
            problems.append(f"{where}: offsets {s}..{t} outside the text")
    ids = {a.get("id") for a in record.get("actors", [])}
    for m in record.get("mentions", []):
        if m.get("actor") not in ids:
            problems.append(f"mentions: unknown actor {m.get('actor')}")
    for q in record.get("quotes", []):
        if q.get("speaker") is not None and q["speaker"] not in ids:
            problems.append(f"quotes: unknown speaker {q['speaker']}")
    for e in record.get("events", []):
        for a in [*e.get("actor", []), *e.get("recipient", [])]:
            if a not in ids:
                problems.append(f"events: unknown actor {a}")
        if e.get("quote") is not None and e["quote"] >= len(record.get("quotes", [])):
            problems.append(f"events: quote index {e['quote']} out of range")
    return problems
