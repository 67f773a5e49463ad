"""Role phrases: "le ministre ukrainien des Affaires étrangères", "NATO's deputy secretary
general", "Kremlin spokesman". Find role words, widen them to their qualifiers, and read the
class, sector, country, organisation and gender a role gives its holder. Pure functions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from veille.nlp.actors.tables import RoleData, role_data
from veille.nlp.actors.textmatch import Span, find_phrases, key_of, norm

# Tokens that link a role word to its qualifier: "secrétaire général de l'Otan", "envoy for".
LINKS = frozenset(
    {"de", "du", "des", "d", "l", "'", "of", "for", "the", "s", "la", "to", "pour", "les", "aux"}
)
# How far (tokens) a role phrase may reach past its role word to find a qualifier.
REACH = 4


@dataclass(frozen=True, slots=True)
class Qualifier:
    """A country or organisation found inside a role phrase."""

    start: int
    end: int
    actor: str  # actor id
    igo: bool = False


@dataclass(frozen=True, slots=True)
class Role:
    """What a role phrase says about the person who holds it."""

    cls: str
    sector: str | None
    country: str | None
    org: str | None
    gender: str | None
    start: int
    end: int
    text: str


@cache
def _role_index(language: str) -> tuple[dict[tuple[str, ...], list[tuple[str, tuple]]], int]:
    index: dict[tuple[str, ...], list[tuple[str, tuple]]] = {}
    for phrase, value in role_data(language).roles.items():
        index.setdefault(key_of(phrase), []).append((phrase, value))
    return index, max((len(k) for k in index), default=1)


def find_role_words(
    text: str, spans: Sequence[Span], language: str
) -> list[tuple[int, int, str, str | None]]:
    """Every role word or phrase in the text: (start, end, class, sector)."""
    index, longest = _role_index(language)
    return [(s, e, v[0], v[1]) for s, e, _, v in find_phrases(text, index, longest, spans)]


@cache
def _portfolio_index(language: str) -> tuple[dict[tuple[str, ...], list[tuple[str, str]]], int]:
    index: dict[tuple[str, ...], list[tuple[str, str]]] = {}
    for phrase, cls in role_data(language).portfolios.items():
        index.setdefault(key_of(phrase), []).append((phrase, cls))
    return index, max((len(k) for k in index), default=1)


def find_portfolios(text: str, spans: Sequence[Span], language: str) -> list[Qualifier]:
    """Portfolios ("de la Défense") as qualifiers of the pseudo-actor "portfolio:<class>"."""
    index, longest = _portfolio_index(language)
    return [
        Qualifier(s, e, f"portfolio:{cls}")
        for s, e, _, cls in find_phrases(text, index, longest, spans)
    ]


def compatible(description: str, held: str, data: RoleData) -> bool:
    """Whether a description of class `description` may refer to a holder of role `held`."""
    return (
        description == held
        or data.broader.get(held) == description
        or (description in data.generic)
    )


def widen(
    spans: Sequence[Span], first: int, last: int, qualifiers: Sequence[Qualifier]
) -> tuple[int, int]:
    """Grow token range [first, last] over adjacent qualifiers and their linking words."""
    starts = {q.start: q for q in qualifiers}
    ends = {q.end: q for q in qualifiers}
    # rightwards: "… de l'Otan", "… ukrainien des Affaires étrangères", "… for Sudan"
    j, n = last + 1, 0
    while j < len(spans) and n <= REACH:
        q = starts.get(spans[j].start)
        if q is not None:
            while j < len(spans) and spans[j].end <= q.end:
                j += 1
            last, n = j - 1, 0
            continue
        if spans[j].key not in LINKS:
            break
        j, n = j + 1, n + 1
    # leftwards: "Kremlin spokesman", "Russia's foreign minister", "the EU's"
    i = first - 1
    while i >= 0:
        if spans[i].key in {"s", "'"} and i >= 1:
            i -= 1
            continue
        q = ends.get(spans[i].end)
        if q is None:
            break
        while i >= 0 and spans[i].start >= q.start:
            i -= 1
        first = i + 1
    return first, last


def make_role(
    text: str,
    start: int,
    end: int,
    cls: str,
    sector: str | None,
    qualifiers: Sequence[Qualifier],
    data: RoleData,
    determiner: str | None = None,
) -> Role:
    """Read country, organisation, sector and gender off a role phrase and its qualifiers."""
    inside = [q for q in qualifiers if start <= q.start and q.end <= end]
    words = [norm(w) for w in text[start:end].replace("'", " ").replace("’", " ").split()]
    extra = [data.qualifiers[w] for w in words if w in data.qualifiers]
    orgs = [q.actor for q in inside if q.actor.startswith("org:")] + extra
    countries = [q.actor.split(":", 1)[1] for q in inside if q.actor.startswith("country:")]
    igo = any(q.igo for q in inside if q.actor.startswith("org:")) or bool(extra)
    portfolio = [q.actor.split(":", 1)[1] for q in inside if q.actor.startswith("portfolio:")]
    if portfolio and data.broader.get(portfolio[0]) == cls:
        cls = portfolio[0]
    org = orgs[0] if orgs else None
    country = None if igo else (countries[0] if countries else None)
    if igo and sector in (None, "GOV"):
        sector = "IGO"
    elif sector is None and country:
        sector = "GOV"
    gender = data.determiners.get(norm(determiner)) if determiner else None
    return Role(cls, sector, country, org, gender, start, end, text[start:end])
