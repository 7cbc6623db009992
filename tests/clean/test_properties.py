"""Properties of clean() on any mix of prose, markers and widgets: it never invents or
reorders words, always yields tidy paragraphs, and is deterministic."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.clean import clean
from marsad.model import RawDocument

_WORD = re.compile(r"[^\W\d_]+")

LINES = [
    "أعلنت وزارة الخارجية اليوم أنها ستواصل دعم جهود السلام في المنطقة، وفق بيان رسمي.",
    "وقال المتحدث إن الاجتماع المقبل سيعقد في العاصمة،. خلال الأسبوع الجاري .",
    "أعلن الجيش اليوم الثلاثاء أنه صد هجوما واسعا بطائرات مسيرة على مواقع في شرق البلاد.",
    "عنوان قصير للخبر",
    "تطورات ميدانية",
    "إقرأ أيضاً:",
    "اقرأ المزيد",
    "مقالات مشابهة",
    "  • روسيا تحذر من التصعيد",
    "كلمات دلالية: روسيا أوكرانيا",
    "المصدر: بوابة الوفد",
    "نقلاً عن : اندبندنت عربية",
    "(رويترز، فرانس برس)",
    "+ الخط -",
    "21 أكتوبر 2024",
    "الرئيس يصل إلى العاصمة (فيل ستيوارت/رويترز)",
    "يحتوي هذا القسم على المقالات ذات صلة",
    "الموقع العربي | Facebook",
    "\u00a0",
    "",
    "Next Previous",
    "شارك",
]


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def is_subsequence(small: list[str], big: list[str]) -> bool:
    it = iter(big)
    return all(w in it for w in small)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(LINES), max_size=25), st.sampled_from(["\n", "\n\n", "\r\n"]))
def test_clean_never_invents_or_reorders_words(lines: list[str], sep: str) -> None:
    text = sep.join(lines)
    raw = RawDocument(source="p.txt", text=text, format="txt")
    articles = clean(raw)
    source_words = words(text)
    out_words: list[str] = []
    for art in articles:
        out_words += words(art.title or "") + words(art.text)
        assert art.text and art.text == art.text.strip()
        assert "\n\n" not in art.text and "\u00a0" not in art.text
        assert all(p.strip() == p and p for p in art.text.split("\n"))
        assert (art.parent_id is None) == (art is articles[0])
        assert art.parent_id in (None, articles[0].id)
    assert is_subsequence(out_words, source_words)
    assert [a.id for a in clean(raw)] == [a.id for a in articles]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_clean_accepts_any_text(text: str) -> None:
    for art in clean(RawDocument(source="p.txt", text=text, format="txt")):
        assert len(art.id) == 16
        assert art.text
