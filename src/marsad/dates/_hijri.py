"""Tabular (arithmetic) Islamic calendar, so Hijri dates convert with no download.

This is the civil tabular calendar (Friday epoch, 11 leap years in each 30-year cycle at
years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29). Saudi outlets date by Umm al-Qura, which
follows the moon and can differ from the tabular date by a day or two; for a news date
that is within the precision a reader expects.
"""

from __future__ import annotations

from datetime import date

# date.toordinal() of 1 Muharram 1 AH in the civil tabular calendar: Friday 16 July 622
# (Julian) = 19 July 622 (proleptic Gregorian), the epoch of the standard arithmetic.
_EPOCH = date(622, 7, 19).toordinal()
_CYCLE_YEARS = 30
_CYCLE_DAYS = 10631  # 30 * 354 + 11 leap days
_YEAR_DAYS = 354


def _days_before_year(year: int) -> int:
    return (year - 1) * _YEAR_DAYS + (3 + 11 * year) // _CYCLE_YEARS


def _days_before_month(month: int) -> int:
    # Months alternate 30 and 29 days, starting with 30: ceil(29.5 * (month - 1)).
    return (59 * (month - 1) + 1) // 2


def month_length(year: int, month: int) -> int:
    """Days in a Hijri month (the last month gains a day in leap years)."""
    if month < 12:
        return 30 if month % 2 else 29
    leap = (14 + 11 * year) % _CYCLE_YEARS < 11
    return 30 if leap else 29


def hijri_to_gregorian(year: int, month: int, day: int) -> date:
    """Gregorian date of a Hijri date; ValueError when the Hijri date does not exist."""
    if year < 1 or not 1 <= month <= 12 or not 1 <= day <= month_length(year, month):
        raise ValueError(f"no such Hijri date: {year}-{month}-{day}")
    return date.fromordinal(_EPOCH + _days_before_year(year) + _days_before_month(month) + day - 1)


def gregorian_to_hijri(value: date) -> tuple[int, int, int]:
    """Hijri (year, month, day) of a Gregorian date."""
    days = value.toordinal() - _EPOCH
    year = (_CYCLE_YEARS * days + 10646) // _CYCLE_DAYS
    while _days_before_year(year + 1) <= days:
        year += 1
    while _days_before_year(year) > days:
        year -= 1
    rest = days - _days_before_year(year)
    month = 12
    while _days_before_month(month) > rest:
        month -= 1
    return year, month, rest - _days_before_month(month) + 1
