"""veille: who said what, who is spoken of, and who did what to whom, from news web pages.

The public surface, imported lazily so that `import veille` stays cheap in worker processes:

    from veille import Article, Settings, extract_records, run, load
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_PUBLIC = {
    "Actor": "veille.article",
    "Article": "veille.article",
    "Error": "veille.article",
    "Event": "veille.article",
    "Evidence": "veille.article",
    "Mention": "veille.article",
    "Quote": "veille.article",
    "Settings": "veille.config",
    "extract_records": "veille.jobs",
    "load": "veille.jobs",
    "run": "veille.jobs",
    "schema_errors": "veille.schema",
}
__all__ = ["__version__", *sorted(_PUBLIC)]


def __getattr__(name: str) -> Any:
    if name in _PUBLIC:
        return getattr(import_module(_PUBLIC[name]), name)
    raise AttributeError(f"module 'veille' has no attribute {name!r}")
