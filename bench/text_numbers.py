"""Number finding: Duckling Arabic numeral accuracy and find_numbers throughput.

Baseline in the same run: a digits-only regex (what a non-Arabic-aware extractor does).
Run from the repo root: ``python bench/text_numbers.py``; reads ../shared.
"""

from __future__ import annotations

import json
import math
import re
import sys
import time
import zipfile
from pathlib import Path

from marsad.text import find_numbers, normalize

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
EXPECTED = re.compile(r"NumeralValue \(?(-?[\d.]+)\)?")
BASELINE = re.compile(r"-?\d+(?:\.\d+)?")
ARTICLES = 2000


def baseline(text: str) -> list[float]:
    return [float(m.group()) for m in BASELINE.finditer(normalize(text).replace(",", ""))]


def numeral_rows(data: Path = SHARED) -> list[dict[str, str]]:
    """Duckling's Arabic numeral rows (Numeral_AR, then Numeral_AR_EG) under ``data``."""
    rows: list[dict[str, str]] = []
    for name in ("Numeral_AR.jsonl", "Numeral_AR_EG.jsonl"):
        lines = (data / "duckling_arabic" / name).read_text("utf-8").splitlines()
        rows.extend(json.loads(line) for line in lines if line)
    return rows


def wanted(row: dict[str, str]) -> float:
    return float(EXPECTED.fullmatch(row["expected"]).group(1))  # type: ignore[union-attr]


def marsad_right(row: dict[str, str]) -> bool:
    """find_numbers reads the row's whole text as one number, of the row's value."""
    text = row["text"]
    found = find_numbers(text)
    return (
        len(found) == 1
        and (found[0].start, found[0].end) == (0, len(text))
        and math.isclose(found[0].value, wanted(row))
    )


def duckling() -> None:
    rows = numeral_rows()
    ours = base = 0
    for row in rows:
        ours += marsad_right(row)
        got = baseline(row["text"])
        base += len(got) == 1 and math.isclose(got[0], wanted(row))
    n = len(rows)
    print(f"duckling numeral rows: {n}")
    print(f"  find_numbers right: {ours}/{n} = {ours / n:.1%}")
    print(f"  digits-regex baseline right: {base}/{n} = {base / n:.1%}")


def throughput() -> None:
    texts: list[str] = []
    for path in sorted((SHARED / "saudinewsnet").glob("*.zip")):
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                texts.extend(a["content"] for a in json.loads(z.read(name)))
        if len(texts) >= ARTICLES:
            break
    texts = texts[:ARTICLES]
    chars = sum(map(len, texts))
    t0 = time.perf_counter()
    found = sum(len(find_numbers(t)) for t in texts)
    ours = time.perf_counter() - t0
    t0 = time.perf_counter()
    base = sum(len(baseline(t)) for t in texts)
    base_s = time.perf_counter() - t0
    print(f"saudinewsnet: {len(texts)} articles, {chars / 1e6:.1f} M chars")
    print(f"  find_numbers: {found} numbers, {len(texts) / ours:.0f} articles/s")
    print(f"  digits-regex baseline: {base} numbers, {len(texts) / base_s:.0f} articles/s")
    spelled = sum(
        1 for t in texts[:200] for m in find_numbers(t) if not any(c.isdigit() for c in m.text)
    )
    print(f"  numbers without any digit in the first 200 articles: {spelled} (baseline finds 0)")


if __name__ == "__main__":
    if not SHARED.is_dir():
        sys.exit(f"{SHARED} not found: clone shared/ beside the project")
    duckling()
    throughput()
