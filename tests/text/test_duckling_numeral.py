"""Duckling's Arabic numeral regression corpus as a quality gate for find_numbers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bench.text_numbers import marsad_right, numeral_rows

from marsad.text import find_numbers

# Measured: 324 of 324 rows (Numeral_AR + Numeral_AR_EG) right; the gate allows three
# rows to regress before failing.
MIN_SHARE = 0.99


def test_duckling_numeral_share(shared_dir: Path) -> None:
    rows = numeral_rows(shared_dir / "data")
    assert len(rows) > 300
    assert not any(r.get("negative") for r in rows)  # every row names a number
    wrong = [r["text"] for r in rows if not marsad_right(r)]
    share = 1 - len(wrong) / len(rows)
    assert share >= MIN_SHARE, wrong


@pytest.mark.parametrize("name", ["Ordinal_AR.jsonl"])
def test_ordinals_are_not_quantities(shared_dir: Path, name: str) -> None:
    path = shared_dir / "data" / "duckling_arabic" / name
    texts = [json.loads(line)["text"] for line in path.read_text("utf-8").splitlines() if line]
    assert not [t for t in texts if any(m.value > 1 for m in find_numbers(t))]
