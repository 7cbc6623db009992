"""Direction modifiers, the future policy, clock times, ranges, holidays and future tense."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.dates import extract_dates, find_dates, resolve
from marsad.dates._tables import rows
from marsad.model import Article, Document

WEDNESDAY = date(2025, 3, 5)


def one(text: str, ref: date = WEDNESDAY) -> tuple[str, str | None, str | None]:
    found = find_dates(text, ref)
    assert len(found) == 1, found
    return found[0].value, found[0].time, found[0].until


@pytest.mark.parametrize(
    "form",
    [
        "ستراجع الوضع في {}",
        "في {} ",
        "خلال {}،",
    ],
)
@pytest.mark.parametrize(
    ("month", "ahead", "behind"),
    [
        ("يونيو/حزيران", "2025-06", "2024-06"),
        ("يونيو (حزيران)", "2025-06", "2024-06"),
        ("حزيران/يونيو", "2025-06", "2024-06"),
        ("حزيران (يونيو)", "2025-06", "2024-06"),
        ("يونيو", "2025-06", "2024-06"),
        ("حزيران", "2025-06", "2024-06"),
        ("جوان", "2025-06", "2024-06"),
        ("مارس/آذار", "2026-03", "2024-03"),
        ("يناير (كانون الثاني)", "2026-01", "2025-01"),
    ],
)
def test_month_modifiers_set_the_direction(form: str, month: str, ahead: str, behind: str) -> None:
    for word in ("المقبل", "القادم"):
        assert resolve(form.format(f"{month} {word}"), WEDNESDAY) == ahead
    assert resolve(form.format(f"{month} الماضي"), WEDNESDAY) == behind


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("في 5 يونيو/حزيران المقبل", "2025-06-05"),
        ("في 5 حزيران (يونيو) الماضي", "2024-06-05"),
        ("الخميس المقبل", "2025-03-06"),
        ("الخميس القادم", "2025-03-06"),
        ("الخميس الماضي", "2025-02-27"),
        ("يوم الأربعاء المقبل", "2025-03-12"),
        ("الأربعاء الماضي", "2025-02-26"),
        ("الأربعاء", "2025-03-05"),
        ("يوم خميس الأسبوع المقبل", "2025-03-13"),
    ],
)
def test_day_and_weekday_modifiers(text: str, value: str) -> None:
    assert resolve(text, WEDNESDAY) == value


_GREG = [(int(n), w) for n, cal, w, alone in rows("months.tsv") if cal == "gregorian"]


@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)),
    st.sampled_from(_GREG),
    st.sampled_from(["المقبل", "القادم", "الماضي", "المنصرم"]),
)
def test_modified_month_is_strictly_on_its_side(
    ref: date, month: tuple[int, str], word: str
) -> None:
    value = resolve(f"في {month[1]} {word}", ref)
    assert value is not None
    year, number = (int(x) for x in value.split("-"))
    assert number == month[0]
    distance = (year * 12 + number) - (ref.year * 12 + ref.month)
    assert (1 <= distance <= 12) if word in ("المقبل", "القادم") else (-12 <= distance <= -1)


@pytest.mark.parametrize(
    ("text", "news", "future"),
    [
        ("الاثنين", "2025-03-03", "2025-03-10"),
        ("الأربعاء", "2025-03-05", "2025-03-12"),
        ("في يونيو", "2024-06", "2025-06"),
        ("في مارس", "2025-03", "2025-03"),
        ("عيد الحب", "2025-02-14", "2026-02-14"),
        ("15 رمضان", "2025-03-15", "2025-03-15"),
        ("في 1 فبراير", "2025-02-01", "2026-02-01"),
        ("الخميس الماضي", "2025-02-27", "2025-02-27"),
        ("في 28 ديسمبر", "2024-12-28", "2025-12-28"),
    ],
)
def test_future_policy_changes_only_unmodified_directions(
    text: str, news: str, future: str
) -> None:
    assert resolve(text, WEDNESDAY) == news
    assert resolve(text, WEDNESDAY, policy="news") == news
    assert resolve(text, WEDNESDAY, policy="future") == future


def test_unknown_policy_is_refused() -> None:
    with pytest.raises(ValueError, match="policy"):
        find_dates("الاثنين", WEDNESDAY, policy="past")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "value", "time"),
    [
        ("وقع الانفجار الساعة 3 فجرا", "2025-03-05", "03:00"),
        ("الساعة 7.30 صباحاً", "2025-03-05", "07:30"),
        ("عند الساعة الثالثة والنصف عصراً", "2025-03-05", "15:30"),
        ("الساعة الثانية عشرة إلا ربعا", "2025-03-05", "11:45"),
        ("منتصف الليل", "2025-03-05", "00:00"),
        ("ابتداء من 05:00 ت غ", "2025-03-05", "05:00"),
        ("الساعة العاشرة مساء أمس", "2025-03-04", "22:00"),
        ("أمس عند الثالثة فجرا", "2025-03-04", "03:00"),
        ("الساعة الثامنة من صباح اليوم", "2025-03-05", "08:00"),
        ("في 13 نوفمبر 2024 الساعة 1:30 بعد الظهر", "2024-11-13", "13:30"),
        ("الساعة 15:23:24", "2025-03-05", "15:23:24"),
        ("يوم السبت 8/3 الساعة 1:30 بعد الظهر", "2025-03-08", "13:30"),
        ("الثامنة ليلا", "2025-03-05", "20:00"),
        ("الواحدة ليلا", "2025-03-05", "01:00"),
        ("12:30 ظهرا", "2025-03-05", "12:30"),
    ],
)
def test_clock_times(text: str, value: str, time: str) -> None:
    assert one(text)[:2] == (value, time)


@pytest.mark.parametrize(
    "text", ["فاز 2:1", "بنسبة 7.30 في المئة", "الثالثة على التوالي", "الساعة"]
)
def test_not_times(text: str) -> None:
    assert all(m.time is None for m in find_dates(text, WEDNESDAY))


@given(st.integers(0, 23), st.integers(0, 59))
def test_any_24_hour_clock_reads_back(hour: int, minute: int) -> None:
    assert one(f"الساعة {hour:02d}:{minute:02d}")[1] == f"{hour:02d}:{minute:02d}"


@given(st.integers(1, 11), st.integers(0, 59))
def test_evening_adds_twelve(hour: int, minute: int) -> None:
    assert one(f"الساعة {hour}:{minute:02d} مساء")[1] == f"{hour + 12:02d}:{minute:02d}"


def test_range_of_hours() -> None:
    found = find_dates("الخميس من الساعة التاسعة وحتى الساعة الحادية عشرة صباحا", WEDNESDAY)
    assert [(m.value, m.time, m.until_time) for m in found] == [("2025-02-27", "09:00", "11:00")]


@pytest.mark.parametrize(
    ("text", "start", "until"),
    [
        ("من 13 إلى 15 يوليو", "2025-07-13", "2025-07-15"),
        ("13-15 يوليو 2024", "2024-07-13", "2024-07-15"),
        ("خلال الفترة من 17- 19 مايو 2015 م", "2015-05-17", "2015-05-19"),
        ("تموز 13 الى 15", "2025-07-13", "2025-07-15"),
        ("يومي 7 و14 أكتوبر 2023", "2023-10-07", "2023-10-14"),
        ("من 13 تموز الى 15 تموز", "2025-07-13", "2025-07-15"),
        ("من 13 إلى 15 يوليو الماضي", "2024-07-13", "2024-07-15"),
        ("من الثالث والعشرين وحتى السادس والعشرين من شهر أكتوبر 2022", "2022-10-23", "2022-10-26"),
        ("من 25 تموز (يوليو) إلى الثاني من آب (أغسطس)", "2025-07-25", "2025-08-02"),
    ],
)
def test_ranges_give_both_ends(text: str, start: str, until: str) -> None:
    found = [m for m in find_dates(text, WEDNESDAY) if m.until]
    assert [(m.value, m.until) for m in found] == [(start, until)]


@pytest.mark.parametrize("text", ["الثالث والعشرين من أكتوبر 2022", "في 15 - 3 مباراة"])
def test_single_days_are_not_ranges(text: str) -> None:
    assert all(m.until is None for m in find_dates(text, WEDNESDAY))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("عيد الميلاد 2020", "2020-12-25"),
        ("عيد الفصح 2024", "2024-03-31"),
        ("عيد الفصح 2025", "2025-04-20"),
        ("عيد الفطر 2024", "2024-04-10"),
        ("عيد الأضحى 2013", "2013-10-15"),
        ("عيد الفطر المقبل", "2025-03-31"),
        ("عيد الفطر الماضي", "2024-04-10"),
        ("رأس السنة", "2025-01-01"),
        ("عيد العمال", "2025-05-01"),
        ("عيد الحب", "2025-02-14"),
        ("رأس السنة الهجرية 2019", "2019-09-01"),
    ],
)
def test_holidays(text: str, value: str) -> None:
    assert resolve(text, WEDNESDAY) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("ثالث ثلاثاء في أيلول في سنة 2014", "2014-09-16"),
        ("آخر اثنين من شهر آذار 2013", "2013-03-25"),
        ("الاثنين الأخير من مارس 2013", "2013-03-25"),
        ("الثلاثاء الثالث من سبتمبر 2024", "2024-09-03"),
        ("الثلاثاء الثالث من سبتمبر 2014", "2014-09-16"),
        ("اليوم الأخير من شهر عشرة سنة 2015", "2015-10-31"),
        ("أول أسبوع بشهر أكتوبر 2014", "2014-10-06"),
        ("الأسبوع الثاني من شهر يوليو 2015", "2015-07-13"),
    ],
)
def test_nth_of_month(text: str, value: str) -> None:
    assert resolve(text, WEDNESDAY) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("سيجتمع الوزراء في القاهرة الخميس", "2025-03-06"),
        ("وسيعقد المجلس جلسته الاثنين", "2025-03-10"),
        ("سوف يزور الرئيس المدينة يوم الأحد", "2025-03-09"),
        ("ستبدأ الدراسة السبت", "2025-03-08"),
        ("ستعقد الجلسة الأربعاء", "2025-03-05"),
        ("اجتمع الوزراء في القاهرة الخميس", "2025-02-27"),
        ("قتل ستة أشخاص الخميس", "2025-02-27"),
        ("انفجرت سيارة مفخخة الاثنين", "2025-03-03"),
        ("أقيم مزاد في سيدني يوم السبت", "2025-03-01"),
        ("وقعت اشتباكات في سيناء الأحد", "2025-03-02"),
        ("سيتم الإعلان عن النتائج التي صدرت، الاثنين", "2025-03-03"),
        ("سيجتمع الوزراء الخميس الماضي", "2025-02-27"),
    ],
)
def test_future_tense_points_a_weekday_forward(text: str, value: str) -> None:
    assert resolve(text, WEDNESDAY) == value


def test_extract_dates_keeps_day_precision() -> None:
    text = (
        "وقع الانفجار الساعة 3 فجرا. وقالت الشرطة أمس عند الساعة العاشرة مساء إن المؤتمر "
        "سيعقد من 13 إلى 15 يوليو المقبل."
    )
    doc = Document(Article(id="a", source="s", text=text, published="2025-03-05T10:00:00"))
    extract_dates(doc)
    assert [(d.expression, d.value) for d in doc.dates] == [
        ("أمس عند الساعة العاشرة مساء", "2025-03-04"),
        ("13 إلى 15 يوليو المقبل", "2025-07-13"),
        ("13 إلى 15 يوليو المقبل", "2025-07-15"),
    ]
    for ref in doc.dates:
        assert len(ref.value) in (4, 7, 10)
        assert text[ref.start : ref.end] == ref.expression


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)), st.integers(1, 27))
def test_day_range_spans_forward(value: date, length: int) -> None:
    end = value + timedelta(days=length)
    if end.month != value.month:
        return
    found = find_dates(f"من {value.day} إلى {end.day} يوليو {value.year}", None)
    assert [(m.value[5:], m.until[5:] if m.until else None) for m in found] == [
        (f"07-{value.day:02d}", f"07-{end.day:02d}")
    ]
