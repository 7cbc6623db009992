"""Document-level repairs of the CRF's IOB2 tags, applied before mentions are built.

The CRF sees one sentence at a time and no names it was not trained on, so it mistypes a
known capital written in a new spelling ("بيونج يانج" as a person), misses a surname used
alone ("وكتب روته") after the full name, types one name differently in two sentences,
cuts foreign names short ("أورسولا فون" + "دير لاين"), misses a given name it has not seen
before a surname it knows ("الفنانة ندي" + "بسيوني"), tags coordinated places as one
("السعودية والإمارات"), and now and then opens a person name with the adjective after a
title ("الرئيس الأوكراني"). The rules fix these from evidence the article itself or the
shipped tables give, in this order: such adjectives leave the name, so do the words of
multi-word titles ("ولي العهد") and of religious formulae ("رحمه الله"), the preposition
"على" that normalisation spells as the name "علي", words with tanween ("دومًا"), verbs, and
numbers no name of its type holds (a telephone number after a person); names
run on over name particles and to their closing bracket; a foreign opener joins the name
after it ("سان" + "بطرسبرج"); a dual takes its second adjective
("المحيطين الهندي والهادئ"); a place head alone ("بولاية") is no name; a major place split in two
spans is joined ("لبيونغ" + "يانغ"), and places, or persons the article names apart,
joined by "و" in one span are split ("فابيوس وظريف"); major
places back off to LOC; one untagged word between a title and a person span joins the
name; a name tagged whole once is tagged whole wherever its words recur in the
article; full person names and "(X)" acronyms propagate to their bare mentions; a quoted
plan or operation name is MISC (خطة "النصر"); one surface string takes its majority type;
a name after an organisation head ("نادي الرياض") is that organisation; and a city with
the masculine adjective of a country ("روما الإيطالي") is its club.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from functools import lru_cache
from itertools import pairwise

from marsad.entities._data import read_rows
from marsad.entities.conlleval import spans
from marsad.text import normalize

# Longest place looked up, in tokens ("جمهورية الكونغو الديمقراطية" is 3): the 6 of 504
# places.tsv entries longer than 4 are formal long names news rarely writes out.
MAX_PLACE_TOKENS = 4
# Consonant variants of transliteration (letter_variants.tsv, "any" rows: بيونج/بيونغ) are
# folded for place lookup only on keys of this many words: on single words they made places
# of common words on ANERcorp's held-out part (المقرب / المغرب, ثانيا / سانيا). Vowel and
# ending variants are never folded: they turn adjectives into places (الكورية / كوريا).
MIN_FOLD_WORDS = 2
# A bare name shorter than this is too often a particle or an abbreviation to propagate.
MIN_NAME_CHARS = 3
# Acronyms in "(X)" apposition may be two letters (اف).
MIN_ACRONYM_CHARS = 2
_CLITIC_ROWS = [(normalize(r[0]), r[1]) for r in read_rows("clitics.tsv")]
# The particles peeled off before a lookup ("وب", "و", "ب", ...), the article itself (the
# "article" row that starts with no particle) and the rows "لل" = ل + ال, alef dropped.
PROCLITICS = sorted((p for p, kind in _CLITIC_ROWS if kind == "particle"), key=len, reverse=True)
ARTICLE = next(
    p for p, kind in _CLITIC_ROWS if kind == "article" and not p.startswith(tuple(PROCLITICS))
)
# The prefixes that write "for the" ("لل", "ولل", "فلل"): ل + ال with the alef dropped.
FOR_THE_PREFIXES = tuple(
    p for p, kind in _CLITIC_ROWS if kind == "article" and p.endswith("ل" + ARTICLE[1])
)
# "For the" alone ("لل", not "ولل"), written on the word.
FOR_THE = min(FOR_THE_PREFIXES, key=len)
# Every prefix that carries the article ("ال", "بال", "لل" …). A raw word that starts with
# one has the article: "ألمانيا", with a hamza, does not.
ARTICLE_PREFIXES = tuple(p for p, kind in _CLITIC_ROWS if kind == "article")
_PERSONS = ("PERS", "PER")
# The conjunction, written on the word after it.
_AND = "و"
_OPEN, _CLOSE = frozenset("(["), frozenset(")]")
# Quotation marks: straight, English curly and Arabic guillemets.
QUOTES = frozenset('"\u201c\u201d\u00ab\u00bb')


_VARIANTS = str.maketrans(
    {r[0]: r[1] for r in read_rows("letter_variants.tsv") if r[2] == "any" and len(r[1]) == 1}
)


def fold(key: str) -> str:
    return key.translate(_VARIANTS)


def _table(name: str) -> frozenset[str]:
    return frozenset(normalize(r[0]) for r in read_rows(name))


_PLACES = _table("places.tsv")
_PLACES_FOLDED = frozenset(fold(p) for p in _PLACES if len(p.split()) >= MIN_FOLD_WORDS)
# Words found inside person names that are mostly ordinary words (علي، الله), and
# function words: never taken as a surname on their own.
_FUNCTION_WORDS = _table("function_words.tsv")
_NOT_NAMES = _table("name_words.tsv") | _FUNCTION_WORDS
# Names whose type is known (aliases.tsv): the CRF often types NATO as a place.
_KNOWN_TYPES: dict[str, str] = {
    normalize(name): {"PER": "PERS"}.get(kind, kind)
    for row in read_rows("aliases.tsv")
    if row[3] == "always"
    for name, kind in ((row[0], row[2]), (row[1], row[2]))
}


# Distinct words cached by bare_forms: a day of news has some 50,000, and the place rules
# look each one up once per candidate length (MAX_PLACE_TOKENS times).
BARE_FORMS_CACHE = 1 << 16


@lru_cache(maxsize=BARE_FORMS_CACHE)
def bare_forms(token: str) -> tuple[str, ...]:
    """The normalised token, then the same with proclitics (clitics.tsv) peeled off
    ("وموسكو" -> "موسكو", "فبروكسل" -> "بروكسل", "للناتو" -> "الناتو")."""
    norm = normalize(token)
    forms = [norm]
    for prefix in FOR_THE_PREFIXES:
        if norm.startswith(prefix) and len(norm) - len(prefix) >= MIN_NAME_CHARS:
            forms.append(ARTICLE + norm[len(prefix) :])
    for prefix in PROCLITICS:
        if norm.startswith(prefix) and len(norm) - len(prefix) >= MIN_NAME_CHARS:
            forms.append(norm[len(prefix) :])
    return tuple(forms)


def likely_forms(token: str, counts: Mapping[str, int]) -> list[str]:
    """:func:`bare_forms` of the token that are likely readings of it: the whole, and a
    form with clitics off only when it is at least as frequent in news (``counts``) as
    the whole ("بطهران" -> "طهران", but "بترول" petrol is not "ب" + "ترول" Troll, nor
    "لصالح" "in favour of" "ل" + the surname "صالح")."""
    whole, *rest = bare_forms(token)
    seen = counts.get(whole, 0)
    return [whole, *(f for f in rest if counts.get(f, 0) >= seen)]


_PLACE_FIRSTS = frozenset(p.split()[0] for p in _PLACES)
_FOLDED_FIRSTS = frozenset(p.split()[0] for p in _PLACES_FOLDED)


@lru_cache(maxsize=BARE_FORMS_CACHE)
def _may_open_place(token: str) -> bool:
    """A cheap first test: a form of the token is the first word of some place."""
    return any(f in _PLACE_FIRSTS or fold(f) in _FOLDED_FIRSTS for f in bare_forms(token))


def is_place(words: list[str], counts: Mapping[str, int]) -> bool:
    """Whether the words (first one possibly with clitics) are a country, capital or
    major city of places.tsv, in its spelling or a transliteration variant of it."""
    if not _may_open_place(words[0]):
        return False
    rest = " ".join(normalize(w) for w in words[1:])
    for first in likely_forms(words[0], counts):
        key = f"{first} {rest}".strip()
        if key in _PLACES or (len(words) >= MIN_FOLD_WORDS and fold(key) in _PLACES_FOLDED):
            return True
    return False


# Person titles (triggers.tsv PER rows) and the nisba adjective shapes that follow them.
_TITLES = frozenset(normalize(r[0]) for r in read_rows("triggers.tsv") if r[1] == "PER")
_NISBA = tuple((r[0], r[1]) for r in read_rows("nisba.tsv"))


def is_nisba(norm: str) -> bool:
    return any(
        norm.startswith(pre) and norm.endswith(suf) and len(norm) > len(pre) + len(suf)
        for pre, suf in _NISBA
    )


def nisba_bases(base: str, endings: tuple[str, ...]) -> set[str]:
    """The place names an adjective (without the article) may be formed from with one of
    the nisba ``endings``: "روسي" -> روس, روسا, روسيا, الروس, الروسيه; "برتغالي" ->
    البرتغال; "سعودي" -> السعوديه."""
    out: set[str] = set()
    for end in endings:
        if base.endswith(end) and len(base) - len(end) >= 2:
            root = base[: -len(end)]
            out |= {root, root + "ا", root + "يا", ARTICLE + root, ARTICLE + root + "يه"}
    return out


def trim_title_adjectives(sentences: list[list[str]], tags: list[list[str]]) -> None:
    """A person name opened by a nisba adjective right after a title, or after another such
    adjective ("وزير الخارجية الكوري الشمالي شو سو هون"), starts one word later: the
    adjective describes the title ("the Ukrainian president"), it is not a given name."""
    for words, tag in zip(sentences, tags, strict=True):
        for i in range(1, len(words) - 1):
            before = normalize(words[i - 1])
            if (
                tag[i] == "B-PERS"
                and tag[i + 1] == "I-PERS"
                and (before in _TITLES or is_nisba(before))
                and is_nisba(normalize(words[i]))
            ):
                tag[i], tag[i + 1] = "O", "B-PERS"


def trim_leading_titles(sentences: list[list[str]], tags: list[list[str]]) -> None:
    """A person name the tagger opened with a title, mostly one with a clitic it had not
    seen ("كالشهيد الفيصل", like the martyr al-Faisal), starts after it: titles are
    kept as roles, not names (ANERcorp tags 314 titles before a person and 5 inside)."""
    for words, tag in zip(sentences, tags, strict=True):
        for a, b, label in spans(tag):
            while (
                label in _PERSONS
                and b - a >= 2
                and _PERSON_TITLES.intersection(bare_forms(words[a]))
            ):
                tag[a], tag[a + 1] = "O", "B-" + label
                a += 1


# Place and organisation heads (triggers.tsv LOC and ORG rows) without the article:
# "ولاية" needs the name after it (ولاية كانساس) and never names a place alone, nor
# "بورصة" an exchange; "المدينة" alone can (Medina), "الاتحاد" too (the club).
_BARE_HEADS = (
    frozenset(
        normalize(r[0])
        for r in read_rows("triggers.tsv")
        if r[1] in ("LOC", "ORG") and not normalize(r[0]).startswith(ARTICLE)
    )
    - _FUNCTION_WORDS
)


def is_bare_head(word: str) -> bool:
    """A place or organisation head without the article ("بولاية", "ومجلس"): it names
    nothing alone."""
    return any(f in _BARE_HEADS for f in bare_forms(word))


def drop_bare_heads(sentences: list[list[str]], tags: list[list[str]]) -> None:
    """A span that is only a place or organisation head is no name: "بولاية" before
    "كانساس" (a SaudiNewsNet day had it as a place 38 times), "[بورصة] طوكيو" (15 times on
    2015-07-22, 08-06 and 08-10, with "بنك" 4, "منظمة" 3, "جامعة" 3). ANERcorp leaves heads
    outside the name."""
    for words, tag in zip(sentences, tags, strict=True):
        for a, b, _ in spans(tag):
            if b - a == 1 and is_bare_head(words[a]):
                tag[a] = "O"


def definite(norm: str) -> bool:
    """A normalised word with the article that is no function word ("الذي" is not)."""
    return norm.startswith(ARTICLE) and norm not in _FUNCTION_WORDS and norm.isalpha()


# Titles and place heads (triggers.tsv PER and LOC rows): names stand after them.
_NAME_HEADS = frozenset(normalize(r[0]) for r in read_rows("triggers.tsv") if r[1] != "ORG")
# The article as written: "ال", or "لل" (ل + ال, the alef dropped: "للكرة").
_WRITTEN_ARTICLES = (ARTICLE, FOR_THE)


def after_definite_noun(words: list[str], i: int) -> bool:
    """Whether the definite word at ``i`` stands right after a definite noun, where it is
    an adjective, not a name: "الخطوط السعودية" (Saudi Airlines), "التنافس الشريف". The
    noun must carry the article as written, after one clitic letter at most ("والحديث"):
    normalisation writes "ألبس" (he dressed) as "البس". Titles and place heads stand
    before names ("الرئيس السيسي", "المملكة السعودية"); organisation heads do not
    ("الهيئة السعودية")."""
    if i == 0 or not normalize(words[i]).startswith(ARTICLE):
        return False
    before = words[i - 1]
    if not before.startswith(_WRITTEN_ARTICLES) and not before[1:].startswith(_WRITTEN_ARTICLES):
        return False
    forms = bare_forms(before)
    if any(
        f in _FUNCTION_WORDS or f.removeprefix(ARTICLE) in _NAME_HEADS or f in _NAME_HEADS
        for f in forms
    ):
        return False
    return any(definite(f) for f in forms)


_ADJECTIVE_PLACES = {normalize(r[0]): r[1] for r in read_rows("adjective_places.tsv")}
# Words after which a place name is a genitive, not an adjective: titles, place and
# organisation heads, prepositions.
_GENITIVE_HEADS = (
    _FUNCTION_WORDS
    | _table("triggers.tsv")
    | _table("role_titles.tsv")
    | frozenset(w for w, kind in _ADJECTIVE_PLACES.items() if kind == "head")
)
_FEMININE_ENDINGS = (normalize("ة"), normalize("ات"))


def after_indefinite_noun(words: list[str], i: int) -> bool:
    """Whether the word at ``i``, a place name that doubles as an adjective
    (adjective_places.tsv: "مالي", financial), stands right after an indefinite
    masculine noun, where it is the adjective: "مبلغ مالي", "بتمويل مالي"; not "في
    مالي", "شمال مالي", "حكومة مالي"."""
    if i == 0 or _ADJECTIVE_PLACES.get(normalize(words[i])) != "adjective":
        return False
    before = words[i - 1]
    forms = bare_forms(before)
    return (
        before.isalpha()
        and not is_verb(before)
        and not any(
            f in _GENITIVE_HEADS or f.startswith(ARTICLE) or f.endswith(_FEMININE_ENDINGS)
            for f in forms
        )
    )


_ACHIEVEMENT_NOUNS = _table("achievement_nouns.tsv")


def after_achievement_noun(words: list[str], i: int) -> bool:
    """Whether the definite word at ``i`` is the object of a verbal noun of achieving
    (achievement_nouns.tsv), a common noun: "تحقيق النصر" is victory, not the club. A
    quotation mark may stand between them ("تحقيق "النصر"" in the seeds)."""
    j = i - 1
    while j >= 0 and words[j] in QUOTES:
        j -= 1
    return (
        j >= 0
        and normalize(words[i]).startswith(ARTICLE)
        and not _ACHIEVEMENT_NOUNS.isdisjoint(bare_forms(words[j]))
    )


def common_reading(words: list[str], i: int) -> bool:
    """Whether the one-word name at ``i`` stands where news writes a common word: an
    adjective after a noun, or the object of "تحقيق"."""
    return (
        after_definite_noun(words, i)
        or after_indefinite_noun(words, i)
        or after_achievement_noun(words, i)
    )


def drop_achieved_words(sentences: list[list[str]], tags: list[list[str]]) -> None:
    """A one-word definite name right after "تحقيق" or "إحراز" is their object, a common
    noun: the tagger types "النصر" of "تحقيق النصر" (victory) as the club."""
    for words, tag in zip(sentences, tags, strict=True):
        for a, b, _ in spans(tag):
            if b - a == 1 and after_achievement_noun(words, a):
                tag[a] = "O"


def drop_adjective_places(sentences: list[list[str]], tags: list[list[str]]) -> None:
    """A one-word place whose name is shaped as an adjective of origin ("السعودية", Saudi
    Arabia and the feminine "Saudi") is the adjective right after a definite noun:
    "الهيئة السعودية للمهندسين". On three SaudiNewsNet days (2015-07-22, 08-06, 08-10)
    524 such "السعودية" were mentions of the country. A city of places.tsv stays one
    ("مدينته الروحية الإسكندرية"). So is a place that doubles as an indefinite adjective
    after an indefinite noun (:func:`after_indefinite_noun`: "دعم مالي")."""
    for words, tag in zip(sentences, tags, strict=True):
        for a, b, label in spans(tag):
            norm = normalize(words[a])
            if (
                label == "LOC"
                and b - a == 1
                and (
                    (is_nisba(norm) and norm not in _PLACES and after_definite_noun(words, a))
                    or after_indefinite_noun(words, a)
                )
            ):
                tag[a] = "O"


_ANAPHORIC_PLACES = _table("anaphoric_places.tsv")


def drop_anaphoric_places(sentences: list[list[str]], tags: list[list[str]]) -> None:
    """A span that is only "المدينة" or "البلدة" (anaphoric_places.tsv) is the place the
    article named before, not a name, unless the article writes a longer name that opens
    with the same word ("المدينة المنورة"), whose short form it then is."""
    longer: set[str] = set()
    alone: list[tuple[int, int, frozenset[str]]] = []
    for s, (words, tag) in enumerate(zip(sentences, tags, strict=True)):
        for a, b, _ in spans(tag):
            forms = _ANAPHORIC_PLACES.intersection(bare_forms(words[a]))
            if forms and b - a == 1:
                alone.append((s, a, forms))
            elif forms:
                longer.update(forms)
    for s, a, forms in alone:
        if longer.isdisjoint(forms):
            tags[s][a] = "O"


def join_places(
    sentences: list[list[str]], tags: list[list[str]], counts: Mapping[str, int]
) -> None:
    """Two place spans with nothing between them that together are one major place
    (places.tsv) become one span: the CRF opens a span on each word of a name it has not
    seen ("لبيونغ يانغ"). Joining every adjacent pair of place or person spans was measured
    on ANERcorp's held-out sixth and lost more than it won (4 right, 9 wrong): ANERcorp
    writes "كردستان العراق" and "أندريه غلوكسمان ... هنري ليفي" as two names."""
    for words, tag in zip(sentences, tags, strict=True):
        found = spans(tag)
        for (a1, b1, k1), (a2, b2, k2) in pairwise(found):
            if b1 == a2 and k1 == k2 == "LOC" and is_place(words[a1:b2], counts):
                tag[a2] = "I-LOC"


Phrase = tuple[str, ...]


def _phrases(name: str) -> list[Phrase]:
    """A table's phrases, longest first, as tuples of normalised words."""
    rows = (tuple(normalize(w) for w in r[0].split()) for r in read_rows(name))
    return sorted(rows, key=len, reverse=True)


# Multi-word titles (title_phrases.tsv) and religious formulae (invocations.tsv).
_TITLE_PHRASES = _phrases("title_phrases.tsv")
_INVOCATIONS = _phrases("invocations.tsv")
# The word for God keeps its ANERcorp type (MISC) inside a formula.
_GOD = normalize("الله")


def _phrase_length(phrases: list[Phrase], words: list[str], norms: list[str], i: int) -> int:
    """Words in the phrase starting at ``i`` (0 if none starts there); its first word may
    carry a conjunction or preposition (وولي، لولي)."""
    return next(
        (
            len(phrase)
            for phrase in phrases
            if tuple(norms[i + 1 : i + len(phrase)]) == phrase[1:]
            and phrase[0] in bare_forms(words[i])
        ),
        0,
    )


def _clear_phrases(
    sentences: list[list[str]], tags: list[list[str]], phrases: list[Phrase]
) -> None:
    """The words of the phrases leave any span ("الله" in a formula becomes MISC), and a
    span running on past one starts again after it."""
    for words, tag in zip(sentences, tags, strict=True):
        norms = [normalize(w) for w in words]
        i = 0
        while i < len(words):
            end = i + max(1, _phrase_length(phrases, words, norms, i))
            if end > i + 1:
                for j in range(i, end):
                    tag[j] = "B-MISC" if norms[j] == _GOD else "O"
                if end < len(words) and tag[end].startswith("I-"):
                    tag[end] = "B-" + tag[end][2:]
            i = end


def drop_title_phrases(sentences: list[list[str]], tags: list[list[str]]) -> None:
    """The words of a multi-word title ("ولي العهد") leave any span: "العهد" is no
    person, and the name after the title opens its own span."""
    _clear_phrases(sentences, tags, _TITLE_PHRASES)


_LONGEST_INVOCATION = max(len(phrase) for phrase in _INVOCATIONS)
# Every formula has two words or more, and all but the first are matched without
# clitics (normalised, as they are): a window without one of them holds none.
_INVOCATION_TAILS = frozenset(w for phrase in _INVOCATIONS for w in phrase[1:])


def in_invocation(words: list[str], i: int) -> bool:
    """Whether the word at ``i`` is part of a religious formula (invocations.tsv), where
    no name is spread: "ب[حمد] الله", "[رضوان] الله عليهم"."""
    lo = max(0, i - _LONGEST_INVOCATION + 1)
    window = words[lo : i + _LONGEST_INVOCATION]
    norms = [normalize(w) for w in window]
    return not _INVOCATION_TAILS.isdisjoint(norms) and any(
        j + _phrase_length(_INVOCATIONS, window, norms, j) > i - lo for j in range(i - lo + 1)
    )


def drop_invocations(sentences: list[list[str]], tags: list[list[str]]) -> None:
    """The words of a religious formula ("رضي الله عنه") leave any span, and a name
    running into one ends before it; "الله" in it is MISC, as ANERcorp tags it."""
    _clear_phrases(sentences, tags, _INVOCATIONS)


# Name particles (name_particles.tsv): scope "any" may start a chain, "chain" only go on.
NAME_PARTICLES = {normalize(r[0]): r[1] for r in read_rows("name_particles.tsv")}
# The words a bracketed person name may run on past the tagger's span: "(يون سوك يول)"
# came out as "يون سوك". Two, not tuned: the longest East Asian and Spanish names run two
# words past a given name the tagger knows.
MAX_BRACKET_TAIL = 2


def _name_word(word: str) -> bool:
    return word.isalpha() and normalize(word) not in _FUNCTION_WORDS


def _particle_end(norms: list[str], words: list[str], b: int) -> int:
    """End of a person name whose span ends at ``b``, run on over name particles
    ("أورسولا فون" + "دير لاين"); ``b`` itself when no particle chain is there."""
    j = b if NAME_PARTICLES.get(norms[b - 1]) == "any" else b + 1
    if j == b + 1 and (b >= len(norms) or NAME_PARTICLES.get(norms[b]) != "any"):
        return b
    while j < len(norms) and norms[j] in NAME_PARTICLES:
        j += 1
    return j + 1 if j < len(norms) and _name_word(words[j]) else b


def _bracket_end(words: list[str], tag: list[str], a: int, b: int) -> int:
    """End of a person name standing alone in brackets: up to the closing bracket when the
    words left before it are untagged name words."""
    if a == 0 or words[a - 1] not in _OPEN:
        return b
    for c in range(b, min(b + MAX_BRACKET_TAIL, len(words) - 1) + 1):
        if words[c] in _CLOSE:
            return c
        # "(ديربي العاصمة)": a word with the article describes, it does not go on a name.
        if tag[c] != "O" or not _name_word(words[c]) or normalize(words[c]).startswith(ARTICLE):
            break
    return b


def complete_names(sentences: list[list[str]], tags: list[list[str]]) -> None:
    """A person name the tagger cut short runs on to its end: over European name particles
    and the word after them ("أورسولا فون دير لاين"), and to the closing bracket of a name
    given alone in brackets ("(يون سوك يول)")."""
    for words, tag in zip(sentences, tags, strict=True):
        norms = [normalize(w) for w in words]
        for a, b, label in spans(tag):
            if label not in _PERSONS or tag[a] != "B-" + label:
                continue
            end = max(_particle_end(norms, words, b), _bracket_end(words, tag, a, b))
            for i in range(b, end):
                tag[i] = "I-" + label


PLACE_OPENERS = _table("place_openers.tsv")


def _opener(word: str) -> bool:
    """An opener as written ("سان") or after the conjunction ("وسان"); "لسان" (tongue) is
    no "ل" + "سان"."""
    norm = normalize(word)
    return norm in PLACE_OPENERS or (norm[:1] == _AND and norm[1:] in PLACE_OPENERS)


def join_openers(sentences: list[list[str]], tags: list[list[str]]) -> None:
    """A span the tagger ends on a word that opens foreign names joins the span right after
    it, whose type it takes ("سان" + "بطرسبرج"); an untagged opener right before a span
    opens it ("نيو" + "دلهي"); an opener tagged alone is no name. Running such an opener on
    over an untagged word was read on SaudiNewsNet 2015-07-26 and not kept: the type it
    gave was the tagger's guess for "سان" alone (LOC for "سان جرمان" the club, "سان مارتين"
    the player), and it took "شمال" into "ليثام سانت". On 2015-08-02 and 08-09 (2,567
    articles, not read to write it): 5 names joined ("سان انتونيو", "سانت بيترسبيرج" now
    LOC; 3 Réunion towns typed PER, their second span's type), 5 openers alone dropped
    ("سان" before an untagged "مارتين" or "جرمان"), and 9 "على لسان" no longer "سان"."""
    for words, tag in zip(sentences, tags, strict=True):
        for a, b, label in spans(tag):
            if _opener(words[b - 1]):
                if b < len(words) and tag[b].startswith("B-"):
                    set_span(tag, a, _span_end(tag, b), tag[b][2:])
                elif b - a == 1:
                    tag[a] = "O"
            elif a > 0 and tag[a - 1] == "O" and _opener(words[a - 1]):
                set_span(tag, a - 1, b, label)


_COLLECTIVE_NOUNS = _table("collective_nouns.tsv")


def trim_collective_nouns(sentences: list[list[str]], tags: list[list[str]]) -> None:
    """A span ends before "و" and a collective noun (collective_nouns.tsv): "المملكة ودول
    الخليج" is Saudi Arabia, then the Gulf states."""
    for words, tag in zip(sentences, tags, strict=True):
        for a, b, _ in spans(tag):
            for i in range(a + 1, b):
                norm = normalize(words[i])
                if norm.startswith(_AND) and norm[len(_AND) :] in _COLLECTIVE_NOUNS:
                    tag[i:b] = ["O"] * (b - i)
                    break


def split_coordinated_places(
    sentences: list[list[str]], tags: list[list[str]], counts: Mapping[str, int]
) -> None:
    """A span of places joined by "و" ("السعودية والإمارات") is one name per place, as
    ANERcorp tags them, the conjunction left on the word it is written on ("والإمارات");
    a span that is itself a place ("البوسنة والهرسك") stays whole; a place joined to a
    person leaves the person's span ("عبدالعزيز وجدة"). A place is one of
    places.tsv or a name aliases.tsv always types LOC ("السعودية", which places.tsv
    leaves out as it is as often the adjective). ORG and MISC spans are left, as
    :func:`back_off_places` leaves them: a list of cities typed ORG may be their clubs."""

    def place(part: list[str]) -> bool:
        return is_place(part, counts) or _known_type(part) == "LOC"

    for words, tag in zip(sentences, tags, strict=True):
        for a, b, label in spans(tag):
            cuts = [i for i in range(a + 1, b) if normalize(words[i]).startswith(_AND)]
            if label not in ("LOC", *_PERSONS) or not cuts or place(words[a:b]):
                continue
            bounds = [a, *cuts, b]
            if all(place(words[x:y]) for x, y in pairwise(bounds)):
                for i in cuts:
                    tag[i] = "B-" + label
            elif label in _PERSONS:
                # A place joined to a person: "جامعتي الملك عبدالعزيز وجدة" (and Jeddah).
                pieces = list(pairwise(bounds))
                for n, (x, y) in enumerate(pieces[1:], 1):
                    if place(words[x:y]):
                        set_span(tag, x, y, "LOC")
                    elif tag[pieces[n - 1][0]] == "B-LOC":
                        tag[x] = "B-" + label


def split_coordinated_persons(
    sentences: list[list[str]], tags: list[list[str]], counts: Mapping[str, int]
) -> None:
    """A person span that runs on over "و" and another name ("فابيوس وظريف", "الجبير
    وشتاينماير") is two names, the second from the word "و" is written on, when the rest
    of that word is a given name or a word the article tags inside a person name
    elsewhere ("جواد ظريف"); a nationality there describes the next name and leaves both
    ("زيكو والأرجنتيني موراليس"). Splitting wherever news writes the rest more often than
    the whole was read on SaudiNewsNet 2015-08-02 and not kept: it split "ثيو والكوت"
    (Walcott), "داني ولبيك" (Welbeck), and made single names of the tagger's junk spans
    ("غريب وشاذ") that the corpus stage then spread. As shipped, on 08-02 and 08-09 (2,567
    articles): 55 spans split into 111 mentions, 72 of them right names ("الجبير" +
    "شتاينماير", "ديتر" + "فلوستر"); of the 39 others, 21 are parts of spans that were no
    name before either ("ميداليتين برونزيتين وشهادتي"), 9 single words the corpus stage
    then spread ("شاف", "الراهب", "مارتين" inside "سان مارتين")."""
    in_persons = {
        normalize(w)
        for words, tag in zip(sentences, tags, strict=True)
        for a, b, label in spans(tag)
        if label in _PERSONS
        for w in words[a:b]
    }
    for words, tag in zip(sentences, tags, strict=True):
        for a, b, label in spans(tag):
            if label not in _PERSONS:
                continue
            for i in range(a + 1, b):
                if not normalize(words[i]).startswith(_AND):
                    continue
                forms = likely_forms(words[i], counts)
                bare = forms[1] if len(forms) > 1 else ""
                if bare.startswith(ARTICLE) and is_nisba(bare):
                    tag[i] = "O"
                    if i + 1 < b:
                        tag[i + 1] = "B-" + label
                elif bare in GIVEN_NAMES or bare in in_persons:
                    tag[i] = "B-" + label


def set_span(tags: list[str], a: int, b: int, label: str) -> None:
    """Tag tokens [a, b) as one span of ``label`` (IOB2)."""
    tags[a] = "B-" + label
    for i in range(a + 1, b):
        tags[i] = "I-" + label


def _free_or_whole(tags: list[str], a: int, b: int, retype: tuple[str, ...]) -> bool:
    """Tokens a..b are all O, or exactly one entity span (not part of a longer one) of a
    type in ``retype``."""
    if all(t == "O" for t in tags[a:b]):
        return True
    kind = tags[a][2:]
    if not tags[a].startswith("B-") or kind not in retype:
        return False
    if any(t != "I-" + kind for t in tags[a + 1 : b]):
        return False
    return b == len(tags) or not tags[b].startswith("I-")


def back_off_places(
    sentences: list[list[str]], tags: list[list[str]], counts: Mapping[str, int]
) -> None:
    """Rule 1: a span that is a major place and was tagged O or PER becomes LOC. ORG and
    MISC spans are left: a city names its club (برشلونة) and the UN is a "territory"."""
    for words, tag in zip(sentences, tags, strict=True):
        i = 0
        while i < len(words):
            for n in range(min(MAX_PLACE_TOKENS, len(words) - i), 0, -1):
                if is_place(words[i : i + n], counts) and _free_or_whole(tag, i, i + n, _PERSONS):
                    set_span(tag, i, i + n, "LOC")
                    i += n
                    break
            else:
                i += 1


# Words that name a role before a person: role_titles.tsv, and the triggers.tsv PER rows
# that are titles, honorifics, roles or ranks (not "بن", "أبو" nor "قال").
_ROLE_KINDS = ("title", "honorific", "abbreviated honorific", "role", "military rank")
# Qualifiers and honorifics between a title and a name ("ركن", "باسم"), and title words read
# another way far more often ("الفريق", the team): title_modifiers.tsv.
_TITLE_MODIFIERS = frozenset(
    normalize(r[0]) for r in read_rows("title_modifiers.tsv") if r[1] == "modifier"
)
_NOT_TITLES = frozenset(
    normalize(r[0]) for r in read_rows("title_modifiers.tsv") if r[1] == "not_title"
)
# The triggers.tsv ones alone: role_titles.tsv also holds words that are given names
# ("أمين"), which must not be cut off the front of a name (:func:`trim_leading_titles`).
_PERSON_TITLES = (
    frozenset(
        normalize(r[0])
        for r in read_rows("triggers.tsv")
        if r[1] == "PER" and r[2].startswith(_ROLE_KINDS)
    )
    - _NOT_TITLES
)
_ROLE_WORDS = (_table("role_titles.tsv") - _NOT_TITLES) | _PERSON_TITLES
GIVEN_NAMES = _table("given_names.tsv")
# A word more frequent in news than this (resources.counts) is read as a common word, not a
# given name, unless given_names.tsv lists it. On ANERcorp's held-out sixth: 300 joined 2
# names right and 1 wrong; 500 or no limit one more wrong ("الأمين العام ... خلفا لكوفي
# أنان", 'in succession to'); 200 one right fewer ("منى", 282 times).
MAX_GIVEN_NAME_COUNT = 300
TATWEEL = "\u0640"
# Untagged words after a title read as a name when a punctuation mark closes them: two or
# three ("العقيد دلشاد مولود،"). On 6,000 SaudiNewsNet articles (07-22, 07-31, 08-03) two or
# three gave 5 names right and 1 wrong ("معالي الوزير تُسرعون خطواتكم،"); with no mark
# required, verbs after a title came in ("الرئيس يتركز اهتمامه"): 7 right, 12 wrong. On 2,000
# other articles (07-26, 08-04): 3 right, 2 wrong, one after a title that ran over a name
# ("الرئيس السيسي انفتح أوروبيا،"), now left out. ANERcorp's held-out sixth has no such case.
MAX_UNKNOWN_NAME_WORDS = 3


def _is_role(word: str) -> bool:
    return not _ROLE_WORDS.isdisjoint(bare_forms(word))


def _is_definite(word: str) -> bool:
    return any(f.startswith(ARTICLE) for f in bare_forms(word))


def _title_end(words: list[str], i: int) -> int | None:
    """End of the title opened by the role word at ``i``, run on over words with the article
    and other role words ("قائد الشرطة الاتحادية الفريق"); None when it does not end on a
    word with the article: a bare "رئيس" still needs the noun it heads."""
    j = i + 1
    while (
        j < len(words)
        and (_is_definite(words[j]) or _is_role(words[j]))
        and normalize(words[j]) not in _FUNCTION_WORDS
    ):
        j += 1
    return j if _is_definite(words[j - 1]) else None


def _given_name_like(word: str, counts: Mapping[str, int]) -> bool:
    """Whether an untagged word may be a given name: letters only, no article, no clitic
    reading as likely as the whole ("وسعادة"), no title, modifier, place or function word,
    and rare in news unless a known given name."""
    norm = normalize(word)
    forms = bare_forms(word)
    return (
        norm.isalpha()
        and TATWEEL not in word
        and norm not in _TITLE_MODIFIERS
        and _FUNCTION_WORDS.isdisjoint(forms)
        and not _is_definite(word)
        and not _is_role(word)
        and not is_place([word], counts)
        and len(likely_forms(word, counts)) == 1
        and (counts.get(norm, 0) <= MAX_GIVEN_NAME_COUNT or norm in GIVEN_NAMES)
    )


def is_punctuation(word: str) -> bool:
    """No letter nor digit once normalised: a mark, a dash, a run of tatweels ("ــ")."""
    return not any(c.isalnum() for c in normalize(word))


_TANWEEN = frozenset(r[0] for r in read_rows("tanween.tsv"))


def has_tanween(word: str) -> bool:
    """A case ending marks a common word: names are written without (tanween.tsv)."""
    return not _TANWEEN.isdisjoint(word)


def trim_tanween_words(sentences: list[list[str]], tags: list[list[str]]) -> None:
    """A span opening with a word with tanween is no name ("نصرٌ أم رضوخ", "خائناً لوطنك");
    such words at its end leave it ("عبدالعزيز خوجة عميدًا", dean). Found on a SaudiNewsNet
    day (2015-08-02, 1,306 articles) where all 23 mentions with tanween were wrong: "دومًا"
    (always) as the town Douma, "سائلاً الله" (asking God) as a person. On 2,029 articles of
    2015-07-27 and 2015-08-03 it changed 51 spans: 43 wrong ones gone, 4 names cut right
    ("الملك فاروق ملكًا", "فابيان أجنبياً رابعاً"), 3 wrong ones cut and still wrong, 1
    name lost ("أتى محمداً" in a quotation of the Sira). ANERcorp's held-out sixth: no
    change."""
    for words, tag in zip(sentences, tags, strict=True):
        for a, b, _ in spans(tag):
            end = a if has_tanween(words[a]) else b
            while end > a and has_tanween(words[end - 1]):
                end -= 1
            for i in range(end, b):
                tag[i] = "O"


_VERBS = frozenset(r[0] for r in read_rows("verbs.tsv"))


def is_verb(word: str) -> bool:
    return normalize(word) in _VERBS


def _is_and_verb(word: str) -> bool:
    norm = normalize(word)
    return norm.startswith(_AND) and norm[len(_AND) :] in _VERBS


def trim_verbs(sentences: list[list[str]], tags: list[list[str]]) -> None:
    """A name the tagger ran on into the verb it is the subject of leaves the verb ("برئاسة
    تشوي غادر أمس" → "تشوي", "وكان يونايتد فاز على"), and a verb with "و" opens no name
    ("وأشارت الموسوي", "وفاز على"); the verbs are words ANT writes after "قد" (verbs.tsv,
    where the figures are). A bare verb at a name's start is left: it is as often a given
    name ("ساعد العرابي"). ANERcorp's held-out sixth: no change."""
    for words, tag in zip(sentences, tags, strict=True):
        for a, b, label in spans(tag):
            first, end = a, b
            while first < end and _is_and_verb(words[first]):
                first += 1
            while end - 1 > first and is_verb(words[end - 1]):
                end -= 1
            if (first, end) != (a, b):
                tag[a:b] = ["O"] * (b - a)
                if first < end:
                    set_span(tag, first, end, label)


# The longest number in a place's or organisation's name: a year ("مونديال 2006" is MISC;
# ANERcorp's training part has no name with a longer number; telephone and fax numbers run
# to 7-10 digits).
MAX_NAME_NUMBER_DIGITS = 4
# A decimal number as normalised: "٣٤٫٧" is "34.7", "1,5" stays.
_DECIMAL = re.compile(r"\d[.,]\d")


# Arabic spellings of Latin letter names and makers' prefixes that open a model designation
# ("إف 16", "ام اتش 370"; letter_names.tsv).
_LETTER_ROWS = [(normalize(r[0]), r[1]) for r in read_rows("letter_names.tsv")]
LETTER_NAMES = frozenset(word for word, kind in _LETTER_ROWS if kind != "word")
# Aircraft and weapon makers (letter_names.tsv): "بوينغ 777" is a model, whatever its type.
MAKERS = frozenset(word for word, kind in _LETTER_ROWS if kind == "maker")
# Letter names that are also Arabic words ("إم" is "أم"): letters only inside a tagged name.
WORD_LETTER_NAMES = frozenset(word for word, kind in _LETTER_ROWS if kind == "word")


def _number_outside(words: list[str], i: int, label: str) -> bool:
    """Whether the number ``words[i]`` cannot be part of a name of type ``label``: no
    person's name has a number, no place's or organisation's a decimal or a telephone
    number. A number after a letter name is a designation, left for the news rules."""
    norm = normalize(words[i])
    digits = sum(c.isdigit() for c in norm)
    if not digits or label == "MISC" or (i > 0 and normalize(words[i - 1]) in LETTER_NAMES):
        return False
    decimal = _DECIMAL.search(norm) is not None
    return label in _PERSONS or decimal or digits > MAX_NAME_NUMBER_DIGITS


def drop_numbers(sentences: list[list[str]], tags: list[list[str]]) -> None:
    """Numbers the tagger ran a name on into leave it: "عبدالرحمن 0505447333" (a contact
    line), "رضا 34.7" (satisfaction, 34.7 %), "بنك برقان 1.2" (its share price). In
    ANERcorp's training part numbers are part of MISC names (مونديال 2006، بوينج 757), of
    one place (6 اكتوبر) and one channel (تي في 5), never of a person's name, never with a
    decimal mark or more than four digits. Model numbers (MISC) are left as they are."""
    for words, tag in zip(sentences, tags, strict=True):
        for a, b, label in spans(tag):
            keep = [i for i in range(a, b) if not _number_outside(words, i, label)]
            if len(keep) == b - a:
                continue
            tag[a:b] = ["O"] * (b - a)
            for i in keep:
                tag[i] = ("I-" if i - 1 in keep else "B-") + label


_MAQSURA_ROWS = read_rows("maqsura_spellings.tsv")
_LINEAGE = _table("lineage_words.tsv")
# Words looked back over for a title before "على": the title's own adjective may stand
# between them ("المرشد الأعلى").
TITLE_LOOKBACK = 2
MAQSURA = "\u0649"
_STANDARD_MARKERS = frozenset(r[0] for r in _MAQSURA_ROWS if r[1] == "marker")
_EGYPTIAN_MARKERS = frozenset(w[:-1] + MAQSURA for w in _STANDARD_MARKERS)
_MAQSURA_PREPOSITIONS = frozenset(r[0] for r in _MAQSURA_ROWS if r[1] == "preposition")


def drop_maqsura_prepositions(sentences: list[list[str]], tags: list[list[str]]) -> None:
    """In an article of standard spelling, a person span opening with "على" (on) opens with
    the preposition, not the name "علي" that normalisation makes of it: "على حسن الاستقبال"
    (for the good reception), "عقوبات على علي عبدالله صالح". The preposition leaves the span;
    a one-word rest goes too, as it was a name only through the preposition ("على الخطيب").
    After a title ("السفير على الصادق") or before "بن" it is the name. Written on 2015-07-24
    and 2015-08-08; on 2,730 SaudiNewsNet articles of 2015-07-22 and 2015-07-27 it removed
    40 spans: 36 wrong ones gone (21 "نادي" a wrong "على نادي" had spread over the article),
    2 names now whole ("على سترلينغ" -> "سترلينغ", put back by the rules after it), 1 name
    lost ("على محمد على العتيق"), 1 wrong left ("سؤال"). ANERcorp's held-out sixth: +0.0005.
    The preposition closing a span of any type leaves it too ("وصالح على المدينة")."""
    standard = egyptian = 0
    for words in sentences:
        for w in words:
            standard += w in _STANDARD_MARKERS
            egyptian += w in _EGYPTIAN_MARKERS
    if egyptian > standard:
        return
    for words, tag in zip(sentences, tags, strict=True):
        for a, b, label in spans(tag):
            # Last in a span of any type it is the preposition after the name: "هجوم
            # الحوثيين وصالح على المدينة", "يعبر البحر على قارب".
            if b - a > 1 and words[b - 1] in _MAQSURA_PREPOSITIONS:
                tag[b - 1] = "O"
                b -= 1
            if label not in _PERSONS or words[a] not in _MAQSURA_PREPOSITIONS:
                continue
            # "السفير على الصادق", "المرشد الأعلى على خامنئي": a title before it; "على بن
            # أبى طالب": a father after it.
            if b - a > 1 and (
                any(_is_role(w) for w in words[max(0, a - TITLE_LOOKBACK) : a])
                or normalize(words[a + 1]) in _LINEAGE
            ):
                continue
            tag[a] = "O"
            if b - a == 2:
                tag[a + 1] = "O"
            elif b - a > 2:
                tag[a + 1] = "B-" + label


def extend_after_titles(
    sentences: list[list[str]], tags: list[list[str]], counts: Mapping[str, int]
) -> None:
    """Untagged name-like words right after a title are a person's name in two cases: one
    word before a person span, when the tagger knows the surname but not the given name
    ("الفنانة ندي" + "بسيوني"); and two or three words that a punctuation mark closes, a name
    the tagger knows nothing of ("وزير الدفاع الأوكراني رستم عمروف،"). Not a qualifier or
    honorific of the title ("العقيد ركن"، "المتحدث باسم", title_modifiers.tsv). An
    organisation span opening right after a title, on a word that may be a given name, is a
    person ("رئيسة المفوضية الأوروبية أورسولا فون دير لاين", which the model of this version
    typed ORG): on 5,600 SaudiNewsNet articles (2015-07-22, -24, -31, 08-07, 08-11) 2
    firings, both right ("القائد المحلي للشرطة ايوب بيارباسي"); without the given-name test
    80, nearly all the title's own organisation ("المدير الفني لتشيلسي")."""
    for words, tag in zip(sentences, tags, strict=True):
        i = 0
        while i < len(words):
            j = _title_end(words, i) if _is_role(words[i]) else None
            if j is None:
                i += 1
                continue
            k = j
            while (
                k < len(words)
                and k - j < MAX_UNKNOWN_NAME_WORDS
                and tag[k] == "O"
                and _given_name_like(words[k], counts)
            ):
                k += 1
            if k == j + 1 and k < len(words) and tag[k].startswith("B-") and tag[k][2:] in _PERSONS:
                label = tag[k][2:]
                tag[j], tag[k] = "B-" + label, "I-" + label
            elif (
                k - j >= 2
                and (k == len(words) or is_punctuation(words[k]))
                and all(t == "O" for t in tag[i:j])
            ):
                set_span(tag, j, k, "PERS")
            elif (
                k == j < len(words)
                and tag[j] == "B-ORG"
                and all(t == "O" for t in tag[i:j])
                and _given_name_like(words[j], counts)
                and _known_type(words[j : (end := _span_end(tag, j))]) is None
            ):
                set_span(tag, j, end, "PERS")
            i = max(j, i + 1)


def _span_end(tags: list[str], a: int) -> int:
    """End of the span that opens at ``a``."""
    b = a + 1
    while b < len(tags) and tags[b] == "I-" + tags[a][2:]:
        b += 1
    return b


# Plural endings of a definite adjective: after a noun in "ين"/"ان" a singular adjective
# marks the noun as a dual (المحيطين الهندي), a plural one as a plural (اللاجئين الفلسطينيين).
_PLURAL_ENDINGS = ("ين", "ون", "ات")
_DUAL_ENDINGS = ("ين", "ان")


def join_dual_adjectives(sentences: list[list[str]], tags: list[list[str]]) -> None:
    """A name whose head is a dual ("المحيطين الهندي") has two coordinated adjectives, and
    the tagger stops before the second: "والهادئ" joins the span."""
    for words, tag in zip(sentences, tags, strict=True):
        norms = [normalize(w) for w in words]
        for a, b, label in spans(tag):
            if b - a != 2:
                continue
            head, adjective = norms[a], norms[a + 1]
            if (
                b < len(words)
                and head.startswith(ARTICLE)
                and head.endswith(_DUAL_ENDINGS)
                and adjective.startswith(ARTICLE)
                and not adjective.endswith(_PLURAL_ENDINGS)
                and norms[b].startswith(_AND + ARTICLE)
                and len(norms[b]) > len(_AND + ARTICLE) + 2
            ):
                # A span the tagger opened on the second adjective ran on from a word that
                # is not its start: what is left of it goes too.
                rest = b + 1
                while rest < len(tag) and tag[rest].startswith("I-"):
                    tag[rest] = "O"
                    rest += 1
                tag[b] = "I-" + label


# Heads of quoted plan and operation names (named_heads.tsv).
NAMED_HEADS = _table("named_heads.tsv")
# A quoted name is at most this many words with its head ("خطة النصر"، "عملية طوفان
# الأقصى"، "مبادرة الحزام والطريق" are 2-3). At 4, a SaudiNewsNet day gave « صفقة جيدة
# سعينا إليها » ("a good deal we sought"), a quoted sentence.
MAX_QUOTED_NAME = 3


def _quoted_end(words: list[str], start: int) -> int | None:
    """Index of the quote closing a name that starts at ``start``, if it closes soon."""
    for j in range(start, min(start + MAX_QUOTED_NAME + 1, len(words))):
        if words[j] in QUOTES:
            return j
        if not words[j].isalnum():
            return None
    return None


def tag_quoted_names(sentences: list[list[str]], tags: list[list[str]]) -> None:
    """A quoted name opened by a plan or operation head is one MISC name: with the head
    when the quote opens before it ("خطة النصر" in quotes), without it when after
    (عملية "طوفان الأقصى"). Spans inside are replaced; spans across the quotes are left."""
    for words, tag in zip(sentences, tags, strict=True):
        for q in range(len(words) - 1):
            if words[q] not in QUOTES:
                continue
            head_inside = any(f in NAMED_HEADS for f in bare_forms(words[q + 1]))
            head_before = q > 0 and any(f in NAMED_HEADS for f in bare_forms(words[q - 1]))
            start = q + 1
            end = _quoted_end(words, start) if head_inside or head_before else None
            if end is None or end == start + int(head_inside):
                continue
            outside = [q - 1] if head_before else []
            if all(not tag[i].startswith("I-") for i in (start, end)) and all(
                tag[i] == "O" for i in outside
            ):
                set_span(tag, start, end, "MISC")


def _one_span(tags: list[str], a: int, b: int) -> bool:
    return tags[a].startswith("B-") and all(t == "I-" + tags[a][2:] for t in tags[a + 1 : b])


# Names of several words whose type is known (aliases.tsv): full forms in every article.
_KNOWN_FORMS = {tuple(name.split()): kind for name, kind in _KNOWN_TYPES.items() if " " in name}


def propagate_full_forms(sentences: list[list[str]], tags: list[list[str]]) -> None:
    """A name of several words tagged whole once in an article is tagged whole wherever the
    same words stand in it untagged, cut short ("يون سوك" + "يول") or split in two ("دينامو"
    + "كييف"); so is a known name of several words ("حلف شمال" + "الأطلسي", aliases.tsv).
    Where they already are one span its type is left to :func:`make_consistent`."""
    forms: dict[tuple[str, ...], str] = {}
    norms = [[normalize(w) for w in words] for words in sentences]
    for words, tag in zip(norms, tags, strict=True):
        for a, b, label in spans(tag):
            # A span holding a function word or opened by a title ("على الله", "الشهيد
            # مفرح عسيري") is the tagger's slip more often than a name: not spread.
            if (
                b - a >= 2
                and words[a] not in _TITLES
                and not any(w in _FUNCTION_WORDS for w in words[a:b])
            ):
                forms.setdefault(tuple(words[a:b]), label)
    for form, kind in _KNOWN_FORMS.items():
        forms.setdefault(form, kind)
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    for form, label in sorted(forms.items(), key=lambda item: -len(item[0])):
        by_first[form[0]].append((form, label))
    for raw, words, tag in zip(sentences, norms, tags, strict=True):
        for i, word in enumerate(raw):
            # The first word may carry a clitic the form has not ("لحلف شمال الأطلسي").
            found = (item for first in bare_forms(word) for item in by_first.get(first, ()))
            for form, label in found:
                end = i + len(form)
                if (
                    tuple(words[i + 1 : end]) == form[1:]
                    and not _one_span(tag, i, end)
                    and not tag[i].startswith("I-")
                    and (end == len(words) or not tag[end].startswith("I-"))
                ):
                    set_span(tag, i, end, label)
                    break


def is_surname(last: str) -> bool:
    """Whether the normalised last word of a person's full name may stand for him alone.
    "برلمان الإستوني", "للتمور" (for the dates): a last word with the article is an
    adjective or a common noun far more often than a surname."""
    return (
        len(last) >= MIN_NAME_CHARS
        and not last.startswith((ARTICLE, *FOR_THE_PREFIXES))
        and last not in _NOT_NAMES
        and last not in _PLACES
    )


def _bare_key(token: str, keys: dict[str, str], counts: Mapping[str, int]) -> str | None:
    return next((f for f in likely_forms(token, counts) if f in keys), None)


def propagate_names(
    sentences: list[list[str]], tags: list[list[str]], counts: Mapping[str, int]
) -> None:
    """Rule 2: the surname of a person named in full, and an acronym given in brackets
    after an organisation, are that person or organisation wherever they stand alone,
    except in a religious formula ("الحبيب حمد" is no reason to read "بحمد الله")."""
    keys: dict[str, str] = {}
    for words, tag in zip(sentences, tags, strict=True):
        for a, b, label in spans(tag):
            if label in _PERSONS and b - a >= 2:
                last = normalize(words[b - 1])
                if is_surname(last):
                    keys.setdefault(last, "PERS")
            if (
                label == "ORG"
                and b + 2 < len(words)
                and words[b] in _OPEN
                and words[b + 2] in _CLOSE
            ):
                acronym = normalize(words[b + 1])
                known = _known_type(words[b + 1 : b + 2])
                # "يوفنتوس (إيطاليا)": a place in brackets (known, or tagged so by the
                # CRF) says where, not the short name; "(المتصدر)" with the article
                # describes (the leader) unless aliases.tsv knows it (الناتو).
                plain = (
                    not acronym.startswith(ARTICLE)
                    and acronym not in _NOT_NAMES
                    and not is_place([acronym], counts)
                )
                if (
                    (known or tag[b + 1][2:]) not in ("LOC", *_PERSONS)
                    and len(acronym) >= MIN_ACRONYM_CHARS
                    and (known == "ORG" or plain)
                ):
                    keys.setdefault(acronym, "ORG")
    if not keys:
        return
    for words, tag in zip(sentences, tags, strict=True):
        for i, word in enumerate(words):
            key = _bare_key(word, keys, counts)
            if (
                key is not None
                and _free_or_whole(tag, i, i + 1, ("LOC", "ORG", "MISC"))
                and not in_invocation(words, i)
            ):
                set_span(tag, i, i + 1, keys[key])


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


def join_remits(sentences: list[list[str]], tags: list[list[str]]) -> None:
    """An organisation span followed at once by another that opens with "لل" is one name,
    the second its remit: "المؤسسة العامة" + "للخطوط الجوية العربية", where the tagger
    starts anew at the clitic. Not when the second is a known name of its own ("للأمم
    المتحدة"), nor after "ولل" ("and for the" joins two things)."""
    for words, tag in zip(sentences, tags, strict=True):
        for (_, end, first), (start, stop, second) in pairwise(spans(tag)):
            if (
                first == second == "ORG"
                and end == start
                and normalize(words[start]).startswith(FOR_THE)
                and _known_type(words[start:stop]) is None
            ):
                tag[start] = "I-ORG"


# Organisation heads (normalised) and the kind of organisation each heads (org_heads.tsv).
_ORG_HEADS = {normalize(r[0]): r[1] for r in read_rows("org_heads.tsv")}


def org_head(word: str) -> str | None:
    """The kind of organisation ``word`` heads, clitics off ("لصحيفة": "press"), or None."""
    return next((_ORG_HEADS[f] for f in bare_forms(word) if f in _ORG_HEADS), None)


def type_after_org_heads(sentences: list[list[str]], tags: list[list[str]]) -> None:
    """A name right after an organisation head is that organisation, the head outside it
    as in ANERcorp ("نادي" + "أرسنال"): a span the tagger opened on the head starts after
    it, and "نادي الرياض" is the club even where "الرياض" elsewhere in the article is the
    city, so this runs after :func:`make_consistent`."""
    for words, tag in zip(sentences, tags, strict=True):
        for a, b, label in spans(tag):
            if b - a >= 2 and org_head(words[a]):
                tag[a] = "O"
                set_span(tag, a + 1, b, "ORG")
            elif label != "ORG" and a > 0 and org_head(words[a - 1]):
                set_span(tag, a, b, "ORG")


# The masculine nisba ending, as written: "ى" (الزاوية اليمنى, the right corner) is
# normalised to the same "ي" but makes no adjective of a place.
_MASCULINE_NISBA = "ي"


# Countries: names place_referents.tsv gives an ISO code (a city has a GeoNames number).
# A country is no club, and a masculine adjective after one agrees with the noun before it
# ("مدرب جامايكا الألماني", Jamaica's German coach).
_COUNTRIES = frozenset(
    name for name, ids in read_rows("place_referents.tsv") if any(i.isalpha() for i in ids.split())
)


def _masculine_country_adjective(word: str) -> bool:
    """ "الإيطالي", "المكسيكي": the definite masculine adjective of a major place."""
    norm = normalize(word)
    if not word.startswith(ARTICLE) or not word.endswith(_MASCULINE_NISBA) or norm in _PLACES:
        return False
    return bool(nisba_bases(norm[len(ARTICLE) :], (_MASCULINE_NISBA,)) & _PLACES)


def type_clubs(sentences: list[list[str]], tags: list[list[str]]) -> None:
    """A one-word place followed by the masculine adjective of a country is a club: cities
    are feminine in Arabic, so "روما الإيطالي" is the (masculine) club "نادي روما", and
    "روما الإيطالية" the city. Not after a masculine place head ("ميناء جيهان التركي"),
    nor on a country or a name with the article (المغرب، العراق are masculine countries)."""
    for words, tag in zip(sentences, tags, strict=True):
        for a, b, label in spans(tag):
            if (
                label == "LOC"
                and b - a == 1
                and b < len(words)
                and tag[b] == "O"
                and not words[a].startswith(ARTICLE_PREFIXES)
                and not _COUNTRIES.intersection(bare_forms(words[a]))
                and not (a and any(f in _BARE_HEADS for f in bare_forms(words[a - 1])))
                and _masculine_country_adjective(words[b])
            ):
                tag[a] = "B-ORG"


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
                set_span(tags[s], a, b, kind)


def refine(
    sentences: list[list[str]], tags: list[list[str]], counts: Mapping[str, int]
) -> list[list[str]]:
    """The tags of one article's sentences after the rules (input left as is);
    ``counts``: word frequencies in news (the tagger's ``resources.counts``)."""
    out = [list(tag) for tag in tags]
    trim_leading_titles(sentences, out)
    trim_title_adjectives(sentences, out)
    drop_title_phrases(sentences, out)
    drop_invocations(sentences, out)
    drop_maqsura_prepositions(sentences, out)
    trim_tanween_words(sentences, out)
    trim_verbs(sentences, out)
    drop_numbers(sentences, out)
    complete_names(sentences, out)
    join_openers(sentences, out)
    join_dual_adjectives(sentences, out)
    drop_bare_heads(sentences, out)
    drop_anaphoric_places(sentences, out)
    join_places(sentences, out, counts)
    trim_collective_nouns(sentences, out)
    split_coordinated_places(sentences, out, counts)
    split_coordinated_persons(sentences, out, counts)
    back_off_places(sentences, out, counts)
    extend_after_titles(sentences, out, counts)
    propagate_full_forms(sentences, out)
    propagate_names(sentences, out, counts)
    tag_quoted_names(sentences, out)
    join_remits(sentences, out)
    make_consistent(sentences, out)
    drop_adjective_places(sentences, out)
    drop_achieved_words(sentences, out)
    type_after_org_heads(sentences, out)
    type_clubs(sentences, out)
    return out
