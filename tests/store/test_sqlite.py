"""What only the SQLite store has: a file, PRAGMA user_version migrations, its error messages.

The behaviour both backends share is tested in test_store.py.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from test_store import make_doc

from marsad.errors import ConfigError, StoreError
from marsad.store import SQLiteStore, open_store


def test_schema_is_migrated_and_reopened(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    with open_store(path) as st:
        assert isinstance(st, SQLiteStore) and st.schema_version >= 1
        st.add_documents([make_doc(1)])
    with open_store(f"sqlite:///{path}") as st:
        assert st.article_ids() == {"a001"}


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="not a marsad database"):
        open_store(path)


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    with pytest.raises(StoreError, match="upgrade marsad"):
        open_store(path)


def test_unknown_urls_are_config_errors() -> None:
    with pytest.raises(ConfigError, match="unknown database URL"):
        open_store("mongodb://x")
