"""Content terms and sparse TF-IDF vectors shared by story clustering and summaries.

Both stages compare Arabic text that is spelt and inflected differently across outlets
(ترامب / ترمب, الجنود / جنود), so they compare light stems of normalised words with the
function words and reporting boilerplate (``data/stopwords.txt``) left out.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import cache, lru_cache
from typing import NamedTuple

from marsad._tables import data_text
from marsad.text import light_stem, normalize

Vector = dict[str, float]

# Stems of one letter are clitic debris (و، ب، ل) and match everything.
MIN_STEM_CHARS = 2
# Numbers of three digits or more (1500, 2024) identify a story's figures; shorter ones
# (days, small counts) are everywhere and only add noise.
MIN_NUMBER_DIGITS = 3
NUMBER_PREFIX = "#"

# Words and digit runs of normalised text. Only words matter here (no offsets, no
# punctuation tokens), and this is several times faster than building text.tokenize's
# Token objects, which counts over a corpus of 30k articles.
_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """Normalised words and numbers of ``text``, punctuation dropped."""
    return _WORD.findall(normalize(text))


@cache
def stopwords() -> frozenset[str]:
    """Normalised stop words plus their light stems, so either form is caught."""
    text = data_text("marsad.summarize", "stopwords.txt")
    words = {normalize(w) for w in text.splitlines() if w.strip() and not w.startswith("#")}
    return frozenset(words | {light_stem(w) for w in words})


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return light_stem(word)


def content_terms(text: str, numbers: bool = True, limit: int | None = None) -> list[str]:
    """Light stems of the content words of ``text`` in order, plus long numbers as ``#1500``.

    ``limit`` stops after that many terms (the lead of a long article).
    """
    stop = stopwords()
    out: list[str] = []
    for word in words(text):
        if limit is not None and len(out) >= limit:
            break
        if word[0].isdigit():
            digits = "".join(c for c in word if c.isdigit())
            if numbers and len(digits) >= MIN_NUMBER_DIGITS:
                out.append(NUMBER_PREFIX + digits)
            continue
        if word[0] == "_" or word in stop:
            continue
        stem = _stem(word)
        if len(stem) >= MIN_STEM_CHARS and stem not in stop:
            out.append(stem)
    return out


class Background(NamedTuple):
    """Document frequencies counted over a reference corpus of ``articles`` articles."""

    articles: int
    df: Mapping[str, int]


_NO_BACKGROUND = Background(0, {})


def idf_table(
    term_lists: Iterable[Iterable[str]], background: Background = _NO_BACKGROUND
) -> tuple[dict[str, float], float]:
    """Smoothed IDF per term, and the IDF an unseen term would get.

    With a ``background``, its counts are added to the local ones:
    log((N_bg + N + 1) / (df_bg + df + 1)) + 1. A handful of articles on one story then
    still weighs the story's words as the rare words they are in news at large.
    """
    df: Counter[str] = Counter()
    n = 0
    for terms in term_lists:
        n += 1
        df.update(set(terms))
    total = background.articles + n + 1
    unseen = math.log(total) + 1.0
    bg = background.df
    return {t: math.log(total / (c + bg.get(t, 0) + 1)) + 1.0 for t, c in df.items()}, unseen


def tfidf(terms: Iterable[str], idf: Mapping[str, float], unseen: float) -> Vector:
    """Unit-length TF-IDF vector with sublinear term frequency."""
    counts = Counter(terms)
    vec = {t: (1.0 + math.log(c)) * idf.get(t, unseen) for t, c in counts.items()}
    return unit(vec)


def unit(vec: Mapping[str, float]) -> Vector:
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {t: v / norm for t, v in vec.items()} if norm else {}


def centroid(vecs: Iterable[Mapping[str, float]]) -> Vector:
    """The unit-length sum of ``vecs`` (summed in place: ``sum()`` of Counters copies the
    running total at every step, which is quadratic over a story of many sentences)."""
    total: dict[str, float] = {}
    for vec in vecs:
        for t, v in vec.items():
            total[t] = total.get(t, 0.0) + v
    return unit({t: v for t, v in total.items() if v > 0})


def dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def jaccard(a: set[str] | frozenset[str], b: set[str] | frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)
