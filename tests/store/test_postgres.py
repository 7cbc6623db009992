"""What only the PostgreSQL store has: URLs, its schema version table, connection errors,
several writers at once. Shared behaviour is tested on both backends in test_store.py."""

from __future__ import annotations

import socket
import sys
import threading
from urllib.parse import urlsplit, urlunsplit

import pytest
from test_store import make_doc

from marsad.errors import MissingExtraError, StoreError
from marsad.search import search_index
from marsad.store import PostgresStore, open_store
from marsad.store.postgres import redact


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_password_is_never_shown() -> None:
    assert redact("postgresql://ana:s3cret@db.local:5432/marsad") == (
        "postgresql://ana:***@db.local:5432/marsad"
    )
    assert redact("postgresql://db.local/marsad") == "postgresql://db.local/marsad"


def test_unreachable_server_says_what_to_check() -> None:
    pytest.importorskip("psycopg", reason="needs the 'postgres' extra")
    url = f"postgresql://ana:s3cret@127.0.0.1:{free_port()}/marsad"
    with pytest.raises(StoreError) as caught:
        open_store(url)
    message = str(caught.value)
    assert "s3cret" not in message and "ana:***@127.0.0.1" in message
    assert "server is running" in message and "URL" in message


def test_missing_driver_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)
    with pytest.raises(MissingExtraError, match=r"marsad\[postgres\]"):
        open_store("postgres://localhost/marsad")


def test_both_url_schemes_open_postgres(postgres_url: str) -> None:
    for url in (postgres_url, postgres_url.replace("postgresql://", "postgres://", 1)):
        with open_store(url) as st:
            assert isinstance(st, PostgresStore)
            assert st.schema_version >= 1


def test_schema_is_versioned_and_reopened(postgres_url: str) -> None:
    with open_store(postgres_url) as st:
        assert isinstance(st, PostgresStore)
        version = st.schema_version
        st.add_documents([make_doc(1)])
        rows = st.connection.execute("SELECT version FROM marsad_schema ORDER BY version")
        assert [r["version"] for r in rows] == list(range(1, version + 1))
    with open_store(postgres_url) as st:
        assert st.article_ids() == {"a001"}
        assert isinstance(st, PostgresStore) and st.schema_version == version


def test_newer_schema_is_refused(postgres_url: str) -> None:
    with open_store(postgres_url) as st:
        assert isinstance(st, PostgresStore)
        st.connection.execute("INSERT INTO marsad_schema (version) VALUES (999)")
    with pytest.raises(StoreError, match="upgrade marsad"):
        open_store(postgres_url)


def test_foreign_tables_are_a_clear_error(postgres_url: str) -> None:
    import psycopg

    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute("CREATE TABLE articles (something INTEGER)")
    with pytest.raises(StoreError, match="empty database or schema"):
        open_store(postgres_url)


def test_concurrent_writers_store_each_article_once(postgres_url: str) -> None:
    """Workers sharing the database: overlapping batches, every article stored once."""
    stores = [open_store(postgres_url) for _ in range(3)]
    results = []

    def work(st: object, start: int) -> None:
        assert isinstance(st, PostgresStore)
        results.append(st.add_documents([make_doc(i) for i in range(start, start + 20)]))

    threads = [threading.Thread(target=work, args=(st, 1 + 10 * n)) for n, st in enumerate(stores)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sum(r.added for r in results) == 40
    assert sum(r.added + r.already_stored for r in results) == 60
    assert stores[0].article_ids() == {f"a{i:03d}" for i in range(1, 41)}
    assert stores[0].list_quotes(limit=100).total == 40
    for st in stores:
        st.close()


def test_missing_database_is_a_clear_error(postgres_url: str) -> None:
    parts = urlsplit(postgres_url)
    wrong = urlunsplit(parts._replace(path="/no_such_marsad_db"))
    with pytest.raises(StoreError, match=r"no_such_marsad_db.*database name"):
        open_store(wrong)


def test_a_dropped_connection_is_renewed(postgres_url: str) -> None:
    """The server ending the session (a restart, an idle timeout, a network cut) fails no
    read: the store reconnects and repeats it, for listings and search alike."""
    import psycopg

    store = open_store(postgres_url)
    assert isinstance(store, PostgresStore)
    store.add_documents([make_doc(1), make_doc(2)])
    index = search_index(store)
    for read in (
        lambda: store.list_articles().total,
        lambda: index.search("زيلينسكي").total,
    ):
        pid = store.connection.info.backend_pid
        with psycopg.connect(postgres_url, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        assert read() == 2
        assert store.connection.info.backend_pid != pid
    store.close()
