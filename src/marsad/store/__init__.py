"""Storage behind one narrow interface; the backend is chosen by the database URL.

``open_store("marsad.db")`` or ``open_store("sqlite:///path/marsad.db")`` gives SQLite (the
default); ``open_store("postgresql://user:password@host:port/database")`` (or
``postgres://``) gives PostgreSQL, with the ``postgres`` extra installed. Both implement
:class:`marsad.store.base.Store`.
"""

from __future__ import annotations

from pathlib import Path

from marsad.errors import ConfigError
from marsad.store.base import AddResult, Page, Store
from marsad.store.postgres import PostgresStore
from marsad.store.sqlite import SQLiteStore

__all__ = ["AddResult", "Page", "PostgresStore", "SQLiteStore", "Store", "is_url", "open_store"]

POSTGRES_SCHEMES = ("postgres://", "postgresql://")


def is_url(location: str | Path) -> bool:
    """True for a database URL (``scheme://...``), False for a plain file path."""
    return "://" in str(location)


def open_store(url: str | Path) -> Store:
    text = str(url)
    if text.startswith(POSTGRES_SCHEMES):
        return PostgresStore(text)
    if text.startswith("sqlite:///"):
        text = text[len("sqlite:///") :]
    elif is_url(text):
        raise ConfigError(
            f"unknown database URL {text!r}; give a file path, sqlite:///path or "
            "postgresql://user:password@host/database"
        )
    if text != ":memory:":
        Path(text).parent.mkdir(parents=True, exist_ok=True)
    return SQLiteStore(text)
