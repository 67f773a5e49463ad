"""A conflictual act its own doer announces ("nous bloquerons l'autoroute", "we will impose
countermeasures") is also a THREATEN made when it is said (PLOVER: verbal conflict that announces
material conflict). The announced act keeps its own event with `future`/`hypothetical`."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from veille.article import Event, Quote
from veille.nlp.events.arguments import Resolver
from veille.nlp.events.lexicon import Lexicon

if TYPE_CHECKING:
    from veille.nlp.events.roles import Roles

THREAT_OF = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST"})


def _speaker_body(quote: Quote, res: Resolver) -> str | None:
    return res.body(quote.speaker) if quote.speaker else None


def announced_threat(
    event: Event, roles: Roles | None, quotes: list[Quote], res: Resolver, lex: Lexicon
) -> Event | None:
    """The THREATEN stated by announcing `event`, or None."""
    if event.type not in THREAT_OF or event.negated or event.quote is None or roles is None:
        return None
    if not event.future or not event.actor:  # considering an act is no threat
        return None
    speaker = _speaker_body(quotes[event.quote], res)
    if not (roles.self_ref or (speaker is not None and speaker in event.actor)):
        return None
    modes: dict[str, str] = lex.extra.get("threat_modes", {})
    mode = modes.get(f"{event.type}/{event.mode}") or modes.get(event.type)
    return replace(
        event,
        type="THREATEN",
        mode=mode,
        future=False,
        hypothetical=False,
        date=None,
        actor=list(event.actor),
        recipient=list(event.recipient),
        contexts=list(event.contexts),
    )
