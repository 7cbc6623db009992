"""The clause a date expression dates: a short readable text for timelines."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache

from marsad.dates._tables import rows, vocabulary
from marsad.text import normalize, split_sentences

# A clause with fewer words than this besides the date itself ("في 13 نوفمبر 2024،")
# names no event, so the next clause is taken in; on the seed articles two-word leftovers
# were prepositions and weekdays, three-word ones already carried a verb.
MIN_EVENT_WORDS = 3
# Longer clauses are cut around the date: about two lines of a timeline entry.
MAX_EVENT_CHARS = 200
# Words allowed between a reporting verb and the date in its clause: the subject and
# where it spoke. The longest on 600 SaudiNewsNet articles of 2015-07-25 is "مفتي السعودية
# خلال حديثه في خطبة الجمعة في جامع الإمام تركي بن عبد الله في الرياض" (16); the seeds'
# longest is "الأمين العام لحلف شمال الأطلسي (الناتو) مارك روته" (8).
MAX_FRAME_WORDS = 20
# Words an anchor's noun phrase must have before the date: "زيارة كيم جونج أون لروسيا في"
# names an event, "قمة" or "ظهر" (بعد ظهر الأربعاء) do not.
MIN_ANCHOR_WORDS = 3
# And at most: a longer stretch holds a clause of its own; the longest anchored phrase in
# the seeds is "بدء العملية الروسية في أوكرانيا في" (6 words).
MAX_ANCHOR_WORDS = 8
_WORD = re.compile(r"\w+")
# An anchored noun phrase is words only: no digits (a score, an amount) and no clause
# punctuation; brackets and quotation marks may hold a name.
_PLAIN = re.compile(r"[^\W\d]+(?:[\s()«»\"/]+[^\W\d]+)*[\s()«»\"/]*")
# "قال X أمس:" opens a quotation: the reported content without a complementiser.
_QUOTE_OPENER = ":"


def _skip_space(norm: str, pos: int, limit: int) -> int:
    while pos < limit and norm[pos].isspace():
        pos += 1
    return pos


def _alternation(kind: str) -> str:
    forms = {normalize(t) for k, t in rows("clause.tsv") if k == kind}
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


@cache
def _frame() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a reporting verb as a whole word, a complementiser opening reported content)."""
    conj = _alternation("conjunction")
    verb = re.compile(rf"(?<!\w)(?:{conj})?(?:{_alternation('report_verb')})(?!\w)")
    return verb, re.compile(rf"(?:{_alternation('complementiser')})(?!\w)")


@cache
def _anchor() -> re.Pattern[str]:
    """An anchoring preposition as a whole word (a joined و/ف allowed)."""
    conj = _alternation("conjunction")
    return re.compile(rf"(?<!\w)(?:{conj})?(?:{_alternation('anchor')})(?!\w)")


def _anchored(norm: str, clause_start: int, n_start: int, n_end: int) -> tuple[int, int] | None:
    """The noun phrase an anchoring preposition puts right before the date, with the date.

    "لأول مرة منذ بدء العملية الروسية في أوكرانيا في فبراير 2022": the date dates the
    start of the operation, not the clause it is mentioned in.
    """
    anchors = list(_anchor().finditer(norm, clause_start, n_start))
    if not anchors:
        return None
    start = _skip_space(norm, anchors[-1].end(), n_start)
    comp = _frame()[1].match(norm, start)
    if comp:  # "بعد أن تم تحريرها الأسبوع الماضي": the clause itself
        start = _skip_space(norm, comp.end(), n_start)
    phrase = norm[start:n_start]
    if not _PLAIN.fullmatch(phrase):
        return None  # "قبل ... صفر - 1 أيضا": a score or a list, not a noun phrase
    if not MIN_ANCHOR_WORDS <= len(_WORD.findall(phrase)) <= MAX_ANCHOR_WORDS:
        return None
    return start, n_end


def _reported(
    norm: str, bounds: list[int], sentence: tuple[int, int], n_start: int, n_end: int
) -> tuple[int, int] | None:
    """The reported content when the date only dates a reporting clause.

    "قالت وزارة الدفاع اليوم، إن وحدات ... دمرت": the verb opens a clause, its subject
    and the date follow, punctuation closes it; what happened is after the complementiser.
    """
    verb_re, comp_re = _frame()
    verbs = list(verb_re.finditer(norm, sentence[0], n_start))
    if not verbs:
        return None
    verb = verbs[-1]
    opener = max(b for b in bounds if b <= verb.start())
    if norm[opener : verb.start()].strip() or comp_re.search(norm, verb.end(), n_start):
        return None  # the verb is inside another clause, or its content came before the date
    if len(_WORD.findall(norm[verb.end() : n_start])) > MAX_FRAME_WORDS:
        return None
    seps = vocabulary().clause_sep
    pos = n_end
    while pos < sentence[1] and (norm[pos].isspace() or norm[pos] in seps):
        pos += 1
    if not any(ch in seps for ch in norm[n_end:pos]):
        return None  # "قالت ... أمس إنها لن تفرض": the clause already says what happened
    comp = comp_re.match(norm, pos)
    if comp is None and _QUOTE_OPENER not in norm[n_end:pos]:
        return None  # "وقال لـ«الاقتصادية»، أمس، مصدر مطلع": the subject comes after the date
    if comp:
        pos = _skip_space(norm, comp.end(), sentence[1])
    ends = [b for b in bounds if b > pos] or [sentence[1]]
    end = next((b for b in ends if len(_WORD.findall(norm[pos:b])) >= MIN_EVENT_WORDS), ends[-1])
    if pos >= end:
        return None
    if end - pos > MAX_EVENT_CHARS:
        end = pos + MAX_EVENT_CHARS
        while end > pos and not norm[end].isspace():
            end -= 1
    return pos, end


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
    reported = _reported(norm, bounds, sentence, n_start, n_end)
    if reported is not None:
        return reported
    lo = bisect_right(bounds, n_start) - 1
    anchored = _anchored(norm, bounds[lo], n_start, n_end)
    if anchored is not None:
        return anchored
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
