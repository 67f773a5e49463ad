"""`ArticleActors`: the `ActorLookup` the quote and event rules ask "who is this?"."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from veille.article import Actor, Mention
from veille.nlp.actors.roles import (
    Qualifier,
    Role,
    compatible,
    find_portfolios,
    find_role_words,
    widen,
)
from veille.nlp.actors.tables import role_data
from veille.nlp.actors.textmatch import norm, tokenize

QUOTED = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"\n]*\"")
# Words for any kind of organisation: "the group" after "The Arakan Army said", "the company"
# after a shipping firm, « le groupe » — the last non-state organisation named before.
KIND_WORDS = frozenset(
    {
        "group",
        "company",
        "firm",
        "organisation",
        "organization",
        "operator",
        "groupe",
        "entreprise",
        "société",
    }
)
BODY_WORDS = 6  # a state body phrase longer than this (after its determiner) is something else


@dataclass
class ArticleActors:
    """Who is who in one article: actors, mentions, and the roles each person holds."""

    text: str
    language: str
    actors: dict[str, Actor]
    mentions: list[Mention]
    roles: dict[str, list[Role]] = field(default_factory=dict)  # person id -> roles
    genders: dict[str, str | None] = field(default_factory=dict)

    def actor(self, actor_id: str) -> Actor:
        """The actor record for an id (KeyError when the article has no such actor)."""
        return self.actors[actor_id]

    def _overlapping(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.mentions if m.start < end and start < m.end]

    def actor_at(self, start: int, end: int) -> str | None:
        """The actor mentioned at this span: the largest overlap, people first on ties."""
        found = self._overlapping(start, end)
        if not found:
            return None

        def score(m: Mention) -> tuple[int, bool]:
            return min(end, m.end) - max(start, m.start), m.actor.startswith("person:")

        return max(found, key=score).actor

    def holder(self, role: Role, before: int) -> str | None:
        """The person of the article who holds a role described like `role`: the last one
        named before `before`, else the first one named after."""
        data = role_data(self.language)
        holders = []
        for pid, held in self.roles.items():
            gender = self.genders.get(pid)
            if role.gender and gender and role.gender != gender:
                continue
            for r in held:
                if not compatible(role.cls, r.cls, data):
                    continue
                if role.country and role.country != (r.country or self.actors[pid].country):
                    continue
                if role.org and role.org != r.org:
                    continue
                holders.append(pid)
                break
        if not holders:
            return None
        firsts = {
            pid: [m.start for m in self.mentions if m.actor == pid] or [before] for pid in holders
        }
        earlier = [p for p in holders if min(firsts[p]) < before]
        if earlier:
            return max(earlier, key=lambda p: max(s for s in firsts[p] if s < before))
        return min(holders, key=lambda p: min(firsts[p]))

    def describe(self, start: int, end: int) -> Role | None:
        """Read a role description at this span ("le chef de l'Alliance"), if it is one."""
        from veille.nlp.actors.roles import make_role

        phrase = self.text[start:end]
        spans = tokenize(phrase)
        words = find_role_words(phrase, spans, self.language)
        if not words:
            return None
        data = role_data(self.language)
        quals = [
            Qualifier(m.start - start, m.end - start, m.actor, self.actors[m.actor].sector == "IGO")
            for m in self._overlapping(start, end)
            if not m.actor.startswith("person:")
        ] + find_portfolios(phrase, spans, self.language)
        ws, we, cls, sector = words[0]
        first = next(i for i, s in enumerate(spans) if s.start == ws)
        det = spans[first - 1].key if first and spans[first - 1].key in data.determiners else None
        if first and (spans[first - 1].key in data.indefinite or spans[0].key in data.indefinite):
            return None  # "a senior official", "a Brazilian official": nobody in particular
        last = next(i for i, s in enumerate(spans) if s.end == we)
        lo, hi = widen(spans, first, last, quals)  # « … de la diplomatie russe »
        role = make_role(phrase, spans[lo].start, spans[hi].end, cls, sector, quals, data, det)
        return Role(role.cls, role.sector, role.country, role.org, role.gender, start, end, phrase)

    def body_country(self, start: int, end: int) -> str | None:
        """The country a state body without a country named stands for (« la police », "the
        interior ministry"): the body's own country when it has one (« la préfecture »), else
        the last country named earlier in the paragraph, else the first one the article names
        (its setting); names inside quotation marks do not count."""
        data = role_data(self.language)
        spans = tokenize(self.text[start:end])
        i = 0
        while i < len(spans) and (
            spans[i].key in data.determiners
            or spans[i].key in data.indefinite
            or spans[i].key in ("l", "'", "d")  # l'armée, d'autorités
        ):
            i += 1
        keys = [s.key for s in spans[i:]]
        if not keys or len(keys) > BODY_WORDS:
            return None
        matches = [
            body
            for body in data.bodies
            if tuple(keys[: len(b := body.split())]) == tuple(norm(w) for w in b)
        ]
        if not matches:
            return None
        own = data.bodies[max(matches, key=len)]
        if own:
            return f"country:{own}"
        para = self.text.rfind("\n", 0, start) + 1
        quoted = [m.span() for m in QUOTED.finditer(self.text)]
        countries = [
            m
            for m in self.mentions
            if m.actor.startswith("country:") and not any(a <= m.start < b for a, b in quoted)
        ]
        before = [m for m in countries if para <= m.start < start]
        if before:
            return before[-1].actor
        return countries[0].actor if countries else None

    def generic_org(self, start: int, end: int) -> str | None:
        """An organisation named by its kind ("the commission", « l'ONG », "the association"):
        the last organisation or state body named before with that word in its name ("the
        Spanish Commission for Refugee Aid", "the Central Electoral Commission"); an NGO word
        also takes the last non-governmental organisation. None when nothing fits."""
        data = role_data(self.language)
        spans = tokenize(self.text[start:end])
        keys = [s.key for s in spans]
        if len(keys) != 2 and not (len(keys) == 3 and keys[1] in ("'", "’")):
            return None
        if keys[0] not in data.determiners and keys[0] != "l":
            return None
        word = keys[-1]
        if word not in data.org_words:
            return None
        ngo = word in ("ngo", "ong")
        best: tuple[int, str] | None = None
        any_org: tuple[int, str] | None = None
        for m in self.mentions:
            if m.end > start or m.actor.startswith(("person:", "country:")):
                continue
            if m.start <= start - 3000:
                continue
            actor = self.actors.get(m.actor)
            named = word in {norm(w) for w in re.split(r"[\s’'-]+", m.text)} or (
                actor is not None and word in {norm(w) for w in actor.name.split()}
            )
            fits = named or (ngo and actor is not None and actor.sector == "NGO")
            if fits and (best is None or m.start > best[0]):
                best = (m.start, m.actor)
            igo = actor is not None and actor.sector == "IGO"
            if word in KIND_WORDS and not igo and (any_org is None or m.start > any_org[0]):
                any_org = (m.start, m.actor)
        # a capitalised state body with that word ("the Central Electoral Commission")
        cap = word[:1].upper() + word[1:]
        last = self.text.rfind(cap, max(0, start - 3000), start)
        if last >= 0 and (best is None or last > best[0]):
            line_start = max(self.text.rfind(".", 0, last), self.text.rfind("\n", 0, last)) + 1
            phrase = re.search(r"(?:\w+\s+)?(?:[A-Z][\w-]*\s+){0,3}$", self.text[line_start:last])
            if phrase is not None and not any(m.start <= last < m.end for m in self.mentions):
                body = self.body_country(line_start + phrase.start(), last + len(cap))
                if body:
                    return body
        best = best or any_org
        return best[1] if best else None

    def resolve_phrase(self, start: int, end: int) -> str | None:
        """The actor a noun phrase names; None for pronouns and for nobody in the article."""
        phrase = self.text[start:end].strip()
        data = role_data(self.language)
        if not phrase or norm(phrase) in data.pronouns:
            return None
        found = self._overlapping(start, end)
        people = [m for m in found if m.actor.startswith("person:")]
        if people:
            return people[0].actor
        generic = self.generic_org(start, end)
        if generic:
            return generic
        role = self.describe(start, end)
        if role is not None:
            pid = self.holder(role, start)
            if pid:
                return pid
            return role.org or (f"country:{role.country}" if role.country else None)
        if found:
            return self.actor_at(start, end)
        body = self.body_country(start, end)
        if body:
            return body
        parts = {norm(w.strip(".,;:")) for w in phrase.split()}
        for pid in self.roles:
            if norm(self.actors[pid].name.split()[-1]) in parts:
                return pid
        return None


def widen_all(spans: Sequence, words: Sequence, quals: Sequence[Qualifier]) -> list[tuple]:
    """Token ranges of role words widened over their qualifiers (helper for resolve.py)."""
    starts = {s.start: i for i, s in enumerate(spans)}
    ends = {s.end: i for i, s in enumerate(spans)}
    out = []
    for ws, we, cls, sector in words:
        if ws in starts and we in ends:
            out.append((*widen(spans, starts[ws], ends[we], quals), starts[ws], cls, sector))
    return out
