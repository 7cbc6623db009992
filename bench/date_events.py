"""How often a date's event is its reporting clause, on real SaudiNewsNet news.

Plain script: ``python bench/date_events.py [articles]``. The baseline is the same date
stage with the reporting-frame and anchor rules of ``dates/_event.py`` switched off.
"""

from __future__ import annotations

import json
import re
import sys
import zipfile
from pathlib import Path
from typing import Any

from marsad.dates import _event, extract_dates
from marsad.model import Article, DateRef, Document
from rules_off import compare

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "saudinewsnet"
DAY = "2015-07-25"
# An event that is only a reporting clause: it opens with a reporting verb, ends with its
# date and reports nothing (no إن/أن/بأن): "قالت وزارة الدفاع الروسية اليوم".
FRAME = re.compile(r"^[وف]?(?:قال|قالت|أعلن|أعلنت|أكد|أكدت|أفاد|أفادت|ذكر|ذكرت|اعتبر|أوضح)\s")
CONTENT = re.compile(r"(?<!\w)ب?[إأ]ن(?:ه|ها|هم)?(?!\w)")


def _dates(articles: list[dict[str, Any]]) -> list[tuple[str, DateRef]]:
    out: list[tuple[str, DateRef]] = []
    for a in articles:
        doc = Document(Article(id=a["url"], source=a["url"], text=a["content"], published=DAY))
        extract_dates(doc)
        out += [(a["content"], r) for r in doc.dates]
    return out


def _figures(refs: list[tuple[str, DateRef]]) -> dict[str, float]:
    events = [r.event for _, r in refs]
    return {
        "dates": len(refs),
        "event is only a reporting clause": sum(
            bool(FRAME.match(r.event))
            and r.event.rstrip("()").endswith(r.expression.rstrip("()"))
            and not CONTENT.search(r.event)
            for _, r in refs
        ),
        "event opens with a reporting verb": sum(bool(FRAME.match(e)) for e in events),
        "event holds its date expression": sum(r.expression in r.event for _, r in refs),
        "event text found in the article": sum(
            " ".join(r.event.split()) in " ".join(text.split()) for text, r in refs
        ),
        "mean event length (chars)": round(sum(map(len, events)) / max(1, len(events)), 1),
    }


def off(*args: Any) -> None:
    """The baseline's stand-in for a reporting-frame or anchor rule: it never fires."""
    return None


def main() -> None:
    with zipfile.ZipFile(SHARED / f"{DAY}.zip") as z:
        (name,) = z.namelist()
        articles = json.loads(z.read(name))[: int(sys.argv[1]) if len(sys.argv) > 1 else 600]
    compare(
        f"{len(articles)} SaudiNewsNet articles of {DAY}",
        lambda: _figures(_dates(articles)),
        _event,
        {"_reported": off, "_anchored": off},
        width=36,
    )


if __name__ == "__main__":
    main()
