from __future__ import annotations

import itertools
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from marsad.text import normalize, normalize_with_map, strip_invisible

ARABIC_HEAVY = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
        st.characters(min_codepoint=0xFB50, max_codepoint=0xFEFF),
        st.sampled_from(" \t\n\u00a0\u200b\u200f\u202b\u2066\ufeff.,،٫٬0123456789AbZ"),
    ),
    max_size=200,
)
# Longer than normalize's short-string path, so both code paths are exercised.
ANY_TEXT = st.one_of(ARABIC_HEAVY, st.text(max_size=200))


def test_diacritics_and_tatweel_removed() -> None:
    assert normalize("مُحَمَّدٌ") == "محمد"
    assert normalize("جـــديد") == "جديد"
    assert normalize("هٰذا") == "هذا"


def test_letter_forms_unified() -> None:
    assert normalize("أحمد إبراهيم آمال ٱلله") == "احمد ابراهيم امال الله"
    assert normalize("مؤتمر") == "موتمر"
    assert normalize("رئيس") == "رييس"
    assert normalize("مستشفى") == "مستشفي"
    assert normalize("مدرسة") == "مدرسه"
    assert normalize("سماء") == "سماء"


def test_digits_and_separators() -> None:
    assert normalize("٣٫٥ و١٬٥٠٠ و۱۲") == "3.5 و1,500 و12"
    assert normalize("نعم، ٩٩٪") == "نعم, 99%"


def test_invisible_controls_removed_and_whitespace_collapsed() -> None:
    assert normalize("\ufeff كوريا\u200f  \u202bالشمالية\u202c\n\t") == "كوريا الشماليه"


def test_presentation_forms_and_latin_case() -> None:
    assert normalize("ﻻ ﺑﻴﺖ NATO") == "لا بيت nato"


def test_map_points_back_to_source() -> None:
    src = " ﻻ أَحمد\u200f  جديد"
    out, m = normalize_with_map(src)
    assert out == "لا احمد جديد"
    i = out.index("احمد")
    assert src[m[i] : m[i + 3] + 1] == "أَحمد"
    assert m[0] == m[1] == 1


def test_strip_invisible_keeps_visible_text() -> None:
    assert strip_invisible("\u200fقال\u200c \ufeffإنّ") == "قال إنّ"
    assert strip_invisible("أَحمد") == "أَحمد"


@given(ANY_TEXT)
def test_normalize_idempotent(s: str) -> None:
    once = normalize(s)
    assert normalize(once) == once


@given(ANY_TEXT)
def test_map_agrees_and_is_monotone(s: str) -> None:
    out, m = normalize_with_map(s)
    assert out == normalize(s)
    assert len(m) == len(out)
    assert all(0 <= i < len(s) for i in m)
    assert all(a <= b for a, b in itertools.pairwise(m))


@given(ANY_TEXT)
def test_strip_invisible_changes_no_visible_character(s: str) -> None:
    out = strip_invisible(s)
    assert not any(c in out for c in "\u200b\u200e\u200f\u202a\u202e\u2066\u2069\ufeff\u061c")

    # Compare canonical forms: a kept format character (U+0600) blocks mark reordering, so
    # only NFC on both sides says "the same visible text".
    def visible(t: str) -> str:
        return unicodedata.normalize(
            "NFC", "".join(c for c in t if unicodedata.category(c) != "Cf")
        )

    assert visible(s) == visible(out)
