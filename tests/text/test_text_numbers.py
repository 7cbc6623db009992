from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.text import NumberMatch, find_numbers, parse_number

INDIC = str.maketrans("0123456789,", "٠١٢٣٤٥٦٧٨٩٬")


def values(text: str) -> list[tuple[str, float, str | None]]:
    return [(m.text, m.value, m.approx_hint) for m in find_numbers(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أرسلت 10 آلاف جندي", [("10 آلاف", 10000, None)]),
        ("نحو 12 ألفاً من الجنود", [("12 ألفاً", 12000, None)]),
        ("خسائر بقيمة 3.5 مليارات دولار", [("3.5 مليارات", 3.5e9, None)]),
        ("نحو 1500 جندي", [("1500", 1500, None)]),
        ("قتل عشرات الآلاف", [("عشرات الآلاف", 20000, "at_least")]),
        ("وصل آلاف الجنود", [("آلاف", 2000, "at_least")]),
        ("أصيب المئات", [("المئات", 200, "at_least")]),
        ("بنسبة 99%", [("99", 99, None)]),
        ("مئتان وخمسون طائرة", [("مئتان وخمسون", 250, None)]),
        ("ثلاثة آلاف وخمسمائة", [("ثلاثة آلاف وخمسمائة", 3500, None)]),
        ("ألفي جندي", [("ألفي", 2000, None)]),
        ("نصف مليون لاجئ", [("نصف مليون", 500000, None)]),
        ("مليون ونصف المليون", [("مليون ونصف", 1500000, None)]),
        ("بلغت ٣٫٥ مليون و٢٥٠ ألفاً", [("٣٫٥ مليون و٢٥٠ ألفاً", 3750000, None)]),
        ("إحدى عشرة دولة", [("إحدى عشرة", 11, None)]),
        ("بين 5 و10 سنوات", [("5", 5, None), ("10", 10, None)]),
        ("قتل 5، وأصيب 10", [("5", 5, None), ("10", 10, None)]),
        ("2,5 مليار", [("2,5 مليار", 2.5e9, None)]),
        ("الأكراد: 7.500.000 نسمة", [("7.500.000", 7.5e6, None)]),
        ("بينهم نحو مئتي طفل", [("مئتي", 200, None)]),
        ("في كميات كبيرة", []),
        ("فازت بستة ألقاب", [("ستة", 6, None)]),
    ],
)
def test_find_numbers(text: str, expected: list[tuple[str, float, str | None]]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "طائرات إف-16 الأميركية",
        "القرن الحادي عشر",
        "أحد الجنود",
        "اقتصاد متين",
        "لست أدري",
        "في 12/10/2024",
        "قمة مجموعة G20",
        "رئيسة الوزراء ميتي فريدريكسن",
        "وأحد كبار الضباط",
        "تأهل إلى دور الستة عشر",
    ],
)
def test_not_numbers(text: str) -> None:
    assert find_numbers(text) == []


def test_match_offsets_point_into_input() -> None:
    text = "قالت إنّ ١٠ آلاف جنديّ وصلوا"
    (m,) = find_numbers(text)
    assert m == NumberMatch(9, 16, "١٠ آلاف", 10000.0, None)
    assert text[m.start : m.end] == m.text


def test_parse_number_whole_phrase_only() -> None:
    assert parse_number("ثلاثمائة وخمسين") == 350
    assert parse_number("١٬٥٠٠") == 1500
    assert parse_number("1500 جندي") is None
    assert parse_number("") is None


@given(st.integers(min_value=0, max_value=10**12))
def test_parse_number_round_trips_formatted_integers(n: int) -> None:
    assert parse_number(f"{n:,}") == n
    assert parse_number(str(n)) == n
    assert parse_number(f"{n:,}".translate(INDIC)) == n


@given(st.floats(min_value=0, max_value=1e6, allow_nan=False).map(lambda f: round(f, 3)))
def test_parse_number_decimals(x: float) -> None:
    assert math.isclose(parse_number(f"{x}") or 0.0, x)


@given(st.text(max_size=80))
def test_find_numbers_spans_are_ordered_slices(s: str) -> None:
    found = find_numbers(s)
    for m in found:
        assert s[m.start : m.end] == m.text
        assert m.start < m.end
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))
