"""API tests share the hand-filled store of the web tests (tests/web/sample_store.py).

Every API test runs on both backends (``store_url`` in tests/conftest.py); the PostgreSQL
cases run when MARSAD_TEST_POSTGRES names a throwaway database.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "web"))

from sample_store import build_store

from marsad.api import create_app, hash_key
from marsad.config import Settings
from marsad.store import Store

API_KEY = "test-key-0123456789abcdef"


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    st = build_store(store_url)
    yield st
    st.close()


@pytest.fixture
def client(store: Store) -> Iterator[TestClient]:
    app = create_app(store, Settings(db=Path("unused.db")), api_keys=[hash_key(API_KEY)])
    with TestClient(app) as c:
        yield c


@pytest.fixture
def keyed() -> dict[str, str]:
    return {"X-API-Key": API_KEY}
