"""Load a language's event lexicon (`veille/language/<lang>/events.yaml`): data, not code."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml

from veille.nlp.events.schema import CONTEXTS, MODES

EMBED_EFFECTS = frozenset(
    {"fact", "suppress", "hypothetical", "future", "negate", "aspect", "concede", "agree"}
)


@dataclass(frozen=True, slots=True)
class Sense:
    """One reading of a trigger lemma: the event it codes and how its arguments are found."""

    type: str
    mode: str | None = None
    obj: frozenset[str] = frozenset()  # the object (or noun complement) must be one of these
    amod: frozenset[str] = frozenset()  # nominal: a modifier must be one of these (joint …)
    support: frozenset[str] = frozenset()  # nominal: light verbs that carry it (impose …)
    preps: frozenset[str] = frozenset()  # prepositions introducing the recipient (overrides)
    reciprocal: bool = False  # all participants are actors (meet, talks)
    split: bool = False  # coordinated actors: first is actor, the others recipients
    control: str = "subj"  # whose action an embedded clause describes: subj | obj
    no_object_recipient: bool = False  # the direct object is not a participant (deploy troops)
    patient: bool = False  # nominal: the of/de complement is the recipient (expulsion of X)
    announced: bool = False  # a threat only when announced (will retaliate); else not coded
    third_party: bool = False  # nominal mediation: the parties of the clause are recipients
    need_support: bool = False  # nominal: coded only when carried by one of `support`


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Everything the coder knows about one language."""

    language: str
    verbs: dict[str, tuple[Sense, ...]]
    nouns: dict[str, tuple[Sense, ...]]
    recipient_preps: frozenset[str]
    agent_preps: frozenset[str]
    location_preps: frozenset[str]
    negation: frozenset[str]
    embed: dict[str, str]
    future_aux: frozenset[str]
    hypothetical_aux: frozenset[str]
    conditional_marks: frozenset[str]
    since_words: frozenset[str]
    self_pronouns: frozenset[str]
    pronouns: frozenset[str]
    self_bodies: frozenset[str]
    complement_modes: dict[str, dict[str, str]]
    contexts: dict[str, tuple[str, ...]]
    extra: dict[str, Any] = field(default_factory=dict)


def _senses(value: Any, where: str) -> tuple[Sense, ...]:
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        for key in ("obj", "amod", "support", "preps"):
            if any(not isinstance(x, str) for x in item.get(key, [])):
                raise ValueError(f"{where}: non-string in {key} (quote YAML words like 'on')")
        kind = item["type"]
        mode = item.get("mode")
        if kind not in MODES or (mode is not None and mode not in MODES[kind]):
            raise ValueError(f"{where}: invalid PLOVER type/mode {kind}/{mode}")
        out.append(
            Sense(
                type=kind,
                mode=mode,
                obj=frozenset(item.get("obj", [])),
                amod=frozenset(item.get("amod", [])),
                support=frozenset(item.get("support", [])),
                preps=frozenset(item.get("preps", [])),
                reciprocal=bool(item.get("reciprocal", False)),
                split=bool(item.get("split", False)),
                control=item.get("control", "subj"),
                no_object_recipient=bool(item.get("no_object_recipient", False)),
                patient=bool(item.get("patient", False)),
                announced=bool(item.get("announced", False)),
                third_party=bool(item.get("third_party", False)),
                need_support=bool(item.get("need_support", False)),
            )
        )
    return tuple(out)


def parse_lexicon(language: str, data: dict[str, Any]) -> Lexicon:
    """Build a `Lexicon` from the YAML mapping, checking every type, mode and context."""
    embed: dict[str, str] = {}
    for effect, lemmas in data.get("embedding", {}).items():
        if effect not in EMBED_EFFECTS:
            raise ValueError(f"{language}: unknown embedding effect {effect}")
        embed.update({lemma: effect for lemma in lemmas})
    contexts: dict[str, list[str]] = {}
    for ctx, lemmas in data.get("contexts", {}).items():
        if ctx not in CONTEXTS:
            raise ValueError(f"{language}: unknown context {ctx}")
        for lemma in lemmas:
            contexts.setdefault(lemma, []).append(ctx)
    modes = data.get("complement_modes", {})
    for kind, table in modes.items():
        bad = [m for m in table.values() if m not in MODES.get(kind, ())]
        if bad:
            raise ValueError(f"{language}: invalid complement modes {kind}: {bad}")
    words = data.get("words", {})
    return Lexicon(
        language=language,
        verbs={k: _senses(v, k) for k, v in data.get("verbs", {}).items()},
        nouns={k: _senses(v, k) for k, v in data.get("nouns", {}).items()},
        recipient_preps=frozenset(data.get("recipient_preps", [])),
        agent_preps=frozenset(data.get("agent_preps", [])),
        location_preps=frozenset(data.get("location_preps", [])),
        negation=frozenset(words.get("negation", [])),
        embed=embed,
        future_aux=frozenset(words.get("future_aux", [])),
        hypothetical_aux=frozenset(words.get("hypothetical_aux", [])),
        conditional_marks=frozenset(words.get("conditional_marks", [])),
        since_words=frozenset(words.get("since", [])),
        self_pronouns=frozenset(words.get("self_pronouns", [])),
        pronouns=frozenset(words.get("pronouns", [])),
        self_bodies=frozenset(words.get("self_bodies", [])),
        complement_modes={k: dict(v) for k, v in modes.items()},
        contexts={k: tuple(v) for k, v in contexts.items()},
        extra={k: v for k, v in data.items() if k not in _KNOWN},
    )


_KNOWN = frozenset(
    {
        "verbs",
        "nouns",
        "recipient_preps",
        "agent_preps",
        "location_preps",
        "embedding",
        "contexts",
        "complement_modes",
        "words",
    }
)


@cache
def load_lexicon(language: str) -> Lexicon:
    """The lexicon shipped for `language` ("fr", "en"); KeyError when there is none."""
    try:
        text = (
            resources.files(f"veille.language.{language}")
            .joinpath("events.yaml")
            .read_text(encoding="utf-8")
        )
    except (ModuleNotFoundError, FileNotFoundError) as exc:
        raise KeyError(language) from exc
    return parse_lexicon(language, yaml.safe_load(text))
