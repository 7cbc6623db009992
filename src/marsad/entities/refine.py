"""Document-level repairs of the CRF's IOB2 tags, applied before mentions are built.

The CRF sees one sentence at a time and no names it was not trained on, so it mistypes a
known capital written in a new spelling ("بيونج يانج" as a person), misses a surname used
alone ("وكتب روته") after the full name, and types one name differently in two sentences.
Three rules fix these from evidence the article itself or the shipped tables give:
major places back off to LOC, full person names and "(X)" acronyms propagate to their bare
mentions, and one surface string takes its majority type.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from marsad.entities._data import read_rows
from marsad.entities.conlleval import spans
from marsad.entities.linking import fold
from marsad.text import normalize

# Proclitics peeled off a token before it is looked up (و ف ب ل ك, one or two of them).
_CLITICS = "وفبلك"
_CONJUNCTIONS = "وف"
# Longest place in places.tsv, in tokens ("جمهورية الكونغو الديمقراطية").
MAX_PLACE_TOKENS = 3
# Transliteration folding (linking.fold) is used for place lookup only on keys this long:
# on shorter forms it merges common words with places (صور/سور).
MIN_FOLD_CHARS = 5
# A bare name shorter than this is too often a particle or an abbreviation to propagate.
MIN_NAME_CHARS = 3
# Acronyms in "(X)" apposition may be two letters (اف).
MIN_ACRONYM_CHARS = 2
_OPEN, _CLOSE = frozenset("(["), frozenset(")]")


def _table(name: str) -> frozenset[str]:
    return frozenset(normalize(r[0]) for r in read_rows(name))


_PLACES = _table("places.tsv")
_PLACES_FOLDED = frozenset(fold(p) for p in _PLACES if len(p) >= MIN_FOLD_CHARS)
# Words found inside person names that are mostly ordinary words (علي، الله), and
# function words: never taken as a surname on their own.
_NOT_NAMES = _table("name_words.tsv") | _table("function_words.tsv")
# Names whose type is known (aliases.tsv): the CRF often types NATO as a place.
_KNOWN_TYPES: dict[str, str] = {
    normalize(name): {"PER": "PERS"}.get(kind, kind)
    for row in read_rows("aliases.tsv")
    if row[3] == "always"
    for name, kind in ((row[0], row[2]), (row[1], row[2]))
}


def bare_forms(token: str) -> Iterator[str]:
    """The normalised token, then the same with one or two proclitics peeled off
    ("وموسكو" -> "موسكو", "فبروكسل" -> "بروكسل", "للناتو" -> "الناتو")."""
    norm = normalize(token)
    yield norm
    if len(norm) > MIN_NAME_CHARS and norm[0] in _CLITICS:
        if norm.startswith("لل"):
            yield "ال" + norm[2:]
        yield norm[1:]
        if norm[0] in _CONJUNCTIONS and norm[1] in _CLITICS and len(norm) > MIN_NAME_CHARS + 1:
            yield norm[2:]


def is_place(words: list[str]) -> bool:
    """Whether the words (first one possibly with clitics) are a country, capital or
    major city of places.tsv, in its spelling or a transliteration variant of it."""
    rest = " ".join(normalize(w) for w in words[1:])
    for first in bare_forms(words[0]):
        key = f"{first} {rest}".strip()
        if key in _PLACES or (len(key) >= MIN_FOLD_CHARS and fold(key) in _PLACES_FOLDED):
            return True
    return False


def _set(tags: list[str], a: int, b: int, label: str) -> None:
    tags[a] = "B-" + label
    for i in range(a + 1, b):
        tags[i] = "I-" + label


def _free_or_whole(tags: list[str], a: int, b: int) -> bool:
    """Tokens a..b are all O, or exactly one entity span (not part of a longer one)."""
    if all(t == "O" for t in tags[a:b]):
        return True
    if not tags[a].startswith("B-") or any(t != "I-" + tags[a][2:] for t in tags[a + 1 : b]):
        return False
    return b == len(tags) or not tags[b].startswith("I-")


def back_off_places(sentences: list[list[str]], tags: list[list[str]]) -> None:
    """Rule 1: a span that is a major place and was tagged O or another type becomes LOC."""
    for words, tag in zip(sentences, tags, strict=True):
        i = 0
        while i < len(words):
            for n in range(min(MAX_PLACE_TOKENS, len(words) - i), 0, -1):
                if is_place(words[i : i + n]) and _free_or_whole(tag, i, i + n):
                    _set(tag, i, i + n, "LOC")
                    i += n
                    break
            else:
                i += 1


def _bare_key(token: str, keys: dict[str, str]) -> str | None:
    return next((f for f in bare_forms(token) if f in keys), None)


def propagate_names(sentences: list[list[str]], tags: list[list[str]]) -> None:
    """Rule 2: the surname of a person named in full, and an acronym given in brackets
    after an organisation, are that person or organisation wherever they stand alone."""
    keys: dict[str, str] = {}
    for words, tag in zip(sentences, tags, strict=True):
        for a, b, label in spans(tag):
            if label in ("PERS", "PER") and b - a >= 2:
                last = normalize(words[b - 1])
                if len(last) >= MIN_NAME_CHARS and last not in _NOT_NAMES and last not in _PLACES:
                    keys.setdefault(last, "PERS")
            if (
                label == "ORG"
                and b + 2 < len(words)
                and words[b] in _OPEN
                and words[b + 2] in _CLOSE
            ):
                acronym = normalize(words[b + 1])
                if len(acronym) >= MIN_ACRONYM_CHARS and acronym not in _NOT_NAMES:
                    keys.setdefault(acronym, "ORG")
    if not keys:
        return
    for words, tag in zip(sentences, tags, strict=True):
        for i, word in enumerate(words):
            key = _bare_key(word, keys)
            if key is not None and _free_or_whole(tag, i, i + 1):
                _set(tag, i, i + 1, keys[key])


def _known_type(words: list[str]) -> str | None:
    rest = " ".join(normalize(w) for w in words[1:])
    return next(
        (
            _KNOWN_TYPES[key]
            for first in bare_forms(words[0])
            if (key := f"{first} {rest}".strip()) in _KNOWN_TYPES
        ),
        None,
    )


def make_consistent(sentences: list[list[str]], tags: list[list[str]]) -> None:
    """Rule 3: names of known type (aliases.tsv) take it; any other surface string typed
    two ways in one article takes its majority type (a tie changes nothing)."""
    found: dict[str, list[tuple[int, int, int, str]]] = defaultdict(list)
    known: dict[str, str | None] = {}
    for s, (words, tag) in enumerate(zip(sentences, tags, strict=True)):
        for a, b, label in spans(tag):
            surface = " ".join(normalize(w) for w in words[a:b])
            found[surface].append((s, a, b, label))
            known[surface] = _known_type(words[a:b])
    for surface, items in found.items():
        kind = known[surface]
        if kind is None:
            votes = Counter(label for *_, label in items).most_common(2)
            if len(votes) < 2 or votes[0][1] == votes[1][1]:
                continue
            kind = votes[0][0]
        for s, a, b, label in items:
            if label != kind:
                _set(tags[s], a, b, kind)


def refine(sentences: list[list[str]], tags: list[list[str]]) -> list[list[str]]:
    """The tags of one article's sentences after the three rules (input left as is)."""
    out = [list(tag) for tag in tags]
    back_off_places(sentences, out)
    propagate_names(sentences, out)
    make_consistent(sentences, out)
    return out
