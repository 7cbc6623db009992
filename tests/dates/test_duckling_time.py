"""Duckling's Arabic time corpus as a regression gate, under both direction policies.

Duckling leans to the future (a weekday alone is the next one, "منتصف اذار" in February is
the coming March); marsad reads news, which reports the past. ``policy="future"`` follows
Duckling's convention, so the corpus is scored under both. A row is right when the
longest expression found gives the row's value at its grain: Day and Week ->
YYYY-MM-DD (a week is its Monday in both), Month -> YYYY-MM, Year -> YYYY; Hour, Minute
and Second rows by the full datetime (``value`` + ``T`` + ``DateMatch.time``); intervals
by both ends (``value`` / ``DateMatch.until``, Duckling's exclusive end less one unit).
"""

import json
from collections import defaultdict
from pathlib import Path

import pytest
from bench.dates import TIME_GRAINS, duckling_row, marsad_value

from marsad.dates import Policy

# Shares measured with this version (bench/dates.py prints them), less a small margin. The
# corpus reference time is Tuesday 2013-02-12 04:30 (UTC-2), bench/dates.py's REFERENCE.
FLOORS: dict[Policy, dict[str, float]] = {
    # measured: date 0.703, time 0.889, interval 0.318, holiday 0.556 (all rows 0.700)
    "news": {"date": 0.68, "time": 0.86, "interval": 0.29, "holiday": 0.52, "negative": 1.0},
    # measured: date 0.891, time 0.889, interval 0.500, holiday 0.778 (all rows 0.839)
    "future": {"date": 0.87, "time": 0.86, "interval": 0.45, "holiday": 0.74, "negative": 1.0},
}


def expected(row: dict[str, object]) -> tuple[str, str | None]:
    """(category, value) of one corpus row: the categories ``FLOORS`` are set on."""
    kind, grain, value = duckling_row(row)
    if kind == "negative":
        return kind, value
    if kind.startswith("datetimeInterval"):
        return "interval", value
    if grain in TIME_GRAINS:
        return "time", value
    return ("holiday" if kind.startswith("datetimeHoliday") else "date"), value


def scores(path: Path, policy: Policy) -> dict[str, float]:
    right: dict[str, int] = defaultdict(int)
    total: dict[str, int] = defaultdict(int)
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        category, value = expected(row)
        total[category] += 1
        right[category] += marsad_value(str(row["text"]), policy) == value
    return {c: right[c] / total[c] for c in total}


def test_expected_parses_each_kind() -> None:
    day = {"expected": "datetime (2013, 2, 12, 0, 0, 0) Day", "text": "x"}
    month = {"expected": "datetime (2013, 1, 1, 0, 0, 0) Month", "text": "x"}
    hour = {"expected": "datetime (2013, 2, 12, 3, 0, 0) Hour", "text": "x"}
    second = {"expected": "datetime (2013, 2, 12, 15, 23, 24) Second", "text": "x"}
    span = {"expected": "datetimeInterval ((2013, 3, 1, 0, 0, 0), (2013, 3, 11, 0, 0, 0)) Day"}
    feast = {"expected": 'datetimeHoliday (2013, 10, 15, 0, 0, 0) Day "عيد الأضحى"'}
    assert expected(day) == ("date", "2013-02-12")
    assert expected(month) == ("date", "2013-01")
    assert expected(hour) == ("time", "2013-02-12T03:00")
    assert expected(second) == ("time", "2013-02-12T15:23:24")
    assert expected(span) == ("interval", "2013-03-01/2013-03-10")
    assert expected(feast) == ("holiday", "2013-10-15")
    assert expected({"negative": True}) == ("negative", None)


def test_rendered_matches_the_expected_form() -> None:
    assert marsad_value("الساعة 3 صباحا", "news") == "2013-02-12T03:00"
    assert marsad_value("من 13 الى 15 يوليو", "news") == "2013-07-13/2013-07-15"


@pytest.mark.parametrize("policy", ["news", "future"])
def test_duckling_time_share(shared_dir: Path, policy: Policy) -> None:
    got = scores(shared_dir / "data" / "duckling_arabic" / "Time_AR.jsonl", policy)
    for category, floor in FLOORS[policy].items():
        assert got[category] >= floor, (policy, category, got[category])
