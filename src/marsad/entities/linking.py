"""Cross-article entity linking: one Entity per real-world referent.

Mentions are grouped by a folded key (normalised, transliteration letters folded, article
stripped except from a compound head as in "العبد الله"; a one-word name keeps whether it
had the article), then groups are joined by the alias table, "(acronym)" appositions in the
text and an institution's quoted short name ('وكالة الأنباء الإماراتية "وام"'), and fuzzy
similarity of folded names token by token. Bare surnames are resolved to a full name in the
same article first, then to the one dominant full name in the corpus. An organisation named
after a place by its head ("صحيفة الرياض", "نادي برشلونة") keys apart from the place, with
the head's kind ("press الرياض"), and so do the name's mentions typed ORG without a head
where one kind of head names it (in their article, else in the corpus).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

from rapidfuzz import fuzz, process

from marsad._unionfind import UnionFind
from marsad.entities._data import read_rows
from marsad.entities.news import is_institution_name
from marsad.entities.refine import ARTICLE, FOR_THE_PREFIXES, QUOTES, org_head
from marsad.entities.senses import NAMES as SENSE_NAMES
from marsad.entities.senses import ArticleSenses
from marsad.model import Document, Entity, EntityMention, EntityType, Mention
from marsad.text import normalize

# rapidfuzz ratio (0-100) two folded name tokens need to count as one spelling. At 85
# بلينكن/بلينكين (92), الأمريكية/الأميركية (86) join, and بولندا/هولندا (83) stay apart
# (checked on the pairs in tests/entities/data/linking_pairs.tsv).
FUZZY_THRESHOLD = 85.0
# Ratios are unreliable on short words (غزة/الغرزة scores 86 after folding): when the
# shorter token has at most this many letters it may differ only by one long vowel added
# inside it (ترمب/ترامب, بوتن/بوتين); kept apart: كوريا/سوريا, ليبيا/ليبيريا,
# النيجر/نيجيريا. Seen on 400 ANT articles; a SaudiNewsNet day (2015-07-23) showed the
# vowel had to be one added, not swapped (الرياض/الرائد, الجزائر/الجزيرة were joined).
SHORT_TOKEN = 5
# Candidate cut-off for the whole key, below the lowest ratio of a pair SHORT_TOKEN admits
# (a 4-letter word and its 5-letter variant score 89) and below FUZZY_THRESHOLD.
PREFILTER = 70.0
# Tokens shorter than this must be equal after folding (حسن/حسين, عمر/عمرو, كوت/كويت).
MIN_VARIANT_TOKEN = 4
# A bare surname with no full name in its own article goes to the corpus' full name
# only when that name has at least this many times the mentions of the next candidate.
SURNAME_DOMINANCE = 3
# An apposition "(الناتو)" longer than this is an aside, not another name for the entity.
MAX_APPOSITION_CHARS = 40
_APPOSITION = re.compile(rf"\s*[(\[]\s*([^()\[\]]{{1,{MAX_APPOSITION_CHARS}}}?)\s*[)\]]")
# One quoted word after an institution's name: its short name (news.tag_quoted_short_names).
_QUOTE_CHARS = re.escape("".join(sorted(QUOTES)))
_QUOTED_WORD = re.compile(rf"\s*[{_QUOTE_CHARS}]([^\s{_QUOTE_CHARS}]+)[{_QUOTE_CHARS}]")
_TYPE_ORDER: tuple[EntityType, ...] = ("PER", "ORG", "LOC", "MISC")

_FOLD = str.maketrans({r[0]: r[1] for r in read_rows("letter_variants.tsv") if r[2] == "any"})
_FINAL = {r[0]: r[1] for r in read_rows("letter_variants.tsv") if r[2] == "final"}
_LONG_VOWEL_CHARS = frozenset(
    r[0] for r in read_rows("letter_variants.tsv") if r[2] == "long_vowel"
)
# The alef of the accusative ending (ريالاً، دولاراً after normalisation: ريالا، دولارا).
_ACCUSATIVE = "ا"


def _with_article(word: str) -> bool:
    # Four letters or fewer: the "ال" is part of the word (الله، الى).
    return word.startswith(ARTICLE) and len(word) > 4


# Folded, longest first ("ابو" before "بو").
_COMPOUND_HEADS = sorted(
    {normalize(r[0]).translate(_FOLD) for r in read_rows("name_compounds.tsv")},
    key=len,
    reverse=True,
)


def _compound(token: str) -> tuple[bool, str, str] | None:
    """(whether the head has the article, head, second half) of a compound name written as
    one word: "عبداللا" -> (False, "عبد", "لا"), "العبداللا" -> (True, "عبد", "لا")."""
    bare = token.removeprefix(ARTICLE)
    for head in _COMPOUND_HEADS:
        rest = bare.removeprefix(head + ARTICLE)
        if rest != bare and rest:
            return bare != token, head, rest
    return None


def _articled_head(word: str) -> bool:
    """A compound head with the article, apart or joined to its second half: the family
    "العبد الله" / "العبدالله" is not the given name "عبد الله" / "عبدالله" (on SaudiNewsNet
    2015-08-06 "محمد عبدالله" of okaz was joined to the minister "محمد العبد الله")."""
    parts = _compound(word)
    if parts:
        return parts[0]
    return word.startswith(ARTICLE) and word[len(ARTICLE) :] in _COMPOUND_HEADS


def _fold_word(word: str) -> str:
    if _with_article(word) and not _articled_head(word):
        word = word[2:]
    return word[:-1] + _FINAL[word[-1]] if word[-1] in _FINAL else word


def _has_article(name: str) -> bool:
    """Whether the last word is written with the article, which :func:`fold` drops: a
    family name "السلمان" is not the given name "سلمان"."""
    words = normalize(name).split()
    return bool(words) and _with_article(words[-1])


def fold(name: str) -> str:
    """Key under which spelling and transliteration variants of a name coincide."""
    return " ".join(_fold_word(w) for w in normalize(name).translate(_FOLD).split())


# Starts the key of a one-word name written with the article (:func:`_key`). Not a letter:
# no folded spelling begins with it.
_ARTICLED = "+"


def _key(name: str, articled: bool | None = None) -> str:
    """:func:`fold`, but a one-word name keeps whether it had the article: "القطر" (the
    diameter) is no "قطر", the family "الصالح" no "صالح" (which forms still join:
    :func:`_article_forms`). ``articled`` overrides the written form (:func:`_mention_key`)."""
    key = fold(name)
    if not key or " " in key:
        return key
    if articled is None:
        articled = _has_article(name)
    return _ARTICLED + key if articled else key


def _plain(key: str) -> str:
    return key.removeprefix(_ARTICLED)


def word_start(text: str, i: int) -> int:
    """Where the word holding ``text[i]`` starts: before the clitics a mention leaves out
    (vowel marks and tatweel are in words)."""
    while i > 0 and (text[i - 1].isalpha() or unicodedata.category(text[i - 1]) == "Mn"):
        i -= 1
    return i


def _mention_key(text: str, m: Mention) -> str:
    """The key of a mention; after "لل" ("للكويت": ل + الكويت, the alef dropped) the
    tagger's mention "كويت" is written with the article."""
    after_for_the = normalize(text[word_start(text, m.start) : m.start]) in FOR_THE_PREFIXES
    return _key(m.text, _has_article(m.text) or after_for_the)


def _word_before(text: str, m: Mention) -> str:
    """The word before the mention's own word, past spaces and quotation marks: "جريدة"
    of 'جريدة «الرياض»'."""
    head = text[: word_start(text, m.start)].rstrip()
    while head and head[-1] in QUOTES:
        head = head[:-1].rstrip()
    return head[word_start(head, len(head)) :]


def _named_by_head(docs: list[Document], keys_of: list[list[str]]) -> list[dict[int, str]]:
    """Per document, the mentions of an organisation named after a place, with the kind of
    its head (org_heads.tsv): "جريدة الرياض" is the newspaper, "نادي برشلونة" the club,
    neither the city that the same written name would otherwise join. Only names written
    mostly as a place need it (more LOC mentions than ORG: "سامسونج", typed LOC now and
    then, is not one). A mention the tagger typed ORG without a head is the
    organisation that one kind of head names in its article or, where its article names
    none, in the whole corpus ('وقالت "الرياض"' after "صحيفة الرياض"); LOC mentions stay
    the place."""
    types = Counter(
        (key, m.type)
        for doc, keys in zip(docs, keys_of, strict=True)
        for m, key in zip(doc.mentions, keys, strict=True)
    )
    placed = {key for key, kind in types if kind == "LOC" and types[key, "LOC"] > types[key, "ORG"]}
    named: list[dict[int, str]] = []
    in_article: list[dict[str, set[str]]] = []
    in_corpus: dict[str, set[str]] = defaultdict(set)
    for doc, keys in zip(docs, keys_of, strict=True):
        headed: dict[int, str] = {}
        kinds: dict[str, set[str]] = defaultdict(set)
        for i, (m, key) in enumerate(zip(doc.mentions, keys, strict=True)):
            if m.type in ("ORG", "LOC") and key in placed:
                kind = org_head(_word_before(doc.article.text, m))
                if kind is not None:
                    headed[i] = kind
                    kinds[key].add(kind)
                    in_corpus[key].add(kind)
        named.append(headed)
        in_article.append(kinds)
    for doc, keys, headed, kinds in zip(docs, keys_of, named, in_article, strict=True):
        for i, (m, key) in enumerate(zip(doc.mentions, keys, strict=True)):
            heads = kinds.get(key) or in_corpus.get(key, set())
            if m.type == "ORG" and i not in headed and len(heads) == 1:
                headed[i] = next(iter(heads))
    return named


_LINEAGE = frozenset(fold(r[0]) for r in read_rows("lineage_words.tsv"))
# A word after these is no short form of the name: a father's name after "بن", the son's
# after "أبو" (the father "أبو عصام" is no "عصام", his son: almadina, SaudiNewsNet
# 2015-08-06), the second half of "عبد العزيز".
_NO_SURNAME_AFTER = _LINEAGE | frozenset(_COMPOUND_HEADS)


# Referent ids of given names start with this; a place's id is a GeoNames number or a code.
_GIVEN_NAME_ID = "name:"


def _referents() -> dict[str, frozenset[str]]:
    """Name key (:func:`_key`) -> ids of what it names: places (place_referents.tsv, the
    news spellings of country_spellings.tsv, and the "always" place rows of aliases.tsv:
    "السعودية" is SA as "المملكة العربية السعودية" is) and common given names
    (given_names.tsv, each its own referent)."""
    out: dict[str, set[str]] = defaultdict(set)
    for name, ids in read_rows("place_referents.tsv"):
        out[_key(name)].update(ids.split())
    for name, codes, *_ in read_rows("country_spellings.tsv"):
        out[_key(name)].update(codes.split())
    for name, alias, kind, scope, *_ in read_rows("aliases.tsv"):
        if kind == "LOC" and scope == "always":
            pair = (_key(name), _key(alias))
            shared = set().union(*(out.get(k, ()) for k in pair))
            if shared:
                for k in pair:
                    out[k] |= shared
    for name, *_ in read_rows("given_names.tsv"):
        out[_key(name)].add(f"{_GIVEN_NAME_ID}{fold(name)}")
    return {key: frozenset(ids) for key, ids in out.items()}


_REFERENTS = _referents()
# Keys of the names one spelling gives two places (entities.senses): only their mentions
# are read for a sense, so linking normalises no other mention twice.
_SENSE_KEYS = frozenset(_key(name) for name in SENSE_NAMES)


def _compact(key: str) -> str:
    """Key without word breaks or the dots of spelled-out letters (بي بي سي / بي.بي.سي),
    nor the article after a compound head: عبد الفتاح / عبدالفتاح. Only there: removing
    every "ال" made مالك of المالكي and لا of الله."""
    joined = key.replace(" ", "").replace(".", "")
    for head in _COMPOUND_HEADS:
        joined = joined.replace(head + ARTICLE, head)
    return joined


# The class of MISC names (currencies, events, weapons) in the nodes' keys.
_OTHER = "M"


def _cls(kind: str) -> str:
    """Fuzzy, alias and surname rules link persons only to persons, and other names
    (currencies, events, weapons) only to their own kind; places and organisations are
    often confused by the tagger (a country as an actor), so those types share one class.
    Identical written names join across classes."""
    return {"PER": "P", "MISC": _OTHER}.get(kind, "X")


def similar(a: str, b: str, accusative: bool = False) -> bool:
    """Same name up to transliteration: equal token counts, every token close enough;
    ``accusative``: a word may also differ by the accusative alef (:func:`_one_vowel_apart`).
    Two known names of different referents are never similar (:func:`_distinct`)."""
    ta, tb = a.split(), b.split()
    if _compact(a) == _compact(b):
        return True
    if len(ta) != len(tb) or _distinct(a, b):
        return False
    return all(_same_token(x, y, accusative) for x, y in zip(ta, tb, strict=True))


# Scopes of aliases.tsv besides "always"; a capital's alias is read per mention.
_CAPITAL = "capital"
_SCOPES = frozenset({"article", _CAPITAL})


def _aliases() -> tuple[
    list[tuple[str, str, str]],
    dict[tuple[str, str], str],
    dict[str, re.Pattern[str]],
    frozenset[tuple[str, str]],
]:
    """aliases.tsv: the "always" pairs, the scoped aliases with their referent, a pattern
    of the written names of each scoped referent (:class:`_Scope`), and the capitals."""
    always: list[tuple[str, str, str]] = []
    scoped: dict[tuple[str, str], str] = {}
    capitals: set[tuple[str, str]] = set()
    written: dict[str, set[str]] = defaultdict(set)
    for name, alias, kind, scope, *_ in read_rows("aliases.tsv"):
        written[_key(name)].add(normalize(name))
        if scope == "always":
            always.append((_cls(kind), _key(name), _key(alias)))
            written[_key(name)].add(normalize(alias))
        elif scope in _SCOPES:
            scoped[(_cls(kind), _key(alias))] = _key(name)
            if scope == _CAPITAL:
                capitals.add((_cls(kind), _key(alias)))
        else:
            raise ValueError(
                f"aliases.tsv: unknown scope {scope!r} for {alias!r}; "
                "use always, article or capital"
            )
    targets = set(scoped.values())
    patterns = {
        key: re.compile(
            r"(?<!\w)(?:"
            + "|".join(map(re.escape, sorted(forms, key=len, reverse=True)))
            + r")(?!\w)"
        )
        for key, forms in written.items()
        if key in targets
    }
    return always, scoped, patterns, frozenset(capitals)


_CONJUNCTIONS = "وف"
_ALWAYS, _SCOPED, _SCOPE_NAMES, _CAPITALS = _aliases()
_CITY_ROWS = read_rows("capital_places.tsv")
_CITY_BEFORE = frozenset(normalize(r[0]) for r in _CITY_ROWS if r[1] == "before")
_CITY_CLITICS = frozenset(normalize(r[0]) for r in _CITY_ROWS if r[1] == "clitic")
_CITY_AFTER = frozenset(r[0] for r in _CITY_ROWS if r[1] == "after")
_NEXT_CHAR = re.compile(r"\s*(\S)")
_LAST_WORD = re.compile(r"(\S+)\s+$")
_LAST_CHAR = re.compile(r"(\S)\s*$")
# What ends the sentence before a dateline ("؟! واشنطن - «الشرق الأوسط»:"); a dash after a
# capital inside a sentence opens an aside ("أن واشنطن - وهي توقع").
_ENDS = frozenset(".!?\u061f:*\u06d4")
# Characters read back for the word before a capital: longer than any Arabic word.
_LOOK_BACK = 40


def _as_city(text: str, m: Mention) -> bool:
    """Whether a capital is written as the city, not for its government: "في واشنطن",
    "بواشنطن", "ولاية واشنطن", a dateline "واشنطن -" (capital_places.tsv)."""
    start = word_start(text, m.start)
    after = _NEXT_CHAR.match(text, m.end)
    opens = _LAST_CHAR.search(text, max(0, start - _LOOK_BACK), start)
    if after and after.group(1) in _CITY_AFTER and (not opens or opens.group(1) in _ENDS):
        return True
    attached = normalize(text[start : m.start])
    if attached:
        return attached[-1:] in _CITY_CLITICS
    before = _LAST_WORD.search(text, max(0, start - _LOOK_BACK), start)
    if not before:
        return False
    word = normalize(before.group(1))
    return word in _CITY_BEFORE or (word[:1] in _CONJUNCTIONS and word[1:] in _CITY_BEFORE)


class _Scope:
    """Whether an article names the referent of a scoped alias ("المملكة" means Saudi
    Arabia where the article names it): a mention of it, or its name or another full name
    of it written anywhere, inside a longer name or as an adjective ("سفارة المملكة العربية
    السعودية", "الخطوط السعودية"), which are no mentions of it. The text is read only for an
    article with a scoped alias."""

    def __init__(self, text: str, present: set[tuple[str, str]]) -> None:
        self.text = text
        self.present = present
        self._normalized: str | None = None

    def names(self, cls: str, target: str) -> bool:
        if (cls, target) in self.present:
            return True
        if self._normalized is None:
            self._normalized = normalize(self.text)
        pattern = _SCOPE_NAMES.get(target)
        return pattern is not None and pattern.search(self._normalized) is not None


def _node(cls: str, key: str) -> str:
    return f"{cls}|{key}"


def _distinct(a: str, b: str) -> bool:
    """Both are established names of different referents (إيطاليا / أنطاليا, محمد / محمود):
    their spellings being close says nothing, only an aliases.tsv row may join them."""
    ra, rb = _referents_of(a), _referents_of(b)
    return ra is not None and rb is not None and ra.isdisjoint(rb)


def _referents_of(key: str) -> frozenset[str] | None:
    # A word of a longer name lost its article in :func:`fold`: either form.
    return _REFERENTS.get(key) or _REFERENTS.get(_ARTICLED + key)


def _is_country(word: str) -> bool:
    """A normalised word that names a country (an ISO code among its referents)."""
    return any(len(r) == 2 and r.isupper() for r in _places(_key(word)))


def _places(key: str) -> frozenset[str]:
    """Ids of the places ``key`` names, in the very form the gazetteer writes: "القطر"
    names none."""
    return frozenset(r for r in _REFERENTS.get(key, ()) if not r.startswith(_GIVEN_NAME_ID))


def _renames(name: str, inner: str) -> bool:
    """Whether "(inner)" after ``name`` gives another name of it. Not where either is a
    known place and they share none: a place in brackets says where the name is ("عسير
    (أبها)", a region and its capital; "يوفنتوس (إيطاليا)"), and brackets after a place
    close a longer name that ends in it and that the tagger cut short ("رابطة دول جنوب
    شرقي آسيا (آسيان)", "وكالة ... لاجئي فلسطين (الأونروا)")."""
    outer, within = _places(name), _places(inner)
    return not (outer or within) or not outer.isdisjoint(within)


def _same_token(a: str, b: str, accusative: bool = False) -> bool:
    if a == b:
        return True
    if a.startswith(_ARTICLED) != b.startswith(_ARTICLED):
        return False
    shorter = min(len(_plain(a)), len(_plain(b)))
    if shorter < MIN_VARIANT_TOKEN or _distinct(a, b):
        return False
    a, b = _plain(a), _plain(b)
    parts_a, parts_b = _compound(a), _compound(b)
    if parts_a and parts_b and parts_a[1] == parts_b[1]:
        # Joined compounds with one head differ by its article and their second halves:
        # "عبدالله" is neither "عبدالسلام" (87 as whole words) nor the family "العبدالله".
        return parts_a[0] == parts_b[0] and _same_token(parts_a[2], parts_b[2], accusative)
    if shorter <= SHORT_TOKEN:
        return _one_vowel_apart(a, b, accusative)
    return fuzz.ratio(a, b) >= FUZZY_THRESHOLD or _vowel_moved(a, b)


def _vowel_moved(a: str, b: str) -> bool:
    """A long vowel written one letter on, inside a word longer than a short name:
    "الأمريكي" / "الأميركي" (83 as a ratio, under the threshold that keeps بولندا / هولندا
    apart, while the feminine الأمريكية / الأميركية passes it). On SaudiNewsNet 2015-08-06
    "البنك المركزي الأمريكي" and "... الأميركي" had been two entities."""
    if len(a) != len(b):
        return False
    diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    if len(diff) != 2 or diff[1] != diff[0] + 1 or diff[0] == 0 or diff[1] == len(a) - 1:
        return False
    i = diff[0]
    return a[i] == b[i + 1] and a[i + 1] == b[i] and bool({a[i], b[i]} & _LONG_VOWEL_CHARS)


def _one_vowel_apart(a: str, b: str, accusative: bool = False) -> bool:
    """The longer is the shorter with one long vowel added inside (ترمب / ترامب, بوتن /
    بوتين). Not at either end (مالك / مالكي is a name and its nisba), and two names of one
    length are different words (سعود / سعيد, الرياض / الرائد, الجزائر / الجزيرة).
    ``accusative``: for common nouns tagged as names (currencies: ريال / ريالا), a final
    alef too; never for places and people, where it is another name (تركي / تركيا)."""
    long, short = (a, b) if len(a) > len(b) else (b, a)
    if len(long) != len(short) + 1:
        return False
    if accusative and long[-1] == _ACCUSATIVE and long[:-1] == short:
        return True
    return any(
        long[i] in _LONG_VOWEL_CHARS and long[:i] + long[i + 1 :] == short
        for i in range(1, len(long) - 1)
    )


def _tail_of(part: list[str], full: list[str]) -> bool:
    """``part`` is the last words of ``full``, and not its father's name (after "بن"),
    nor one word after "أبو" or "عبد" (the son, or half a name); longer tails are the
    name cut short ("بكر البغدادي" of "أبو بكر البغدادي")."""
    if len(part) >= len(full):
        return False
    stops = _NO_SURNAME_AFTER if len(part) == 1 else _LINEAGE
    return full[-len(part) - 1] not in stops and all(
        _same_token(x, y) for x, y in zip(part, full[-len(part) :], strict=True)
    )


def _full_name_for(key: str, fulls: list[tuple[int, str, str]], pos: int) -> str | None:
    """The fuller name in this article that a short form means: its last words ("روته",
    "ولد الشيخ أحمد"), else for one word its first word, with the article as written
    there (Korean family name "كيم", "الملا" of "الملا عمر"; the family "المحمد" is no
    "محمد الثبيتي"); the nearest preceding mention wins. ``fulls``: (position, key, key of
    the first word alone)."""
    part = _plain(key).split()
    tests = [lambda f: _tail_of(part, f[1].split())]
    if len(part) == 1:
        tests.append(lambda f: _same_token(f[2], key))
    for test in tests:
        hits = [f for f in fulls if test(f)]
        if hits:
            before = [h for h in hits if h[0] < pos]
            return (before[-1] if before else hits[0])[1]
    return None


def link(docs: Iterable[Document]) -> list[Entity]:
    """Link mentions across ``docs`` into entities and set every ``Mention.entity_id``."""
    docs = list(docs)
    uf = UnionFind()
    node_of: dict[tuple[int, int], str] = {}
    bare: list[tuple[int, int, str]] = []
    appositions: list[tuple[str, str]] = []
    # Per full person name: whether its last word was written with the article.
    articled: dict[str, set[bool]] = defaultdict(set)
    # Nodes of a place read in another sense of its spelling (Amman of "عمان"): its name.
    sense_names: dict[str, str] = {}
    keys_of = [[_mention_key(doc.article.text, m) for m in doc.mentions] for doc in docs]
    named_by_head = _named_by_head(docs, keys_of)
    for d, doc in enumerate(docs):
        keys = keys_of[d]
        by_head = named_by_head[d]
        senses = ArticleSenses(doc.article.text, _is_country)
        fulls = [
            (i, k, _key(m.text.split()[0]))
            for i, (m, k) in enumerate(zip(doc.mentions, keys, strict=True))
            if m.type == "PER" and len(k.split()) > 1
        ]
        present = {(_cls(m.type), k) for m, k in zip(doc.mentions, keys, strict=True)}
        scope = _Scope(doc.article.text, present)
        for i, (m, key) in enumerate(zip(doc.mentions, keys, strict=True)):
            cls = _cls(m.type)
            if not key:
                continue
            if i in by_head:
                # Its own node, which no written name of the place joins, and an
                # organisation whatever the tagger typed it ('صحيفة "الرياض"' as a place).
                key = f"{by_head[i]} {key}"
                m.type = "ORG"
            if cls == "P":
                full = _full_name_for(key, fulls, i)
                if full is not None:
                    key = full
                elif len(key.split()) == 1:
                    bare.append((d, i, key))
                    continue
            scoped = _SCOPED.get((cls, key))
            if (
                scoped
                and scope.names(cls, scoped)
                and not ((cls, key) in _CAPITALS and _as_city(doc.article.text, m))
            ):
                key = scoped
            sense = senses.of(m) if keys[i] in _SENSE_KEYS and i not in by_head else None
            if sense is not None:
                # Written with its vowel marks, which no folded key keeps: its own node.
                key = sense
                sense_names[_node(cls, key)] = sense
            node_of[(d, i)] = _node(cls, key)
            uf.find(node_of[(d, i)])
            if cls == "P" and len(m.text.split()) > 1:
                articled[node_of[(d, i)]].add(_has_article(m.text))
            after = _APPOSITION.match(doc.article.text, m.end)
            if after is None and m.type == "ORG" and is_institution_name(m.text.split()):
                after = _QUOTED_WORD.match(doc.article.text, m.end)
            if after:
                forms = _article_forms(cls, _key(after.group(1)))
                inner = next((k for k in forms if (cls, k) in present), "")
                if inner and _renames(key, inner):
                    appositions.append((node_of[(d, i)], _node(cls, inner)))
    for cls, name, alias in _ALWAYS:
        if _node(cls, alias) in uf.parent:
            uf.union(_node(cls, name), _node(cls, alias))
    _join_similar(uf)
    _join_appositions(uf, appositions)
    _resolve_bare(uf, node_of, bare, articled)
    return _build(docs, uf, node_of, sense_names)


def _join_appositions(uf: UnionFind, pairs: list[tuple[str, str]]) -> None:
    """Join each name to the "(name)" written after it. One of several words written
    after names of different entities is a description, not a name: "البنك المركزي"
    after both the Federal Reserve and the Saudi central bank (SaudiNewsNet 2015-08-06)
    joins neither. An acronym joins every spelling of its full name ("أوبك" after
    "منظمة الدول المصدرة للنفط" and "منظمة البلدان المصدرة للبترول"). A name with several
    different names after it describes, and joins none of them: "وكالة الأنباء الروسية"
    is written before "تاس" and before "إنترفاكس" (SaudiNewsNet 2015-08-06, ANT)."""
    after: dict[str, set[str]] = defaultdict(set)
    for outer, inner in pairs:
        after[inner].add(uf.find(outer))
    names = [(o, i) for o, i in pairs if len(after[i]) == 1 or " " not in i]
    # Per name and script: a Latin "OPEC" besides "أوبك" is the same name written twice.
    before: dict[tuple[str, bool], set[str]] = defaultdict(set)
    for outer, inner in names:
        before[(uf.find(outer), _latin(inner))].add(uf.find(inner))
    joins = [(o, i) for o, i in names if len(before[(uf.find(o), _latin(i))]) == 1]
    for outer, inner in joins:
        uf.union(outer, inner)


def _latin(node: str) -> bool:
    return node.split("|", 1)[1][:1].isascii()


def _join_similar(uf: UnionFind) -> None:
    """Join nodes whose names match up to transliteration (see :func:`similar`).

    Candidates come from rapidfuzz in C over blocks of same class, length and first
    letter; a whole-key ratio is never below the lowest per-token ratio, so the cut-off
    (low enough for long-vowel variants of short words too) loses no pair that
    :func:`similar` would accept.
    """
    compact: dict[str, str] = {}
    blocks: dict[tuple[str, int, str], list[str]] = defaultdict(list)
    for node in sorted(uf.parent):
        cls, key = node.split("|", 1)
        # The same written name is one referent even where the tagger typed it once as a
        # person and once as a place; the entity takes the majority type.
        first = compact.setdefault(_compact(key), node)
        uf.union(first, node)
        for other in _article_forms(cls, key)[1:]:
            if _node(cls, other) in uf.parent:
                uf.union(node, _node(cls, other))
        first_letter = key[:2] if key.startswith(_ARTICLED) else key[:1]
        blocks[(cls, len(key.split()), first_letter)].append(key)
    for (cls, _, _), keys in blocks.items():
        for i, a in enumerate(keys):
            hits = process.extract(
                a, keys[i + 1 :], scorer=fuzz.ratio, score_cutoff=PREFILTER, limit=None
            )
            for b, _, _ in hits:
                if similar(a, b, accusative=cls == _OTHER):
                    uf.union(_node(cls, a), _node(cls, b))


def _article_forms(cls: str, key: str) -> tuple[str, ...]:
    """``key``, and the same one-word name with the article or without it where that is
    the same referent: an organisation, place or thing (الفيفا / فيفا, الأكراد / أكراد),
    unless the gazetteer writes the place in one of the two forms only (قطر / القطر "the
    diameter", الرباط / ربات). Never persons: the family "الصالح" is no "صالح"."""
    if cls == "P" or not key or " " in key:
        return (key,)
    other = _plain(key) if key.startswith(_ARTICLED) else _ARTICLED + key
    return (key, other) if _places(key) == _places(other) else (key,)


def _resolve_bare(
    uf: UnionFind,
    node_of: dict[tuple[int, int], str],
    bare: list[tuple[int, int, str]],
    articled: Mapping[str, set[bool]],
) -> None:
    """A one-word person name with no fuller name in its article goes to the person whose
    surname it is across the corpus, when one such person dominates and writes it as the
    bare name does, with the article or without (a bare "سلمان" is no "عبدالله السلمان")."""
    weight: Counter[str] = Counter(uf.find(n) for n in node_of.values())
    surnames: dict[str, set[str]] = defaultdict(set)
    written: dict[str, set[bool]] = defaultdict(set)
    # Person names a word starts and ends, and how often it stands alone.
    firsts, lasts = Counter[str](), Counter[str]()
    alone = Counter(key for _, _, key in bare)
    for node in uf.parent:
        cls, key = node.split("|", 1)
        words = key.split()
        if cls == "P" and len(words) > 1:
            firsts[words[0]] += 1
            lasts[words[-1]] += 1
            if words[-2] not in _NO_SURNAME_AFTER:
                root = uf.find(node)
                surnames[words[-1]].add(root)
                written[root] |= articled.get(node) or {False, True}
    # One surname scan per distinct bare form, not per mention ("ترامب" stands alone
    # thousands of times in a week of news).
    ranked_for: dict[str, list[str]] = {}
    for d, i, key in bare:
        plain = _plain(key)
        with_article = key.startswith(_ARTICLED)
        ranked = ranked_for.get(plain)
        if ranked is None:
            roots: set[str] = set()
            for surname, owners in surnames.items():
                if _same_token(surname, plain):
                    roots |= owners
            ranked = ranked_for[plain] = sorted(roots, key=lambda r: (-weight[r], r))
        # A bare given name ("عبدالله", "سعد") names someone else more often than the
        # person whose surname it is, unless he is written in full as often as it stands
        # alone ("هادي" of "عبد ربه منصور هادي"); with the article it is a family name.
        given = not with_article and firsts[plain] > lasts[plain]
        if (
            ranked
            and not (given and weight[ranked[0]] < alone[key])
            and (len(ranked) == 1 or weight[ranked[0]] >= SURNAME_DOMINANCE * weight[ranked[1]])
            and with_article in written[ranked[0]]
        ):
            node_of[(d, i)] = ranked[0]
        else:
            node_of[(d, i)] = _node("P", key)
            uf.find(node_of[(d, i)])
    _join_similar(uf)


def _display_name(mentions: list[Mention]) -> str:
    forms = Counter(m.text for m in mentions)
    multi = {f: c for f, c in forms.items() if len(f.split()) > 1}
    pool = multi if mentions[0].type == "PER" and multi else forms
    return max(pool, key=lambda f: (pool[f], len(f), f))


def _build(
    docs: list[Document],
    uf: UnionFind,
    node_of: dict[tuple[int, int], str],
    sense_names: Mapping[str, str],
) -> list[Entity]:
    members: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for (d, i), node in sorted(node_of.items()):
        members[uf.find(node)].append((d, i))
    entities: list[Entity] = []
    used: set[str] = set()
    for root in sorted(members):
        refs = members[root]
        ms = [docs[d].mentions[i] for d, i in refs]
        votes = Counter(m.type for m in ms)
        kind = max(_TYPE_ORDER, key=lambda t: (votes[t], -_TYPE_ORDER.index(t)))
        sensed = [sense_names[node_of[r]] for r in refs if node_of[r] in sense_names]
        name = sensed[0] if sensed else _display_name([m for m in ms if m.type == kind])
        digest = hashlib.sha1(f"{kind}|{fold(name)}".encode()).hexdigest()[:16]
        eid = f"e_{digest}"
        n = 1
        while eid in used:
            n += 1
            eid = f"e_{digest}_{n}"
        used.add(eid)
        roles: list[str] = []
        for m in ms:
            if m.role and m.role not in roles:
                roles.append(m.role)
            m.entity_id = eid
        entities.append(
            Entity(
                id=eid,
                name=name,
                type=kind,
                aliases=sorted({m.text for m in ms}),
                roles=roles,
                mentions=[
                    EntityMention(
                        docs[d].id,
                        docs[d].mentions[i].start,
                        docs[d].mentions[i].end,
                        docs[d].mentions[i].text,
                    )
                    for d, i in refs
                ],
            )
        )
    entities.sort(key=lambda e: (-len(e.mentions), e.name, e.id))
    return entities
