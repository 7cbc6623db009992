"""From CRF tags to mentions in article text: clitics off, titles kept as roles."""

from __future__ import annotations

from marsad.dates import find_dates, month_and_weekday_names, parse_published
from marsad.entities._data import read_rows
from marsad.entities.conlleval import spans
from marsad.entities.features import Resources
from marsad.entities.news import apply_conventions, is_currency, is_known_name, is_place_adjective
from marsad.entities.refine import (
    ARTICLE,
    ARTICLE_PREFIXES,
    FOR_THE,
    GIVEN_NAMES,
    MAQSURA,
    MIN_NAME_CHARS,
    NAME_PARTICLES,
    NAMED_HEADS,
    QUOTES,
    has_tanween,
    is_bare_head,
    is_place,
    is_punctuation,
    refine,
)
from marsad.entities.tagger import Tagger, get_tagger
from marsad.model import Document, EntityType, Mention
from marsad.text import Token, normalize, normalize_with_map, split_sentences, tokenize

TYPES: dict[str, EntityType] = {
    "PERS": "PER",
    "PER": "PER",
    "ORG": "ORG",
    "LOC": "LOC",
    "MISC": "MISC",
}
# A role title before a name is at most this many tokens ("نائب وزير الخارجية الروسي
# للشؤون الأفريقية" is 6); longer look-backs started to swallow the clause before it.
ROLE_WINDOW = 7
# Splitting "ل" off "لكييف" needs "كييف" seen this many times in the 18M-token news corpus
# and this many times more often than "لكييف": rarer pairs ("لويد" 17 / "ويد" 30,
# "بيونج" 0 / "يونج" 72) are names whose first letter only looks like a clitic, and
# "بحر" 534 / "حر" 351 a word that is not a clitic plus a word.
CLITIC_MIN_COUNT = 100
CLITIC_RATIO = 3
# "ف" (so) and "ك" (like) seldom come straight before a name without the article: on
# 1,000 SaudiNewsNet articles (2015-07-25, 08-02) the frequency test cut ~90 names this
# way ("كيري" -> the verb "يري", "فورد", "فادي") and none right, while "فالعراق",
# "كالبرتغال" and "كبريطانيا" were right. So after them only the article, a major place
# or a gazetteer name splits.
RARE_BEFORE_NAMES = frozenset({"ف", "ك"})
_CONJUNCTIONS = frozenset({"و", "ف"})


def _particles() -> list[str]:
    """Proclitics of one letter (و، ف، ب، ل، ك) plus "لل" (judged as "ال" + rest, see
    :func:`bare_reading`); chains like "ولل" or "وب" are peeled one step at a time."""
    rows = read_rows("clitics.tsv")
    out = [normalize(r[0]) for r in rows if r[1] == "particle" and len(normalize(r[0])) == 1]
    return sorted({*out, FOR_THE}, key=lambda p: (-len(p), p))


PARTICLES = _particles()


def bare_reading(prefix: str, rest: str) -> str:
    """The word judged when ``prefix`` is peeled off: "للناتو" by "الناتو", "بكييف" by
    "كييف"."""
    return ARTICLE + rest if prefix == FOR_THE else rest


_ROLE_HEADS = frozenset(normalize(r[0]) for r in read_rows("role_titles.tsv"))
_STOP = frozenset(normalize(r[0]) for r in read_rows("function_words.tsv"))
# A span that is a function word ("لا", "إن") is tagger noise, not a name; one that is also
# written as a given name ("على" normalises to the name "علي") is kept. Names no news
# reader follows (not_news_entities.tsv: "الله") go too.
_NOT_NAMES = (_STOP - GIVEN_NAMES) | frozenset(
    normalize(r[0]) for r in read_rows("not_news_entities.tsv")
)
_COMMAS = frozenset({",", "\u060c"})


def _conjoined_function_word(norm: str) -> bool:
    """Whether ``norm`` is a conjunction and a function word ("فأين", so where?), which
    the clitic cut leaves whole (:func:`clitic_length`: "كاين" is no "ك" + "أين"). The tagger
    had "فأين" as a person 20 times on three SaudiNewsNet days (2015-07-22, 08-06, 08-10).
    Two letters left are kept: "فاو" (FAO) is no "ف" + "أو"."""
    rest = norm[1:]
    return norm[:1] in _CONJUNCTIONS and len(rest) >= MIN_NAME_CHARS and rest in _NOT_NAMES


# A mention that is one of these is checked against its article's date expressions
# (:func:`drop_date_words`).
_DATE_WORDS = month_and_weekday_names()


def _clitic_before_name(res: Resources, norm: str, suffix: str) -> bool:
    """Whether the gazetteer name ``norm`` is more likely a clitic and another gazetteer
    name that news writes far more often: "وجدة" is the Moroccan city Oujda, and "و" +
    Jeddah; the 18M-token news corpus writes "جدة" 673 times, "وجدة" 40 (2 of them Oujda:
    "ورزازات - وجدة - تطوان"). On the 31 SaudiNewsNet days "وجدة" / "وجده" is written 298
    times, none with "مغرب" within three words (25 read: Jeddah in lists of cities, "his
    grandfather", "found him"); the stage had linked every one to Oujda (11 mentions on
    2015-08-10). Moroccan news loses Oujda for it. Only this name of the gazetteer is such
    a pair ("كسلا" / "سلا": "سلا" is never written)."""
    whole = res.counts.get(norm, 0)
    for prefix in PARTICLES:
        rest = norm[len(prefix) :]
        if not norm.startswith(prefix) or len(rest) < MIN_NAME_CHARS:
            continue
        full = bare_reading(prefix, rest)
        seen = res.counts.get(full, 0)
        if full + suffix in res.names and seen >= CLITIC_MIN_COUNT and seen >= CLITIC_RATIO * whole:
            return True
    return False


def _opens_name(res: Resources, norm: str) -> bool:
    """A known name, a major place or a word that stands before names ("تنظيم",
    "اتفاقية")."""
    return (
        is_known_name(norm)
        or is_place([norm], res.counts)
        or norm in res.triggers
        or norm in NAMED_HEADS
    )


def clitic_length(tagger: Tagger, word: str, tail: str = "", *, quoted: bool = False) -> int:
    """How many leading characters of ``word`` are attached clitics, not the name.

    ``tail`` is the rest of the mention after this word. "ولروسيا" -> 2, "بالناتو" -> 1,
    "وبحر" -> 1, but "واشنطن", "لبنان", "كييف" -> 0. Clitics are peeled one at a time while
    the rest is a gazetteer name (and the whole is not), or a much more frequent form in
    news text than the whole, or (first step only) the whole was never seen in news and
    starts with the conjunction و. Place and title head words (بحر، بلدة) and given names
    (given_names.tsv: "فيصل" is no "ف" + the verb "يصل") are kept whole. Quotes close in
    on a name (``quoted``): inside them a clitic is cut only before a name or a word that
    opens names (:func:`_opens_name`), never for frequency alone: '"بريكس"' is BRICS, not
    "ب" + "ريكس", and '"وام"' the Emirati agency. On the three SaudiNewsNet days the stage
    is read on and 700 ANT articles, quoted mentions that had lost a clitic: 37 wrongly
    ("بريكس" 9, "ووري بنك" 6, "ويندي" 7, "وام" 5), 9 rightly ("للفيفا", "بإسرائيل",
    "بتنظيم داعش").
    """
    # Cut on the normalised word, then mapped back: a tatweel or a diacritic after the
    # clitic goes with it ("بـمصر" -> 2). A word with tanween is a common word, whole
    # ("كفيفاً", blind, is no "ك" + "فيفا").
    if has_tanween(word):
        return 0
    norm, source = normalize_with_map(word)
    res = tagger.resources
    suffix = " " + normalize(tail) if tail else ""
    cut = 0
    while (
        (norm + suffix not in res.names or _clitic_before_name(res, norm, suffix))
        and norm not in res.triggers
        and norm not in GIVEN_NAMES
    ):
        whole = res.counts.get(norm, 0)
        for prefix in PARTICLES:
            rest = norm[len(prefix) :]
            if not norm.startswith(prefix) or len(rest) < 2:
                continue
            # "لين أندرسون" (Lynn) is no "ل" + "ين", "وست هام" no "و" + "ست": two letters
            # left start a name only as a head or particle ("بحي الريان"، "لآل كاسترو"،
            # "ودي ماورو") or as the first word of a gazetteer name ("وتل أبيب"). On
            # SaudiNewsNet 2015-08-09 and 07-26 (2,700 articles) this kept 32 mentions
            # whole: 27 now right ("وام", "لاس فيجاس"), 4 no name either way, 1 wrong
            # ("بتل النبي أيوب").
            if (
                len(rest) < MIN_NAME_CHARS
                and rest not in res.triggers
                and rest not in NAME_PARTICLES
                and rest + suffix not in res.names
            ):
                continue
            full = bare_reading(prefix, rest)
            seen = res.counts.get(full, 0)
            # "كاين" (Kane) is not "ك" + "اين" (where): what is left is never a function
            # word, nor a conjunction and one ("لوبين" is no "ل" + "وبين"): a conjunction
            # never follows a preposition. A given name spelled like one is a name where it
            # is written so: "وعلي" is و + the name, "وعلى" (and on) the preposition.
            spelled_as_name = full in GIVEN_NAMES and not word.endswith(MAQSURA)
            if (full in _STOP and not spelled_as_name) or (
                full[:1] in _CONJUNCTIONS and full[1:] in _STOP
            ):
                continue
            frequent = (
                seen >= CLITIC_MIN_COUNT
                and seen >= CLITIC_RATIO * whole
                and (
                    prefix not in RARE_BEFORE_NAMES
                    or full.startswith(ARTICLE_PREFIXES)
                    or is_place([full], res.counts)
                )
            )
            # A gazetteer name decides unless news writes the whole far more often:
            # "بلاتر" (Blatter, 39 times) is no "ب" + the Indian city "لاتر" (never), but
            # "وسلوفينيا" (13) is "و" + "سلوفينيا" (12).
            if (full + suffix in res.names and whole <= CLITIC_RATIO * seen) or (
                (quoted and len(rest) >= MIN_NAME_CHARS and _opens_name(res, full))
                or (
                    not quoted
                    and (frequent or (not cut and not whole and prefix == "و" and len(rest) > 2))
                )
            ):
                cut += len(prefix)
                norm = rest
                break
        else:
            break
    return source[cut] if cut else 0


def _quoted(tokens: list[Token], a: int, b: int) -> bool:
    """Whether tokens [a, b) stand between quotation marks written against them: '"وام"',
    not the closing and opening marks of two quotes ('" حرارية " وأبراج "مراقبة"')."""
    return (
        a > 0
        and b < len(tokens)
        and tokens[a - 1].text in QUOTES
        and tokens[b].text in QUOTES
        and tokens[a - 1].end == tokens[a].start
        and tokens[b - 1].end == tokens[b].start
    )


def _is_head(tok: str) -> bool:
    norm = normalize(tok)
    if norm in _ROLE_HEADS:
        return True
    return any(norm.startswith(p) and norm[len(p) :] in _ROLE_HEADS for p in PARTICLES)


def _is_stop(tok: str) -> bool:
    norm = normalize(tok)
    return norm in _STOP or not any(c.isalpha() for c in norm)


def _role(text: str, tokens: list[Token], first: int, persons: set[int]) -> str | None:
    """The title written right before token ``first`` (a person's name), if any; a title
    set off by a comma ("الأمين العام لحلف الناتو، مارك روته") counts too."""
    last = first - 1
    if last > 0 and tokens[last].text in _COMMAS:
        last -= 1
    head: int | None = None
    for i in range(last, max(-1, last - ROLE_WINDOW), -1):
        if i in persons or _is_stop(tokens[i].text):
            break
        if _is_head(tokens[i].text):
            head = i
    if head is None:
        return None
    norm = normalize(tokens[head].text)
    skip = (
        0
        if norm in _ROLE_HEADS
        else next(len(p) for p in PARTICLES if norm.startswith(p) and norm[len(p) :] in _ROLE_HEADS)
    )
    return text[tokens[head].start + skip : tokens[last].end]


def mentions_in(text: str, tagger: Tagger, *, news: bool = True) -> list[Mention]:
    """Named-entity mentions of one text (one article), with offsets into it.

    ``news=False`` keeps ANERcorp's conventions (no ``news`` rules, currencies kept): what
    bench/ner_corpus.py scores against ANERcorp's gold."""
    sentences: list[list[Token]] = []
    for s_start, s_end in split_sentences(text):
        tokens = [
            Token(t.text, t.start + s_start, t.end + s_start) for t in tokenize(text[s_start:s_end])
        ]
        if tokens:
            sentences.append(tokens)
    words = [[t.text for t in tokens] for tokens in sentences]
    tagged = refine(words, tagger.tag_document(words), tagger.resources.counts)
    if news:
        apply_conventions(words, tagged, tagger.resources.names)
    out: list[Mention] = []
    for tokens, tags in zip(sentences, tagged, strict=True):
        found = spans(tags)
        persons = {i for a, b, label in found if TYPES.get(label) == "PER" for i in range(a, b)}
        for a, b, label in found:
            kind = TYPES.get(label)
            if kind is None:
                continue
            while kind == "PER" and b - a > 1 and _is_head(tokens[a].text):
                persons.discard(a)
                a += 1
            # A run of tatweels or a dash the tagger took into the name ("آل سعود ــ").
            while b > a and is_punctuation(tokens[b - 1].text):
                b -= 1
            # A head left alone once the title before it is gone: "أمين مجلس" (secretary
            # of a council), tagged a person, and the rules' copies of "مجلس" over the
            # article (SaudiNewsNet 2015-08-10: 4).
            if a == b or (b - a == 1 and is_bare_head(tokens[a].text)):
                continue
            if (
                kind in ("LOC", "MISC")
                and b - a == 1
                and is_place_adjective(normalize(tokens[a].text), tagger.resources.names)
            ):
                continue
            tail = text[tokens[a].end : tokens[b - 1].end].strip()
            start = tokens[a].start + clitic_length(
                tagger, tokens[a].text, tail, quoted=_quoted(tokens, a, b)
            )
            end = tokens[b - 1].end
            norm = normalize(text[start:end])
            # "منطقة نجران (45.610.358) ريالا": a figure the tagger took for a name.
            if not any(c.isalpha() for c in norm):
                continue
            if norm in _NOT_NAMES or _conjoined_function_word(norm) or (news and is_currency(norm)):
                continue
            role = _role(text, tokens, a, persons) if kind == "PER" else None
            out.append(Mention(start, end, text[start:end], kind, role))
    return out


def drop_date_words(text: str, mentions: list[Mention], published: str | None) -> list[Mention]:
    """Mentions less those inside a longer date expression: "نيسان" in "في نيسان (أبريل)
    الماضي" is the month, not the carmaker, and as a name it would also hide the date from
    the timeline (the dates stage drops dates inside names). A date no longer than the
    name leaves it a name: the surname in "محمد الخميس", the paper "اليوم السابع". On three
    SaudiNewsNet days (2015-07-26, 08-02, 08-09; 4,006 articles) it dropped 43 mentions, all
    months ("نيسان" 40, "محرم" 2, "أبريل" 1)."""
    if not any(normalize(m.text) in _DATE_WORDS for m in mentions):
        return mentions
    found = [(d.start, d.end) for d in find_dates(text, parse_published(published))]
    return [
        m
        for m in mentions
        if not any(a <= m.start and m.end <= b and b - a > m.end - m.start for a, b in found)
    ]


def recognize(doc: Document) -> None:
    """Fill ``doc.mentions`` from the article text (replaces what was there)."""
    text = doc.article.text
    doc.mentions = drop_date_words(text, mentions_in(text, get_tagger()), doc.article.published)
