"""User query -> phrases of index terms, and the FTS5 MATCH expression built from them.

Syntax kept small and forgiving: words are ANDed, ``"..."`` is a phrase, ``OR`` between two
parts makes either enough, ``-word`` / ``NOT word`` excludes. Anything else (stray quotes,
punctuation, FTS5 operators typed by accident) is treated as text, never as FTS5 syntax.
The parsed structure (``groups``, ``excluded``) is what other backends build their own
query language from (PostgreSQL: marsad.search.postgres.tsquery).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from marsad.text import tokenize

_PART = re.compile(r'(-?)"([^"]*)"?|(\S+)')


# A phrase: index terms that must follow each other (one term: just that term).
Phrase = list[str]


@dataclass
class ParsedQuery:
    fts: str
    terms: set[str] = field(default_factory=set)
    # ANDed groups, each a list of ORed phrases; a match has none of the excluded phrases.
    groups: list[list[Phrase]] = field(default_factory=list)
    excluded: list[Phrase] = field(default_factory=list)


def _phrase(text: str, term: Callable[[str], str]) -> Phrase | None:
    words = [term(t.text) for t in tokenize(text) if any(ch.isalnum() for ch in t.text)]
    words = [w for w in words if w]
    return words or None


def _fts(phrase: Phrase) -> str:
    return '"' + " ".join(phrase).replace('"', '""') + '"'


def parse_query(query: str, term: Callable[[str], str]) -> ParsedQuery | None:
    """None when the query has no positive words (nothing to search for)."""
    groups: list[list[Phrase]] = []
    excluded: list[Phrase] = []
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
        words = _phrase(phrase if word is None else word, term)
        negate_next = False
        if words is None:
            continue
        if negate:
            excluded.append(words)
        elif pending_or:
            groups[-1].append(words)
            wanted.update(words)
        else:
            groups.append([words])
            wanted.update(words)
        pending_or = False
    if not groups:
        return None
    fts = " AND ".join("(" + " OR ".join(map(_fts, g)) + ")" for g in groups)
    if excluded:
        fts += " NOT (" + " OR ".join(map(_fts, excluded)) + ")"
    return ParsedQuery(fts, wanted, groups, excluded)
