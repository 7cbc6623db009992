"""Turn one scraped text into clean articles: boilerplate out, metadata lifted, glued-on
articles split off.

The text is handled line by line. Each line is first classified on its own (boilerplate
phrase, attribution, credit, caption, plain text); structure (title, date line, "read
also" blocks) is then decided from the sequence of classified lines.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import PurePath

from marsad.clean import meta
from marsad.clean.punct import DAMAGE_MIN, repair, stop_damage
from marsad.clean.tables import (
    GLUED,
    boilerplate,
    boilerplate_for_long_lines,
    fold,
    photo_credit_words,
)
from marsad.model import Article, RawDocument
from marsad.text import normalize, normalize_with_map, strip_invisible

# Headlines are short: ANT v2.1 titles have a median of 8 words, 99.9th percentile 17 and
# a maximum of 21 (31,526 titles); a line longer than this is a paragraph.
HEADLINE_MAX_WORDS = 22
# A glued-on article has at least this many prose paragraphs after its headline; one
# paragraph after a single link is more often the host article going on (BBC, CNN in ANT).
MIN_APPENDED_PARAS = 2
# Date lines sit in the first few lines, under the title (seed 003: title, blank, date).
DATE_WINDOW = 4
# Bylines/datelines such as "عين اليوم – متابعات" or "ماجد هود ومحمد المرحبي ـ جدة" open
# the text (SaudiNewsNet). Of its 1,917 "X – Y" lines among the first three lines, 1,678
# have 3-5 words and 165 have 6; from 8 words up they are salutations and sentences
# ("صاحب الجلالة الملك ... - حفظه الله -"), which are content.
BYLINE_WINDOW = 3
BYLINE_MAX_WORDS = 6
# Image captions are one short line: seed 003's has 13 words, and every caption line found
# in ANT + SaudiNewsNet (16 lines) has at most 14; a longer line is a paragraph.
CAPTION_MAX_WORDS = 20
# Attribution and credit lines are short: a prefix of up to 2 words and a name of at most
# meta.ATTRIBUTION_MAX_WORDS, or a handful of agency names ("فرانس 24/ أ ف ب/ رويترز" is 7
# words); longer lines are not parsed for them.
CREDIT_LINE_MAX_WORDS = meta.ATTRIBUTION_MAX_WORDS + 3
# Length of Article.id in hex digits (64 bits: no collision expected below ~10^9 articles).
ID_HEX_DIGITS = 16
# A social footer "الموقع العربي للدفاع والتسليح | Facebook" names the site; longer text
# before the bar is a sentence, not a name (site names in the seeds and SaudiNewsNet footers
# run 1-6 words).
FOOTER_NAME_MAX_WORDS = 8

_BULLETS = "•●▪◦·"
_END_SYMBOLS = " \t+-–—*•●▪◦·|:.,;!?/\\()[]{}<>«»\"'“”=_~#"
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_EMAIL_OR_URL = re.compile(r"^(?:[^\s:]{1,15} ?: ?)?(?:\S+@\S+\.\w+|https?://\S+|www\.\S+)$")
_TIME_ONLY = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?(?:\s+\S{1,2}){0,2}$")
_SPACE_COLON = re.compile(r"\s+:")
_TRAILING_PAREN = re.compile(r"^(?P<body>.*?\S)?\s*\((?P<inner>[^()]{1,60})\)$")
_SENTENCE_END = tuple('.!?؟:"”»')
_TAIL_AFTER = frozenset('.!?؟…"”»)')
_BYLINE = re.compile(r"^[^.،,:!?؟()]{2,40}\s[–ـ-]\s[^.،,:!?؟()]{2,40}$")
_CONJUNCTION_START = ("و", "ف")
_END_MATTER = frozenset({"attr", "credit", "tags", "cms", "contributor", "notice"})


@dataclass
class _Line:
    text: str
    key: str
    kind: str
    credit: meta.Credit | None = None
    attribution: meta.Attribution | None = None

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def bullet(self) -> bool:
        return self.text[:1] in _BULLETS

    @property
    def headline_like(self) -> bool:
        """Short and not closed like a sentence: a title, sub-heading or link text."""
        if self.kind != "text":
            return False
        if self.bullet:
            return True
        ends_clause = _closes_sentence(self.text) or self.text.endswith((":", "،", ","))
        return self.words <= HEADLINE_MAX_WORDS and not ends_clause

    @property
    def prose(self) -> bool:
        return self.kind == "text" and not self.headline_like


def _key_of(folded: str) -> str:
    return _SPACE_COLON.sub(":", folded).strip(_END_SYMBOLS)


def _match_key(text: str) -> str:
    return _key_of(fold(text))


def _caption_or_credit(text: str) -> tuple[str, meta.Credit | None]:
    """Classify a line ending in a parenthesised group: a photo caption, a closing credit."""
    m = _TRAILING_PAREN.match(text)
    if not m:
        return "text", None
    inner, body = m.group("inner"), (m.group("body") or "").strip()
    credit = meta.parse_credit(inner)
    if credit is not None and not credit.outlet:
        if not body:
            return "credit", credit
        # "... 2010م. (أ ف ب)" is a closing credit; "ونقلته وكالة الأنباء (سبوتنيك)" is prose.
        if body.endswith(_SENTENCE_END):
            return "trailing_credit", credit
        return "text", None
    inner_key = fold(inner)
    photo = "/" in inner or any(
        re.search(rf"(?<!\w){re.escape(w)}(?!\w)", inner_key) for w in photo_credit_words()
    )
    if not photo:
        return "text", None
    if not body or (not body.endswith(_SENTENCE_END) and len(body.split()) <= CAPTION_MAX_WORDS):
        return "caption", None
    return "text", None


def _closes_sentence(text: str) -> bool:
    return text.endswith(".") and not text.endswith("..")


def _tail_can_follow(before: str) -> bool:
    """A glued-on tail follows a finished sentence, or a Latin token (an e-mail address)."""
    if not before:
        return True
    last = before[-1]
    return last in _TAIL_AFTER or (last.isascii() and last.isalpha())


def _trim(text: str) -> tuple[str, str]:
    """Cut widget text glued onto a line: a lead-in ("Next Previous") or a tail link.

    Returns the line and its folded form (folding is the costly step; done once here).
    """
    folded = fold(text)
    for phrase in boilerplate():
        if phrase.match not in GLUED or phrase.text not in folded:
            continue
        folded, offsets = normalize_with_map(text)
        if phrase.match == "lead":
            if folded.startswith(phrase.text):
                text = text[offsets[len(phrase.text) - 1] + 1 :].strip()
                folded = fold(text)
            continue
        for m in re.finditer(re.escape(phrase.text), folded):
            before = text[: offsets[m.start()]].rstrip()
            if phrase.match == "cut" or _tail_can_follow(before):
                text = before
                folded = fold(text)
                break
    return text, folded


def _classify(text: str) -> _Line:
    text, folded = _trim(text)
    key = _key_of(folded)
    if not _LETTER_OR_DIGIT.search(text):
        return _Line(text, key, "sep")
    if _TIME_ONLY.match(text):
        return _Line(text, key, "time")
    if _EMAIL_OR_URL.match(text):
        return _Line(text, key, "contact")
    words = len(text.split())
    limit, long_rows = boilerplate_for_long_lines()
    for phrase in boilerplate() if words <= limit else long_rows:
        if not phrase.hits(key, words):
            continue
        if phrase.kind != "related":
            return _Line(text, key, phrase.kind)
        if key == phrase.text:
            return _Line(text, key, "related_head")
        # An inline link is a headline, never closed by a stop ("قد يهمك أن تعلم ... ." is prose).
        if not _closes_sentence(text):
            return _Line(text, key, "related_inline")
    if words > CREDIT_LINE_MAX_WORDS:
        return _Line(text, key, "text") if not text.endswith(")") else _paren_line(text, key)
    attribution = meta.parse_attribution(text)
    if attribution is not None:
        known = meta.credit_name(attribution.name)
        if attribution.target != "credit" or known is not None:
            return _Line(text, key, "attr", attribution=attribution)
    credit = meta.parse_credit(text)
    if credit is not None:
        return _Line(text, key, "credit", credit=credit)
    return _paren_line(text, key)


def _paren_line(text: str, key: str) -> _Line:
    kind, credit = _caption_or_credit(text)
    return _Line(text, key, kind, credit=credit)


def _ended(lines: list[_Line]) -> bool:
    """Whether the article before a "read also" marker closed with end matter."""
    for line in reversed(lines):
        if line.kind == "text":
            return False
        if line.kind in _END_MATTER:
            return True
    return False


def _continues(line: _Line) -> bool:
    """A paragraph opening with a conjunction (و/ف) carries on the text before it."""
    first = line.text.split()[0] if line.text.split() else ""
    return first.startswith(_CONJUNCTION_START) and len(first) > 2


@dataclass
class _Part:
    lines: list[_Line]
    title: _Line | None = None
    appended: list[_Part] = field(default_factory=list)


def _split(lines: list[_Line]) -> _Part:
    """Cut the text at a "read also" marker followed by one headline and prose."""
    out: list[_Line] = []
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        if line.kind != "related_head":
            out.append(line)
            i += 1
            continue
        ended = _ended(out)
        j = i + 1
        while j < n and lines[j].kind in ("cms", "sep", "widget", "notice"):
            ended = ended or lines[j].kind == "cms"
            j += 1
        heads: list[int] = []
        while j < n and lines[j].headline_like:
            heads.append(j)
            j += 1
        prose = 0
        k = j
        while k < n and lines[k].kind == "text":
            prose += lines[k].prose
            k += 1
        if (
            len(heads) == 1
            and not lines[heads[0]].bullet
            and prose >= MIN_APPENDED_PARAS
            and (ended or not _continues(lines[j]))
        ):
            rest = _split(lines[j:])
            part = _Part(out)
            part.appended = [_Part(rest.lines, title=lines[heads[0]]), *rest.appended]
            return part
        i = j
    return _Part(out)


@dataclass
class _Fields:
    text: str
    title: str | None
    published: str | None
    outlet: str | None
    agencies: list[str]


def _add(names: list[str], new: list[str]) -> None:
    for name in new:
        if name not in names:
            names.append(name)


def _inline_agencies(line: _Line) -> list[str]:
    """Agency credits at the end of a flattened widget line ("... المصدر: د ب أ")."""
    words = line.text.split()
    for start in range(len(words)):
        attribution = meta.parse_attribution(" ".join(words[start:]))
        if attribution is not None:
            hit = meta.credit_name(attribution.name)
            return [hit[0]] if hit and hit[1] == "agency" else []
    return []


def _apply_attribution(att: meta.Attribution, fields: _Fields) -> None:
    hit = meta.credit_name(att.name)
    if hit is not None and hit[1] in ("agency", "generic"):
        _add(fields.agencies, [hit[0]] if hit[1] == "agency" else [])
        return
    name = hit[0] if hit is not None else att.name
    if att.target in ("source", "outlet") and fields.outlet is None:
        fields.outlet = name
    else:
        _add(fields.agencies, [name])


def _is_byline(line: _Line) -> bool:
    return line.words <= BYLINE_MAX_WORDS and _BYLINE.match(line.text) is not None


def _footer_site(line: _Line) -> str | None:
    """The site name before the bar of a social footer, used when nothing else names one."""
    name = line.text.split("|", 1)[0].strip(_END_SYMBOLS) if "|" in line.text else ""
    return name if name and len(name.split()) <= FOOTER_NAME_MAX_WORDS else None


def _build(part: _Part, title: str | None, outlet: str | None) -> _Fields:
    fields = _Fields("", title, None, outlet, [])
    footer_site: str | None = None
    kept: list[_Line] = []
    for idx, line in enumerate(part.lines):
        kind = line.kind
        if kind == "text":
            top = not any(k.prose for k in kept)
            if top and idx < DATE_WINDOW:
                date = meta.parse_date_line(line.key)
                if date is not None:
                    fields.published = fields.published or date.published
                    _add(fields.agencies, date.agencies)
                    continue
            if top and idx < BYLINE_WINDOW and _is_byline(line):
                continue
            kept.append(line)
        elif kind == "trailing_credit" and line.credit is not None:
            _add(fields.agencies, line.credit.agencies)
            body = _TRAILING_PAREN.match(line.text)
            text = (body.group("body") or "") if body else line.text
            kept.append(_Line(text, _match_key(text), "text"))
        elif kind == "attr" and line.attribution is not None:
            _apply_attribution(line.attribution, fields)
        elif kind == "credit" and line.credit is not None:
            _add(fields.agencies, line.credit.agencies)
            if line.credit.outlet and fields.outlet is None:
                fields.outlet = line.credit.outlet
        elif kind == "related_inline":
            _add(fields.agencies, _inline_agencies(line))
        elif kind == "footer":
            footer_site = footer_site or _footer_site(line)
    fields.outlet = fields.outlet or footer_site
    if (
        fields.title is None
        and kept
        and kept[0].headline_like
        and not kept[0].bullet
        and any(k.prose for k in kept[1:])
    ):
        fields.title = kept.pop(0).text
    seen = {_match_key(fields.title)} if fields.title else set()
    damaged = stop_damage("\n".join(k.text for k in kept)) >= DAMAGE_MIN
    paragraphs: list[str] = []
    for line in kept:
        if line.key in seen:
            continue
        seen.add(line.key)
        fixed = repair(line.text, damaged)
        if paragraphs and paragraphs[-1].endswith(("،", ",")) and line.prose:
            paragraphs[-1] = paragraphs[-1] + " " + fixed
        else:
            paragraphs.append(fixed)
    fields.text = "\n".join(paragraphs)
    return fields


def article_id(text: str, title: str | None, origin: str) -> str:
    """Stable content id: the same story in two outlets is two articles, re-runs agree."""
    payload = "\x1f".join((normalize(title or ""), normalize(text), origin))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:ID_HEX_DIGITS]


def _article(fields: _Fields, raw: RawDocument, parent_id: str | None) -> Article:
    # A file is known by its name, not its folder: the same files read from another
    # checkout, mount or working directory keep their ids (and re-running adds nothing).
    origin = raw.url or fields.outlet or PurePath(raw.source).name
    language = meta.guess_language(fields.text)
    if language == "und" and raw.language:
        language = raw.language
    return Article(
        id=article_id(fields.text, fields.title, origin),
        source=raw.source,
        text=fields.text,
        title=fields.title,
        outlet=fields.outlet,
        agencies=fields.agencies,
        published=fields.published,
        language=language,
        parent_id=parent_id,
        url=raw.url,
    )


def clean(raw: RawDocument) -> list[Article]:
    """The main article first, then any article glued on after a "read also" marker."""
    text = strip_invisible(raw.text)
    lines = [_classify(" ".join(s.split())) for s in text.splitlines() if s.strip()]
    lines = [line for line in lines if line.text]
    part = _split(lines)
    main = _build(part, raw.title.strip() if raw.title else None, raw.outlet)
    if raw.published:
        main.published = raw.published
    others = [_build(p, p.title.text if p.title else None, main.outlet) for p in part.appended]
    outlet = main.outlet or next((o.outlet for o in others if o.outlet), None)
    for fields in [main, *others]:
        fields.outlet = outlet
    articles: list[Article] = []
    parent: str | None = None
    for fields in [main, *others]:
        if not fields.text:
            continue
        article = _article(fields, raw, parent)
        parent = parent or article.id
        articles.append(article)
    return articles
