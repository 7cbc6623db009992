"""Multi-document extractive summary of a story: central, non-redundant, cited sentences.

Centrality is the cosine of a sentence's TF-IDF vector (light-stemmed content terms) with
the centroid of all candidate sentences of the story (the MEAD centroid method: linear in
the number of sentences, unlike LexRank's pairwise graph, so big stories stay cheap).
Selection is maximal marginal relevance with a hard redundancy cap, so two outlets'
versions of the same wire sentence never both appear.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from marsad.model import Document, Story, SummarySentence
from marsad.summarize.terms import Vector, centroid, content_terms, dot, idf_table, tfidf
from marsad.text import normalize, split_sentences

# Sentences outside this length are captions, datelines or run-on paragraphs without
# sentence punctuation; 8-60 words covers the lead sentences of the seed and ANT articles.
MIN_WORDS = 8
MAX_WORDS = 60
# Only the first sentences of each article compete: news puts the facts first, and the
# tail holds background, related links and boilerplate.
MAX_POSITION = 15
# A sentence mostly inside quotation marks is a quote fragment, not a statement of fact.
QUOTE_SHARE_MAX = 0.6
# Earlier sentences get up to this much extra weight, decaying with position.
POSITION_BONUS = 0.5
# Sentences naming an entity or carrying a figure state facts; a small boost prefers them.
FACT_BONUS = 0.15
# MMR trade-off between centrality and novelty (Carbonell & Goldstein's usual 0.7).
MMR_LAMBDA = 0.7
# Cosine above which a sentence repeats one already chosen and is never taken.
REDUNDANCY_MAX = 0.5

_QUOTED = re.compile(r"[\"«“”](.*?)[\"»”“]")


@dataclass
class _Candidate:
    text: str
    article_id: str
    order: tuple[str, str, int]
    position: int
    fact: bool
    vec: Vector = field(default_factory=dict)


def _quote_share(sentence: str) -> float:
    inside = sum(len(m.group(1)) for m in _QUOTED.finditer(sentence))
    return inside / max(1, len(sentence))


def _candidates(docs: Sequence[Document]) -> list[_Candidate]:
    """Usable sentences of the articles, earliest article first, each sentence once."""
    seen: set[str] = set()
    out: list[_Candidate] = []
    for doc in sorted(docs, key=lambda d: (d.article.published or "", d.id)):
        text = doc.article.text
        title = normalize(doc.article.title or "")
        for pos, (start, end) in enumerate(split_sentences(text)[:MAX_POSITION]):
            sentence = " ".join(text[start:end].split())
            n_words = len(sentence.split())
            norm = normalize(sentence)
            if not MIN_WORDS <= n_words <= MAX_WORDS or norm in seen or norm == title:
                continue
            if _quote_share(sentence) > QUOTE_SHARE_MAX:
                continue
            seen.add(norm)
            fact = any(start <= m.start < end for m in doc.mentions) or any(
                start <= c.start < end for c in doc.claims
            )
            order = (doc.article.published or "", doc.id, start)
            out.append(_Candidate(sentence, doc.id, order, pos, fact))
    return out


def summarize(
    story: Story, docs: Sequence[Document], max_sentences: int = 5
) -> list[SummarySentence]:
    """Up to ``max_sentences`` sentences of the story's articles, each citing its article.

    Sentences come out in reading order (article publication, then position), not in
    rank order, so the summary reads as a short account.
    """
    members = set(story.article_ids)
    cands = _candidates([d for d in docs if d.id in members])
    if not cands or max_sentences <= 0:
        return []
    term_lists = [content_terms(c.text) for c in cands]
    idf, unseen = idf_table(term_lists)
    for cand, terms in zip(cands, term_lists, strict=True):
        cand.vec = tfidf(terms, idf, unseen)
    middle = centroid(c.vec for c in cands)
    score = {
        id(c): dot(c.vec, middle)
        * (1 + POSITION_BONUS / (1 + c.position))
        * (1 + (FACT_BONUS if c.fact else 0.0))
        for c in cands
    }
    top = max(score.values()) or 1.0
    chosen: list[_Candidate] = []
    # max() keeps the first of equal scores, so ties go to the earlier sentence.
    pool = sorted((c for c in cands if c.vec), key=lambda c: c.order)
    while pool and len(chosen) < max_sentences:

        def mmr(c: _Candidate) -> float:
            overlap = max((dot(c.vec, s.vec) for s in chosen), default=0.0)
            return MMR_LAMBDA * score[id(c)] / top - (1 - MMR_LAMBDA) * overlap

        best = max(pool, key=mmr)
        pool.remove(best)
        if any(dot(best.vec, s.vec) >= REDUNDANCY_MAX for s in chosen):
            continue
        chosen.append(best)
    chosen.sort(key=lambda c: c.order)
    return [SummarySentence(text=c.text, article_id=c.article_id) for c in chosen]
