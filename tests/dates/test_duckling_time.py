"""Duckling's Arabic time corpus as a regression gate.

Duckling leans to the future (a weekday alone is the next one, "منتصف اذار" in February is
the coming March); marsad reads news, which reports the past, so those rows count as
misses here by design. Rows are compared at their grain: Day and Week -> YYYY-MM-DD (a
week is its Monday in both), Month -> YYYY-MM, Year -> YYYY; intervals by their first
day; Hour/Minute/Second rows by their date part, scored apart (marsad has no times).
"""

import json
import re
from collections import defaultdict
from datetime import date
from pathlib import Path

from marsad.dates import resolve

# The corpus reference time is Tuesday 2013-02-12 04:30 (UTC-2).
REFERENCE = date(2013, 2, 12)
_TUPLE = re.compile(r"\((\d+), (\d+), (\d+), \d+, \d+, \d+\)")
# Shares measured with this version (bench/dates.py prints them), less a small margin.
FLOORS = {"date": 0.54, "interval": 0.04, "negative": 1.0}


def expected(row: dict[str, object]) -> tuple[str, str | None]:
    """(category, value at the row's grain) of one corpus row."""
    if row.get("negative"):
        return "negative", None
    text = str(row["expected"])
    y, m, d = (int(x) for x in _TUPLE.findall(text)[0])
    grain = text.split(")")[-1].split()[0]
    if text.startswith("datetimeInterval") or text.startswith("datetimeIntervalHoliday"):
        return "interval", f"{y:04d}-{m:02d}-{d:02d}"
    if text.startswith("datetimeHoliday"):
        return "holiday", f"{y:04d}-{m:02d}-{d:02d}"
    if grain in ("Hour", "Minute", "Second"):
        return "time", f"{y:04d}-{m:02d}-{d:02d}"
    if grain == "Year":
        return "date", f"{y:04d}"
    if grain == "Month":
        return "date", f"{y:04d}-{m:02d}"
    return "date", f"{y:04d}-{m:02d}-{d:02d}"


def scores(path: Path) -> dict[str, float]:
    right: dict[str, int] = defaultdict(int)
    total: dict[str, int] = defaultdict(int)
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        category, value = expected(row)
        total[category] += 1
        right[category] += resolve(str(row["text"]), REFERENCE) == value
    return {c: right[c] / total[c] for c in total}


def test_expected_parses_each_kind() -> None:
    day = {"expected": "datetime (2013, 2, 12, 0, 0, 0) Day", "text": "x"}
    month = {"expected": "datetime (2013, 1, 1, 0, 0, 0) Month", "text": "x"}
    hour = {"expected": "datetime (2013, 2, 12, 3, 0, 0) Hour", "text": "x"}
    span = {"expected": "datetimeInterval ((2013, 3, 1, 0, 0, 0), (2013, 3, 11, 0, 0, 0)) Day"}
    assert expected(day) == ("date", "2013-02-12")
    assert expected(month) == ("date", "2013-01")
    assert expected(hour) == ("time", "2013-02-12")
    assert expected(span) == ("interval", "2013-03-01")
    assert expected({"negative": True}) == ("negative", None)


def test_duckling_time_share(shared_dir: Path) -> None:
    got = scores(shared_dir / "data" / "duckling_arabic" / "Time_AR.jsonl")
    for category, floor in FLOORS.items():
        assert got[category] >= floor, (category, got[category])
