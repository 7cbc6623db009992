"""Quality gate on the hand-annotated gold set (bench/data/quotes_gold.jsonl).

Runs without entity mentions so the gate measures this stage alone. Thresholds are the
figures measured on all 32 gold articles (P 0.992, R 0.938, speaker 0.926 on 2026-11-21)
minus a small margin, so a rule change that loses quotes or speakers fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bench import quotes as quotes_bench

from marsad.quotes import extract_quotes

MIN_PRECISION = 0.95
MIN_RECALL = 0.90
MIN_SPEAKER_ACCURACY = 0.88


@pytest.fixture(scope="module")
def articles(shared_dir: Path) -> list[object]:
    loaded: list[object] = quotes_bench.load_gold(shared_dir / "data")
    return loaded


@pytest.mark.slow
def test_gold_set_quality(articles: list[object]) -> None:
    assert len(articles) >= 30
    score, misses = quotes_bench.score(articles, extract_quotes, None)
    assert score.gold >= 120
    assert score.precision >= MIN_PRECISION, misses
    assert score.recall >= MIN_RECALL, misses
    assert score.speaker_accuracy >= MIN_SPEAKER_ACCURACY, misses


@pytest.mark.slow
def test_beats_marks_only_baseline(articles: list[object]) -> None:
    ours, _ = quotes_bench.score(articles, extract_quotes, None)
    base, _ = quotes_bench.score(articles, quotes_bench.baseline, None)
    assert ours.f1 > base.f1 + 0.2
    assert ours.speaker_accuracy > base.speaker_accuracy


def test_speaker_matching_rule() -> None:
    gold = quotes_bench.GoldQuote(
        0, 1, "direct", "المتحدث باسم الكرملين دميتري بيسكوف", "دميتري بيسكوف"
    )
    assert quotes_bench.speaker_ok("بيسكوف", gold)
    assert quotes_bench.speaker_ok("المتحدث باسم الكرملين دميتري بيسكوف", gold)
    assert not quotes_bench.speaker_ok("الكرملين", gold)
    assert not quotes_bench.speaker_ok(None, gold)
