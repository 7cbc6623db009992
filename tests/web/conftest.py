"""The web tests run the UI over the hand-filled store in sample_store.py."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sample_store import build_store

from marsad.api import hash_key
from marsad.config import Settings
from marsad.store import Store
from marsad.web import create_web_app


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    st = build_store(tmp_path / "web.db")
    yield st
    st.close()


@pytest.fixture
def client(store: Store) -> Iterator[TestClient]:
    app = create_web_app(store, Settings(db=Path("unused.db")), api_keys=[hash_key("k")])
    with TestClient(app) as c:
        yield c
