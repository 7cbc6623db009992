"""extract_claims throughput on SaudiNewsNet articles, and what it finds.

Baseline in the same run: every digit run is a claim (what a regex-only extractor would
report), to show how much the stage filters. Run from the repo root:
``python bench/claims.py``; reads ../shared.
"""

from __future__ import annotations

import json
import re
import sys
import time
import zipfile
from collections import Counter
from pathlib import Path

from marsad.claims import extract_claims
from marsad.model import Article, Document

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
ARTICLES = 2000
BASELINE = re.compile(r"\d+(?:[.,]\d+)*")


def load() -> list[Article]:
    articles: list[Article] = []
    for path in sorted((SHARED / "saudinewsnet").glob("*.zip")):
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                for i, a in enumerate(json.loads(z.read(name))):
                    articles.append(
                        Article(
                            id=f"{path.stem}-{i}",
                            source=a["url"],
                            text=a["content"],
                            title=a["title"],
                            outlet=a["source"],
                            published=a["date_extracted"][:10],
                        )
                    )
        if len(articles) >= ARTICLES:
            break
    return articles[:ARTICLES]


def main() -> None:
    articles = load()
    docs = [Document(a) for a in articles]
    t0 = time.perf_counter()
    for doc in docs:
        extract_claims(doc)
    took = time.perf_counter() - t0
    claims = [c for d in docs for c in d.claims]
    t0 = time.perf_counter()
    baseline = sum(len(BASELINE.findall(a.text)) for a in articles)
    base_took = time.perf_counter() - t0
    chars = sum(len(a.text) for a in articles)
    print(f"saudinewsnet: {len(articles)} articles, {chars / 1e6:.1f} M chars")
    print(f"extract_claims: {len(articles) / took:.0f} articles/s, {len(claims)} claims")
    print(f"digit-run baseline: {len(articles) / base_took:.0f} articles/s, {baseline} 'claims'")
    print("claims by unit:")
    for unit, n in Counter(c.unit or "(count)" for c in claims).most_common():
        print(f"  {unit:10} {n}")
    print("claims by qualifier:")
    for q, n in Counter(c.qualifier for c in claims).most_common():
        print(f"  {q:10} {n}")
    with_source = sum(c.source is not None for c in claims)
    print(f"with an attribution source (no NER/quotes run): {with_source}/{len(claims)}")


if __name__ == "__main__":
    if not SHARED.is_dir():
        sys.exit(f"{SHARED} not found: clone shared/ beside the project")
    main()
