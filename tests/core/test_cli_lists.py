"""The listing commands (entities, quotes, claims, stories --json) against a real store."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from marsad.cli import OUTLET_WIDTH, TEXT_WIDTH, main
from marsad.config import Settings
from marsad.core import analyze
from marsad.store import open_store

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "news"
# Written رجب طيب إردوغان by one sample outlet; the canonical name is the commoner أردوغان.
RESPELLED = "إردوغان"
CANONICAL = "رجب طيب أردوغان"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli-lists") / "m.db"
    assert main(["analyze", str(SAMPLE), "--db", str(path)]) == 0
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str, code: int = 0) -> tuple[list[str], str]:
    """stdout lines and stderr of ``marsad ARGV``, checking the exit code."""
    assert main(list(argv)) == code
    captured = capsys.readouterr()
    return captured.out.splitlines(), captured.err


def rows(capsys: pytest.CaptureFixture[str], *argv: str) -> list[dict[str, Any]]:
    lines, _ = run(capsys, *argv, "--json")
    return [json.loads(line) for line in lines]


def test_entities_lists_the_store_most_mentioned_first(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listed = rows(capsys, "entities", "--db", str(db), "--limit", "100")
    with open_store(db) as store:
        expected = store.list_entities(limit=100)
    assert listed == [e.to_dict() for e in expected.items]
    assert len(listed) == expected.total > 5
    counts = [len(e["mentions"]) for e in listed]
    assert counts == sorted(counts, reverse=True)

    table, err = run(capsys, "entities", "--db", str(db), "--limit", "3")
    assert len(table) == 3 and f"1-3 of {expected.total}" in err
    first = listed[0]
    assert table[0].split() == [first["id"], str(len(first["mentions"])), first["type"], "ملاطية"]


def test_entities_filters_by_type_and_any_spelling(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    people = rows(capsys, "entities", "--db", str(db), "--type", "PER")
    assert people and {e["type"] for e in people} == {"PER"}

    found = rows(capsys, "entities", "--db", str(db), "--name", RESPELLED)
    assert [e["name"] for e in found] == [CANONICAL]
    table, _ = run(capsys, "entities", "--db", str(db), "--name", RESPELLED)
    assert len(table) == 1
    assert CANONICAL in table[0] and "aliases: " in table[0] and "roles: " in table[0]
    assert "الرئيس التركي" in table[0]

    second, _ = run(capsys, "entities", "--db", str(db), "--type", "PER", "--offset", "1")
    assert [line.split()[0] for line in second] == [e["id"] for e in people[1:]]
    nothing, err = run(capsys, "entities", "--db", str(db), "--name", "لا يوجد أبدا")
    assert nothing == [] and "no entities" in err


def test_entities_name_finds_a_respelled_name_in_the_seeds(
    seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "seeds.db"
    analyze([seeds_dir], Settings(db=db))
    found = rows(capsys, "entities", "--db", str(db), "--name", "ترمب")
    assert [e["name"] for e in found] == ["دونالد ترامب"]
    said, _ = run(capsys, "quotes", "--db", str(db), "--speaker", "ترمب")
    assert said and all("دونالد ترامب" in line for line in said)


def test_entities_conll_still_tags_and_refuses_listing_options(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    conll = tmp_path / "in.conll"
    conll.write_text("قال\tO\nفولوديمير\tO\nزيلينسكي\tO\n", encoding="utf-8")
    lines, _ = run(capsys, "entities", "--conll", str(conll))
    assert lines == ["قال O", "فولوديمير B-PERS", "زيلينسكي I-PERS"]

    _, err = run(capsys, "entities", "--conll", str(conll), "--type", "PER", "--json", code=1)
    assert err.strip() == "marsad: --conll tags a file and reads no store; drop --type, --json"
    _, err = run(capsys, "entities", "--out", str(tmp_path / "x"), code=1)
    assert "--out and --article-sentences go with --conll" in err
    assert not (tmp_path / "x").exists()
    _, err = run(capsys, "entities", "--conll", str(conll), "--article-sentences", "0", code=1)
    assert err.strip() == "marsad: --article-sentences is 1 or more, not 0"


def test_quotes_by_speaker_alias_match_the_store(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_store(db) as store:
        (entity,) = store.list_entities(name=RESPELLED).items
        expected = store.list_quotes(speaker_entity_id=entity.id).items
        dates = {q.article_id: store.get_article(q.article_id) for q in expected}
    assert len(expected) >= 3

    assert rows(capsys, "quotes", "--db", str(db), "--speaker", RESPELLED) == [
        q.to_dict() for q in expected
    ]
    assert rows(capsys, "quotes", "--db", str(db), "--speaker", entity.id) == [
        q.to_dict() for q in expected
    ]
    table, _ = run(capsys, "quotes", "--db", str(db), "--speaker", RESPELLED)
    assert len(table) == len(expected)
    for line, quote in zip(table, expected, strict=True):
        article = dates[quote.article_id]
        assert article is not None and article.published and article.outlet
        outlet = article.outlet[: OUTLET_WIDTH - 1]  # long outlet names are cut with "…"
        assert line.startswith(f"{article.published}  {quote.article_id}  {outlet}")
        kind = "reported" if quote.kind == "indirect" else "direct"
        assert f"  {kind}  " in line
        # Linked speakers show the canonical name, not the spelling of the article.
        assert f"{CANONICAL}: «" in line


def test_quotes_table_is_one_line_a_row_and_cuts_long_text(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    full = rows(capsys, "quotes", "--db", str(db), "--limit", "100")
    with open_store(db) as store:
        assert full == [q.to_dict() for q in store.list_quotes(limit=100).items]
    table, _ = run(capsys, "quotes", "--db", str(db), "--limit", "100")
    assert len(table) == len(full)
    long = [(q, line) for q, line in zip(full, table, strict=True) if len(q["text"]) > TEXT_WIDTH]
    assert long, "the sample has quotes longer than a table row shows"
    # The table cuts what the JSON form (equal to the store above) keeps whole.
    for quote, line in long:
        assert f"«{quote['text'][: TEXT_WIDTH - 1]}…»" in line


def test_quotes_unknown_or_ambiguous_speaker_is_a_clear_error(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, err = run(capsys, "quotes", "--db", str(db), "--speaker", "شخص مجهول", code=1)
    assert out == []
    assert err.count("\n") == 1 and err.startswith("marsad: --speaker 'شخص مجهول'")
    assert "'marsad entities'" in err
    with open_store(db) as store:
        vague = store.list_entities(name="ال").total
    assert vague > 1
    _, err = run(capsys, "quotes", "--db", str(db), "--speaker", "ال", code=1)
    assert f"matches {vague} entities" in err and "give one of their ids" in err
    _, err = run(capsys, "claims", "--db", str(db), "--story", "s-nope", code=1)
    assert "no such story" in err and "marsad stories" in err


def test_claims_by_story_and_source_match_the_store(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_store(db) as store:
        story = store.list_stories(order="busiest").items[0]
        in_story = store.list_claims(story_id=story.id, limit=100).items
        (entity,) = store.list_entities(name=RESPELLED).items
        by_source = store.list_claims(source_entity_id=entity.id).items
    assert in_story and {c.article_id for c in in_story} <= set(story.article_ids)
    assert rows(capsys, "claims", "--db", str(db), "--story", story.id, "--limit", "100") == [
        c.to_dict() for c in in_story
    ]
    assert by_source
    assert rows(capsys, "claims", "--db", str(db), "--source", RESPELLED) == [
        c.to_dict() for c in by_source
    ]

    table, _ = run(capsys, "claims", "--db", str(db), "--story", story.id, "--limit", "100")
    assert len(table) == len(in_story)
    at_least = next(c for c in in_story if c.qualifier == "at_least")
    line = table[in_story.index(at_least)]
    assert f"≥{at_least.value:,.0f}" in line and at_least.subject in line
    assert line.startswith(f"{at_least.date}  {at_least.article_id}  ")
    sourced, _ = run(capsys, "claims", "--db", str(db), "--source", RESPELLED)
    assert all(line.endswith(f"— {CANONICAL}") for line in sourced)


def test_paging_and_store_selection_by_environment(
    db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MARSAD_DB", str(db))
    every = rows(capsys, "claims", "--limit", "100")
    page, err = run(capsys, "claims", "--limit", "5", "--offset", "10", "--json")
    assert [json.loads(line) for line in page] == every[10:15]
    assert f"claims 11-15 of {len(every)}; --offset for more" in err
    stories = rows(capsys, "stories", "--order", "busiest")
    article = every[0]["article_id"]
    with open_store(db) as store:
        assert stories == [s.to_dict() for s in store.list_stories(order="busiest").items]
        in_article = [q.to_dict() for q in store.list_quotes(article_id=article).items]
    assert in_article and rows(capsys, "quotes", "--article", article) == in_article
    _, err = run(capsys, "quotes", "--article", "0000000000000000", code=1)
    assert "--article '0000000000000000': no such article" in err


def test_listing_a_missing_database_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "none.db"
    for command in ("entities", "quotes", "claims", "stories"):
        _, err = run(capsys, command, "--db", str(missing), code=1)
        assert err.strip() == f"marsad: no database at {missing}; run 'marsad analyze' first"
    assert not missing.exists()


def test_json_lines_are_utf8_whatever_the_locale(db: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "LC_ALL": "C"}
    done = subprocess.run(
        [sys.executable, "-m", "marsad", "quotes", "--db", str(db), "--json", "--limit", "3"],
        capture_output=True,
        env=env,
        check=True,
    )
    lines = done.stdout.decode("utf-8").splitlines()
    assert len(lines) == 3
    assert "\\u" not in lines[0] and json.loads(lines[0])["text"] in lines[0]
