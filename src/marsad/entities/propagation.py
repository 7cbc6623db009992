"""Cross-article name propagation: a name the tagger found in one article is a name in the
others that write it.

The CRF sees one sentence at a time, and the rules in ``refine`` one article at a time, so a
rare name (a small town, a new official) found in one report of a developing story is missed
in the next report that writes it in a harder sentence. Every outlet's report of one event
repeats such names, and they are what ties the reports into one story. This corpus stage
adds a mention wherever a name recognised elsewhere stands untagged, with the majority type
it was given across the corpus, when the tagger itself found it often enough to trust
(``MIN_TAGGED_SHARE``): a common word it typed once by mistake stays a common word.
"""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from marsad.entities._data import read_rows
from marsad.entities.features import stem
from marsad.entities.linking import fold, word_start
from marsad.entities.recognize import PARTICLES, RARE_BEFORE_NAMES, bare_reading
from marsad.entities.refine import (
    ARTICLE,
    ARTICLE_PREFIXES,
    GIVEN_NAMES,
    MAQSURA,
    MIN_NAME_CHARS,
    PLACE_OPENERS,
    TATWEEL,
    common_reading,
    has_tanween,
    in_invocation,
    is_nisba,
    is_surname,
    likely_forms,
)
from marsad.entities.tagger import get_tagger
from marsad.model import Document, EntityType, Mention
from marsad.text import Token, normalize, normalize_with_map, tokenize

# A name is spread only when the tagger itself found it in at least this share of the
# articles that write it: "منسوبي" (employees of), typed PER in one of 33 articles of a
# SaudiNewsNet day, stays out; a town tagged in one of five reports of a quake gets in.
# bench/ner_corpus.py (ANERcorp's held-out sixth as 33 articles of 20 sentences, shipped
# two-pass model): F1 0.7355 without spreading, 0.7386 spreading every name, 0.7393 at
# 0.1-0.2, 0.7439 at 0.3, 0.7449 at 0.5. There few names recur in more than two articles,
# while in a developing story a new name is often caught in one report of five, which 0.3
# and up would not spread. Story B-cubed F1 on the SaudiNewsNet gold day (bench/stories.py
# --entities): 0.948 without spreading, 0.945 spreading every name, 0.946 at 0.2-0.3,
# 0.947 at 0.5. Re-measured with the mention-replacement model: ANERcorp 0.7520 at 0.2,
# 0.7567 at 0.3, 0.7594 at 0.5; stories 0.945 at 0.2 and at 0.5; at 0.5 the seeds lose
# "المحيطين الهندي والهادئ", and at 0.3 SaudiNewsNet 2015-08-09 loses 568 spread
# mentions, mostly towns ("الطائف" 71, "الضالع" 32, "لحج" 29), some wrong ("السنة" 33).
MIN_TAGGED_SHARE = 0.2
# A surname stands for the person another report names in full ("لبوتين" after "فلاديمير
# بوتين") only where at least this share of the articles writing it, alone or in the full
# name, have it tagged. Arab surnames are often ordinary words ("جميل", "حسن", "شيخ"): with
# every tagged full name and the share above, SaudiNewsNet 2015-07-22 gained 493 mentions,
# most of them such words; at a half still 136, many after a tagger's slip typed once as a
# name ("سائق تاكسي"), hence the gazetteer's public figures only (:func:`surnames`).
MIN_SURNAME_SHARE = 0.5
# A mention "بالأحساء" loses its clitic when the corpus names "الأحساء" (same type) at
# least this many times and at least as often as "بالأحساء": ``recognize`` decides from
# the news-text counts, where a local town may be too rare. On two SaudiNewsNet days it
# was not written on (2015-08-09 and 07-26, 2,700 articles) it cut 149 mentions, 146 of
# them at a real clitic ("لبلاتر"، "وأستون فيلا"، "بأجاديز"; some on common nouns the
# tagger had taken for names), 3 wrongly ("لليفيترا", "بدينا", "للبنين" -> Benin). On the day it
# was written on (08-02), the wrong cuts were after "ف" ("فيمن" -> "يمن"): hence "ف" and
# "ك" need the article after them, as in ``recognize``.
MIN_BARE_MENTIONS = 2
# A one-word name of at most this many letters is spread only as some mention wrote it:
# normalisation folds hamza and alef, which makes the agency "وام" (as its own article
# quotes it) of "وأم" (and a mother), "واس" of "وإس" (and S, a phone model) and Apple
# "أبل" of "وابل" (a hail of); written with its vowels ("نَصْرُ", "لِي") such a word was
# verse or scripture on SaudiNewsNet 2015-07-22, never the name. Longer names need the
# fold: "اسرائيل" / "إسرائيل", and "للأسد" is "الأسد" (Assad).
MAX_AS_WRITTEN_CHARS = 3
# Longest name looked for, in words: longer spans are almost always a name plus the words
# the tagger ran on into, and repeat verbatim too seldom to matter.
MAX_NAME_WORDS = 5

_Key = tuple[str, ...]
# Words never propagated alone, nor as a whole name: particles, pronouns, the trigger
# words that stand before names (وزارة، الرئيس) and are tagged as part of them now and then,
# and the openers of foreign names ("سان": spread alone, it tagged "على لسان").
_STOP = PLACE_OPENERS | frozenset(
    normalize(r[0]) for name in ("function_words.tsv", "triggers.tsv") for r in read_rows(name)
)


def _key(text: str) -> _Key:
    return tuple(normalize(t.text) for t in tokenize(text))


def candidate_names(docs: Sequence[Document]) -> dict[_Key, EntityType]:
    """Each name recognised somewhere, with its majority type; names typed two ways in
    equal numbers are left out (the corpus cannot say which it is)."""
    stop = _STOP
    votes: dict[_Key, Counter[EntityType]] = defaultdict(Counter)
    keys: dict[str, _Key] = {}
    for doc in docs:
        for m in doc.mentions:
            key = keys.get(m.text)
            if key is None:
                key = keys[m.text] = _key(m.text)
            if not key or len(key) > MAX_NAME_WORDS or all(w in stop for w in key):
                continue
            if not any(c.isalpha() for c in "".join(key)):
                continue
            votes[key][m.type] += 1
    out: dict[_Key, EntityType] = {}
    for key, vote in votes.items():
        top = vote.most_common(2)
        if len(top) == 1 or top[0][1] > top[1][1]:
            out[key] = top[0][0]
    return out


def surnames(
    names: Mapping[_Key, EntityType], known: Mapping[tuple[str, ...], str]
) -> dict[_Key, _Key]:
    """The surname of each full person name the tagger's gazetteer ``known`` lists (public
    figures news names after a title), which other reports write alone: one report names
    "فلاديمير بوتين", the next only "لبوتين". Within one article ``refine`` spreads any
    surname; across articles the full name counts as a tagged occurrence of it
    (``MIN_SURNAME_SHARE``)."""
    return {
        key: key[-1:]
        for key, kind in names.items()
        if kind == "PER"
        and len(key) > 1
        and is_surname(key[-1])
        and known.get(tuple(stem(w) for w in key)) == "PER"
    }


@dataclass
class _Occurrence:
    key: _Key
    start: int  # the name's first character, clitics off
    end: int
    tagged: bool  # the article's own mentions already cover part of it
    exact: bool  # one of them is this very name
    head: Mention | None  # the one mention covering it, when that is only its first words
    # Written as no name is: with tanween ("كفيفاً", blind, read "ك" + "فيفا"), one word
    # where it reads as a common word ("التنافس الشريف", "تحقيق النصر", "دعم مالي";
    # refine.common_reading), or in a religious formula ("بحمد الله"). Still counted as
    # found.
    common: bool


class _Matcher:
    """Finds known names in token streams: longest match first, clitics peeled off the
    first word only when that reading is likely (``refine.likely_forms``)."""

    def __init__(self, names: Mapping[_Key, EntityType], counts: Mapping[str, int]) -> None:
        self.names = names
        self.counts = counts
        self.firsts = frozenset(k[0] for k in names)
        self._forms: dict[str, list[str]] = {}
        self._norms: dict[str, str] = {}

    def _first_forms(self, word: str) -> list[str]:
        forms = self._forms.get(word)
        if forms is None:
            forms = [f for f in likely_forms(word, self.counts) if f in self.firsts]
            self._forms[word] = forms
        return forms

    def _norm(self, word: str) -> str:
        norm = self._norms.get(word)
        if norm is None:
            norm = self._norms[word] = normalize(word)
        return norm

    def occurrences(self, doc: Document) -> list[_Occurrence]:
        text = doc.article.text
        tokens = tokenize(text)
        owner = [-1] * len(text)
        for n, m in enumerate(doc.mentions):
            owner[m.start : m.end] = [n] * (m.end - m.start)
        words = [t.text for t in tokens]
        out: list[_Occurrence] = []
        i = 0
        while i < len(tokens):
            key = self._longest(tokens, i)
            if key is None:
                i += 1
                continue
            first, last = tokens[i], tokens[i + len(key) - 1]
            start = first.start + _clitics(first.text, key[0])
            covering = {n for n in owner[first.start : last.end] if n >= 0}
            only = doc.mentions[min(covering)] if len(covering) == 1 else None
            exact = only is not None and (only.start, only.end) == (start, last.end)
            head = (
                only if only is not None and only.start == start and only.end < last.end else None
            )
            # Two words back: a quotation mark may stand before the name.
            before = [t.text for t in tokens[max(0, i - 2) : i + 1]]
            common = (
                has_tanween(first.text)
                or (len(key) == 1 and common_reading(before, len(before) - 1))
                or any(in_invocation(words, j) for j in range(i, i + len(key)))
            )
            out.append(_Occurrence(key, start, last.end, bool(covering), exact, head, common))
            i += len(key)
        return out

    def _longest(self, tokens: list[Token], i: int) -> _Key | None:
        firsts = self._first_forms(tokens[i].text)
        if not firsts:
            return None
        after = [self._norm(t.text) for t in tokens[i + 1 : i + MAX_NAME_WORDS]]
        for n in range(min(MAX_NAME_WORDS, len(tokens) - i), 0, -1):
            rest = tuple(after[: n - 1])
            for first in firsts:
                if (first, *rest) in self.names:
                    return (first, *rest)
        return None


def _continues_name(word: str, counts: Mapping[str, int]) -> bool:
    """Whether ``word`` may be the next word of a name rather than what follows one: no
    clitic reading ("للمحترفين", "بأم"), no number, function word or adjective of origin."""
    norm = normalize(word)
    if not norm.isalpha() or norm in _STOP or is_nisba(norm):
        return False
    seen = max(1, counts.get(norm, 0))
    return not any(
        norm.startswith(p) and counts.get(bare_reading(p, norm[len(p) :]), 0) >= seen
        for p in PARTICLES
    )


def _complete(doc: Document, occ: _Occurrence, kind: EntityType, counts: Mapping[str, int]) -> None:
    """Run the mention that holds the first words of ``occ`` on to the whole name, when the
    words it gains may be part of a name and stay in one paragraph.

    The tagger cuts rare foreign names short ("يون سوك" of "يون سوك يول") where another
    report has them whole. Read on SaudiNewsNet days (every completion): 2015-07-26 25,
    21 right ("محمد حسنين هيكل", "ذي ديلي نيشن", "الاتحاد السعودي لكرة القدم"), 4 wrong
    ("ستار عنوان", "الفيصل شاهد", a street typed PER); 2015-08-09 18, 14 right ("توني تان
    كنق يام", "المدينة المنورة"), 1 wrong ("جيمس هولمز المدان"), 3 mentions already wrong
    run on further; 2015-08-02 14, all right ("خالد محفوظ بحاح", "مبارك واكاسو"). Before
    ``_continues_name`` and the paragraph test, written reading 08-09, it had 30 there, 13
    wrong ("مجلس الأمن 2216", "عبد العزيز للعلوم", "تنظيم القاعدة الإرهابي").
    """
    head = occ.head
    if head is None or head.type != kind:
        return
    after = doc.article.text[head.end : occ.end]
    if "\n" not in after and all(_continues_name(w, counts) for w in after.split()):
        head.end = occ.end
        head.text = doc.article.text[head.start : occ.end]


# Mention texts whose linking key is kept: each recurs across a corpus's articles, and
# the corpus passes fold them more than once (as refine.BARE_FORMS_CACHE).
FOLD_CACHE = 1 << 16


@lru_cache(maxsize=FOLD_CACHE)
def _folded(text: str) -> str:
    return fold(text)


def _clitics(word: str, bare: str) -> int:
    """Characters of ``word`` before the name ``bare`` it was matched as: "بملاطية" ->
    1; "للناتو" (ل + ال, alef dropped) -> 2, as ``recognize`` cuts it."""
    norm, source = normalize_with_map(word)
    cut = len(norm) - len(bare) + (0 if norm.endswith(bare) else len(ARTICLE))
    # Mapped back to the written word: a tatweel after the clitic goes with it ("بـمصر").
    return source[cut] if cut else 0


def peel_clitics(docs: Sequence[Document]) -> int:
    """Cut a proclitic off mentions whose bare form the corpus names more often; returns
    mentions changed. A gazetteer name or given name is never cut ("وجدة" is Oujda)."""
    res = get_tagger().resources
    votes = Counter((_folded(m.text), m.type) for doc in docs for m in doc.mentions)
    changed = 0
    for doc in docs:
        for m in doc.mentions:
            cut = _corpus_clitic(m, votes, res.names, res.counts)
            if cut:
                m.start += cut
                m.text = m.text[cut:]
                changed += 1
    return changed


def restore_clitics(docs: Sequence[Document]) -> int:
    """Give back the letters ``recognize`` cut off as a clitic where the corpus names the
    whole word (at least ``MIN_BARE_MENTIONS`` mentions written as a word of their own)
    and never names what is left on its own; returns mentions changed. The news-text
    counts make "ريكس" (Rex, 110 times) of "بريكس" (BRICS, 9): SaudiNewsNet 2015-07-22
    had "مجموعة ب[ريكس]" 12 times while its quoted '«بريكس»' was kept whole 9 times. The
    mention takes the type the whole word was named with. A gazetteer name left is a name
    of its own ("وبوتين"), never given the letter back."""
    names = get_tagger().resources.names
    whole: defaultdict[str, Counter[EntityType]] = defaultdict(Counter)
    for doc in docs:
        for m in doc.mentions:
            if word_start(doc.article.text, m.start) == m.start:
                whole[_folded(m.text)][m.type] += 1
    changed = 0
    for doc in docs:
        text = doc.article.text
        for m in doc.mentions:
            start = word_start(text, m.start)
            if start == m.start or _folded(m.text) in whole or normalize(m.text) in names:
                continue
            for i in range(m.start - 1, start - 1, -1):
                types = whole.get(_folded(text[i : m.end]))
                if types is not None and types.total() >= MIN_BARE_MENTIONS:
                    m.start, m.text, m.type = i, text[i : m.end], types.most_common(1)[0][0]
                    changed += 1
                    break
    return changed


def _corpus_clitic(
    m: Mention,
    votes: Mapping[tuple[str, EntityType], int],
    names: Collection[str],
    counts: Mapping[str, int],
) -> int:
    norm, source = normalize_with_map(m.text)
    words = norm.split()
    if not words or norm in names or words[0] in GIVEN_NAMES or has_tanween(m.text):
        return 0
    prefix = next((p for p in PARTICLES if words[0].startswith(p)), None)
    if prefix is None:
        return 0
    bare = bare_reading(prefix, norm[len(prefix) :])
    bare_first = bare.split()[0]
    if len(bare_first) < MIN_NAME_CHARS:
        return 0
    if prefix in RARE_BEFORE_NAMES and not bare.startswith(ARTICLE_PREFIXES):
        return 0
    # News text writing the whole more often than the bare word says it is a word of its
    # own: "لصالح" (in favour of) is no "ل" + "صالح".
    if counts.get(words[0], 0) > counts.get(bare_first, 0):
        return 0
    seen = votes.get((_folded(bare), m.type), 0)
    return (
        source[len(prefix)]
        if seen >= max(MIN_BARE_MENTIONS, votes.get((_folded(norm), m.type), 0))
        else 0
    )


def _as_written(text: str) -> str:
    """The letters as written, hamza and vowel marks kept: presentation forms ("ﺗﻌﺰ") and
    a tatweel ("بـدر") are how a font or a layout draws the word, not its spelling."""
    return unicodedata.normalize("NFKC", text).replace(TATWEEL, "")


def propagate(docs: Sequence[Document]) -> int:
    """Spread names across ``docs`` (the whole stored corpus); returns mentions added.

    Clitics the corpus shows to be clitics come off first (:func:`peel_clitics`), so
    "بالأحساء" is spread and linked as "الأحساء", after letters it shows to be a name's
    are given back (:func:`restore_clitics`: "ب[ريكس]" -> "بريكس"). New mentions go at
    the end of each ``doc.mentions``, so the indexes quotes and claims hold into it stay
    valid; a re-run finds them tagged and adds nothing. Where a longer name that is not
    trusted covers a trusted one, neither is added. A mention that holds only the first
    words of a name tagged whole often enough elsewhere is completed in place
    (:func:`_complete`). A public figure's surname is spread where other reports name him
    in full (:func:`surnames`). A one-word definite name is never spread where it is an
    adjective after a definite noun ("الأندية السعودية", Saudi clubs), nor any name onto a
    word with tanween, nor a short name onto another spelling (``MAX_AS_WRITTEN_CHARS``).
    """
    restore_clitics(docs)
    peel_clitics(docs)
    resources = get_tagger().resources
    counts = resources.counts
    names = candidate_names(docs)
    if not names:
        return 0
    surname_of = surnames(names, resources.gazetteer)
    surname_keys = frozenset(surname_of.values())
    # Spread only as surnames: the tagger found none of them alone.
    only_surnames = surname_keys - names.keys()
    names.update(dict.fromkeys(only_surnames, "PER"))
    as_surname = Counter[_Key]()  # articles that write the surname, alone or in full
    tagged_as_surname = Counter[_Key]()
    found = Counter[_Key]()  # articles that write the name
    tagged = Counter[_Key]()  # articles where the tagger found it at least once
    whole = Counter[_Key]()  # articles where the tagger found it whole
    short_as_written = {
        _as_written(m.text)
        for doc in docs
        for m in doc.mentions
        if len(normalize(m.text)) <= MAX_AS_WRITTEN_CHARS
    }
    untagged: list[tuple[Document, _Occurrence]] = []
    heads: list[tuple[Document, _Occurrence]] = []
    matcher = _Matcher(names, counts)
    for doc in docs:
        occurrences = matcher.occurrences(doc)
        found.update({o.key for o in occurrences})
        tagged.update({o.key for o in occurrences if o.tagged})
        # A surname is written here alone, or in its full name.
        written = [(o.key, o.tagged) for o in occurrences if o.key in surname_keys]
        written += [(surname_of[o.key], o.tagged) for o in occurrences if o.key in surname_of]
        as_surname.update({k for k, _ in written})
        tagged_as_surname.update({k for k, t in written if t})
        whole.update({o.key for o in occurrences if o.exact})
        untagged += [(doc, o) for o in occurrences if not o.tagged]
        heads += [(doc, o) for o in occurrences if o.head is not None]
    for doc, occ in heads:
        if whole[occ.key] >= max(1, MIN_TAGGED_SHARE * found[occ.key]):
            _complete(doc, occ, names[occ.key], counts)
    added = 0
    for doc, occ in untagged:
        key = occ.key
        text = doc.article.text[occ.start : occ.end]
        # Never where the word is an adjective (SaudiNewsNet 2015-08-06: "الشريف" of
        # "المصحف الشريف") or has tanween.
        if occ.common or (
            len(key) == 1
            and len(key[0]) <= MAX_AS_WRITTEN_CHARS
            and _as_written(text) not in short_as_written
        ):
            continue
        if (key not in only_surnames and tagged[key] >= MIN_TAGGED_SHARE * found[key]) or (
            key in surname_keys
            and names[key] == "PER"
            and tagged_as_surname[key] >= MIN_SURNAME_SHARE * as_surname[key]
            # Normalisation folds a final "ى" into "ي": "لا غنى عنه" is no Ashraf Ghani
            # (غني), "مرسى مطروح" no Morsi (SaudiNewsNet 2015-08-10).
            and not text.endswith(MAQSURA)
        ):
            doc.mentions.append(Mention(occ.start, occ.end, text, names[occ.key]))
            added += 1
    return added
