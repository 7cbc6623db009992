"""Exact and near-duplicate articles, and wire paragraphs reused across articles.

Syndicated wire copy (SPA, AFP, Reuters) is republished by many outlets with a new
headline, a byline or a trimmed last paragraph. MinHash LSH over word shingles of the
normalised body finds candidate pairs without comparing every pair; each candidate is then
verified on the exact shingle sets, so LSH noise never merges two articles.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections import defaultdict
from collections.abc import Sequence
from typing import NamedTuple

from datasketch import MinHash, MinHashLSH

from marsad._unionfind import UnionFind
from marsad.model import Document
from marsad.summarize.terms import words as _words

# Word trigrams: long enough that two unrelated articles share almost none, short enough
# that a light edit (one changed word) spoils only three shingles.
SHINGLE_WORDS = 3
# 128 permutations keep the Jaccard estimate within about +-0.09 (1/sqrt(128)), enough
# for candidate generation; the decision itself is made on exact sets.
NUM_PERM = 128
# Candidate threshold, under the verified one so that estimate noise and trimmed copies
# (a short version contained in a long one has a low Jaccard) still reach verification.
LSH_THRESHOLD = 0.3
# Verified thresholds, chosen on 56 SaudiNewsNet candidate pairs (2015-07-23/24) sampled
# across Jaccard bands and labelled by hand (bench/data/stories_gold_dups.jsonl): Jaccard
# 0.45 or containment 0.9 gave P = R = 0.86 there, the best balance of the grid tried
# (Jaccard 0.4-0.55 x containment 0.75-0.9). Same-event rewrites by different desks sit
# at 0.2-0.45; copies of one wire release mostly above 0.45.
JACCARD_MIN = 0.45
# A copy that drops paragraphs keeps almost all of the shorter text inside the longer;
# below a fifth of the size the short one is a brief quoted inside a roundup (that is a
# shared paragraph, see :func:`shared_paragraphs`), not a copy.
CONTAINMENT_MIN = 0.9
SIZE_RATIO_MIN = 0.2
# Articles with fewer shingles than this (photo captions, one-line briefs) are too short
# for the estimate to mean anything; they are only matched when their text is identical.
MIN_SHINGLES = 8
# A paragraph must have this many words to count as reused: shorter ones are datelines,
# bylines and stock phrases ("والله ولي التوفيق") shared by unrelated articles.
MIN_PARAGRAPH_WORDS = 12

_PARAGRAPH_BREAK = re.compile(r"\n\s*")


def shingles(text: str) -> set[str]:
    """Word trigrams of the normalised text (punctuation dropped)."""
    return _shingles(_words(text))


def _shingles(words: list[str]) -> set[str]:
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def _is_near_duplicate(a: set[str], b: set[str]) -> bool:
    inter = len(a & b)
    if not inter:
        return False
    small, large = sorted((len(a), len(b)))
    jac = inter / (small + large - inter)
    return jac >= JACCARD_MIN or (
        inter / small >= CONTAINMENT_MIN and small / large >= SIZE_RATIO_MIN
    )


def _minhash(sh: set[str]) -> MinHash:
    # CRC32 instead of datasketch's default SHA-1: a 32-bit hash is all MinHash uses,
    # and it is several times faster over a 30k-article corpus.
    m = MinHash(num_perm=NUM_PERM, hashfunc=zlib.crc32)
    m.update_batch([s.encode("utf-8") for s in sh])
    return m


def duplicate_pairs(docs: Sequence[Document]) -> list[tuple[str, str]]:
    """Verified (id, id) pairs, smaller id first, sorted."""
    exact: dict[str, list[str]] = defaultdict(list)
    sets: dict[str, set[str]] = {}
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    pairs: set[tuple[str, str]] = set()
    for doc in docs:
        words = _words(doc.article.text)
        if not words:
            continue
        exact[hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest()].append(doc.id)
        sh = _shingles(words)
        if len(sh) < MIN_SHINGLES or doc.id in sets:
            continue
        m = _minhash(sh)
        for other in lsh.query(m):
            if _is_near_duplicate(sh, sets[other]):
                pairs.add((min(doc.id, other), max(doc.id, other)))
        sets[doc.id] = sh
        lsh.insert(doc.id, m)
    for ids in exact.values():
        first = min(ids)
        pairs.update((first, other) for other in ids if other != first)
    return sorted(pairs)


def find_duplicates(docs: Sequence[Document]) -> list[list[str]]:
    """Groups (size >= 2) of article ids that are the same text, exactly or nearly.

    Groups are transitive closures of verified pairs; ids are sorted inside a group and
    groups are sorted by their first id, so the result does not depend on input order.
    """
    uf = UnionFind()
    for a, b in duplicate_pairs(docs):
        uf.union(a, b)
    return uf.groups()


class SharedParagraph(NamedTuple):
    """Paragraph number ``paragraph`` of ``article_id`` appeared before in ``first_article_id``.

    "Before" is by published time, then id: the first article is the likely origin (often
    a wire story) that the later one reused. Paragraphs are counted from 0, non-empty ones.
    """

    article_id: str
    first_article_id: str
    paragraph: int


def _paragraphs(text: str) -> list[str]:
    return [p for p in _PARAGRAPH_BREAK.split(text) if p.strip()]


def shared_paragraphs(docs: Sequence[Document]) -> list[SharedParagraph]:
    """Paragraphs reused verbatim (after normalisation) between different articles.

    Near-duplicate articles share every paragraph, so pairs inside a duplicate group are
    left out: what remains is an article that borrows some wire text and adds its own.
    """
    dup_of: dict[str, int] = {}
    for n, group in enumerate(find_duplicates(docs)):
        for i in group:
            dup_of[i] = n
    ordered = sorted(docs, key=lambda d: (d.article.published or "", d.id))
    first_seen: dict[str, str] = {}
    out: list[SharedParagraph] = []
    for doc in ordered:
        for index, para in enumerate(_paragraphs(doc.article.text)):
            words = _words(para)
            if len(words) < MIN_PARAGRAPH_WORDS:
                continue
            key = hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest()
            origin = first_seen.setdefault(key, doc.id)
            same_group = doc.id in dup_of and dup_of.get(origin) == dup_of[doc.id]
            if origin != doc.id and not same_group:
                out.append(SharedParagraph(doc.id, origin, index))
    return out
