"""Row conversion and filter building shared by the SQLite and PostgreSQL backends.

The filters are written once with the driver's placeholder (``mark``: ``?`` for sqlite3,
``%s`` for psycopg) so both backends answer the same query with the same rows. The article
filters are also the search indexes' (``marsad.search``), so a listing and a search with the
same outlet, dates, story and entity keep the same articles.
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


# psycopg's named placeholder for ``mark``, ``{}`` standing for the parameter's name: for
# statements that use a parameter twice (marsad.search.postgres).
NAMED_MARK = "%({})s"
# After a date, above every ISO datetime of that day: "2024-11-05T10:00:00+00:00" sorts below
# "2024-11-05\uffff" both by code point (SQLite's BINARY) and by UTF-8 byte (PostgreSQL's "C").
_DAY_END = "\uffff"


def end_of_day(date_to: str | None) -> str | None:
    """The bound for ``published <= bound`` that keeps all of ``date_to``'s day.

    The one date rule of every listing and search: dates compare as ISO strings, so
    ``date_from`` ("2024-11-05") already keeps that day's datetimes, and ``date_to`` needs
    this to keep them too (``published`` is a datetime like ``2024-11-05T10:00:00+00:00``).
    """
    return date_to + _DAY_END if date_to else None


def article_filters(
    outlet: str | None,
    date_from: str | None,
    date_to: str | None,
    story_id: str | None,
    entity_id: str | None,
    mark: str = "?",
    *,
    table: str = "a",
    id_column: str = "id",
) -> tuple[list[str], dict[str, Any]]:
    """The conditions (to be ANDed) and parameters of each filter given, in the same order.

    The single definition of the article filters of the store's listings and of both search
    indexes, so that the CLI, API and web UI lists and searches agree; ``date_to`` includes
    its day (:func:`end_of_day`). Columns are ``table``'s ``outlet``, ``published`` and
    ``id_column`` (the store's ``articles a``, the indexes' ``search_docs``). Parameters are
    keyed by name for :data:`NAMED_MARK`; positional marks take ``list(params.values())``.
    """

    def slot(name: str) -> str:
        return mark.format(name)

    filters = {
        "outlet": (f"{table}.outlet = {slot('outlet')}", outlet),
        "date_from": (f"{table}.published >= {slot('date_from')}", date_from),
        "date_to": (f"{table}.published <= {slot('date_to')}", end_of_day(date_to)),
        "story_id": (
            f"{table}.{id_column} IN (SELECT article_id FROM story_articles"
            f" WHERE story_id = {slot('story_id')})",
            story_id,
        ),
        "entity_id": (
            f"{table}.{id_column} IN (SELECT article_id FROM mentions"
            f" WHERE entity_id = {slot('entity_id')})",
            entity_id,
        ),
    }
    given = {name: value for name, (_, value) in filters.items() if value}
    return [filters[name][0] for name in given], given


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
