from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from marsad.text import Token, tokenize

ARABIC_HEAVY = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
        st.sampled_from(' \n\u200f.,،٫٬-%«»"0123456789AbZ'),
    ),
    max_size=60,
)


def test_words_numbers_and_punctuation() -> None:
    text = "قالت إنّ 1,500 جندي و٣٫٥ مليار، (نحو 99%) من طراز إف-16."
    assert [t.text for t in tokenize(text)] == [
        "قالت",
        "إنّ",
        "1,500",
        "جندي",
        "و",
        "٣٫٥",
        "مليار",
        "،",
        "(",
        "نحو",
        "99",
        "%",
        ")",
        "من",
        "طراز",
        "إف-16",
        ".",
    ]


def test_decimal_and_trailing_dot() -> None:
    assert [t.text for t in tokenize("بلغت 3.5 في 2024.")] == ["بلغت", "3.5", "في", "2024", "."]


def test_invisible_controls_are_not_tokens() -> None:
    assert [t.text for t in tokenize("\u200fكوريا\u200f")] == ["كوريا"]


def test_token_is_frozen_with_offsets() -> None:
    tok = tokenize("  سلام")[0]
    assert tok == Token("سلام", 2, 6)


@given(st.one_of(ARABIC_HEAVY, st.text(max_size=60)))
def test_offsets_slice_back(s: str) -> None:
    toks = tokenize(s)
    for t in toks:
        assert s[t.start : t.end] == t.text
        assert t.text.strip()
    assert all(a.end <= b.start for a, b in itertools.pairwise(toks))
