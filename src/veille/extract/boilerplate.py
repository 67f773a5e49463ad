"""Post-extraction clean-up: drop paragraphs of site chrome that survive the extractor.

The patterns are data (`boilerplate.txt` here and `language/<lang>/boilerplate.txt`), one regular
expression per line, matched case-insensitively against a whole paragraph:

    drop: <regex>   the paragraph is chrome (share buttons, "PUBLICITÉ", copyright lines …)
    cut:  <regex>   the paragraph opens a trailing block of chrome ("Articles similaires",
                    "Leave a Reply"): it and everything after it go, when it stands in the
                    second half of the text
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

# Paragraphs longer than this are body text whatever they match: chrome lines are short.
# The longest chrome paragraph in the sample pages is under 250 characters.
MAX_CHROME_CHARS = 320


@dataclass(frozen=True)
class Patterns:
    drop: re.Pattern[str] | None
    cut: re.Pattern[str] | None


def _pattern_files() -> list[Path]:
    here = resources.files("veille.extract")
    languages = resources.files("veille.language")
    files = [Path(str(here / "boilerplate.txt"))]
    for entry in languages.iterdir():
        candidate = Path(str(entry)) / "boilerplate.txt"
        if candidate.is_file():
            files.append(candidate)
    return files


def _compile(parts: list[str]) -> re.Pattern[str] | None:
    if not parts:
        return None
    return re.compile("|".join(f"(?:{p})" for p in parts), re.IGNORECASE)


def parse_patterns(lines: list[str]) -> Patterns:
    """Build the matchers from `drop:` / `cut:` lines (blank lines and # comments skipped)."""
    drop: list[str] = []
    cut: list[str] = []
    for raw in lines:
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        kind, _, regex = line.partition(":")
        regex = regex.strip()
        re.compile(regex)  # fail loudly on a bad pattern, naming it
        if kind == "drop":
            drop.append(regex)
        elif kind == "cut":
            cut.append(regex)
        else:
            raise ValueError(f"boilerplate pattern must start with drop: or cut: — {line!r}")
    return Patterns(_compile(drop), _compile(cut))


@cache
def load_patterns() -> Patterns:
    """All shipped patterns, language-neutral and per language."""
    lines: list[str] = []
    for path in _pattern_files():
        lines.extend(path.read_text(encoding="utf-8").splitlines())
    return parse_patterns(lines)


def remove_boilerplate(text: str, patterns: Patterns | None = None) -> str:
    """Return `text` without chrome paragraphs; paragraphs are separated by newlines."""
    patterns = patterns or load_patterns()
    paragraphs = text.split("\n")
    total = sum(len(p) for p in paragraphs) or 1
    kept: list[str] = []
    seen = 0
    for paragraph in paragraphs:
        stripped = paragraph.strip()
        seen += len(paragraph)
        if not stripped:
            continue
        if len(stripped) <= MAX_CHROME_CHARS:
            if patterns.cut and seen > total / 2 and patterns.cut.fullmatch(stripped):
                break
            if patterns.drop and patterns.drop.fullmatch(stripped):
                continue
        kept.append(stripped)
    return "\n".join(kept)
