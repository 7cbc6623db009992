"""The date vocabulary, read from ``dates/data/*.tsv`` and normalised for matching."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from marsad._tables import read_rows
from marsad.text import normalize


def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """Tab-separated rows of a data file; ``#`` comments and blank lines skipped."""
    return read_rows("marsad.dates", name)


@dataclass(frozen=True)
class MonthName:
    month: int
    calendar: str
    alone: bool


@dataclass(frozen=True)
class Holiday:
    calendar: str
    month: int
    day: int


@dataclass(frozen=True)
class Vocabulary:
    """Every word list, keyed by its normalised spelling."""

    months: dict[str, MonthName]
    weekdays: dict[str, int]
    bare_weekdays: dict[str, int]
    relative_days: dict[str, tuple[int, bool]]
    periods: dict[str, tuple[str, bool]]
    modifiers_after: dict[str, int]
    modifiers_before: dict[str, int]
    durations: dict[str, list[tuple[str, str]]]
    directions: dict[str, int]
    ordinals: dict[str, int]
    cues: dict[str, list[str]]
    clause_sep: frozenset[str]
    clause_words: list[str]
    trim: str
    hours: dict[str, int]
    day_parts: dict[str, str]
    fractions: dict[str, int]
    fixed_times: dict[str, str]
    holidays: dict[str, Holiday]
    future: dict[str, list[str]]
    nth: dict[str, int]


@cache
def vocabulary() -> Vocabulary:
    months = {
        normalize(name): MonthName(int(num), cal, alone == "yes")
        for num, cal, name, alone in rows("months.tsv")
    }
    weekdays: dict[str, int] = {}
    bare: dict[str, int] = {}
    for num, name, form in rows("weekdays.tsv"):
        (weekdays if form == "definite" else bare)[normalize(name)] = int(num)
    durations: dict[str, list[tuple[str, str]]] = {}
    for word, unit, count in rows("durations.tsv"):
        durations.setdefault(normalize(word), []).append((unit, count))
    cues: dict[str, list[str]] = {}
    for kind, word in rows("cues.tsv"):
        cues.setdefault(kind, []).append(normalize(word))
    future: dict[str, list[str]] = {}
    for kind, word in rows("future.tsv"):
        future.setdefault(kind, []).append(normalize(word))
    modifiers = rows("modifiers.tsv")
    clause = rows("clause.tsv")
    return Vocabulary(
        months=months,
        weekdays=weekdays,
        bare_weekdays=bare,
        relative_days={normalize(w): (int(d), g == "yes") for w, d, g in rows("relative_days.tsv")},
        periods={normalize(w): (u, g == "yes") for w, u, g in rows("periods.tsv")},
        modifiers_after={normalize(w): int(o) for w, o, p in modifiers if p == "after"},
        modifiers_before={normalize(w): int(o) for w, o, p in modifiers if p == "before"},
        durations=durations,
        directions={normalize(w): int(s) for w, s in rows("directions.tsv")},
        ordinals={normalize(w): int(d) for d, w in rows("ordinals.tsv")},
        cues=cues,
        clause_sep=frozenset(normalize(t) for k, t in clause if k == "clause_sep"),
        clause_words=[normalize(t) for k, t in clause if k == "clause_word"],
        trim="".join(t for k, t in clause if k == "trim"),
        hours={normalize(w): int(h) for h, w in rows("hours.tsv")},
        day_parts={normalize(w): r for w, r in rows("day_parts.tsv")},
        fractions={normalize(w): int(n) for w, n in rows("minutes.tsv")},
        fixed_times={normalize(w): t for w, t in rows("fixed_times.tsv")},
        holidays={
            normalize(w): Holiday(cal, int(m), int(d)) for w, cal, m, d in rows("holidays.tsv")
        },
        future=future,
        nth={normalize(w): int(n) for n, w in rows("nth.tsv")},
    )
