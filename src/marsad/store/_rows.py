"""Row conversion and filter building shared by the SQLite and PostgreSQL backends.

The filters are written once with the driver's placeholder (``mark``: ``?`` for sqlite3,
``%s`` for psycopg) so both backends answer the same query with the same rows.
"""

from __future__ import annotations

import json
from dataclasses import fields
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from marsad.model import (
    Article,
    Claim,
    Comparison,
    DateRef,
    Mention,
    Quote,
    Story,
    SummarySentence,
    TimelineEntry,
)

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

R = TypeVar("R", bound="DataclassInstance")


class Row(Protocol):
    """A row from either driver: sqlite3.Row and psycopg's dict rows both index by name."""

    def __getitem__(self, key: str, /) -> Any: ...


def where(*filters: tuple[str, Any]) -> tuple[str, list[Any]]:
    """A WHERE clause ANDing each (condition, parameter) whose parameter was given."""
    given = [(clause, param) for clause, param in filters if param]
    if not given:
        return "", []
    return "WHERE " + " AND ".join(c for c, _ in given), [p for _, p in given]


def article_filters(
    outlet: str | None,
    date_from: str | None,
    date_to: str | None,
    story_id: str | None,
    entity_id: str | None,
    mark: str = "?",
) -> tuple[str, list[Any]]:
    return where(
        (f"a.outlet = {mark}", outlet),
        (f"a.published >= {mark}", date_from),
        (f"a.published <= {mark}", date_to),
        (f"a.id IN (SELECT article_id FROM story_articles WHERE story_id = {mark})", story_id),
        (f"a.id IN (SELECT article_id FROM mentions WHERE entity_id = {mark})", entity_id),
    )


def analysis_filters(
    alias: str,
    article_id: str | None,
    story_id: str | None,
    role: str,
    entity_id: str | None,
    mark: str = "?",
) -> tuple[str, list[Any]]:
    """Filters of quotes and claims: by article, story, or the entity in ``role``."""
    return where(
        (f"{alias}.article_id = {mark}", article_id),
        (
            f"{alias}.article_id IN (SELECT article_id FROM story_articles"
            f" WHERE story_id = {mark})",
            story_id,
        ),
        (f"{alias}.{role}_entity_id = {mark}", entity_id),
    )


def article(row: Row) -> Article:
    return Article(
        id=row["id"],
        source=row["source"],
        text=row["text"],
        title=row["title"],
        outlet=row["outlet"],
        agencies=json.loads(row["agencies_json"]),
        published=row["published"],
        language=row["language"],
        parent_id=row["parent_id"],
        url=row["url"],
    )


def from_row(kind: type[R], row: Row) -> R:
    """A per-article analysis item from its row: each table names its columns like the fields."""
    return kind(**{f.name: row[f.name] for f in fields(kind)})


# The per-article analysis tables: each is also the Document attribute that holds its items,
# read back in the order the stages wrote them.
ANALYSIS: tuple[tuple[str, str, type[Mention | Quote | DateRef | Claim]], ...] = (
    ("mentions", "idx", Mention),
    ("quotes", "start", Quote),
    ("dates", "idx", DateRef),
    ("claims", "start", Claim),
)


def story(data: dict[str, Any]) -> Story:
    return Story(
        id=data["id"],
        label=data["label"],
        article_ids=list(data["article_ids"]),
        duplicate_groups=[list(g) for g in data.get("duplicate_groups", [])],
        entities=list(data.get("entities", [])),
        summary=[SummarySentence(**s) for s in data.get("summary", [])],
        timeline=[TimelineEntry(**t) for t in data.get("timeline", [])],
        comparisons=[Comparison(**c) for c in data.get("comparisons", [])],
        first_seen=data.get("first_seen"),
        last_seen=data.get("last_seen"),
    )
