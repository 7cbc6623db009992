"""The five real seed articles through the whole pipeline: what issues 2-5 promise on them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from marsad.config import Settings
from marsad.core import analyze
from marsad.export import build_export
from marsad.store import open_store


@pytest.fixture(scope="module")
def export(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    summary = analyze([seeds_dir], Settings(db=db))
    assert summary.items_read == 5 and not summary.errors
    with open_store(db) as store:
        return build_export(store)


def by_source(export: dict[str, Any], stem: str) -> list[dict[str, Any]]:
    return [a for a in export["articles"] if Path(a["source"]).name.startswith(stem)]


def entity_of(export: dict[str, Any], alias: str) -> dict[str, Any]:
    """The most mentioned entity with a spelling that is, or contains the words, ``alias``."""
    words = alias.split()

    def has(spelling: str) -> bool:
        tokens = spelling.split()
        return any(tokens[i : i + len(words)] == words for i in range(len(tokens)))

    found = [e for e in export["entities"] if any(has(s) for s in [e["name"], *e["aliases"]])]
    assert found, f"no entity has the alias {alias}"
    return max(found, key=lambda e: len(e["mentions"]))


def test_appended_articles_are_split_off(export: dict[str, Any]) -> None:
    assert len(export["articles"]) == 7
    for stem, title_word in [("002", "قصفنا"), ("004", "وزيرة خارجية")]:
        main, *children = by_source(export, stem)
        assert main["parent_id"] is None
        assert len(children) == 1 and children[0]["parent_id"] == main["id"]
        assert title_word in children[0]["title"]
        assert title_word not in main["text"]


def test_boilerplate_is_gone(export: dict[str, Any]) -> None:
    junk = [
        "كلمات دلالية",
        "مقالات مشابهة",
        "Related Nodes",
        "+ الخط -",
        "| Facebook",
        "المساهمون",
        "نقلاً عن",
        "المصدر:",
        "(رويترز، فرانس برس)",
        "فيل ستيوارت",
    ]
    for article in export["articles"]:
        for phrase in junk:
            assert phrase not in article["text"], (article["source"], phrase)


def test_metadata_from_attribution_lines(export: dict[str, Any]) -> None:
    assert by_source(export, "002")[0]["outlet"] == "بوابة الوفد"
    assert by_source(export, "004")[0]["outlet"] == "اندبندنت عربية"
    austin = by_source(export, "003")[0]
    assert austin["published"] == "2024-10-21"
    assert austin["agencies"] == ["Reuters", "AFP"]


def test_spelling_variants_are_one_entity(export: dict[str, Any]) -> None:
    for a, b in [("ترامب", "ترمب"), ("بيونغ يانغ", "بيونج يانج"), ("مارك روته", "روته")]:
        assert entity_of(export, a)["id"] == entity_of(export, b)["id"], (a, b)
    # One report's tagger cut "يون سوك يول" short; another report has him whole.
    yoon = entity_of(export, "يون سوك يول")
    assert yoon["name"] == "يون سوك يول" and "يون سوك" not in yoon["aliases"]
    assert len(yoon["mentions"]) >= 2
    # "وفداً برئاسة تشوي غادر أمس": the verb "left" is no part of the foreign minister's name.
    choe = entity_of(export, "تشوي سون هوي")
    assert "تشوي" in choe["aliases"] and not any("غادر" in a for a in choe["aliases"])
    assert entity_of(export, "كوريا الشمالية")["id"] != entity_of(export, "كوريا الجنوبية")["id"]


def test_one_story_for_the_main_articles_and_one_for_the_drone_strike(
    export: dict[str, Any],
) -> None:
    mains = {by_source(export, f"00{i}")[0]["id"] for i in range(5)}
    drone = by_source(export, "002")[1]["id"]
    story_of = {aid: s["id"] for s in export["stories"] for aid in s["article_ids"]}
    assert len({story_of[a] for a in mains}) == 1
    assert story_of[drone] != story_of[next(iter(mains))]


def test_troop_counts_are_compared_with_their_sources(export: dict[str, Any]) -> None:
    story = max(export["stories"], key=lambda s: len(s["article_ids"]))
    troops = [c for c in story["comparisons"] if 12000 in {v["value"] for v in c["values"]}]
    assert troops, [c["subject"] for c in story["comparisons"]]
    comparison = troops[0]
    values = {v["value"] for v in comparison["values"]}
    assert {1500, 3000, 7000, 10000, 12000} <= values
    assert all(v["source"] for v in comparison["values"] if v["value"] in {1500, 7000, 12000})
    assert comparison["conflict"] is True


def test_speakers_are_resolved(export: dict[str, Any]) -> None:
    speakers = {q["speaker"] or "" for q in export["quotes"]}
    for name in ["بيسكوف", "سابرينا سينغ", "زيلينسكي", "أوستن", "روته"]:
        assert any(name in s for s in speakers), name
    zelensky = entity_of(export, "زيلينسكي")["id"]
    assert any(q["speaker_entity_id"] == zelensky for q in export["quotes"])
