"""The narrow storage interface every backend implements (SQLite, PostgreSQL)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Generic, Literal, TypeVar

from marsad.model import Article, Claim, DateRef, Document, Entity, Quote, Story

T = TypeVar("T")

StoryOrder = Literal["latest", "busiest"]


@dataclass
class Page(Generic[T]):
    items: list[T]
    total: int
    limit: int
    offset: int


@dataclass
class AddResult:
    added: int = 0
    already_stored: int = 0
    added_ids: list[str] = field(default_factory=list)


class Store(ABC):
    """Documents, entities and stories, with the queries the CLI, API and web UI need.

    Writes are transactional per call: a call either lands whole or not at all, so a
    killed run keeps every earlier batch and a re-run adds only what is missing.
    """

    # --- writing -----------------------------------------------------------------
    @abstractmethod
    def add_documents(self, docs: Iterable[Document]) -> AddResult:
        """Insert articles with their per-article analysis; ids already stored are skipped."""

    @abstractmethod
    def save_analysis(self, docs: Iterable[Document]) -> None:
        """Replace the per-article analysis (mentions, quotes, dates, claims) of stored docs."""

    @abstractmethod
    def replace_entities(self, entities: list[Entity]) -> None:
        """Replace all linked entities (linking runs over the whole corpus)."""

    @abstractmethod
    def replace_stories(self, stories: list[Story]) -> None:
        """Replace all stories and the article -> story mapping."""

    @abstractmethod
    def corpus_is_stale(self) -> bool:
        """True when articles were added since the corpus stages last finished."""

    @abstractmethod
    def mark_corpus_fresh(self) -> None: ...

    # --- reading -----------------------------------------------------------------
    @abstractmethod
    def article_ids(self) -> set[str]: ...

    @abstractmethod
    def get_article(self, article_id: str) -> Article | None: ...

    @abstractmethod
    def get_document(self, article_id: str) -> Document | None: ...

    @abstractmethod
    def iter_documents(self, ids: Iterable[str] | None = None) -> Iterator[Document]:
        """All documents (or the given ones) in a stable order: published, then id."""

    @abstractmethod
    def list_articles(
        self,
        *,
        outlet: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        story_id: str | None = None,
        entity_id: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> Page[Article]: ...

    @abstractmethod
    def list_entities(
        self,
        *,
        type: str | None = None,
        name: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> Page[Entity]:
        """Entities by mention count, most mentioned first; ``name`` matches part of any
        alias with Arabic spelling folded (hamza, ta marbuta, alef maqsura, diacritics)."""

    @abstractmethod
    def get_entity(self, entity_id: str) -> Entity | None: ...

    @abstractmethod
    def list_stories(
        self,
        *,
        date_from: str | None = None,
        date_to: str | None = None,
        outlet: str | None = None,
        entity_id: str | None = None,
        order: StoryOrder = "latest",
        limit: int = 50,
        offset: int = 0,
    ) -> Page[Story]: ...

    @abstractmethod
    def get_story(self, story_id: str) -> Story | None: ...

    @abstractmethod
    def story_of(self, article_id: str) -> str | None: ...

    @abstractmethod
    def list_quotes(
        self,
        *,
        article_id: str | None = None,
        story_id: str | None = None,
        speaker_entity_id: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> Page[Quote]: ...

    @abstractmethod
    def list_claims(
        self,
        *,
        article_id: str | None = None,
        story_id: str | None = None,
        source_entity_id: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> Page[Claim]: ...

    @abstractmethod
    def list_dates(self, *, article_id: str | None = None) -> list[DateRef]: ...

    @abstractmethod
    def outlets(self) -> list[tuple[str, int]]:
        """(outlet, article count), most articles first."""

    @abstractmethod
    def all_entities(self) -> list[Entity]: ...

    @abstractmethod
    def all_stories(self) -> list[Story]: ...

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
