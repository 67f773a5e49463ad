"""The store stage: where records are kept."""

from veille.store.duckdb import DuckDBStore, document_status

__all__ = ["DuckDBStore", "document_status"]
