"""Clock times (الساعة 3، 3:30، الثالثة والنصف عصرا، منتصف الليل) in normalised text.

A time is kept apart from the date value (``DateMatch.time``): the export schema stores
dates at day precision. An hour said without a part of the day is read on the 24-hour
clock by ``UNMARKED_PM_MAX``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from marsad.dates._tables import Vocabulary, vocabulary
from marsad.text import parse_number

# An hour from 1 to this said with no part of the day (الساعة الثالثة، حوالي الساعة 3) is
# in the afternoon: nobody schedules a press conference at 3 a.m. without saying فجرا.
# Duckling's Arabic corpus reads the same rows as 15:00; 7-11 stay morning hours.
UNMARKED_PM_MAX = 6
# ظهرا with an hour up to this is after noon (الواحدة ظهرا); 11 ظهرا is before it.
NOON_PM_MAX = 5
# الثامنة ليلا is 20:00, الواحدة ليلا 01:00: night hours from this up are evening ones.
NIGHT_PM_MIN = 6
# Characters before a part of the day searched for its hour: the longest hour with
# minutes in words (الحادية عشرة وخمس وأربعون دقيقة) is under 50.
_WORD_HOUR_REACH = 60
_CLITICS_LOOKBACK = 3  # two joined clitics and the character before them
_HALF_DAY = 12
_HOUR = 60


@dataclass(frozen=True)
class TimeHit:
    """``[start, end)`` in normalised text, and the time it names."""

    start: int
    end: int
    time: str


def _alt(words: list[str]) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) + ")"


class _Clock:
    def __init__(self, v: Vocabulary) -> None:
        self.v = v
        e = r"(?!\w)"
        cl = _alt(v.cues["clitic"]) + "{0,2}"
        hour_word = _alt(list(v.hours))
        frac = _alt(list(v.fractions))
        part = _alt(list(v.day_parts))
        minute_noun = _alt(v.cues["minute_noun"])
        clock = r"(?P<hh>\d{1,2}):(?P<mi>\d{2})(?::(?P<ss>\d{2}))?(?![\d:])"
        # After الساعة a dot separates hours and minutes too (الساعة 7.30 صباحا); a bare
        # 7.30 is a decimal.
        dotted = r"(?P<hh>\d{1,2})[:.](?P<mi>\d{2})(?::(?P<ss>\d{2}))?(?![\d:.])"
        words = r"[^\s,.;:\d]+(?:\s+[^\s,.;:\d]+){0,2}?"
        minutes = (
            rf"(?:\s*و\s*(?:(?P<mf>{frac}){e}|(?P<mn>\d{{1,2}})(?:\s+{minute_noun})?{e}"
            rf"|(?P<mw>{words})\s+{minute_noun}{e})"
            rf"|\s+الا\s+(?:(?P<neg>{frac}){e}|(?P<negn>\d{{1,2}})\s+{minute_noun}{e}))"
        )
        tail = rf"(?P<min>{minutes})?(?:\s+(?P<part>{part}))?{e}"
        hour = rf"(?:{dotted}|(?P<hn>\d{{1,2}}){e}|(?P<hw>{hour_word}){e})"
        noun = _alt(v.cues["hour_noun"])
        # Each pattern is tried only on text holding the word it cannot match without:
        # most paragraphs name no time at all.
        self.patterns = [
            (re.compile(noun), re.compile(rf"(?P<x>{noun}\s+{hour}{tail})")),
            (
                re.compile(r"\d:\d\d"),
                re.compile(rf"(?<![\w:/.])(?P<x>{clock}(?:\s+(?P<part>{part}){e})?)"),
            ),
        ]
        # A word hour needs a part of the day after it (الثالثة فجرا): only the text just
        # before each part word is searched.
        self.part = re.compile(rf"{part}{e}")
        self.word_hour = re.compile(
            rf"(?P<x>(?P<hw>{hour_word})(?P<min>{minutes})?\s+(?P<part>{part}){e})"
        )
        self.fixed = re.compile(rf"(?P<x>(?P<fixed>{_alt(list(v.fixed_times))})){e}")
        # Written after the word boundary a pattern would otherwise start with: a leading
        # look-behind and optional clitics make the regex engine try every position.
        self.lead = re.compile(rf"(?:^|\W){cl}$")

    def _minutes(self, m: re.Match[str]) -> int | None:
        g = m.groupdict()
        if g.get("mi") is not None:
            return int(g["mi"])
        if g.get("mf") is not None:
            return self.v.fractions[g["mf"]]
        if g.get("mn") is not None:
            return int(g["mn"])
        if g.get("mw") is not None:
            value = parse_number(g["mw"])
            return None if value is None or value != int(value) else int(value)
        if g.get("neg") is not None:
            return -self.v.fractions[g["neg"]]
        if g.get("negn") is not None:
            return -int(g["negn"])
        return 0

    def _time(self, m: re.Match[str]) -> str | None:
        g = m.groupdict()
        if g.get("hh") is not None:
            hour = int(g["hh"])
        elif g.get("hn") is not None:
            hour = int(g["hn"])
        else:
            hour = self.v.hours[g["hw"]]
        minute = self._minutes(m)
        second = int(g["ss"]) if g.get("ss") is not None else None
        if minute is None or not 0 <= hour <= 2 * _HALF_DAY or not -_HOUR < minute < _HOUR:
            return None
        if second is not None and not 0 <= second < _HOUR:
            return None
        if minute < 0:
            hour, minute = hour - 1, minute + _HOUR
        if not (g.get("hh") or "").startswith("0"):
            hour = self._24h(hour, g.get("part"))  # 05:00 is written on a 24-hour clock
        if not 0 <= hour < 2 * _HALF_DAY:
            return None
        return f"{hour:02d}:{minute:02d}" + ("" if second is None else f":{second:02d}")

    def _24h(self, hour: int, part: str | None) -> int:
        if hour > _HALF_DAY:
            return hour
        rule = "unmarked" if part is None else self.v.day_parts[part]
        if rule == "am":
            return 0 if hour == _HALF_DAY else hour
        if rule == "pm":
            return hour + _HALF_DAY if hour < _HALF_DAY else hour
        if rule == "noon":
            return hour + _HALF_DAY if 1 <= hour <= NOON_PM_MAX else hour
        if rule == "night":
            if hour == _HALF_DAY:
                return 0
            return hour + _HALF_DAY if hour >= NIGHT_PM_MIN else hour
        return hour + _HALF_DAY if 1 <= hour <= UNMARKED_PM_MAX else hour

    def _starts_word(self, norm: str, start: int) -> bool:
        """Whether ``start`` begins a word, clitics (و، ب، ل، ف) aside."""
        return bool(self.lead.search(norm[max(0, start - _CLITICS_LOOKBACK) : start]))

    def hits(self, norm: str) -> list[TimeHit]:
        found: list[TimeHit] = []
        for trigger, pattern in self.patterns:
            if not trigger.search(norm):
                continue
            for m in pattern.finditer(norm):
                if not self._starts_word(norm, m.start("x")):
                    continue
                value = self._time(m)
                if value is not None:
                    found.append(TimeHit(m.start("x"), m.end("x"), value))
        for p in self.part.finditer(norm):
            window = max(0, p.start() - _WORD_HOUR_REACH)
            for m in self.word_hour.finditer(norm, window, min(len(norm), p.end() + 1)):
                value = self._time(m) if self._starts_word(norm, m.start("x")) else None
                if value is not None and m.end("part") == p.end():
                    found.append(TimeHit(m.start("x"), m.end("x"), value))
        for m in self.fixed.finditer(norm):
            if not self._starts_word(norm, m.start("x")):
                continue
            found.append(TimeHit(m.start("x"), m.end("x"), self.v.fixed_times[m.group("fixed")]))
        found.sort(key=lambda h: (h.start, -h.end))
        kept: list[TimeHit] = []
        for hit in found:
            if not kept or hit.start >= kept[-1].end:
                kept.append(hit)
        return kept


@cache
def _clock() -> _Clock:
    return _Clock(vocabulary())


def time_hits(norm: str) -> list[TimeHit]:
    """Every clock time in normalised text, longest first where two overlap."""
    return _clock().hits(norm)
