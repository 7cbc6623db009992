"""How readable claim sources and money/percent subjects are on real SaudiNewsNet news.

Plain script: ``python bench/claims_sources.py [articles]``. The baseline is the same
extractor with the source as written and no inferred subject for shares and prices.
"""

from __future__ import annotations

import json
import sys
import zipfile
from pathlib import Path
from typing import Any

from marsad.claims import _tables as tables
from marsad.claims import extract
from marsad.model import Article, Claim, Document
from marsad.text import normalize
from rules_off import compare

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "saudinewsnet"
DAYS = ("2015-07-21.zip", "2015-07-22.zip")


def _articles(limit: int) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for day in DAYS:
        with zipfile.ZipFile(SHARED / day) as z:
            for name in z.namelist():
                out += json.loads(z.read(name))
    return out[:limit]


def _claims(articles: list[dict[str, Any]]) -> list[Claim]:
    found: list[Claim] = []
    for a in articles:
        doc = Document(Article(id=a["url"], source=a["url"], text=a["content"]))
        extract.extract_claims(doc)
        found += doc.claims
    return found


def _figures(claims: list[Claim]) -> dict[str, float]:
    verbs, shape, units = tables.reporting_verbs(), tables.source_shape(), tables.units()[0]
    sources = [c.source.split() for c in claims if c.source]
    conj = tables.grammar()["conjunction"]
    measured = [c for c in claims if c.unit == "percent" or (c.unit or "").isupper()]
    return {
        "claims": len(claims),
        "with source": len(sources),
        "source opens with a reporting verb": sum(
            extract._unjoined(normalize(s[0]), conj) in verbs for s in sources
        ),
        "source holds an object noun": sum(
            any(normalize(w) in shape["object"] for w in s[1:]) for s in sources
        ),
        "source opens with a report noun": sum(
            extract._unjoined(normalize(s[0]), conj) in shape["report_noun"] and len(s) > 1
            for s in sources
        ),
        "money/percent claims": len(measured),
        "  whose subject is only the unit": sum(
            normalize(c.subject) in units or c.subject in ("%", "٪") for c in measured
        ),
    }


# The baseline's stand-ins for the source and subject rules.
def as_written(text: str, mentions: Any, source: str | None, mention: Any) -> str | None:
    return source


def no_subject(t: Any, f: Any, kept: Any) -> str:
    return ""


def main() -> None:
    articles = _articles(int(sys.argv[1]) if len(sys.argv) > 1 else 1500)
    compare(
        f"{len(articles)} SaudiNewsNet articles",
        lambda: _figures(_claims(articles)),
        extract,
        {"_asserting_party": as_written, "_measured_subject": no_subject},
        width=40,
    )


if __name__ == "__main__":
    main()
