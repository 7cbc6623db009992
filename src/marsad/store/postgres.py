"""PostgreSQL backend: one database shared by analysts, the API server and batch workers.

Same semantics as :class:`marsad.store.sqlite.SQLiteStore` (the tests run both): every
write is one transaction, ids already stored are skipped, pagination returns the same rows
in the same order. Text columns use the "C" collation and NULLs are placed explicitly, so
ORDER BY matches SQLite's bytewise, NULLs-smallest ordering. Schema versions are the files
in ``pg_migrations/``, recorded in ``marsad_schema``. Tables are created unqualified, so the
connection's ``search_path`` (``?options=-csearch_path%3Dname`` in the URL) picks the schema.

psycopg is imported only when a PostgreSQL store is opened (the ``postgres`` extra).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from importlib import resources
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import unquote, urlsplit, urlunsplit

from marsad.errors import MissingExtraError, StoreError
from marsad.model import Article, Claim, DateRef, Document, Entity, EntityMention, Quote, Story
from marsad.store._rows import ANALYSIS, Row, analysis_filters, article_filters, from_row, where
from marsad.store._rows import article as article_of
from marsad.store._rows import story as story_of_data
from marsad.store.base import AddResult, Page, Store, StoryOrder

if TYPE_CHECKING:
    import psycopg

T = TypeVar("T")

# Ids per "= ANY(...)" read: PostgreSQL has no parameter-count limit on an array, but a chunk
# bounds the rows held in memory at once; 500 is what the SQLite backend uses.
_ID_CHUNK = 500
# Transaction-level advisory lock keys (arbitrary constants, "marsad" in ASCII plus a
# suffix): migrations and the corpus-wide replacements take one so that two processes
# sharing the database run them one after the other instead of failing on each other's rows.
LOCK_MIGRATE = 0x6D61727361640001
LOCK_ENTITIES = 0x6D61727361640002
LOCK_STORIES = 0x6D61727361640003
# Seconds to wait for the server before saying it is unreachable: long enough for a server
# across a network, short enough that a wrong host does not hang the CLI.
CONNECT_TIMEOUT_S = 10

_SCHEMA_TABLE = """
CREATE TABLE IF NOT EXISTS marsad_schema (
    version INTEGER PRIMARY KEY,
    applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
)
"""


def _migrations() -> list[tuple[int, str]]:
    folder = resources.files("marsad.store") / "pg_migrations"
    found = []
    for item in folder.iterdir():
        name = item.name
        if name.endswith(".sql") and name[:4].isdigit():
            found.append((int(name[:4]), item.read_text(encoding="utf-8")))
    return sorted(found)


def redact(url: str) -> str:
    """The URL with its password replaced by ``***``, fit for messages and logs."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.netloc.rsplit("@", 1)[1]
    return urlunsplit(parts._replace(netloc=f"{parts.username or ''}:***@{host}"))


def _import_psycopg() -> Any:
    try:
        import psycopg
    except ImportError as exc:
        raise MissingExtraError("the PostgreSQL store", "postgres") from exc
    return psycopg


class PostgresStore(Store):
    def __init__(self, url: str) -> None:
        pg = _import_psycopg()
        from psycopg.rows import dict_row

        self.url = url
        self.where = redact(url)
        self.db_error: type[Exception] = pg.Error
        password = unquote(urlsplit(url).password or "")
        try:
            self.connection: psycopg.Connection[dict[str, Any]] = pg.connect(
                url, autocommit=True, row_factory=dict_row, connect_timeout=CONNECT_TIMEOUT_S
            )
        except pg.Error as exc:
            reason = str(exc).strip().replace(password, "***") if password else str(exc).strip()
            raise StoreError(
                f"cannot connect to PostgreSQL at {self.where}: {reason}; check that the server "
                "is running and reachable, and that the URL's user, password and database "
                "name are right (postgresql://user:password@host:port/database)"
            ) from None
        self._migrate()

    # --- schema ------------------------------------------------------------------
    def _migrate(self) -> None:
        """Apply the pg_migrations files newer than the database, each in a transaction."""
        migrations = _migrations()
        latest = migrations[-1][0] if migrations else 0
        with self._schema_step(0):
            self.connection.execute(_SCHEMA_TABLE)
        for version, script in migrations:
            with self._schema_step(version):
                current = self._version()
                if current > latest:
                    raise StoreError(
                        f"{self.where} has schema version {current}, newer than this "
                        f"marsad understands ({latest}); upgrade marsad"
                    )
                if version > current:
                    self.connection.execute(script)
                    self.connection.execute(
                        "INSERT INTO marsad_schema (version) VALUES (%s)", (version,)
                    )

    @contextmanager
    def _schema_step(self, version: int) -> Iterator[None]:
        """One transaction under the migration lock: processes opening a new database at
        the same time apply each step once, one after the other."""
        try:
            with self.connection.transaction():
                self.connection.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_MIGRATE,))
                yield
        except self.db_error as exc:
            raise StoreError(
                f"migrating {self.where} to version {version} failed: {exc}; "
                "give marsad an empty database or schema of its own"
            ) from exc

    def _version(self) -> int:
        row = self._one("SELECT COALESCE(MAX(version), 0) AS v FROM marsad_schema")
        return int(row["v"]) if row else 0

    @property
    def schema_version(self) -> int:
        return self._version()

    # --- writing -----------------------------------------------------------------
    @contextmanager
    def _writing(
        self, what: str | None = None, lock: int | None = None
    ) -> Iterator[psycopg.Cursor[Any]]:
        """One transaction: it lands whole or not at all, and a failure names the database."""
        try:
            with self.connection.transaction(), self.connection.cursor() as cur:
                if lock is not None:
                    cur.execute("SELECT pg_advisory_xact_lock(%s)", (lock,))
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
                # ON CONFLICT: a concurrent writer may store the same id between our check
                # and our insert; either way the article counts as already stored.
                cur.execute(
                    "INSERT INTO articles (id, source, outlet, agencies_json, title, published,"
                    " language, text, parent_id, url) VALUES (%s, %s, %s, %s, %s, %s, %s, %s,"
                    " %s, %s) ON CONFLICT (id) DO NOTHING",
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
                cur.execute(
                    "INSERT INTO meta (key, value) VALUES ('corpus_dirty', '1')"
                    " ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value"
                )
        return result

    def corpus_is_stale(self) -> bool:
        row = self._one("SELECT value FROM meta WHERE key = 'corpus_dirty'")
        return row is not None and row["value"] == "1"

    def mark_corpus_fresh(self) -> None:
        with self._writing() as cur:
            cur.execute("DELETE FROM meta WHERE key = 'corpus_dirty'")

    def save_analysis(self, docs: Iterable[Document]) -> None:
        batch = list(docs)
        with self._writing() as cur:
            ids = [d.id for d in batch]
            for table, _, _ in ANALYSIS:
                cur.execute(f"DELETE FROM {table} WHERE article_id = ANY(%s)", (ids,))
            self._write_analysis(cur, batch)

    @staticmethod
    def _write_analysis(cur: psycopg.Cursor[Any], docs: Sequence[Document]) -> None:
        """Insert the analysis of ``docs``, one statement per table for the whole batch."""
        cur.executemany(
            'INSERT INTO mentions (article_id, idx, start, "end", text, type, role, entity_id)'
            " VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
            [
                (d.id, i, m.start, m.end, m.text, m.type, m.role, m.entity_id)
                for d in docs
                for i, m in enumerate(d.mentions)
            ],
        )
        # Quote and claim ids are content hashes: a repeated id replaces the earlier row,
        # as SQLite's INSERT OR REPLACE does.
        quote_columns = (
            'article_id, idx, speaker, text, kind, start, "end", speaker_mention, speaker_entity_id'
        )
        cur.executemany(
            f"INSERT INTO quotes (id, {quote_columns}) VALUES"
            " (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
            f" ON CONFLICT (id) DO UPDATE SET ({quote_columns}) ="
            f" ROW({_excluded(quote_columns)})",
            [
                (
                    q.id,
                    d.id,
                    i,
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
            'INSERT INTO dates (article_id, idx, expression, value, start, "end", event)'
            " VALUES (%s, %s, %s, %s, %s, %s, %s)",
            [
                (d.id, i, r.expression, r.value, r.start, r.end, r.event)
                for d in docs
                for i, r in enumerate(d.dates)
            ],
        )
        claim_columns = (
            "article_id, idx, value, unit, qualifier, subject, source, sentence, start,"
            ' "end", date, source_mention, source_entity_id, quote_id'
        )
        cur.executemany(
            f"INSERT INTO claims (id, {claim_columns}) VALUES"
            " (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
            f" ON CONFLICT (id) DO UPDATE SET ({claim_columns}) ="
            f" ROW({_excluded(claim_columns)})",
            [
                (
                    c.id,
                    d.id,
                    i,
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

    def replace_entities(self, entities: list[Entity]) -> None:
        with self._writing("entities", LOCK_ENTITIES) as cur:
            cur.execute("DELETE FROM entity_aliases")
            cur.execute("DELETE FROM entities")
            cur.executemany(
                "INSERT INTO entities (id, name, type, aliases_json, roles_json, mention_count)"
                " VALUES (%s, %s, %s, %s, %s, %s)",
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
            cur.executemany(
                "INSERT INTO entity_aliases (entity_id, alias) VALUES (%s, %s)",
                [(e.id, alias) for e in entities for alias in {e.name, *e.aliases}],
            )

    def replace_stories(self, stories: list[Story]) -> None:
        with self._writing("stories", LOCK_STORIES) as cur:
            cur.execute("DELETE FROM story_entities")
            cur.execute("DELETE FROM story_articles")
            cur.execute("DELETE FROM stories")
            cur.executemany(
                "INSERT INTO stories (id, label, first_seen, last_seen, size, data_json)"
                " VALUES (%s, %s, %s, %s, %s, %s)",
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
                "INSERT INTO story_articles (story_id, article_id) VALUES (%s, %s)"
                " ON CONFLICT DO NOTHING",
                [(s.id, aid) for s in stories for aid in s.article_ids],
            )
            cur.executemany(
                "INSERT INTO story_entities (story_id, entity_id) VALUES (%s, %s)"
                " ON CONFLICT DO NOTHING",
                [(s.id, eid) for s in stories for eid in s.entities],
            )

    # --- reading: articles and documents -----------------------------------------
    def article_ids(self) -> set[str]:
        return {row["id"] for row in self._all("SELECT id FROM articles")}

    def get_article(self, article_id: str) -> Article | None:
        row = self._one("SELECT * FROM articles WHERE id = %s", article_id)
        return article_of(row) if row else None

    def get_document(self, article_id: str) -> Document | None:
        return next(self.iter_documents([article_id]), None)

    def iter_documents(self, ids: Iterable[str] | None = None) -> Iterator[Document]:
        if ids is None:
            order = [
                r["id"]
                for r in self._all(
                    "SELECT id FROM articles ORDER BY published IS NULL, published, seq"
                )
            ]
        else:
            order = list(ids)
        for start in range(0, len(order), _ID_CHUNK):
            yield from self._documents(order[start : start + _ID_CHUNK])

    def _documents(self, ids: Sequence[str]) -> list[Document]:
        docs: dict[str, Document] = {
            row["id"]: Document(article=article_of(row))
            for row in self._all("SELECT * FROM articles WHERE id = ANY(%s)", list(ids))
        }
        for table, order, kind in ANALYSIS:
            for row in self._all(
                f"SELECT * FROM {table} WHERE article_id = ANY(%s)"
                f" ORDER BY article_id, {order}, idx",
                list(ids),
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
        clause, params = article_filters(outlet, date_from, date_to, story_id, entity_id, "%s")
        return self._page(
            f"articles a {clause}",
            "a.*",
            "a.published DESC NULLS LAST, a.seq DESC",
            params,
            limit,
            offset,
            article_of,
        )

    def outlets(self) -> list[tuple[str, int]]:
        rows = self._all(
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
        # ILIKE in the "C" collation folds ASCII letters only, and ESCAPE '' makes backslash
        # an ordinary character: SQLite's LIKE exactly.
        clause, params = where(
            ("e.type = %s", type),
            (
                "e.id IN (SELECT entity_id FROM entity_aliases WHERE alias ILIKE %s ESCAPE '')",
                f"%{name}%" if name else None,
            ),
        )
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
        row = self._one("SELECT * FROM entities WHERE id = %s", entity_id)
        return self._entity(row) if row else None

    def all_entities(self) -> list[Entity]:
        rows = self._all("SELECT * FROM entities ORDER BY mention_count DESC, name, id")
        mentions: dict[str, list[EntityMention]] = {}
        for m in self._all(
            'SELECT entity_id, article_id, start, "end", text FROM mentions'
            " WHERE entity_id IS NOT NULL ORDER BY article_id, start, idx"
        ):
            mentions.setdefault(m["entity_id"], []).append(
                EntityMention(m["article_id"], m["start"], m["end"], m["text"])
            )
        return [self._entity(r, mentions.get(r["id"], [])) for r in rows]

    def _entity(self, row: Row, mentions: list[EntityMention] | None = None) -> Entity:
        if mentions is None:
            mentions = [
                EntityMention(m["article_id"], m["start"], m["end"], m["text"])
                for m in self._all(
                    'SELECT article_id, start, "end", text FROM mentions WHERE entity_id = %s'
                    " ORDER BY article_id, start, idx",
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
        clause, params = where(
            ("(s.last_seen IS NULL OR s.last_seen >= %s)", date_from),
            ("(s.first_seen IS NULL OR s.first_seen <= %s)", date_to),
            (
                "s.id IN (SELECT sa.story_id FROM story_articles sa JOIN articles a"
                " ON a.id = sa.article_id WHERE a.outlet = %s)",
                outlet,
            ),
            ("s.id IN (SELECT story_id FROM story_entities WHERE entity_id = %s)", entity_id),
        )
        ordering = (
            "s.size DESC, s.last_seen DESC NULLS LAST"
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
        row = self._one("SELECT data_json FROM stories WHERE id = %s", story_id)
        return story_of_data(json.loads(row["data_json"])) if row else None

    def story_of(self, article_id: str) -> str | None:
        row = self._one("SELECT story_id FROM story_articles WHERE article_id = %s", article_id)
        return str(row["story_id"]) if row else None

    def all_stories(self) -> list[Story]:
        rows = self._all(
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
        clause, params = analysis_filters(
            "q", article_id, story_id, "speaker", speaker_entity_id, "%s"
        )
        return self._page(
            f"quotes q {clause}",
            "q.*",
            "q.article_id, q.start, q.idx",
            params,
            limit,
            offset,
            lambda r: from_row(Quote, r),
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
        clause, params = analysis_filters(
            "c", article_id, story_id, "source", source_entity_id, "%s"
        )
        return self._page(
            f"claims c {clause}",
            "c.*",
            "c.article_id, c.start, c.idx",
            params,
            limit,
            offset,
            lambda r: from_row(Claim, r),
        )

    def list_dates(self, *, article_id: str | None = None) -> list[DateRef]:
        if article_id:
            rows = self._all("SELECT * FROM dates WHERE article_id = %s ORDER BY idx", article_id)
        else:
            rows = self._all("SELECT * FROM dates ORDER BY article_id, idx")
        return [from_row(DateRef, r) for r in rows]

    def close(self) -> None:
        self.connection.close()

    # --- helpers -------------------------------------------------------------------
    def _all(self, sql: str, *params: Any) -> list[dict[str, Any]]:
        try:
            return self.connection.execute(sql, params or None).fetchall()
        except self.db_error as exc:
            raise StoreError(f"reading {self.where} failed: {exc}") from exc

    def _one(self, sql: str, *params: Any) -> dict[str, Any] | None:
        rows = self._all(sql, *params)
        return rows[0] if rows else None

    def _page(
        self,
        from_where: str,
        columns: str,
        order: str,
        params: list[Any],
        limit: int,
        offset: int,
        convert: Callable[[dict[str, Any]], T],
    ) -> Page[T]:
        """One page of rows plus the total count, for every ``list_*`` query."""
        total = self._all(f"SELECT COUNT(*) AS n FROM {from_where}", *params)[0]["n"]
        rows = self._all(
            f"SELECT {columns} FROM {from_where} ORDER BY {order} LIMIT %s OFFSET %s",
            *params,
            limit,
            offset,
        )
        return Page([convert(r) for r in rows], int(total), limit, offset)


def _excluded(columns: str) -> str:
    """``EXCLUDED.a, EXCLUDED.b`` for an upsert that overwrites every listed column."""
    return ", ".join(f"EXCLUDED.{c.strip()}" for c in columns.split(","))
