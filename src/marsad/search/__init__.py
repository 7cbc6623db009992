"""Full-text search over the store, on normalised, light-stemmed words.

One interface (:class:`SearchBackend`), one implementation per store backend: SQLite FTS5
(:class:`SearchIndex`) and PostgreSQL tsvector + GIN (:class:`PostgresSearchIndex`), both
over the same analysed terms.
"""

from __future__ import annotations

import sqlite3

from marsad.errors import ConfigError
from marsad.search.base import SearchBackend, SearchHit, SearchPage
from marsad.search.index import SearchIndex, highlight, stemmer_fingerprint, terms
from marsad.search.postgres import PostgresSearchIndex
from marsad.search.query import ParsedQuery, parse_query
from marsad.store.base import Store
from marsad.store.postgres import PostgresStore

__all__ = [
    "ParsedQuery",
    "PostgresSearchIndex",
    "SearchBackend",
    "SearchHit",
    "SearchIndex",
    "SearchPage",
    "highlight",
    "parse_query",
    "search_index",
    "stemmer_fingerprint",
    "supports_search",
    "terms",
]


def _backend(store: Store) -> SearchBackend | None:
    if isinstance(store, PostgresStore):
        return PostgresSearchIndex(store)
    connection = getattr(store, "connection", None)
    if isinstance(connection, sqlite3.Connection):
        return SearchIndex(connection)
    return None


def supports_search(store: Store) -> bool:
    """True when ``store`` is of a backend that has a search index (SQLite, PostgreSQL)."""
    return _backend(store) is not None


def search_index(store: Store) -> SearchBackend:
    """The search index inside ``store``, schema ensured.

    An index that ensure_schema() had to drop (new schema or stemmer) is refilled here from
    the store, so search never silently misses stored articles after an upgrade.
    """
    index = _backend(store)
    if index is None:
        raise ConfigError(
            f"search needs a SQLite or PostgreSQL store; {type(store).__name__} is neither"
        )
    index.ensure_schema()
    if index.is_empty() and store.article_ids():
        index.index(doc.article for doc in store.iter_documents())
    return index
