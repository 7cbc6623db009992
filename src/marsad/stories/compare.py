"""Cross-source comparison of the figures a story's articles report.

Claims about the same thing are worded differently from outlet to outlet ("جندي كوري
شمالي", "جنود كوريين شماليين", "عنصر من القوات الكورية الشمالية"). They are grouped on
the light stems of subject and unit, with broken plurals and near-synonyms folded into one
concept (``data/subject_concepts.tsv``), and each group becomes a :class:`Comparison`
ordered by date, so the movement of a figure over time and across sources is visible.

Conflict semantics: every claim stands for the interval of values it allows, given its
qualifier: ``exact`` a narrow band for rounding (:data:`EXACT_TOLERANCE`), ``approx`` a
wider one (:data:`APPROX_TOLERANCE`), ``more_than`` / ``at_least`` everything above,
``less_than`` / ``up_to`` everything below. A comparison is in conflict when no single
value satisfies every claim: "أكثر من 7000" and "10000" agree, "1500" and "12000" do not.
A figure revised over time (3000 on Monday, 10000 on Friday) therefore shows as a
conflict too: the values are listed by date so a reader can tell revision from dispute.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from functools import cache
from typing import Any

from marsad._tables import data_text
from marsad.model import Claim, Comparison, Document
from marsad.summarize.terms import content_terms, jaccard
from marsad.text import light_stem, normalize

# Two subjects name the same thing when half of their concept-folded stems are shared:
# "جندي كوري شمالي" and "عنصر من القوات الكورية الشمالية" share all three concepts, while
# "جندي روسي" and "جندي كوري" share one of three (0.33) and stay apart. A bare head
# ("جندي", "الجنود") inside a story is the story's soldiers: a subject whose terms are all
# inside the other's counts as the same (similarity 1).
SUBJECT_SIMILARITY_MIN = 0.5
# An exact figure still allows for rounding in reporting (10 آلاف for 10,200).
EXACT_TOLERANCE = 0.05
# "نحو"/"حوالي" figures: newsroom rounding of estimates is rarely off by more than a fifth.
APPROX_TOLERANCE = 0.2
# A comparison needs a figure reported twice, in two articles or by two sources; a single
# report has nothing to be compared with.
MIN_CLAIMS = 2
MIN_REPORTERS = 2


@cache
def _concepts() -> dict[str, str]:
    """Light stem -> concept name."""
    text = data_text("marsad.stories", "subject_concepts.tsv")
    out: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        concept, words = line.split("\t", 1)
        for word in words.split():
            out[light_stem(normalize(word))] = "@" + concept
    return out


def subject_terms(claim: Claim) -> frozenset[str]:
    """Concept-folded stems of what the figure counts (subject and unit together)."""
    concepts = _concepts()
    text = f"{claim.subject} {claim.unit or ''}"
    return frozenset(concepts.get(t, t) for t in content_terms(text, numbers=False))


def _unit_key(unit: str | None) -> str | None:
    if not unit or not unit.strip():
        return None
    terms = content_terms(unit, numbers=False)
    concepts = _concepts()
    return " ".join(concepts.get(t, t) for t in terms) or normalize(unit)


def _keys_agree(ka: str | None, kb: str | None) -> bool:
    return ka is None or kb is None or ka == kb


def interval(claim: Claim) -> tuple[float, float]:
    """The range of true values the claim allows, given its qualifier."""
    v = claim.value
    q = claim.qualifier
    if q == "exact":
        return v * (1 - EXACT_TOLERANCE), v * (1 + EXACT_TOLERANCE)
    if q == "approx":
        return v * (1 - APPROX_TOLERANCE), v * (1 + APPROX_TOLERANCE)
    if q in ("more_than", "at_least"):
        return v, math.inf
    return 0.0, v


def in_conflict(claims: Sequence[Claim]) -> bool:
    """True when no single value satisfies every claim's interval."""
    lows, highs = zip(*(interval(c) for c in claims), strict=True)
    return max(lows) > min(highs)


def subject_similarity(a: frozenset[str], b: frozenset[str]) -> float:
    if a and b and (a <= b or b <= a):
        return 1.0
    return jaccard(a, b)


def _group(claims: Sequence[Claim]) -> list[list[Claim]]:
    """Single-link groups of claims about the same subject, in input order."""
    terms = {c.id: subject_terms(c) for c in claims}
    units = {c.id: _unit_key(c.unit) for c in claims}
    groups: list[list[Claim]] = []
    for claim in claims:
        best, best_sim = None, SUBJECT_SIMILARITY_MIN
        for g in groups:
            sim = max(
                (
                    subject_similarity(terms[claim.id], terms[o.id])
                    for o in g
                    if _keys_agree(units[claim.id], units[o.id])
                ),
                default=0.0,
            )
            if sim >= best_sim:
                best, best_sim = g, sim
        if best is None:
            groups.append([claim])
        else:
            best.append(claim)
    return groups


def compare_claims(docs: Sequence[Document]) -> list[Comparison]:
    """Comparisons of the figures reported at least twice across ``docs``, by first date."""
    articles = {d.id: d.article for d in docs}
    claims = [c for d in docs for c in d.claims if c.subject.strip()]

    def when(c: Claim) -> str:
        return c.date or articles[c.article_id].published or ""

    claims.sort(key=lambda c: (when(c), c.article_id, c.start, c.id))
    out: list[Comparison] = []
    for group in _group(claims):
        reporters = {c.source_entity_id or c.source or c.article_id for c in group}
        if len(group) < MIN_CLAIMS or (
            len({c.article_id for c in group}) < MIN_REPORTERS and len(reporters) < MIN_REPORTERS
        ):
            continue
        values: list[dict[str, Any]] = [
            {
                "value": c.value,
                "unit": c.unit,
                "qualifier": c.qualifier,
                "source": c.source,
                "source_entity_id": c.source_entity_id,
                "outlet": articles[c.article_id].outlet,
                "article_id": c.article_id,
                "date": when(c) or None,
                "claim_id": c.id,
            }
            for c in group
        ]
        subjects = Counter(c.subject.strip() for c in group)
        subject = min(subjects, key=lambda s: (-subjects[s], len(s), s))
        sources = list(dict.fromkeys(c.source for c in group if c.source))
        dates = [v["date"] for v in values if v["date"]]
        out.append(
            Comparison(
                subject=subject,
                claim_ids=[c.id for c in group],
                values=values,
                sources=sources,
                conflict=in_conflict(group),
                first_seen=min(dates) if dates else None,
                last_seen=max(dates) if dates else None,
            )
        )
    return out
