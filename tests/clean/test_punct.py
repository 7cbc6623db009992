"""Punctuation repair: fixes the scraper damage, and never changes a word."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.clean import clean
from marsad.clean.punct import repair, stop_damage
from marsad.model import RawDocument

_WORD = re.compile(r"[^\W\d_]+")


def words(text: str) -> list[str]:
    return _WORD.findall(text)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("في سبتمبر 2023،. يتجسد", "في سبتمبر 2023، يتجسد"),
        ("في روسيا،. حيث أعرب", "في روسيا، حيث أعرب"),
        ("بالذخائر والأسلحة، . بما في ذلك", "بالذخائر والأسلحة، بما في ذلك"),
        ("وعلاوة على ذلك. ، قد تؤثر", "وعلاوة على ذلك، قد تؤثر"),
        ("the end,. then", "the end, then"),
        ("للأمن الأوروبي الأطلسي ، جاء هذا", "للأمن الأوروبي الأطلسي، جاء هذا"),
        ('تصعيداً خطيراً" ، ويرى', 'تصعيداً خطيراً"، ويرى'),
        ("زيارة رسمية إلى عمان .", "زيارة رسمية إلى عمان."),
        ("في 2016 . لكن الولايات المتحدة", "في 2016. لكن الولايات المتحدة"),
    ],
)
def test_always_safe_repairs(before: str, after: str) -> None:
    assert repair(before) == after


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("لكوريا الشمالية. إلى جانب روسيا", "لكوريا الشمالية إلى جانب روسيا"),
        ("تحت السيطرة الأوكرانية. جزئيًا منذ هجوم", "تحت السيطرة الأوكرانية جزئيًا منذ هجوم"),
        ("وقعت موسكو وبيونج يانج . اتفاقية شراكة", "وقعت موسكو وبيونج يانج اتفاقية شراكة"),
        ("لا يزال غير واضح. فإن المكافآت", "لا يزال غير واضح فإن المكافآت"),
    ],
)
def test_stray_stops_in_a_damaged_text(before: str, after: str) -> None:
    assert repair(before, damaged=True) == after


@pytest.mark.parametrize(
    "sentence",
    [
        "انتهت الجولة. إلى ذلك، قال مصدر قضائي إن الشرطة تحتجز المشتبه به.",
        "على الأراضي الروسية. ووفقاً لأجهزة استخباراتنا سيبلغ عددهم 12 ألفاً.",
        "انتهى الاجتماع. ميدانياً، قالت الإدارة العسكرية إن الدفاعات تصدت للهجوم.",
    ],
)
def test_real_sentence_stops_are_kept(sentence: str) -> None:
    assert repair(sentence) == sentence
    assert repair(sentence, damaged=True) == sentence


def test_decimals_ellipses_and_abbreviations_are_untouched() -> None:
    for text in ("بلغ النمو 3.5 في المئة", "ماذا لو... كان ذلك", "U.S. and EU"):
        assert repair(text) == text


def test_damage_count() -> None:
    assert stop_damage("كلام،. آخر، . ثالث. ، رابع") == 3
    assert stop_damage("نص سليم. وجملة أخرى، ثم ثالثة.") == 0


def test_clean_repairs_only_a_damaged_text() -> None:
    damaged = (
        "أكد الوزير في روسيا،. حيث تحدث عن الأمن الإقليمي والدولي بشكل مفصل.\n"
        "وقال إن التعاون العسكري الواسع،. بما في ذلك الذخائر، لا يقتصر على نشر القوات.\n"
        "وأضاف أن الشراكة في كييف،. وحث الشركاء على دعم القوات الأوكرانية. إلى جانب روسيا."
    )
    text = clean(RawDocument(source="t", text=damaged, format="txt"))[0].text
    assert "،." not in text
    assert "الأوكرانية إلى جانب روسيا" in text
    clean_text = (
        "وقال إن الاجتماع انتهى دون اتفاق بين الأطراف. إلى ذلك، قال المتحدث إن الجولة المقبلة "
        "ستعقد قريبا."
    )
    assert clean(RawDocument(source="t", text=clean_text, format="txt"))[0].text == clean_text


_PIECES = st.sampled_from(
    [
        "روسيا", "أوكرانيا", "إلى", "على", "جزئيًا", "ووفقاً", "فإن", "2023", "3.5", "the",
        ".", ",", "،", "؛", "؟", ":", "!", "..", "...", " . ", "،.", ". ،", ",.", "\"", "»",
        "(", ")", " ", "  ", "\t",
    ]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=40), st.booleans())
def test_repair_never_changes_a_word(pieces: list[str], damaged: bool) -> None:
    text = "".join(pieces)
    assert words(repair(text, damaged)) == words(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=80), st.booleans())
def test_repair_never_changes_a_word_on_any_text(text: str, damaged: bool) -> None:
    assert words(repair(text, damaged)) == words(text)
