"""PostgreSQL backend: one database shared by analysts, the API server and batch workers.

The queries are :class:`marsad.store._sql.SQLStore`'s, as for SQLite (the tests run both):
every write is one transaction, ids already stored are skipped, pagination returns the same
rows in the same order. Text columns use the "C" collation and NULLs are placed explicitly, so
ORDER BY matches SQLite's bytewise, NULLs-smallest ordering. Schema versions are the files
in ``pg_migrations/``, recorded in ``marsad_schema``. Tables are created unqualified, so the
connection's ``search_path`` (``?options=-csearch_path%3Dname`` in the URL) picks the schema.

psycopg is imported only when a PostgreSQL store is opened (the ``postgres`` extra).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import unquote, urlsplit, urlunsplit

from marsad.errors import MissingExtraError, StoreError
from marsad.store._sql import ARTICLE_COLUMNS, Conflict, SQLStore, migrations

if TYPE_CHECKING:
    import psycopg

# Transaction-level advisory lock keys (arbitrary constants, "marsad" in ASCII plus a
# suffix): migrations and the corpus-wide replacements take one so that two processes
# sharing the database run them one after the other instead of failing on each other's rows.
LOCK_MIGRATE = 0x6D61727361640001
LOCK_ENTITIES = 0x6D61727361640002
LOCK_STORIES = 0x6D61727361640003
_REPLACE_LOCKS = {"entities": LOCK_ENTITIES, "stories": LOCK_STORIES}
# Seconds to wait for the server before saying it is unreachable: long enough for a server
# across a network, short enough that a wrong host does not hang the CLI.
CONNECT_TIMEOUT_S = 10
T = TypeVar("T")

_SCHEMA_TABLE = """
CREATE TABLE IF NOT EXISTS marsad_schema (
    version INTEGER PRIMARY KEY,
    applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
)
"""

# ``seq`` is an identity column; ON CONFLICT skips a stored id, even one a concurrent writer
# stored a moment ago.
_INSERT_ARTICLE = (
    f"INSERT INTO articles ({ARTICLE_COLUMNS})"
    f" VALUES ({', '.join(['%s'] * (ARTICLE_COLUMNS.count(',') + 1))}) ON CONFLICT (id) DO NOTHING"
)


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


class PostgresStore(SQLStore):
    mark = "%s"
    # ILIKE in the "C" collation folds ASCII letters only, and ESCAPE '' makes backslash an
    # ordinary character: SQLite's LIKE exactly.
    like = "ILIKE %s ESCAPE ''"
    nulls_last = " NULLS LAST"
    keeps_idx = True
    insert_article = _INSERT_ARTICLE

    def __init__(self, url: str) -> None:
        self._pg = _import_psycopg()
        self.url = url
        self.where = redact(url)
        self.db_error = self._pg.Error
        self._connection = self._connect()
        self._migrate()

    def _connect(self) -> psycopg.Connection[dict[str, Any]]:
        from psycopg.rows import dict_row

        pg = self._pg
        password = unquote(urlsplit(self.url).password or "")
        try:
            connection: psycopg.Connection[dict[str, Any]] = pg.connect(
                self.url, autocommit=True, row_factory=dict_row, connect_timeout=CONNECT_TIMEOUT_S
            )
        except pg.Error as exc:
            reason = str(exc).strip().replace(password, "***") if password else str(exc).strip()
            raise StoreError(
                f"cannot connect to PostgreSQL at {self.where}: {reason}; check that the server "
                "is running and reachable, and that the URL's user, password and database "
                "name are right (postgresql://user:password@host:port/database)"
            ) from None
        return connection

    @property
    def connection(self) -> psycopg.Connection[dict[str, Any]]:
        """The open connection, or a new one when it broke (the server restarted, the
        network dropped it): a long-running API server recovers once the database is back
        instead of failing every request until it is restarted."""
        if self._connection.broken:
            self._connection = self._connect()
        return self._connection

    # --- schema ------------------------------------------------------------------
    def _migrate(self) -> None:
        """Apply the pg_migrations files newer than the database, each in a transaction."""
        scripts = migrations("pg_migrations")
        latest = scripts[-1][0] if scripts else 0
        with self._schema_step(0):
            self.connection.execute(_SCHEMA_TABLE)
        for version, script in scripts:
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

    def close(self) -> None:
        self._connection.close()

    # --- the dialect -----------------------------------------------------------------
    def read(self, run: Callable[[psycopg.Connection[dict[str, Any]]], T], what: str) -> T:
        """``run(connection)``, once more on a new connection when the old one broke under
        it (a read is safe to repeat); ``what`` names the action in the error."""
        try:
            return run(self.connection)
        except self.db_error as exc:
            if not self._connection.broken:
                raise StoreError(f"{what} {self.where} failed: {exc}") from exc
        try:
            return run(self.connection)
        except self.db_error as exc:
            raise StoreError(f"{what} {self.where} failed: {exc}") from exc

    def _rows(self, sql: str, *params: Any) -> list[dict[str, Any]]:
        return self.read(lambda c: c.execute(sql, params or None).fetchall(), "reading")

    @contextmanager
    def _transaction(self, what: str | None) -> Iterator[psycopg.Cursor[Any]]:
        """A replacement of all entities or all stories runs under its advisory lock."""
        with self.connection.transaction(), self.connection.cursor() as cur:
            lock = _REPLACE_LOCKS.get(what or "")
            if lock is not None:
                cur.execute("SELECT pg_advisory_xact_lock(%s)", (lock,))
            yield cur

    def _insert(self, table: str, columns: str, conflict: Conflict | None = None) -> str:
        names = [c.strip() for c in columns.split(",")]
        sql = f"INSERT INTO {table} ({columns}) VALUES ({', '.join(['%s'] * len(names))})"
        if conflict == "ignore":
            return f"{sql} ON CONFLICT DO NOTHING"
        if conflict == "replace":
            key, *rest = names
            excluded = ", ".join(f"EXCLUDED.{c}" for c in rest)
            return f"{sql} ON CONFLICT ({key}) DO UPDATE SET ({', '.join(rest)}) = ROW({excluded})"
        return sql

    def _in(self, column: str, ids: Sequence[str]) -> tuple[str, list[Any]]:
        return f"{column} = ANY(%s)", [list(ids)]
