"""HTML main-text extraction: marsad's extractor vs gold, beside a naive all-visible-text
baseline, on the Zyte (ScrapingHub) article benchmark and the two Arabic smoke pages.

Scores are token-level precision/recall/F1 over bags of lower-cased word tokens, per page,
then averaged (the Zyte benchmark's published trafilatura F1 is about 0.91 by token overlap).

    python bench/html_extraction.py [--variants]

``--variants`` also scores trafilatura's favor_precision / favor_recall / fast settings, which
is how ``marsad.ingest.pages.EXTRACTION_OPTIONS`` was chosen.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Mapping
from pathlib import Path
from statistics import mean

from marsad.errors import InputError
from marsad.ingest.pages import EXTRACTION_OPTIONS, extract_page, visible_text

ROOT = Path(__file__).resolve().parent.parent
HTML = ROOT.parent / "shared" / "data" / "html"
_TOKEN = re.compile(r"\w+")

VARIANTS: dict[str, Mapping[str, bool]] = {
    "defaults": {},
    "favor_precision": {"favor_precision": True},
    "favor_recall": {"favor_recall": True},
    "fast (no fallback)": {"fast": True},
    "favor_precision + fast": {"favor_precision": True, "fast": True},
}


def tokens(text: str) -> Counter[str]:
    return Counter(t.lower() for t in _TOKEN.findall(text))


def prf(predicted: str, gold: str) -> tuple[float, float, float]:
    p, g = tokens(predicted), tokens(gold)
    overlap = sum((p & g).values())
    precision = overlap / sum(p.values()) if p else 0.0
    recall = overlap / sum(g.values()) if g else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def marsad(options: Mapping[str, bool] | None) -> Callable[[str], str]:
    def run(html: str) -> str:
        try:
            return extract_page(html, "bench", options=options).text
        except InputError:
            return ""

    return run


def zyte_pages() -> list[tuple[str, str]]:
    folder = HTML / "scrapinghub"
    gold = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key, item in sorted(gold.items()):
        raw = gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes())
        pages.append((raw.decode("utf-8", errors="replace"), item["articleBody"]))
    return pages


def score(name: str, extractor: Callable[[str], str], pages: list[tuple[str, str]]) -> float:
    start = time.perf_counter()
    results = [prf(extractor(html), gold) for html, gold in pages]
    elapsed = time.perf_counter() - start
    p, r, f = (mean(x[i] for x in results) for i in range(3))
    ms = elapsed / len(pages) * 1000
    print(f"  {name:<32} P={p:.3f} R={r:.3f} F1={f:.3f}  ({ms:.0f} ms/page)")
    return f


def arabic_smoke(extractors: dict[str, Callable[[str], str]]) -> None:
    folder = HTML / "arabic_smoke"
    print("Arabic smoke pages")
    cnn = (folder / "cnn_arabic_syria_clashes.html").read_text(encoding="utf-8")
    gold = (folder / "cnn_arabic_syria_clashes.gold.txt").read_text(encoding="utf-8")
    meta = json.loads((folder / "cnn_arabic_syria_clashes.metadata.json").read_text("utf-8"))
    page = extract_page(cnn, "cnn")
    print(f"  CNN Arabic title matches gold: {page.title == meta['title']}")
    assabah = (folder / "assabah_com_tn_article.html").read_text(encoding="utf-8")
    snippets = json.loads((folder / "assabah_com_tn_article.snippets.json").read_text("utf-8"))
    for name, extractor in extractors.items():
        p, r, f = prf(extractor(cnn), gold)
        text = extractor(assabah)
        found = sum(s in text for s in snippets["with"])
        leaked = sum(s in text for s in snippets["without"])
        print(
            f"  {name:<32} CNN P={p:.3f} R={r:.3f} F1={f:.3f} | Assabah wanted snippets "
            f"{found}/{len(snippets['with'])}, boilerplate leaked "
            f"{leaked}/{len(snippets['without'])}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--variants", action="store_true", help="also score other settings")
    args = parser.parse_args()
    if not HTML.is_dir():
        print(f"{HTML} not found: clone shared/ beside the project", file=sys.stderr)
        return 1
    pages = zyte_pages()
    print(f"Zyte article-extraction benchmark: {len(pages)} pages (mean per-page token P/R/F1)")
    extractors: dict[str, Callable[[str], str]] = {
        f"marsad {dict(EXTRACTION_OPTIONS)}": marsad(None),
        "baseline: all visible text": visible_text,
    }
    if args.variants:
        extractors |= {f"trafilatura {name}": marsad(o) for name, o in VARIANTS.items()}
    for name, extractor in extractors.items():
        score(name, extractor, pages)
    arabic_smoke(extractors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
