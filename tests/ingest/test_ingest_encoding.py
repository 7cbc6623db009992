"""Encodings and mojibake: fixture bytes are generated here from Arabic text."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.errors import InputError
from marsad.ingest import decode
from marsad.ingest.encoding import mojibake_pairs, repair_mojibake

ARABIC = (
    "قال المتحدث باسم وزارة الدفاع إن نحو عشرة آلاف جندي وصلوا إلى منطقة كورسك، "
    "وفقاً لتقارير استخباراتية؟ وأضاف: «لا تعليق» على ما نشرته الصحف الغربية.\n"
    "وتابع أن الحكومة ستدرس الخيارات المتاحة خلال الأيام المقبلة."
)
# Letters every single-byte Arabic code page can hold (ISO-8859-6 has no Persian letters).
_LETTERS = "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي"
# News prose for the code-page property: the two Arabic code pages differ only in which
# bytes hold which letters, so a few words can read plausibly both ways ("باسم" / "باسه");
# a run of at least MIN_WORDS consecutive words of real prose cannot.
PROSE_TEXT = (
    "أعلنت وزارة الخارجية الروسية يوم الاثنين أن وزير الخارجية سيزور بيونغ يانغ الشهر "
    "المقبل لبحث التعاون بين البلدين في مجالات الطاقة والنقل والزراعة وقال مسؤول في "
    "الوزارة إن الزيارة تأتي في إطار تعزيز العلاقات الثنائية التي شهدت تطورا ملحوظا خلال "
    "العامين الماضيين ولم يعلق المتحدث باسم الحكومة الكورية الجنوبية على هذه الأنباء"
)
PROSE = PROSE_TEXT.split()
MIN_WORDS = 6
arabic_text = st.integers(0, len(PROSE) - MIN_WORDS).flatmap(
    lambda start: st.integers(start + MIN_WORDS, len(PROSE)).map(
        lambda end: " ".join(PROSE[start:end])
    )
)


def mangle(text: str, codec: str) -> str:
    """UTF-8 bytes read as ``codec`` the way Windows does (undefined bytes kept as is)."""
    table = "".join(_safe_char(bytes([b]), codec) for b in range(256))
    return codecs.charmap_decode(text.encode("utf-8"), "strict", table)[0]


def _safe_char(b: bytes, codec: str) -> str:
    try:
        return b.decode(codec)
    except UnicodeDecodeError:
        return chr(b[0])


PLAIN = ARABIC.replace("«", '"').replace("»", '"')  # ISO-8859-6 has no guillemets


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (ARABIC.encode("utf-8"), ARABIC),
        (codecs.BOM_UTF8 + ARABIC.encode("utf-8"), ARABIC),
        (ARABIC.encode("utf-16"), ARABIC),
        (codecs.BOM_UTF16_LE + ARABIC.encode("utf-16-le"), ARABIC),
        (codecs.BOM_UTF16_BE + ARABIC.encode("utf-16-be"), ARABIC),
        (ARABIC.encode("utf-16-le"), ARABIC),
        (ARABIC.encode("utf-16-be"), ARABIC),
        (ARABIC.encode("utf-32"), ARABIC),
        (ARABIC.encode("cp1256"), ARABIC),
        (PLAIN.encode("iso8859_6"), PLAIN),
    ],
    ids=[
        "utf8",
        "utf8-bom",
        "utf16-bom",
        "utf16le-bom",
        "utf16be-bom",
        "utf16le",
        "utf16be",
        "utf32-bom",
        "cp1256",
        "iso8859-6",
    ],
)
def test_decodes_every_supported_encoding(data: bytes, expected: str) -> None:
    assert decode(data, "x") == expected


@settings(max_examples=60, deadline=None)
@given(arabic_text)
def test_cp1256_and_iso8859_6_are_told_apart(text: str) -> None:
    # The two code pages put و ي ه ل م ن at different bytes; each must come back exactly.
    assert decode(text.encode("cp1256"), "x") == text
    assert decode(text.encode("iso8859_6"), "x") == text


@settings(max_examples=60, deadline=None)
@given(arabic_text)
def test_utf16_without_bom_round_trips(text: str) -> None:
    sample = f"{text} 2024"  # real text has spaces or digits, the NUL high bytes to go by
    assert decode(sample.encode("utf-16-le"), "x") == sample
    assert decode(sample.encode("utf-16-be"), "x") == sample


@pytest.mark.parametrize("codec", ["cp1252", "latin-1", "cp1256"])
def test_mojibake_is_repaired_exactly(codec: str) -> None:
    mangled = mangle(ARABIC, codec)
    assert mojibake_pairs(mangled)[codec] > 10
    assert decode(mangled.encode("utf-8"), "x") == ARABIC


def test_typical_mojibake_sequences_are_recognised() -> None:
    assert decode("Ø§Ù„Ø±Ø¦ÙŠØ³".encode(), "x") == "الرئيس"
    assert decode("ط§ظ„ط±ط¦ظٹط³".encode(), "x") == "الرئيس"


def test_double_mojibake_is_repaired() -> None:
    twice = mangle(mangle(ARABIC, "cp1252"), "cp1252")
    assert decode(twice.encode("utf-8"), "x") == ARABIC


def test_mojibake_that_cannot_round_trip_is_an_encoding_error() -> None:
    # Half mangled, half clean: no single code page undoes it exactly.
    mixed = mangle(ARABIC, "cp1252") + "\n" + ARABIC
    with pytest.raises(InputError) as info:
        decode(mixed.encode("utf-8"), "mixed.txt")
    assert info.value.reason == "encoding"
    assert info.value.source == "mixed.txt"


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=_LETTERS + "پچگکھ“”…–«»،؛؟ abcéØÙ.,-\n0123456789"))
def test_clean_text_is_never_changed(text: str) -> None:
    assert repair_mojibake(text, "x") == text


def test_nul_bytes_that_are_not_utf16_are_binary() -> None:
    with pytest.raises(InputError) as info:
        decode(bytes(range(256)) * 4, "blob")
    assert info.value.reason == "binary"


def test_latin_legacy_text_falls_back_to_detection() -> None:
    french = "Le président a déclaré que les élèves étaient très nombreux à Genève."
    assert decode(french.encode("cp1252"), "x") == french


def test_invalid_after_bom_is_an_encoding_error() -> None:
    with pytest.raises(InputError) as info:
        decode(codecs.BOM_UTF8 + b"\xff\xfe\xfa abc", "x")
    assert info.value.reason == "encoding"


def test_utf8_cut_inside_the_last_character_keeps_the_rest() -> None:
    data = ARABIC.encode("utf-8")
    assert decode(data[: data.rindex("ة".encode()) + 1], "x") == ARABIC[: ARABIC.rindex("ة")]


def test_a_stray_byte_in_long_utf8_is_marked_not_redecoded() -> None:
    text = ARABIC * 20
    data = text.encode("utf-8")
    middle = data.index(b" ", len(data) // 2)
    decoded = decode(data[:middle] + b"\xff" + data[middle:], "x")
    assert decoded.count("\ufffd") == 1
    assert decoded.replace("\ufffd", "") == text


def test_declared_charset_is_used_for_non_arabic_legacy_pages() -> None:
    page = '<html><head><meta charset="windows-1251"></head><body>Москва сегодня</body></html>'
    assert decode(page.encode("cp1251"), "x") == page


def test_declared_latin1_over_cp1256_bytes_is_not_believed() -> None:
    page = f'<html><head><meta charset="iso-8859-1"></head><body>{ARABIC}</body></html>'
    assert decode(page.encode("cp1256"), "x") == page
