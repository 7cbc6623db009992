"""News conventions: names a news reader follows that ANERcorp's annotators tag otherwise.

``refine`` repairs the tagger toward ANERcorp's own conventions, and the held-out figures
(bench/ner.py, ``tag_conll``) score exactly that. A reader of today's news wants more: the
ministries and agencies that make the news (ANERcorp leaves "وزارة الدفاع الروسية"
untagged), weapon systems and model designations (the issue's MISC: "إف-16", "باتريوت"),
and the seas, agencies and platforms that 2007 newswire never named. These rules run after
``refine`` in the entity stage only, in this order: known names (known_names.tsv and the
"always" rows of aliases.tsv) are tagged or retyped; a place or institution named after a
titled person ("طريق الملك عبدالله", "مستشفى الملك فهد") is that place or institution, not
the person; an institution head with a genitive that ends in a place adjective (or one of
scope: "الدولية") is an organisation; one quoted word after an institution's name is its
short name whatever the tagger made of it ("وكالة الأنباء الإماراتية "وام""); a letter
name or maker with a number is a designation, whatever type the tagger gave a maker
("بوينغ 777"); a one-word MISC with the article (الإسلام، اليورانيوم) is a common word.
Currencies, which ANERcorp tags MISC, are no entity here (``is_currency``).
"""

from __future__ import annotations

from functools import lru_cache

from marsad.entities._data import read_rows
from marsad.entities.conlleval import spans
from marsad.entities.features import stem
from marsad.entities.refine import (
    ARTICLE,
    ARTICLE_PREFIXES,
    LETTER_NAMES,
    MAKERS,
    PROCLITICS,
    QUOTES,
    WORD_LETTER_NAMES,
    bare_forms,
    definite,
    is_verb,
    nisba_bases,
    set_span,
)
from marsad.text import normalize

_LABELS = {"PER": "PERS"}
_PERSON = "PERS"
_HYPHENS = ("-", "\u2010", "\u2011")


def _known_names() -> dict[tuple[str, ...], str]:
    known = {
        tuple(normalize(r[0]).split()): _LABELS.get(r[1], r[1])
        for r in read_rows("known_names.tsv")
    }
    for row in read_rows("aliases.tsv"):
        if row[3] == "always":
            for name in row[:2]:
                known.setdefault(tuple(normalize(name).split()), _LABELS.get(row[2], row[2]))
    return known


_KNOWN = _known_names()
_KNOWN_LONGEST = max(len(k) for k in _KNOWN)
_INSTITUTION_HEADS = frozenset(normalize(r[0]) for r in read_rows("institution_heads.tsv"))
_INSTITUTION_SCOPES = frozenset(normalize(r[0]) for r in read_rows("institution_scopes.tsv"))
_CURRENCIES = frozenset(normalize(r[0]) for r in read_rows("currencies.tsv"))
_FUNCTION_WORDS = frozenset(normalize(r[0]) for r in read_rows("function_words.tsv"))
# The conjunction, written on the word after it.
_AND = "و"
# Nisba endings (adjective of a place: روسي، الروسية، الأوكرانيين), normalised spelling.
_NISBA = ("يين", "يون", "يان", "يتين", "يه", "ي")
# The genitive after an institution head, up to its place adjective, is at most this many
# words: "هيئة الأركان العامة الأوكرانية" is 3, "معهد دراسات الحرب الأميركي" 3.
MAX_INSTITUTION_TAIL = 4
# The longest model number after a maker the tagger typed an organisation: بوينغ 777،
# إيرباص 320 (letter_names.tsv makers); a year after it ("بوينغ 2015") is no model.
MAX_MODEL_NUMBER_DIGITS = 3
_OPENING_GUILLEMET, _CLOSING_GUILLEMET = "\u00ab", "\u00bb"
# A quoted short name has at least this many letters: the agencies "وام", "بنا" and "تاس"
# have three.
MIN_SHORT_NAME_CHARS = 3


def is_known_name(norm: str) -> bool:
    """Whether the normalised one-word ``norm`` is a known name ("داعش", "تويتر")."""
    return (norm,) in _KNOWN


def _free(tag: list[str], a: int, b: int) -> bool:
    """No span crosses the edges of [a, b) and none inside it is a person."""
    if tag[a].startswith("I-") or (b < len(tag) and tag[b].startswith("I-")):
        return False
    return not any(t[2:] == _PERSON for t in tag[a:b])


def _adjective_position(norms: list[str], i: int) -> bool:
    """A one-word definite name right after a definite noun is an adjective there:
    "الصحف السعودية" (Saudi papers), not the country."""
    if i == 0 or not norms[i].startswith(ARTICLE):
        return False
    # "والشركة السعودية", "بالعرضة السعودية": the noun may carry a clitic.
    return any(definite(form) for form in bare_forms(norms[i - 1]))


def _known_at(words: list[str], norms: list[str], tag: list[str], i: int) -> tuple[int, str]:
    """Length and label of the longest known name at ``i`` that may be tagged there."""
    for n in range(min(_KNOWN_LONGEST, len(words) - i), 0, -1):
        rest = tuple(norms[i + 1 : i + n])
        label = next((_KNOWN[k] for f in bare_forms(words[i]) if (k := (f, *rest)) in _KNOWN), None)
        if not label or not _free(tag, i, i + n):
            continue
        if n == 1 and _adjective_position(norms, i):
            continue
        # A place name the tagger typed whole as something else is often a paper or a
        # club ("الشرق الأوسط" the daily): its type stands.
        if label == "LOC" and spans(tag[i : i + n]) == [(0, n, tag[i][2:])]:
            continue
        return n, label
    return 0, ""


def tag_known_names(sentences: list[list[str]], tags: list[list[str]]) -> None:
    """Known names (longest first) take their type where they stand untagged or split, or
    as a span of another type; a clitic on the first word is allowed ("وتليغرام")."""
    for words, tag in zip(sentences, tags, strict=True):
        norms = [normalize(w) for w in words]
        i = 0
        while i < len(words):
            n, label = _known_at(words, norms, tag, i)
            if n:
                set_span(tag, i, i + n, label)
                i += n
            else:
                i += 1


@lru_cache(maxsize=4)
def _place_roots(names: frozenset[str]) -> frozenset[str]:
    """Words a place adjective is formed from: the gazetteer's names, the head of a name
    whose other words are adjectives ("كوريا" of "كوريا الجنوبية", "امريكا" of "امريكا
    الشمالية") unless it has the article (the common nouns "الاتحاد" of "الاتحاد
    السوفيتي", "المملكة"), and the one-word places of the known names ("أميركا")."""
    heads = {
        words[0]
        for words in (name.split() for name in names)
        if len(words) > 1
        and not words[0].startswith(ARTICLE)
        and all(w.endswith(("ي", "يه")) for w in words[1:])
    }
    known = {k[0] for k, label in _KNOWN.items() if len(k) == 1 and label == "LOC"}
    return names | heads | known


def is_place_adjective(norm: str, names: frozenset[str]) -> bool:
    """ "الروسية" / "الأميركي" / "الكورية" / "السعودي": a nisba adjective whose base is a
    known place (روسيا، أميركا، كوريا، السعودية) of ``names`` (the tagger's gazetteer) or of
    the known names. A place's own name is no adjective, though "السعودية" is both."""
    roots = _place_roots(names)
    if roots.intersection(bare_forms(norm)):
        return False
    return any(nisba_bases(base, _NISBA) & roots for base in {norm, stem(norm)})


def _closes_institution(norm: str, names: frozenset[str]) -> bool:
    """A place ("السعودية"), its adjective ("الروسية") or an adjective of scope
    ("الدولية", institution_scopes.tsv)."""
    return (
        norm in _place_roots(names)
        or norm in _INSTITUTION_SCOPES
        or (norm.endswith("ه") and norm[:-1] in _INSTITUTION_SCOPES)
        or is_place_adjective(norm, names)
    )


def _nisba_shaped(norm: str) -> bool:
    return definite(norm) and norm.endswith(("يه", "ي"))


def _institution_end(norms: list[str], i: int, names: frozenset[str]) -> int | None:
    """End of the institution named from head ``i``: its genitive (definite words, or one
    bare noun before them: "معهد دراسات الحرب") up to its last place or scope adjective, plus a
    nisba adjective right after that ("الكورية الجنوبية")."""
    j = i + 1
    if (
        j + 1 < len(norms)
        and norms[j].isalpha()
        and norms[j] not in _FUNCTION_WORDS
        and not norms[j].startswith(ARTICLE)
        and definite(norms[j + 1])
    ):
        j += 1
    end = None
    while j < len(norms) and j - i <= MAX_INSTITUTION_TAIL and definite(norms[j]):
        # The adjective follows a genitive: "بقيادة اليوناني" (led by the Greek) names none.
        if (j > i + 1 and _closes_institution(norms[j], names)) or (
            end == j and _nisba_shaped(norms[j])
        ):
            end = j + 1
        j += 1
    return end


_OPEN_OR_ORG = frozenset({"O", "B-ORG"})


def tag_institutions(
    sentences: list[list[str]], tags: list[list[str]], names: frozenset[str]
) -> None:
    """An institution head in the construct state whose genitive ends in a place adjective
    is one organisation: "وزارة الدفاع الروسية", "وكالة الصحافة الفرنسية"; an organisation
    the tagger ended before the adjective runs on to it ("معهد دراسات الحرب" + "الأميركي")."""
    for words, tag in zip(sentences, tags, strict=True):
        norms = [normalize(w) for w in words]
        for i, word in enumerate(words):
            if tag[i] not in _OPEN_OR_ORG or not _INSTITUTION_HEADS.intersection(bare_forms(word)):
                continue
            end = _institution_end(norms, i, names)
            if end is not None and _free(tag, i, end):
                set_span(tag, i, end, "ORG")


def is_institution_name(words: list[str]) -> bool:
    """Whether ``words`` name an institution whole: a head first, with a clitic or the
    article or not ("وكالة", "والمنظمة", "الاتحاد"), and a definite word last. A name
    ending in a bare noun waits for its genitive: in 'بنك التنمية لدول "بريكس"'
    (SaudiNewsNet 2015-07-22) the quoted word completes the bank's name."""
    return any(
        form in _INSTITUTION_HEADS
        or (form.startswith(ARTICLE) and form[len(ARTICLE) :] in _INSTITUTION_HEADS)
        for form in bare_forms(words[0])
    ) and any(definite(form) for form in bare_forms(words[-1]))


def _quoted(words: list[str], i: int) -> bool:
    """Whether word ``i`` stands between quotation marks, not between the closing mark of
    one quote and the opening mark of the next ('«مركز خدمة المنورة» وكذلك «حدائق»')."""
    return (
        0 < i < len(words) - 1
        and words[i - 1] in QUOTES
        and words[i + 1] in QUOTES
        and words[i - 1] != _CLOSING_GUILLEMET
        and words[i + 1] != _OPENING_GUILLEMET
    )


def _one_word_span(tag: list[str], i: int) -> bool:
    return tag[i].startswith("B-") and (i + 1 == len(tag) or not tag[i + 1].startswith("I-"))


def _written_forms(word: str) -> tuple[str, ...]:
    """The word as written and without its proclitics (clitics.tsv): as written, since
    normalisation would make the agency "واس" of "وإس" (and S, "غالاكسي إس 7 وإس 8")."""
    return (word, *(word[len(p) :] for p in PROCLITICS if word.startswith(p)))


def tag_quoted_short_names(sentences: list[list[str]], tags: list[list[str]]) -> None:
    """One quoted word right after an institution's name is its short name: "وكالة الأنباء
    الإماراتية "وام"", "مكتب إحصاءات الاتحاد الأوروبي "يوروستات"", "منظمة العفو الدولية
    "أمنستي"". The tagger leaves most such words untagged or reads a person or a place in
    them ("فرونتكس", "بترا"); they are the organisation there, in quotes anywhere else in
    the article ("كما نقلت "وام"") and wherever the tagger took them for a one-word name.
    Bare elsewhere they stay as tagged: "تداول", the Saudi exchange, is also "trading".
    Quotes after a name that is no institution hold anything ("بورشه "كاين"", a model;
    "داعش "بكليبات""), and a word with the article an adjective ("حزب العمال الكردستاني
    "المتطرف"")."""
    short: set[str] = set()
    for words, tag in zip(sentences, tags, strict=True):
        for a, b, label in spans(tag):
            if (
                label != "ORG"
                or not is_institution_name(words[a:b])
                or not _quoted(words, b + 1)
                # The name is quoted itself: the mark after it closes its quote.
                or (a > 0 and words[a - 1] in QUOTES)
            ):
                continue
            norm = normalize(words[b + 1])
            if (
                (tag[b + 1] == "O" or _one_word_span(tag, b + 1))
                and len(norm) >= MIN_SHORT_NAME_CHARS
                and norm.replace(".", "").isalpha()
                and not norm.startswith(ARTICLE)
                and _FUNCTION_WORDS.isdisjoint(bare_forms(norm))
                and not is_verb(norm)
            ):
                short.add(words[b + 1])
    if not short:
        return
    for words, tag in zip(sentences, tags, strict=True):
        for i, word in enumerate(words):
            if (_quoted(words, i) and word in short and tag[i] == "O") or (
                _one_word_span(tag, i) and short.intersection(_written_forms(word))
            ):
                set_span(tag, i, i + 1, "ORG")


_FACILITY_ROWS = read_rows("facility_heads.tsv")
_FACILITY_HEADS = {normalize(r[0]): r[1] for r in _FACILITY_ROWS if r[1] != "title"}
_FACILITY_TITLES = frozenset(normalize(r[0]) for r in _FACILITY_ROWS if r[1] == "title")
# Adjectives after the person that are still the facility's name: "كلية الملك فهد
# الأمنية", "مطار الملك خالد الدولي". Two at most ("التخصصي الجامعي").
MAX_FACILITY_ADJECTIVES = 2


def tag_facilities(
    sentences: list[list[str]], tags: list[list[str]], names: frozenset[str]
) -> None:
    """A head, a royal or religious title and a person ("طريق الملك عبدالله", "لمستشفى
    الملك فهد التخصصي") name a place or institution (facility_heads.tsv), not the person:
    the only news rule that retypes a person span."""
    for words, tag in zip(sentences, tags, strict=True):
        norms = [normalize(w) for w in words]
        for i in range(len(words) - 2):
            kind = next(
                (_FACILITY_HEADS[f] for f in bare_forms(words[i]) if f in _FACILITY_HEADS), None
            )
            if kind is None or norms[i + 1] not in _FACILITY_TITLES:
                continue
            # The tagger may have the head and title as a name of their own ("جامعة
            # الملك" + "عبدالعزيز") or the title and name ("مركز" + "الملك سلمان").
            if tag[i].startswith("I-") or _PERSON in (tag[i][2:], tag[i + 1][2:]):
                continue
            if tag[i + 2] != "B-" + _PERSON and not (
                tag[i + 1] != "O" and tag[i + 2].startswith("I-")
            ):
                continue
            run = i + 3
            while run < len(words) and tag[run].startswith("I-"):
                run += 1
            end = next((k for k in range(i + 3, run) if _ends_name(words[k], names)), run)
            tag[end:run] = ["O"] * (run - end)
            stop = end + MAX_FACILITY_ADJECTIVES
            while (
                end == run
                and end < min(stop, len(words))
                and tag[end] == "O"
                and _nisba_shaped(norms[end])
            ):
                end += 1
                run = end
            if end == len(tag) or not tag[end].startswith("I-"):
                set_span(tag, i, end, _LABELS.get(kind, kind))


def _ends_name(word: str, names: frozenset[str]) -> bool:
    """A word the tagger ran a person's name on into: a conjunction ("وعدد", "وشارع"), a
    preposition with the article ("بالطائف") or before a place of the gazetteer ``names``
    ("بجدة"), a function word ("هو") or punctuation."""
    norm = normalize(word)
    _, *peeled = bare_forms(word)
    return (
        not norm.isalpha()
        or norm.startswith(_AND)
        or (word.startswith(ARTICLE_PREFIXES) and not word.startswith(ARTICLE))
        or any(f in _FUNCTION_WORDS for f in bare_forms(word))
        or bool(names.intersection(peeled))
    )


def _letter_run(norms: list[str], tag: list[str], b: int) -> int:
    """Start of the run of letter names ending just before ``b``; a letter name that is also
    a word ("إم", "أم") counts where the tagger joined it to the name after it."""
    a = b
    while a > 0 and (
        norms[a - 1] in LETTER_NAMES
        or (norms[a - 1] in WORD_LETTER_NAMES and tag[a].startswith("I-"))
    ):
        a -= 1
    return a


def _designation(norm: str) -> bool:
    """ "اف-16", "كيه-12": a letter name or maker, a hyphen, a number."""
    for hyphen in _HYPHENS:
        head, sep, number = norm.partition(hyphen)
        if sep and head in LETTER_NAMES and number.isdigit():
            return True
    return False


def _model_number(norm: str) -> bool:
    return norm.isdigit() and len(norm) <= MAX_MODEL_NUMBER_DIGITS


def tag_designations(sentences: list[list[str]], tags: list[list[str]]) -> None:
    """Model designations are MISC: letter names or a maker with a number, joined by a
    hyphen or a space ("إف-16", "إف 16", "إيه كيه-12", "ميغ-29"), and so is a maker the
    tagger typed an organisation with a model number ("بوينغ 777"; "للفيفا 209 اتحادات" is
    a count)."""
    for words, tag in zip(sentences, tags, strict=True):
        norms = [normalize(w) for w in words]
        for i, norm in enumerate(norms):
            if (
                tag[i] == "B-ORG"
                and norm in MAKERS
                and i + 1 < len(norms)
                and _model_number(norms[i + 1])
                and tag[i + 1] in ("O", "I-ORG")
                and (i + 2 == len(tag) or not tag[i + 2].startswith("I-"))
            ):
                set_span(tag, i, i + 2, "MISC")
                continue
            hyphened = _designation(norm)
            if hyphened:
                a, b = _letter_run(norms, tag, i), i + 1
            elif norm in LETTER_NAMES and i + 1 < len(norms) and norms[i + 1].isdigit():
                a, b = _letter_run(norms, tag, i), i + 2
            else:
                continue
            # Letters the tagger typed as something else are an acronym ("بي بي سي 2016"),
            # but letters and a number alone are never a person's name ("ام اتش 370"), and
            # with a hyphen before the number ("إيه كيه-12") a model, whatever the type.
            exact = {kind for start, end, kind in spans(tag) if (start, end) == (a, b)}
            if (
                (_free(tag, a, b) and all(t == "O" or t.endswith("MISC") for t in tag[a:b]))
                or _PERSON in exact
                or (hyphened and exact)
            ):
                set_span(tag, a, b, "MISC")


def drop_common_misc(sentences: list[list[str]], tags: list[list[str]]) -> None:
    """A one-word MISC span with the definite article is left untagged unless it is a
    known name. ANERcorp types religions, materials and common nouns MISC (الإسلام،
    اليورانيوم، الفيتو), and the tagger follows it, with fragments ("السوبر" of "كأس
    السوبر"); the one-word names it types MISC are mostly loanwords without the article
    (كلاشنيكوف، مونديال، نوبل). The raw word is tested: "ألمانيا" opens with a hamza."""
    for words, tag in zip(sentences, tags, strict=True):
        for a, b, label in spans(tag):
            if label != "MISC" or b - a != 1 or not words[a].startswith(ARTICLE_PREFIXES):
                continue
            if not any((f,) in _KNOWN for f in bare_forms(words[a])):
                tag[a] = "O"


def apply_conventions(
    sentences: list[list[str]], tags: list[list[str]], names: frozenset[str]
) -> None:
    """The news rules, in order, on one article's refined tags (changed in place)."""
    tag_known_names(sentences, tags)
    tag_facilities(sentences, tags, names)
    tag_institutions(sentences, tags, names)
    tag_quoted_short_names(sentences, tags)
    tag_designations(sentences, tags)
    drop_common_misc(sentences, tags)


def is_currency(norm: str) -> bool:
    """Whether a mention (normalised) names a currency, alone or with adjectives after it:
    "دولار", "الدولار الامريكي"; not "ريال مدريد"."""
    words = norm.split()
    if not words:
        return False
    first, *rest = words
    if first.startswith(ARTICLE):
        first = first[len(ARTICLE) :]
    return first in _CURRENCIES and all(w.endswith(("ي", "يه")) for w in rest)
