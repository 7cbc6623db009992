"""Word clusters for the NER tagger, learned from unlabelled news (the ANT corpus).

Distributional clusters let the CRF generalise from names it saw in ANERcorp to names it
never saw but that occur in the same contexts in 31k news articles. Method (numpy/scipy
only, a few minutes on 2 cores): positive PMI of left/right neighbour counts, truncated SVD,
then k-means at several granularities. Output: ``word<TAB>count<TAB>c1<TAB>c2<TAB>c3``.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import sparse
from scipy.sparse.linalg import svds

from marsad.text import normalize

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT / "build" / "ner" / "corpus.txt"
DEFAULT_OUT = ROOT / "build" / "ner" / "clusters.tsv"

# The 60k most frequent forms: keeps the shipped table at ~1.6 MB.
VOCAB_SIZE = 60_000
# Context = the 2,000 most frequent words, at offsets -2, -1, +1, +2.
CONTEXT_SIZE = 2_000
OFFSETS = (-2, -1, 1, 2)
SVD_DIM = 100
# Three granularities, coarse to fine, as in Brown-cluster path prefixes.
GRANULARITIES = (64, 256, 1024)
KMEANS_ITERATIONS = 15
SEED = 13


def _read(path: Path, limit: int) -> list[list[str]]:
    lines: list[list[str]] = []
    folded: dict[str, str] = {}
    total = 0
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            words = []
            for w in line.split():
                if w not in folded:
                    folded[w] = normalize(w)
                words.append(folded[w])
            lines.append(words)
            total += len(words)
            if total >= limit:
                break
    return lines


def _cooccurrence(
    lines: list[list[str]], vocab: dict[str, int], context: dict[str, int]
) -> sparse.csr_matrix:
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    for words in lines:
        ids = np.array([vocab.get(w, -1) for w in words], dtype=np.int64)
        ctx = np.array([context.get(w, -1) for w in words], dtype=np.int64)
        n = len(words)
        for k, off in enumerate(OFFSETS):
            if n <= abs(off):
                continue
            if off > 0:
                a, b = ids[:-off], ctx[off:]
            else:
                a, b = ids[-off:], ctx[:off]
            keep = (a >= 0) & (b >= 0)
            rows.append(a[keep])
            cols.append(b[keep] + k * len(context))
    r = np.concatenate(rows)
    c = np.concatenate(cols)
    data = np.ones(len(r), dtype=np.float32)
    shape = (len(vocab), len(context) * len(OFFSETS))
    return sparse.coo_matrix((data, (r, c)), shape=shape).tocsr()


def _ppmi(counts: sparse.csr_matrix) -> sparse.csr_matrix:
    total = counts.sum()
    row = np.asarray(counts.sum(axis=1)).ravel() + 1e-9
    col = np.asarray(counts.sum(axis=0)).ravel() + 1e-9
    coo = counts.tocoo()
    pmi = np.log(coo.data * total / (row[coo.row] * col[coo.col]))
    keep = pmi > 0
    return sparse.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=counts.shape)


def _kmeans(x: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
    centres = x[rng.choice(len(x), size=k, replace=False)].copy()
    labels = np.zeros(len(x), dtype=np.int64)
    sq = (x * x).sum(axis=1)
    for _ in range(KMEANS_ITERATIONS):
        dist = sq[:, None] - 2 * x @ centres.T + (centres * centres).sum(axis=1)[None, :]
        labels = dist.argmin(axis=1)
        for j in range(k):
            members = x[labels == j]
            if len(members):
                centres[j] = members.mean(axis=0)
    return labels


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument(
        "--tokens", type=int, default=20_000_000, help="read at most this many corpus tokens"
    )
    args = parser.parse_args()
    lines = _read(args.corpus, args.tokens)
    freq = Counter(w for words in lines for w in words)
    ranked = [w for w, _ in freq.most_common()]
    vocab = {w: i for i, w in enumerate(ranked[:VOCAB_SIZE])}
    context = {w: i for i, w in enumerate(ranked[:CONTEXT_SIZE])}
    print(f"{sum(freq.values())} tokens, {len(freq)} types, vocab {len(vocab)}")
    ppmi = _ppmi(_cooccurrence(lines, vocab, context))
    u, s, _ = svds(ppmi.astype(np.float64), k=SVD_DIM, random_state=SEED)
    emb = (u * np.sqrt(s)).astype(np.float32)
    emb /= np.linalg.norm(emb, axis=1, keepdims=True) + 1e-9
    rng = np.random.default_rng(SEED)
    labels = [_kmeans(emb, k, rng) for k in GRANULARITIES]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as out:
        for word, i in vocab.items():
            ids = "\t".join(str(int(lab[i])) for lab in labels)
            out.write(f"{word}\t{freq[word]}\t{ids}\n")
    print(f"wrote {len(vocab)} words -> {args.out}")


if __name__ == "__main__":
    main()
