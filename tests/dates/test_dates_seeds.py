"""The five seed articles (raw scraped text, checked paragraph by paragraph)."""

from datetime import date
from pathlib import Path

import pytest

from marsad.dates import extract_dates, find_dates
from marsad.model import Article, Document, Mention


def paragraph(seeds_dir: Path, needle: str) -> str:
    for path in sorted(seeds_dir.glob("*.txt")):
        for para in path.read_text(encoding="utf-8").split("\n"):
            if needle in para:
                return para
    raise AssertionError(f"no seed paragraph contains {needle!r}")


@pytest.mark.parametrize(
    ("needle", "published", "expression", "value"),
    [
        ("في 13 نوفمبر 2024", date(2024, 11, 14), "13 نوفمبر 2024", "2024-11-13"),
        ("21 أكتوبر 2024 (", date(2024, 10, 21), "21 أكتوبر 2024", "2024-10-21"),
        ("يونيو/حزيران 2024", date(2024, 11, 14), "يونيو/حزيران 2024", "2024-06"),
        ("أواخر أكتوبر/تشرين الأول", date(2024, 11, 1), "أكتوبر/تشرين الأول", "2024-10"),
        ("فبراير/شباط 2022", date(2024, 11, 22), "فبراير/شباط 2022", "2022-02"),
        ("البنتاغون) أمس الإثنين", date(2024, 10, 29), "أمس الإثنين", "2024-10-28"),
        ("يوم الأربعاء الماضي", date(2024, 10, 29), "الأربعاء الماضي", "2024-10-23"),
        ("بحلول 27 أكتوبر", date(2024, 10, 29), "27 أكتوبر", "2024-10-27"),
        ("في سبتمبر 2023", date(2024, 11, 14), "سبتمبر 2023", "2023-09"),
        ("مرة أخرى في يونيو", date(2024, 10, 29), "يونيو", "2024-06"),
        ("صباح اليوم الاثنين", date(2024, 10, 21), "اليوم الاثنين", "2024-10-21"),
        ("منذ مطلع أكتوبر", date(2024, 10, 29), "أكتوبر (تشرين الأول)", "2024-10"),
        ("روسيا العام الماضي", date(2024, 10, 29), "العام الماضي", "2023"),
        ("في وقت سابق من الشهر الحالي", date(2024, 11, 22), "الشهر الحالي", "2024-11"),
    ],
)
def test_seed_expressions(
    seeds_dir: Path, needle: str, published: date, expression: str, value: str
) -> None:
    para = paragraph(seeds_dir, needle)
    found = {(m.expression, m.value) for m in find_dates(para, published)}
    assert (expression, value) in found


def test_month_list_in_seed(seeds_dir: Path) -> None:
    para = paragraph(seeds_dir, "في شهري أغسطس")
    values = [m.value for m in find_dates(para, date(2024, 10, 29))]
    assert values == ["2024-10-27", "2024-08", "2024-09"]


def test_extract_dates_on_a_whole_seed(seeds_dir: Path) -> None:
    path = next(seeds_dir.glob("004_*.txt"))
    text = path.read_text(encoding="utf-8")
    doc = Document(Article(id="a4", source=str(path), text=text, published="2024-10-29"))
    extract_dates(doc)
    assert len(doc.dates) >= 15
    for ref in doc.dates:
        assert ref.article_id == "a4"
        assert text[ref.start : ref.end] == ref.expression
        assert ref.event in text  # the clause it dates: article text, not a paraphrase
        assert 0 < len(ref.event) <= 400
    first = doc.dates[0]
    assert (first.expression, first.value) == ("أمس الإثنين", "2024-10-28")
    assert first.event.startswith("قالت وزارة الدفاع الأميركية")
    assert "لن تفرض أي قيود جديدة" in first.event


def test_event_takes_the_clause_after_a_leading_date(seeds_dir: Path) -> None:
    para = paragraph(seeds_dir, "في 13 نوفمبر 2024")
    doc = Document(Article(id="a1", source="s", text=para, published="2024-11-14"))
    extract_dates(doc)
    event = doc.dates[0].event
    assert event.startswith("في 13 نوفمبر 2024")
    assert "أدان وزير الخارجية الأمريكي" in event


def test_without_publication_only_dated_expressions_stay(seeds_dir: Path) -> None:
    path = next(seeds_dir.glob("004_*.txt"))
    text = path.read_text(encoding="utf-8")
    doc = Document(Article(id="a4", source=str(path), text=text, published=None))
    extract_dates(doc)
    assert [d.value for d in doc.dates] == ["2024-06", "2022-03"]


def test_dates_inside_entity_mentions_are_dropped() -> None:
    text = "وقال اللاعب بدر الخميس أمس إن الفريق جاهز."
    doc = Document(Article(id="x", source="s", text=text, published="2015-07-21"))
    doc.mentions = [Mention(12, 22, "بدر الخميس", "PER")]
    extract_dates(doc)
    assert [(d.expression, d.value) for d in doc.dates] == [("أمس", "2015-07-20")]
