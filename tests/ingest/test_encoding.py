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
# Words as news prints them (a lone letter is the same byte in both Arabic code pages,
# so single-byte decoding is only decidable on words).
_WORDS = ARABIC.replace("،", "").replace("؟", "").replace(".", "").replace(":", "").split()
_WORDS = [w for w in _WORDS if w.isalpha()]
arabic_text = st.lists(st.sampled_from(_WORDS), min_size=3, max_size=40).map(" ".join)


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
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be",
         "utf32-bom", "cp1256", "iso8859-6"],
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
