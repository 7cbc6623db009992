"""The claims stage's vocabulary, compiled once from ``claims/data``."""

from __future__ import annotations

import re
from functools import cache

from marsad._tables import data_text, read_rows
from marsad.text import normalize

_PKG = "marsad.claims"


def _alternation(phrases: list[str]) -> str:
    """Regex alternation, longest first so "ما يزيد على" beats "يزيد على"."""
    return "|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True))


def _lines(name: str) -> list[str]:
    text = data_text(_PKG, name)
    return [normalize(x) for x in text.splitlines() if x.strip() and not x.startswith("#")]


@cache
def qualifiers() -> tuple[dict[str, str], re.Pattern[str], dict[str, str], re.Pattern[str]]:
    """(phrase -> qualifier, regex ending at the number; same for phrases after it).

    Patterns for text after a number are used with ``match`` at that position.
    """
    before: dict[str, str] = {}
    after: dict[str, str] = {}
    for row in read_rows(_PKG, "qualifiers.tsv"):
        (before if row[2] == "before" else after)[normalize(row[0])] = row[1]
    before_re = re.compile(rf"(?:^|(?<=\W))[وفبل]?(?P<q>{_alternation(list(before))})\s*$")
    after_re = re.compile(rf"\s*(?P<q>{_alternation(list(after))})(?!\w)")
    return before, before_re, after, after_re


@cache
def units() -> tuple[dict[str, tuple[str, str]], re.Pattern[str], re.Pattern[str]]:
    """(phrase -> (unit, kind), regex for a unit after the number, symbol before it)."""
    table = {normalize(r[0]): (r[1], r[2]) for r in read_rows(_PKG, "units.tsv")}
    words = [p for p in table if p[0].isalpha()]
    symbols = [p for p in table if not p[0].isalpha()]
    after = re.compile(rf"\s*(?:(?P<u>{_alternation(words)})(?!\w)|(?P<s>{_alternation(symbols)}))")
    before = re.compile(rf"(?P<s>{_alternation([s for s in symbols if s != '%'])})\s*$")
    return table, after, before


@cache
def not_claims() -> dict[str, re.Pattern[str]]:
    """Regexes, by position, for context that makes a number a label, date or model."""
    rows = read_rows(_PKG, "not_claims.tsv")
    out: dict[str, re.Pattern[str]] = {}
    for where in ("before", "after", "before_year", "after_year", "before_duration"):
        alt = _alternation([normalize(r[0]) for r in rows if r[1] == where])
        if where.startswith("before"):
            out[where] = re.compile(rf"(?:^|(?<=\W))(?:{alt})[\s\-\"“«(]*$")
        else:
            out[where] = re.compile(rf"\s*(?:{alt})(?!\w)")
    return out


@cache
def months() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Month names right before (يونيو 2024) or right after (13 نوفمبر) a number."""
    names = _alternation([normalize(r[0]) for r in read_rows(_PKG, "months.tsv")])
    before = re.compile(rf"(?:^|(?<=\W))(?:{names})\s*[)\]]?\s*$")
    after = re.compile(rf"\s*[(/]?\s*(?:{names})(?!\w)")
    return before, after


@cache
def attribution() -> tuple[re.Pattern[str], dict[str, str]]:
    """Regex finding attribution phrases (optional و/ف before them) and their kinds."""
    kinds = {normalize(r[0]): r[1] for r in read_rows(_PKG, "attribution.tsv")}
    pattern = re.compile(rf"(?:^|(?<=[^\w]))[وف]?(?P<a>{_alternation(list(kinds))})(?=\s|$)")
    return pattern, kinds


@cache
def subject_stops() -> frozenset[str]:
    return frozenset(_lines("subject_stops.txt"))


@cache
def source_stops() -> frozenset[str]:
    return frozenset(_lines("source_stops.txt"))


@cache
def value_markers() -> frozenset[str]:
    return frozenset(_lines("value_markers.txt"))


@cache
def grammar() -> dict[str, tuple[str, ...]]:
    """Role -> normalised forms, from grammar.tsv."""
    out: dict[str, list[str]] = {}
    for row in read_rows(_PKG, "grammar.tsv"):
        out.setdefault(row[0], []).append(normalize(row[1]))
    return {k: tuple(v) for k, v in out.items()}


@cache
def joiner() -> re.Pattern[str]:
    """The whole gap between two numbers that share a unit: "477 و459"."""
    return re.compile(rf"\s*(?:{_alternation(list(grammar()['joiner']))})\s*")


@cache
def dual_units() -> tuple[dict[str, tuple[str, str]], re.Pattern[str]]:
    """(dual unit noun -> (unit, kind), regex finding them as whole words)."""
    table = {normalize(r[0]): (r[1], r[2]) for r in read_rows(_PKG, "dual_units.tsv")}
    return table, re.compile(rf"(?<!\w)(?P<d>{_alternation(list(table))})(?!\w)")


@cache
def half() -> re.Pattern[str]:
    """ "ونصف" after an amount and its unit: half a unit more."""
    g = grammar()
    joiners = _alternation([j for j in g["joiner"] if j.isalpha()])
    return re.compile(rf"\s*(?:{joiners})\s*(?:{_alternation(list(g['half']))})(?!\w)")


@cache
def clause_word() -> re.Pattern[str]:
    """Word shapes that end a counted-noun phrase: verbs (يحصلون، أسقطت), possessed nouns."""
    rows = read_rows(_PKG, "clause_word_shapes.tsv")
    return re.compile("|".join(f"(?:{r[0]})" for r in rows))


@cache
def unit_and_half() -> tuple[dict[str, tuple[str, str]], re.Pattern[str]]:
    """(unit phrase -> (unit, kind), regex for a unit noun followed by "ونصف")."""
    table = units()[0]
    words = [p for p in table if p[0].isalpha() and table[p][1] != "percent"]
    return table, re.compile(rf"(?<!\w)(?P<u>{_alternation(words)})(?={half().pattern})")


@cache
def source_shape() -> dict[str, frozenset[str]]:
    """Role -> normalised forms, from source_shape.tsv (how a source phrase is trimmed)."""
    out: dict[str, set[str]] = {}
    for row in read_rows(_PKG, "source_shape.tsv"):
        if row[0] != "adjective_shape":
            out.setdefault(row[0], set()).add(normalize(row[1]))
    return {k: frozenset(v) for k, v in out.items()}


@cache
def source_adjective() -> re.Pattern[str]:
    """Shape of an adjective after a report noun (source_shape.tsv, adjective_shape)."""
    rows = [r[1] for r in read_rows(_PKG, "source_shape.tsv") if r[0] == "adjective_shape"]
    return re.compile("|".join(f"(?:{r})" for r in rows))


@cache
def reporting_verbs() -> frozenset[str]:
    """The attribution phrases of kind "verb" (قال، أعلنت...), normalised."""
    return frozenset(p for p, kind in attribution()[1].items() if kind == "verb")


@cache
def change_verbs() -> frozenset[str]:
    return frozenset(_lines("change_verbs.txt"))
