"""Word, number and punctuation tokens with offsets into the input."""

from __future__ import annotations

import re
from typing import NamedTuple

# Letters plus Arabic combining marks, tatweel and joiners, which sit inside words.
_L = r"(?:[^\W\d_]|[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200C\u200D])"
_TOKEN = re.compile(
    rf"""
    \d+(?:[.,\u066B\u066C]\d+)*                 # 1,500  3.5  ٣٫٥
    | {_L}+(?:[-\u2010\u2011](?:{_L}|\d)+)*      # words, إف-16, بيونغ-يانغ
    | [^\s\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF\u061C\u00AD]
                                                # any other visible mark is its own token
    """,
    re.VERBOSE,
)


class Token(NamedTuple):
    """A token and its offsets (a tuple: several times cheaper to build than a frozen
    dataclass, and every stage tokenizes every article)."""

    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Split into words, numbers and single punctuation marks; ``text[start:end] == text``."""
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
