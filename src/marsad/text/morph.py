"""Proclitic splitting and Light10 stemming, for matching and search (not analysis)."""

from __future__ import annotations

from functools import cache
from importlib import resources

from marsad.text._tables import read_rows
from marsad.text.normalize import normalize, normalize_with_map

_PKG = "marsad.text"
# Words and exceptions this long also match by prefix either way (وزير -> وزيرة، كوريا ->
# كوري); shorter ones (ولي، بعد) would swallow real clitic forms (وليس، بعدد).
_PREFIX_EXCEPTION_MIN = 4


@cache
def _clitics() -> tuple[tuple[str, int], ...]:
    rows = [(r[0], int(r[1])) for r in read_rows(_PKG, "clitics.tsv")]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@cache
def _exceptions() -> frozenset[str]:
    text = resources.files(_PKG).joinpath("data", "clitic_exceptions.txt").read_text("utf-8")
    return frozenset(
        normalize(line) for line in text.splitlines() if line.strip() and line[0] != "#"
    )


@cache
def _light10() -> tuple[tuple[tuple[str, int], ...], ...]:
    rows = read_rows(_PKG, "light10.tsv")
    waw = tuple((r[0], int(r[2])) for r in rows if r[1] == "prefix_waw")
    prefixes = tuple(
        sorted(((r[0], int(r[2])) for r in rows if r[1] == "prefix"), key=lambda r: -len(r[0]))
    )
    suffixes = tuple((r[0], int(r[2])) for r in rows if r[1] == "suffix")
    return waw, prefixes, suffixes


def _is_exception(norm: str) -> bool:
    """Listed words, their inflections, and truncations such as كوري of كوريا."""
    if norm in _exceptions():
        return True
    if len(norm) < _PREFIX_EXCEPTION_MIN:
        return False
    return any(
        norm.startswith(e) or e.startswith(norm)
        for e in _exceptions()
        if len(e) >= _PREFIX_EXCEPTION_MIN
    )


def strip_clitics(word: str) -> tuple[str, str]:
    """Split a leading conjunction/preposition/article off ``word``, as written.

    Only when what remains is long enough to be a word and ``word`` is not a known word
    that merely starts with such a letter (وزير، فريق، بلد). ``prefix + rest == word``.
    """
    norm, offsets = normalize_with_map(word)
    if " " in norm or _is_exception(norm):
        return "", word
    for prefix, min_rest in _clitics():
        rest = norm[len(prefix) :]
        if norm.startswith(prefix) and len(rest) >= min_rest:
            cut = offsets[len(prefix)]
            return word[:cut], word[cut:]
    return "", word


def light_stem(word: str) -> str:
    """Light10 stem of the normalised word: enough to match فلسطينيين with الفلسطيني."""
    stem = normalize(word)
    waw, prefixes, suffixes = _light10()
    for prefix, min_rest in waw:
        if stem.startswith(prefix) and len(stem) - len(prefix) >= min_rest:
            stem = stem[len(prefix) :]
    for prefix, min_rest in prefixes:
        if stem.startswith(prefix) and len(stem) - len(prefix) >= min_rest:
            stem = stem[len(prefix) :]
            break
    for suffix, min_rest in suffixes:
        if stem.endswith(suffix) and len(stem) - len(suffix) >= min_rest:
            stem = stem[: -len(suffix)]
    return stem
