"""SQLite backend: one file, WAL journal, schema migrations by ``PRAGMA user_version``.

The queries are :class:`marsad.store._sql.SQLStore`'s; this module opens the file, migrates
it and supplies SQLite's side of the dialect.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from marsad.errors import StoreError
from marsad.store._sql import ARTICLE_COLUMNS, Conflict, SQLStore, migrations

# Articles are numbered (``seq``, the insertion order) after the stored ones, and a stored
# id inserts nothing: ?1 is the id, the first of ARTICLE_COLUMNS.
_INSERT_ARTICLE = (
    f"INSERT INTO articles (seq, {ARTICLE_COLUMNS})"
    " SELECT (SELECT COALESCE(MAX(seq), 0) + 1 FROM articles),"
    f" {', '.join(f'?{n}' for n in range(1, ARTICLE_COLUMNS.count(',') + 2))}"
    " WHERE NOT EXISTS (SELECT 1 FROM articles WHERE id = ?1)"
)


class SQLiteStore(SQLStore):
    mark = "?"
    like = "LIKE ?"  # SQLite's LIKE folds ASCII letters only, with no escape character
    nulls_last = ""  # NULLs sort last under DESC in SQLite
    keeps_idx = False
    insert_article = _INSERT_ARTICLE
    db_error = sqlite3.Error

    def __init__(self, path: str | Path) -> None:
        self.path = self.where = str(path)
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
        scripts = migrations("migrations")
        latest = scripts[-1][0] if scripts else 0
        if current > latest:
            raise StoreError(
                f"{self.path} has schema version {current}, newer than this marsad "
                f"understands ({latest}); upgrade marsad"
            )
        for version, script in scripts:
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

    def close(self) -> None:
        self.connection.close()

    # --- the dialect -----------------------------------------------------------------
    def _rows(self, sql: str, *params: Any) -> sqlite3.Cursor:
        return self.connection.execute(sql, params)

    @contextmanager
    def _transaction(self, what: str | None) -> Iterator[sqlite3.Cursor]:
        """SQLite's write lock covers the whole file: no lock of our own for ``what``."""
        with self.connection:
            yield self.connection.cursor()

    def _insert(self, table: str, columns: str, conflict: Conflict | None = None) -> str:
        verb = f"INSERT OR {conflict.upper()}" if conflict else "INSERT"
        marks = ", ".join("?" * (columns.count(",") + 1))
        return f"{verb} INTO {table} ({columns}) VALUES ({marks})"

    def _in(self, column: str, ids: Sequence[str]) -> tuple[str, list[Any]]:
        return f"{column} IN ({','.join('?' * len(ids))})", list(ids)
