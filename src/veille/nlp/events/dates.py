"""When: day expressions resolved against the publication date (dateparser + weekday rules)."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from veille.nlp.events.lexicon import Lexicon
from veille.nlp.parsed import Tok

_YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)$")
_DAY = re.compile(r"^(\d{1,2})(er|st|nd|rd|th)?$", re.IGNORECASE)


def parse_published(published: str | None) -> date | None:
    """The publication day, when given as YYYY-MM-DD (or a longer ISO timestamp)."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def weekday_date(base: date, weekday: int, direction: str) -> date:
    """The `weekday` nearest `base`: the latest on or before it ("past"), else the next after."""
    if direction == "past":
        return base - timedelta(days=(base.weekday() - weekday) % 7)
    delta = (weekday - base.weekday()) % 7
    return base + timedelta(days=delta or 7)


def parse_expression(text: str, base: date, language: str, prefer: str) -> date | None:
    """Resolve a day expression ("hier", "7 janvier", "March 3") with dateparser."""
    import dateparser  # imported lazily: slow to load

    settings = {
        "RELATIVE_BASE": datetime(base.year, base.month, base.day, 12),
        "PREFER_DATES_FROM": prefer,
        "REQUIRE_PARTS": ["day", "month"],
    }
    found = dateparser.parse(text, languages=[language], settings=settings)
    return found.date() if found else None


def _dates(lex: Lexicon) -> dict[str, list[str]]:
    return lex.extra.get("dates", {})


def resolve_date(
    toks: list[Tok], all_toks: list[Tok], base: date | None, lex: Lexicon, direction: str
) -> date | None:
    """The day named by the time words among `toks` (the trigger's clause), if any.

    `direction` is "past" or "future" (from tense and modality); "dernier/last" and
    "prochain/next" next to a weekday override it.
    """
    if base is None:
        return None
    words = _dates(lex)
    weekdays = words.get("weekdays", [])
    for t in toks:
        low = t.text.lower()
        if low in weekdays:
            near = {all_toks[k].text.lower() for k in (t.i - 1, t.i + 1) if 0 <= k < len(all_toks)}
            way = direction
            if near & set(words.get("past", [])):
                way = "past"
            elif near & set(words.get("next", [])):
                way = "future"
            return weekday_date(base, weekdays.index(low), way)
        if low in words.get("relative", []):
            return parse_expression(low, base, lex.language, direction)
        if low in words.get("months", []):
            expr = _month_expression(t, all_toks)
            if expr:
                return parse_expression(expr, base, lex.language, direction)
    return None


def _month_expression(month: Tok, toks: list[Tok]) -> str | None:
    """ "7 janvier 2026" / "January 7, 2026" around a month token, None without a day."""
    i = month.i
    parts: list[str] = []
    if i > 0 and _DAY.match(toks[i - 1].text) and toks[i - 1].sent == month.sent:
        parts = [_DAY.match(toks[i - 1].text).group(1), month.text]  # type: ignore[union-attr]
        k = i + 1
    elif i + 1 < len(toks) and _DAY.match(toks[i + 1].text):
        parts = [month.text, _DAY.match(toks[i + 1].text).group(1)]  # type: ignore[union-attr]
        k = i + 2
        if k < len(toks) and toks[k].text == ",":
            k += 1
    else:
        return None
    if k < len(toks) and _YEAR.match(toks[k].text):
        parts.append(toks[k].text)
    return " ".join(parts)


def year_of(tok: Tok) -> int | None:
    """The year a token spells (1500–2099), else None."""
    m = _YEAR.match(tok.text)
    return int(m.group(1)) if m else None


def is_historical(year: int, base: date | None) -> bool:
    """A year well before publication (two years or more)."""
    return base is not None and year <= base.year - 2
