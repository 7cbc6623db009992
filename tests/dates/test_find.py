from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.dates import find_dates, parse_published, resolve
from marsad.dates._tables import rows

PUBLISHED = date(2024, 10, 29)  # a Tuesday


def values(text: str, ref: date | None = PUBLISHED) -> list[tuple[str, str]]:
    return [(m.expression, m.value) for m in find_dates(text, ref)]


def month_names(calendar: str) -> list[tuple[int, str]]:
    return [(int(n), name) for n, cal, name, _ in rows("months.tsv") if cal == calendar]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("في 13 نوفمبر 2024، أدان", [("13 نوفمبر 2024", "2024-11-13")]),
        ("الاثنين 21 أكتوبر 2024", [("الاثنين 21 أكتوبر 2024", "2024-10-21")]),
        ("الإثنين، 21 أكتوبر 2024", [("الإثنين، 21 أكتوبر 2024", "2024-10-21")]),
        ("صدر في 2024/10/21 بيان", [("2024/10/21", "2024-10-21")]),
        ("صدر في 21-10-2024 بيان", [("21-10-2024", "2024-10-21")]),
        ("يوم ٢١/١٠/٢٠٢٤", [("٢١/١٠/٢٠٢٤", "2024-10-21")]),
        ("الثالث عشر من شباط 2013", [("الثالث عشر من شباط 2013", "2013-02-13")]),
        ("13 تشرين الثاني/نوفمبر 2024", [("13 تشرين الثاني/نوفمبر 2024", "2024-11-13")]),
        ("أكتوبر من عام 2014", [("أكتوبر من عام 2014", "2014-10")]),
        ("بتاريخ 9 / 3 / 2013م.", [("9 / 3 / 2013", "2013-03-09")]),
        # Tabular 28 Sha'ban 1436 is 2015-06-16; the written Monday moves it to Umm al-Qura's.
        ("الموافق 28 / 8 / 1436هـ", [("28 / 8 / 1436هـ", "2015-06-16")]),
        (
            "يوم الاثنين الموافق 28 / 8 / 1436هـ",
            [("الاثنين الموافق 28 / 8 / 1436هـ", "2015-06-15")],
        ),
        ("في ديسمبر «كانون الأول» 2014", [("ديسمبر «كانون الأول» 2014", "2014-12")]),
        ("في مايو أيار 2015", [("مايو أيار 2015", "2015-05")]),
        ("رمضان المبارك لعام 1436", [("عام 1436", "2014")]),
    ],
)
def test_absolute_dates(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text) == expected
    assert values(text, None) == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("يونيو/حزيران 2024", "2024-06"),
        ("يونيو (حزيران) 2024", "2024-06"),
        ("حزيران/يونيو 2023", "2023-06"),
        ("حزيران (يونيو) 2023", "2023-06"),
        ("تشرين الأول 2023", "2023-10"),
        ("كانون الثاني 2020", "2020-01"),
        ("كانون الأول 2020", "2020-12"),
        ("جانفي 2021", "2021-01"),
        ("فيفري 2021", "2021-02"),
        ("أفريل 2021", "2021-04"),
        ("ماي 2021", "2021-05"),
        ("جوان 2021", "2021-06"),
        ("جويلية 2021", "2021-07"),
        ("أوت 2021", "2021-08"),
    ],
)
def test_month_with_year_keeps_month_precision(text: str, value: str) -> None:
    assert resolve(text, PUBLISHED) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("عام 2022", "2022"),
        ("وقع في 2023 الاتفاق", "2023"),
        ("منذ 2011", "2011"),
        ("لعام 2015", "2015"),
        ("2022م", "2022"),
        ("بمساحة 1000 م", None),
        ("بمساحة 2000 م", None),
    ],
)
def test_years_keep_year_precision(text: str, value: str | None) -> None:
    assert resolve(text, PUBLISHED) == value


@pytest.mark.parametrize(
    "text", ["قتل 1500 شخص", "بلغ العدد 2023", "رقم 2024/5", "الأب والأم", "حب", "مارس الضغط"]
)
def test_non_dates_are_not_matched(text: str) -> None:
    assert values(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("15 رمضان 1445 هـ", "2024-03-25"),
        ("1 رمضان 1445", "2024-03-11"),
        ("العاشر من ذي الحجة 1434", "2013-10-15"),
        ("رمضان 1445هـ", "2024-03"),
        ("1445هـ", "2023"),
        ("عام 1445 هـ", "2023"),
    ],
)
def test_hijri_dates_convert(text: str, value: str) -> None:
    assert resolve(text, PUBLISHED) == value


def test_hijri_expression_keeps_its_marks() -> None:
    assert values("في 15 رمضان 1445هـ.") == [("15 رمضان 1445هـ", "2024-03-25")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("اليوم", "2024-10-29"),
        ("أمس", "2024-10-28"),
        ("بالأمس", "2024-10-28"),
        ("أمس الإثنين", "2024-10-28"),
        ("أمس الاثنين", "2024-10-28"),
        ("أول أمس", "2024-10-27"),
        ("غداً", "2024-10-30"),
        ("بعد غد", "2024-10-31"),
        ("الأحد", "2024-10-27"),
        ("الثلاثاء", "2024-10-29"),
        ("الثلاثاء الماضي", "2024-10-22"),
        ("الثلاثاء المقبل", "2024-11-05"),
        ("يوم الأربعاء الماضي", "2024-10-23"),
        ("الجمعة القادم", "2024-11-01"),
        ("الأسبوع الماضي", "2024-10-21"),
        ("هذا الأسبوع", "2024-10-28"),
        ("الشهر الماضي", "2024-09"),
        ("الشهر المقبل", "2024-11"),
        ("في وقت سابق من الشهر الحالي", "2024-10"),
        ("في الخامس من الشهر الجاري", "2024-10-05"),
        ("يوم 12 من الشهر الماضي", "2024-09-12"),
        ("الثلاثاء التاسع عشر من هذا الشهر", "2024-10-19"),
        ("العام الماضي", "2023"),
        ("السنة المقبلة", "2025"),
        ("هذا العام", "2024"),
        ("قبل ثلاثة أيام", "2024-10-26"),
        ("قبل 3 أيام", "2024-10-26"),
        ("قبل يومين", "2024-10-27"),
        ("منذ أسبوعين", "2024-10-15"),
        ("بعد أسبوعين", "2024-11-12"),
        ("قبل شهرين", "2024-08"),
        ("منذ عامين", "2022"),
        ("قبل نحو خمس سنوات", "2019"),
        ("منذ خمسة عشر يوما", "2024-10-14"),
        ("قبل خمسة وعشرين عاما", "1999"),
    ],
)
def test_relative_expressions(text: str, value: str) -> None:
    assert resolve(text, PUBLISHED) == value


@pytest.mark.parametrize(
    "text",
    [
        "اليوم",
        "أمس الإثنين",
        "الأحد",
        "الأسبوع الماضي",
        "الشهر الماضي",
        "العام الماضي",
        "قبل ثلاثة أيام",
        "في يونيو",
        "بحلول 27 أكتوبر",
        "15 رمضان",
    ],
)
def test_relative_expressions_need_a_publication_date(text: str) -> None:
    assert values(text, None) == []


@pytest.mark.parametrize(
    ("text", "ref", "value"),
    [
        ("في يونيو", date(2024, 10, 29), "2024-06"),
        ("في يونيو", date(2024, 3, 1), "2023-06"),
        ("في أكتوبر", date(2024, 10, 29), "2024-10"),
        ("أكتوبر/تشرين الأول", date(2024, 11, 1), "2024-10"),
        ("في يونيو الماضي", date(2024, 6, 20), "2023-06"),
        ("في يونيو المقبل", date(2024, 10, 29), "2025-06"),
        ("في يوليو من العام الماضي", date(2018, 3, 1), "2017-07"),
        ("في نوفمبر العام الماضي", date(2018, 3, 1), "2017-11"),
        ("في ديسمبر من العام الحالي", date(2018, 3, 1), "2018-12"),
        ("بحلول 27 أكتوبر", date(2024, 10, 29), "2024-10-27"),
        ("بحلول 27 أكتوبر", date(2024, 10, 25), "2024-10-27"),
        ("في 28 ديسمبر", date(2025, 1, 2), "2024-12-28"),
        ("الخميس 15 أغسطس", date(2013, 2, 12), "2013-08-15"),
        ("في 15 رمضان", date(2024, 10, 29), "2025-03-15"),
        ("في 15 رمضان", date(2024, 5, 1), "2024-03-25"),
        ("يوم الأربعاء السادس من شهر شوال", date(2015, 7, 21), "2015-07-22"),
    ],
)
def test_no_year_takes_the_nearest_plausible_one(text: str, ref: date, value: str) -> None:
    assert resolve(text, ref) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قال الأمين العام السابق", []),
        ("احتفلت المملكة باليوم الوطني", []),
        ("اليوم التالي للهجوم", []),
        ("المآسي التي شهدها ذلك اليوم.", []),
        ("في نفس اليوم", []),
        ("الاحتجاجات التي تنطلق كل يوم جمعة", []),
        ("يصلي كل جمعة", []),
        ("يغلق أيام الجمعة", []),
        ("قبل أسبوع من الانتخابات", []),
        ("بعد شهر على الهجوم", []),
        ("منذ يوم الجمعة", [("الجمعة", "2024-10-25")]),
        ("منذ شهر رمضان", []),
        ("استمرت منذ يوم أمس", [("أمس", "2024-10-28")]),
        ("كاميرون، اليوم (الاثنين)، ملامح", [("اليوم (الاثنين)", "2024-10-29")]),
        ("قبل عام 2020", [("عام 2020", "2020")]),
    ],
)
def test_guards_against_look_alikes(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text) == expected


def test_month_list_after_a_cue_is_read_whole() -> None:
    text = "في شهري أغسطس (آب) وسبتمبر (أيلول)"
    assert [v for _, v in values(text)] == ["2024-08", "2024-09"]


def test_lone_month_name_without_a_cue_is_not_a_date() -> None:
    assert values("ونيسان") == []
    assert values("مارس الرئيس ضغوطا") == []


def test_offsets_point_into_the_original_text() -> None:
    text = "وقالت الوزارة أمسِ الإثنين إنّ الاجتماع عُقد في 13 نوفمبر 2024."
    for m in find_dates(text, PUBLISHED):
        assert text[m.start : m.end] == m.expression


@pytest.mark.parametrize(
    ("stamp", "day"),
    [
        ("2024-10-29", date(2024, 10, 29)),
        ("2024-10-29T08:15:00+03:00", date(2024, 10, 29)),
        ("2024-10-29 08:15", date(2024, 10, 29)),
        ("", None),
        (None, None),
        ("yesterday", None),
    ],
)
def test_parse_published(stamp: str | None, day: date | None) -> None:
    assert parse_published(stamp) == day


_STYLES = ["gregorian", "levantine", "maghrebi"]


@given(
    st.dates(min_value=date(1950, 1, 1), max_value=date(2099, 12, 31)),
    st.sampled_from(_STYLES),
    st.data(),
)
def test_any_day_month_year_resolves_back(value: date, style: str, data: st.DataObject) -> None:
    names = [name for n, name in month_names(style) if n == value.month]
    if not names:
        return  # the Maghrebi list shares the Gregorian names for March, Sept.-Dec.
    name = data.draw(st.sampled_from(names))
    text = f"{value.day} {name} {value.year}"
    assert values(text, None) == [(text, value.isoformat())]


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2099, 12, 31)), st.data())
def test_paired_names_resolve_to_the_month(value: date, data: st.DataObject) -> None:
    greg = data.draw(st.sampled_from([n for m, n in month_names("gregorian") if m == value.month]))
    lev = data.draw(st.sampled_from([n for m, n in month_names("levantine") if m == value.month]))
    sep = data.draw(st.sampled_from(["/", " / ", " (", "-"]))
    close = ")" if "(" in sep else ""
    text = f"في {greg}{sep}{lev}{close} {value.year}"
    assert resolve(text, date(2024, 1, 1)) == f"{value.year:04d}-{value.month:02d}"


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)), st.integers(1, 9))
def test_days_ago_is_exact(ref: date, days: int) -> None:
    assert resolve(f"قبل {days} أيام", ref) == (ref - timedelta(days=days)).isoformat()


_NOISE = ["\u0640", "\u064b", "\u064e", "\u0651", "\u200f"]  # tatweel, harakat, RLM


@given(
    st.dates(min_value=date(1950, 1, 1), max_value=date(2099, 12, 31)),
    st.lists(st.tuples(st.integers(0, 40), st.sampled_from(_NOISE)), max_size=4),
    st.data(),
)
def test_marks_inside_words_change_neither_value_nor_offsets(
    value: date, noise: list[tuple[int, str]], data: st.DataObject
) -> None:
    names = [n for m, n in month_names("gregorian") if m == value.month]
    name = data.draw(st.sampled_from(names))
    chars = list(name)
    for pos, mark in noise:
        chars.insert(1 + pos % len(chars), mark)  # after a letter, as writers put marks
    text = f"وقع ذلك في {value.day} {''.join(chars)} {value.year}، ثم"
    found = find_dates(text, None)
    assert [m.value for m in found] == [value.isoformat()]
    assert text[found[0].start : found[0].end] == found[0].expression
    assert found[0].expression.startswith(str(value.day))
    assert found[0].expression.endswith(str(value.year))
