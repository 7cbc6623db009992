"""Duckling's Arabic numeral regression corpus as a quality gate for find_numbers."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest

from marsad.text import find_numbers

# Measured: 324 of 324 rows (Numeral_AR + Numeral_AR_EG) right; the gate allows three
# rows to regress before failing.
MIN_SHARE = 0.99
FILES = ("Numeral_AR.jsonl", "Numeral_AR_EG.jsonl")
_EXPECTED = re.compile(r"NumeralValue \(?(-?[\d.]+)\)?")


def duckling_rows(shared_dir: Path) -> list[dict[str, object]]:
    rows = []
    for name in FILES:
        path = shared_dir / "data" / "duckling_arabic" / name
        rows.extend(json.loads(line) for line in path.read_text("utf-8").splitlines() if line)
    return rows


def row_right(row: dict[str, object]) -> bool:
    text = str(row["text"])
    found = find_numbers(text)
    if row.get("negative"):
        return not found
    m = _EXPECTED.fullmatch(str(row["expected"]))
    assert m, row
    if len(found) != 1:
        return False
    hit = found[0]
    return (hit.start, hit.end) == (0, len(text)) and math.isclose(hit.value, float(m.group(1)))


def test_duckling_numeral_share(shared_dir: Path) -> None:
    rows = duckling_rows(shared_dir)
    assert len(rows) > 300
    wrong = [r["text"] for r in rows if not row_right(r)]
    share = 1 - len(wrong) / len(rows)
    assert share >= MIN_SHARE, wrong


@pytest.mark.parametrize("name", ["Ordinal_AR.jsonl"])
def test_ordinals_are_not_quantities(shared_dir: Path, name: str) -> None:
    path = shared_dir / "data" / "duckling_arabic" / name
    texts = [json.loads(line)["text"] for line in path.read_text("utf-8").splitlines() if line]
    assert not [t for t in texts if any(m.value > 1 for m in find_numbers(t))]
