"""Check events against PLOVER before they leave the coder: never emit an invalid code."""

from __future__ import annotations

from dataclasses import replace

from veille.article import Event
from veille.nlp.events.schema import CONTEXTS, MODES, RECIPIENT_REQUIRED, cameo_ok, cameo_root


def validate(event: Event) -> Event | None:
    """Return a valid version of `event` (mode, contexts, CAMEO fixed) or None to drop it."""
    if event.type not in MODES:
        return None
    mode = event.mode if event.mode in MODES[event.type] else None
    actor = _unique(event.actor)
    recipient = [r for r in _unique(event.recipient) if r not in actor]
    if not actor:
        return None
    if event.type in RECIPIENT_REQUIRED and not recipient:
        return None
    cameo = event.cameo if event.cameo and cameo_ok(event.cameo) else cameo_root(event.type, mode)
    if not cameo_ok(cameo):
        cameo = None
    contexts = sorted({c for c in event.contexts if c in CONTEXTS})
    if event.quote is not None and event.quote < 0:
        return None
    return replace(
        event, mode=mode, actor=actor, recipient=recipient, cameo=cameo, contexts=contexts
    )


def is_valid(event: Event) -> bool:
    """Whether `event` passes every check unchanged."""
    fixed = validate(event)
    return fixed is not None and fixed == event


def _unique(ids: list[str]) -> list[str]:
    out: list[str] = []
    for i in ids:
        if i and i not in out:
            out.append(i)
    return out
