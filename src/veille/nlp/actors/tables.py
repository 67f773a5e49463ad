"""Read the actor tables: pycountry, the language-neutral files beside this module, and the
per-language files under `veille/language/<lang>/` (countries.tsv, roles.yaml)."""

from __future__ import annotations

import gettext
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from veille.language.profiles import profiles

DATA = Path(str(resources.files("veille.nlp.actors") / "data"))


@dataclass(frozen=True)
class CountryRow:
    """One row of a per-language country table."""

    iso3: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    government: tuple[str, ...]


@dataclass(frozen=True)
class RoleData:
    """The role words, titles and small word lists of one language."""

    roles: dict[str, tuple[str, str | None]]
    broader: dict[str, str]
    generic: frozenset[str]
    qualifiers: dict[str, str]
    titles: dict[str, str | None]
    determiners: dict[str, str | None]
    pronouns: frozenset[str]
    locatives: frozenset[str]
    geo_nouns: frozenset[str]
    byline: tuple[str, ...]
    org_words: frozenset[str]
    portfolios: dict[str, str] = field(default_factory=dict)
    indefinite: frozenset[str] = frozenset()
    bodies: dict[str, str | None] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)


def _rows(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def _split(cell: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in cell.split("|") if p.strip())


def french_plurals(forms: tuple[str, ...]) -> tuple[str, ...]:
    """Add the plural of each French demonym form (+s, except after s or x)."""
    out = list(forms)
    for form in forms:
        plural = form if form.endswith(("s", "x")) else form + "s"
        if plural not in out:
            out.append(plural)
    return tuple(out)


@cache
def country_rows(language: str) -> tuple[CountryRow, ...]:
    """The curated names, demonyms and capitals of one language (empty when it has none)."""
    path = profiles()[language].data_file("countries.tsv") if language in profiles() else None
    if path is None or not path.is_file():
        return ()
    rows = []
    for cells in _rows(path):
        cells += [""] * (4 - len(cells))
        demonyms = _split(cells[2])
        if language == "fr":
            demonyms = french_plurals(demonyms)
        rows.append(CountryRow(cells[0], _split(cells[1]), demonyms, _split(cells[3])))
    return tuple(rows)


@cache
def country_display() -> dict[str, tuple[str, str | None]]:
    """iso3 -> (display name, Wikidata id or None), for every ISO 3166-1 country."""
    import pycountry

    out: dict[str, tuple[str, str | None]] = {}
    for c in pycountry.countries:
        name = getattr(c, "common_name", None) or c.name
        out[c.alpha_3] = (name, None)
    for cells in _rows(DATA / "countries.tsv"):
        out[cells[0]] = (cells[1], cells[2] if len(cells) > 2 and cells[2] else None)
    return out


@cache
def pycountry_names(language: str) -> dict[str, tuple[str, ...]]:
    """iso3 -> the names pycountry (and its iso-codes translations) give in `language`.

    Inverted forms ("Moldova, Republic of") are skipped: the curated tables give the usual name.
    """
    import pycountry

    translate = gettext.NullTranslations().gettext
    if language != "en":
        try:
            t = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
            translate = t.gettext
        except OSError:
            return {}
    out: dict[str, tuple[str, ...]] = {}
    for c in pycountry.countries:
        raw = [c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)]
        names = {translate(n) for n in raw if n}
        out[c.alpha_3] = tuple(sorted(n for n in names if "," not in n and "\n" not in n))
    return out


@cache
def organisations() -> tuple[dict[str, Any], ...]:
    """The organisation table (organisations.yaml)."""
    return tuple(yaml.safe_load((DATA / "organisations.yaml").read_text(encoding="utf-8")))


@cache
def role_data(language: str) -> RoleData:
    """roles.yaml of a language (empty lists when the language has none)."""
    data: dict[str, Any] = {}
    if language in profiles():
        path = profiles()[language].data_file("roles.yaml")
        if path.is_file():
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}

    def low(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data.get(key) or [])

    return RoleData(
        roles={k.lower(): (v[0], v[1]) for k, v in (data.get("roles") or {}).items()},
        broader=dict(data.get("broader") or {}),
        generic=frozenset(data.get("generic") or []),
        qualifiers={k.lower(): v for k, v in (data.get("qualifiers") or {}).items()},
        titles=dict(data.get("titles") or {}),
        determiners={k.lower(): v for k, v in (data.get("determiners") or {}).items()},
        pronouns=low("pronouns"),
        locatives=low("locatives"),
        geo_nouns=low("geo_nouns"),
        byline=tuple(str(b).lower() for b in data.get("byline") or []),
        org_words=low("org_words"),
        portfolios={k.lower(): v for k, v in (data.get("portfolios") or {}).items()},
        indefinite=low("indefinite"),
        bodies={str(k).lower(): v for k, v in (data.get("bodies") or {}).items()},
    )
