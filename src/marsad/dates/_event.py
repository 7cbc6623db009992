"""The clause a date expression dates: a short readable text for timelines."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from marsad.dates._tables import vocabulary
from marsad.text import split_sentences

# A clause with fewer words than this besides the date itself ("في 13 نوفمبر 2024،")
# names no event, so the next clause is taken in; on the seed articles two-word leftovers
# were prepositions and weekdays, three-word ones already carried a verb.
MIN_EVENT_WORDS = 3
# Longer clauses are cut around the date: about two lines of a timeline entry.
MAX_EVENT_CHARS = 200
_WORD = re.compile(r"\w+")


def _cuts(norm: str) -> list[int]:
    """Positions in normalised text where one clause ends and the next begins."""
    v = vocabulary()
    cuts = [i + 1 for i, ch in enumerate(norm) if ch in v.clause_sep]
    for word in v.clause_words:
        cuts += [m.start() for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", norm)]
    return sorted(set(cuts))


def _clause(
    norm: str, cuts: list[int], sentence: tuple[int, int], n_start: int, n_end: int
) -> tuple[int, int]:
    """``[start, end)`` in ``norm`` of the clause around ``norm[n_start:n_end]``."""
    bounds = [sentence[0], *(c for c in cuts if sentence[0] < c < sentence[1]), sentence[1]]
    lo = bisect_right(bounds, n_start) - 1
    hi = bisect_left(bounds, n_end)
    while True:
        words = len(_WORD.findall(norm[bounds[lo] : n_start] + " " + norm[n_end : bounds[hi]]))
        if words >= MIN_EVENT_WORDS:
            break
        if hi < len(bounds) - 1:
            hi += 1
        elif lo > 0:
            lo -= 1
        else:
            break
    c_start, c_end = bounds[lo], bounds[hi]
    if c_end - c_start > MAX_EVENT_CHARS:
        half = max(0, (MAX_EVENT_CHARS - (n_end - n_start)) // 2)
        c_start = max(c_start, n_start - half)
        c_end = min(c_end, n_end + half)
        while c_start < n_start and not norm[c_start - 1].isspace():
            c_start += 1
        while n_end < c_end < len(norm) and not norm[c_end].isspace():
            c_end -= 1
    return c_start, c_end


def event_clauses(
    text: str, mapped: tuple[str, list[int]], spans: list[tuple[int, int]]
) -> list[str]:
    """For each ``[start, end)`` date span in ``text``, the clause of its sentence.

    ``mapped`` is ``normalize_with_map(text)``, shared with the date search so the
    article is normalised once.
    """
    norm, offsets = mapped
    sentences = split_sentences(text)
    starts = [s for s, _ in sentences]
    cuts = _cuts(norm)
    out = []
    for start, end in spans:
        i = bisect_right(starts, start) - 1
        s_start, s_end = sentences[i] if i >= 0 else (0, len(text))
        if not s_start <= start < s_end:
            s_start, s_end = start, end
        n_start = bisect_left(offsets, start)
        n_end = max(bisect_left(offsets, end), n_start + 1)
        sentence = (
            min(bisect_left(offsets, s_start), n_start),
            max(bisect_left(offsets, s_end), n_end),
        )
        c_start, c_end = _clause(norm, cuts, sentence, n_start, n_end)
        o_start, o_end = offsets[c_start], offsets[max(c_end, c_start + 1) - 1] + 1
        out.append(" ".join(text[o_start:o_end].split()).strip(vocabulary().trim))
    return out
