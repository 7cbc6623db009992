"""Date expressions: a small grammar over normalised text, built from the data tables.

Each family of expressions is one regular expression whose alternations come from
``dates/data``; a match is turned into a value by the resolver of its family. Values keep
the precision that was written: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

Policies (documented in the package docstring too):
- a month or weekday without a year is the latest one on or before publication, unless a
  future modifier (المقبل، القادم) follows it;
- a day and month without a year take the year that puts them nearest to publication
  (an upcoming "27 أكتوبر" in a 25 October article is this year's, a "28 ديسمبر" in a
  2 January article last year's); a weekday written with them picks the year it fits;
- a week (الأسبوع الماضي) is given as the date of its Monday (ISO weeks), the only way to
  name a week in ``YYYY-MM-DD``;
- a Hijri year alone is given as the Gregorian year of its 1 Muharram, a Hijri month with
  a year as the Gregorian month of its first day;
- without a publication date, only expressions carrying their own year are resolved.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from marsad.dates._hijri import gregorian_to_hijri, hijri_to_gregorian
from marsad.dates._tables import MonthName, Vocabulary, vocabulary
from marsad.text import normalize, normalize_with_map, parse_number

# A bare four-digit number after a preposition (في 2023) is read as a year only inside
# this range: modern news dates fall in it, counts like "في 1500 موقع" mostly do not.
YEAR_MIN = 1900
YEAR_MAX = 2100
# After عام/سنة, or inside a full date, the number is certainly a year; older years
# (عام 1916) appear in background paragraphs.
EXPLICIT_YEAR_MIN = 1000
# Hijri years in news are 13xx-14xx; 1600 AH is about 2174 CE, so a larger number after a
# Hijri month is a Gregorian year, which this grammar does not combine with Hijri months.
HIJRI_YEAR_MAX = 1600
# Saudi outlets write Hijri years after عام without هـ ("لعام 1436" in SaudiNewsNet); a
# Gregorian year in this range is medieval and rare in news, a Hijri one is 1882-2077 CE.
BARE_HIJRI_MIN = 1300
BARE_HIJRI_MAX = 1500
# The tabular Hijri calendar and Umm al-Qura (what Saudi outlets print) differ by at
# most two days over 1300-1500 AH, so a weekday written beside a Hijri date may move it
# that far, no further.
HIJRI_DRIFT_DAYS = 2
# Numbers of units a duration may count (قبل 3 أيام); larger counts are not dates.
MAX_DURATION_COUNT = 400
_WEEK_DAYS = 7
_MONTHS = 12


@dataclass(frozen=True)
class DateMatch:
    """One date expression: ``[start, end)`` offsets into the text searched."""

    start: int
    end: int
    expression: str
    value: str


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    value: str
    chained: bool = False


_Resolver = Callable[[re.Match[str], date | None], str | None]


def _alt(words: Iterable[str]) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) + ")"


def _ymd(value: date) -> str:
    return value.isoformat()


def _ym(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * _MONTHS + month - 1 + delta
    return index // _MONTHS, index % _MONTHS + 1


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _nearest(candidates: list[date], ref: date, offset: int | None) -> date | None:
    """The candidate nearest to ``ref``; a modifier restricts it to before or after."""
    if offset == -1:
        candidates = [c for c in candidates if c < ref]
    elif offset == 1:
        candidates = [c for c in candidates if c > ref]
    if not candidates:
        return None
    return min(candidates, key=lambda c: (abs((c - ref).days), c > ref))


def _month_year(month: int, ref: date, offset: int | None) -> int:
    """Year of a month named without one: the latest on or before publication."""
    if offset == 1:
        return ref.year if month > ref.month else ref.year + 1
    if offset == 0:
        return ref.year
    if offset == -1:
        return ref.year if month < ref.month else ref.year - 1
    return ref.year if month <= ref.month else ref.year - 1


def _weekday_date(weekday: int, ref: date, offset: int | None) -> date:
    back = (ref.weekday() - weekday) % _WEEK_DAYS
    if offset == 1:
        return ref + timedelta(days=(weekday - ref.weekday()) % _WEEK_DAYS or _WEEK_DAYS)
    if offset == -1:
        return ref - timedelta(days=back or _WEEK_DAYS)
    return ref - timedelta(days=back)


def _monday(ref: date, weeks: int) -> date:
    return ref - timedelta(days=ref.weekday()) + timedelta(weeks=weeks)


class _Grammar:
    """The compiled expression families and their resolvers."""

    def __init__(self, v: Vocabulary) -> None:
        self.v = v
        c = v.cues
        greg = {k: m for k, m in v.months.items() if m.calendar != "hijri"}
        hijri = {k: m for k, m in v.months.items() if m.calendar == "hijri"}
        b, e = r"(?<!\w)", r"(?!\w)"
        cl = _alt(c["clitic"]) + "{0,2}"
        gm, hm = _alt(greg), _alt(hijri)
        wd, wdb = _alt(v.weekdays), _alt(v.bare_weekdays)
        ordinal, link = _alt(v.ordinals), _alt(c["link"])
        mn, yn, same = _alt(c["month_noun"]), _alt(c["year_noun"]), _alt(c["same_day"])
        gmark, hmark = _alt(c["gregorian_mark"]), _alt(c["hijri_mark"])
        mod_a, mod_b = _alt(v.modifiers_after), _alt(v.modifiers_before)
        defn, dayn, weekn = _alt(c["definite"]), _alt(c["day_noun"]), _alt(c["week_noun"])
        approx, anchor = _alt(c["approx"]), _alt(c["anchor"])
        # Up to three words (خمسة وعشرين); marsad.text.parse_number decides if they count.
        count = r"[^\s,.;:]+(?:\s+[^\s,.;:]+){0,2}"
        rel = _alt(v.relative_days)
        month_period = _alt(w for w, (unit, _) in v.periods.items() if unit == "month")
        year_period = _alt(w for w, (unit, _) in v.periods.items() if unit == "year")

        def monthx(p: str) -> str:
            return rf"(?P<{p}1>{gm})(?:(?:\s*[/(«-]\s*|\s+)(?P<{p}2>{gm})\s*[)»]?)?"

        year_tail = rf"\s*,?\s*(?:{link}\s+)?(?:{yn}\s+)?(?P<y>\d{{4}})(?:\s*{gmark}{e})?"
        day = rf"(?:(?:{defn})?(?P<d>\d{{1,2}})|(?P<dw>{ordinal}))(?:\s+{link})?\s+"
        weekday_lead = rf"(?:(?P<wd>{wd})\s*,?\s*(?:{same}\s+)?)?"
        families: list[tuple[str, _Resolver]] = [
            (
                rf"{b}{cl}(?:{dayn}\s+)?{weekday_lead}(?P<x>{day}(?:{mn}\s+)?{monthx('m')}"
                rf"(?:{year_tail}|\s+(?P<mod>{mod_a}))?){e}",
                self._day_month,
            ),
            (rf"{b}(?P<cl>{cl})(?:{mn}\s+)?(?P<x>{monthx('m')}{year_tail}){e}", self._month_year),
            (
                rf"{b}(?:{cl}(?P<cue>{_alt(c['month_cue'])})\s+|(?P<cl>{cl}))(?:(?P<mn>{mn})\s+)?"
                rf"(?P<x>{monthx('m')}(?:\s+(?P<mod>{mod_a})|\s+(?:{link}\s+)?{year_period}\s+"
                rf"(?P<ymod>{mod_a}))?){e}",
                self._month_alone,
            ),
            (rf"{b}{cl}{mn}\s+(?P<x>(?P<mnum>\d{{1,2}})(?:{year_tail})?){e}", self._month_number),
            (
                rf"{b}{cl}(?:{dayn}\s+)?{weekday_lead}(?P<x>{day}(?:(?P<pre>{mod_b})\s+)?"
                rf"{month_period}(?:\s+(?P<mod>{mod_a}))?){e}",
                self._day_of_month_period,
            ),
            (
                rf"{b}{cl}{weekday_lead}(?P<x>(?:{day})?(?:{mn}\s+)?(?P<hm>{hm})"
                rf"(?:\s*,?\s*(?:{link}\s+)?(?:{yn}\s+)?(?P<y>\d{{3,4}})(?:\s*{hmark})?)?){e}",
                self._hijri,
            ),
            (rf"{b}{cl}(?P<x>(?:{yn}\s+)?(?P<y>\d{{3,4}})\s*{hmark}){e}", self._hijri_year),
            (
                rf"{b}{cl}{weekday_lead}(?P<x>(?P<d>\d{{1,2}})\s*(?P<s>[/.-])\s*(?P<m>\d{{1,2}})\s*(?P=s)\s*"
                rf"(?P<y>\d{{4}})(?!\d)(?:\s*(?P<hmark>{hmark}){e})?)",
                self._numeric,
            ),
            (
                rf"{b}(?P<x>(?P<y>\d{{4}})\s*(?P<s>[/.-])\s*(?P<m>\d{{1,2}})\s*(?P=s)\s*"
                rf"(?P<d>\d{{1,2}})(?!\d)(?:\s*(?P<hmark>{hmark}){e})?)",
                self._numeric,
            ),
            (rf"{b}(?P<x>(?P<m>\d{{1,2}})/(?P<y>\d{{4}}))(?!\d|[/.-]\d)", self._numeric_month),
            (
                rf"{b}{cl}(?P<x>{yn}\s+(?P<y>\d{{4}})(?:\s*(?P<gmark>{gmark}))?){e}",
                self._year_explicit,
            ),
            (rf"{b}(?P<x>(?P<y>\d{{4}})(?P<gmark>{gmark})){e}", self._year_cued),
            (
                rf"{b}{cl}{_alt(c['year_cue'])}\s+(?P<x>(?P<y>\d{{4}})){e}(?!\s*[%.,]\d)",
                self._year_cued,
            ),
            (
                rf"{b}{cl}(?:{dayn}\s+)?(?P<x>(?P<wd>{wd})(?:\s+(?:(?P<mod>{mod_a})|(?:{link}\s+)?"
                rf"(?:(?P<wmodb>{mod_b})\s+)?{weekn}(?:\s+(?P<wmod>{mod_a}))?))?){e}",
                self._weekday,
            ),
            (rf"{b}{cl}{dayn}\s+(?P<x>(?P<wd>{wdb})(?:\s+(?P<mod>{mod_a}))?){e}", self._weekday),
            (rf"{b}{cl}(?P<x>(?P<wd>{wdb})\s+{weekn}\s+(?P<wmod>{mod_a})){e}", self._weekday),
            (
                rf"{b}{cl}(?:{dayn}\s+)?(?P<x>(?P<rel>{rel})"
                rf"(?:\s*,?\s*\(?\s*(?P<wd>{wd})\s*\)?)?){e}(?P<next>\s+{defn})?",
                self._relative_day,
            ),
            (
                rf"{b}{cl}(?P<x>(?:(?P<pre>{mod_b})\s+)?(?P<per>{_alt(v.periods)})"
                rf"(?:\s+(?P<mod>{mod_a}))?){e}",
                self._period,
            ),
            (
                rf"{b}{cl}(?P<x>(?P<dir>{_alt(v.directions)})\s+(?:{approx}\s+)?(?:(?P<n>{count})\s+)?"
                rf"(?P<u>{_alt(v.durations)})){e}(?!\s+(?:{anchor}|{wd}|{gm}|{hm}|{rel}){e})(?!\s*\d)",
                self._duration,
            ),
        ]
        self.families = [(re.compile(p), f) for p, f in families]
        # A family whose expressions all contain one of these words is skipped, at no
        # cost in matches, on text without any: most articles name no month at all.
        needs_word: dict[_Resolver, str] = {
            self._day_month: gm,
            self._month_year: gm,
            self._month_alone: gm,
            self._day_of_month_period: _alt(k for k, (u, _) in v.periods.items() if u == "month"),
            self._hijri: hm,
        }
        self.triggers = {f: re.compile(w) for f, w in needs_word.items()}
        self._definite = tuple(c["definite"])

    # -- helpers -------------------------------------------------------------------
    def _month(self, m: re.Match[str], p: str = "m") -> MonthName | None:
        first = self.v.months[m.group(p + "1")]
        second = m.group(p + "2")
        if second is not None and self.v.months[second].month != first.month:
            return None
        return first

    def _day(self, m: re.Match[str]) -> int:
        return int(m.group("d")) if m.group("d") else self.v.ordinals[m.group("dw")]

    def _fit_weekday(self, value: date, m: re.Match[str]) -> date:
        """Move a tabular Hijri date onto the weekday written with it (Umm al-Qura drift)."""
        word = m.groupdict().get("wd")
        if word is None:
            return value
        shifts = sorted(range(-HIJRI_DRIFT_DAYS, HIJRI_DRIFT_DAYS + 1), key=abs)
        for shift in shifts:
            moved = value + timedelta(days=shift)
            if moved.weekday() == self.v.weekdays[word]:
                return moved
        return value

    def _mod(self, m: re.Match[str], name: str = "mod") -> int | None:
        word = m.groupdict().get(name)
        return None if word is None else self.v.modifiers_after[word]

    # -- resolvers -------------------------------------------------------------------
    def _day_month(self, m: re.Match[str], ref: date | None) -> str | None:
        month = self._month(m)
        if month is None:
            return None
        day = self._day(m)
        if m.group("y"):
            year = int(m.group("y"))
            found = _safe_date(year, month.month, day) if year >= EXPLICIT_YEAR_MIN else None
            return _ymd(found) if found else None
        if ref is None:
            return None
        years = range(ref.year - 1, ref.year + 2)
        candidates = [d for y in years if (d := _safe_date(y, month.month, day))]
        if m.group("wd"):
            fitting = [d for d in candidates if d.weekday() == self.v.weekdays[m.group("wd")]]
            candidates = fitting or candidates
        found = _nearest(candidates, ref, self._mod(m))
        return _ymd(found) if found else None

    def _month_year(self, m: re.Match[str], ref: date | None) -> str | None:
        month = self._month(m)
        year = int(m.group("y"))
        if month is None or year < EXPLICIT_YEAR_MIN:
            return None
        if m.group("cl") and not month.alone and m.group("m2") is None:
            return None
        return _ym(year, month.month)

    def _month_alone(self, m: re.Match[str], ref: date | None) -> str | None:
        month = self._month(m)
        if month is None or ref is None:
            return None
        paired = m.group("m2") is not None
        if not (month.alone or paired):
            return None
        if m.group("ymod") is not None:
            return _ym(ref.year + self.v.modifiers_after[m.group("ymod")], month.month)
        return _ym(_month_year(month.month, ref, self._mod(m)), month.month)

    def _day_of_month_period(self, m: re.Match[str], ref: date | None) -> str | None:
        """ "الخامس من الشهر الجاري": a day of the month named relative to publication."""
        pre, mod = m.group("pre"), m.group("mod")
        if ref is None or (pre is None) == (mod is None):
            return None
        offset = self.v.modifiers_before[pre] if pre is not None else self.v.modifiers_after[mod]
        found = _safe_date(*_shift_month(ref.year, ref.month, offset), self._day(m))
        return _ymd(found) if found else None

    def _month_number(self, m: re.Match[str], ref: date | None) -> str | None:
        month = int(m.group("mnum"))
        if not 1 <= month <= _MONTHS:
            return None
        if m.group("y"):
            return _ym(int(m.group("y")), month)
        return None if ref is None else _ym(_month_year(month, ref, None), month)

    def _hijri(self, m: re.Match[str], ref: date | None) -> str | None:
        month = self.v.months[m.group("hm")].month
        has_day = bool(m.group("d") or m.group("dw"))
        if m.group("y"):
            year = int(m.group("y"))
            if not 1 <= year <= HIJRI_YEAR_MAX:
                return None
            start = hijri_to_gregorian(year, month, 1)
            if not has_day:
                return _ym(start.year, start.month)
            day = self._day(m)
            if not 1 <= day <= 30:
                return None
            return _ymd(self._fit_weekday(start + timedelta(days=day - 1), m))
        if not has_day or ref is None:
            return None
        day = self._day(m)
        if not 1 <= day <= 30:
            return None
        hyear = gregorian_to_hijri(ref)[0]
        candidates = [
            hijri_to_gregorian(y, month, 1) + timedelta(days=day - 1)
            for y in (hyear - 1, hyear, hyear + 1)
        ]
        found = _nearest(candidates, ref, None)
        return _ymd(self._fit_weekday(found, m)) if found else None

    def _hijri_year(self, m: re.Match[str], ref: date | None) -> str | None:
        year = int(m.group("y"))
        if not 1 <= year <= HIJRI_YEAR_MAX:
            return None
        return f"{hijri_to_gregorian(year, 1, 1).year:04d}"

    def _numeric(self, m: re.Match[str], ref: date | None) -> str | None:
        year, month, day = int(m.group("y")), int(m.group("m")), int(m.group("d"))
        if m.group("hmark"):
            if not (1 <= year <= HIJRI_YEAR_MAX and 1 <= month <= _MONTHS and 1 <= day <= 30):
                return None
            start = hijri_to_gregorian(year, month, 1)
            return _ymd(self._fit_weekday(start + timedelta(days=day - 1), m))
        if not YEAR_MIN <= year <= YEAR_MAX:
            return None
        found = _safe_date(year, month, day)
        return _ymd(found) if found else None

    def _numeric_month(self, m: re.Match[str], ref: date | None) -> str | None:
        year, month = int(m.group("y")), int(m.group("m"))
        if not (YEAR_MIN <= year <= YEAR_MAX and 1 <= month <= _MONTHS):
            return None
        return _ym(year, month)

    def _year_explicit(self, m: re.Match[str], ref: date | None) -> str | None:
        year = int(m.group("y"))
        if m.group("gmark") is None and BARE_HIJRI_MIN <= year <= BARE_HIJRI_MAX:
            return f"{hijri_to_gregorian(year, 1, 1).year:04d}"
        return f"{year:04d}" if EXPLICIT_YEAR_MIN <= year <= YEAR_MAX else None

    def _year_cued(self, m: re.Match[str], ref: date | None) -> str | None:
        year = int(m.group("y"))
        return f"{year:04d}" if YEAR_MIN <= year <= YEAR_MAX else None

    def _weekday(self, m: re.Match[str], ref: date | None) -> str | None:
        if ref is None or self._word_before(m) in self.v.cues["every"]:
            return None
        word = m.group("wd")
        weekday = self.v.weekdays.get(word, self.v.bare_weekdays.get(word))
        if weekday is None:
            return None
        groups = m.groupdict()
        if groups.get("wmodb") is not None or groups.get("wmod") is not None:
            week = (
                self.v.modifiers_before[groups["wmodb"]]
                if groups.get("wmodb") is not None
                else self.v.modifiers_after[groups["wmod"]]
            )
            return _ymd(_monday(ref, week) + timedelta(days=weekday))
        return _ymd(_weekday_date(weekday, ref, self._mod(m)))

    def _relative_day(self, m: re.Match[str], ref: date | None) -> str | None:
        if ref is None:
            return None
        days, guarded = self.v.relative_days[m.group("rel")]
        if guarded and m.group("wd") is None and m.group("next") is not None:
            return None
        if guarded and self._word_before(m) in self.v.cues["not_today"]:
            return None
        return _ymd(ref + timedelta(days=days))

    def _period(self, m: re.Match[str], ref: date | None) -> str | None:
        if ref is None:
            return None
        pre, mod = m.group("pre"), m.group("mod")
        if (pre is None) == (mod is None):
            return None
        unit, guarded = self.v.periods[m.group("per")]
        if guarded and pre is None and self._after_definite(m):
            return None
        offset = self.v.modifiers_before[pre] if pre is not None else self.v.modifiers_after[mod]
        if unit == "week":
            return _ymd(_monday(ref, offset))
        if unit == "month":
            return _ym(*_shift_month(ref.year, ref.month, offset))
        return f"{ref.year + offset:04d}"

    def _word_before(self, m: re.Match[str]) -> str:
        return m.string[: m.start()].rstrip().rsplit(" ", 1)[-1]

    def _after_definite(self, m: re.Match[str]) -> bool:
        return self._word_before(m).startswith(self._definite)

    def _duration(self, m: re.Match[str], ref: date | None) -> str | None:
        if ref is None:
            return None
        forms = self.v.durations[m.group("u")]
        raw = m.group("n")
        if raw is None:
            counted = [(u, int(c)) for u, c in forms if c != "n"]
        else:
            value = parse_number(raw)
            if value is None or value != int(value):
                return None
            counted = [(u, int(value)) for u, c in forms if c == "n"]
        if not counted or not 0 < counted[0][1] <= MAX_DURATION_COUNT:
            return None
        unit, n = counted[0]
        n *= self.v.directions[m.group("dir")]
        if unit in ("day", "week"):
            return _ymd(ref + timedelta(days=n * (_WEEK_DAYS if unit == "week" else 1)))
        if unit == "month":
            return _ym(*_shift_month(ref.year, ref.month, n))
        return f"{ref.year + n:04d}"

    # -- search ------------------------------------------------------------------------
    def hits(self, norm: str, ref: date | None) -> list[_Hit]:
        found: list[_Hit] = []
        for pattern, resolver in self.families:
            trigger = self.triggers.get(resolver)
            if trigger is not None and not trigger.search(norm):
                continue
            for m in pattern.finditer(norm):
                value = resolver(m, ref)
                if value is None:
                    continue
                chained = resolver == self._month_alone and self._needs_chain(m)
                start = m.start("x")
                if m.groupdict().get("wd") is not None:
                    start = min(start, m.start("wd"))
                found.append(_Hit(start, m.end("x"), value, chained))
        found.sort(key=lambda h: (h.start, -h.end))
        kept: list[_Hit] = []
        for hit in found:
            if kept and hit.start < kept[-1].end:
                continue
            if hit.chained and not (kept and self._follows(norm, kept[-1].end, hit.start)):
                continue
            kept.append(hit)
        return kept

    def _needs_chain(self, m: re.Match[str]) -> bool:
        """A month alone with no cue, no pair and no modifier counts only after a date."""
        return not (m.group("cue") or m.group("mn") or m.group("m2") or m.group("mod"))

    def _follows(self, norm: str, end: int, start: int) -> bool:
        gap = norm[end:start].replace(",", " ").split()
        return all(w in self.v.cues["clitic"] for w in "".join(gap))


@cache
def _grammar() -> _Grammar:
    return _Grammar(vocabulary())


def find_dates(text: str, reference: date | None) -> list[DateMatch]:
    """Every date expression in ``text`` with its value, resolved against ``reference``.

    ``reference`` is the publication date; without it, expressions that depend on it
    (أمس، الشهر الماضي، في يونيو) are skipped rather than guessed.
    """
    return search(text, normalize_with_map(text), reference)


def search(text: str, mapped: tuple[str, list[int]], reference: date | None) -> list[DateMatch]:
    """``find_dates`` on text already normalised with ``normalize_with_map``."""
    norm, offsets = mapped
    out = []
    for hit in _grammar().hits(norm, reference):
        start, end = offsets[hit.start], offsets[hit.end - 1] + 1
        while end < len(text) and not text[end].isspace() and not normalize(text[end]):
            end += 1  # keep marks that normalisation dropped (غداً، هـ) in the expression
        out.append(DateMatch(start, end, text[start:end], hit.value))
    return out


def resolve(expression: str, reference: date) -> str | None:
    """Value of one date expression (the longest one found in it), or None."""
    matches = find_dates(expression, reference)
    if not matches:
        return None
    return max(matches, key=lambda d: d.end - d.start).value
