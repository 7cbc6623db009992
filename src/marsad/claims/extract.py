"""Numeric claims: how many of what, how sure, measured in what, and who says so.

Numbers come from :func:`marsad.text.find_numbers`; everything language-specific about
deciding whether one is a claim (qualifiers, units, dates, model numbers, attribution
phrases) is in ``claims/data``. Context is matched on normalised text and every span is
mapped back to ``article.text``.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

from marsad.claims import _tables as tables
from marsad.model import Claim, Document, Mention, Qualifier
from marsad.text import (
    NumberMatch,
    find_numbers,
    normalize,
    normalize_with_map,
    split_sentences,
    strip_clitics,
    strip_invisible,
    tokenize,
)

# Characters of normalised context read before and after a number: the longest phrase in
# the tables ("ما لا يقل عن", "كيلومترات مربعات") plus a quotation mark fits with room.
CONTEXT_CHARS = 40
# Counted-noun phrases in the seeds are at most three words ("جندي كوري شمالي"); a
# fourth word there was always a verb or time word ("طائرة مسيّرة أُسقطت").
MAX_SUBJECT_WORDS = 3
# Longest source noun phrase seen in the seeds: "وكالة الاستخبارات الدفاعية الأوكرانية"
# (4 words); 6 leaves room for a title plus a two-word name.
MAX_SOURCE_WORDS = 6
# A pronoun-only amount ("سيبلغ عددهم قريباً 12 ألفاً") takes the subject of a count at
# most this many characters earlier: about two and a half sentences of the seeds, whose
# sentences average 122 characters.
INHERIT_CHARS = 300
# Calendar ranges a bare 4-digit number must fall in to be read as a year.
GREGORIAN_YEARS = (1900, 2100)
HIJRI_YEARS = (1300, 1500)
# Days of the month, for "13 نوفمبر".
MAX_DAY = 31
# Digit runs this long without separators are phone or reference numbers. In the first
# 2000 SaudiNewsNet articles every unseparated run of 7+ digits (430) was a phone, fax or
# seat/reference number, while 6-digit runs include real counts (152836 مقعدا).
MIN_PHONE_DIGITS = 7

# Characters read after a number for its counted noun (then on to the next space): the
# longest Arabic token in a day of SaudiNewsNet (1.04M tokens) has 22 characters.
_SUBJECT_WINDOW = 25 * MAX_SUBJECT_WORDS
# The amounts a dual unit noun ("شهرين") and a bare unit noun ("ساعة ونصف") stand for.
_DUAL = 2.0
_ONE = 1.0
# A source needs at least this many letters: shorter stretches were stray proclitics
# ("تقدر بـ(28 مليون" leaves "ب") in SaudiNewsNet; the shortest real names (ظل، مي) fit.
_MIN_SOURCE_LETTERS = 2
# Characters allowed between a role and the name it precedes: a space, or a space and a
# tatweel or line break left by cleaning.
_ROLE_GAP = 3
_SOURCE_TYPES = ("PER", "ORG")
# Amounts whose unit is no subject: a share or a price is of something named elsewhere.
_MEASURED_KINDS = ("percent", "currency")
_FALLBACK_TYPES = ("LOC",)
_NO_QUOTES = str.maketrans("", "", '«»“”"')
_CLOSERS = frozenset(")]»”\"'")
_OPENERS = "«“\"'("
_PUNCT = ".,،:;؛!?؟\"“”«»()[]{}…-–—/'"
_DASHED_DATE = re.compile(r"\d{1,2}[-.]\d{1,2}[-.]\d{2,4}")
# Longest dashed date (dd-mm-yyyy) minus one digit: how far around a number to look.
_DATE_REACH = 9
_SLASH_OR_COLON_AFTER = re.compile(r"^\s*[/:]\s*\d")
_SLASH_OR_COLON_BEFORE = re.compile(r"\d\s*[/:]\s*$")
_CLAUSE_END = re.compile(r"\s*(?:[.,:;!?\"”»)]|$)")
# Quoted names hold at most this many words before or after the number ("«نوماد 7»");
# a quoted statement with a count ("«مقتل 10 من الجنود الأفغان»") is longer.
MAX_QUOTED_NAME_WORDS = 2
_NAME_WORDS = rf"(?:[^\s«»“”\"]+\s+){{0,{MAX_QUOTED_NAME_WORDS - 1}}}[^\s«»“”\"]+"
_QUOTED_NAME_AROUND = re.compile(rf"[«“\"]\s*(?:{_NAME_WORDS})?\s*$")
_QUOTED_NAME_END = re.compile(r"\s*[»”\"]")
_QUOTED_NAME_BEFORE = re.compile(rf"[«“\"]\s*{_NAME_WORDS}\s*[»”\"]\s*$")
_LIST_MARK = r"(?:و|,|-|–)?"
_YEAR_BEFORE = re.compile(rf"(?<!\d)(\d{{4}})\s*{_LIST_MARK}\s*$")
_YEAR_AFTER_LISTED = re.compile(rf"\s*{_LIST_MARK}\s*(\d{{4}})(?!\d)")
_YEAR_AFTER = re.compile(r"\s*\d{4}(?!\d)")
_HEADLINE_SOURCE = re.compile(r"^\s*([^:,.!?\d]{2,60}?)\s*:")


@dataclass
class _Found:
    start: int
    end: int
    value: float
    unit: str | None
    unit_text: str
    qualifier: Qualifier
    subject: str
    sentence: tuple[int, int]
    number: NumberMatch
    kind: str = ""


class _Text:
    """The article text with its normalised form and the maps between them."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.norm, self.map = normalize_with_map(text)

    def to_norm(self, offset: int) -> int:
        return bisect_left(self.map, offset)

    def to_text(self, start: int, end: int) -> tuple[int, int]:
        if start >= end:
            pos = self.map[start] if start < len(self.map) else len(self.text)
            return pos, pos
        return self.map[start], self.map[end - 1] + 1


def _display(text: str) -> str:
    """Readable form: invisible marks out, presentation-form letters (ﺃﺑﻮﺍﺏ) to normal."""
    return " ".join(unicodedata.normalize("NFKC", strip_invisible(text)).split())


def _claim_id(article_id: str, start: int, end: int) -> str:
    return hashlib.sha1(f"{article_id}:{start}:{end}".encode()).hexdigest()[:16]


def _is_year(value: float, number: NumberMatch) -> bool:
    digits = number.text.strip()
    if value != int(value) or not (len(digits) == 4 and digits.isdigit()):
        return False
    lo, hi = GREGORIAN_YEARS
    hlo, hhi = HIJRI_YEARS
    return lo <= value <= hi or hlo <= value <= hhi


def _years_listed(before: str, after: str) -> bool:
    """Whether a year-shaped number has another one right beside it."""
    b = _YEAR_BEFORE.search(before)
    a = _YEAR_AFTER_LISTED.match(after)
    lo, hi = GREGORIAN_YEARS
    hlo, hhi = HIJRI_YEARS
    return any(
        m is not None and (lo <= int(m.group(1)) <= hi or hlo <= int(m.group(1)) <= hhi)
        for m in (a, b)
    )


def _not_a_quantity(t: _Text, n: NumberMatch, ns: int, ne: int, sentence_start: int) -> bool:
    """Dates, times, labels, phone and model numbers: numbers that assert no amount."""
    qualifier_re = tables.qualifiers()[1]
    before = t.norm[max(0, ns - CONTEXT_CHARS) : ns]
    q = qualifier_re.search(before)
    if q:
        before = before[: q.start()]
    after = t.norm[ne : ne + CONTEXT_CHARS]
    rules = tables.not_claims()
    month_before, month_after = tables.months()
    if rules["before"].search(before) or rules["after"].match(after):
        return True
    if _SLASH_OR_COLON_AFTER.match(after) or _SLASH_OR_COLON_BEFORE.search(before):
        return True
    window = _DASHED_DATE.finditer(t.norm, max(0, ns - _DATE_REACH), ne + _DATE_REACH)
    if any(m.start() < ne and ns < m.end() for m in window):
        return True  # ٦-٨-٢٠١٥
    if _QUOTED_NAME_AROUND.search(before) and _QUOTED_NAME_END.match(after):
        return True  # «اللواء 19»، «نوماد 7»: a number inside a quoted name
    if _QUOTED_NAME_BEFORE.search(before):
        return True  # طراز «بوينغ» 707: a model number after a quoted make
    digits = n.text.strip()
    if digits.isdigit() and len(digits) >= MIN_PHONE_DIGITS:
        return True
    if n.value == int(n.value) and 1 <= n.value <= MAX_DAY and month_after.match(after):
        return True
    if _is_year(n.value, n):
        if rules["after_year"].match(after) or month_before.search(before):
            return True
        if _years_listed(before, after):
            return True  # "أعوام 1993 1996 و1998": a list of years
        if not any(c.isalpha() for c in t.norm[t.to_norm(sentence_start) : ns]):
            return True  # "- 2014 أعلن ...": a timeline entry opens with its year
        if rules["before_year"].search(before):
            return True
        nxt = after.lstrip()[:1]
        return not nxt or not nxt.isalpha()
    return False


def _qualifier(t: _Text, ns: int, hint: str | None) -> Qualifier:
    before_map, before_re, _, _ = tables.qualifiers()
    m = before_re.search(t.norm[max(0, ns - CONTEXT_CHARS) : ns])
    if m:
        return before_map[m.group("q")]  # type: ignore[return-value]
    return "at_least" if hint == "at_least" else "exact"


def _before_duration(t: _Text, ns: int) -> bool:
    """ "قبل 3 أيام", "بعد أقل من ثلاث ساعات": a duration placing an event in time."""
    before = t.norm[max(0, ns - CONTEXT_CHARS) : ns]
    q = tables.qualifiers()[1].search(before)
    if q:
        before = before[: q.start()]
    return tables.not_claims()["before_duration"].search(before) is not None


def _unit(t: _Text, ns: int, ne: int) -> tuple[str | None, str, int, int]:
    """(unit, its kind, normalised start and end) of the amount with its unit."""
    table, after_re, before_re = tables.units()
    m = after_re.match(t.norm, ne, ne + CONTEXT_CHARS)
    if m:
        key = m.group("u") or m.group("s")
        unit, kind = table[key]
        if kind == "duration" and _YEAR_AFTER.match(t.norm, m.end()):
            return None, "", ns, ne  # "1214 مليون عام 2014": عام opens a date
        return unit, kind, ns, m.end()
    b = before_re.search(t.norm, max(0, ns - 3), ns)
    if b:
        unit, kind = table[b.group("s")]
        return unit, kind, b.start(), ne
    return None, "", ns, ne


def _noun_phrase(
    t: _Text, start: int, limit: int, skip_min: bool, need_min: bool
) -> tuple[int, int]:
    """The counted-noun phrase starting at text offset ``start`` (before ``limit``).

    A leading partitive من is skipped when ``skip_min`` or ``need_min``; with ``need_min``
    there is no phrase without it.
    """
    stops = tables.subject_stops()
    grammar = tables.grammar()
    partitive, article, acc = grammar["partitive"], grammar["article"], grammar["accusative_ending"]
    first = last = None
    words = 0
    accusative = False
    window = t.text.find(" ", start + _SUBJECT_WINDOW, limit)
    for tok in tokenize(t.text[start : limit if window < 0 else window]):
        word = tok.text
        norm = normalize(word)
        if words == 0 and first is None and word in _CLOSERS:
            continue  # "(24) فرقة طبية": the number was bracketed
        if words == 0 and first is None and (skip_min or need_min) and norm in partitive:
            need_min = False
            continue
        if need_min or not word[0].isalpha() or norm in stops or words >= MAX_SUBJECT_WORDS:
            break
        if word.isascii():
            break  # "آندرويد 8.0 Oreo": a Latin name, not a counted noun
        if normalize(strip_clitics(word)[0]) not in ("", *article):
            break  # لمساعدة، والصواريخ: a new phrase starts
        if words and tables.clause_word().match(norm):
            break  # "طائرة مسيّرة أُسقطت": the clause's verb, not an adjective
        if accusative and not norm.endswith(acc):
            break  # "46 هدفا في": after an accusative noun only agreeing adjectives follow
        accusative = words == 0 and norm.endswith(acc)
        if first is None:
            first = start + tok.start
        last = start + tok.end
        words += 1
    if first is None or last is None:
        return start, start
    return first, last


def _phrase_before_marker(t: _Text, ns: int, sent_start: int) -> str:
    """Noun phrase before "بقيمة"/"بنسبة" etc. right in front of the amount."""
    before = t.norm[max(0, ns - CONTEXT_CHARS) : ns].split()
    if not before or before[-1] not in tables.value_markers():
        return ""
    marker_start = t.to_text(ns - len(" ".join(before[-1:])) - 1, ns)[0]
    stops = tables.subject_stops()
    article = tables.grammar()["article"]
    (lam,) = tables.grammar()["joined_lam"]
    kept: list[str] = []
    for tok in reversed(tokenize(t.text[sent_start:marker_start])):
        norm = normalize(tok.text)
        if not tok.text[0].isalpha() or norm in stops or len(kept) >= MAX_SUBJECT_WORDS - 1:
            break
        if kept and tables.clause_word().match(norm):
            break  # "ارتفعت المبيعات بنسبة": the verb before the noun ("خام برنت" is kept)
        clitic, rest = (normalize(x) for x in strip_clitics(tok.text))
        if clitic not in ("", *article) and (kept or lam in clitic or rest.startswith(article)):
            break  # "للابتزاز بمبلغ": a prepositional phrase; "خام برنت بنسبة" is a name
        kept.insert(0, tok.text)
    return " ".join(kept)


def _analyse(t: _Text, n: NumberMatch, sentence: tuple[int, int]) -> _Found | None:
    ns, ne = t.to_norm(n.start), t.to_norm(n.end)
    if _not_a_quantity(t, n, ns, ne, sentence[0]):
        return None
    unit, kind, us, ue = _unit(t, ns, ne)
    if kind == "duration" and _before_duration(t, ns):
        return None
    unit_end = t.to_text(us, ue)[1]
    value = n.value
    if unit is not None:
        value, ue = _with_half(t, value, ue)
    if unit is None and n.value <= 1:
        return None  # Arabic puts واحد after its noun: a lone 1 names no amount
    if tables.not_claims()["after"].match(t.norm, ue, ue + CONTEXT_CHARS):
        return None  # "24 ساعة الماضية": a time frame, not an assertion
    start, end = t.to_text(us, ue)
    start, end = min(start, n.start), max(end, n.end)
    qualifier = _qualifier(t, us, n.approx_hint)
    s0 = s1 = end
    if unit is None or kind in ("percent", "currency"):
        # a count's noun follows it; a share's only after من (99% من الأسلحة)
        s0, s1 = _noun_phrase(t, end, sentence[1], unit is None, kind == "percent")
    subject = _display(t.text[s0:s1])
    if not subject and unit is not None:
        subject = _phrase_before_marker(t, us, sentence[0])
    unit_text = _display(t.text[n.end : unit_end] if unit_end > n.end else t.text[start : n.start])
    after_re, after_map = tables.qualifiers()[3], tables.qualifiers()[2]
    q_after = after_re.match(t.norm, t.to_norm(max(s1, end)))
    if q_after and qualifier == "exact":
        qualifier = after_map[q_after.group("q")]  # type: ignore[assignment]
    return _Found(start, end, value, unit, unit_text, qualifier, subject, sentence, n, kind)


def _with_half(t: _Text, value: float, end: int) -> tuple[float, int]:
    """ "عامين ونصف": half a unit more, and where the amount then ends (normalised)."""
    m = tables.half().match(t.norm, end)
    return (value + 0.5, m.end()) if m else (value, end)


def _unit_amounts(t: _Text, sentences: list[tuple[int, int]], taken: list[_Found]) -> list[_Found]:
    """Amounts written with a unit noun and no number: a dual ("خلال شهرين" is 2) or a
    unit and a half ("ساعة ونصف" is 1.5)."""
    duals, dual_re = tables.dual_units()
    units, half_re = tables.unit_and_half()
    hits = [(m, *duals[m.group("d")], _DUAL) for m in dual_re.finditer(t.norm)]
    hits += [(m, *units[m.group("u")], _ONE) for m in half_re.finditer(t.norm)]
    starts = [s for s, _ in sentences]
    out: list[_Found] = []
    for m, unit, kind, base in sorted(hits, key=lambda h: h[0].start()):
        start, end = t.to_text(m.start(), m.end())
        i = bisect_right(starts, start) - 1
        if i < 0 or any(f.start < end and start < f.end for f in [*taken, *out]):
            continue
        if kind == "duration" and _before_duration(t, m.start()):
            continue
        if tables.not_claims()["after"].match(t.norm, m.end(), m.end() + CONTEXT_CHARS):
            continue
        word = _display(t.text[start:end])
        value, ue = _with_half(t, base, m.end())
        end = t.to_text(m.start(), ue)[1]
        number = NumberMatch(start, end, t.text[start:end], value)
        qualifier = _qualifier(t, m.start(), None)
        found = _Found(start, end, value, unit, word, qualifier, word, sentences[i], number, kind)
        out.append(found)
    return out


def _bare(f: _Found) -> bool:
    return f.unit is None and not f.subject


def _link_neighbours(t: _Text, found: list[_Found]) -> None:
    """Share unit and subject across "477 و459 كيلومتراً" and "بين 29 ريالاً و54"."""
    for i in range(len(found) - 2, -1, -1):
        a, b = found[i], found[i + 1]
        gap = t.norm[t.to_norm(a.end) : t.to_norm(b.number.start)]
        if _bare(a) and not _bare(b) and tables.joiner().fullmatch(gap):
            a.unit, a.unit_text, a.subject = b.unit, b.unit_text, b.subject
    for a, b in itertools.pairwise(found):
        gap = t.norm[t.to_norm(a.end) : t.to_norm(b.number.start)]
        if _bare(b) and not _bare(a) and tables.joiner().fullmatch(gap):
            b.unit, b.unit_text, b.subject = a.unit, a.unit_text, a.subject


def _after_conjunction(t: _Text, start: int) -> bool:
    """ "ثمانية مراكز بسكاكا، وسبعة في القريات": a count listed after another one."""
    before = t.norm[max(0, t.to_norm(start) - 2) : t.to_norm(start)].strip()
    words = [j for j in tables.grammar()["joiner"] if j.isalpha()]
    return any(before.endswith(j) for j in words) and not before[-2:-1].isalpha()


def _measured_subject(t: _Text, f: _Found, kept: list[_Found]) -> str:
    """What a share or price without its own noun is of: that of a share or price just
    before it in the sentence ("خام برنت بنسبة 1.8% إلى 73.9 دولاراً"), else the noun
    after the rise or fall verb before it ("وانخفض سعر الذهب 0.1 بالمئة")."""
    prev = next(
        (
            k
            for k in reversed(kept)
            if k.sentence == f.sentence and k.kind in _MEASURED_KINDS and k.subject != k.unit_text
        ),
        None,
    )
    return prev.subject if prev else _phrase_after_change(t, f.sentence[0], f.start)


def _phrase_after_change(t: _Text, sent_start: int, start: int) -> str:
    """The noun phrase right after the last rise/fall verb in ``t.text[sent_start:start]``.

    It ends before a qualifier or value marker in front of the amount ("بنحو"، "بنسبة"); its
    last word may carry a joined ب that is part of a name ("سعر خام برنت بنحو 2%").
    """
    end = t.to_norm(start)
    before = t.norm[max(0, end - CONTEXT_CHARS) : end]
    q = tables.qualifiers()[1].search(before)
    end -= len(before) - q.start() if q else 0
    words = t.norm[max(0, end - CONTEXT_CHARS) : end].split()
    if words and words[-1] in tables.value_markers():
        end = t.norm.rindex(words[-1], 0, end)
    tokens = tokenize(t.text[sent_start : t.to_text(end, end)[0]])
    conjunctions = tables.grammar()["conjunction"]
    verbs = [
        i
        for i, tok in enumerate(tokens)
        if _unjoined(normalize(tok.text), conjunctions) in tables.change_verbs()
    ]
    if not verbs:
        return ""
    stops = tables.subject_stops()
    article = tables.grammar()["article"]
    (lam,) = tables.grammar()["joined_lam"]
    phrase = tokens[verbs[-1] + 1 :]
    kept: list[str] = []
    for i, tok in enumerate(phrase):
        norm = normalize(tok.text)
        if not tok.text[0].isalpha() or norm in stops or len(kept) >= MAX_SUBJECT_WORDS:
            break
        if _unjoined(norm, conjunctions) in tables.change_verbs():
            break  # "بلغت قيمتها تبلغ": a second verb, no noun between
        clitic, rest = (normalize(x) for x in strip_clitics(tok.text))
        named = bool(kept) and i == len(phrase) - 1 and lam not in clitic
        if clitic not in ("", *article) and not (named and not rest.startswith(article)):
            break  # "تراجعت خلال الربع" / "ارتفع بشكل طفيف": no subject named here
        kept.append(tok.text)
    return _display(" ".join(kept))


def _inherit_subjects(t: _Text, found: list[_Found], starts: list[int]) -> list[_Found]:
    """A bare count takes the subject of a count just before it, or is dropped.

    Only when it closes its clause, from the same or the previous sentence ("3000 جندي
    ... . سيبلغ عددهم قريباً 12 ألفاً”،"), or is listed after it with و in the same
    sentence ("ثمانية مراكز ...، وسبعة في القريات"); "أسبوعها 134 في المخيم" is dropped.
    """
    kept: list[_Found] = []
    for f in found:
        if f.kind in _MEASURED_KINDS and not f.subject:
            f = replace(f, subject=_measured_subject(t, f, kept))
        if _bare(f) and f.number.approx_hint is not None:
            f = replace(f, subject=_display(f.number.text))  # "وإصابة العشرات": the crowd
        if _bare(f):
            prev = next((k for k in reversed(kept) if k.unit is None and k.subject), None)
            sentences_apart = (
                bisect_right(starts, f.start) - bisect_right(starts, prev.start) if prev else 0
            )
            listed = sentences_apart == 0 and _after_conjunction(t, f.start)
            if (
                prev is None
                or not (listed or _CLAUSE_END.match(t.norm, t.to_norm(f.end)))
                or f.start - prev.end > INHERIT_CHARS
                or sentences_apart > 1
            ):
                continue
            f = replace(f, subject=prev.subject)
        if not f.subject:
            f = replace(f, subject=f.unit_text)
        kept.append(f)
    return kept


def _strip_joined_lam(source: str) -> str:
    """ "للمصدر" is ل + المصدر: drop the preposition, restoring the article's alef."""
    (lam,) = tables.grammar()["joined_lam"]
    (article,) = tables.grammar()["article"]
    if source.startswith(lam + article[1:]):
        return article[0] + source[len(lam) :]
    if source.startswith(lam) and len(source) > len(lam):
        return source[len(lam) :].lstrip("\u0640")
    return source


def _after_verb_fillers(words: list[re.Match[str]]) -> int:
    """How many leading words sit between a reporting verb and its subject.

    "أوضح ذلك المدير" (ذلك), "قال لـ«الاقتصادية» الزهراني" (the addressee phrase).
    """
    grammar = tables.grammar()
    (lam,) = grammar["addressee_lam"]
    i = 0
    while i < len(words) and words[i].group() in grammar["source_skip"]:
        i += 1
    if i < len(words):
        word = words[i].group()
        bare = word.strip(_PUNCT)
        if word == lam:
            return i + 2
        if word.startswith(lam) and (
            word[len(lam)] in _OPENERS or normalize(strip_clitics(bare)[0]) in (lam, lam + lam)
        ):
            return i + 1
    return i


def _source_stretch(t: _Text, start: int, limit: int, after_verb: bool) -> tuple[int, int]:
    """Normalised span of the source noun phrase starting at ``start``.

    After a preposition quotation marks may open its words (حسب «رويترز»، وكالة "فرانس
    برس"); after a verb one opens the quoted speech instead, and there is no source there.
    """
    stops = tables.source_stops()
    words = list(re.finditer(r"\S+", t.norm[start:limit]))
    skip = _after_verb_fillers(words) if after_verb else 0
    first = end = start
    for n, m in enumerate(words[skip:]):
        word = m.group()
        lead = 0 if after_verb else len(word) - len(word.lstrip(_OPENERS))
        word = word[lead:]
        clean = word.rstrip(_PUNCT)
        if not word or word[0] in _PUNCT or clean in stops or n >= MAX_SOURCE_WORDS:
            break
        if any(c.isdigit() for c in clean):
            break
        if n == 0:
            first = start + m.start() + lead
        end = start + m.start() + lead + len(clean)
        if clean != word:
            break
    if sum(c.isalpha() for c in t.norm[first:end]) < _MIN_SOURCE_LETTERS:
        return start, start
    return first, end


def _pick_mention(mentions: list[Mention], start: int, end: int) -> int | None:
    for types in (_SOURCE_TYPES, _FALLBACK_TYPES):
        inside = [
            i for i, m in enumerate(mentions) if m.type in types and m.start < end and m.end > start
        ]
        if inside:
            return min(inside, key=lambda i: mentions[i].start)
    return None


def _attribution(
    t: _Text, mentions: list[Mention], sentence: tuple[int, int], ns: int
) -> tuple[str | None, int | None]:
    """The "according to" source of the sentence nearest the number, as written."""
    pattern, kinds = tables.attribution()
    ss, se = t.to_norm(sentence[0]), t.to_norm(sentence[1])
    hits = list(pattern.finditer(t.norm[ss:se]))
    before = [h for h in hits if ss + h.end() <= ns]
    after = [h for h in hits if ss + h.start() >= ns]
    for h in [*reversed(before), *after]:
        limit = ns if ss + h.end() <= ns else se
        a, b = _source_stretch(t, ss + h.end(), limit, kinds[h.group("a")] == "verb")
        if a >= b:
            continue
        os_, oe = t.to_text(a, b)
        while os_ < oe and t.text[os_].isspace():
            os_ += 1
        text = " ".join(_display(t.text[os_:oe]).translate(_NO_QUOTES).split())
        if kinds[h.group("a")] == "prep":
            text = _strip_joined_lam(text)
        return text, _pick_mention(mentions, os_, oe)
    head = _HEADLINE_SOURCE.match(t.norm[ss:ns])
    if head and len(head.group(1).split()) <= MAX_SOURCE_WORDS:
        os_, oe = t.to_text(ss + head.start(1), ss + head.end(1))
        mention = _pick_mention(mentions, os_, oe)
        if mention is not None and mentions[mention].type in _SOURCE_TYPES:
            return _display(t.text[os_:oe]), mention  # headline "زيلينسكي: 12 ألف جندي"
    return None, None


def _word(word: str) -> str:
    return normalize(word.strip(_PUNCT))


def _trim_source(source: str) -> str | None:
    """The asserting party in a source phrase as written.

    Drops a leading reporting verb (a quote's speaker "قالت إدارة الكوارث") and report
    nouns before their author ("تحليل أجرته وكالة الصحافة الفرنسية"، "تقديرات الوكالة"),
    and ends where what the source says begins ("الهلال الأحمر التركي عدد القتلى"); a
    complementiser first means the stretch held no source (")، فإن الزلزال وقع").
    """
    shape = tables.source_shape()
    conjunctions = tables.grammar()["conjunction"]
    words = source.lstrip(_PUNCT + " ").split()
    if words and _unjoined(_word(words[0]), conjunctions) in tables.reporting_verbs():
        words = words[1:]
    if not words or _word(words[0]) in tables.source_stops():
        return None
    ends = shape["object"] | shape["made_by"] | shape["issued"]
    report, count = words[0], len(words)
    while len(words) > 1:
        head = _unjoined(_word(words[0]), conjunctions)
        made_by = next(
            (n for n in (2, 1) if " ".join(map(_word, words[1 : 1 + n])) in shape["made_by"]), 0
        )
        if head not in shape["report_noun"] and not (head in shape["object"] and made_by):
            break
        words = words[1 + made_by :]
    if not words:
        return _display(report)
    dropped = len(words) < count
    if not dropped and _word(report) in shape["object"]:
        return None  # "يقدر حجم الإنفاق بـ": a passive verb and its subject
    first = _word(words[0])
    if dropped and (
        first in ends | shape["report_adjective"] or tables.source_adjective().fullmatch(first)
    ):
        return _display(report)  # "تقرير حديث صادر"، "دراسة كندية": the author is unnamed
    (lam,) = tables.grammar()["joined_lam"]
    if dropped and first.startswith(lam + lam):
        words[0] = _strip_joined_lam(words[0])  # "إحصاءات للمقاومة": ل + المقاومة
    kept = [words[0], *itertools.takewhile(lambda w: _word(w) not in ends, words[1:])]
    while len(kept) > 1 and _word(kept[-1]) in conjunctions:
        kept.pop()  # "مؤشرات الأداء لقطاع الاتصالات و": a list cut short
    text = " ".join(kept)
    return text if sum(c.isalpha() for c in text) >= _MIN_SOURCE_LETTERS else None


def _unjoined(word: str, conjunctions: tuple[str, ...]) -> str:
    """The word without a joined و/ف ("وقالت"، "وتقديرات")."""
    return word[1:] if word[:1] in conjunctions and len(word) > _MIN_SOURCE_LETTERS else word


def _mention_source(text: str, mention: Mention) -> str:
    """A person's name, with the role written right before it ("الرئيس التركي رجب طيب
    أردوغان"); a role found elsewhere in the article is not theirs here."""
    name = _display(mention.text)
    if mention.role:
        role = _display(mention.role)
        before = _display(
            text[max(0, mention.start - len(mention.role) - _ROLE_GAP) : mention.start]
        )
        if before.endswith(role):
            return f"{role} {name}"
    return name


def _asserting_party(
    text: str, mentions: list[Mention], source: str | None, mention: int | None
) -> str | None:
    """The source to show: a person from their mention, otherwise the trimmed phrase.

    A phrase ending in the person's name is kept: it may hold more of the name or role
    than the mention ("الرئيس الأوكراني فولوديمير زيلينسكي" for a mention "زيلينسكي").
    """
    trimmed = _trim_source(source) if source else None
    if mention is None or mention >= len(mentions) or mentions[mention].type != "PER":
        return trimmed
    built = _mention_source(text, mentions[mention])
    if trimmed and trimmed.endswith(_display(mentions[mention].text)) and len(trimmed) > len(built):
        return trimmed
    return built


def _date(doc: Document, sentence: tuple[int, int], pos: int) -> str | None:
    inside = [d for d in doc.dates if sentence[0] <= d.start < sentence[1]]
    if inside:
        return min(inside, key=lambda d: abs(d.start - pos)).value
    return doc.article.published


def extract_claims(doc: Document) -> None:
    """Fill ``doc.claims`` with every asserted quantity in the article, in text order.

    Reads ``doc.mentions``, ``doc.quotes`` and ``doc.dates`` when earlier stages filled
    them; without them sources fall back to attribution phrases and dates to the
    publication date.
    """
    t = _Text(doc.article.text)
    sentences = split_sentences(t.text)
    starts = [s for s, _ in sentences]
    date_spans = [(d.start, d.end) for d in doc.dates]
    found: list[_Found] = []
    for n in find_numbers(t.text):
        if any(s < n.end and n.start < e for s, e in date_spans):
            continue
        i = bisect_right(starts, n.start) - 1
        if i < 0 or n.start >= sentences[i][1]:
            continue
        f = _analyse(t, n, sentences[i])
        if f is not None:
            found.append(f)
    found = sorted(found + _unit_amounts(t, sentences, found), key=lambda f: f.start)
    _link_neighbours(t, found)
    claims: list[Claim] = []
    previous: tuple[str, int | None] | None = None
    for f in _inherit_subjects(t, found, starts):
        quote = next(
            (q for q in doc.quotes if q.start <= f.number.start and f.number.end <= q.end), None
        )
        source, mention = (quote.speaker, quote.speaker_mention) if quote else (None, None)
        if source is None:
            source, mention = _attribution(t, doc.mentions, f.sentence, t.to_norm(f.start))
        source = _asserting_party(t.text, doc.mentions, source, mention)
        if source is not None and normalize(source) in tables.source_shape()["same_source"]:
            source, mention = previous or (source, mention)  # "وفقاً للمصدر ذاته"
        elif source is not None:
            previous = source, mention
        claims.append(
            Claim(
                id=_claim_id(doc.id, f.start, f.end),
                article_id=doc.id,
                value=f.value,
                unit=f.unit,
                qualifier=f.qualifier,
                subject=f.subject,
                source=source,
                sentence=t.text[f.sentence[0] : f.sentence[1]],
                start=f.start,
                end=f.end,
                date=_date(doc, f.sentence, f.start),
                source_mention=mention,
                quote_id=quote.id if quote else None,
            )
        )
    doc.claims = claims
