"""REST API throughput on loopback: uvicorn in a subprocess, a bounded number of requests
from a few client threads, only to 127.0.0.1.

Builds a store from SaudiNewsNet articles (text only, no analysis: this measures the API
layer, not the pipeline), then reports requests/s per endpoint with a static file as the
baseline (server overhead alone), and search latency through the API against the same
queries run in-process.

    python bench/api.py [--articles 5000] [--requests 400] [--threads 4]
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from marsad.model import Article, Document
from marsad.search import search_index
from marsad.store import open_store

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
QUERIES = [
    "الملك سلمان",
    "ولي العهد",
    "الرياض",
    "اليمن",
    "الحوثيين",
    '"وزارة الصحة"',
    "داعش",
    "أسعار النفط",
    "الهلال",
    "النصر",
    "كورونا",
    "مجلس الأمن",
    "إيران",
    "الاتفاق النووي",
    "التعليم",
    "جدة",
    "مكة المكرمة",
    "الحج",
    "الأمطار",
    "سوق الأسهم",
]


def build(path: Path, n: int) -> list[str]:
    docs = []
    for zpath in sorted((SHARED / "saudinewsnet").glob("*.zip")):
        with zipfile.ZipFile(zpath) as z:
            for name in z.namelist():
                for i, item in enumerate(json.loads(z.read(name))):
                    if item.get("content") and len(docs) < n:
                        docs.append(
                            Document(
                                Article(
                                    id=f"snn-{zpath.stem}-{i}",
                                    source=item.get("url") or name,
                                    text=item["content"],
                                    title=item.get("title"),
                                    outlet=item.get("source"),
                                    published=(item.get("date_extracted") or "")[:10] or None,
                                )
                            )
                        )
    with open_store(path) as store:
        store.add_documents(docs)
        search_index(store).index(d.article for d in docs)
    return [d.id for d in docs]


def serve(db: str, port: int) -> None:
    import uvicorn

    from marsad.config import Settings
    from marsad.web import create_web_app

    store = open_store(db)
    app = create_web_app(store, Settings(db=Path(db)), api_keys=[])
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def run(client: httpx.Client, urls: list[str], threads: int) -> tuple[float, list[float]]:
    def one(url: str) -> float:
        t = time.perf_counter()
        r = client.get(url)
        r.raise_for_status()
        return (time.perf_counter() - t) * 1000

    t = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        lat = list(pool.map(one, urls))
    return len(urls) / (time.perf_counter() - t), lat


def pct(xs: list[float]) -> str:
    s = sorted(xs)
    return f"p50 {statistics.median(s):.1f} ms, p95 {s[int(0.95 * (len(s) - 1))]:.1f} ms"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--requests", type=int, default=400, help="per endpoint")
    ap.add_argument("--threads", type=int, default=4)
    ap.add_argument("--serve", nargs=2, metavar=("DB", "PORT"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.serve:
        serve(args.serve[0], int(args.serve[1]))
        return
    if not SHARED.is_dir():
        raise SystemExit(f"{SHARED} not found: the benchmark reads ../shared/data")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        ids = build(db, args.articles)
        print(f"store: {len(ids)} SaudiNewsNet articles")
        port = free_port()
        server = subprocess.Popen([sys.executable, __file__, "--serve", str(db), str(port)])
        base = f"http://127.0.0.1:{port}"
        try:
            with httpx.Client(base_url=base, timeout=30) as client:
                for _ in range(200):
                    try:
                        client.get("/static/marsad.css")
                        break
                    except httpx.TransportError:
                        time.sleep(0.1)
                n = args.requests
                cases = {
                    "static css (baseline)": ["/static/marsad.css"] * n,
                    "GET /api/v1/articles?limit=20": [
                        f"/api/v1/articles?limit=20&offset={(i * 20) % 2000}" for i in range(n)
                    ],
                    "GET /api/v1/articles/{id}": [
                        f"/api/v1/articles/{ids[i * 7 % len(ids)]}" for i in range(n)
                    ],
                    "GET /api/v1/search": [
                        f"/api/v1/search?q={QUERIES[i % len(QUERIES)]}" for i in range(n)
                    ],
                    "GET /search (HTML page)": [
                        f"/search?q={QUERIES[i % len(QUERIES)]}" for i in range(n)
                    ],
                }
                for name, urls in cases.items():
                    rps, lat = run(client, urls, args.threads)
                    print(f"{name}: {rps:.0f} req/s with {args.threads} threads; {pct(lat)}")
                _, lat = run(client, [f"/api/v1/search?q={q}" for q in QUERIES * 3], 1)
                print(f"search through the API, one client: {pct(lat)}")
        finally:
            server.terminate()
            server.wait(timeout=10)
        with open_store(db) as store:
            index = search_index(store)
            direct = []
            for q in QUERIES * 3:
                t = time.perf_counter()
                index.search(q)
                direct.append((time.perf_counter() - t) * 1000)
        print(f"same searches in-process (baseline): {pct(direct)}")


if __name__ == "__main__":
    main()
