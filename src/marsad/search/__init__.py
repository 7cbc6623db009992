"""Full-text search over the store: SQLite FTS5 on normalised, light-stemmed words."""

from __future__ import annotations

from marsad.errors import ConfigError
from marsad.search.index import SearchHit, SearchIndex, SearchPage, highlight, terms
from marsad.search.query import ParsedQuery, parse_query
from marsad.store.base import Store

__all__ = [
    "ParsedQuery",
    "SearchHit",
    "SearchIndex",
    "SearchPage",
    "highlight",
    "parse_query",
    "search_index",
    "terms",
]


def search_index(store: Store) -> SearchIndex:
    """The search index inside ``store`` (SQLite stores only), schema ensured."""
    connection = getattr(store, "connection", None)
    if connection is None:
        raise ConfigError(
            f"search needs the SQLite store; {type(store).__name__} has no SQLite connection"
        )
    index = SearchIndex(connection)
    index.ensure_schema()
    return index
