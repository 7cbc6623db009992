"""Shared fixtures: where ../shared lives, and skipping cleanly when it does not."""

from __future__ import annotations

import os
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs the same examples every time (a red build must be reproducible) and never fails a
# property on wall-clock deadlines, which a loaded 2-core machine cannot promise. Locally the
# default profile keeps exploring new examples.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("thorough", max_examples=1000, deadline=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
# Quality gates import their metric from the benchmark that measured it (``from
# bench.clean_corpus import quality``), so the figure and its gate share one definition;
# that needs the checkout's root importable however pytest was started.
if str(ROOT) not in sys.path:
    sys.path.append(str(ROOT))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "data").is_dir():
        pytest.skip("../shared/data is not beside the checkout (clone it next to the project)")
    return SHARED


@pytest.fixture(scope="session")
def seeds_dir(shared_dir: Path) -> Path:
    return shared_dir / "seeds"


# PostgreSQL cases run against the throwaway database named by this variable (.ci/run starts
# one); each test gets a schema of its own, dropped afterwards.
POSTGRES_ENV = "MARSAD_TEST_POSTGRES"
BACKENDS = ["sqlite", "postgres"]


def with_search_path(url: str, schema: str) -> str:
    """``url`` with the connection's search_path set to ``schema`` (libpq's options)."""
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """URL of a fresh, empty schema in the MARSAD_TEST_POSTGRES database."""
    base = os.environ.get(POSTGRES_ENV)
    if not base:
        pytest.skip(f"PostgreSQL tests need {POSTGRES_ENV}=postgresql://... (a throwaway db)")
    try:
        import psycopg
    except ImportError:
        pytest.fail(f"{POSTGRES_ENV} is set but psycopg is missing: pip install -e '.[postgres]'")
    schema = f"marsad_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield with_search_path(base, schema)
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A database for a new store, once per backend: a SQLite file, a PostgreSQL schema."""
    if request.param == "sqlite":
        return str(tmp_path / "m.db")
    return str(request.getfixturevalue("postgres_url"))
