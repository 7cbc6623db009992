"""Pairs quotation marks into quoted spans.

Outlets mix mark styles within one quote (“ ... ", « ... ”, even ” ... ”), so the direction
of a mark is read from where it stands: an opening mark touches the word after it, a
closing mark the word before it. Only guillemets have a fixed direction. A quote never
crosses a line break: an unclosed mark at the end of a paragraph is a typo, and pairing
across paragraphs would shift every later pair by one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from marsad.quotes._lexicon import lexicon

_LINE_BREAKS = frozenset("\n\r\u2028\u2029")


@dataclass(frozen=True)
class Quoted:
    """A quoted span: ``open``/``close`` are the marks, ``[start, end)`` the text inside."""

    open: int
    close: int

    @property
    def start(self) -> int:
        return self.open + 1

    @property
    def end(self) -> int:
        return self.close


def _touches_next(text: str, i: int) -> bool:
    return i + 1 < len(text) and not text[i + 1].isspace()


def _touches_previous(text: str, i: int) -> bool:
    return i > 0 and not text[i - 1].isspace()


@lru_cache(maxsize=1)
def _interesting() -> re.Pattern[str]:
    return re.compile("[" + re.escape("".join(lexicon().marks) + "".join(_LINE_BREAKS)) + "]")


def find_quoted(text: str) -> list[Quoted]:
    """Quoted spans in order; nested marks inside a quote stay part of its text."""
    roles = lexicon().marks
    spans: list[Quoted] = []
    opened: int | None = None
    depth = 0
    for m in _interesting().finditer(text):
        i, ch = m.start(), m.group()
        if ch in _LINE_BREAKS:
            opened, depth = None, 0
            continue
        role = roles.get(ch)
        if role is None:
            continue
        if opened is None:
            if role != "close" and _touches_next(text, i):
                opened = i
            continue
        if role == "open" or (
            role == "either" and not _touches_previous(text, i) and _touches_next(text, i)
        ):
            depth += 1
        elif depth:
            depth -= 1
        elif _touches_previous(text, i) and i > opened + 1:
            spans.append(Quoted(opened, i))
            opened = None
    return spans
