"""The one document model every stage reads and fills.

Per-article stages (clean, entities, quotes, dates, claims) work on a :class:`Document`
and refer to spans of ``article.text`` by character offsets. Corpus stages (entity
linking, stories) work over many documents and produce :class:`Entity` and
:class:`Story`. Offsets are always into the *clean* text, ``[start, end)``.

Per-article stages point at speakers and sources through mention indexes (positions in
``Document.mentions``); entity linking later turns those into entity ids, so the
per-article stages never need to know about other articles.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

EntityType = Literal["PER", "ORG", "LOC", "MISC"]
QuoteKind = Literal["direct", "indirect"]
Qualifier = Literal["exact", "approx", "more_than", "at_least", "less_than", "up_to"]


@dataclass
class RawDocument:
    """One item as read from input, before cleaning.

    ``text`` is plain text (already decoded, and for HTML already the extracted main
    text); readers put whatever the container said about the article in the metadata
    fields, and ``clean`` decides what to keep.
    """

    source: str
    text: str
    format: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    language: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Article:
    id: str
    source: str
    text: str
    title: str | None = None
    outlet: str | None = None
    agencies: list[str] = field(default_factory=list)
    published: str | None = None
    language: str = "ar"
    parent_id: str | None = None
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "outlet": self.outlet,
            "agencies": list(self.agencies),
            "title": self.title,
            "published": self.published,
            "language": self.language,
            "text": self.text,
            "parent_id": self.parent_id,
            "url": self.url,
        }


@dataclass
class Mention:
    """A named entity as written in one article."""

    start: int
    end: int
    text: str
    type: EntityType
    role: str | None = None
    entity_id: str | None = None


@dataclass
class Quote:
    id: str
    article_id: str
    speaker: str | None
    text: str
    kind: QuoteKind
    start: int
    end: int
    speaker_mention: int | None = None
    speaker_entity_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d.pop("speaker_mention")
        return d


@dataclass
class DateRef:
    article_id: str
    expression: str
    value: str
    start: int
    end: int
    event: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Claim:
    id: str
    article_id: str
    value: float
    unit: str | None
    qualifier: Qualifier
    subject: str
    source: str | None
    sentence: str
    start: int
    end: int
    date: str | None = None
    source_mention: int | None = None
    source_entity_id: str | None = None
    quote_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d.pop("source_mention")
        return d


@dataclass
class Document:
    """An article plus everything the per-article stages found in it."""

    article: Article
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    dates: list[DateRef] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.article.id


@dataclass
class EntityMention:
    article_id: str
    start: int
    end: int
    text: str


@dataclass
class Entity:
    id: str
    name: str
    type: EntityType
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    mentions: list[EntityMention] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Comparison:
    subject: str
    claim_ids: list[str]
    values: list[dict[str, Any]]
    sources: list[str]
    conflict: bool
    first_seen: str | None
    last_seen: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class SummarySentence:
    text: str
    article_id: str


@dataclass
class TimelineEntry:
    date: str
    text: str
    article_ids: list[str]


@dataclass
class Story:
    id: str
    label: str
    article_ids: list[str]
    duplicate_groups: list[list[str]] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)
    summary: list[SummarySentence] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    comparisons: list[Comparison] = field(default_factory=list)
    first_seen: str | None = None
    last_seen: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
