"""Quality gate on real news (ANT corpus in ../shared): known-item retrieval by title words,
spelled as written and with the spelling variation other outlets use."""

from __future__ import annotations

import random
import re
import sqlite3
from pathlib import Path

import pytest
from bench.search import load_ant, variant

from marsad.search import PostgresSearchIndex, SearchBackend, SearchIndex
from marsad.store import PostgresStore, open_store

# Articles indexed and title queries asked: enough for a stable rate, a few seconds to run.
N_ARTICLES = 2000
N_QUERIES = 200
# success@10 measured on this sample (exact 1.000, variants 0.985 on 2026-11-21), minus a
# small margin so that a stemming change that loses recall fails the gate.
MIN_EXACT = 0.97
MIN_VARIANT = 0.95


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_known_item_retrieval_on_ant(
    shared_dir: Path, backend: str, request: pytest.FixtureRequest
) -> None:
    articles = []
    for a in load_ant(shared_dir / "data" / "ant" / "antcorpus_multisource_v2.1.tar.gz"):
        if a.title:
            articles.append(a)
        if len(articles) >= N_ARTICLES:
            break
    index: SearchBackend
    if backend == "sqlite":
        index = SearchIndex(sqlite3.connect(":memory:"))
    else:
        store = open_store(request.getfixturevalue("postgres_url"))
        assert isinstance(store, PostgresStore)
        request.addfinalizer(store.close)
        index = PostgresSearchIndex(store)
    index.ensure_schema()
    index.index(articles)
    rng = random.Random(11)
    exact = varied = asked = 0
    for a in rng.sample(articles, len(articles)):
        words = re.findall(r"[\u0621-\u064a]{4,}", a.title or "")[:4]
        if len(words) < 3:
            continue
        asked += 1
        top = [h.article_id for h in index.search(" ".join(words), limit=10).items]
        exact += a.id in top
        query = " ".join(variant(w, rng) for w in words)
        varied += a.id in [h.article_id for h in index.search(query, limit=10).items]
        if asked >= N_QUERIES:
            break
    assert asked == N_QUERIES
    print(f"{backend}: success@10 exact {exact / asked:.3f} variant {varied / asked:.3f}")
    assert exact / asked >= MIN_EXACT
    assert varied / asked >= MIN_VARIANT
