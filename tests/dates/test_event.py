"""The event clause of a date: what happened, not who reported it."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

from marsad.dates import extract_dates
from marsad.model import Article, Document


def _events(text: str, published: str = "2024-10-21") -> dict[str, str]:
    doc = Document(Article(id="a", source="s", text=text, published=published))
    extract_dates(doc)
    return {r.expression: r.event for r in doc.dates}


def test_reporting_clause_closed_by_a_comma_gives_the_reported_content() -> None:
    text = (
        "من جهتها، قالت وزارة الدفاع الروسية اليوم، إن وحدات الدفاع الجوي الروسية "
        "دمّرت 18 طائرة مسيّرة أوكرانية خلال الليل."
    )
    event = _events(text)["اليوم"]
    assert event.startswith("وحدات الدفاع الجوي الروسية دمّرت")
    assert "قالت" not in event
    assert event in text


def test_pronoun_complementiser_is_skipped() -> None:
    text = "من ناحية ثانية، أكدت موسكو اليوم، أنها ستواصل تعزيز التعاون مع كوريا الشمالية."
    assert _events(text)["اليوم"] == "ستواصل تعزيز التعاون مع كوريا الشمالية"


def test_comma_between_subject_and_date() -> None:
    text = "وفي السياق، أكدت روسيا، اليوم، أن تحالفها مع كوريا الشمالية ليس موجهاً ضد أحد."
    assert _events(text)["اليوم"] == "تحالفها مع كوريا الشمالية ليس موجهاً ضد أحد"


def test_reporting_clause_flowing_into_its_content_is_kept_whole() -> None:
    text = "قالت الوزارة أمس الأحد إنها لن تفرض أي قيود جديدة على الصادرات."
    event = _events(text)["أمس الأحد"]
    assert event.startswith("قالت الوزارة أمس الأحد إنها")


def test_date_inside_the_content_keeps_its_own_clause() -> None:
    text = (
        "أعلنت الإدارة صباح الأربعاء ارتفاع حصيلة ضحايا الزلزال الذي ضرب الولاية "
        "أمس الثلاثاء إلى 52 قتيلاً."
    )
    events = _events(text, "2025-03-05")
    assert "أمس الثلاثاء" in events["أمس الثلاثاء"]


def test_non_reporting_verb_is_left_alone() -> None:
    text = "وصل وزير الدفاع إلى العاصمة صباح اليوم الاثنين، في زيارة لم يعلن عنها."
    (event,) = _events(text).values()
    assert event.startswith("وصل وزير الدفاع")


def test_long_content_is_cut_at_a_word() -> None:
    content = " ".join(["الحكومة ستواصل دعم المتضررين"] * 20)
    text = f"قال الوزير اليوم، إن {content}."
    event = _events(text)["اليوم"]
    assert 0 < len(event) <= 200
    assert content.startswith(event)


def test_seed_timeline_events_name_no_reporting_verb(seeds_dir: Path) -> None:
    opening = ("قالت ", "أكدت ", "اعتبر ")
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        doc = Document(Article(id="s", source=str(path), text=text, published="2024-10-21"))
        extract_dates(doc)
        for ref in doc.dates:
            assert ref.event
            assert " ".join(ref.event.split()) in " ".join(text.split())
            if ref.expression == "اليوم":
                assert not ref.event.startswith(opening), ref.event


def test_anchored_noun_phrase_is_the_event() -> None:
    text = (
        "وافقت الإدارة على السماح للمتعاقدين بالانتشار لأول مرة منذ بدء العملية الروسية "
        "في أوكرانيا في فبراير/شباط 2022."
    )
    (event,) = _events(text).values()
    assert event == "بدء العملية الروسية في أوكرانيا في فبراير/شباط 2022"


def test_short_anchor_phrase_keeps_the_clause() -> None:
    text = "وزار الرئيس المنطقة المنكوبة بعد ظهر الأربعاء."
    (event,) = _events(text, "2025-03-06").values()
    assert event.startswith("وزار الرئيس المنطقة المنكوبة")


# An event that is only a reporting clause ("قالت وزارة الدفاع الروسية اليوم"): a reporting
# verb first, its date last, no إن/أن in between.
_FRAME = re.compile(r"^[وف]?(?:قال|قالت|أعلن|أعلنت|أكد|أكدت|أفاد|أفادت|ذكر|ذكرت|اعتبر|أوضح)\s")
_CONTENT = re.compile(r"(?<!\w)ب?[إأ]ن(?:ه|ها|هم)?(?!\w)")
# bench/date_events.py on the first 600 SaudiNewsNet articles of 2015-07-25: 7 of 1969
# events are only a reporting clause (19 without the frame and anchor rules).
MAX_FRAME_ONLY_EVENTS = 9


def test_events_on_saudinewsnet(shared_dir: Path) -> None:
    day = "2015-07-25"
    with zipfile.ZipFile(shared_dir / "data" / "saudinewsnet" / f"{day}.zip") as z:
        (name,) = z.namelist()
        articles = json.loads(z.read(name))[:600]
    frame_only = total = 0
    for a in articles:
        doc = Document(Article(id="s", source="s", text=a["content"], published=day))
        extract_dates(doc)
        flat = " ".join(a["content"].split())
        for ref in doc.dates:
            total += 1
            assert ref.event and " ".join(ref.event.split()) in flat
            frame_only += bool(
                _FRAME.match(ref.event)
                and ref.event.rstrip("()").endswith(ref.expression.rstrip("()"))
                and not _CONTENT.search(ref.event)
            )
    assert total > 1900
    assert frame_only <= MAX_FRAME_ONLY_EVENTS
