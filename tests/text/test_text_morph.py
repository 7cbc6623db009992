from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.text import light_stem, normalize, strip_clitics


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("والحكومة", ("وال", "حكومة")),
        ("وَالحُكومة", ("وَال", "حُكومة")),
        ("بالجيش", ("بال", "جيش")),
        ("للأمم", ("لل", "أمم")),
        ("وقال", ("و", "قال")),
        ("الأب", ("ال", "أب")),
        ("وليس", ("و", "ليس")),
        ("وزير", ("", "وزير")),
        ("وزيرة", ("", "وزيرة")),
        ("فلسطينيين", ("", "فلسطينيين")),
        ("كوريا", ("", "كوريا")),
        ("ولد", ("", "ولد")),
        ("ال", ("", "ال")),
        ("بيت", ("", "بيت")),
    ],
)
def test_strip_clitics(word: str, expected: tuple[str, str]) -> None:
    assert strip_clitics(word) == expected


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("الفلسطيني", "فلسطين"),
        ("فلسطينيين", "فلسطين"),
        ("والمعلمات", "معلم"),
        ("بالمدرسة", "مدرس"),
        ("كتابها", "كتاب"),
        ("ولد", "ولد"),
    ],
)
def test_light_stem(word: str, stem: str) -> None:
    assert light_stem(word) == stem


@given(st.text(alphabet="وفبلكالتهنيمدسرة", min_size=1, max_size=10))
def test_clitic_split_is_lossless_and_stem_is_normalised(word: str) -> None:
    prefix, rest = strip_clitics(word)
    assert prefix + rest == word
    stem = light_stem(word)
    assert stem == normalize(stem)
    assert len(stem) >= min(2, len(normalize(word)))
