"""The narrow interface every search backend implements (SQLite FTS5, PostgreSQL)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass

from marsad.model import Article

# Articles per indexing transaction: commits stay few (125 for the 62k-article corpus) and a
# batch's texts and term streams stay small in memory.
INDEX_BATCH = 500


@dataclass
class SearchHit:
    article_id: str
    title: str | None
    outlet: str | None
    published: str | None
    score: float
    snippet: str


@dataclass
class SearchPage:
    items: list[SearchHit]
    total: int
    limit: int
    offset: int


class SearchBackend(ABC):
    """A full-text index of stored articles over marsad's own analysed terms.

    Every backend indexes the same terms (``marsad.search.index.terms``: clitics off, then
    Light10) and parses queries with ``marsad.search.query.parse_query``, so a respelled query
    finds the same articles whichever database holds them.
    """

    @abstractmethod
    def ensure_schema(self) -> None:
        """Create the index, or drop it and recreate it empty when it is stale."""

    def index(self, articles: Iterable[Article]) -> int:
        """Add or replace articles; unchanged ones (same checksum) are skipped.

        Returns how many were written. Each batch of :data:`INDEX_BATCH` is one transaction.
        """
        written = 0
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= INDEX_BATCH:
                written += self._index_batch(batch)
                batch = []
        if batch:
            written += self._index_batch(batch)
        return written

    @abstractmethod
    def _index_batch(self, articles: list[Article]) -> int:
        """Write one batch in one transaction; returns how many were new or changed."""

    @abstractmethod
    def remove(self, ids: Iterable[str]) -> int:
        """Drop articles from the index; returns how many were there."""

    @abstractmethod
    def is_empty(self) -> bool: ...

    @abstractmethod
    def __len__(self) -> int: ...

    @abstractmethod
    def search(
        self,
        query: str,
        *,
        outlet: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        entity_id: str | None = None,
        story_id: str | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> SearchPage:
        """Best matches first, title words weighted above body words, with a highlighted
        snippet of the original text. The filters are ``Store.list_articles``' (one
        definition, ``marsad.store._rows.article_filters``): ``date_to`` includes its day."""
