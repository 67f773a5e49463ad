"""PLOVER event coding over the dependency parse: "who did what to whom", French and English."""

from veille.nlp.events.coder import code_events, dedupe
from veille.nlp.events.schema import TYPES, cameo_root, plover_from_cameo
from veille.nlp.events.validate import is_valid, validate

__all__ = [
    "TYPES",
    "cameo_root",
    "code_events",
    "dedupe",
    "is_valid",
    "plover_from_cameo",
    "validate",
]
