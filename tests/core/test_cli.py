"""Every CLI command, run as a user would: each one documented (--help) and tested."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from marsad.cli import build_parser, main

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "news"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "m.db"
    assert main(["analyze", str(SAMPLE), "--db", str(path)]) == 0
    return path


def test_every_command_has_help() -> None:
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert set(commands) == {
        "analyze",
        "export",
        "entities",
        "quotes",
        "claims",
        "search",
        "stories",
        "serve",
        "apikey",
    }
    for name, sub in commands.items():
        assert sub.format_help(), name


def test_search_finds_arabic_regardless_of_spelling(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "زلزال ملاطيه", "--db", str(db), "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits["total"] >= 4
    assert all("<mark>" in h["snippet"] for h in hits["items"])
    assert main(["search", "زلزال", "--db", str(db), "--outlet", "صحيفة الميدان"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1 result(s)") and "[" in out


def test_stories_lists_comparisons(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stories", "--db", str(db), "--order", "busiest", "--claims"]) == 0
    out = capsys.readouterr().out
    assert "ملاطية" in out
    assert "article(s)" in out


def test_entities_tags_conll(tmp_path: Path) -> None:
    conll = tmp_path / "in.conll"
    conll.write_text("وقال\tO\nالرئيس\tO\nفولوديمير\tO\nزيلينسكي\tO\n\nروسيا\n", encoding="utf-8")
    out = tmp_path / "out.conll"
    assert main(["entities", "--conll", str(conll), "--out", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").split("\n")
    assert lines[:4] == ["وقال O", "الرئيس O", "فولوديمير B-PERS", "زيلينسكي I-PERS"]
    assert lines[4] == "" and lines[5] == "روسيا B-LOC"


def test_apikey_prints_a_key_and_its_hash(capsys: pytest.CaptureFixture[str]) -> None:
    from marsad.api import hash_key

    assert main(["apikey"]) == 0
    out = capsys.readouterr().out.splitlines()
    key = out[0].rsplit(" ", 1)[1]
    hashed = out[1].rsplit(" ", 1)[1]
    salt = bytes.fromhex(hashed.split("$")[1])
    assert hash_key(key, salt=salt) == hashed


def test_errors_are_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database" * 200)
    assert main(["stories", "--db", str(bad)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("marsad: ") and "not a marsad database" in err and "\n" not in err


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_answers_on_loopback(db: Path) -> None:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "marsad", "serve", "--db", str(db), "--port", str(port)],
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
        api = httpx.get(f"http://127.0.0.1:{port}/api/v1/stories", timeout=5).json()
        assert api["total"] >= 1
    finally:
        proc.terminate()
        proc.wait(timeout=10)
