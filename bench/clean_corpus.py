"""Cleaner on real corpora (ANT v2.1, SaudiNewsNet): boilerplate left, prose kept, speed.

Run: python bench/clean_corpus.py [--limit N]

Figures, per corpus, against a baseline that only strips whitespace and blank lines:
  residue   share of articles that still contain a known scraper leftover
  kept      share of long raw lines (>= 25 words, real prose) found again in the output
  split     documents cut into more than one article (both corpora hold one article per item)
  empty     documents that gave no article although they had prose
  speed     documents per second, wall clock and CPU time (wall is inflated on a shared box)
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tarfile
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

from marsad.clean import clean
from marsad.model import Article, RawDocument
from marsad.text import normalize

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
# Leftovers seen in these corpora (checked by hand on 30+ articles of each outlet).
RESIDUE = [
    "يمكنكم استلام إشعارات",
    "يمكنكم تسلم إشعارات",
    "جميع المقالات المنشورة تمثل رأي",
    "اضغط هنا",
    "للتواصل مع الكاتب",
    "انتهى //",
    "رابط الخبر بصحيفة",
    "فرانس24/",
    "فرانس 24/",
    "--------",
    "...المزيد",
    "اقرأ أيضا",
    "إقرأ أيضا",
    "قد يهمك",
    "قد يعجبك",
    "للمزيد:",
    "لمراسلة الكاتب",
    "حقوق النشر محفوظة",
    "Mobily",
    "تبدأ بالرمز",
]
# A raw line this long is a paragraph of prose, never boilerplate (ANT titles max 21 words).
PROSE_MIN_WORDS = 25
_WORDS = re.compile(r"[^\W_]+")
# A closing agency credit "(أ ف ب)" leaves the text for Article.agencies; not a loss.
_CREDIT = re.compile(r"\([^()]{1,30}\)\s*$")
_FIELD = {t: re.compile(rf"<{t}>\n?(.*?)\n?</{t}>", re.S) for t in ("TEXT", "TITLE", "SRC", "URL")}


def words_key(text: str) -> str:
    return " ".join(_WORDS.findall(normalize(text)))


def iter_ant(limit: int) -> Iterator[RawDocument]:
    with tarfile.open(SHARED / "data/ant/antcorpus_multisource_v2.1.tar.gz") as tar:
        n = 0
        for member in tar:
            handle = tar.extractfile(member) if member.isfile() else None
            if handle is None or not member.name.endswith(".txt") or n >= limit:
                continue
            doc = handle.read().decode("utf-8")
            f = {t: (m.group(1) if (m := p.search(doc)) else None) for t, p in _FIELD.items()}
            n += 1
            yield RawDocument(member.name, f["TEXT"] or "", "trec", f["TITLE"], f["SRC"], f["URL"])


def iter_snn(limit: int) -> Iterator[RawDocument]:
    n = 0
    for path in sorted((SHARED / "data/saudinewsnet").glob("*.zip")):
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                for i, item in enumerate(json.loads(z.read(name))):
                    if n >= limit:
                        return
                    n += 1
                    yield RawDocument(
                        f"{path.name}#{i}",
                        item.get("content") or "",
                        "json",
                        item.get("title"),
                        item.get("source"),
                        item.get("url"),
                    )


def quality(docs: list[RawDocument], cleaned: list[list[Article]]) -> dict[str, float]:
    """Residue, prose kept, splits and emptied documents of one cleaning run (see above).

    ``cleaned[i]`` is what ``clean(docs[i])`` gave. The cleaner's quality gates
    (tests/clean/test_clean_quality.py) hold its results to the figures measured here.
    """
    residue = base_residue = prose = kept = splits = empty = articles = 0
    for raw, arts in zip(docs, cleaned, strict=True):
        base_residue += any(p in raw.text for p in RESIDUE)
        articles += len(arts)
        residue += sum(any(p in a.text for p in RESIDUE) for a in arts)
        splits += len(arts) > 1
        out = " ".join(words_key(a.text) for a in arts)
        long_lines = [
            line
            for line in raw.text.splitlines()
            if len(line.split()) >= PROSE_MIN_WORDS and not any(p in line for p in RESIDUE)
        ]
        prose += len(long_lines)
        kept += sum(words_key(_CREDIT.sub("", line)) in out for line in long_lines)
        empty += not arts and bool(long_lines)
    return {
        "docs": len(docs),
        "articles": articles,
        "residue": residue / max(articles, 1),
        "baseline_residue": base_residue / max(len(docs), 1),
        "kept": kept / max(prose, 1),
        "split": splits,
        "empty": empty,
    }


def measure(docs: list[RawDocument]) -> dict[str, float]:
    start, cpu_start = time.perf_counter(), time.process_time()
    cleaned = [clean(raw) for raw in docs]
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    return {
        **quality(docs, cleaned),
        "docs_per_s": len(docs) / seconds,
        "docs_per_cpu_s": len(docs) / cpu,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=10**9, help="items per corpus")
    args = parser.parse_args()
    if not (SHARED / "data").is_dir():
        print("../shared/data is not beside the checkout", file=sys.stderr)
        return 1
    for name, docs in (("ANT", iter_ant(args.limit)), ("SaudiNewsNet", iter_snn(args.limit))):
        r = measure(list(docs))
        print(
            f"{name:13s} docs={r['docs']:6d} articles={r['articles']:6d} "
            f"residue={r['residue']:.4%} (baseline {r['baseline_residue']:.4%}) "
            f"prose kept={r['kept']:.4%} (baseline 100%) split={r['split']} "
            f"empty_with_prose={r['empty']} speed={r['docs_per_s']:.0f} docs/s wall, "
            f"{r['docs_per_cpu_s']:.0f} docs/s CPU"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
