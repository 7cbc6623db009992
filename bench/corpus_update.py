"""Time of the corpus stages (core.update_corpus) as a store grows, stage by stage.

Every run that adds articles re-runs the corpus stages over the whole store (propagation,
linking, stories with their summaries, search indexing), so their cost per run grows with
the store. This reads the first DAYS SaudiNewsNet days (../shared/data, never copied) into
a store once (kept with --db, so a second run skips it), then times each corpus stage on the
first half of the stored articles and on all of them: the half is the baseline a linear
stage should take twice as long as.

    python bench/corpus_update.py [--days 5] [--db /tmp/marsad-corpus.db]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from marsad import entities, stories
from marsad.config import Settings
from marsad.core import _resolve_entity_refs, analyze
from marsad.model import Document, Entity
from marsad.store import open_store

ROOT = Path(__file__).resolve().parent.parent
SNN = ROOT.parent / "shared" / "data" / "saudinewsnet"


def timed(label: str, fn: Callable[[], object], row: dict[str, float]) -> object:
    start = time.perf_counter()
    out = fn()
    row[label] = time.perf_counter() - start
    return out


def corpus_stages(docs: Sequence[Document]) -> dict[str, float]:
    """The corpus stages of core.update_corpus on ``docs`` (in memory, nothing stored)."""
    row: dict[str, float] = {}
    timed("propagate", lambda: entities.propagate(docs), row)
    linked = timed("link", lambda: entities.link(docs), row)
    assert isinstance(linked, list)
    _resolve_entity_refs(docs)
    entity_list: list[Entity] = linked
    timed("stories", lambda: stories.update_stories(docs, entity_list), row)
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--days", type=int, default=5)
    parser.add_argument("--db", type=Path, default=Path("/tmp/marsad-corpus-bench.db"))
    args = parser.parse_args()
    days = sorted(SNN.glob("*.zip"))[: args.days]
    if not days:
        sys.exit(f"{SNN} not found: clone the shared data beside the project")
    if not args.db.exists():
        start = time.perf_counter()
        summary = analyze(days, Settings(db=args.db))
        print(
            f"built {args.db}: {summary.articles_added} articles in "
            f"{time.perf_counter() - start:.0f} s (per-article stages + one corpus update)"
        )
    with open_store(args.db) as store:
        docs = list(store.iter_documents())
    print("articles   propagate   link   stories (clusters, summaries, comparisons)   total")
    for n in (len(docs) // 2, len(docs)):
        row = corpus_stages(docs[:n])
        total = sum(row.values())
        print(
            f"{n:8d}   {row['propagate']:8.1f}s {row['link']:6.1f}s {row['stories']:8.1f}s"
            f"{'':36s}{total:6.1f}s"
        )


if __name__ == "__main__":
    main()
