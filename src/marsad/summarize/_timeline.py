"""A story's timeline: dated events from its articles, merged across articles."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from marsad.model import DateRef, Document, Story, TimelineEntry
from marsad.summarize.terms import content_terms, jaccard
from marsad.text import normalize, split_sentences

# Two reports of the same date describe the same event when this share of their content
# stems match: outlets reword an event ("وصل أوستن إلى كييف" / "زيارة أوستن لكييف") but keep
# its names and key noun.
EVENT_SIMILARITY_MIN = 0.3
# An event without its own clause falls back to its sentence, cut to this many words.
MAX_EVENT_WORDS = 30


@dataclass
class _Entry:
    date: str
    text: str
    terms: frozenset[str]
    article_ids: list[str] = field(default_factory=list)


def _event_text(doc: Document, ref: DateRef) -> str:
    """The event clause the dates stage found, or the sentence around the date."""
    if ref.event.strip():
        return " ".join(ref.event.split())
    text = doc.article.text
    for start, end in split_sentences(text):
        if start <= ref.start < end:
            return " ".join(text[start:end].split()[:MAX_EVENT_WORDS])
    return ref.expression.strip()


def _match(a: _Entry, text: str, terms: frozenset[str], article_id: str) -> float:
    """How surely ``text`` is ``a``'s event: 1 when one text holds the other, else, across
    articles, their stem overlap when it reaches EVENT_SIMILARITY_MIN; 0 when not the same.

    Within one article shared stems do not make one event: on the seeds "وحدات الدفاع
    الجوي تصدت لهجوم" (Kyiv) and "وحدات الدفاع الجوي الروسية دمرت 18 طائرة" (Moscow),
    both dated "اليوم", share a third of their stems.
    """
    na, nb = normalize(a.text), normalize(text)
    if na in nb or nb in na:
        return 1.0
    score = jaccard(a.terms, terms)
    return score if article_id not in a.article_ids and score >= EVENT_SIMILARITY_MIN else 0.0


def timeline(story: Story, docs: Sequence[Document]) -> list[TimelineEntry]:
    """Entries by date; several articles dating the same event make one entry citing all,
    the entry whose event matches best.

    The entry keeps the wording of the earliest article that reported the event.
    """
    members = set(story.article_ids)
    ordered = sorted(
        (d for d in docs if d.id in members), key=lambda d: (d.article.published or "", d.id)
    )
    entries: list[_Entry] = []
    for doc in ordered:
        for ref in sorted(doc.dates, key=lambda r: r.start):
            if not ref.value:
                continue
            text = _event_text(doc, ref)
            terms = frozenset(content_terms(text))
            scored = [(_match(e, text, terms, doc.id), e) for e in entries if e.date == ref.value]
            score, best = max(scored, key=lambda p: p[0], default=(0.0, None))
            same = best if score > 0 else None
            if same is None:
                entries.append(_Entry(ref.value, text, terms, [doc.id]))
            elif doc.id not in same.article_ids:
                same.article_ids.append(doc.id)
    entries.sort(key=lambda e: e.date)
    return [TimelineEntry(date=e.date, text=e.text, article_ids=e.article_ids) for e in entries]
