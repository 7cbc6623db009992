"""The cleaner's rule tables (``clean/data/*.tsv``), loaded once and pre-normalised.

Every phrase is stored as written by a person and folded here with ``text.normalize``,
so the tables stay readable and the matching sees the same spelling folds as the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from marsad._tables import read_rows
from marsad.text import normalize

# Separators and filler ignored when comparing agency names ("أ.ف.ب", "«رويترز»").
_NAME_NOISE = re.compile(r"[\s.\"'«»“”()*]+")


def _rows(name: str) -> tuple[tuple[str, ...], ...]:
    return read_rows("marsad.clean", name)


def fold(text: str) -> str:
    """The matching form of a line: normalised, one space between words."""
    return normalize(text)


def name_key(name: str) -> str:
    """Agency/credit comparison key: folded, without spaces, dots, quotes or 'وكالة'."""
    folded = fold(name)
    for filler in _fillers():
        if folded.startswith(filler + " "):
            folded = folded[len(filler) + 1 :]
            break
    return _NAME_NOISE.sub("", folded)


@cache
def _fillers() -> tuple[str, ...]:
    """Longest first, so a longer filler wins over one that is its prefix."""
    return tuple(
        sorted((fold(row[0]) for row in _rows("credit_fillers.tsv")), key=len, reverse=True)
    )


# Match modes that cut glued-on text out of a line instead of classifying the whole line.
GLUED = frozenset({"lead", "tail", "cut"})


@dataclass(frozen=True)
class Phrase:
    text: str
    match: str
    kind: str
    max_words: int | None

    def hits(self, key: str, words: int) -> bool:
        """Whether a whole line (its match key and word count) is this boilerplate."""
        if self.match in GLUED:
            return False
        if self.max_words is not None and words > self.max_words:
            return False
        if self.match == "line":
            return key == self.text
        if self.match == "prefix":
            if not key.startswith(self.text):
                return False
            rest = key[len(self.text) :]
            return not rest or not self.text[-1].isalnum() or not rest[0].isalnum()
        if self.match == "suffix":
            return key.endswith(self.text)
        return self.text in key


@cache
def boilerplate() -> tuple[Phrase, ...]:
    out = []
    for phrase, match, kind, max_words in _rows("boilerplate.tsv"):
        limit = None if max_words == "-" else int(max_words)
        out.append(Phrase(fold(phrase), match, kind, limit))
    return tuple(out)


@cache
def boilerplate_for_long_lines() -> tuple[int, tuple[Phrase, ...]]:
    """(word limit, rows): a line over the limit can only hit the rows returned."""
    limit = max(p.max_words or 0 for p in boilerplate())
    rows = tuple(p for p in boilerplate() if p.max_words is None and p.match != "line")
    return limit, rows


@dataclass(frozen=True)
class Attribution:
    prefix: str
    target: str
    needs_separator: bool


@cache
def attributions() -> tuple[Attribution, ...]:
    rows = [Attribution(fold(p), t, s == "yes") for p, t, s in _rows("attribution.tsv")]
    return tuple(sorted(rows, key=lambda a: -len(a.prefix)))


@cache
def agencies() -> dict[str, tuple[str, str]]:
    """name key -> (canonical name, 'agency' | 'outlet' | 'generic')."""
    return {name_key(name): (canon, kind) for name, canon, kind in _rows("agencies.tsv")}


@cache
def months() -> dict[str, tuple[int, str]]:
    """folded month name -> (month number, calendar)."""
    return {fold(name): (int(num), cal) for name, num, cal in _rows("months.tsv")}


@cache
def dateline_words() -> frozenset[str]:
    return frozenset(fold(row[0]) for row in _rows("dateline_words.tsv"))


@cache
def continuation_words() -> frozenset[str]:
    return frozenset(fold(row[0]) for row in _rows("continuation.tsv"))


@cache
def photo_credit_words() -> tuple[str, ...]:
    return tuple(fold(row[0]) for row in _rows("photo_credits.tsv"))


@cache
def language_words() -> dict[str, str]:
    return {word: lang for word, lang in _rows("language.tsv")}
