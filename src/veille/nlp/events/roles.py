"""Actor and recipient lists for one trigger: dependency roles, control, pronoun fallbacks."""

from __future__ import annotations

from dataclasses import dataclass, field

from veille.nlp.events.arguments import (
    Resolver,
    controlled_objects,
    governor,
    misread_participles,
    objects,
    passive,
    subjects,
)
from veille.nlp.events.place import entity_at
from veille.nlp.events.syntax import CLAUSAL
from veille.nlp.events.triggers import Trigger, verb_sense
from veille.nlp.parsed import Tok

_OWN = frozenset({"poss", "nmod:poss", "compound", "amod"})
_LIGHT_EMBEDS = frozenset({"aspect", "fact", "negate"})  # "continued the strikes"
_OF = frozenset({"de", "of", "d'", "du", "des", "by", "par"})


@dataclass(slots=True)
class Roles:
    actor: list[str] = field(default_factory=list)
    recipient: list[str] = field(default_factory=list)
    pronoun: bool = False  # the subject was a pronoun we could not resolve
    self_ref: bool = False  # first person: the speaker
    used: set[int] = field(default_factory=set)  # token indices consumed as participants


def _add(out: list[str], ids: list[str]) -> None:
    out.extend(i for i in ids if i not in out)


class RoleFinder:
    """Fills `Roles` for triggers of one article."""

    def __init__(self, res: Resolver) -> None:
        self.res, self.g, self.lex = res, res.g, res.lex

    def _ids(self, tok: Tok, roles: Roles) -> list[str]:
        roles.used.update(c.i for c in self.g.conjuncts(tok.i))
        if self.res.is_self(tok):
            roles.self_ref = True
            return []
        ids = self.res.many(tok)
        if not ids and self.res.is_pronoun(tok):
            roles.pronoun = True
        return ids

    def _recipient_prep(self, prep: str, obj: Tok, preps: frozenset[str]) -> bool:
        """`prep` introduces a participant (not a place such as "à Bruxelles")."""
        if prep not in preps:
            return False
        if prep in self.lex.location_preps:
            ent = entity_at(self.g, obj)
            if ent is not None and ent.label in {"LOC", "GPE", "FAC"}:
                ident = self.res.lookup.actor_at(ent.start, ent.end)
                if not ident:
                    return False
                try:
                    actor = self.res.lookup.actor(ident)
                except (KeyError, LookupError, ValueError):
                    return False
                return actor.kind == "country" and actor.name.lower() in ent.text.lower()
        return True

    def verbal(self, t: Tok, trig: Trigger | None, depth: int = 0) -> Roles:
        """Roles of verb `t` (trig None when `t` is only a governor whose subject we need)."""
        g, roles = self.g, Roles()
        sense = trig.sense if trig else None
        no_obj = sense.no_object_recipient if sense else True
        is_passive = passive(g, t)
        if not is_passive:
            for s in subjects(g, t):
                _add(roles.actor, self._ids(s, roles))
        if is_passive:
            dependents = g.kids(t.i, {"nsubj:pass", "nsubjpass"})
        elif sense and sense.control == "obj":  # "accused neighbouring Eritrea of …"
            dependents = controlled_objects(g, t)
        else:
            dependents = objects(g, t)
        for o in dependents:
            if not no_obj:
                _add(roles.recipient, self._ids(o, roles))
            elif sense:  # "libérer ses troupes" names no participant, "libérer Mme X" does
                _add(roles.recipient, [i for i in self.res.many(o) if self.res.kind(i) == "person"])
        preps = (sense.preps or self.lex.recipient_preps) if sense else frozenset()
        for prep, obj in g.prep_objects(t.i):
            if is_passive and prep in self.lex.agent_preps:
                _add(roles.actor, self._ids(obj, roles))
            elif sense and self._recipient_prep(prep, obj, preps):
                _add(roles.recipient, self._ids(obj, roles))
        if sense and sense.type == "PROTEST":  # "défiler pour protester contre l'accord"
            for k in g.subtree(t.i, frozenset({"ccomp", "parataxis", "conj"})):
                aim = g.toks[k]
                if aim.lemma.lower() in self.lex.extra.get("protest_aims", ()):
                    for prep, obj in g.prep_objects(aim.i):
                        if prep in self.lex.recipient_preps:
                            _add(roles.recipient, self._ids(obj, roles))
        called = self.called_by(t) if sense and sense.type == "PROTEST" else []
        if called:  # "ont défilé à l'appel de la FDSEA": the organiser is the actor
            roles.actor = called
        if not roles.actor and not roles.self_ref and depth < 4:
            inherited = self.inherited(t, depth)
            roles.actor = inherited.actor
            roles.pronoun = roles.pronoun or inherited.pronoun
            roles.self_ref = roles.self_ref or inherited.self_ref
        return roles

    def inherited(self, t: Tok, depth: int) -> Roles:
        """The doer of an embedded or coordinated verb without its own subject."""
        gov = governor(self.g, t)
        if gov is None or (subjects(self.g, t) and t.dep != "conj"):
            return Roles()
        if gov.pos in {"NOUN", "PROPN"}:
            return self.nominal_own(gov)
        head = self.g.head(gov.i)
        if head is not None and gov in misread_participles(self.g, head) and self._controls(head):
            gov = head  # "accused neighbouring Eritrea of deploying": the accused is the doer
        readiness = self.lex.extra.get("readiness_verbs", ())
        if t.dep == "xcomp" and gov.lemma.lower() in readiness and passive(self.g, gov):
            # "X is poised to close …": the passive subject of the readiness verb is the doer
            out = Roles()
            for s in self.g.kids(gov.i, {"nsubj:pass", "nsubjpass"}):
                _add(out.actor, self._ids(s, out))
            if out.actor or out.pronoun:
                return out
        if t.dep != "conj" and self._controls(gov):
            out = Roles()
            for o in controlled_objects(self.g, gov):
                _add(out.actor, self._ids(o, out))
            if out.actor:
                return out
        return self.verbal(gov, None, depth + 1)

    def _controls(self, v: Tok) -> bool:
        """Whether verb `v`'s object is the doer of its embedded clause (accuse X of doing)."""
        senses = self.lex.verbs.get(v.lemma.lower(), ())
        return bool(senses) and senses[0].control == "obj"

    def called_by(self, t: Tok) -> list[str]:
        """Who called the act: the de/of complement of "à l'appel de", "at the call of"."""
        words = self.lex.extra.get("caller", {})
        out: list[str] = []
        for host in (t, self.g.head(t.i)):
            if host is None:
                continue
            for prep, obj in self.g.prep_objects(host.i):
                if prep in words.get("preps", ()) and obj.lemma.lower() in words.get("nouns", ()):
                    for p, who in self.g.prep_objects(obj.i):
                        if p in _OF:
                            _add(out, self.res.many(who))
        return out

    def parties(self, n: Tok) -> list[str]:
        """The participants of the clause a mediation noun belongs to (signed under the aegis
        of Qatar → the signatories)."""
        v = self.g.clause_head(n.i)
        if v.i == n.i:
            return []
        roles = Roles()
        for s in [*subjects(self.g, v), *objects(self.g, v)]:
            _add(roles.actor, self._ids(s, roles))
        if not roles.actor and passive(self.g, v):
            for s in self.g.kids(v.i, {"nsubj:pass", "nsubjpass"}):
                _add(roles.actor, self._ids(s, roles))
        return roles.actor

    def nominal_own(self, n: Tok) -> Roles:
        """Actors named on a noun itself: Russian build-up, NATO demand, retrait des troupes russes."""
        roles = Roles()
        named = self.res.agreement_name(n)
        for c in self.g.kids(n.i, _OWN):
            if not (named and self.res.seat(c)):
                _add(roles.actor, self._ids(c, roles))
        for prep, obj in self.g.prep_objects(n.i):
            if prep in _OF and not (named and self.res.seat(obj)):
                _add(roles.actor, self._ids(obj, roles))
        return roles

    def _patient(self, n: Tok) -> Roles:
        roles = Roles()
        for c in self.g.kids(n.i, _OWN):
            _add(roles.actor, self._ids(c, roles))
        for prep, obj in self.g.prep_objects(n.i):
            if prep in self.lex.agent_preps:
                _add(roles.actor, self._ids(obj, roles))
            elif prep in _OF:
                _add(roles.recipient, self._ids(obj, roles))
        return roles

    def place_country(self, t: Tok, roles: Roles) -> list[str]:
        """The country a manoeuvre or strike is aimed at when the text names only the place:
        a country named in a locative or "against" phrase of the trigger ("manœuvres autour
        de Taïwan", "drills around Taiwan"), never one of the actors."""
        preps = self.lex.location_preps | self.lex.recipient_preps
        pairs = self.g.prep_objects(t.i)
        for o in objects(self.g, t):  # "massé des soldats près de la frontière estonienne"
            pairs += self.g.prep_objects(o.i)
            pairs += [  # parse repair: "près de la frontière" read as the object
                (f"{a.lemma.lower()} de", o) for a in self.g.kids(o.i, {"advmod"}) if a.pos == "ADV"
            ]
        for prep, obj in pairs:
            if prep not in preps:
                continue
            for k in self.g.subtree(obj.i, CLAUSAL):
                tok = self.g.toks[k]
                found = self.res.lookup.actor_at(tok.start, tok.end)
                ident = self.res.body(found) if found else None
                if ident and ident not in roles.actor and self.res.kind(ident) == "country":
                    return [ident]
        return []

    def _targets(self, n: Tok, roles: Roles) -> None:
        """Recipients named by a targeting participle on the noun or its container ("sanctions
        visant huit entreprises iraniennes", "a package of sanctions targeting Russian banks")."""
        verbs = self.lex.extra.get("target_verbs", ())
        hosts = [n]
        h = self.g.head(n.i)
        if h is not None and h.lemma.lower() in self.lex.extra.get("containers", ()):
            hosts.append(h)
        for host in hosts:
            for v in self.g.kids(host.i, {"acl", "acl:relcl", "relcl", "amod"}):
                if v.lemma.lower() in verbs:
                    for o in objects(self.g, v):
                        _add(roles.recipient, self._ids(o, roles))
                    for prep, obj in self.g.prep_objects(v.i):
                        if prep in {"at", "contre", "against"}:
                            _add(roles.recipient, self._ids(obj, roles))

    def nominal(self, trig: Trigger) -> Roles | None:
        """Roles of a nominal trigger; None when nothing anchors it to a doer."""
        n, sense = trig.tok, trig.sense
        roles = self.nominal_own(n)
        if sense.patient:  # "l'expulsion de diplomates russes par la Pologne"
            roles = self._patient(n)
        if sense.third_party:
            if not roles.actor:
                return None
            roles.recipient = [p for p in self.parties(n) if p not in roles.actor]
            return roles
        preps = sense.preps or self.lex.recipient_preps
        for prep, obj in self.g.prep_objects(n.i):
            if prep not in _OF and self._recipient_prep(prep, obj, preps):
                _add(roles.recipient, self._ids(obj, roles))
        self._targets(n, roles)
        sup = trig.support
        if sup is not None:
            light = not sense.support or sup.lemma.lower() in sense.support
            light = light or self.lex.embed.get(sup.lemma.lower()) in _LIGHT_EMBEDS
            # "is preparing an attack", "prévoit des sanctions": the subject's own intended act
            light = light or sup.lemma.lower() in self.lex.extra.get("intention_verbs", ())
            own = verb_sense(self.g, sup, self.lex)
            if (
                own is not None
                and own.type != sense.type
                and sup.lemma.lower() not in sense.support
            ):
                light = False  # "rejected the demand": the demand is not the rejecter's
            if light:
                carrier = self.verbal(sup, None)
                if not roles.actor:
                    roles.actor = carrier.actor
                    roles.pronoun, roles.self_ref = carrier.pronoun, carrier.self_ref
                for prep, obj in self.g.prep_objects(sup.i):
                    if prep in sense.preps and self._recipient_prep(prep, obj, sense.preps):
                        _add(roles.recipient, self._ids(obj, roles))
                return roles
        if roles.actor or roles.self_ref:
            return roles
        return None
