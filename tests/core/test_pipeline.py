"""End to end through the orchestrator and the CLI: idempotence, bad input, kill and resume."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from marsad.cli import main
from marsad.config import Settings
from marsad.core import analyze
from marsad.export import SCHEMA, build_export
from marsad.store import open_store

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "news"

# Sentences to compose distinct synthetic articles for the kill-and-resume test.
CITIES = ["القاهرة", "عمّان", "بيروت", "الرباط", "تونس", "الدوحة", "مسقط", "الكويت", "بغداد"]
TOPICS = ["افتتاح معرض للكتاب", "ارتفاع أسعار الخبز", "إضراب عمال النقل", "مهرجان للسينما"]


def synthetic_corpus(folder: Path, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        city, topic = CITIES[i % len(CITIES)], TOPICS[i % len(TOPICS)]
        (folder / f"{i:04d}.txt").write_text(
            f"{topic} في {city} للمرة {i}\n\n"
            f"شهدت مدينة {city} اليوم {topic} بمشاركة {100 + i} شخص، "
            f"وقال مسؤول محلي إن الحدث رقم {i} يعكس اهتمام السكان.\n"
            f"وأضاف المسؤول أن التحضيرات استمرت {i % 12 + 1} أشهر.\n",
            encoding="utf-8",
        )


def export_of(db: Path) -> dict:
    with open_store(db) as store:
        return build_export(store)


def test_sample_runs_end_to_end(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    code = main(["analyze", str(SAMPLE), "--db", str(tmp_path / "m.db"), "--json", str(out)])
    assert code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema"] == SCHEMA
    assert set(data) == {"schema", "articles", "stories", "entities", "quotes", "claims", "dates"}
    outlets = {a["outlet"] for a in data["articles"]}
    assert {"الشرق اليوم", "صحيفة الميدان", "وكالة الأنباء العربية", "نشرة الخليج"} <= outlets
    # the plain-text scrape carries a second article after "اقرأ أيضاً"
    children = [a for a in data["articles"] if a["parent_id"]]
    assert len(children) == 1 and "أوبك" in (children[0]["title"] or "")
    # the windows-1256 page was decoded, not stored as mojibake
    midan = next(a for a in data["articles"] if a["outlet"] == "صحيفة الميدان")
    assert "الهلال الأحمر" in midan["text"] and "Ø" not in midan["text"]
    assert all("كلمات دلالية" not in a["text"] for a in data["articles"])
    assert data["entities"] and data["quotes"] and data["claims"] and data["dates"]
    assert data["stories"]


def test_rerun_on_the_same_input_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    settings = Settings(db=db)
    first = analyze([SAMPLE], settings)
    before = export_of(db)
    second = analyze([SAMPLE], settings)
    assert first.articles_added > 0
    assert second.articles_added == 0 and second.already_stored == first.articles_added
    assert export_of(db) == before


def test_bad_files_are_skipped_and_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    synthetic_corpus(folder, 2)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    code = main(["analyze", str(folder), "--db", str(tmp_path / "m.db")])
    err = capsys.readouterr().err
    assert code == 0
    assert "empty.txt" in err and "image.png" in err
    assert "2 article(s) added" in err
    assert "skipped 1 x binary" in err and "skipped 1 x empty" in err


def test_an_item_of_only_boilerplate_is_skipped_and_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A real SaudiNewsNet item: a video page whose scraped body is the comment counter.
    items = [
        {"title": "حديث عن المباراة", "text": "تعليقات ()", "url": "http://example.com/1"},
        {"title": "افتتاح معرض", "text": "افتتح وزير الثقافة اليوم معرض الكتاب في الرياض.\n"},
    ]
    path = tmp_path / "day.jsonl"
    path.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), "utf-8")
    code = main(["analyze", str(path), "--db", str(tmp_path / "m.db")])
    err = capsys.readouterr().err
    assert code == 0
    assert "day.jsonl#1" in err and "boilerplate" in err
    assert "read 1 item(s): 1 article(s) added" in err and "skipped 1 x boilerplate" in err


def test_nothing_readable_is_a_non_zero_exit(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    assert main(["analyze", str(tmp_path / "empty.txt"), "--db", str(tmp_path / "m.db")]) != 0
    assert main(["analyze", str(tmp_path / "missing"), "--db", str(tmp_path / "m.db")]) != 0


def test_killed_run_resumes_without_loss_or_duplicates(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    total = 300
    synthetic_corpus(folder, total)
    db = tmp_path / "killed.db"
    env = {**os.environ, "MARSAD_BATCH_SIZE": "10"}
    cmd = [sys.executable, "-m", "marsad", "analyze", str(folder), "--db", str(db)]
    proc = subprocess.Popen(cmd, env=env, stderr=subprocess.DEVNULL)
    stored = 0
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists():
            try:
                with sqlite3.connect(db) as conn:
                    stored = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
            except sqlite3.Error:
                stored = 0
            if stored >= 10:
                break
        time.sleep(0.005)
    assert proc.poll() is None, "the run finished before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with sqlite3.connect(db) as conn:
        kept = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        quotes_orphans = conn.execute(
            "SELECT COUNT(*) FROM quotes WHERE article_id NOT IN (SELECT id FROM articles)"
        ).fetchone()[0]
    assert 10 <= kept < total and kept % 10 == 0, kept
    assert quotes_orphans == 0

    resumed = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
    assert f"{total - kept} article(s) added" in resumed.stderr

    clean_db = tmp_path / "clean.db"
    subprocess.run(
        [sys.executable, "-m", "marsad", "analyze", str(folder), "--db", str(clean_db)],
        check=True,
        capture_output=True,
    )
    resumed_export, clean_export = export_of(db), export_of(clean_db)
    assert len(resumed_export["articles"]) == total
    assert resumed_export == clean_export


def test_export_command_from_an_existing_store(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    analyze([SAMPLE], Settings(db=db))
    out = tmp_path / "again.json"
    assert main(["export", "--json", str(out), "--db", str(db)]) == 0
    assert json.loads(out.read_text(encoding="utf-8")) == export_of(db)
    assert main(["export", "--json", str(out), "--db", str(tmp_path / "none.db")]) != 0
