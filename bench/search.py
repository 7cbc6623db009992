"""Search benchmark on the real corpora in ../shared/data (ANT + SaudiNewsNet, ~62k articles).

Prints: indexing time, index size, p50/p95 query latency over ~50 real queries, and known-item
retrieval with misspelled/inflected/clitic-laden variants of the title words, each against a
baseline in the same run (unstemmed FTS5 on the raw text, and a LIKE scan). Then replicates
the corpus (same texts, new ids and outlets) to --scale articles and measures again.

    python bench/search.py [--limit N] [--scale 250000] [--db /tmp/marsad-search-bench.db]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sqlite3
import statistics
import tarfile
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

from marsad.model import Article
from marsad.search import SearchIndex, terms

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"

QUERIES = [
    "ترامب",
    "بوتين",
    "محمد بن سلمان",
    "أردوغان",
    "الملك سلمان",
    "ميركل",
    "ماكرون",
    "نتنياهو",
    "الأسد",
    "حزب الله",
    "الحوثيين",
    "داعش",
    "الرياض",
    "دمشق",
    "القدس",
    "غزة",
    "طهران",
    "القاهرة",
    "بغداد",
    "الموصل",
    "اليمن",
    "ليبيا",
    "تونس",
    "قطر",
    "موسكو",
    '"مجلس الأمن"',
    '"الأمم المتحدة"',
    '"كأس العالم"',
    '"الاتحاد الأوروبي"',
    '"البيت الأبيض"',
    '"وزير الخارجية"',
    '"ولي العهد"',
    '"أسعار النفط"',
    "الانتخابات الرئاسية",
    "اللاجئين السوريين",
    "الهجوم الكيميائي",
    "العقوبات الأمريكية",
    "الاتفاق النووي",
    "صفقة القرن",
    "ارتفاع الأسعار",
    "كرة القدم",
    "الدوري الإسباني",
    "ريال مدريد",
    "برشلونة",
    "محمد صلاح",
    "فيروس كورونا",
    "الطاقة الشمسية",
    "الأمن السعودي",
    "هيئة الأمر بالمعروف",
    "وزارة الصحة",
]

_TAG = re.compile(r"<(URL|SRC|TITLE|TIME|TEXT)>\s*(.*?)\s*</\1>", re.S)


def load_ant(path: Path) -> Iterator[Article]:
    with tarfile.open(path) as tar:
        for member in tar:
            if not member.isfile() or not member.name.endswith(".txt"):
                continue
            f = tar.extractfile(member)
            if f is None:
                continue
            fields = dict(_TAG.findall(f.read().decode("utf-8", "replace")))
            if fields.get("TEXT"):
                yield Article(
                    id="ant:" + Path(member.name).stem,
                    source=member.name,
                    text=fields["TEXT"],
                    title=fields.get("TITLE"),
                    outlet=fields.get("SRC"),
                    published=None,
                    url=fields.get("URL"),
                )


def load_saudinewsnet(folder: Path) -> Iterator[Article]:
    for zpath in sorted(folder.glob("*.zip")):
        with zipfile.ZipFile(zpath) as z:
            for name in z.namelist():
                for n, item in enumerate(json.loads(z.read(name))):
                    if item.get("content"):
                        yield Article(
                            id=f"snn:{zpath.stem}:{n}",
                            source=item.get("url") or name,
                            text=item["content"],
                            title=item.get("title"),
                            outlet=item.get("source"),
                            published=(item.get("date_extracted") or "")[:10] or None,
                        )


def load_all(limit: int | None) -> list[Article]:
    out: list[Article] = []
    for it in (
        load_ant(SHARED / "ant" / "antcorpus_multisource_v2.1.tar.gz"),
        load_saudinewsnet(SHARED / "saudinewsnet"),
    ):
        for a in it:
            out.append(a)
            if limit and len(out) >= limit:
                return out
    return out


def percentiles(samples: list[float]) -> tuple[float, float]:
    s = sorted(samples)
    return statistics.median(s), s[min(len(s) - 1, round(0.95 * (len(s) - 1)))]


def timed(fn: Callable[[str], object], queries: list[str], repeat: int = 3) -> list[float]:
    for q in queries:  # warm the page cache once
        fn(q)
    out = []
    for _ in range(repeat):
        for q in queries:
            t = time.perf_counter()
            fn(q)
            out.append((time.perf_counter() - t) * 1000)
    return out


def table_bytes(conn: sqlite3.Connection, prefixes: tuple[str, ...]) -> int:
    try:
        rows = conn.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name").fetchall()
    except sqlite3.OperationalError:
        return -1
    return sum(int(n) for name, n in rows if name.startswith(prefixes))


def build_baseline(conn: sqlite3.Connection, articles: list[Article]) -> None:
    conn.executescript(
        "DROP TABLE IF EXISTS raw_articles; DROP TABLE IF EXISTS raw_fts;"
        "CREATE TABLE raw_articles (rowid INTEGER PRIMARY KEY, id TEXT, title TEXT, text TEXT);"
        "CREATE VIRTUAL TABLE raw_fts USING fts5(title, text, content='raw_articles', "
        "tokenize='unicode61 remove_diacritics 2');"
    )
    with conn:
        conn.executemany(
            "INSERT INTO raw_articles (id, title, text) VALUES (?, ?, ?)",
            ((a.id, a.title or "", a.text) for a in articles),
        )
        conn.execute("INSERT INTO raw_fts (raw_fts) VALUES ('rebuild')")


def baseline_query(conn: sqlite3.Connection, query: str, limit: int = 20) -> list[str]:
    words = re.findall(r'"[^"]*"|\S+', query)
    fts = " AND ".join('"' + w.strip('"').replace('"', "") + '"' for w in words)
    rows = conn.execute(
        "SELECT a.id FROM raw_fts JOIN raw_articles a ON a.rowid = raw_fts.rowid "
        "WHERE raw_fts MATCH ? ORDER BY bm25(raw_fts, 2.0, 1.0) LIMIT ?",
        (fts, limit),
    ).fetchall()
    return [r[0] for r in rows]


def like_query(conn: sqlite3.Connection, query: str, limit: int = 20) -> list[str]:
    words = [w.strip('"') for w in re.findall(r'"[^"]*"|\S+', query)]
    where = " AND ".join("(title LIKE ? OR text LIKE ?)" for _ in words)
    params = [p for w in words for p in (f"%{w}%", f"%{w}%")]
    return [
        r[0]
        for r in conn.execute(
            f"SELECT id FROM raw_articles WHERE {where} LIMIT ?", [*params, limit]
        )
    ]


# Spelling variation a reader or another outlet produces: hamza-less alef, ha for ta
# marbuta, ya for alef maqsura, and a clitic added or the article dropped.
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي"})


def variant(word: str, rng: random.Random) -> str:
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


def known_items(articles: list[Article], n: int, seed: int = 7) -> list[tuple[str, str, str]]:
    """(article id, exact title query, variant title query) for ``n`` articles with titles."""
    rng = random.Random(seed)
    out = []
    for a in rng.sample(articles, min(len(articles), n * 3)):
        words = [w for w in re.findall(r"[\u0621-\u064a]{4,}", a.title or "")][:4]
        if len(words) >= 3:
            out.append((a.id, " ".join(words), " ".join(variant(w, rng) for w in words)))
        if len(out) >= n:
            break
    return out


def success_at(
    results: Callable[[str], list[str]], items: list[tuple[str, str, str]], which: int, k: int = 10
) -> float:
    hits = sum(aid in results(item[which])[:k] for item in items for aid in [item[0]])
    return hits / len(items)


def measure_at_scale(conn: sqlite3.Connection, index: SearchIndex) -> None:
    size = len(index)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    mib = os.path.getsize(conn.execute("PRAGMA database_list").fetchone()[2]) / 2**20
    lat = timed(lambda q: index.search(q, limit=20), QUERIES, repeat=2)
    p50, p95 = percentiles(lat)
    outlet = conn.execute("SELECT outlet FROM search_docs WHERE rowid = 1").fetchone()[0]
    flat = timed(lambda q: index.search(q, limit=20, outlet=outlet), QUERIES[:20], repeat=1)
    f50, f95 = percentiles(flat)
    print(
        f"at {size} articles: db file {mib:.0f} MiB ({mib * 1024 / size:.1f} KiB/article); "
        f"search p50 {p50:.1f} ms, p95 {p95:.1f} ms; with an outlet filter "
        f"p50 {f50:.1f} ms, p95 {f95:.1f} ms",
        flush=True,
    )


def replicate(conn: sqlite3.Connection, index: SearchIndex, total: int) -> None:
    """Copy the indexed corpus (new ids, outlets ``<outlet>-<n>``) until ``total`` articles,
    measuring size and latency at checkpoints on the way and at the end.

    Copies go through SQL (the stored term streams), so this measures the FTS5 index at
    scale, not re-tokenizing the same texts; indexing speed is measured on the real corpus.
    """
    base = conn.execute(
        "SELECT COUNT(*) FROM search_docs WHERE article_id NOT LIKE '%#r%'"
    ).fetchone()[0]
    checkpoints = [c for c in (250_000, 500_000) if len(index) < c < total]
    while len(index) < total:
        copy = len(index) // base
        n = min(base, total - len(index))
        shift = copy * base
        t = time.perf_counter()
        with conn:
            conn.execute(
                "INSERT INTO search_docs (rowid, article_id, outlet, published, title, body, "
                "offsets, checksum) SELECT rowid + ?, article_id || '#r' || ?, "
                "outlet || '-' || ?, published, title, body, offsets, checksum "
                "FROM search_docs WHERE rowid <= ?",
                (shift, copy, copy, n),
            )
            conn.execute(
                "INSERT INTO search_fts (rowid, title, body) "
                "SELECT rowid + ?, title, body FROM search_fts WHERE rowid <= ?",
                (shift, n),
            )
        print(
            f"  copy {copy}: {len(index)} articles, +{n} at {n / (time.perf_counter() - t):.0f}/s",
            flush=True,
        )
        if checkpoints and len(index) >= checkpoints[0]:
            checkpoints.pop(0)
            measure_at_scale(conn, index)
    measure_at_scale(conn, index)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="use only the first N articles")
    ap.add_argument("--scale", type=int, default=0, help="also measure at this many articles")
    ap.add_argument("--db", default="/tmp/marsad-search-bench.db")
    ap.add_argument("--known", type=int, default=300, help="known-item queries")
    ap.add_argument(
        "--scale-only",
        action="store_true",
        help="skip the corpus run: scale the index already in --db",
    )
    args = ap.parse_args()
    if args.scale_only:
        conn = sqlite3.connect(args.db)
        conn.executescript("DROP TABLE IF EXISTS raw_fts; DROP TABLE IF EXISTS raw_articles;")
        index = SearchIndex(conn)
        print(f"scaling the index in {args.db} ({len(index)} articles) to {args.scale}")
        replicate(conn, index, args.scale)
        return
    if not SHARED.is_dir():
        raise SystemExit(f"{SHARED} not found: the benchmark reads ../shared/data")

    t = time.perf_counter()
    articles = load_all(args.limit)
    chars = sum(len(a.text) for a in articles)
    print(
        f"loaded {len(articles)} articles ({chars / 1e6:.1f} M chars) "
        f"in {time.perf_counter() - t:.1f}s"
    )

    for suffix in ("", "-wal", "-shm"):
        Path(args.db + suffix).unlink(missing_ok=True)
    conn = sqlite3.connect(args.db)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    index = SearchIndex(conn)
    index.ensure_schema()
    t, cpu = time.perf_counter(), time.process_time()
    index.index(articles)
    took, cpu = time.perf_counter() - t, time.process_time() - cpu
    print(
        f"marsad index: {len(articles) / took:.0f} articles/s ({took:.1f}s wall, "
        f"{cpu:.1f}s CPU: {len(articles) / cpu:.0f} articles per CPU-second)"
    )
    t = time.perf_counter()
    again = index.index(articles)
    print(f"re-index unchanged: {again} written in {time.perf_counter() - t:.1f}s")
    t = time.perf_counter()
    build_baseline(conn, articles)
    print(f"baseline (raw FTS5 + raw text table) built in {time.perf_counter() - t:.1f}s")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    mine = table_bytes(conn, ("search_",))
    raw_fts = table_bytes(conn, ("raw_fts",))
    raw_text = table_bytes(conn, ("raw_articles",))
    print(
        f"index size: marsad {mine / 2**20:.0f} MiB (terms + FTS + zlib originals); "
        f"baseline FTS5 {raw_fts / 2**20:.0f} MiB + raw text {raw_text / 2**20:.0f} MiB; "
        f"file {os.path.getsize(args.db) / 2**20:.0f} MiB"
    )

    lat = timed(lambda q: index.search(q, limit=20), QUERIES)
    p50, p95 = percentiles(lat)
    print(
        f"marsad search ({len(QUERIES)} queries x3, 20 hits + snippets + total): "
        f"p50 {p50:.1f} ms, p95 {p95:.1f} ms"
    )
    base = timed(lambda q: baseline_query(conn, q), QUERIES)
    b50, b95 = percentiles(base)
    print(f"baseline raw FTS5 (ids only): p50 {b50:.1f} ms, p95 {b95:.1f} ms")
    like = timed(lambda q: like_query(conn, q), QUERIES[:10], repeat=1)
    l50, l95 = percentiles(like)
    print(f"baseline LIKE scan (10 queries): p50 {l50:.1f} ms, p95 {l95:.1f} ms")
    found = [index.search(q, limit=1).total for q in QUERIES]
    raw_found = [len(baseline_query(conn, q, limit=100000)) for q in QUERIES]
    print(
        f"matches per query: marsad median {statistics.median(found):.0f}, "
        f"raw FTS5 median {statistics.median(raw_found):.0f}; "
        f"queries with no match: marsad {found.count(0)}, raw {raw_found.count(0)}"
    )

    items = known_items(articles, args.known)

    def ours(q: str) -> list[str]:
        return [h.article_id for h in index.search(q, limit=10).items]

    def raw(q: str) -> list[str]:
        return baseline_query(conn, q, limit=10)

    print(f"known-item success@10 over {len(items)} title queries (exact / variant spelling):")
    print(f"  marsad   {success_at(ours, items, 1):.3f} / {success_at(ours, items, 2):.3f}")
    print(f"  raw FTS5 {success_at(raw, items, 1):.3f} / {success_at(raw, items, 2):.3f}")
    unique = len({t for a in articles[:5000] for t in terms(a.text)})
    print(f"distinct index terms in the first 5000 articles: {unique}")

    if args.scale:
        conn.executescript("DROP TABLE raw_fts; DROP TABLE raw_articles;")
        replicate(conn, index, args.scale)
    conn.close()


if __name__ == "__main__":
    main()
