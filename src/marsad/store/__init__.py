"""Storage behind one narrow interface; the backend is chosen by the database URL.

``open_store("marsad.db")`` or ``open_store("sqlite:///path/marsad.db")`` gives SQLite (the
default). Other backends implement :class:`marsad.store.base.Store`.
"""

from __future__ import annotations

from pathlib import Path

from marsad.errors import ConfigError
from marsad.store.base import AddResult, Page, Store
from marsad.store.sqlite import SQLiteStore

__all__ = ["AddResult", "Page", "SQLiteStore", "Store", "open_store"]


def open_store(url: str | Path) -> Store:
    text = str(url)
    if text.startswith(("postgres://", "postgresql://")):
        raise ConfigError(
            f"no PostgreSQL backend in this version of marsad ({text}); "
            "use a SQLite file path such as --db marsad.db"
        )
    if text.startswith("sqlite:///"):
        text = text[len("sqlite:///") :]
    elif "://" in text:
        raise ConfigError(f"unknown database URL {text!r}; give a file path or sqlite:///path")
    if text != ":memory:":
        Path(text).parent.mkdir(parents=True, exist_ok=True)
    return SQLiteStore(text)
