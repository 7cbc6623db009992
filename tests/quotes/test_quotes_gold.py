"""Quality gate on the hand-annotated gold set (bench/data/quotes_gold.jsonl).

Runs without entity mentions so the gate measures this stage alone. Thresholds are the
figures measured on all 32 gold articles (P 0.992, R 0.938, speaker 0.926 on 2026-11-21)
minus a small margin, so a rule change that loses quotes or speakers fails here.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from marsad.quotes import extract_quotes

ROOT = Path(__file__).resolve().parents[2]
MIN_PRECISION = 0.95
MIN_RECALL = 0.90
MIN_SPEAKER_ACCURACY = 0.88


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_quotes", ROOT / "bench" / "quotes.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return _bench()


@pytest.fixture(scope="module")
def articles(bench: ModuleType, shared_dir: Path) -> list[object]:
    loaded: list[object] = bench.load_gold(shared_dir / "data")
    return loaded


@pytest.mark.slow
def test_gold_set_quality(bench: ModuleType, articles: list[object]) -> None:
    assert len(articles) >= 30
    score, misses = bench.score(articles, extract_quotes, None)
    assert score.gold >= 120
    assert score.precision >= MIN_PRECISION, misses
    assert score.recall >= MIN_RECALL, misses
    assert score.speaker_accuracy >= MIN_SPEAKER_ACCURACY, misses


@pytest.mark.slow
def test_beats_marks_only_baseline(bench: ModuleType, articles: list[object]) -> None:
    ours, _ = bench.score(articles, extract_quotes, None)
    base, _ = bench.score(articles, bench.baseline, None)
    assert ours.f1 > base.f1 + 0.2
    assert ours.speaker_accuracy > base.speaker_accuracy


def test_speaker_matching_rule(bench: ModuleType) -> None:
    gold = bench.GoldQuote(0, 1, "direct", "المتحدث باسم الكرملين دميتري بيسكوف", "دميتري بيسكوف")
    assert bench.speaker_ok("بيسكوف", gold)
    assert bench.speaker_ok("المتحدث باسم الكرملين دميتري بيسكوف", gold)
    assert not bench.speaker_ok("الكرملين", gold)
    assert not bench.speaker_ok(None, gold)
