from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.dates import gregorian_to_hijri, hijri_to_gregorian
from marsad.dates._hijri import month_length

# Pairs where the tabular calendar agrees with the Umm al-Qura calendar and with
# Duckling's holidays (Eid al-Fitr 1434 = 2013-08-08, Eid al-Adha 1434 = 2013-10-15).
KNOWN = [
    ((1445, 9, 1), date(2024, 3, 11)),
    ((1445, 1, 1), date(2023, 7, 19)),
    ((1434, 10, 1), date(2013, 8, 8)),
    ((1434, 12, 10), date(2013, 10, 15)),
    ((1, 1, 1), date(622, 7, 19)),
]


@pytest.mark.parametrize(("hijri", "gregorian"), KNOWN)
def test_known_pairs(hijri: tuple[int, int, int], gregorian: date) -> None:
    assert hijri_to_gregorian(*hijri) == gregorian
    assert gregorian_to_hijri(gregorian) == hijri


def test_epoch_is_a_friday() -> None:
    assert hijri_to_gregorian(1, 1, 1).weekday() == 4


@pytest.mark.parametrize("bad", [(1445, 13, 1), (1445, 0, 1), (1445, 2, 30), (0, 1, 1)])
def test_rejects_impossible_dates(bad: tuple[int, int, int]) -> None:
    with pytest.raises(ValueError):
        hijri_to_gregorian(*bad)


@given(st.dates(min_value=date(622, 7, 19), max_value=date(2200, 12, 31)))
def test_gregorian_round_trip(value: date) -> None:
    assert hijri_to_gregorian(*gregorian_to_hijri(value)) == value


@given(st.integers(1, 1600), st.integers(1, 12))
def test_months_are_contiguous(year: int, month: int) -> None:
    last = hijri_to_gregorian(year, month, month_length(year, month))
    nxt = (year + 1, 1) if month == 12 else (year, month + 1)
    assert hijri_to_gregorian(*nxt, 1) == last + timedelta(days=1)
    assert month_length(year, month) in (29, 30)
