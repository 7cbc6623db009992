"""Proclitic splitting and Light10 stemming, for matching and search (not analysis)."""

from __future__ import annotations

from functools import cache, lru_cache

from marsad._tables import data_text, read_rows
from marsad.text.normalize import normalize, normalize_with_map

_PKG = "marsad.text"
# Words and exceptions this long also match by prefix either way (وزير -> وزيرة، كوريا ->
# كوري); shorter ones (ولي، بعد) would swallow real clitic forms (وليس، بعدد).
_PREFIX_EXCEPTION_MIN = 4
# Distinct word forms kept memoised: the busiest day of SaudiNewsNet (2972 articles) has
# 107k distinct tokens; 131072 entries cover it, about 22 MB per cache (tracemalloc).
_CACHE_WORDS = 131072


@cache
def _clitics() -> tuple[tuple[str, int], ...]:
    rows = [(r[0], int(r[1])) for r in read_rows(_PKG, "clitics.tsv")]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@cache
def _exceptions() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(every listed word, every prefix of at least _PREFIX_EXCEPTION_MIN letters of the
    listed words that are that long, the listed words that are also such prefixes)."""
    text = data_text(_PKG, "clitic_exceptions.txt")
    words = frozenset(
        normalize(line) for line in text.splitlines() if line.strip() and line[0] != "#"
    )
    prefixes = frozenset(w[:k] for w in words for k in range(_PREFIX_EXCEPTION_MIN, len(w) + 1))
    return words, prefixes, prefixes & words


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
    words, prefixes, long_words = _exceptions()
    if norm in words:
        return True
    if len(norm) < _PREFIX_EXCEPTION_MIN:
        return False
    if norm in prefixes:
        return True
    return any(norm[:k] in long_words for k in range(_PREFIX_EXCEPTION_MIN, len(norm)))


@lru_cache(maxsize=_CACHE_WORDS)
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


@lru_cache(maxsize=_CACHE_WORDS)
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
