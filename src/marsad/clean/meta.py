"""Metadata lines: date lines, attribution and agency credits, and the language guess."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from marsad.clean.tables import (
    agencies,
    attributions,
    dateline_words,
    fold,
    language_words,
    months,
    name_key,
)

# A date line holds the date plus at most this many other words (a place name such as
# "الرياض" or "جنيف" in SPA datelines: "الرياض 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس").
DATELINE_MAX_EXTRA_WORDS = 2
# Attribution lines name one outlet or agency: of the 443 "نقلا عن"/"المصدر:" lines in
# ANT + SaudiNewsNet none has more than 3 words after the prefix ("نقلا عن مجلة فوربس
# الأمريكية"); 6 leaves room, and keeps a sentence that starts the same way in the body.
ATTRIBUTION_MAX_WORDS = 6
# The language of a news text shows in its first paragraph; counting letters further only
# costs time (it was about a third of cleaning time on ANT before this cap).
LANGUAGE_SAMPLE_CHARS = 1000
# Plausible publication years for a news date line; other four-digit numbers are not dates.
MIN_YEAR, MAX_YEAR = 1900, 2100
# Arabic share of letters above which a text is Arabic: Arabic news quotes Latin names,
# URLs and acronyms, but they stay well under half of the letters.
ARABIC_SHARE = 0.5

_NUMERIC_DATE = re.compile(
    r"(?<!\d)(?:(?P<y1>\d{4})[-/.](?P<m1>\d{1,2})[-/.](?P<d1>\d{1,2})"
    r"|(?P<d2>\d{1,2})[-/.](?P<m2>\d{1,2})[-/.](?P<y2>\d{4}))(?!\d)"
)
_TIME = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?!\d)")
_SPLIT_CREDIT = re.compile(r"\s*(?:[،,/|;؛]|\s-\s|\sو(?=\S))\s*")
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
_ARABIC = re.compile(
    r"[\u0620-\u064A\u066E\u066F\u0671-\u06D3\u06D5\u06EE\u06EF\u06FA-\u06FF"
    r"\u0750-\u077F\u08A0-\u08C9\uFB50-\uFDFB\uFE70-\uFEFC]"
)
_QUOTES = re.compile(r"[\"'«»“”]")
_LATIN_WORD = re.compile(r"[a-zà-ÿ]+")


@cache
def _month_pattern() -> re.Pattern[str]:
    names = sorted(months(), key=len, reverse=True)
    alt = "|".join(re.escape(n) for n in names)
    return re.compile(
        rf"(?<!\w)(?P<d>\d{{1,2}}) (?P<m>{alt})(?: ?/ ?(?:{alt}))?,? (?P<y>\d{{4}})(?!\d)"
    )


@cache
def _hijri_pattern() -> re.Pattern[str]:
    hijri = "|".join(re.escape(n) for n, (_, cal) in months().items() if cal == "hijri")
    return re.compile(rf"\d{{1,2}} (?:{hijri}) \d{{4}}")


def _iso(year: int, month: int, day: int) -> str | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _find_date(key: str) -> tuple[str, int, int] | None:
    """The first Gregorian date in a folded line: (ISO date, start, end)."""
    for m in _month_pattern().finditer(key):
        month, calendar = months()[m.group("m")]
        if calendar != "gregorian":
            continue
        iso = _iso(int(m.group("y")), month, int(m.group("d")))
        if iso:
            return iso, m.start(), m.end()
    m2 = _NUMERIC_DATE.search(key)
    if m2:
        if m2.group("y1"):
            iso = _iso(int(m2.group("y1")), int(m2.group("m1")), int(m2.group("d1")))
        else:
            iso = _iso(int(m2.group("y2")), int(m2.group("m2")), int(m2.group("d2")))
        if iso:
            return iso, m2.start(), m2.end()
    return None


@dataclass
class DateLine:
    published: str
    agencies: list[str] = field(default_factory=list)


def parse_date_line(key: str) -> DateLine | None:
    """A line that is only a date (plus weekday, time, Hijri date, place, agency)."""
    found = _find_date(key)
    if found is None:
        return None
    iso, start, end = found
    rest = _TIME.sub(" ", key[:start] + " " + key[end:])
    rest = _hijri_pattern().sub(" ", _month_pattern().sub(" ", rest))
    words = [w for w in re.split(r"[\s,،\-–|/()]+", rest) if w]
    extra: list[str] = []
    found_agencies: list[str] = []
    for w in words:
        if w in dateline_words():
            continue
        hit = agencies().get(name_key(w))
        if hit and hit[1] == "agency":
            found_agencies.append(hit[0])
            continue
        extra.append(w)
    if len(extra) > DATELINE_MAX_EXTRA_WORDS or any(w.isdigit() for w in extra):
        return None
    return DateLine(iso, found_agencies)


@dataclass
class Credit:
    """Who a line credits: agencies (canonical names), and an outlet name if one."""

    agencies: list[str] = field(default_factory=list)
    outlet: str | None = None


def parse_credit(text: str) -> Credit | None:
    """A closing credit made only of known agency/outlet names: "(رويترز، فرانس برس)"."""
    inner = text.strip().strip("*").strip()
    if inner.startswith("(") and inner.endswith(")"):
        inner = inner[1:-1]
    parts = [p for p in _SPLIT_CREDIT.split(inner) if p.strip(" .-–")]
    if not parts:
        return None
    credit = Credit()
    for part in parts:
        hit = agencies().get(name_key(part))
        if hit is None:
            return None
        if hit[1] == "agency":
            credit.agencies.append(hit[0])
        elif hit[1] == "outlet" and credit.outlet is None:
            credit.outlet = hit[0]
    return credit


@dataclass
class Attribution:
    target: str
    name: str


def parse_attribution(line: str) -> Attribution | None:
    """ "المصدر: بوابة الوفد" / "نقلاً عن : اندبندنت عربية" -> who is credited."""
    key = fold(line.strip().lstrip("*•- ").strip())
    for rule in attributions():
        if not key.startswith(rule.prefix):
            continue
        rest_key = key[len(rule.prefix) :]
        if rest_key and rest_key[0].isalnum():
            continue
        has_sep = rest_key.lstrip().startswith((":", "-", "–"))
        if rule.needs_separator and not has_sep:
            continue
        # Take the name from the original line: same word count after the prefix.
        words = line.strip().lstrip("*•- ").split()
        name = " ".join(words[len(rule.prefix.split()) :]).lstrip(":-– ").strip()
        name = _QUOTES.sub("", name).strip("*() ")
        if not name or len(name.split()) > ATTRIBUTION_MAX_WORDS:
            return None
        return Attribution(rule.target, name)
    return None


def credit_name(name: str) -> tuple[str, str] | None:
    """Canonical (name, kind) of a known agency or outlet, else None."""
    return agencies().get(name_key(name))


def guess_language(text: str) -> str:
    """'ar' when Arabic letters outnumber Latin ones, else 'en'/'fr' by function words.

    Other scripts are not told apart: they give 'und'.
    """
    text = text[:LANGUAGE_SAMPLE_CHARS]
    arabic = len(_ARABIC.findall(text))
    letters = arabic + len(_LATIN.findall(text))
    if not letters:
        return "und"
    if arabic / letters >= ARABIC_SHARE:
        return "ar"
    votes: dict[str, int] = {}
    table = language_words()
    for word in _LATIN_WORD.findall(text.lower()):
        lang = table.get(word)
        if lang:
            votes[lang] = votes.get(lang, 0) + 1
    if not votes:
        return "und"
    return max(sorted(votes), key=lambda k: votes[k])
