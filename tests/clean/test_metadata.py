"""Title, date line, attribution and credits, language, ids, and split-off articles."""

from __future__ import annotations

import datetime as dt

import pytest
from clean_texts import P1, P2, P3, run
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.clean import article_id, clean
from marsad.clean.meta import guess_language, parse_credit, parse_date_line
from marsad.clean.tables import fold
from marsad.model import RawDocument

Q1 = "أعلن الجيش اليوم الثلاثاء أنه صد هجوما واسعا بطائرات مسيرة على مواقع في شرق البلاد."
Q2 = "وذكرت هيئة الأركان أن الدفاعات الجوية أسقطت معظم الطائرات قبل وصولها إلى أهدافها."


def test_raw_title_wins_and_its_copy_leaves_the_body() -> None:
    art = run(f"عنوان الخبر\n{P1}\n{P2}", title="عنوان الخبر")[0]
    assert art.title == "عنوان الخبر"
    assert art.text == f"{P1}\n{P2}"


def test_short_first_line_followed_by_body_is_the_title() -> None:
    art = run(f"الخارجية تؤكد دعم جهود السلام\n\n{P1}\n{P2}")[0]
    assert art.title == "الخارجية تؤكد دعم جهود السلام"
    assert art.text == f"{P1}\n{P2}"


def test_text_starting_with_body_has_no_title() -> None:
    art = run(f"{P1}\n{P2}")[0]
    assert art.title is None
    assert art.text.startswith(P1)


def test_subheading_inside_body_is_content() -> None:
    art = run(f"{P1}\nتطورات ميدانية\n{P2}")[0]
    assert art.text == f"{P1}\nتطورات ميدانية\n{P2}"


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("21 أكتوبر 2024", "2024-10-21"),
        ("الاثنين 21 أكتوبر 2024", "2024-10-21"),
        ("الإثنين، 21 تشرين الأول 2024", "2024-10-21"),
        ("3 كانون الثاني 2023", "2023-01-03"),
        ("2024-10-21", "2024-10-21"),
        ("21/10/2024", "2024-10-21"),
        ("الخميس 5 أكتوبر/تشرين الأول 2023 - 14:30", "2023-10-05"),
        ("الرياض 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس", "2015-08-11"),
        ("آخر تحديث: 21 أكتوبر 2024 - 10:30", "2024-10-21"),
        ("نشر في 2024-10-21 10:30 بتوقيت غرينتش", "2024-10-21"),
    ],
)
def test_date_lines(line: str, iso: str) -> None:
    parsed = parse_date_line(fold(line))
    assert parsed is not None and parsed.published == iso


def test_sentences_with_dates_are_not_date_lines() -> None:
    assert parse_date_line(fold("في 13 نوفمبر 2024، أدان وزير الخارجية الانخراط العسكري")) is None
    assert parse_date_line(fold("قتل 21 شخصا في 2024")) is None
    assert parse_date_line(fold("31/02/2024")) is None


def test_date_line_under_title_becomes_published() -> None:
    art = run(f"عنوان قصير للخبر\n\nالاثنين 21 أكتوبر 2024\n{P1}\n{P2}")[0]
    assert art.published == "2024-10-21"
    assert art.title == "عنوان قصير للخبر"
    assert art.text == f"{P1}\n{P2}"


def test_raw_published_wins_over_date_line() -> None:
    art = run(f"21 أكتوبر 2024\n{P1}\n{P2}", published="2024-10-22")[0]
    assert art.published == "2024-10-22"
    assert "2024" not in art.text


def test_source_line_gives_outlet_when_raw_has_none() -> None:
    art = run(f"{P1}\n{P2}\nالمصدر: بوابة الوفد")[0]
    assert art.outlet == "بوابة الوفد"
    assert art.text == f"{P1}\n{P2}"


def test_source_line_naming_an_agency_gives_agency() -> None:
    art = run(f"{P1}\n{P2}\nالمصدر: د ب أ", outlet="الوفد")[0]
    assert art.outlet == "الوفد"
    assert art.agencies == ["DPA"]


def test_via_line_gives_outlet() -> None:
    art = run(f"{P1}\n{P2}\nنقلاً عن : اندبندنت عربية")[0]
    assert art.outlet == "اندبندنت عربية"
    assert art.text == f"{P1}\n{P2}"


def test_source_word_in_prose_is_content() -> None:
    sentence = "المصدر أكد أن المفاوضات ستستأنف الأسبوع المقبل في العاصمة القطرية الدوحة."
    assert run(f"{P1}\n{sentence}")[0].text == f"{P1}\n{sentence}"


def test_closing_agency_credit_becomes_agencies() -> None:
    art = run(f"{P1}\n{P2}\n(رويترز، فرانس برس)")[0]
    assert art.agencies == ["Reuters", "AFP"]
    assert art.text == f"{P1}\n{P2}"


def test_outlet_and_agency_credit() -> None:
    art = run(f"{P1}\n{P2}\nفرانس 24/ أ ف ب/ رويترز")[0]
    assert art.agencies == ["AFP", "Reuters"]
    assert art.outlet == "France 24"


def test_trailing_agency_credit_on_a_paragraph_is_lifted() -> None:
    art = run(f"{P1}\n{P2} (أ ف ب)")[0]
    assert art.agencies == ["AFP"]
    assert art.text == f"{P1}\n{P2}"


def test_in_text_mention_of_a_network_is_kept() -> None:
    sentence = 'ستشمل الأعمال صيانة الطائرات المقاتلة، حسبما نقلت شبكة "سي إن إن".'
    art = run(f"{P1}\n{sentence}")[0]
    assert sentence in art.text
    assert art.agencies == []


@pytest.mark.parametrize(
    ("credit", "agencies"),
    [
        ("(رويترز، فرانس برس)", ["Reuters", "AFP"]),
        ("أ ف ب", ["AFP"]),
        ("(د ب أ)", ["DPA"]),
        ("وكالة الأناضول", ["Anadolu"]),
        ("(واس، وام)", ["SPA", "WAM"]),
        ("أ.ف.ب", ["AFP"]),
    ],
)
def test_agency_names_are_normalised(credit: str, agencies: list[str]) -> None:
    parsed = parse_credit(credit)
    assert parsed is not None and parsed.agencies == agencies


def test_unknown_names_are_not_a_credit() -> None:
    assert parse_credit("(فيل ستيوارت/رويترز)") is None
    assert parse_credit("(الناتو)") is None


def test_language_guess() -> None:
    assert guess_language(P1) == "ar"
    assert guess_language("The minister said the talks will go on in the capital.") == "en"
    assert guess_language("Le ministre a dit que les pourparlers et la paix sont proches.") == "fr"
    assert guess_language("12345 ---") == "und"


def test_article_id_is_stable_and_origin_sensitive() -> None:
    a = article_id(P1, "عنوان", "https://a.example/1")
    assert a == article_id(P1, "عنوان", "https://a.example/1")
    assert len(a) == 16 and int(a, 16) >= 0
    assert a != article_id(P1, "عنوان", "https://b.example/1")
    assert a != article_id(P2, "عنوان", "https://a.example/1")
    # spelling variants fold to the same id (normalised title and body)
    assert article_id("أعلن الوزير", "إعلان", "x") == article_id("اعلن الوزير", "اعلان", "x")


def test_a_file_keeps_its_id_wherever_its_folder_is() -> None:
    text = f"{P1}\n{P2}"
    ids = {
        clean(RawDocument(source=src, text=text, format="text"))[0].id
        for src in ("seeds/000.txt", "/srv/data/seeds/000.txt", "/tmp/x/seeds/000.txt")
    }
    assert len(ids) == 1
    other = clean(RawDocument(source="seeds/001.txt", text=text, format="text"))[0].id
    assert other not in ids


def test_same_story_in_two_outlets_is_two_articles() -> None:
    a = run(f"{P1}\n{P2}", outlet="الوفد")[0]
    b = run(f"{P1}\n{P2}", outlet="الأهرام")[0]
    assert a.id != b.id
    assert run(f"{P1}\n{P2}", outlet="الوفد")[0].id == a.id


def test_glued_article_after_marker_is_split_off() -> None:
    text = (
        f"{P1}\n{P2}\n\nالمصدر: بوابة الوفد\n\nإقرأ أيضاً:\n\n"
        f"الجيش يصد هجوما بطائرات مسيرة\n\n{Q1}\n{Q2}\n\nمقالات مشابهة\n  • خبر أول\n  • خبر ثان"
    )
    main, other = run(text)
    assert main.text == f"{P1}\n{P2}"
    assert main.outlet == "بوابة الوفد"
    assert other.title == "الجيش يصد هجوما بطائرات مسيرة"
    assert other.text == f"{Q1}\n{Q2}"
    assert other.parent_id == main.id
    assert other.outlet == main.outlet
    assert other.id != main.id


def test_glued_article_after_cms_block_is_split_even_with_conjunction_lead() -> None:
    q1 = "و" + Q1
    text = (
        f"{P1}\n{P2}\nاقرأ المزيد\nيحتوي هذا القسم على المقالات ذات صلة\n"
        f"عنوان الخبر الثاني\n{q1}\n{Q2}"
    )
    main, other = run(text)
    assert other.title == "عنوان الخبر الثاني"
    assert other.text == f"{q1}\n{Q2}"
    assert main.text == f"{P1}\n{P2}"


def test_single_link_followed_by_the_article_going_on_is_not_split() -> None:
    text = f"{P1}\nاقرأ أيضاً\nماذا قال الوزير؟\n{P2}\n{P3}"
    articles = run(text)
    assert len(articles) == 1
    assert articles[0].text == f"{P1}\n{P2}\n{P3}"


_MONTHS = {
    1: ["يناير", "كانون الثاني"],
    2: ["فبراير", "شباط"],
    3: ["مارس", "آذار"],
    4: ["أبريل", "نيسان"],
    5: ["مايو", "أيار"],
    6: ["يونيو", "حزيران"],
    7: ["يوليو", "تموز"],
    8: ["أغسطس", "آب"],
    9: ["سبتمبر", "أيلول"],
    10: ["أكتوبر", "تشرين الأول"],
    11: ["نوفمبر", "تشرين الثاني"],
    12: ["ديسمبر", "كانون الأول"],
}


@settings(max_examples=300, deadline=None)
@given(
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2035, 12, 31)),
    st.integers(min_value=0, max_value=4),
    st.sampled_from(["", "الاثنين ", "الجمعة، ", "السبت - "]),
)
def test_date_line_formats_round_trip(day: dt.date, style: int, weekday: str) -> None:
    names = _MONTHS[day.month]
    line = [
        f"{weekday}{day.day} {names[0]} {day.year}",
        f"{weekday}{day.day} {names[1]} {day.year}",
        f"{day.day} {names[0]}/{names[1]} {day.year}",
        day.isoformat(),
        f"{day.day:02d}/{day.month:02d}/{day.year}",
    ][style]
    parsed = parse_date_line(fold(line))
    assert parsed is not None and parsed.published == day.isoformat()


def test_agency_named_in_brackets_inside_a_sentence_is_content() -> None:
    sentence = "وفقا لما ذكره مركز المصالحة الروسي في سوريا، ونقلته وكالة الأنباء الروسية (سبوتنيك)"
    art = run(f"{P1}\n{sentence}")[0]
    assert art.text == f"{P1}\n{sentence}"
    assert art.agencies == []


def test_unnamed_agencies_credit_leaves_the_body_but_names_nobody() -> None:
    art = run(f"{P1}\n{P2}\n(وكالات)")[0]
    assert art.text == f"{P1}\n{P2}"
    assert art.agencies == []
    art = run(f"{P1}\n{P2}\nالمصدر: وكالات")[0]
    assert art.agencies == [] and art.outlet is None
    assert parse_credit("وكالة أنباء الإمارات") is not None


def test_glued_article_without_end_matter_is_split_when_its_lead_is_fresh() -> None:
    text = f"{P1}\n{P2}\nإقرأ أيضاً:\nالجيش يصد هجوما بطائرات مسيرة\n{Q1}\n{Q2}"
    main, other = run(text)
    assert main.text == f"{P1}\n{P2}"
    assert other.title == "الجيش يصد هجوما بطائرات مسيرة"
    assert other.text == f"{Q1}\n{Q2}"


def test_nested_glued_articles_all_point_at_the_main_one() -> None:
    text = (
        f"{P1}\n{P2}\nالمصدر: الوفد\nاقرأ أيضاً:\nعنوان الخبر الثاني\n{Q1}\n{Q2}\n"
        f"كلمات دلالية: جيش\nاقرأ أيضاً:\nعنوان الخبر الثالث\n{P3}\n{Q2.replace('الجوية', 'البرية')}"
    )
    main, second, third = run(text)
    assert second.parent_id == main.id and third.parent_id == main.id
    assert third.title == "عنوان الخبر الثالث"
    assert second.text == f"{Q1}\n{Q2}"


def test_social_footer_names_the_outlet_when_nothing_else_does() -> None:
    body = "نص الخبر الطويل الذي يحتوي على كلمات كثيرة ويستمر حتى نهاية الجملة هنا."
    raw = RawDocument(
        source="x.txt", text=f"{body}\n\nالموقع العربي للأخبار | Facebook", format="text"
    )
    (article,) = clean(raw)
    assert article.outlet == "الموقع العربي للأخبار"
    assert "Facebook" not in article.text
    named = RawDocument(
        source="x.txt", text=f"{body}\n\nموقع آخر | Facebook", format="text", outlet="المنفذ"
    )
    assert clean(named)[0].outlet == "المنفذ"
