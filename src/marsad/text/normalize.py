"""Normalisation for matching, and display-safe cleaning of invisible characters."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from marsad._tables import read_rows

_PKG = "marsad.text"
_WS = re.compile(r"\s+")
# Below this length (a word, a phrase) a plain per-character loop beats the bulk path's
# set-up; measured with timeit on SaudiNewsNet tokens and articles.
_SHORT = 64
# Whitespace that collapsing changes: runs, and single characters other than a space.
_ODD_WS = re.compile(r"\s{2,}|[^\S ]")
# A character's mapping is re-applied until it stops changing, so normalize stays
# idempotent. With the shipped tables one step already is a fixed point for every code
# point (checked over all of Unicode); four rounds leave room for table edits.
_MAX_ROUNDS = 4

_INVISIBLE: frozenset[str] = frozenset(r[0] for r in read_rows(_PKG, "invisible_chars.tsv"))
_TABLE: dict[str, str] = {
    r[0]: (r[1] if len(r) > 1 else "") for r in read_rows(_PKG, "normalize_chars.tsv")
}
_TABLE.update(dict.fromkeys(_INVISIBLE, ""))


def _step(ch: str) -> str:
    if ch in _TABLE:
        return _TABLE[ch]
    out = unicodedata.normalize("NFKC", ch).lower()
    return "".join(_TABLE.get(c, c) for c in out)


def _char_map(ch: str) -> str:
    cur = _step(ch)
    for _ in range(_MAX_ROUNDS):
        nxt = "".join(_step(c) for c in cur)
        if nxt == cur:
            break
        cur = nxt
    return cur


class _Lazy(dict[int, str]):
    """Translation table for ``str.translate`` that computes and caches each code point."""

    def __missing__(self, key: int) -> str:
        value = _char_map(chr(key))
        self[key] = value
        return value


_TRANSLATE = _Lazy()
_INVISIBLE_TRANSLATE = {ord(c): None for c in _INVISIBLE}


def normalize(text: str) -> str:
    """Fold spelling variants (hamza forms, ta marbuta, digits, diacritics) for matching.

    Not for display: the result loses distinctions a reader needs (ة/ه, أ/ا).
    """
    return _WS.sub(" ", text.translate(_TRANSLATE)).strip()


@cache
def _irregular_pattern(chars: str) -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(c) for c in chars) + "]")


def _mapped(text: str) -> tuple[str, list[int]]:
    """Per-character mapping of ``text`` with the source index of each output character."""
    parts: list[str] = []
    offsets: list[int] = []
    if len(text) <= _SHORT:
        for i, ch in enumerate(text):
            rep = _TRANSLATE[ord(ch)]
            parts.append(rep)
            offsets.extend([i] * len(rep))
        return "".join(parts), offsets
    # Most characters map to exactly one character; only the others (deleted marks,
    # expanded ligatures) need per-character work, so runs between them go in bulk.
    irregular = "".join(sorted(c for c in set(text) if len(_TRANSLATE[ord(c)]) != 1))
    pos = 0
    if irregular:
        for m in _irregular_pattern(irregular).finditer(text):
            s = m.start()
            parts.append(text[pos:s].translate(_TRANSLATE))
            offsets.extend(range(pos, s))
            rep = _TRANSLATE[ord(text[s])]
            parts.append(rep)
            offsets.extend([s] * len(rep))
            pos = s + 1
    parts.append(text[pos:].translate(_TRANSLATE))
    offsets.extend(range(pos, len(text)))
    return "".join(parts), offsets


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """``normalize(text)`` plus, per output character, the index of its source character.

    A hit ``[i, j)`` in the normalised text is ``[m[i], m[j - 1] + 1)`` in ``text``.
    """
    joined, offsets = _mapped(text)
    out: list[str] = []
    out_map: list[int] = []
    pos = 0
    for m in _ODD_WS.finditer(joined):
        out.append(joined[pos : m.start()])
        out_map.extend(offsets[pos : m.start()])
        out.append(" ")
        out_map.append(offsets[m.start()])
        pos = m.end()
    out.append(joined[pos:])
    out_map.extend(offsets[pos:])
    result = "".join(out)
    lead = len(result) - len(result.lstrip())
    stripped = result.strip()
    return stripped, out_map[lead : lead + len(stripped)]


def strip_invisible(text: str) -> str:
    """Remove zero-width and bidi controls and the BOM, then NFC; visible text is kept.

    Scraped Arabic pages carry RLM/LRM marks and ZWNJ that break string matching and
    offsets without showing on screen.
    """
    return unicodedata.normalize("NFC", text.translate(_INVISIBLE_TRANSLATE))
