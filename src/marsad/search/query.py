"""User query -> FTS5 MATCH expression over index terms.

Syntax kept small and forgiving: words are ANDed, ``"..."`` is a phrase, ``OR`` between two
parts makes either enough, ``-word`` / ``NOT word`` excludes. Anything else (stray quotes,
punctuation, FTS5 operators typed by accident) is treated as text, never as FTS5 syntax.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from marsad.text import tokenize

_PART = re.compile(r'(-?)"([^"]*)"?|(\S+)')


@dataclass
class ParsedQuery:
    fts: str
    terms: set[str] = field(default_factory=set)


def _clause(text: str, term: Callable[[str], str]) -> tuple[str, list[str]] | None:
    words = [term(t.text) for t in tokenize(text) if any(ch.isalnum() for ch in t.text)]
    words = [w for w in words if w]
    if not words:
        return None
    return '"' + " ".join(words).replace('"', '""') + '"', words


def parse_query(query: str, term: Callable[[str], str]) -> ParsedQuery | None:
    """None when the query has no positive words (nothing to search for)."""
    groups: list[list[str]] = []
    excluded: list[str] = []
    wanted: set[str] = set()
    pending_or = False
    negate_next = False
    for m in _PART.finditer(query):
        minus, phrase, word = m.group(1), m.group(2), m.group(3)
        if word in ("OR", "|"):
            pending_or = bool(groups)
            continue
        if word == "NOT":
            negate_next = True
            continue
        negate = negate_next or bool(minus)
        if word is not None and word.startswith("-") and len(word) > 1:
            negate, word = True, word[1:]
        made = _clause(phrase if word is None else word, term)
        negate_next = False
        if made is None:
            continue
        clause, words = made
        if negate:
            excluded.append(clause)
        elif pending_or:
            groups[-1].append(clause)
            wanted.update(words)
        else:
            groups.append([clause])
            wanted.update(words)
        pending_or = False
    if not groups:
        return None
    fts = " AND ".join("(" + " OR ".join(g) + ")" for g in groups)
    if excluded:
        fts += " NOT (" + " OR ".join(excluded) + ")"
    return ParsedQuery(fts, wanted)
