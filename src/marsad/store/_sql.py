"""The Store's reads and writes, written once for both SQL backends.

SQLite and PostgreSQL answer every query here with the same rows in the same order. What
differs is small and each backend supplies it (:class:`marsad.store.sqlite.SQLiteStore`,
:class:`marsad.store.postgres.PostgresStore`): the placeholder, the case-insensitive LIKE,
where NULLs sort, how an insert resolves a key already stored, how a batch of ids is
matched, how rows are fetched and how a write transaction is opened. Connecting and the
schema (each backend's own migration files) stay with the backends.
"""

from __future__ import annotations

import json
from abc import abstractmethod
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from importlib import resources
from typing import Any, ClassVar, Literal, Protocol, TypeVar

from marsad.errors import StoreError
from marsad.model import Article, Claim, DateRef, Document, Entity, EntityMention, Quote, Story
from marsad.store._rows import (
    ANALYSIS,
    Row,
    analysis_filters,
    article_filters,
    end_of_day,
    from_row,
)
from marsad.store._rows import article as article_of
from marsad.store._rows import story as story_of_data
from marsad.store._rows import where as where_clause
from marsad.store.base import AddResult, Page, Store, StoryOrder
from marsad.text import normalize

T = TypeVar("T")
A = TypeVar("A", Quote, Claim)

# What an insert does with a row whose key is already stored: "ignore" keeps the stored row,
# "replace" overwrites it with the new one (the key is the statement's first column).
Conflict = Literal["ignore", "replace"]

# Ids per "IN (...)" / "= ANY(...)": SQLite's default limit on host parameters is 32766, stay
# far below; PostgreSQL has no such limit, the chunk bounds the rows held in memory at once.
ID_CHUNK = 500

# Column lists as the INSERTs name them. Articles: ``id`` first (inserts key on it), the
# insertion order ``seq`` numbered by each backend its own way.
ARTICLE_COLUMNS = (
    "id, source, outlet, agencies_json, title, published, language, text, parent_id, url"
)
MENTION_COLUMNS = 'article_id, idx, start, "end", text, type, role, entity_id'
DATE_COLUMNS = 'article_id, idx, expression, value, start, "end", event'
# Quotes and claims after their ``id, article_id[, idx]`` (see SQLStore.keeps_idx).
QUOTE_COLUMNS = 'speaker, text, kind, start, "end", speaker_mention, speaker_entity_id'
CLAIM_COLUMNS = (
    'value, unit, qualifier, subject, source, sentence, start, "end", date, source_mention,'
    " source_entity_id, quote_id"
)


def migrations(folder: str) -> list[tuple[int, str]]:
    """The numbered ``NNNN_name.sql`` scripts in a folder of this package, oldest first."""
    found = []
    for item in (resources.files("marsad.store") / folder).iterdir():
        name = item.name
        if name.endswith(".sql") and name[:4].isdigit():
            found.append((int(name[:4]), item.read_text(encoding="utf-8")))
    return sorted(found)


class Cursor(Protocol):
    """What the writes need of a cursor: sqlite3's and psycopg's both have it."""

    def execute(self, sql: str, params: Sequence[Any] = ..., /) -> object: ...

    def executemany(self, sql: str, params: Iterable[Sequence[Any]], /) -> object: ...

    @property
    def rowcount(self) -> int: ...


class SQLStore(Store):
    """:class:`Store` over a SQL database; a backend supplies the dialect below."""

    # --- the dialect ---------------------------------------------------------------
    mark: ClassVar[str]
    """The driver's placeholder."""
    like: ClassVar[str]
    """A case-insensitive LIKE of a parameter that folds ASCII letters only, as SQLite's does."""
    nulls_last: ClassVar[str]
    """What makes a DESC key sort NULLs last ("" where that is already the default)."""
    keeps_idx: ClassVar[bool]
    """True where quotes and claims store ``idx`` (their place in the document's list) and the
    analysis reads end their ORDER BY with it, so that equal starts read back in the order they
    were written; without it, SQLite's rowid order does the same."""
    insert_article: ClassVar[str]
    """Inserts one article (ARTICLE_COLUMNS' values), numbering its ``seq``; an id already
    stored inserts nothing."""
    where: str
    """The database as messages name it."""
    db_error: type[Exception]
    """The driver's base exception."""

    @abstractmethod
    def _rows(self, sql: str, *params: Any) -> Iterable[Row]:
        """The rows of one query."""

    @abstractmethod
    def _transaction(self, what: str | None) -> AbstractContextManager[Cursor]:
        """A cursor inside one transaction, committed when the block ends, rolled back on
        an error; ``what`` names a corpus-wide replacement ("entities", "stories")."""

    @abstractmethod
    def _insert(self, table: str, columns: str, conflict: Conflict | None = None) -> str:
        """An INSERT of one row of ``columns`` (a column list); ``conflict``: see
        :data:`Conflict`."""

    @abstractmethod
    def _in(self, column: str, ids: Sequence[str]) -> tuple[str, list[Any]]:
        """A condition true where ``column`` is one of ``ids``, with its parameters."""

    # --- writing -----------------------------------------------------------------
    @contextmanager
    def _writing(self, what: str | None = None) -> Iterator[Cursor]:
        """One transaction: it lands whole or not at all, and a failure names the database."""
        try:
            with self._transaction(what) as cur:
                yield cur
        except self.db_error as exc:
            target = f"{what} to" if what else "to"
            raise StoreError(f"writing {target} {self.where} failed: {exc}") from exc

    def add_documents(self, docs: Iterable[Document]) -> AddResult:
        result = AddResult()
        added: list[Document] = []
        with self._writing() as cur:
            for doc in docs:
                a = doc.article
                # The insert itself skips a stored id: a concurrent writer may store the same
                # id between a check and an insert; either way it counts as already stored.
                cur.execute(
                    self.insert_article,
                    (
                        a.id,
                        a.source,
                        a.outlet,
                        json.dumps(a.agencies, ensure_ascii=False),
                        a.title,
                        a.published,
                        a.language,
                        a.text,
                        a.parent_id,
                        a.url,
                    ),
                )
                if cur.rowcount == 0:
                    result.already_stored += 1
                    continue
                added.append(doc)
                result.added += 1
                result.added_ids.append(a.id)
            self._write_analysis(cur, added)
            if result.added:
                cur.execute(self._insert("meta", "key, value", "replace"), ("corpus_dirty", "1"))
        return result

    def corpus_is_stale(self) -> bool:
        row = self._one("SELECT value FROM meta WHERE key = 'corpus_dirty'")
        return row is not None and row["value"] == "1"

    def mark_corpus_fresh(self) -> None:
        with self._writing() as cur:
            cur.execute("DELETE FROM meta WHERE key = 'corpus_dirty'")

    def save_analysis(self, docs: Iterable[Document]) -> None:
        # A document given twice: the last analysis wins, as two replacements in turn would.
        batch = list({doc.id: doc for doc in docs}.values())
        with self._writing() as cur:
            for chunk in _chunks([doc.id for doc in batch]):
                clause, params = self._in("article_id", chunk)
                for table, _, _ in ANALYSIS:
                    cur.execute(f"DELETE FROM {table} WHERE {clause}", params)
            self._write_analysis(cur, batch)

    def _write_analysis(self, cur: Cursor, docs: Sequence[Document]) -> None:
        """Insert the analysis of ``docs``, one statement per table for the whole batch."""
        cur.executemany(
            self._insert("mentions", MENTION_COLUMNS),
            [
                (d.id, i, m.start, m.end, m.text, m.type, m.role, m.entity_id)
                for d in docs
                for i, m in enumerate(d.mentions)
            ],
        )
        # Quote and claim ids are content hashes: a repeated id replaces the earlier row.
        head = "id, article_id, idx" if self.keeps_idx else "id, article_id"
        cur.executemany(
            self._insert("quotes", f"{head}, {QUOTE_COLUMNS}", "replace"),
            [
                (
                    q.id,
                    d.id,
                    *self._idx(i),
                    q.speaker,
                    q.text,
                    q.kind,
                    q.start,
                    q.end,
                    q.speaker_mention,
                    q.speaker_entity_id,
                )
                for d in docs
                for i, q in enumerate(d.quotes)
            ],
        )
        cur.executemany(
            self._insert("dates", DATE_COLUMNS),
            [
                (d.id, i, r.expression, r.value, r.start, r.end, r.event)
                for d in docs
                for i, r in enumerate(d.dates)
            ],
        )
        cur.executemany(
            self._insert("claims", f"{head}, {CLAIM_COLUMNS}", "replace"),
            [
                (
                    c.id,
                    d.id,
                    *self._idx(i),
                    c.value,
                    c.unit,
                    c.qualifier,
                    c.subject,
                    c.source,
                    c.sentence,
                    c.start,
                    c.end,
                    c.date,
                    c.source_mention,
                    c.source_entity_id,
                    c.quote_id,
                )
                for d in docs
                for i, c in enumerate(d.claims)
            ],
        )

    def _idx(self, i: int) -> tuple[int, ...]:
        """The ``idx`` value of a quote's or claim's row, where the backend stores one."""
        return (i,) if self.keeps_idx else ()

    def replace_entities(self, entities: list[Entity]) -> None:
        with self._writing("entities") as cur:
            cur.execute("DELETE FROM entity_aliases")
            cur.execute("DELETE FROM entities")
            cur.executemany(
                self._insert("entities", "id, name, type, aliases_json, roles_json, mention_count"),
                [
                    (
                        e.id,
                        e.name,
                        e.type,
                        json.dumps(e.aliases, ensure_ascii=False),
                        json.dumps(e.roles, ensure_ascii=False),
                        len(e.mentions),
                    )
                    for e in entities
                ],
            )
            # entity_aliases is the lookup table of list_entities(name=...): every spelling
            # outlets used, plus its normalised form, so "اردوغان" finds "أردوغان".
            cur.executemany(
                self._insert("entity_aliases", "entity_id, alias"),
                [
                    (e.id, key)
                    for e in entities
                    for key in sorted(
                        {form for a in {e.name, *e.aliases} for form in (a, normalize(a))}
                    )
                ],
            )

    def replace_stories(self, stories: list[Story]) -> None:
        with self._writing("stories") as cur:
            cur.execute("DELETE FROM story_entities")
            cur.execute("DELETE FROM story_articles")
            cur.execute("DELETE FROM stories")
            cur.executemany(
                self._insert("stories", "id, label, first_seen, last_seen, size, data_json"),
                [
                    (
                        s.id,
                        s.label,
                        s.first_seen,
                        s.last_seen,
                        len(s.article_ids),
                        json.dumps(s.to_dict(), ensure_ascii=False),
                    )
                    for s in stories
                ],
            )
            cur.executemany(
                self._insert("story_articles", "story_id, article_id", "ignore"),
                [(s.id, aid) for s in stories for aid in s.article_ids],
            )
            cur.executemany(
                self._insert("story_entities", "story_id, entity_id", "ignore"),
                [(s.id, eid) for s in stories for eid in s.entities],
            )

    # --- reading: articles and documents -----------------------------------------
    def article_ids(self) -> set[str]:
        return {row["id"] for row in self._rows("SELECT id FROM articles")}

    def get_article(self, article_id: str) -> Article | None:
        row = self._one(f"SELECT * FROM articles WHERE id = {self.mark}", article_id)
        return article_of(row) if row else None

    def get_document(self, article_id: str) -> Document | None:
        return next(self.iter_documents([article_id]), None)

    def iter_documents(self, ids: Iterable[str] | None = None) -> Iterator[Document]:
        if ids is None:
            order = [
                r["id"]
                for r in self._rows(
                    "SELECT id FROM articles ORDER BY published IS NULL, published, seq"
                )
            ]
        else:
            order = list(ids)
        for chunk in _chunks(order):
            yield from self._documents(chunk)

    def _documents(self, ids: Sequence[str]) -> list[Document]:
        clause, params = self._in("id", ids)
        docs: dict[str, Document] = {
            row["id"]: Document(article=article_of(row))
            for row in self._rows(f"SELECT * FROM articles WHERE {clause}", *params)
        }
        clause, params = self._in("article_id", ids)
        for table, order, kind in ANALYSIS:
            for row in self._rows(
                f"SELECT * FROM {table} WHERE {clause} ORDER BY article_id, {order}{self._by_idx}",
                *params,
            ):
                getattr(docs[row["article_id"]], table).append(from_row(kind, row))
        return [docs[aid] for aid in ids if aid in docs]

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
    ) -> Page[Article]:
        conditions, params = article_filters(
            outlet, date_from, date_to, story_id, entity_id, self.mark
        )
        clause = f"WHERE {' AND '.join(conditions)}" if conditions else ""
        return self._page(
            f"articles a {clause}",
            "a.*",
            f"a.published DESC{self.nulls_last}, a.seq DESC",
            list(params.values()),
            limit,
            offset,
            article_of,
        )

    def outlets(self) -> list[tuple[str, int]]:
        rows = self._rows(
            "SELECT outlet, COUNT(*) AS n FROM articles WHERE outlet IS NOT NULL"
            " GROUP BY outlet ORDER BY n DESC, outlet"
        )
        return [(r["outlet"], int(r["n"])) for r in rows]

    # --- reading: entities ---------------------------------------------------------
    def list_entities(
        self,
        *,
        type: str | None = None,
        name: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> Page[Entity]:
        clause, params = where_clause((f"e.type = {self.mark}", type))
        if name:
            # The spelling as given and its normalised form: stores written before
            # normalised aliases were kept still answer the first.
            lookup = (
                f"e.id IN (SELECT entity_id FROM entity_aliases"
                f" WHERE alias {self.like} OR alias {self.like})"
            )
            clause = f"{clause} AND {lookup}" if clause else f"WHERE {lookup}"
            params += [f"%{name}%", f"%{normalize(name)}%"]
        return self._page(
            f"entities e {clause}",
            "e.*",
            "e.mention_count DESC, e.name",
            params,
            limit,
            offset,
            self._entity,
        )

    def get_entity(self, entity_id: str) -> Entity | None:
        row = self._one(f"SELECT * FROM entities WHERE id = {self.mark}", entity_id)
        return self._entity(row) if row else None

    def all_entities(self) -> list[Entity]:
        rows = list(self._rows("SELECT * FROM entities ORDER BY mention_count DESC, name, id"))
        mentions: dict[str, list[EntityMention]] = {}
        for m in self._rows(
            'SELECT entity_id, article_id, start, "end", text FROM mentions'
            f" WHERE entity_id IS NOT NULL ORDER BY article_id, start{self._by_idx}"
        ):
            mentions.setdefault(m["entity_id"], []).append(
                EntityMention(m["article_id"], m["start"], m["end"], m["text"])
            )
        return [self._entity(r, mentions.get(r["id"], [])) for r in rows]

    def _entity(self, row: Row, mentions: list[EntityMention] | None = None) -> Entity:
        if mentions is None:
            mentions = [
                EntityMention(m["article_id"], m["start"], m["end"], m["text"])
                for m in self._rows(
                    'SELECT article_id, start, "end", text FROM mentions'
                    f" WHERE entity_id = {self.mark} ORDER BY article_id, start{self._by_idx}",
                    row["id"],
                )
            ]
        return Entity(
            id=row["id"],
            name=row["name"],
            type=row["type"],
            aliases=json.loads(row["aliases_json"]),
            roles=json.loads(row["roles_json"]),
            mentions=mentions,
        )

    # --- reading: stories ----------------------------------------------------------
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
    ) -> Page[Story]:
        mark = self.mark
        clause, params = where_clause(
            (f"(s.last_seen IS NULL OR s.last_seen >= {mark})", date_from),
            (f"(s.first_seen IS NULL OR s.first_seen <= {mark})", end_of_day(date_to)),
            (
                "s.id IN (SELECT sa.story_id FROM story_articles sa JOIN articles a"
                f" ON a.id = sa.article_id WHERE a.outlet = {mark})",
                outlet,
            ),
            (f"s.id IN (SELECT story_id FROM story_entities WHERE entity_id = {mark})", entity_id),
        )
        ordering = (
            f"s.size DESC, s.last_seen DESC{self.nulls_last}"
            if order == "busiest"
            else "s.last_seen IS NULL, s.last_seen DESC, s.size DESC"
        )
        return self._page(
            f"stories s {clause}",
            "s.data_json",
            f"{ordering}, s.id",
            params,
            limit,
            offset,
            lambda r: story_of_data(json.loads(r["data_json"])),
        )

    def get_story(self, story_id: str) -> Story | None:
        row = self._one(f"SELECT data_json FROM stories WHERE id = {self.mark}", story_id)
        return story_of_data(json.loads(row["data_json"])) if row else None

    def story_of(self, article_id: str) -> str | None:
        row = self._one(
            f"SELECT story_id FROM story_articles WHERE article_id = {self.mark}", article_id
        )
        return str(row["story_id"]) if row else None

    def all_stories(self) -> list[Story]:
        rows = self._rows(
            "SELECT data_json FROM stories ORDER BY first_seen IS NULL, first_seen, id"
        )
        return [story_of_data(json.loads(r["data_json"])) for r in rows]

    # --- reading: quotes, claims, dates --------------------------------------------
    def list_quotes(
        self,
        *,
        article_id: str | None = None,
        story_id: str | None = None,
        speaker_entity_id: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> Page[Quote]:
        return self._analysis_page(
            Quote, "quotes", "q", article_id, story_id, "speaker", speaker_entity_id, limit, offset
        )

    def list_claims(
        self,
        *,
        article_id: str | None = None,
        story_id: str | None = None,
        source_entity_id: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> Page[Claim]:
        return self._analysis_page(
            Claim, "claims", "c", article_id, story_id, "source", source_entity_id, limit, offset
        )

    def _analysis_page(
        self,
        kind: type[A],
        table: str,
        alias: str,
        article_id: str | None,
        story_id: str | None,
        role: str,
        entity_id: str | None,
        limit: int,
        offset: int,
    ) -> Page[A]:
        """A page of quotes or claims, in document order."""
        clause, params = analysis_filters(alias, article_id, story_id, role, entity_id, self.mark)
        return self._page(
            f"{table} {alias} {clause}",
            f"{alias}.*",
            f"{alias}.article_id, {alias}.start{self._by_idx}",
            params,
            limit,
            offset,
            lambda r: from_row(kind, r),
        )

    def list_dates(self, *, article_id: str | None = None) -> list[DateRef]:
        if article_id:
            rows = self._rows(
                f"SELECT * FROM dates WHERE article_id = {self.mark} ORDER BY idx", article_id
            )
        else:
            rows = self._rows("SELECT * FROM dates ORDER BY article_id, idx")
        return [from_row(DateRef, r) for r in rows]

    # --- helpers -------------------------------------------------------------------
    @property
    def _by_idx(self) -> str:
        """The last key of the analysis reads' ORDER BY, where the backend keeps ``idx``."""
        return ", idx" if self.keeps_idx else ""

    def _one(self, sql: str, *params: Any) -> Row | None:
        return next(iter(self._rows(sql, *params)), None)

    def _page(
        self,
        from_where: str,
        columns: str,
        order: str,
        params: list[Any],
        limit: int,
        offset: int,
        convert: Callable[[Row], T],
    ) -> Page[T]:
        """One page of rows plus the total count, for every ``list_*`` query."""
        total = next(iter(self._rows(f"SELECT COUNT(*) AS n FROM {from_where}", *params)))["n"]
        rows = list(
            self._rows(
                f"SELECT {columns} FROM {from_where} ORDER BY {order}"
                f" LIMIT {self.mark} OFFSET {self.mark}",
                *params,
                limit,
                offset,
            )
        )
        return Page([convert(r) for r in rows], int(total), limit, offset)


def _chunks(ids: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(ids), ID_CHUNK):
        yield ids[start : start + ID_CHUNK]
