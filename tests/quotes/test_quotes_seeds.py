"""The seed articles' speakers (raw text paragraphs; skipped without ../shared)."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.errors import ModelError
from marsad.model import Article, Document, EntityType, Mention, Quote
from marsad.quotes import extract_quotes


def _paragraph(seeds_dir: Path, name: str, needle: str) -> str:
    text = next(seeds_dir.glob(f"{name}_*.txt")).read_text(encoding="utf-8")
    for paragraph in text.split("\n"):
        if needle in paragraph:
            return paragraph
    raise AssertionError(f"{needle!r} not in seed {name}")


def _extract(text: str, mentions: list[tuple[str, EntityType, str | None]]) -> Document:
    found = []
    for surface, kind, role in mentions:
        start = text.find(surface)
        assert start >= 0, surface
        found.append(Mention(start, start + len(surface), surface, kind, role))
    doc = Document(Article(id="seed", source="seed", text=text), mentions=found)
    extract_quotes(doc)
    return doc


def _containing(doc: Document, fragment: str) -> Quote:
    hits = [q for q in doc.quotes if fragment in q.text]
    assert len(hits) == 1, [(q.kind, q.speaker, q.text[:40]) for q in doc.quotes]
    return hits[0]


def test_austin_post_on_x(seeds_dir: Path) -> None:
    text = _paragraph(seeds_dir, "003", "وقال أوستن على منصة إكس")
    doc = _extract(text, [("لويد أوستن", "PER", "وزير الدفاع الأميركي")])
    q = _containing(doc, "أعود إلى أوكرانيا للمرة الرابعة")
    assert q.kind == "direct" and q.speaker == "أوستن"
    assert q.text.endswith("يواصلان دعم أوكرانيا")


def test_peskov_statement(seeds_dir: Path) -> None:
    text = _paragraph(seeds_dir, "003", "دميتري بيسكوف")
    doc = _extract(
        text, [("الكرملين", "ORG", None), ("دميتري بيسكوف", "PER", "المتحدث باسم الكرملين")]
    )
    q = _containing(doc, "كوريا الشمالية هي دولة جارة وشريكة")
    assert q.kind == "direct"
    assert q.speaker == "المتحدث باسم الكرملين دميتري بيسكوف"
    assert q.speaker_mention == 1
    assert q.text.endswith("سنواصل تعزيز هذا التعاون بشكل إضافي")


def test_nato_council_statement(seeds_dir: Path) -> None:
    text = _paragraph(seeds_dir, "002", "وأكد مجلس الناتو في بيانه")
    doc = _extract(text, [("مجلس الناتو", "ORG", None)])
    q = _containing(doc, "ندين بشدة القرارات")
    assert (q.kind, q.speaker, q.speaker_mention) == ("direct", "مجلس الناتو", 0)


def test_embassy_statement(seeds_dir: Path) -> None:
    text = _paragraph(seeds_dir, "003", "وقالت السفارة الروسية في سيول")
    doc = _extract(text, [("غيورغي زينوفييف", "PER", "السفير")])
    q = _containing(doc, "التعاون بين روسيا وكوريا الشمالية يتمّ")
    assert q.kind == "direct" and q.speaker == "السفارة الروسية"


def test_singh_then_zelensky_continuations(seeds_dir: Path) -> None:
    seed = next(seeds_dir.glob("004_*.txt")).read_text(encoding="utf-8")
    start = seed.index("وقالت المتحدثة باسم البنتاغون")
    end = seed.index("ووفقاً للرئيس الأوكراني")
    doc = _extract(
        seed[start:end],
        [
            ("البنتاغون", "ORG", None),
            ("سابرينا سينغ", "PER", "المتحدثة باسم البنتاغون"),
            ("فولوديمير زيلينسكي", "PER", "الرئيس الأوكراني"),
        ],
    )
    singh = _containing(doc, "بعض هؤلاء الجنود انتقلوا بالفعل")
    assert singh.speaker == "المتحدثة باسم البنتاغون سابرينا سينغ"
    assert singh.speaker_mention == 1
    assert _containing(doc, "اقترب بالفعل من أوكرانيا").speaker_mention == 1
    troops = _containing(doc, "يوجد بالفعل 3000 جندي")
    assert troops.kind == "direct" and troops.speaker == "زيلينسكي"
    assert "ووفقاً لأجهزة استخباراتنا" in troops.text
    warning = _containing(doc, "ستستخدمهم على أراضينا")
    assert warning.speaker == "زيلينسكي"
    first = _containing(doc, "نحو 12 ألف جندي كوري شمالي")
    assert first.kind == "indirect" and first.speaker_mention == 2


def test_rutte_on_x_and_continuation(seeds_dir: Path) -> None:
    text = _paragraph(seeds_dir, "003", "وكتب روته على منصة إكس")
    doc = _extract(text, [("مارك روته", "PER", "الأمين العام لحلف شمال الأطلسي")])
    post = _containing(doc, "تحدثت مع الرئيس الكوري الجنوبي")
    assert post.kind == "direct" and post.speaker == "روته"
    added = _containing(doc, "إرسال قوات من كوريا الشمالية للقتال مع الروس")
    assert added.kind == "direct" and added.speaker == "روته"


def test_yoon_statement(seeds_dir: Path) -> None:
    text = _paragraph(seeds_dir, "004", "وقال يون “هذا التعاون")
    doc = _extract(text, [("يون", "PER", None)])
    q = _containing(doc, "هذا التعاون العسكري غير القانوني")
    assert (q.kind, q.speaker, q.speaker_mention) == ("direct", "يون", 0)


def test_unnamed_defence_official(seeds_dir: Path) -> None:
    seed = next(seeds_dir.glob("002_*.txt")).read_text(encoding="utf-8")
    start = seed.index("وصرّح مسؤول دفاعي")
    end = seed.index("المصدر: بوابة الوفد")
    doc = _extract(seed[start:end], [])
    said = _containing(doc, "وزارة الدفاع الأمريكية تبحث عن عروض")
    assert said.kind == "direct" and said.speaker == "مسؤول دفاعي"
    explained = _containing(doc, "لن يتمركزوا بالقرب من خطوط القتال")
    confirmed = _containing(doc, "الأنظمة الدفاعية")
    for q in (said, explained, confirmed):
        assert q.speaker == "مسؤول دفاعي" and q.speaker_mention is None


@pytest.mark.parametrize("name", ["000", "001", "002", "003", "004"])
def test_scare_quotes_in_seeds_are_not_quotes(seeds_dir: Path, name: str) -> None:
    text = next(seeds_dir.glob(f"{name}_*.txt")).read_text(encoding="utf-8")
    doc = _extract(text, [])
    for scare in ("سي إن إن", "إف 16", "خطة النصر", "النصر", "تصعيد", "خطيراً جدا"):
        assert all(q.text != scare for q in doc.quotes)


def test_with_recognized_mentions(seeds_dir: Path) -> None:
    """entities.recognize + extract_quotes: speakers point at the recognised people."""
    entities = pytest.importorskip("marsad.entities")
    seed = next(seeds_dir.glob("004_*.txt")).read_text(encoding="utf-8")
    start = seed.index("وقالت المتحدثة باسم البنتاغون")
    end = seed.index("ووفقاً للرئيس الأوكراني")
    doc = Document(Article(id="seed", source="seed", text=seed[start:end]))
    try:
        entities.recognize(doc)
    except ModelError as err:
        pytest.skip(f"entities model not built: {err}")
    extract_quotes(doc)
    assert doc.quotes
    for fragment, name in [
        ("بعض هؤلاء الجنود", "سينغ"),
        ("يوجد بالفعل 3000 جندي", "زيلينسكي"),
        ("ستستخدمهم على أراضينا", "زيلينسكي"),
    ]:
        q = _containing(doc, fragment)
        assert q.speaker_mention is not None, fragment
        mention = doc.mentions[q.speaker_mention]
        assert mention.type == "PER" and name in mention.text, (fragment, mention)
