"""Speaker resolution: a noun phrase to an actor id through the lookup, a pronoun to the last
compatible named speaker or subject (gender from titles and agreement), a floating quote to the
last named speaker."""

from __future__ import annotations

from collections import Counter, defaultdict

from veille.nlp.actors.tables import role_data
from veille.nlp.parsed import ActorLookup
from veille.nlp.quotes.lexicon import Lexicon
from veille.nlp.quotes.syntax import QUOTE_CHARS, SUBJ, Span, Tree

APPOSITION_TOKENS = 8  # how long an apposition after a description may be
SUBJECT_SENTENCES = 2  # sentences back where a subject is preferred for he/she/il/elle
PERSON_WINDOW = 1500  # characters back a pronoun may reach for a person
OTHER_WINDOW = 600  # … and for an organisation or a country


class Resolver:
    """Resolves speakers in text order, remembering who spoke and who was the subject."""

    def __init__(self, tree: Tree, lookup: ActorLookup, lex: Lexicon) -> None:
        self.tree = tree
        self.lookup = lookup
        self.lex = lex
        self._kinds: dict[str, str] = {}
        self.votes: defaultdict[str, Counter[str]] = defaultdict(Counter)
        self.mentions: list[tuple[int, str]] = []  # (offset, id) of named subjects
        self.subjects: list[tuple[int, str]] = []  # (offset, id) of subjects only
        self.embedded: set[int] = set()  # offsets of subjects inside a complement clause
        self.speakers: list[tuple[int, str]] = []  # (offset, id) of resolved speakers
        self.described: list[tuple[int, str, str]] = []  # (offset, id, NP + apposition text)
        self.quote_at: int | None = None  # start of the quote whose speaker is being resolved
        self._collect()

    # --- named phrases ---------------------------------------------------------------------

    def named(self, span: Span) -> str | None:
        """Actor id of a noun phrase (name, title, role, apposition), None for pronouns."""
        t = self.tree
        if t.toks[span.head].pos == "PRON":
            return None
        head = t.toks[span.head]
        appos = [k for k in t.kids[span.head] if t.toks[k].dep.startswith("appos")]
        if head.pos == "NOUN":  # a role with its name beside it: the name first
            appos.sort(key=lambda k: t.toks[k].pos != "PROPN")
            names = [k for k in appos if t.toks[k].pos == "PROPN"]
            found = self._phrase(t.noun_phrase(names[0], self.lex)) if names else None
            found = found or self._comma_name(span)
            if found:
                return found
        _, start, end = t.text_of(span)
        if self._unnamed(span):  # "two EU diplomats" still speak for the organisation
            found = self.lookup.resolve_phrase(start, end)
            named_org = any(
                t.toks[k].text[:1].isupper() for k in range(span.first + 1, span.last + 1)
            )
            kind = self.kind(found) if found else None
            official = head.text.casefold() in self.lex.officials
            body = kind not in (None, "person") and (kind != "country" or official)
            return found if body and named_org else None
        definite = self._definite(span)
        if definite:  # "the official" just after "a senior Japanese official said"
            found = self._role(span, since=self._back(start))
            if found:
                return found
        found = self.lookup.resolve_phrase(start, end)
        found = found or self.lookup.actor_at(head.start, head.end)
        if found and definite and self.kind(found) == "country" and self._person_role(span):
            # "the Azerbaijani minister" right after Mammadova spoke: her, not the country
            person = self._recent_person(start, country=found)
            found = person or found
        if found:
            return found
        for k in appos:
            found = self._phrase(t.noun_phrase(k, self.lex))
            if found:
                return found
        found = self._role(span)
        if found is None and definite:
            found = self._apposed(span)
        if found is None and definite and self._is_role(start, end):
            found = self._recent_person(start)
        return found

    def _definite(self, span: Span) -> bool:
        """A bare description opened by a definite determiner: "the agency chief", « la
        chercheuse » (no name, no pronoun)."""
        t = self.tree
        noun = self._head_noun(span)
        if noun is None or span.first == noun:
            return False
        if any(
            t.toks[k].pos == "PROPN" and t.toks[k].ent != "NORP"  # "the Azerbaijani minister"
            for k in range(span.first, span.last + 1)
        ):
            return False
        first = t.toks[span.first]
        return first.pos == "DET" and "Definite=Def" in first.morph

    def _head_noun(self, span: Span) -> int | None:
        """The noun heading a description (the parser may head "the Azerbaijani minister" on
        its demonym)."""
        t = self.tree
        for k in (span.head, span.last):
            if t.toks[k].pos == "NOUN":
                return k
        return None

    def _person_role(self, span: Span) -> bool:
        """Whether the head of a description is a role a person holds (« la ministre », "the
        minister"), not a state body ("the interior ministry", « les autorités »)."""
        noun = self._head_noun(span)
        if noun is None:
            return False
        head = self.tree.toks[noun]
        roles = role_data(self.lex.language).roles
        return head.text.casefold() in roles or head.lemma.casefold() in roles

    def _is_role(self, start: int, end: int) -> bool:
        describe = getattr(self.lookup, "describe", None)
        return describe is not None and describe(start, end) is not None

    def _recent_person(self, at: int, country: str | None = None) -> str | None:
        """The person who spoke (or was the subject) last in the sentences just before: the
        one a role description with no known holder most likely stands for ("Solheim told
        reporters … The agency chief said …"); with `country`, a person of that country or of
        none known (and no role known either)."""
        since = self._back(at)
        near = sorted(e for e in self.speakers + self.subjects if since <= e[0] < at)
        for offset, actor in reversed(near):
            if offset in self.embedded or self.kind(actor) != "person":
                continue
            if country is None or self._of_country(actor, country):
                return actor
        return None

    def _of_country(self, person: str, country: str) -> bool:
        try:
            record = self.lookup.actor(person)
        except Exception:
            return False
        roles = (getattr(self.lookup, "roles", None) or {}).get(person)
        if record.country:
            return f"country:{record.country}" == country
        return not roles

    def _apposed(self, span: Span) -> str | None:
        """A bare description repeating the apposition of a person named just before: « Pour
        X, chercheuse indépendante, … », estime la chercheuse."""
        t = self.tree
        word = t.toks[self._head_noun(span) or span.head].text.casefold()
        since = self._back(t.toks[span.first].start)
        for offset, actor in sorted(self.mentions, reverse=True):
            if offset >= t.toks[span.first].start or offset < since:
                continue
            if self.kind(actor) != "person":
                continue
            tail = t.p.text[offset : offset + 60].split(",")
            if len(tail) > 1 and word in tail[1].casefold().split():
                return actor
        return None

    def _unnamed(self, span: Span) -> bool:
        """An unnamed source (« un diplomate occidental », "the Polish press"): nobody, unless
        it is the spokesperson of a body, who speaks for that body."""
        t, lex = self.tree, self.lex
        head = t.toks[span.head]
        if head.pos == "PROPN" or any(t.toks[k].pos == "PROPN" for k in (span.first, span.head)):
            return False
        words = {t.low(k).replace("’", "'") for k in range(span.first, span.last + 1)}
        if words & lex.voices:
            return False
        first = t.low(span.first).replace("’", "'")
        return first in lex.unnamed_determiners or head.lemma.casefold() in lex.unnamed_heads

    def _comma_name(self, span: Span) -> str | None:
        """A person named in the apposition after a description, set off by a comma even when
        the parser did not label it: « la porte-parole du gouvernement, Anne X, a dit »,
        "the group's chairman, John Y." (the apposition holds no verb and is short)."""
        t = self.tree
        k = span.last + 1
        while (
            k < len(t.toks)
            and k <= span.last + 4
            and t.toks[k].pos in ("ADP", "DET", "NOUN", "PROPN", "ADJ")
        ):
            k += 1  # the end of a description the noun phrase left out: « … au Commerce »
        if k >= len(t.toks) or t.toks[k].text != ",":
            return None
        j = k + 1
        while j < len(t.toks) and j <= k + APPOSITION_TOKENS:
            tok = t.toks[j]
            if tok.text in (",", ".", ";", ":", "(", ")") or tok.text in QUOTE_CHARS:
                break
            if tok.pos in ("VERB", "AUX"):
                break
            j += 1
            if "\n" in tok.ws:
                break
        if j == k + 1:
            return None
        found = self.lookup.resolve_phrase(t.toks[k + 1].start, t.toks[j - 1].end)
        if found and self.kind(found) == "person":
            return found
        return None

    def _phrase(self, span: Span) -> str | None:
        _, start, end = self.tree.text_of(span)
        return self.lookup.resolve_phrase(start, end)

    def _role(self, span: Span, since: int = 0) -> str | None:
        """A bare role (« le ministre », "the spokeswoman") the lookup did not know: the last
        speaker or subject introduced with that role word (after offset `since`)."""
        t = self.tree
        head = t.toks[span.head]
        if head.pos != "NOUN" or any(
            t.toks[k].pos == "PROPN" for k in range(span.first, span.last)
        ):
            return None
        word = head.text.casefold()
        for offset, actor, text in reversed(self.described):
            if offset < since:
                break
            if offset < head.start and word in text.casefold().split():
                return actor
        return None

    def kind(self, actor_id: str) -> str:
        if actor_id not in self._kinds:
            try:
                self._kinds[actor_id] = self.lookup.actor(actor_id).kind
            except Exception:  # an id the lookup cannot describe: guess from its prefix
                self._kinds[actor_id] = actor_id.split(":", 1)[0]
        return self._kinds[actor_id]

    def _collect(self) -> None:
        """Named subjects and gender evidence (titles, agreement) over the whole text."""
        t, lex = self.tree, self.lex
        for tok in t.toks:
            if tok.dep in SUBJ and tok.pos in ("NOUN", "PROPN"):
                span = t.noun_phrase(tok.i, lex)
                actor = self.named(span)
                if actor:
                    self.mentions.append((tok.start, actor))
                    self.subjects.append((tok.start, actor))
                    if self._embedded(tok.i):
                        self.embedded.add(tok.start)
                    lo, hi = t.extent(tok.i)
                    self.described.append(
                        (tok.start, actor, t.p.text[t.toks[lo].start : t.toks[hi].end])
                    )
        for ent in t.p.ents:
            actor = self.lookup.actor_at(ent.start, ent.end)
            if not actor:
                continue
            if self.kind(actor) == "person":
                self.mentions.append((ent.start, actor))
            for k in range(max(0, ent.first - 3), ent.first):
                low = t.low(k)
                if low in lex.title_masc:
                    self.votes[actor]["m"] += 3
                elif low in lex.title_fem:
                    self.votes[actor]["f"] += 3
            if lex.language == "fr":  # agreement: « la ministre X », « la Russie »
                person = self.kind(actor) == "person"
                for k in (ent.first - 1,) if person else (ent.first - 1, ent.first):
                    ok = k >= 0 and (t.toks[k].pos in ("DET", "NOUN") or not person)
                    morph = t.toks[k].morph if ok else ""
                    if "Gender=Fem" in morph:
                        self.votes[actor]["f"] += 1
                    elif "Gender=Masc" in morph:
                        self.votes[actor]["m"] += 1

    def _embedded(self, i: int) -> bool:
        """Whether subject `i` belongs to a clause reported by a cue verb ("X said that *Y*
        had been arrested"): a pronoun after the sentence rather means X."""
        t = self.tree
        return any(t.toks[a].dep in ("ccomp", "parataxis") for a in t.ancestors(i))

    def gender(self, actor_id: str) -> str | None:
        known = getattr(self.lookup, "genders", None) or {}
        if known.get(actor_id) in ("m", "f"):  # from the actor step: titles, role agreement
            return known[actor_id]
        votes = self.votes.get(actor_id)
        if not votes:
            return None
        (best, n), *rest = [*votes.most_common(2), ("", 0)]
        return best if n > rest[0][1] else None

    # --- pronouns --------------------------------------------------------------------------

    def _category(self, word: str) -> str | None:
        lex = self.lex
        if word in lex.plural:
            return "plural"
        if word in lex.masc:
            return "m"
        if word in lex.fem:
            return "f"
        if word in lex.neuter:
            return "neuter"
        return None

    def _fits(self, actor: str, cat: str, person: bool) -> bool:
        is_person = self.kind(actor) == "person"
        if cat in ("m", "f"):
            if is_person != person:
                return False
            g = self.gender(actor)
            return g is None or g == cat if person else g == cat
        return not is_person  # it, they: an organisation, a country, a group

    def _sentences_back(self, at: int, n: int) -> int:
        """Offset where the sentence `n` sentences before the one holding `at` starts."""
        t = self.tree
        sent = t.toks[t.at(at)].sent
        return t.p.sent_span(max(0, sent - n))[0] if t.p.sents else 0

    def _back(self, at: int) -> int:
        """Where "the sentences just before" start, for a description at `at`: counted from
        the quote when the description follows it (a quote may hold several sentences)."""
        if self.quote_at is not None:
            at = min(at, self.quote_at)
        return self._sentences_back(at, SUBJECT_SENTENCES)

    def pronoun(self, word: str, at: int) -> str | None:
        """The actor a third-person pronoun at `at` most likely stands for."""
        cat = self._category(word)
        if cat is None:
            return None
        if cat in ("m", "f"):  # a subject or speaker of the last sentences beats an object
            since = self._sentences_back(at, SUBJECT_SENTENCES)
            near = sorted(e for e in self.subjects + self.speakers if since <= e[0] < at)
            main = [e for e in near if e[0] not in self.embedded]  # reported subjects last
            for _, actor in [*reversed(main), *reversed(near)]:
                if self._fits(actor, cat, True):
                    return self._learn(actor, cat)
        events = sorted(e for e in self.mentions + self.speakers if e[0] < at)
        passes = [(True, PERSON_WINDOW)] if cat in ("m", "f") else []
        if cat not in ("m", "f") or self.lex.language == "fr":
            passes.append((False, OTHER_WINDOW))
        for person, reach in passes:
            for offset, actor in reversed(events):
                if at - offset > reach:
                    break
                if self._fits(actor, cat, person):
                    return self._learn(actor, cat) if person else actor
        return None

    def _learn(self, actor: str, cat: str) -> str:
        """A he/she resolved to a person of unknown gender tells that gender (weakly): after
        "President X said … He added", a later "she" is someone else."""
        if self.kind(actor) == "person" and cat in ("m", "f"):
            self.votes[actor][cat] += 1
        return actor

    # --- candidates ------------------------------------------------------------------------

    def speaker(self, span: Span | None, floating: bool, at: int) -> tuple[str | None, ...]:
        """(id, text, start, end) of a quote's speaker; the id is None when unresolved."""
        if span is None:
            if floating and self.speakers:
                before = [a for o, a in self.speakers if o <= at]
                return (before[-1] if before else None, None, None, None)
            return (None, None, None, None)
        text, start, end = self.tree.text_of(span)
        self.quote_at = min(at, start)
        actor = self.named(span)
        self.quote_at = None
        if actor is None and span.first == span.last:
            actor = self.pronoun(text.casefold(), start)
        if actor:
            self.speakers.append((start, actor))
            self.described.append((start, actor, text))
        return (actor, text, start, end)
