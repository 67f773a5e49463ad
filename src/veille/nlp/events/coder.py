"""`code_events`: PLOVER events from a parsed article, its actors and its quotes."""

from __future__ import annotations

from veille.article import Event, Evidence, Quote
from veille.nlp.events.arguments import ALL_PARTIES, Resolver, governor, passive
from veille.nlp.events.dates import is_historical, parse_published, resolve_date, year_of
from veille.nlp.events.lexicon import Lexicon, load_lexicon
from veille.nlp.events.modality import modality
from veille.nlp.events.place import clause_tokens, location_of
from veille.nlp.events.roles import RoleFinder, Roles
from veille.nlp.events.rules import apply_rules, complement_mode, contexts_of
from veille.nlp.events.syntax import Graph
from veille.nlp.events.threats import announced_threat
from veille.nlp.events.triggers import Trigger, find_triggers
from veille.nlp.events.validate import validate
from veille.nlp.parsed import ActorLookup, Parsed, Tok


def code_events(
    parsed: Parsed,
    lookup: ActorLookup,
    quotes: list[Quote],
    published: str | None,
    language: str,
) -> list[Event]:
    """Every PLOVER event the article states, validated and de-duplicated."""
    try:
        lex = load_lexicon(language)
    except KeyError:
        return []
    coder = _Coder(parsed, lookup, quotes, published, lex)
    events: list[Event] = []
    for s in range(len(parsed.sents)):
        for trig in find_triggers(coder.g, s, lex):
            events.extend(v for v in map(validate, coder.code_all(trig)) if v is not None)
    fill_counterparts(events, main_parties(events, coder.res), lex)
    return dedupe(events)


def main_parties(events: list[Event], res: Resolver) -> list[str]:
    """The article's two main parties: the bodies it mentions most often (from the actor
    step's mentions when the lookup has them, else the participants of its events), people
    excluded, when each is named at least twice."""
    counts: dict[str, int] = {}
    mentions = getattr(res.lookup, "mentions", None)
    named = (
        [[res.body(m.actor)] for m in mentions]
        if mentions
        else [list({*e.actor, *e.recipient} - {ALL_PARTIES}) for e in events]
    )
    for ids in named:
        for ident in ids:
            if res.kind(ident) != "person" and not ident.startswith("person:"):
                counts[ident] = counts.get(ident, 0) + 1
    top = sorted(counts, key=lambda i: -counts[i])[:2]
    return top if len(top) == 2 and counts[top[1]] >= 2 else []


def fill_counterparts(events: list[Event], parties: list[str], lex: Lexicon) -> None:
    """A directed event (accusation, demand, support …) whose text names no recipient is
    aimed at the other main party when its actor is one of the two ("Taipei a dénoncé une
    provocation" in an article about China and Taiwan → China), and at both when its actor
    is a third party ("the EU urged calm")."""
    directed = set(lex.extra.get("directed_types", ()))
    for e in events:
        if ALL_PARTIES in e.actor:  # "les deux pays avaient conclu un accord"
            e.actor = [a for a in e.actor if a != ALL_PARTIES]
            e.actor += [p for p in parties if p not in e.actor]
        if ALL_PARTIES in e.recipient:  # "urged both sides"
            e.recipient = [r for r in e.recipient if r != ALL_PARTIES]
            e.recipient += [p for p in parties if p not in e.recipient and p not in e.actor]
    events[:] = [e for e in events if e.actor]
    if not parties:
        return
    for e in events:
        if e.recipient or e.type not in directed:
            continue
        mine = [p for p in parties if p in e.actor]
        if len(mine) == 1:
            e.recipient = [p for p in parties if p != mine[0]]
        elif not mine:  # a third party: "the EU urged calm", "Rome a salué l'accord"
            e.recipient = list(parties)


def dedupe(events: list[Event]) -> list[Event]:
    """Drop repeats: same sentence, type, actors and recipients (the first, most explicit, wins)."""
    seen: set[tuple[object, ...]] = set()
    out: list[Event] = []
    for e in events:
        key = (
            e.evidence.start,
            e.type,
            tuple(sorted(e.actor)),
            tuple(sorted(e.recipient)),
            e.negated,
            e.future,
            e.hypothetical,
            e.historical,
        )
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out


class _Coder:
    def __init__(
        self,
        parsed: Parsed,
        lookup: ActorLookup,
        quotes: list[Quote],
        published: str | None,
        lex: Lexicon,
    ) -> None:
        self.g = Graph(parsed)
        self.res = Resolver(self.g, lookup, lex)
        self.roles = RoleFinder(self.res)
        self.quotes, self.lex = quotes, lex
        self.base = parse_published(published)
        self._roles: Roles | None = None

    def quote_of(self, t: Tok) -> int | None:
        """Index of the quote whose text (or cue) contains the trigger."""
        for k, q in enumerate(self.quotes):
            if q.start <= t.start < q.end:
                return k
            if (
                q.cue_start is not None
                and q.cue_end is not None
                and (q.cue_start <= t.start < q.cue_end)
            ):
                return k
        return None

    def code_all(self, trig: Trigger) -> list[Event]:
        """The trigger's event, and the threat it makes when its own doer announces it."""
        self._roles = None
        event = self.code(trig)
        if event is None:
            return []
        carried = trig.support is not None and trig.support.lemma.lower() in trig.sense.support
        if trig.nominal and not carried:  # "the boycott would continue" is no announcement
            return [event]
        threat = announced_threat(event, self._roles, self.quotes, self.res, self.lex)
        return [event] if threat is None else [event, threat]

    def code(self, trig: Trigger) -> Event | None:
        t, sense = trig.tok, trig.sense
        anchor = trig.support if trig.nominal and trig.support is not None else t
        m = modality(self.g, anchor, self.lex)
        if trig.nominal and anchor is not t:
            own = modality(self.g, t, self.lex)
            m.hypothetical |= own.hypothetical
            effect = self.lex.embed.get(anchor.lemma.lower())  # "prépare une offensive"
            m.future |= effect == "future"
            m.hypothetical |= effect == "hypothetical"
        if m.suppressed:
            return None
        if t.lemma.lower() in self.lex.extra.get("protest_aims", ()) and any(
            s.type == "PROTEST"
            for a in self.g.ancestors(t.i)[:5]
            for s in self.lex.verbs.get(a.lemma.lower(), ())
        ):
            return None  # "marched to protest against X": the march is the protest
        if sense.announced:  # "nous riposterons": a threat made now, not a future act
            if not (m.future or m.hypothetical) or self._under(t, "THREATEN"):
                return None
            m.future = m.hypothetical = False
        roles: Roles | None = (
            self.roles.nominal(trig) if trig.nominal else self.roles.verbal(t, trig)
        )
        if roles is None:
            return None
        quote = self.quote_of(t)
        agentless = not roles.actor and not trig.nominal and passive(self.g, t)
        if not roles.actor and quote is not None:
            speaker = self.quotes[quote].speaker
            if speaker:
                roles.actor = [self.res.body(speaker)]
        if not roles.actor and (roles.pronoun or agentless):
            roles.actor = self._speaker_of_report(anchor)  # "X said 40 people were detained"
        if agentless and not roles.pronoun:  # "selon l'ONG, 17 personnes ont été interpellées":
            roles.actor = [a for a in roles.actor if self.res.kind(a) == "country"]  # a source
        if not roles.recipient and sense.type in self.lex.extra.get("place_recipient_types", ()):
            hosts = [t] if trig.support is None else [t, trig.support]
            for host in hosts:
                roles.recipient = roles.recipient or self.roles.place_country(host, roles)
        self._roles = roles
        start, end = self.g.parsed.sent_span(t.sent)
        scope = clause_tokens(self.g, anchor)
        day = resolve_date(
            scope, self.g.toks, self.base, self.lex, "future" if m.future else "past"
        )
        future = m.future or (day is not None and self.base is not None and day > self.base)
        future = future and not sense.announced
        event = Event(
            type=sense.type,
            mode=sense.mode or complement_mode(self.g, t, sense.type, self.lex),
            evidence=Evidence(start, end, self.g.text[start:end]),
            actor=roles.actor,
            recipient=roles.recipient,
            negated=m.negated,
            future=future,
            hypothetical=m.hypothetical,
            historical=self._historical(anchor, scope, t if trig.nominal else None),
            date=day.isoformat() if day else None,
            location=location_of(self.g, t, self.lex, roles.used),
            quote=quote,
            trigger=t.text,
        )
        if sense.reciprocal:
            event.actor = [*event.actor, *(r for r in event.recipient if r not in event.actor)]
            event.recipient = []
        if sense.split and len(event.actor) > 1 and not event.recipient:
            event.actor, event.recipient = event.actor[:1], event.actor[1:]
        event.contexts = contexts_of(self.g, t, event, self.lex)
        return apply_rules(event, m)

    def _under(self, t: Tok, kind: str) -> bool:
        """Whether a verb above `t` is a trigger of type `kind` ("warned they would respond")."""
        cur = governor(self.g, t)
        for _ in range(4):
            if cur is None:
                return False
            if any(s.type == kind for s in self.lex.verbs.get(cur.lemma.lower(), ())):
                return True
            cur = governor(self.g, cur)
        return False

    def _speaker_of_report(self, anchor: Tok) -> list[str]:
        """A pronoun doer of a reported clause is, most often, whoever reports it."""
        cur = governor(self.g, anchor)
        for _ in range(4):
            if cur is None:
                return []
            if self.lex.embed.get(cur.lemma.lower()) == "fact":
                found = self.roles.verbal(cur, None).actor
                if found:
                    return found
            cur = governor(self.g, cur)
        return []

    def _historical(self, anchor: Tok, scope: list[Tok], noun: Tok | None = None) -> bool:
        """A year well before publication in the trigger's clause, or in a relative clause on
        a trigger noun ("the agreement that ended the war in 2022")."""
        if self.base is None:
            return False
        if noun is not None:
            rels = self.g.kids(noun.i, {"acl:relcl", "relcl"})
            if self.res.agreement_name(noun):  # "signed in 2019", "l'accord du Kenya, qui …"
                rels += self.g.kids(noun.i, {"acl"})
                for c in self.g.kids(noun.i, {"nmod", "compound"}):
                    rels += self.g.kids(c.i, {"acl:relcl", "relcl"})
            for rel in rels:
                scope = [*scope, *(self.g.toks[k] for k in self.g.subtree(rel.i))]
        for tok in self.g.sent_tokens(anchor.sent):
            year = year_of(tok)
            if year is None or not is_historical(year, self.base):
                continue
            case = self.g.case_of(tok.i) or ""
            if case in self.lex.since_words:
                continue
            if tok in scope or anchor.i in self.g.subtree(tok.i):
                return True
        return False
