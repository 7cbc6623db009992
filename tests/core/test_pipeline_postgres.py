"""The whole pipeline on PostgreSQL, as a user runs it: the CLI with ``--db postgresql://``.

Each result is compared with the same run on SQLite: the export (ids, entities, stories,
quotes, claims, dates) must be identical. Runs when MARSAD_TEST_POSTGRES names a throwaway
database.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from test_cli import free_port
from test_pipeline import SAMPLE, export_of, synthetic_corpus

from marsad.cli import main
from marsad.config import Settings
from marsad.core import analyze
from marsad.search import PostgresSearchIndex
from marsad.store import PostgresStore, open_store


def cli_export(db: str, out: Path) -> dict:
    assert main(["export", "--db", db, "--json", str(out)]) == 0
    return dict(json.loads(out.read_text(encoding="utf-8")))


def test_analyze_and_export_match_sqlite(tmp_path: Path, postgres_url: str) -> None:
    sqlite_db = str(tmp_path / "m.db")
    for db in (sqlite_db, postgres_url):
        assert main(["analyze", str(SAMPLE), "--db", db]) == 0
    on_sqlite = cli_export(sqlite_db, tmp_path / "sqlite.json")
    on_postgres = cli_export(postgres_url, tmp_path / "postgres.json")
    assert on_postgres["articles"] and on_postgres["stories"] and on_postgres["claims"]
    assert on_postgres == on_sqlite


def test_rerun_changes_nothing_and_search_is_indexed(postgres_url: str) -> None:
    settings = Settings(db=postgres_url)
    first = analyze([SAMPLE], settings)
    before = export_of(postgres_url)
    second = analyze([SAMPLE], settings)
    assert first.articles_added > 0
    assert second.articles_added == 0 and second.already_stored == first.articles_added
    assert export_of(postgres_url) == before
    with open_store(postgres_url) as store:
        assert isinstance(store, PostgresStore)
        assert len(PostgresSearchIndex(store)) == len(store.article_ids())  # core indexed it


def test_search_command_finds_what_sqlite_finds(
    tmp_path: Path, postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    found = []
    for db in (str(tmp_path / "m.db"), postgres_url):
        assert main(["analyze", str(SAMPLE), "--db", db]) == 0
        capsys.readouterr()
        assert main(["search", "زلزال ملاطيه", "--db", db, "--json"]) == 0
        hits = json.loads(capsys.readouterr().out)
        assert all("<mark>" in h["snippet"] for h in hits["items"])
        found.append((hits["total"], {h["article_id"] for h in hits["items"]}))
        assert main(["search", "زلزال", "--db", db, "--outlet", "صحيفة الميدان"]) == 0
        assert capsys.readouterr().out.startswith("1 result(s)")
    assert found[0] == found[1] and found[0][0] >= 4


def test_serve_answers_on_postgres(postgres_url: str) -> None:
    assert main(["analyze", str(SAMPLE), "--db", postgres_url]) == 0
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "marsad", "serve", "--db", postgres_url, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                page = httpx.get(f"http://127.0.0.1:{port}/", timeout=2)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "marsad serve did not start"
                time.sleep(0.2)
        assert page.status_code == 200 and 'dir="rtl"' in page.text
        base = f"http://127.0.0.1:{port}/api/v1"
        assert httpx.get(f"{base}/stories", timeout=5).json()["total"] >= 1
        hits = httpx.get(f"{base}/search", params={"q": "زلزال"}, timeout=5).json()
        assert hits["total"] >= 4 and "<mark>" in hits["items"][0]["snippet"]
        ui = httpx.get(f"http://127.0.0.1:{port}/search", params={"q": "زلزال"}, timeout=5)
        assert ui.status_code == 200 and "<mark>" in ui.text
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_killed_run_resumes_without_loss_or_duplicates(tmp_path: Path, postgres_url: str) -> None:
    import psycopg

    folder = tmp_path / "in"
    total = 300
    synthetic_corpus(folder, total)
    env = {**os.environ, "MARSAD_BATCH_SIZE": "10"}
    cmd = [sys.executable, "-m", "marsad", "analyze", str(folder), "--db", postgres_url]
    proc = subprocess.Popen(cmd, env=env, stderr=subprocess.DEVNULL)

    def count(sql: str) -> int:
        try:
            with psycopg.connect(postgres_url) as conn:
                row = conn.execute(sql).fetchone()
                return int(row[0]) if row else 0
        except psycopg.Error:  # the schema is not migrated yet
            return 0

    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if count("SELECT COUNT(*) FROM articles") >= 10:
            break
        time.sleep(0.005)
    assert proc.poll() is None, "the run finished before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    kept = count("SELECT COUNT(*) FROM articles")
    assert 10 <= kept < total and kept % 10 == 0, kept
    orphans = "SELECT COUNT(*) FROM quotes WHERE article_id NOT IN (SELECT id FROM articles)"
    assert count(orphans) == 0

    resumed = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
    assert f"{total - kept} article(s) added" in resumed.stderr
    clean_db = tmp_path / "clean.db"
    assert main(["analyze", str(folder), "--db", str(clean_db)]) == 0
    resumed_export = export_of(postgres_url)
    assert len(resumed_export["articles"]) == total
    assert resumed_export == export_of(clean_db)
