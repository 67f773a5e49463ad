"""The gazetteer of one language: every known country and organisation with its surface forms.

Built once per worker process and language from pycountry, the curated tables and an optional
user actor file (which adds actors and overrides aliases).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import cache

from veille.article import Actor
from veille.nlp.actors.tables import (
    country_display,
    country_rows,
    organisations,
    pycountry_names,
)
from veille.nlp.actors.textmatch import key_of
from veille.nlp.actors.userfile import load_user_actors

# Alias kinds. "capital" and "anaphor" are conditional (see resolve.py); the others always count.
NAME, ACRONYM, DEMONYM, CAPITAL, ANAPHOR, USER = (
    "name",
    "acronym",
    "demonym",
    "capital",
    "anaphor",
    "user",
)


@dataclass(frozen=True, slots=True)
class Alias:
    """What a table phrase stands for."""

    actor: str
    kind: str


@dataclass
class Gazetteer:
    """Actors by id and aliases by lookup key."""

    language: str
    actors: dict[str, Actor] = field(default_factory=dict)
    index: dict[tuple[str, ...], list[tuple[str, Alias]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    max_len: int = 1

    def add(self, phrase: str, alias: Alias, override: bool = False) -> None:
        """Register `phrase` for an actor; `override` drops what the key meant before."""
        key = key_of(phrase)
        if not key:
            return
        entries = self.index[key]
        if override:
            entries[:] = [(p, a) for p, a in entries if a.actor == alias.actor]
        if (phrase, alias) not in entries:
            entries.insert(0, (phrase, alias)) if override else entries.append((phrase, alias))
        self.max_len = max(self.max_len, len(key))

    def get(self, actor_id: str) -> Actor | None:
        """A fresh copy of the actor record (no aliases)."""
        actor = self.actors.get(actor_id)
        return replace(actor, aliases=[]) if actor else None


def _add_countries(gaz: Gazetteer) -> None:
    display = country_display()
    for iso3, (name, wikidata) in display.items():
        gaz.actors[f"country:{iso3}"] = Actor(
            f"country:{iso3}", name, "country", iso3, "GOV", wikidata
        )
    for iso3, (name, _) in display.items():
        gaz.add(name, Alias(f"country:{iso3}", NAME))
    for lang in {"en", gaz.language}:
        for iso3, names in pycountry_names(lang).items():
            for n in names:
                gaz.add(n, Alias(f"country:{iso3}", NAME))
    for row in country_rows(gaz.language):
        cid = f"country:{row.iso3}"
        if cid not in gaz.actors:
            gaz.actors[cid] = Actor(cid, row.names[0], "country", row.iso3, "GOV")
        for n in row.names:
            gaz.add(n, Alias(cid, ACRONYM if n.isupper() else NAME))
        for d in row.demonyms:
            gaz.add(d, Alias(cid, DEMONYM))
        for g in row.government:
            gaz.add(g, Alias(cid, CAPITAL))


def _add_organisations(gaz: Gazetteer) -> None:
    for org in organisations():
        oid = org["id"]
        sector = org.get("sector", "IGO")
        gaz.actors[oid] = Actor(oid, org["name"], "organization", None, sector, org.get("wikidata"))
        for a in org.get("acronyms") or []:
            gaz.add(str(a), Alias(oid, ACRONYM))
        gaz.add(org["name"], Alias(oid, NAME))
        for kind, field_name in ((NAME, "names"), (ANAPHOR, "anaphors"), (CAPITAL, "seats")):
            per_language = org.get(field_name) or {}
            for lang in dict.fromkeys(("en", gaz.language) if kind == NAME else (gaz.language,)):
                for phrase in per_language.get(lang) or []:
                    gaz.add(str(phrase), Alias(oid, kind))


@cache
def load_gazetteer(language: str, actors_file: str | None = None) -> Gazetteer:
    """The gazetteer of `language`, with the user's actors (if any) on top; cached per process."""
    gaz = Gazetteer(language)
    _add_countries(gaz)
    _add_organisations(gaz)
    if actors_file:
        for actor in load_user_actors(actors_file):
            known = gaz.actors.get(actor.id)
            if known:  # override only what the user file says
                actor = Actor(
                    actor.id,
                    actor.name or known.name,
                    actor.kind or known.kind,
                    actor.country or known.country,
                    actor.sector or known.sector,
                    actor.wikidata or known.wikidata,
                    actor.aliases,
                )
            gaz.actors[actor.id] = replace(actor, aliases=[])
            for phrase in [actor.name, *actor.aliases]:
                gaz.add(phrase, Alias(actor.id, USER), override=True)
    return gaz
