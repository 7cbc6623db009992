"""Request and response models: they validate input and document the API in OpenAPI."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

T = TypeVar("T")

# One API request may carry at most this many articles: a batch that size runs the pipeline
# in well under a minute on a laptop, and larger loads belong to `marsad ingest`.
MAX_BATCH = 500

_EXAMPLE_ARTICLE: dict[str, Any] = {
    "title": "كوريا الشمالية ترسل قوات إلى روسيا",
    "text": "قال مسؤول في البنتاغون إن نحو 10 آلاف جندي كوري شمالي وصلوا إلى روسيا.",
    "url": "https://example.com/news/1",
    "outlet": "example",
    "published": "2024-10-28",
}


class ArticleIn(BaseModel):
    """One article to ingest: plain ``text`` or raw ``html`` (exactly one of them)."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [dict(_EXAMPLE_ARTICLE)]}
    )

    title: str | None = Field(None, max_length=2000, description="Headline, if known.")
    text: str | None = Field(None, description="Plain article text.")
    html: str | None = Field(None, description="Raw HTML page; the main text is extracted.")
    url: str | None = Field(None, max_length=4000, description="Where the article was published.")
    outlet: str | None = Field(None, max_length=200, description="Outlet name or domain.")
    published: str | None = Field(
        None, description="Publication date or datetime, ISO 8601 (2024-10-28 or 2024-10-28T09:00)."
    )

    @field_validator("url")
    @classmethod
    def _url(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value

    @field_validator("published")
    @classmethod
    def _published(cls, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            if len(value) == 10:
                date.fromisoformat(value)
            else:
                datetime.fromisoformat(value)
        except ValueError as exc:
            raise ValueError("must be an ISO 8601 date such as 2024-10-28") from exc
        return value

    @model_validator(mode="after")
    def _one_body(self) -> ArticleIn:
        bodies = [b for b in (self.text, self.html) if b is not None and b.strip()]
        if len(bodies) != 1:
            raise ValueError("give exactly one non-empty body: 'text' or 'html'")
        return self


class BatchIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleIn] = Field(
        ..., min_length=1, max_length=MAX_BATCH, description=f"1 to {MAX_BATCH} articles."
    )


class IngestOut(BaseModel):
    """What the pipeline run did (the fields of ``marsad.core.RunSummary``)."""

    summary: dict[str, Any]


class PageOut(BaseModel, Generic[T]):
    items: list[T]
    total: int = Field(..., description="Matches in all, not only on this page.")
    limit: int
    offset: int


class _FromObj(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class ArticleOut(_FromObj):
    id: str
    source: str
    title: str | None
    outlet: str | None
    agencies: list[str]
    published: str | None
    language: str
    parent_id: str | None
    url: str | None
    text: str


class MentionOut(_FromObj):
    start: int
    end: int
    text: str
    type: str
    role: str | None
    entity_id: str | None


class QuoteOut(_FromObj):
    id: str
    article_id: str
    speaker: str | None
    text: str
    kind: str
    start: int
    end: int
    speaker_entity_id: str | None


class DateOut(_FromObj):
    article_id: str
    expression: str
    value: str
    start: int
    end: int
    event: str


class ClaimOut(_FromObj):
    id: str
    article_id: str
    value: float
    unit: str | None
    qualifier: str
    subject: str
    source: str | None
    sentence: str
    start: int
    end: int
    date: str | None
    source_entity_id: str | None
    quote_id: str | None


class ArticleDetailOut(ArticleOut):
    story_id: str | None
    mentions: list[MentionOut]
    quotes: list[QuoteOut]
    dates: list[DateOut]
    claims: list[ClaimOut]


class EntityMentionOut(_FromObj):
    article_id: str
    start: int
    end: int
    text: str


class EntityOut(_FromObj):
    id: str
    name: str
    type: str
    aliases: list[str]
    roles: list[str]
    mention_count: int


class EntityDetailOut(EntityOut):
    mentions: list[EntityMentionOut]


class ComparisonOut(_FromObj):
    subject: str
    claim_ids: list[str]
    values: list[dict[str, Any]]
    sources: list[str]
    conflict: bool = Field(..., description="True when the sources give figures that disagree.")
    first_seen: str | None
    last_seen: str | None


class SummarySentenceOut(_FromObj):
    text: str
    article_id: str


class TimelineEntryOut(_FromObj):
    date: str
    text: str
    article_ids: list[str]


class StoryBriefOut(_FromObj):
    id: str
    label: str
    article_count: int
    entities: list[str]
    first_seen: str | None
    last_seen: str | None


class StoryOut(StoryBriefOut):
    article_ids: list[str]
    duplicate_groups: list[list[str]]
    summary: list[SummarySentenceOut]
    timeline: list[TimelineEntryOut]
    comparisons: list[ComparisonOut]


class SearchHitOut(_FromObj):
    article_id: str
    title: str | None
    outlet: str | None
    published: str | None
    score: float = Field(..., description="BM25 relevance; higher is better.")
    snippet: str = Field(..., description="HTML-escaped text with <mark> around the hits.")


class OutletOut(BaseModel):
    outlet: str
    articles: int


class ErrorOut(BaseModel):
    detail: str = Field(..., examples=["limit: Input should be less than or equal to 200"])


StoryOrderParam = Literal["latest", "busiest"]
