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
- without a publication date, only expressions carrying their own year are resolved;
- ``policy="future"`` (Duckling's convention) reads a weekday, month, day-and-month or
  holiday named alone as the coming one instead; the default ``"news"`` keeps the above;
- a weekday after a future verb in its clause (سيجتمع، ستبدأ، سوف) is the coming one,
  today included (``dates/data/future.tsv``);
- a holiday (``holidays.tsv``) is a day: Hijri ones by the tabular calendar, Easter by the
  Gregorian computus; without a year, the one nearest publication;
- a clock time goes to ``DateMatch.time``, never into ``value``; it dates the day written
  next to it, or, alone, the reference day (``time_only``);
- a range of days (من 13 إلى 15 يوليو، 13-15 يوليو، يومي 7 و14 أكتوبر) is one match whose
  ``until`` is the last day.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from typing import Literal

from marsad.dates._hijri import gregorian_to_hijri, hijri_to_gregorian
from marsad.dates._tables import Holiday, MonthName, Vocabulary, vocabulary
from marsad.dates._time import time_hits
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
# How far back a future verb is looked for before a weekday (سيجتمع الوزراء في القاهرة
# الخميس): the clause's last words; 6 words covered verb-subject-place-weekday orders in
# SaudiNewsNet sentences read while writing future.tsv.
FUTURE_WINDOW_WORDS = 6
FUTURE_WINDOW_CHARS = 120
# سـ + imperfect prefix + two letters at least (سيتم); shorter words (سن، ست) are nouns.
FUTURE_MIN_CHARS = 4
_WEEK_DAYS = 7
_MAX_CLITICS = 2
_MONTHS = 12


@dataclass(frozen=True)
class DateMatch:
    """One date expression: ``[start, end)`` offsets into the text searched.

    ``time`` is a clock time written with it (``HH:MM`` or ``HH:MM:SS``); ``until`` the
    last day of a range or pair of days (من 13 إلى 15 يوليو) at the precision of
    ``value``; ``until_time`` the end of a range of hours (من الساعة 3 إلى 4). ``time_only``
    marks a clock time with no date written: its ``value`` is the reference day, a guess
    ``extract_dates`` does not store.
    """

    start: int
    end: int
    expression: str
    value: str
    time: str | None = None
    until: str | None = None
    time_only: bool = False
    until_time: str | None = None


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    value: str
    chained: bool = False
    time: str | None = None
    until: str | None = None
    time_only: bool = False
    until_time: str | None = None


_Resolver = Callable[[re.Match[str], date | None, bool], str | tuple[str, str] | None]


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


def _pick(candidates: list[date], ref: date, offset: int | None, forward: bool) -> date | None:
    """``_nearest``, or under the future policy the first in publication's month or later.

    Duckling reads "الأول من شباط" on 12 February as this 1 February, the month's own.
    """
    if offset is None and forward:
        later = [c for c in candidates if (c.year, c.month) >= (ref.year, ref.month)]
        return min(later) if later else None
    return _nearest(candidates, ref, offset)


def _month_year(month: int, ref: date, offset: int | None, forward: bool = False) -> int:
    """Year of a month named without one: the latest on or before publication.

    ``forward`` reads it as the coming one instead (this month included).
    """
    if offset is None and forward:
        return ref.year if month >= ref.month else ref.year + 1
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


def _easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * l_) // 433
    month = (h + l_ - 7 * m + 90) // 25
    return date(year, month, (h + l_ - 7 * m + 33 * month + 19) % 32)


def _contains(pattern: str) -> Callable[[str], bool]:
    compiled = re.compile(pattern)
    return lambda text: compiled.search(text) is not None


def _monday(ref: date, weeks: int) -> date:
    return ref - timedelta(days=ref.weekday()) + timedelta(weeks=weeks)


class _Grammar:
    """The compiled expression families and their resolvers."""

    def __init__(self, v: Vocabulary, forward: bool) -> None:
        self.v = v
        self.forward = forward
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
        rng, both = _alt(c["range"]), _alt(c["range"] + c["list_and"])

        nth, nday, nweek = _alt(v.nth), _alt(c["nth_day"]), _alt(c["nth_week"])
        unit = rf"(?:{wd}|{wdb}|{nday}|{nweek})"
        of_month = (
            rf"\s+(?:{_alt(c['of_month'])}\s+|{_alt(c['clitic'])})(?:{mn}\s+(?P<pmod>{mod_a})|"
            rf"(?:{mn}\s*)?{monthx('m')}|{mn}\s*(?:(?P<mnum>\d{{1,2}})|(?P<mword>[^\s,.;:]+)))"
        )
        nth_year = (
            rf"(?:\s*,?\s*(?:{_alt(c['of_month'])}\s+)?{cl}(?:{yn}\s+)?(?P<y>\d{{4}})"
            rf"|\s+(?:{link}\s+)?{year_period}\s+(?P<ymod>{mod_a}))?"
        )
        range_month = rf"(?:{mn}\s+)?{monthx('m')}(?:{year_tail}|\s+(?P<mod>{mod_a}))?"
        families: list[tuple[str, _Resolver]] = [
            (
                rf"{b}{cl}(?P<x>(?:(?P<n1>{nth})\s+(?:{dayn}\s+)?(?P<u1>{unit})|"
                rf"(?P<u2>{unit})\s+(?P<n2>{nth})){of_month}{nth_year}){e}",
                self._nth_of_month,
            ),
            # From here the new patterns start with their first word, not a look-behind, so
            # the regex engine skips ahead fast; the resolver checks the word boundary.
            (
                rf"(?P<x>(?P<d1>\d{{1,2}})\s*(?P<conn>{both})\s*(?:{defn})?(?P<d2>\d{{1,2}})"
                rf"(?!\d)(?:\s+{link})?\s+{range_month}){e}",
                self._day_range,
            ),
            (
                rf"من\s+(?P<x>(?P<dw1>{ordinal})\s*(?P<conn>{rng})\s*(?P<dw2>{ordinal})"
                rf"(?:\s+{link})?\s+{range_month}){e}",
                self._day_range,
            ),
            (
                rf"(?P<x>{monthx('m')}\s+(?P<d1>\d{{1,2}})\s*(?P<conn>{rng})\s*"
                rf"(?P<d2>\d{{1,2}})(?!\d)(?:{year_tail})?){e}",
                self._month_day_range,
            ),
            (
                rf"(?P<x>(?P<hol>{_alt(v.holidays)})(?:\s+(?P<mod>{mod_a}))?"
                rf"(?:{year_tail})?){e}",
                self._holiday,
            ),
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
                rf"{b}{cl}(?:{dayn}\s+)?(?P<wd>{wd})\s*,?\s*(?:{same}\s+)?"
                rf"(?P<x>(?P<d>\d{{1,2}})\s*/\s*(?P<m>\d{{1,2}}))(?![\d/])",
                self._weekday_day_month,
            ),
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
            self._month_day_range: rf"\d\s*{rng}\s*\d",
            self._day_month: gm,
            self._month_year: gm,
            self._month_alone: gm,
            self._day_of_month_period: _alt(k for k, (u, _) in v.periods.items() if u == "month"),
            self._hijri: hm,
            self._holiday: _alt(v.holidays),
            self._day_range: gm,
            self._weekday_day_month: r"\d\s*/\s*\d",
        }
        self.triggers: dict[_Resolver, Callable[[str], bool]] = {
            f: _contains(w) for f, w in needs_word.items()
        }
        # An nth expression needs one of a few short words; substring tests are faster
        # than any regex over the whole article.
        nth_words, month_word = tuple(v.nth), re.compile(f"{gm}|{mn}")
        self.triggers[self._nth_of_month] = lambda text: (
            any(w in text for w in nth_words) and bool(month_word.search(text))
        )
        self._definite = tuple(c["definite"])
        self._clause_end = (*v.clause_sep, ".", "!", "?", "؟")
        self._conj = ("و", "ف")
        self._clitics = frozenset(c["clitic"])
        self._future_prefix = tuple(v.future["prefix"])
        self._range = frozenset(c["range"])
        self._and = frozenset(c["list_and"])
        self._time_link = frozenset((*c["time_link"], ","))

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
    def _day_month(self, m: re.Match[str], ref: date | None, forward: bool) -> str | None:
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
        found = _pick(candidates, ref, self._mod(m), forward)
        return _ymd(found) if found else None

    def _month_year(self, m: re.Match[str], ref: date | None, forward: bool) -> str | None:
        month = self._month(m)
        year = int(m.group("y"))
        if month is None or year < EXPLICIT_YEAR_MIN:
            return None
        if m.group("cl") and not month.alone and m.group("m2") is None:
            return None
        return _ym(year, month.month)

    def _month_of(
        self, m: re.Match[str], ref: date | None, forward: bool
    ) -> tuple[int, int] | None:
        """(year, month) of the month an nth expression counts in."""
        g = m.groupdict()
        if g.get("pmod") is not None:
            if ref is None:
                return None
            return _shift_month(ref.year, ref.month, self.v.modifiers_after[g["pmod"]])
        if g.get("m1") is not None:
            named = self._month(m)
            if named is None:
                return None
            month = named.month
        else:
            raw = g.get("mnum") or g.get("mword") or ""
            number = parse_number(raw) if raw not in self.v.ordinals else self.v.ordinals[raw]
            if number is None or number != int(number) or not 1 <= number <= _MONTHS:
                return None
            month = int(number)
        if g.get("y"):
            return int(g["y"]), month
        if ref is None:
            return None
        if g.get("ymod") is not None:
            return ref.year + self.v.modifiers_after[g["ymod"]], month
        return _month_year(month, ref, None, forward), month

    def _nth_of_month(self, m: re.Match[str], ref: date | None, forward: bool) -> str | None:
        """ثالث ثلاثاء في أيلول، اليوم الأخير من أكتوبر، أول أسبوع بشهر أكتوبر 2014."""
        found = self._month_of(m, ref, forward)
        if (
            found is None
            or not self._starts_word(m.string, m.start())
            or not YEAR_MIN <= found[0] <= YEAR_MAX
        ):
            return None
        year, month = found
        word, n = m.group("u1") or m.group("u2"), self.v.nth[m.group("n1") or m.group("n2")]
        days = [d for i in range(1, 32) if (d := _safe_date(year, month, i))]
        if word in self.v.cues["nth_day"]:
            pool = days
        elif word in self.v.cues["nth_week"]:
            pool = [d for d in days if d.weekday() == 0 and d.month == (d + timedelta(6)).month]
        else:
            weekday = self.v.weekdays.get(word, self.v.bare_weekdays.get(word))
            pool = [d for d in days if d.weekday() == weekday]
            written = self.v.ordinals.get(m.group("n2") or "")
            if written is not None and n > 0 and days[written - 1].weekday() == weekday:
                return _ymd(days[written - 1])  # الثلاثاء الثالث من سبتمبر 2024: a Tuesday 3rd
        if not pool or n > len(pool):
            return None
        return _ymd(pool[n - 1] if n > 0 else pool[n])

    def _day_range(
        self, m: re.Match[str], ref: date | None, forward: bool
    ) -> tuple[str, str] | None:
        """Two days of one month (13-15 يوليو، يومي 7 و14 أكتوبر): first and last."""
        month = self._month(m)
        if month is None or not self._starts_word(m.string, m.start()):
            return None
        g = m.groupdict()
        if m.group("conn") in self._and and (g.get("dw1") or g.get("dw2")):
            return None  # الثالث والعشرين is one ordinal, not 3 and 20
        first = int(g["d1"]) if g.get("d1") else self.v.ordinals[g["dw1"]]
        last = int(g["d2"]) if g.get("d2") else self.v.ordinals[g["dw2"]]
        if not first < last:
            return None
        if g.get("y"):
            year = int(g["y"])
            if year < EXPLICIT_YEAR_MIN:
                return None
        elif ref is None:
            return None
        else:
            years = range(ref.year - 1, ref.year + 2)
            candidates = [d for y in years if (d := _safe_date(y, month.month, first))]
            found = _pick(candidates, ref, self._mod(m), forward)
            if found is None:
                return None
            year = found.year
        start, end = _safe_date(year, month.month, first), _safe_date(year, month.month, last)
        return (_ymd(start), _ymd(end)) if start and end else None

    def _month_day_range(
        self, m: re.Match[str], ref: date | None, forward: bool
    ) -> tuple[str, str] | None:
        """يوليو 13-15، تموز 13 إلى 15: the month written first."""
        return self._day_range(m, ref, forward)

    def _starts_word(self, text: str, i: int) -> bool:
        """Whether ``text[i:]`` begins a word, up to two joined clitics (و13) aside."""
        j = i
        while j > 0 and i - j < _MAX_CLITICS and text[j - 1] in self._clitics:
            j -= 1
        return j == 0 or not text[j - 1].isalnum()

    def _holiday(self, m: re.Match[str], ref: date | None, forward: bool) -> str | None:
        """A holiday's day: in the year written, else nearest publication (or coming)."""
        holiday = self.v.holidays[m.group("hol")]
        if not self._starts_word(m.string, m.start()):
            return None
        if m.group("y"):
            year = int(m.group("y"))
            if not YEAR_MIN <= year <= YEAR_MAX:
                return None
            days = [d for d in self._holiday_days(holiday, year) if d.year == year]
            return _ymd(days[0]) if days else None
        if ref is None:
            return None
        candidates = [
            d for y in range(ref.year - 1, ref.year + 2) for d in self._holiday_days(holiday, y)
        ]
        found = _pick(candidates, ref, self._mod(m), forward)
        return _ymd(found) if found else None

    def _holiday_days(self, holiday: Holiday, year: int) -> list[date]:
        """The holiday's days that fall in or next to Gregorian ``year``."""
        if holiday.calendar == "easter":
            return [_easter(year)]
        if holiday.calendar == "gregorian":
            found = _safe_date(year, holiday.month, holiday.day)
            return [found] if found else []
        hyear = gregorian_to_hijri(date(year, 1, 1))[0]
        return [hijri_to_gregorian(y, holiday.month, holiday.day) for y in (hyear, hyear + 1)]

    def _month_alone(self, m: re.Match[str], ref: date | None, forward: bool) -> str | None:
        month = self._month(m)
        if month is None or ref is None:
            return None
        paired = m.group("m2") is not None
        if not (month.alone or paired):
            return None
        if m.group("ymod") is not None:
            return _ym(ref.year + self.v.modifiers_after[m.group("ymod")], month.month)
        return _ym(_month_year(month.month, ref, self._mod(m), forward), month.month)

    def _day_of_month_period(self, m: re.Match[str], ref: date | None, forward: bool) -> str | None:
        """ "الخامس من الشهر الجاري": a day of the month named relative to publication."""
        pre, mod = m.group("pre"), m.group("mod")
        if ref is None or (pre is None) == (mod is None):
            return None
        offset = self.v.modifiers_before[pre] if pre is not None else self.v.modifiers_after[mod]
        found = _safe_date(*_shift_month(ref.year, ref.month, offset), self._day(m))
        return _ymd(found) if found else None

    def _month_number(self, m: re.Match[str], ref: date | None, forward: bool) -> str | None:
        month = int(m.group("mnum"))
        if not 1 <= month <= _MONTHS:
            return None
        if m.group("y"):
            return _ym(int(m.group("y")), month)
        return None if ref is None else _ym(_month_year(month, ref, None, forward), month)

    def _hijri(self, m: re.Match[str], ref: date | None, forward: bool) -> str | None:
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
        found = _pick(candidates, ref, None, forward)
        return _ymd(self._fit_weekday(found, m)) if found else None

    def _hijri_year(self, m: re.Match[str], ref: date | None, forward: bool) -> str | None:
        year = int(m.group("y"))
        if not 1 <= year <= HIJRI_YEAR_MAX:
            return None
        return f"{hijri_to_gregorian(year, 1, 1).year:04d}"

    def _numeric(self, m: re.Match[str], ref: date | None, forward: bool) -> str | None:
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

    def _weekday_day_month(self, m: re.Match[str], ref: date | None, forward: bool) -> str | None:
        """السبت 21/09: a day/month without a year is a date only after a weekday."""
        if ref is None:
            return None
        day, month = int(m.group("d")), int(m.group("m"))
        weekday = self.v.weekdays[m.group("wd")]
        years = range(ref.year - 1, ref.year + 2)
        candidates = [
            d for y in years if (d := _safe_date(y, month, day)) and d.weekday() == weekday
        ]
        found = _nearest(candidates, ref, None)
        return _ymd(found) if found else None

    def _numeric_month(self, m: re.Match[str], ref: date | None, forward: bool) -> str | None:
        year, month = int(m.group("y")), int(m.group("m"))
        if not (YEAR_MIN <= year <= YEAR_MAX and 1 <= month <= _MONTHS):
            return None
        return _ym(year, month)

    def _year_explicit(self, m: re.Match[str], ref: date | None, forward: bool) -> str | None:
        year = int(m.group("y"))
        if m.group("gmark") is None and BARE_HIJRI_MIN <= year <= BARE_HIJRI_MAX:
            return f"{hijri_to_gregorian(year, 1, 1).year:04d}"
        return f"{year:04d}" if EXPLICIT_YEAR_MIN <= year <= YEAR_MAX else None

    def _year_cued(self, m: re.Match[str], ref: date | None, forward: bool) -> str | None:
        year = int(m.group("y"))
        return f"{year:04d}" if YEAR_MIN <= year <= YEAR_MAX else None

    def _weekday(self, m: re.Match[str], ref: date | None, forward: bool) -> str | None:
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
        offset = self._mod(m)
        if offset is None and forward:
            offset = 1
        elif offset is None and self._future_before(m):
            # سيعقد يومي الثلاثاء والأربعاء on a Tuesday: today and tomorrow, not next week.
            return _ymd(ref + timedelta(days=(weekday - ref.weekday()) % _WEEK_DAYS))
        return _ymd(_weekday_date(weekday, ref, offset))

    def _relative_day(self, m: re.Match[str], ref: date | None, forward: bool) -> str | None:
        if ref is None:
            return None
        days, guarded = self.v.relative_days[m.group("rel")]
        if guarded and m.group("wd") is None and m.group("next") is not None:
            return None
        if guarded and self._word_before(m) in self.v.cues["not_today"]:
            return None
        return _ymd(ref + timedelta(days=days))

    def _period(self, m: re.Match[str], ref: date | None, forward: bool) -> str | None:
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

    def _future_before(self, m: re.Match[str]) -> bool:
        """Whether a future verb (سيعقد، سوف) comes before ``m`` in its clause."""
        before = m.string[max(0, m.start() - FUTURE_WINDOW_CHARS) : m.start()]
        cut = max(before.rfind(sep) for sep in self._clause_end)
        words = before[cut + 1 :].split()[-FUTURE_WINDOW_WORDS:]
        f = self.v.future
        for previous, word in zip(["", *words], words, strict=False):
            if word in f["marker"]:
                return True
            bare = word[1:] if word[:1] in self._conj else word
            if (
                len(bare) >= FUTURE_MIN_CHARS
                and bare.startswith(self._future_prefix)
                and bare not in f["not_verb"]
                and previous not in f["not_after"]
            ):
                return True
        return False

    def _word_before(self, m: re.Match[str]) -> str:
        return m.string[: m.start()].rstrip().rsplit(" ", 1)[-1]

    def _after_definite(self, m: re.Match[str]) -> bool:
        return self._word_before(m).startswith(self._definite)

    def _duration(self, m: re.Match[str], ref: date | None, forward: bool) -> str | None:
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
            if trigger is not None and not trigger(norm):
                continue
            for m in pattern.finditer(norm):
                value = resolver(m, ref, self.forward)
                if value is None:
                    continue
                chained = resolver == self._month_alone and self._needs_chain(m)
                start = m.start("x")
                if m.groupdict().get("wd") is not None:
                    start = min(start, m.start("wd"))
                first, until = (value, None) if isinstance(value, str) else value
                found.append(_Hit(start, m.end("x"), first, chained, until=until))
        found.sort(key=lambda h: (h.start, -h.end))
        kept: list[_Hit] = []
        for hit in found:
            if kept and hit.start < kept[-1].end:
                continue
            if hit.chained and not (kept and self._follows(norm, kept[-1].end, hit.start)):
                continue
            if kept and self._is_range(norm, kept[-1], hit):
                kept[-1] = replace(kept[-1], end=hit.end, until=hit.value)
                continue
            kept.append(hit)
        return self._with_times(norm, kept, ref)

    def _is_range(self, norm: str, first: _Hit, second: _Hit) -> bool:
        """Two dates of one precision joined by إلى/حتى/- (من 13 تموز إلى 15 تموز)."""
        if first.until or second.until or len(first.value) != len(second.value):
            return False
        return norm[first.end : second.start].strip() in self._range and (
            first.value < second.value
        )

    def _with_times(self, norm: str, dates: list[_Hit], ref: date | None) -> list[_Hit]:
        """Attach each clock time to the date written beside it; a lone one to ``ref``."""
        times: list[tuple[int, int, str, str | None]] = []
        for t in time_hits(norm):
            if any(t.start < d.end and d.start < t.end for d in dates):
                continue
            last = times[-1] if times else None
            if last and last[3] is None and norm[last[1] : t.start].strip() in self._range:
                times[-1] = (last[0], t.end, last[2], t.time)
            else:
                times.append((t.start, t.end, t.time, None))
        if not times:
            return dates
        out = list(dates)
        for start, end, time, until in times:
            i = bisect_right([d.start for d in out], start)
            before = out[i - 1] if i > 0 else None
            after = out[i] if i < len(out) else None
            if before and before.time is None and self._links(norm[before.end : start]):
                out[i - 1] = replace(before, end=end, time=time, until_time=until)
            elif after and after.time is None and self._links(norm[end : after.start]):
                out[i] = replace(after, start=start, time=time, until_time=until)
            elif ref is not None:
                lone = _Hit(start, end, _ymd(ref), time=time, time_only=True, until_time=until)
                out.insert(i, lone)
        return out

    def _links(self, gap: str) -> bool:
        return all(w in self._time_link for w in gap.replace(",", " , ").split())

    def _needs_chain(self, m: re.Match[str]) -> bool:
        """A month alone with no cue, no pair and no modifier counts only after a date."""
        return not (m.group("cue") or m.group("mn") or m.group("m2") or m.group("mod"))

    def _follows(self, norm: str, end: int, start: int) -> bool:
        gap = norm[end:start].replace(",", " ").split()
        return all(w in self.v.cues["clitic"] for w in "".join(gap))


Policy = Literal["news", "future"]
_POLICIES: tuple[Policy, ...] = ("news", "future")


@cache
def _grammar(policy: Policy) -> _Grammar:
    if policy not in _POLICIES:
        raise ValueError(f"unknown date policy {policy!r}; expected one of {_POLICIES}")
    return _Grammar(vocabulary(), forward=policy == "future")


def find_dates(text: str, reference: date | None, *, policy: Policy = "news") -> list[DateMatch]:
    """Every date expression in ``text`` with its value, resolved against ``reference``.

    ``reference`` is the publication date; without it, expressions that depend on it
    (أمس، الشهر الماضي، في يونيو) are skipped rather than guessed. ``policy`` says which
    way a weekday, month or holiday named alone points: ``"news"`` (the latest one, news
    reports the past) or ``"future"`` (the coming one, Duckling's convention).
    """
    return search(text, normalize_with_map(text), reference, policy=policy)


def search(
    text: str, mapped: tuple[str, list[int]], reference: date | None, *, policy: Policy = "news"
) -> list[DateMatch]:
    """``find_dates`` on text already normalised with ``normalize_with_map``."""
    norm, offsets = mapped
    out = []
    for hit in _grammar(policy).hits(norm, reference):
        start, end = offsets[hit.start], offsets[hit.end - 1] + 1
        while end < len(text) and not text[end].isspace() and not normalize(text[end]):
            end += 1  # keep marks that normalisation dropped (غداً، هـ) in the expression
        out.append(
            DateMatch(
                start,
                end,
                text[start:end],
                hit.value,
                hit.time,
                hit.until,
                hit.time_only,
                hit.until_time,
            )
        )
    return out


def resolve(expression: str, reference: date, *, policy: Policy = "news") -> str | None:
    """Value of one date expression (the longest one found in it), or None."""
    matches = find_dates(expression, reference, policy=policy)
    if not matches:
        return None
    return max(matches, key=lambda d: d.end - d.start).value
