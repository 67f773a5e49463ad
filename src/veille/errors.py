"""A small exception tree for machinery failures.

Problems with one document are not exceptions: they are `Article.errors` entries.
"""


class VeilleError(Exception):
    """Base class of every error veille raises on purpose."""


class ConfigError(VeilleError):
    """Invalid settings or arguments."""


class SourceError(VeilleError):
    """An input cannot be opened or listed at all (not one bad document in it)."""


class StoreError(VeilleError):
    """The store cannot be opened or written."""


class DocumentTimeout(BaseException):
    """A step overran the per-document time budget."""
