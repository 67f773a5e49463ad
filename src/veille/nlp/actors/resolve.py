"""`resolve_actors`: every actor an article speaks of, its mentions, and a lookup for the
quote and event rules. Countries and organisations come from the gazetteer, people from the
model's names clustered across the article, roles from appositions and descriptions."""

from __future__ import annotations

import re
from collections.abc import Sequence

from veille.article import Actor, Mention
from veille.nlp.actors.gazetteer import Gazetteer
from veille.nlp.actors.hits import gazetteer_hits
from veille.nlp.actors.lookup import ArticleActors, widen_all
from veille.nlp.actors.orgs import is_body, org_mentions, unknown_orgs
from veille.nlp.actors.people import (
    Person,
    add_repeats,
    clean_name,
    cluster,
    in_byline,
    titled_names,
)
from veille.nlp.actors.roles import Qualifier, find_portfolios, find_role_words, make_role
from veille.nlp.actors.tables import RoleData, role_data
from veille.nlp.actors.textmatch import Span, key_of, norm, tokenize
from veille.nlp.parsed import Parsed

PERSON_LABELS = frozenset({"PER", "PERSON"})
ORG_LABELS = frozenset({"ORG"})
# Sectors whose holder belongs to a state: a role without a qualifier takes the country named
# in its sentence (or the sentence before), e.g. "Prime Minister X" in an article on Poland.
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "OPP", "COP"})


def _overlaps(a: tuple[int, int], spans: Sequence[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


# How many words of a complement may follow a role before the name it describes: « le chef de
# la délégation rebelle, Corneille Kazadi », "the head of the monitoring mission, Jane Roe".
COMPLEMENT_WORDS = 5
_COMPLEMENT_LINKS = frozenset({"de", "du", "des", "d", "of", "for", "pour", "au", "aux"})


def _complement(spans: Sequence[Span], last: int, i: int) -> bool:
    """Whether tokens last+1 … i are a short lower-case complement opened by de / of."""
    gap = spans[last + 1 : i + 1]
    return (
        0 < len(gap) <= COMPLEMENT_WORDS + 1
        and gap[0].key in _COMPLEMENT_LINKS
        and all(s.key.isalpha() or s.key == "'" for s in gap)
    )


def _attach_roles(
    text: str,
    spans: list[Span],
    people: list[Person],
    quals: list[Qualifier],
    data: RoleData,
    language: str,
) -> list[tuple[int, int, str]]:
    """Give people the roles of their appositions; resolve the other role descriptions.

    Returns description mentions (start, end, person id)."""
    ranges = widen_all(spans, find_role_words(text, spans, language), quals)
    starts = {s.start: i for i, s in enumerate(spans)}
    ends = {s.end: i for i, s in enumerate(spans)}
    used: set[int] = set()

    def det_of(f: int) -> str | None:
        return spans[f - 1].key if f and spans[f - 1].key in data.determiners else None

    def role_of(n: int) -> object:
        f, last, _, cls, sector = ranges[n]
        det = det_of(f)
        return make_role(text, spans[f].start, spans[last].end, cls, sector, quals, data, det)

    for person in people:
        for ms, me in list(person.mentions):
            a, b = starts.get(ms), ends.get(me)
            if a is None or b is None:
                continue
            i = a - 1 if a and spans[a - 1].key != "," else a - 2
            j = b + 2 if b + 1 < len(spans) and spans[b + 1].key in {",", "("} else -1
            for n, (f, last, _, _, _) in enumerate(ranges):
                before = i >= 0 and (last == i or _complement(spans, last, i))
                after = j >= 0 and (f == j or (f == j + 1 and spans[j].key in data.determiners))
                if (before or after) and n not in used:
                    used.add(n)
                    role = role_of(n)
                    person.roles.append(role)  # type: ignore[arg-type]
                    person.gender = person.gender or role.gender  # type: ignore[attr-defined]
    lookup = ArticleActors(text, language, {}, [])
    lookup.roles = {p.id: p.roles for p in people}
    lookup.genders = {p.id: p.gender for p in people}
    lookup.actors = {p.id: Actor(p.id, p.name, "person") for p in people}
    lookup.mentions = [Mention(p.id, "", s, e) for p in people for s, e in p.mentions]
    found = []
    for n, (f, last, word, _, _) in enumerate(ranges):
        if n in used or (det_of(f) is None and f == word):
            continue
        if f and spans[f - 1].key in data.indefinite:
            continue
        start = spans[f - 1].start if det_of(f) else spans[f].start
        if _overlaps((start, spans[last].end), [m for p in people for m in p.mentions]):
            continue
        role = role_of(n)
        pid = lookup.holder(role, start)  # type: ignore[arg-type]
        if pid:
            found.append((start, spans[last].end, pid))
    return found


# Between a name and the role word of its apposition: ", the EU's foreign policy", ", WFP's
# country" — no clause boundary, no verb (checked on the parse).
_APPOSITION_GAP = re.compile(r"\s*,\s*[^,.;:!?()\n«»“”\"]{0,40}")
# Between a role word and the name it precedes: nothing, or a few lower-case adjectives
# (« l'eurodéputée écologiste néerlandaise Femke X »).
_ROLE_GAP = re.compile(r"^(?:\s+[a-zà-ÿ][\w’'-]*){0,3}\s+$")
_NAME_WORDS = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w’'-]+(?:\s+(?:[a-z]{1,3}\s+)?[A-ZÀ-ÖØ-Þ][\w’'-]+){1,3}$")


def described_names(
    text: str, spans: Sequence[Span], parsed: Parsed, gazetteer: Gazetteer, data: RoleData
) -> list[tuple[int, int]]:
    """Names the model labelled as something else (ORG, GPE …) that a role describes: right
    after a role word ("spokesman Pavel Orlov", « la porte-parole Anne X ») or with a role in
    the apposition that follows ("Helena Marwick, the EU's foreign policy chief")."""
    roles = find_role_words(text, spans, parsed.language)
    role_ends = {e for _, e, _, _ in roles}
    role_starts = sorted(s for s, _, _, _ in roles)
    verbs = {t.start for t in parsed.tokens if t.pos in ("VERB", "AUX")}
    out = []
    for ent in parsed.ents:
        if ent.label in PERSON_LABELS:
            continue
        name = text[ent.start : ent.end]
        if not _NAME_WORDS.match(name) or key_of(name) in gazetteer.index:
            continue
        if {norm(w) for w in name.split()} & data.org_words:
            continue
        before = any(
            e < ent.start
            and _ROLE_GAP.match(text[e : ent.start])
            and not (verbs & set(range(e, ent.start)))
            for e in role_ends
            if ent.start - e <= 40
        )
        gap = _APPOSITION_GAP.match(text, ent.end)
        after = gap is not None and any(
            ent.end < rs <= gap.end() and not any(ent.end <= v < rs for v in verbs)
            for rs in role_starts
        )
        if before or after:
            out.append((ent.start, ent.end))
    return out


FIRST_NAMES = 2  # capitalised words before a person name the model may have left out


def widen_people(
    parsed: Parsed, ents: Sequence[tuple[int, int]], gazetteer: Gazetteer, data: RoleData
) -> list[tuple[int, int]]:
    """Person names with the first names the model left out put back ("Leyla" in "counterpart,
    Leyla Mammadova" when only "Mammadova" was labelled): proper nouns right before the name,
    one space apart, that are neither titles, role words, places nor other entities."""
    starts = {t.start: t.i for t in parsed.tokens}
    role_vocab = {w for key in data.roles for w in key.split()} | set(data.org_words)
    out = []
    for start, end in ents:
        i = starts.get(start)
        n = 0
        while i is not None and i > 0 and n < FIRST_NAMES:
            prev = parsed.tokens[i - 1]
            if (
                prev.pos != "PROPN"
                or prev.ws != " "
                or prev.ent not in ("", "PER", "PERSON")
                or not _NAME_WORD.match(prev.text)
                or prev.text in data.titles
                or norm(prev.text) in role_vocab
                or key_of(prev.text) in gazetteer.index
            ):
                break
            start, i, n = prev.start, i - 1, n + 1
        out.append((start, end))
    return out


_NAME_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ][\w’'-]+$")
_LEADING_DET = re.compile(r"(?:the|The|le|la|Le|La|les|Les|l['’]|L['’])\s*")


def typed_orgs(
    text: str, spans: Sequence[Span], parsed: Parsed, gazetteer: Gazetteer, data: RoleData
) -> list[tuple[int, int]]:
    """Names the model found (any label) that are organisations by their wording: right after
    an organisation word ("the monitoring group Fair Ballot Georgia", "the NGO X",
    « l'association X »), or holding one themselves without being a state body ("the Brazilian
    Association of Vehicle Manufacturers", "Africa Center for Strategic Studies")."""
    out = []
    for ent in parsed.ents:
        lead = _LEADING_DET.match(text, ent.start, ent.end)
        start = lead.end() if lead else ent.start
        name = text[start : ent.end]
        if not name[:1].isupper() or key_of(name) in gazetteer.index:
            continue
        prev = [s for s in spans if s.end <= start][-1:] if start else []
        typed_before = bool(prev) and prev[0].key in data.org_words and start - prev[0].end <= 1
        words = [norm(w) for w in name.split()]
        holds = (
            ent.label in ORG_LABELS
            and len(words) > 1
            and bool(set(words) & data.org_words)
            and not is_body(name, data, gazetteer.index)
        )
        if typed_before or holds:
            out.append((start, ent.end))
    return out


_QUOTED = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"\n]*\"")


def _context_actor(
    text: str, start: int, sents: Sequence[tuple[int, int]], found: Sequence[tuple[int, int, str]]
) -> str | None:
    """The country or organisation a role without qualifier belongs to: the first one named
    before it in its sentence, else the first of the sentence before (usually the subject:
    "Le ministère russe … . …, a affirmé sa porte-parole"), else the first after it in its
    sentence; quoted words do not count."""
    quoted = [m.span() for m in _QUOTED.finditer(text)]
    named = [
        (hs, a)
        for hs, he, a in found
        if not a.startswith("person:") and not _overlaps((hs, he), quoted)
    ]
    for k, (s, e) in enumerate(sents):
        if s <= start < e:
            for lo, hi in ((s, start), sents[k - 1] if k else (s, s), (start, e)):
                inside = [a for hs, a in named if lo <= hs < hi]
                if inside:
                    return inside[0]
    return None


def resolve_actors(
    parsed: Parsed, gazetteer: Gazetteer, site: str | None = None
) -> tuple[list[Actor], list[Mention], ArticleActors]:
    """Resolve the actors of one parsed article (see the module docstring)."""
    text, language = parsed.text, parsed.language
    data = role_data(language)
    spans = tokenize(text)
    per_ents = [(e.start, e.end) for e in parsed.ents if e.label in PERSON_LABELS]
    per_ents = widen_people(parsed, per_ents, gazetteer, data)
    hits = gazetteer_hits(text, spans, gazetteer, data, per_ents)
    typed = typed_orgs(text, spans, parsed, gazetteer, data)
    per_ents = [p for p in per_ents if not _overlaps(p, typed)]
    # "Brazilian" inside "the Brazilian Association of …" names no country
    hits = [
        h
        for h in hits
        if not (
            h.actor.startswith("country:") and any(s <= h.start and h.end <= e for s, e in typed)
        )
    ]
    kinds = {aid: a.kind for aid, a in gazetteer.actors.items()}
    user_people = [h for h in hits if kinds.get(h.actor) == "person"]
    hits = [h for h in hits if kinds.get(h.actor) != "person"]
    hit_spans = [(h.start, h.end) for h in hits + user_people]

    names, titled = [], titled_names(text, data)
    described = described_names(text, spans, parsed, gazetteer, data)
    for s, e in per_ents + titled + described:
        cleaned = clean_name(text, s, e, data)
        if (
            cleaned
            and not _overlaps(cleaned, hit_spans)
            and key_of(text[slice(*cleaned)]) not in gazetteer.index
        ):
            names.append(cleaned)
    people = cluster(text, names)
    known = {p.id: p for p in people}
    for h in user_people:
        template = gazetteer.actors[h.actor]
        known.setdefault(h.actor, Person(h.actor, template.name)).mentions.append((h.start, h.end))
    people = list(known.values())
    add_repeats(text, people, data)
    for p in people:  # "Georgia" is the country, even after "Fair Ballot Georgia"
        if p.id not in gazetteer.actors:
            p.mentions = [m for m in p.mentions if not _overlaps(m, hit_spans)]
    people = [p for p in people if p.mentions]
    people = [p for p in people if not all(in_byline(text, s, data) for s, _ in p.mentions)]

    quals = [
        Qualifier(
            h.start,
            h.end,
            h.actor,
            kinds.get(h.actor) == "organization" and gazetteer.actors[h.actor].sector == "IGO",
        )
        for h in hits
    ]
    quals += find_portfolios(text, spans, language)
    descriptions = _attach_roles(text, spans, people, quals, data, language)
    # A lone word the model took for a name is kept only with a title or a role.
    people = [
        p
        for p in people
        if " " in p.name or p.roles or set(p.mentions) & set(titled) or p.id in gazetteer.actors
    ]

    taken = hit_spans + [m for p in people for m in p.mentions] + [d[:2] for d in descriptions]
    org_ents = [
        (e.start, e.end)
        for e in parsed.ents
        if e.label in ORG_LABELS and key_of(e.text) not in gazetteer.index
    ]
    org_ents = sorted(set(org_ents) | set(typed))
    orgs = unknown_orgs(text, org_ents, taken, data, site, typed, gazetteer.index)
    found: list[tuple[int, int, str]] = [(h.start, h.end, h.actor) for h in hits]
    found += [(s, e, oid) for oid, s, e in org_mentions(text, orgs, taken)]
    found += [(s, e, p.id) for p in people for s, e in p.mentions] + descriptions
    found.sort()

    sents = [parsed.sent_span(k) for k in range(len(parsed.sents))] if parsed.tokens else []
    sents = sents or [(0, len(text))]
    actors: dict[str, Actor] = {}
    for s, e, aid in found:
        if aid not in actors:
            actors[aid] = _new_actor(aid, gazetteer, orgs, known)
        if text[s:e] not in actors[aid].aliases:
            actors[aid].aliases.append(text[s:e])
    for p in people:
        _person_details(text, actors[p.id], p, gazetteer, sents, found)
    mentions = [Mention(aid, text[s:e], s, e) for s, e, aid in found]
    lookup = ArticleActors(text, language, actors, mentions)
    lookup.roles = {p.id: p.roles for p in people}
    lookup.genders = {p.id: p.gender for p in people}
    return list(actors.values()), mentions, lookup


def _new_actor(
    aid: str, gaz: Gazetteer, orgs: dict[str, tuple[str, list[str]]], people: dict[str, Person]
) -> Actor:
    template = gaz.get(aid)
    if template is not None:
        return template
    if aid in orgs:
        return Actor(aid, orgs[aid][0], "organization")
    return Actor(aid, people[aid].name, "person")


def _person_details(
    actor_text: str,
    actor: Actor,
    person: Person,
    gaz: Gazetteer,
    sents: Sequence[tuple[int, int]],
    found: Sequence[tuple[int, int, str]],
) -> None:
    """Country and sector from the person's roles; the user file's values win."""
    user = gaz.actors.get(actor.id)
    for role in person.roles:
        actor.sector = actor.sector or role.sector
        actor.country = actor.country or role.country
    unqualified = person.roles and not any(r.org or r.country for r in person.roles)
    if unqualified and actor.sector in STATE_SECTORS | {None}:
        near = _context_actor(actor_text, person.roles[0].start, sents, found)
        igo = near is not None and gaz.actors.get(near, actor).sector == "IGO"
        if near and near.startswith("country:"):
            actor.country, actor.sector = near.split(":", 1)[1], actor.sector or "GOV"
        elif igo and actor.sector in (None, "GOV"):
            actor.sector = "IGO"
    if user is not None:
        actor.country = user.country or actor.country
        actor.sector = user.sector or actor.sector
        actor.wikidata = user.wikidata or actor.wikidata
        actor.name = user.name or actor.name
