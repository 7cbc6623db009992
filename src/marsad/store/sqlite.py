"""SQLite backend: one file, WAL journal, schema migrations by ``PRAGMA user_version``."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from marsad.errors import StoreError
from marsad.model import Article, Claim, DateRef, Document, Entity, EntityMention, Quote, Story
from marsad.store._rows import ANALYSIS as _ANALYSIS
from marsad.store._rows import analysis_filters as _analysis_filters
from marsad.store._rows import article as _article
from marsad.store._rows import article_filters as _article_filters
from marsad.store._rows import from_row as _from_row
from marsad.store._rows import story as _story
from marsad.store._rows import where as _where
from marsad.store.base import AddResult, Page, Store, StoryOrder

# Ids per "IN (...)" query: SQLite's default limit on host parameters is 32766; stay far below.
_ID_CHUNK = 500

T = TypeVar("T")


def _migrations() -> list[tuple[int, str]]:
    folder = resources.files("marsad.store") / "migrations"
    found = []
    for item in folder.iterdir():
        name = item.name
        if name.endswith(".sql") and name[:4].isdigit():
            found.append((int(name[:4]), item.read_text(encoding="utf-8")))
    return sorted(found)


class SQLiteStore(Store):
    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            self.connection = sqlite3.connect(self.path, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(
                f"cannot open the database {self.path}: {exc}; check the path and permissions"
            ) from exc
        self.connection.row_factory = sqlite3.Row
        try:
            self.connection.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                self.connection.execute("PRAGMA journal_mode = WAL")
            self.connection.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.DatabaseError as exc:
            self.connection.close()
            raise StoreError(
                f"{self.path} is not a marsad database ({exc}); pass another --db path"
            ) from exc
        self._migrate()

    # --- schema ------------------------------------------------------------------
    def _migrate(self) -> None:
        try:
            current = self.connection.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"{self.path} is not a marsad database ({exc}); pass another --db path"
            ) from exc
        migrations = _migrations()
        latest = migrations[-1][0] if migrations else 0
        if current > latest:
            raise StoreError(
                f"{self.path} has schema version {current}, newer than this marsad "
                f"understands ({latest}); upgrade marsad"
            )
        for version, script in migrations:
            if version <= current:
                continue
            try:
                with self.connection:
                    self.connection.executescript(
                        f"BEGIN;\n{script}\nPRAGMA user_version = {version};\nCOMMIT;"
                    )
            except sqlite3.Error as exc:
                raise StoreError(
                    f"migrating {self.path} to version {version} failed: {exc}"
                ) from exc

    @property
    def schema_version(self) -> int:
        return int(self.connection.execute("PRAGMA user_version").fetchone()[0])

    # --- writing -----------------------------------------------------------------
    @contextmanager
    def _writing(self, what: str | None = None) -> Iterator[sqlite3.Connection]:
        """One transaction: it lands whole or not at all, and a failure names the file."""
        try:
            with self.connection:
                yield self.connection
        except sqlite3.Error as exc:
            target = f"{what} to" if what else "to"
            raise StoreError(f"writing {target} {self.path} failed: {exc}") from exc

    def add_documents(self, docs: Iterable[Document]) -> AddResult:
        result = AddResult()
        with self._writing() as conn:
            seq = conn.execute("SELECT COALESCE(MAX(seq), 0) FROM articles").fetchone()[0]
            for doc in docs:
                a = doc.article
                if conn.execute("SELECT 1 FROM articles WHERE id = ?", (a.id,)).fetchone():
                    result.already_stored += 1
                    continue
                seq += 1
                conn.execute(
                    "INSERT INTO articles (id, seq, source, outlet, agencies_json, title,"
                    " published, language, text, parent_id, url)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        a.id,
                        seq,
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
                self._write_analysis(doc)
                result.added += 1
                result.added_ids.append(a.id)
            if result.added:
                conn.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES ('corpus_dirty', '1')"
                )
        return result

    def corpus_is_stale(self) -> bool:
        row = self._one("SELECT value FROM meta WHERE key = 'corpus_dirty'")
        return row is not None and row[0] == "1"

    def mark_corpus_fresh(self) -> None:
        with self.connection:
            self.connection.execute("DELETE FROM meta WHERE key = 'corpus_dirty'")

    def save_analysis(self, docs: Iterable[Document]) -> None:
        with self._writing() as conn:
            for doc in docs:
                for table, _, _ in _ANALYSIS:
                    conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (doc.id,))
                self._write_analysis(doc)

    def _write_analysis(self, doc: Document) -> None:
        conn = self.connection
        aid = doc.id
        conn.executemany(
            'INSERT INTO mentions (article_id, idx, start, "end", text, type, role, entity_id)'
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (aid, i, m.start, m.end, m.text, m.type, m.role, m.entity_id)
                for i, m in enumerate(doc.mentions)
            ],
        )
        conn.executemany(
            'INSERT OR REPLACE INTO quotes (id, article_id, speaker, text, kind, start, "end",'
            " speaker_mention, speaker_entity_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    q.id,
                    aid,
                    q.speaker,
                    q.text,
                    q.kind,
                    q.start,
                    q.end,
                    q.speaker_mention,
                    q.speaker_entity_id,
                )
                for q in doc.quotes
            ],
        )
        conn.executemany(
            'INSERT INTO dates (article_id, idx, expression, value, start, "end", event)'
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (aid, i, d.expression, d.value, d.start, d.end, d.event)
                for i, d in enumerate(doc.dates)
            ],
        )
        conn.executemany(
            "INSERT OR REPLACE INTO claims (id, article_id, value, unit, qualifier, subject,"
            ' source, sentence, start, "end", date, source_mention, source_entity_id, quote_id)'
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    c.id,
                    aid,
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
                for c in doc.claims
            ],
        )

    def replace_entities(self, entities: list[Entity]) -> None:
        with self._writing("entities") as conn:
            conn.execute("DELETE FROM entity_aliases")
            conn.execute("DELETE FROM entities")
            for e in entities:
                conn.execute(
                    "INSERT INTO entities (id, name, type, aliases_json, roles_json,"
                    " mention_count) VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        e.id,
                        e.name,
                        e.type,
                        json.dumps(e.aliases, ensure_ascii=False),
                        json.dumps(e.roles, ensure_ascii=False),
                        len(e.mentions),
                    ),
                )
                conn.executemany(
                    "INSERT INTO entity_aliases (entity_id, alias) VALUES (?, ?)",
                    [(e.id, alias) for alias in {e.name, *e.aliases}],
                )

    def replace_stories(self, stories: list[Story]) -> None:
        with self._writing("stories") as conn:
            conn.execute("DELETE FROM story_entities")
            conn.execute("DELETE FROM story_articles")
            conn.execute("DELETE FROM stories")
            for s in stories:
                conn.execute(
                    "INSERT INTO stories (id, label, first_seen, last_seen, size, data_json)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        s.id,
                        s.label,
                        s.first_seen,
                        s.last_seen,
                        len(s.article_ids),
                        json.dumps(s.to_dict(), ensure_ascii=False),
                    ),
                )
                conn.executemany(
                    "INSERT OR IGNORE INTO story_articles (story_id, article_id) VALUES (?, ?)",
                    [(s.id, aid) for aid in s.article_ids],
                )
                conn.executemany(
                    "INSERT OR IGNORE INTO story_entities (story_id, entity_id) VALUES (?, ?)",
                    [(s.id, eid) for eid in s.entities],
                )

    # --- reading: articles and documents -----------------------------------------
    def article_ids(self) -> set[str]:
        return {row[0] for row in self.connection.execute("SELECT id FROM articles")}

    def get_article(self, article_id: str) -> Article | None:
        row = self._one("SELECT * FROM articles WHERE id = ?", article_id)
        return _article(row) if row else None

    def get_document(self, article_id: str) -> Document | None:
        return next(self.iter_documents([article_id]), None)

    def iter_documents(self, ids: Iterable[str] | None = None) -> Iterator[Document]:
        if ids is None:
            order = [
                r[0]
                for r in self.connection.execute(
                    "SELECT id FROM articles ORDER BY published IS NULL, published, seq"
                )
            ]
        else:
            order = list(ids)
        for start in range(0, len(order), _ID_CHUNK):
            chunk = order[start : start + _ID_CHUNK]
            yield from self._documents(chunk)

    def _documents(self, ids: Sequence[str]) -> Iterator[Document]:
        conn = self.connection
        marks = ",".join("?" * len(ids))
        docs: dict[str, Document] = {}
        for row in conn.execute(f"SELECT * FROM articles WHERE id IN ({marks})", ids):
            docs[row["id"]] = Document(article=_article(row))
        for table, order, kind in _ANALYSIS:
            for row in conn.execute(
                f"SELECT * FROM {table} WHERE article_id IN ({marks}) ORDER BY article_id, {order}",
                ids,
            ):
                getattr(docs[row["article_id"]], table).append(_from_row(kind, row))
        for aid in ids:
            if aid in docs:
                yield docs[aid]

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
        where, params = _article_filters(outlet, date_from, date_to, story_id, entity_id)
        return self._page(
            f"articles a {where}",
            "a.*",
            "a.published DESC, a.seq DESC",  # NULLs sort last under DESC in SQLite
            params,
            limit,
            offset,
            _article,
        )

    def outlets(self) -> list[tuple[str, int]]:
        rows = self.connection.execute(
            "SELECT outlet, COUNT(*) AS n FROM articles WHERE outlet IS NOT NULL"
            " GROUP BY outlet ORDER BY n DESC, outlet"
        )
        return [(r[0], r[1]) for r in rows]

    # --- reading: entities ---------------------------------------------------------
    def list_entities(
        self,
        *,
        type: str | None = None,
        name: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> Page[Entity]:
        where, params = _where(
            ("e.type = ?", type),
            (
                "e.id IN (SELECT entity_id FROM entity_aliases WHERE alias LIKE ?)",
                f"%{name}%" if name else None,
            ),
        )
        return self._page(
            f"entities e {where}",
            "e.*",
            "e.mention_count DESC, e.name",
            params,
            limit,
            offset,
            self._entity,
        )

    def get_entity(self, entity_id: str) -> Entity | None:
        row = self._one("SELECT * FROM entities WHERE id = ?", entity_id)
        return self._entity(row) if row else None

    def all_entities(self) -> list[Entity]:
        rows = self.connection.execute(
            "SELECT * FROM entities ORDER BY mention_count DESC, name, id"
        ).fetchall()
        mentions: dict[str, list[EntityMention]] = {}
        for m in self.connection.execute(
            'SELECT entity_id, article_id, start, "end", text FROM mentions'
            " WHERE entity_id IS NOT NULL ORDER BY article_id, start"
        ):
            mentions.setdefault(m[0], []).append(EntityMention(m[1], m[2], m[3], m[4]))
        return [self._entity(r, mentions.get(r["id"], [])) for r in rows]

    def _entity(self, row: sqlite3.Row, mentions: list[EntityMention] | None = None) -> Entity:
        if mentions is None:
            mentions = [
                EntityMention(m[0], m[1], m[2], m[3])
                for m in self.connection.execute(
                    'SELECT article_id, start, "end", text FROM mentions WHERE entity_id = ?'
                    " ORDER BY article_id, start",
                    (row["id"],),
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
        where, params = _where(
            ("(s.last_seen IS NULL OR s.last_seen >= ?)", date_from),
            ("(s.first_seen IS NULL OR s.first_seen <= ?)", date_to),
            (
                "s.id IN (SELECT sa.story_id FROM story_articles sa JOIN articles a"
                " ON a.id = sa.article_id WHERE a.outlet = ?)",
                outlet,
            ),
            ("s.id IN (SELECT story_id FROM story_entities WHERE entity_id = ?)", entity_id),
        )
        ordering = (
            "s.size DESC, s.last_seen DESC"
            if order == "busiest"
            else "s.last_seen IS NULL, s.last_seen DESC, s.size DESC"
        )
        return self._page(
            f"stories s {where}",
            "s.data_json",
            f"{ordering}, s.id",
            params,
            limit,
            offset,
            lambda r: _story(json.loads(r[0])),
        )

    def get_story(self, story_id: str) -> Story | None:
        row = self.connection.execute(
            "SELECT data_json FROM stories WHERE id = ?", (story_id,)
        ).fetchone()
        return _story(json.loads(row[0])) if row else None

    def story_of(self, article_id: str) -> str | None:
        row = self.connection.execute(
            "SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,)
        ).fetchone()
        return row[0] if row else None

    def all_stories(self) -> list[Story]:
        rows = self.connection.execute(
            "SELECT data_json FROM stories ORDER BY first_seen IS NULL, first_seen, id"
        )
        return [_story(json.loads(r[0])) for r in rows]

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
        where, params = _analysis_filters("q", article_id, story_id, "speaker", speaker_entity_id)
        return self._page(
            f"quotes q {where}",
            "q.*",
            "q.article_id, q.start",
            params,
            limit,
            offset,
            lambda r: _from_row(Quote, r),
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
        where, params = _analysis_filters("c", article_id, story_id, "source", source_entity_id)
        return self._page(
            f"claims c {where}",
            "c.*",
            "c.article_id, c.start",
            params,
            limit,
            offset,
            lambda r: _from_row(Claim, r),
        )

    def list_dates(self, *, article_id: str | None = None) -> list[DateRef]:
        if article_id:
            rows = self.connection.execute(
                "SELECT * FROM dates WHERE article_id = ? ORDER BY idx", (article_id,)
            )
        else:
            rows = self.connection.execute("SELECT * FROM dates ORDER BY article_id, idx")
        return [_from_row(DateRef, r) for r in rows]

    def close(self) -> None:
        self.connection.close()

    def _one(self, sql: str, *params: Any) -> sqlite3.Row | None:
        row: sqlite3.Row | None = self.connection.execute(sql, params).fetchone()
        return row

    def _page(
        self,
        from_where: str,
        columns: str,
        order: str,
        params: list[Any],
        limit: int,
        offset: int,
        convert: Callable[[sqlite3.Row], T],
    ) -> Page[T]:
        """One page of rows plus the total count, for every ``list_*`` query."""
        total = self.connection.execute(f"SELECT COUNT(*) FROM {from_where}", params).fetchone()[0]
        rows = self.connection.execute(
            f"SELECT {columns} FROM {from_where} ORDER BY {order} LIMIT ? OFFSET ?",
            [*params, limit, offset],
        ).fetchall()
        return Page([convert(r) for r in rows], total, limit, offset)
