"""Background document frequencies for story clustering, from the ANT corpus.

    python scripts/stories_background.py [--out PATH] [--min-df N]

A pile of eight articles says nothing about which words are rare in news: every word the
five earthquake reports share gets the IDF of a stop word. The clusterer therefore adds
document frequencies counted over a large news corpus to its local ones. This script
counts them over the ANT corpus v2.1 (Chouigui et al.; citation licence) read straight from
../shared/data/ant with ``marsad.ingest.iter_inputs``, over exactly the terms the clusterer
compares (headline terms and lead terms, see ``marsad.stories.cluster.article_terms``), and
writes the table shipped as ``src/marsad/stories/data/background_df.tsv``.

Only ANT feeds it: SaudiNewsNet is CC BY-NC-SA and marked "never redistribute" in
../shared/README.md. The output is reproducible: the tarball is read in member order and
rows are sorted by (document frequency descending, term).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections import Counter
from pathlib import Path

from marsad.ingest import iter_inputs
from marsad.model import RawDocument
from marsad.stories.background import BACKGROUND_FILE
from marsad.stories.cluster import article_terms

ROOT = Path(__file__).resolve().parent.parent
ANT = ROOT.parent / "shared" / "data" / "ant" / "antcorpus_multisource_v2.1.tar.gz"
DEFAULT_OUT = ROOT / "src" / "marsad" / "stories" / "data" / BACKGROUND_FILE
# Terms seen in a single article (35k of 81k, mostly one-off names and typos) are left
# out: an unseen term gets nearly the same IDF. The rest, 46k terms, is 0.6 MB.
DEFAULT_MIN_DF = 2

HEADER = """\
# Document frequency of light-stemmed content terms (headline + lead, as compared by
# marsad.stories.cluster) over the ANT Corpus multi-source v2.1, Feb-Oct 2018: Sky News
# Arabia, Al Arabiya, France 24, BBC Arabic, CNN Arabic.
# Source: antcorpus_multisource_v2.1.tar.gz sha256 {sha}
# Cite: A. Chouigui, O. Ben Khiroun, B. Elayeb. "ANT Corpus: An Arabic News Text Collection
# for Textual Classification", AICCSA 2017; and "A TF-IDF and Co-occurrences Based Approach
# for Events Extraction from Arabic News Corpus", NLDB 2018.
# Built by scripts/stories_background.py; terms in fewer than {min_df} articles dropped.
# First row: the number of articles counted. Then term<TAB>articles, most frequent first.
"""


def count(path: Path) -> tuple[int, Counter[str]]:
    df: Counter[str] = Counter()
    n = 0
    for item in iter_inputs([path]):
        if not isinstance(item, RawDocument) or not item.text.strip():
            continue
        n += 1
        title, lead = article_terms(item.title, item.text)
        df.update(set(title) | set(lead))
    return n, df


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--min-df", type=int, default=DEFAULT_MIN_DF)
    args = parser.parse_args(argv)
    if not ANT.is_file():
        print(f"ANT corpus not found at {ANT}", file=sys.stderr)
        return 1
    sha = hashlib.sha256(ANT.read_bytes()).hexdigest()
    n, df = count(ANT)
    rows = sorted(((t, c) for t, c in df.items() if c >= args.min_df), key=lambda r: (-r[1], r[0]))
    with args.out.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write(HEADER.format(sha=sha, min_df=args.min_df))
        fh.write(f"__articles__\t{n}\n")
        fh.writelines(f"{t}\t{c}\n" for t, c in rows)
    size = args.out.stat().st_size
    print(f"{n} articles, {len(df)} terms, {len(rows)} kept (df >= {args.min_df}), {size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
