"""Sentence spans for Arabic news text."""

from __future__ import annotations

import re
from functools import cache

from marsad._tables import read_rows
from marsad.text.normalize import normalize

# A quotation longer than this is treated as a multi-sentence statement and split inside;
# shorter ones stay whole with their attribution. Measured on the five seed articles
# (../shared/seeds): their 160 sentences average 122 characters (longest 396), so 400
# keeps a quote of up to about three sentences together.
MAX_QUOTE_CHARS = 400

_LINE = re.compile(r"[^\n\r\u2028\u2029]+")
# One dot, or a run of !, ?, ؟ (possibly mixed with a dot: "؟!", "!."); ".." and "…" are
# pauses in Arabic news headlines, not sentence ends.
_END = re.compile(r"(?<!\.)\.(?!\.)|[!?\u061F][!?\u061F.]*")
_CLOSERS = frozenset("\"'»”’)]}›\u201d\u2019")
_QUOTES = re.compile(
    rf"«[^«»\n]{{1,{MAX_QUOTE_CHARS}}}»"
    rf"|“[^“”\n]{{1,{MAX_QUOTE_CHARS}}}”"
    rf"|\"[^\"\n]{{1,{MAX_QUOTE_CHARS}}}\""
)
# Letter names in spelled acronyms are one to three letters (بي، إيه، سي); looking 16
# characters either side of a dot covers four such groups with their dots, the longest
# acronyms seen in ANT (بي.إيه.ام.اف، إم.إس.سي.آي).
_ACRONYM_GROUP = 3
_ACRONYM_WINDOW = 16
_ACRONYM = re.compile(
    rf"(?<![^\W\d_])[^\W\d_]{{1,{_ACRONYM_GROUP}}}(?:\.[^\W\d_]{{1,{_ACRONYM_GROUP}}})+"
    rf"(?![^\W\d_])"
)
_WORD_BEFORE = re.compile(r"([^\W\d_]+(?:\.[^\W\d_]+)*)(\s*)$")


@cache
def _abbreviations() -> dict[str, str]:
    return {normalize(r[0]): r[1] for r in read_rows("marsad.text", "abbreviations.tsv")}


def _is_abbreviation_dot(text: str, line_start: int, dot: int) -> bool:
    """A dot that closes an abbreviation or an initial rather than a sentence."""
    m = _WORD_BEFORE.search(text, max(line_start, dot - 24), dot)
    if m is None or m.group(2):
        return False
    word = normalize(m.group(1))
    kind = _abbreviations().get(word)
    if kind is None:
        return len(word) == 1
    if kind == "era":
        before = text[line_start : m.start()].rstrip()
        return not (before and before[-1].isdigit())
    return True


def _in_acronym(text: str, line_start: int, line_end: int, dot: int) -> bool:
    """A dot between letter names of a spelled acronym: بي.إيه.ام.اف، إم.إس.سي.آي."""
    lo = max(line_start, dot - _ACRONYM_WINDOW)
    hi = min(line_end, dot + _ACRONYM_WINDOW)
    return any(m.start() < dot < m.end() - 1 for m in _ACRONYM.finditer(text, lo, hi))


def _ends_here(text: str, line_start: int, line_end: int, m: re.Match[str]) -> bool:
    if m.group() != ".":
        return True
    a = m.start()
    prev = text[a - 1] if a > line_start else ""
    nxt = text[a + 1] if a + 1 < line_end else ""
    if prev.isdigit() and nxt.isdigit():
        return False
    if nxt.isascii() and nxt.isalnum():
        return False
    if nxt.isalpha() and _in_acronym(text, line_start, line_end, a):
        return False
    return not _is_abbreviation_dot(text, line_start, a)


def _inside(text: str, pos: int, quote_end: int) -> bool:
    """Whether words of the quotation still follow ``pos`` before it closes."""
    return pos < quote_end and any(
        c not in _CLOSERS and not c.isspace() for c in text[pos : quote_end - 1]
    )


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Half-open sentence spans in order; newlines always break.

    Dots in decimals, abbreviations (د. ، أ.د.) and initials do not end a sentence, and a
    short quotation stays whole even when it contains sentence ends.
    """
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        ls, le = line.span()
        quoted = [q.span() for q in _QUOTES.finditer(text, ls, le)]
        start = ls
        for m in _END.finditer(text, ls, le):
            if any(qs < m.start() and _inside(text, m.end(), qe) for qs, qe in quoted):
                continue
            if not _ends_here(text, ls, le, m):
                continue
            end = m.end()
            while end < le and text[end] in _CLOSERS:
                end += 1
            span = _trimmed(text, start, end)
            if span:
                spans.append(span)
            start = end
        span = _trimmed(text, start, le)
        if span:
            spans.append(span)
    return spans
