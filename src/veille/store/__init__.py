"""The store stage: where records are kept."""

from veille.store.duckdb import DuckDBStore
from veille.store.rows import document_status

__all__ = ["DuckDBStore", "document_status"]
