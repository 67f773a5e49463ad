"""The query layer: pure functions over a `Reader`, shared by `veille query` and the API.

Every function takes parameters, never SQL; names of actors match on aliases
(`resolve_actor`); list queries return a `Page` (items and the total).
"""

from veille.store.queries.actors import actor_profile, stats, top_actors
from veille.store.queries.common import ACTOR_KINDS, PLOVER_TYPES, Page, day
from veille.store.queries.events import events
from veille.store.queries.names import resolve_actor
from veille.store.queries.texts import article, quotes, search_articles

__all__ = [
    "ACTOR_KINDS",
    "PLOVER_TYPES",
    "Page",
    "actor_profile",
    "article",
    "day",
    "events",
    "quotes",
    "resolve_actor",
    "search_articles",
    "stats",
    "top_actors",
]
