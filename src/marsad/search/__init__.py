"""Full-text search over the store: SQLite FTS5 on normalised, light-stemmed words."""

from __future__ import annotations

from marsad.errors import ConfigError
from marsad.search.index import (
    SearchHit,
    SearchIndex,
    SearchPage,
    highlight,
    stemmer_fingerprint,
    terms,
)
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
    "stemmer_fingerprint",
    "terms",
]


def search_index(store: Store) -> SearchIndex:
    """The search index inside ``store`` (SQLite stores only), schema ensured.

    An index that ensure_schema() had to drop (new schema or stemmer) is refilled here from
    the store, so search never silently misses stored articles after an upgrade.
    """
    connection = getattr(store, "connection", None)
    if connection is None:
        raise ConfigError(
            f"search needs the SQLite store; {type(store).__name__} has no SQLite connection"
        )
    index = SearchIndex(connection)
    index.ensure_schema()
    if index.is_empty() and store.article_ids():
        index.index(doc.article for doc in store.iter_documents())
    return index
