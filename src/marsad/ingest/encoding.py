"""Bytes to text for Arabic news: BOMs, UTF-16 without BOM, the two legacy Arabic code
pages, and mojibake (UTF-8 read as a Western or Arabic code page and saved again).

charset-normalizer is not used: it reads the two Arabic code pages right, but guessed
cp1250 for a short French cp1252 sentence; a fixed Western fallback is more predictable.
"""

from __future__ import annotations

import codecs
import math
import re
from functools import cache
from typing import Any

from marsad.errors import InputError
from marsad.ingest._tables import encoding_facts, letter_log_freq

_DECLARED_CHARSET = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
# Bytes searched for <meta charset> or <?xml encoding>: both belong at the very top.
_DECLARATION_WINDOW = 2048
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Share of NUL bytes that must sit on one parity for UTF-16 without BOM: ASCII spaces,
# digits and punctuation put their NUL high byte always on the same side, while binary
# data scatters NULs evenly; 0.9 leaves room for a few U+xx00 code points.
UTF16_NUL_PARITY = 0.9
# Largest share of undecodable sequences for a text to still count as UTF-8 (each becomes a
# visible U+FFFD): a stray byte or two in a long scrape. Arabic in cp1256 or ISO-8859-6
# fails on nearly every letter, 30-50% of the characters, far above 0.001.
UTF8_MAX_BAD_SHARE = 0.001
# Share of Arabic letters among non-ASCII letters a legacy decoding must reach to be taken
# as Arabic: real Arabic in either code page is near 1.0 (tests build both from ANT text),
# French or German read as cp1256 is 0 (cp1256 keeps their accented letters).
ARABIC_LETTER_SHARE = 0.5
# Largest share of Arabic letters that may touch a Latin letter inside one word: real
# Arabic keeps the scripts apart (a space or punctuation between), while French cp1252
# read as ISO-8859-6 gives words like "prىsident" and Russian cp1251 read as cp1256 gives
# "جîٌêâà"; 0.2 is generous for the former.
MIXED_SCRIPT_SHARE = 0.2
# Mojibake marker pairs (UTF-8 lead byte char + continuation byte char) that flag a text.
# Of the 62,199 real ANT + SaudiNewsNet articles one has a single pair and none has two
# (tests/ingest/test_ingest_real_data.py keeps it so); a mangled Arabic word alone has 2 or more.
MOJIBAKE_MIN_PAIRS = 2
# Repair passes: text that went through the UTF-8-as-cp1252 mill twice is seen in scrapes.
MOJIBAKE_MAX_PASSES = 2
# Latin letters, accented ones included (Western and Central European code pages).
_LATIN = "A-Za-z\u00c0-\u024f"
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
# Log share given to an Arabic letter absent from data/letter_freq.tsv: below the rarest
# letter there (about 1 per million), so unseen letters count against a reading.
_UNSEEN_LOG_FREQ = math.log(1e-7)


@cache
def _arabic_letter_re() -> re.Pattern[str]:
    ranges = "".join(f"{lo}-{hi}" for lo, hi in encoding_facts()["arabic_letter_ranges"])
    return re.compile(f"[{ranges}]")


@cache
def _mixed_script_re() -> re.Pattern[str]:
    letter = _arabic_letter_re().pattern
    return re.compile(f"(?<=[{_LATIN}]){letter}|{letter}(?=[{_LATIN}])")


@cache
def _table(codec: str) -> str:
    """256-char decoding table; bytes the codec leaves undefined map to the same code point,
    as Windows does, so every byte string round-trips."""
    chars = []
    for b in range(256):
        try:
            chars.append(bytes([b]).decode(codec))
        except UnicodeDecodeError:
            chars.append(chr(b))
    return "".join(chars)


@cache
def _encoding_map(codec: str) -> Any:
    return codecs.charmap_build(_table(codec))


@cache
def _marker_re(codec: str) -> re.Pattern[str]:
    facts = encoding_facts()
    table = _table(codec)
    lo, hi = facts["utf8_lead_bytes"][codec]
    clo, chi = facts["utf8_continuation_bytes"]
    legit = set(facts["legit_after_lead"])
    leads = {table[b] for b in range(lo, hi + 1)}
    # Letters are excluded too: Urdu-style ھ after ع is real text, not a mangled byte.
    conts = {table[b] for b in range(clo, chi + 1)} - legit
    conts = {c for c in conts if not c.isalpha()}
    return re.compile(
        "[" + re.escape("".join(sorted(leads))) + "][" + re.escape("".join(sorted(conts))) + "]"
    )


def _letter_share(text: str) -> float:
    """Arabic share of the non-ASCII letters (ASCII reads the same in every candidate, and
    markup would otherwise outweigh the Arabic in a legacy-encoded page or feed)."""
    arabic = len(_arabic_letter_re().findall(text))
    letters = sum(1 for c in text if c > "\x7f" and c.isalpha())
    return arabic / letters if letters else 0.0


def _mean_log_freq(text: str) -> float:
    """How news-like the Arabic letters are: the two code pages swap common letters for
    rarer ones (ISO-8859-6 م read as cp1256 is ه), so the right reading scores higher."""
    freq = letter_log_freq()
    scores = [freq.get(c, _UNSEEN_LOG_FREQ) for c in _arabic_letter_re().findall(text)]
    return sum(scores) / len(scores) if scores else _UNSEEN_LOG_FREQ


def _is_control(c: str) -> bool:
    return ("\u0080" <= c <= "\u009f") or (c < " " and c not in _ALLOWED_CONTROLS)


def _suspicious(text: str) -> int:
    """Characters a real Arabic text in the right code page would not contain."""
    return sum(1 for c in text if ("\u00c0" <= c <= "\u00ff") or _is_control(c))


def _decode_utf16_without_bom(data: bytes, source: str) -> str:
    even = data[0::2].count(0)
    odd = data[1::2].count(0)
    total = even + odd
    codec = None
    if odd >= UTF16_NUL_PARITY * total:
        codec = "utf-16-le"
    elif even >= UTF16_NUL_PARITY * total:
        codec = "utf-16-be"
    if codec is not None and len(data) % 2 == 0:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            text = None
        if text is not None and _suspicious(text) == 0 and "\x00" not in text:
            return text
    raise InputError(source, "binary", "contains NUL bytes and is not UTF-16 text")


def _declared(data: bytes) -> str | None:
    """Text in the charset a page or feed declares, when that decodes cleanly.

    Consulted only after the Arabic checks: Arabic sites often declare iso-8859-1 over
    cp1256 bytes, and latin-1 decodes anything, so a declaration alone proves nothing.
    """
    m = _DECLARED_CHARSET.search(data[:_DECLARATION_WINDOW])
    if m is None:
        return None
    try:
        text = data.decode(m[1].decode("ascii"))
    except (LookupError, UnicodeDecodeError):
        return None
    return None if any(_is_control(c) for c in text) else text


def _decode_legacy(data: bytes, source: str) -> str:
    facts = encoding_facts()
    best: tuple[tuple[float, float], str] | None = None
    for codec in facts["single_byte_arabic_codecs"]:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _letter_share(text) < ARABIC_LETTER_SHARE:
            continue
        arabic = len(_arabic_letter_re().findall(text))
        if len(_mixed_script_re().findall(text)) > MIXED_SCRIPT_SHARE * arabic:
            continue
        key = (-_suspicious(text) / max(len(text), 1), _mean_log_freq(text))
        if best is None or key > best[0]:
            best = (key, text)
    if best is not None:
        return best[1]
    declared = _declared(data)
    if declared is not None:
        return declared
    text = codecs.charmap_decode(data, "strict", _table(facts["fallback_codec"]))[0]
    if any(_is_control(c) for c in text):
        raise InputError(source, "encoding", "not UTF-8, UTF-16 or a known Arabic code page")
    return text


def decode_bytes(data: bytes, source: str) -> str:
    """Decode without the mojibake check (containers check each item instead)."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(source, "encoding", f"{codec} BOM but invalid: {exc}") from exc
    if b"\x00" in data:
        return _decode_utf16_without_bom(data, source)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data":
            return data[: exc.start].decode("utf-8")  # file cut inside its last character
        loose = data.decode("utf-8", errors="replace")
        if loose.count("\ufffd") <= UTF8_MAX_BAD_SHARE * len(loose):
            return loose
        return _decode_legacy(data, source)


def _unmangle(text: str, codec: str) -> str | None:
    """Undo one UTF-8-read-as-``codec`` pass, only when the round trip is exact."""
    try:
        raw, _ = codecs.charmap_encode(text, "strict", _encoding_map(codec))
        fixed = raw.decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None
    again, _ = codecs.charmap_decode(fixed.encode("utf-8"), "strict", _table(codec))
    return fixed if again == text else None


def mojibake_pairs(text: str) -> dict[str, int]:
    """Marker pair counts per code page, e.g. "Ø§Ù„" (cp1252) or "ط§ظ„" (cp1256)."""
    codecs_ = encoding_facts()["mojibake_codecs"]
    return {codec: len(_marker_re(codec).findall(text)) for codec in codecs_}


def repair_mojibake(text: str, source: str) -> str:
    """``text`` repaired, or unchanged if clean; raises when mangled beyond an exact fix."""
    for _ in range(MOJIBAKE_MAX_PASSES):
        counts = mojibake_pairs(text)
        flagged = sorted((n, c) for c, n in counts.items() if n >= MOJIBAKE_MIN_PAIRS)
        if not flagged:
            return text
        for _n, codec in reversed(flagged):
            fixed = _unmangle(text, codec)
            if fixed is not None:
                text = fixed
                break
        else:
            codec = flagged[-1][1]
            raise InputError(
                source,
                "encoding",
                f"UTF-8 text was decoded as {codec} and saved again (mojibake) and cannot be "
                "repaired exactly; re-export the source as UTF-8",
            )
    return text


def decode(data: bytes, source: str) -> str:
    """Decode ``data`` to text, repairing exact mojibake; raises :class:`InputError`."""
    return repair_mojibake(decode_bytes(data, source), source)
