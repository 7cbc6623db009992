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
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

from marsad.claims import _tables as tables
from marsad.model import Claim, Document, Mention, Qualifier
from marsad.text import (
    NumberMatch,
    find_numbers,
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
# most this many characters earlier, about two average sentences of the seeds.
INHERIT_CHARS = 300
# Calendar ranges a bare 4-digit number must fall in to be read as a year.
GREGORIAN_YEARS = (1900, 2100)
HIJRI_YEARS = (1300, 1500)
# Days of the month, for "13 نوفمبر".
MAX_DAY = 31
# Digit runs this long without separators are phone or reference numbers: news prints
# counts that large with separators or scale words (SaudiNewsNet: none seen unseparated
# above 6 digits that was a count, while phone numbers there have 7 or more).
MIN_PHONE_DIGITS = 7

_SOURCE_TYPES = ("PER", "ORG")
_FALLBACK_TYPES = ("LOC",)
_OPENERS = "«“\"'("
_PUNCT = ".,،:;؛!?؟\"“”«»()[]{}…-–—/'"
_JOINER = re.compile(r"^\s*(?:[وأ]?و|-|–|او|الي|إلى|حتي)\s*$")
_SLASH_OR_COLON_AFTER = re.compile(r"^\s*[/:]\s*\d")
_SLASH_OR_COLON_BEFORE = re.compile(r"\d\s*[/:]\s*$")
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
    return " ".join(strip_invisible(text).split())


def _claim_id(article_id: str, start: int, end: int) -> str:
    return hashlib.sha1(f"{article_id}:{start}:{end}".encode()).hexdigest()[:16]


def _is_year(value: float, number: NumberMatch) -> bool:
    digits = number.text.strip()
    if value != int(value) or not (len(digits) == 4 and digits.isdigit()):
        return False
    lo, hi = GREGORIAN_YEARS
    hlo, hhi = HIJRI_YEARS
    return lo <= value <= hi or hlo <= value <= hhi


def _not_a_quantity(t: _Text, n: NumberMatch, ns: int, ne: int) -> bool:
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
    digits = n.text.strip()
    if digits.isdigit() and len(digits) >= MIN_PHONE_DIGITS:
        return True
    if n.value == int(n.value) and 1 <= n.value <= MAX_DAY and month_after.match(after):
        return True
    if _is_year(n.value, n):
        if rules["after_year"].match(after) or month_before.search(before):
            return True
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
    """"قبل 3 أيام", "بعد أقل من ثلاث ساعات": a duration placing an event in time."""
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


def _noun_phrase(t: _Text, start: int, limit: int, skip_min: bool) -> tuple[int, int]:
    """The counted-noun phrase starting at text offset ``start`` (before ``limit``)."""
    stops = tables.subject_stops()
    first = last = None
    words = 0
    for tok in tokenize(t.text[start:limit]):
        word = tok.text
        norm = normalize_with_map(word)[0]
        if words == 0 and first is None and skip_min and norm == "من":
            continue
        if not word[0].isalpha() or norm in stops or words >= MAX_SUBJECT_WORDS:
            break
        if normalize_with_map(strip_clitics(word)[0])[0] not in ("", "ال"):
            break  # لمساعدة، والصواريخ: a new phrase starts
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
    kept: list[str] = []
    for tok in reversed(tokenize(t.text[sent_start:marker_start])):
        norm = normalize_with_map(tok.text)[0]
        if not tok.text[0].isalpha() or norm in stops or len(kept) >= MAX_SUBJECT_WORDS - 1:
            break
        kept.insert(0, tok.text)
    return " ".join(kept)


def _analyse(t: _Text, n: NumberMatch, sentence: tuple[int, int]) -> _Found | None:
    ns, ne = t.to_norm(n.start), t.to_norm(n.end)
    if _not_a_quantity(t, n, ns, ne):
        return None
    unit, kind, us, ue = _unit(t, ns, ne)
    if kind == "duration" and _before_duration(t, ns):
        return None
    if unit is None and n.value <= 1:
        return None  # Arabic puts واحد after its noun: a lone 1 names no amount
    if tables.not_claims()["after"].match(t.norm, ue, ue + CONTEXT_CHARS):
        return None  # "24 ساعة الماضية": a time frame, not an assertion
    start, end = t.to_text(us, ue)
    start, end = min(start, n.start), max(end, n.end)
    qualifier = _qualifier(t, us, n.approx_hint)
    skip_min = unit == "percent" or n.approx_hint is not None or unit is None
    s0, s1 = _noun_phrase(t, end, sentence[1], skip_min)
    subject = _display(t.text[s0:s1])
    if not subject and unit is not None:
        subject = _phrase_before_marker(t, us, sentence[0])
    unit_text = _display(t.text[n.end : end]) if end > n.end else _display(t.text[start:n.start])
    after_re, after_map = tables.qualifiers()[3], tables.qualifiers()[2]
    q_after = after_re.match(t.norm, t.to_norm(max(s1, end)))
    if q_after and qualifier == "exact":
        qualifier = after_map[q_after.group("q")]  # type: ignore[assignment]
    return _Found(start, end, n.value, unit, unit_text, qualifier, subject, sentence, n)


def _bare(f: _Found) -> bool:
    return f.unit is None and not f.subject


def _link_neighbours(t: _Text, found: list[_Found]) -> None:
    """Share unit and subject across "477 و459 كيلومتراً" and "بين 29 ريالاً و54"."""
    for i in range(len(found) - 2, -1, -1):
        a, b = found[i], found[i + 1]
        gap = t.norm[t.to_norm(a.end) : t.to_norm(b.number.start)]
        if _bare(a) and not _bare(b) and _JOINER.match(gap):
            a.unit, a.unit_text, a.subject = b.unit, b.unit_text, b.subject
    for a, b in itertools.pairwise(found):
        gap = t.norm[t.to_norm(a.end) : t.to_norm(b.number.start)]
        if _bare(b) and not _bare(a) and _JOINER.match(gap):
            b.unit, b.unit_text, b.subject = a.unit, a.unit_text, a.subject


def _inherit_subjects(found: list[_Found], starts: list[int]) -> list[_Found]:
    """A bare count takes the subject of a count just before it, or is dropped.

    Only from the same or the previous sentence: "3000 جندي ... . سيبلغ عددهم 12 ألفاً".
    """
    kept: list[_Found] = []
    for f in found:
        if _bare(f):
            prev = next((k for k in reversed(kept) if k.unit is None and k.subject), None)
            if (
                prev is None
                or f.start - prev.end > INHERIT_CHARS
                or bisect_right(starts, f.start) - bisect_right(starts, prev.start) > 1
            ):
                continue
            f = replace(f, subject=prev.subject)
        if not f.subject:
            f = replace(f, subject=f.unit_text)
        kept.append(f)
    return kept


def _strip_joined_lam(source: str) -> str:
    """"للمصدر" is ل + المصدر: drop the preposition, restoring the article's alef."""
    if source.startswith("لل"):
        return "ا" + source[1:]
    if source.startswith("ل") and len(source) > 1:
        return source[1:].lstrip("\u0640")
    return source


def _source_stretch(t: _Text, start: int, limit: int) -> tuple[int, int]:
    """Normalised span of the source noun phrase starting at ``start``."""
    stops = tables.source_stops()
    first = end = start
    for words, m in enumerate(re.finditer(r"\S+", t.norm[start:limit])):
        word = m.group()
        lead = len(word) - len(word.lstrip(_OPENERS)) if words == 0 else 0
        word = word[lead:]
        clean = word.rstrip(_PUNCT)
        if not word or word[0] in _PUNCT or clean in stops or words >= MAX_SOURCE_WORDS:
            break
        if words == 0:
            first = start + m.start() + lead
        end = start + m.start() + lead + len(clean)
        if clean != word:
            break
    return first, end


def _pick_mention(mentions: list[Mention], start: int, end: int) -> int | None:
    for types in (_SOURCE_TYPES, _FALLBACK_TYPES):
        inside = [
            i
            for i, m in enumerate(mentions)
            if m.type in types and m.start < end and m.end > start
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
        a, b = _source_stretch(t, ss + h.end(), limit)
        if a >= b:
            continue
        os_, oe = t.to_text(a, b)
        while os_ < oe and t.text[os_].isspace():
            os_ += 1
        text = _display(t.text[os_:oe])
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
    _link_neighbours(t, found)
    claims: list[Claim] = []
    for f in _inherit_subjects(found, starts):
        quote = next(
            (q for q in doc.quotes if q.start <= f.number.start and f.number.end <= q.end), None
        )
        source, mention = (quote.speaker, quote.speaker_mention) if quote else (None, None)
        if source is None:
            source, mention = _attribution(t, doc.mentions, f.sentence, t.to_norm(f.start))
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
