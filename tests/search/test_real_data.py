"""Quality gate on real news (ANT corpus in ../shared): known-item retrieval by title words,
spelled as written and with the spelling variation other outlets use."""

from __future__ import annotations

import random
import re
import sqlite3
import tarfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from marsad.model import Article
from marsad.search import SearchIndex

# Articles indexed and title queries asked: enough for a stable rate, a few seconds to run.
N_ARTICLES = 2000
N_QUERIES = 200
# success@10 measured on this sample (exact 1.000, variants 0.985 on 2026-11-21), minus a
# small margin so that a stemming change that loses recall fails the gate.
MIN_EXACT = 0.97
MIN_VARIANT = 0.95

_TAG = re.compile(r"<(TITLE|TEXT|SRC)>\s*(.*?)\s*</\1>", re.S)
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي"})


def _ant(shared: Path) -> Iterator[Article]:
    with tarfile.open(shared / "data" / "ant" / "antcorpus_multisource_v2.1.tar.gz") as tar:
        for member in tar:
            f = tar.extractfile(member) if member.name.endswith(".txt") else None
            if f is None:
                continue
            fields = dict(_TAG.findall(f.read().decode("utf-8", "replace")))
            if fields.get("TEXT") and fields.get("TITLE"):
                yield Article(
                    id=member.name,
                    source=member.name,
                    title=fields["TITLE"],
                    text=fields["TEXT"],
                    outlet=fields.get("SRC"),
                )


def _variant(word: str, rng: random.Random) -> str:
    """The same word as another outlet may write it, with a clitic or article changed.

    Hamza-less alef, ha for ta marbuta, ya for alef maqsura; "الX" becomes X, بالX, والX or
    للX; a bare word gets و, ب or ل. Words that already carry a one-letter proclitic are only
    refolded, since stacking another would make forms no one writes.
    """
    w = word.translate(_FOLD)
    if w.startswith("ال") and len(w) > 4:
        return rng.choice([w[2:], "ب" + w, "و" + w, "لل" + w[2:]])
    if w[0] in "وبلفك":
        return w
    return rng.choice(["و" + w, "ب" + w, "ل" + w])


@pytest.mark.slow
def test_known_item_retrieval_on_ant(shared_dir: Path) -> None:
    articles = []
    for a in _ant(shared_dir):
        articles.append(a)
        if len(articles) >= N_ARTICLES:
            break
    conn = sqlite3.connect(":memory:")
    index = SearchIndex(conn)
    index.ensure_schema()
    index.index(articles)
    rng = random.Random(11)
    exact = variant = asked = 0
    for a in rng.sample(articles, len(articles)):
        words = re.findall(r"[\u0621-\u064a]{4,}", a.title or "")[:4]
        if len(words) < 3:
            continue
        asked += 1
        top = [h.article_id for h in index.search(" ".join(words), limit=10).items]
        exact += a.id in top
        query = " ".join(_variant(w, rng) for w in words)
        variant += a.id in [h.article_id for h in index.search(query, limit=10).items]
        if asked >= N_QUERIES:
            break
    assert asked == N_QUERIES
    print(f"success@10 exact {exact / asked:.3f} variant {variant / asked:.3f}")
    assert exact / asked >= MIN_EXACT
    assert variant / asked >= MIN_VARIANT
