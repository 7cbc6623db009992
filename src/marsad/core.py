"""The orchestrator: calls the stages in their documented order (docs/architecture.md).

1. ``ingest.iter_inputs``      read files, folders, stdin, archives -> RawDocument | InputError
2. ``clean.clean``             scraped text -> clean Article(s); a glued-on article is split off
3. per-article stages          on each new Document, in this order:
   ``entities.recognize`` -> ``quotes.extract_quotes`` -> ``dates.extract_dates``
   -> ``claims.extract_claims`` (claims read the quotes, mentions and dates before them)
4. ``Store.add_documents``     in batches, one transaction each (a killed run keeps its batches)
5. corpus stages               over the whole store, once per run that added something:
   ``entities.propagate`` -> ``entities.link`` -> speaker/source entity ids
   -> ``stories.update_stories`` (with ``summarize.summarize`` / ``summarize.timeline``
   per story) -> search index
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from marsad import claims, clean, dates, entities, quotes, stories
from marsad.config import Settings
from marsad.errors import InputError
from marsad.ingest import iter_inputs
from marsad.model import Document, Entity, RawDocument, Story
from marsad.store import Store, open_store

log = logging.getLogger("marsad")

PerArticleStage = Callable[[Document], None]

#: The per-article stages in the order they run; each fills one field of the Document.
PER_ARTICLE_STAGES: tuple[PerArticleStage, ...] = (
    entities.recognize,
    quotes.extract_quotes,
    dates.extract_dates,
    claims.extract_claims,
)


@dataclass
class RunSummary:
    """What one run did; printed by the CLI and returned by the API."""

    items_read: int = 0
    articles_added: int = 0
    already_stored: int = 0
    split_off: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    errors: list[InputError] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def nothing_read(self) -> bool:
        return self.items_read == 0

    def lines(self) -> list[str]:
        out = [
            f"read {self.items_read} item(s): {self.articles_added} article(s) added "
            f"({self.split_off} split off a page), {self.already_stored} already stored, "
            f"{sum(self.skipped.values())} skipped in {self.seconds:.1f}s"
        ]
        out += [f"  skipped {n} x {reason}" for reason, n in sorted(self.skipped.items())]
        return out


def analyze_document(doc: Document) -> Document:
    """Run the per-article stages on one document, in order."""
    for stage in PER_ARTICLE_STAGES:
        stage(doc)
    return doc


def ingest_documents(
    store: Store,
    raws: Iterable[RawDocument | InputError],
    settings: Settings,
    *,
    on_error: Callable[[InputError], None] | None = None,
) -> RunSummary:
    """Clean, analyse and store every readable item; bad items are counted, never fatal."""
    started = time.perf_counter()
    summary = RunSummary()
    known = store.article_ids()
    batch: list[Document] = []

    def flush() -> None:
        if batch:
            result = store.add_documents(batch)
            summary.articles_added += result.added
            summary.already_stored += result.already_stored
            batch.clear()

    def skip(error: InputError) -> None:
        summary.skipped[error.reason] += 1
        summary.errors.append(error)
        if on_error:
            on_error(error)

    for raw in raws:
        if isinstance(raw, InputError):
            skip(raw)
            continue
        articles = clean.clean(raw)
        if not articles:
            skip(
                InputError(
                    raw.source,
                    "boilerplate",
                    "nothing but boilerplate (comment counters, share links, captions) is "
                    "left after cleaning: check that the item holds the article's body",
                )
            )
            continue
        summary.items_read += 1
        for article in articles:
            if article.id in known:
                summary.already_stored += 1
                continue
            known.add(article.id)
            if article.parent_id:
                summary.split_off += 1
            batch.append(analyze_document(Document(article)))
            if len(batch) >= settings.batch_size:
                flush()
    flush()
    summary.seconds = time.perf_counter() - started
    return summary


def update_corpus(store: Store, settings: Settings) -> tuple[list[Entity], list[Story]]:
    """Spread and re-link entity names and extend stories over everything stored."""
    docs = list(store.iter_documents())
    entities.propagate(docs)
    linked = entities.link(docs)
    _resolve_entity_refs(docs)
    store.save_analysis(docs)
    store.replace_entities(linked)
    current = stories.update_stories(docs, linked, store.all_stories())
    store.replace_stories(current)
    _refresh_search(store, docs)
    store.mark_corpus_fresh()
    return linked, current


def _resolve_entity_refs(docs: Sequence[Document]) -> None:
    """Point quotes and claims at the entities their speaker/source mentions were linked to."""
    for doc in docs:
        for q in doc.quotes:
            if q.speaker_mention is not None and q.speaker_mention < len(doc.mentions):
                q.speaker_entity_id = doc.mentions[q.speaker_mention].entity_id
        for c in doc.claims:
            if c.source_mention is not None and c.source_mention < len(doc.mentions):
                c.source_entity_id = doc.mentions[c.source_mention].entity_id


def _refresh_search(store: Store, docs: Sequence[Document]) -> None:
    """Index every stored article; unchanged ones are skipped by checksum, so this is cheap."""
    from marsad.search import search_index, supports_search

    if not supports_search(store):
        return
    search_index(store).index(d.article for d in docs)


def analyze(
    paths: Iterable[str | Path],
    settings: Settings | None = None,
    *,
    store: Store | None = None,
    on_error: Callable[[InputError], None] | None = None,
) -> RunSummary:
    """The main job: read ``paths`` into the store and bring corpus-level results up to date."""
    settings = settings or Settings()
    own_store = store is None
    st = store if store is not None else open_store(settings.db)
    try:
        summary = ingest_documents(
            st, iter_inputs(paths, settings.max_bytes), settings, on_error=on_error
        )
        if st.corpus_is_stale():
            started = time.perf_counter()
            update_corpus(st, settings)
            summary.seconds += time.perf_counter() - started
        return summary
    finally:
        if own_store:
            st.close()
