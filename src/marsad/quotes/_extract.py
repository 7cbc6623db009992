"""Who said what: reporting frames, quoted spans, and the speaker each one belongs to.

A *frame* is a reporting verb (or attribution phrase such as بحسب) with what follows it:
an optional subject, optional adjuncts (في بيان، للصحافيين، الإثنين), then the reported
content: a complementiser clause (إن/أن/بأن/إلى أن ...), a colon, or a quotation. Frames
are found on normalised tokens (``marsad.text.normalize_with_map``) and mapped back to
offsets in the article text. Speakers without a written subject continue the previous
speaker of the same grammatical gender, as Arabic news does with وأضاف / وتابعت.
"""

from __future__ import annotations

import bisect
import hashlib
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from marsad.model import Document, Mention, Quote, QuoteKind
from marsad.quotes._lexicon import Gender, Lexicon, Verb, lexicon
from marsad.quotes._marks import Quoted, find_quoted
from marsad.text import normalize, normalize_with_map, split_sentences, tokenize

# A quoted span of at most this many words is a scare quote or a name ("سي إن إن",
# "خطة النصر", "إف 16") unless a reporting frame introduces it directly. The brief's
# examples are one to three words; in the five seed articles every real quotation is 4+.
SCARE_MAX_WORDS = 3
# Longest subject kept after a verb: "الأمين العام لحلف شمال الأطلسي (الناتو) مارك روته"
# is 10 tokens, the longest seen in the seeds and the gold articles; two more for slack.
SUBJECT_MAX_TOKENS = 12
# Adjunct tokens allowed between subject and content. "للصحافيين، بعد محادثات مع وفد
# كوري جنوبي بشأن عمليات الانتشار الكورية الشمالية،" (seed 004) is 14 tokens; beyond
# ~18 the "content" found is almost always a different clause.
ADJUNCT_MAX_TOKENS = 18
# Words of a name set off by commas between adjuncts and content ("سفير النظام السوري في
# الأمم المتحدة، بشار الجعفري، أن", ANT SK-middleEast-982): names run to four words.
APPOSITIVE_MAX_TOKENS = 4
# Words a definite role noun may have to be resolved against earlier roles/speakers
# ("المتحدثة", "المسؤول الدفاعي", "الرئيس الأوكراني").
ROLE_MAX_WORDS = 3
# An attribution phrase (بحسب X) must leave a reported clause of at least this many
# words, or it is a source credit ("بحسب رويترز") for a number rather than speech.
MIN_CLAUSE_WORDS = 3
# A short quotation ends a frame as its content ("وقال الرئيس “لن نستسلم”") only this
# close to the subject; further away ("وصف بوتين الانتقادات ... ودعاها إلى بدء “تعاون
# حقيقي”", ANT AL-internationalNews-1550) it is a quoted phrase inside the narration.
SHORT_QUOTE_MAX_ADJUNCTS = 3
# Tokens after a closing mark within which a verb still attributes the quotation to its
# subject ("..."، قال الوزير): the comma, then the verb.
FOLLOW_GAP_TOKENS = 2
# A quotation opening a sentence with no verb of its own continues the last speaker only
# if that speaker spoke at most this many sentences before (a quoted paragraph right after
# "وقال X:"); further back the link is a guess.
OPENING_QUOTE_MAX_SENTENCES = 2
# Characters of the short hash used as the quote id (48 bits: no collisions expected
# within one article, and ids stay readable in JSON).
ID_CHARS = 12

Complement = Literal["clause", "colon", "quote"]


@dataclass
class _Tok:
    norm: str
    start: int
    end: int
    sent: int


@dataclass
class _Speaker:
    text: str | None
    mention: int | None
    gender: Gender


@dataclass
class _Frame:
    verb: Verb
    tok: int
    start: int
    sent: int
    subject: tuple[int, int] | None = None
    subject_text: str | None = None
    subject_before: bool = False
    complement: Complement | None = None
    content_start: int = 0
    content_end: int = 0
    quote: Quoted | None = None
    speaker: _Speaker | None = None
    embedded: bool = False


def quote_id(article_id: str, start: int, end: int) -> str:
    """Stable across runs and processes, so re-running the pipeline keeps quote ids."""
    return hashlib.sha1(f"{article_id}:{start}:{end}".encode()).hexdigest()[:ID_CHARS]


class _Article:
    """One article's tokens, sentences and quoted spans, with the lookups frames need."""

    def __init__(self, text: str, mentions: list[Mention]) -> None:
        self.text = text
        self.mentions = mentions
        self.lex: Lexicon = lexicon()
        self.quoted = find_quoted(text)
        self.long_quotes = [q for q in self.quoted if self._words(q.start, q.end) > SCARE_MAX_WORDS]
        self.sentences = self._sentences()
        self.toks = self._tokens()
        self.starts = [t.start for t in self.toks]
        self.verb_forms = [self.verb_of(t.norm) for t in self.toks]
        self.quote_at_open = {q.open: q for q in self.quoted}

    def verb_of(self, w: str) -> Verb | None:
        verb = self.lex.verbs.get(w)
        if verb is None and len(w) > 2 and w[0] in self.lex.verb_clitics:
            verb = self.lex.verbs.get(w[1:])
        return verb

    def _words(self, start: int, end: int) -> int:
        """Words as a reader counts them: "سي.بي.إس نيوز" is two."""
        return sum(1 for w in self.text[start:end].split() if any(c.isalnum() for c in w))

    def _sentences(self) -> list[tuple[int, int]]:
        """Sentence spans, merged where a quotation runs across a sentence end."""
        merged: list[tuple[int, int]] = []
        for start, end in split_sentences(self.text):
            if merged and any(
                q.open < merged[-1][1] and q.close >= start
                for q in self.quoted
                if q.open >= merged[-1][0]
            ):
                merged[-1] = (merged[-1][0], end)
            else:
                merged.append((start, end))
        return merged

    def _tokens(self) -> list[_Tok]:
        norm, offsets = normalize_with_map(self.text)
        toks: list[_Tok] = []
        sent = 0
        for t in tokenize(norm):
            start, end = offsets[t.start], offsets[t.end - 1] + 1
            while sent + 1 < len(self.sentences) and start >= self.sentences[sent][1]:
                sent += 1
            toks.append(_Tok(t.text, start, end, sent))
        return toks

    def in_long_quote(self, pos: int) -> bool:
        return any(q.open <= pos < q.close + 1 for q in self.long_quotes)

    def quote_starting(self, tok: _Tok) -> Quoted | None:
        return self.quote_at_open.get(tok.start)

    def sentence_start_token(self, i: int) -> int:
        j = i
        while j > 0 and self.toks[j - 1].sent == self.toks[i].sent:
            j -= 1
        return j

    def sentence_end_token(self, i: int) -> int:
        sent = self.toks[i].sent
        j = i
        while j < len(self.toks) and self.toks[j].sent == sent:
            j += 1
        return j

    def is_word(self, i: int) -> bool:
        return self.toks[i].norm[0].isalnum()

    def complementiser_width(self, i: int) -> int:
        """Tokens taken by a complementiser at ``i`` (0 when there is none)."""
        lex = self.lex
        w = self.toks[i].norm
        if w in lex.complementisers:
            return 1
        if (
            w in lex.complementiser_prepositions
            and i + 1 < len(self.toks)
            and self.toks[i + 1].norm in lex.complementisers
        ):
            return 2
        return 0


def _verb_form(art: _Article, i: int) -> Verb | None:
    return art.verb_forms[i]


def _verb_at(art: _Article, i: int) -> Verb | None:
    """A reporting verb heading a frame; "مما يؤكد أن" (relative clause) is not speech, and
    the verb of "حسبما ذكرت X" belongs to the attribution phrase before it."""
    lex = art.lex
    if i > 0 and art.toks[i - 1].norm in lex.frame_blockers:
        return None
    for back in (1, 2):
        prev = _verb_form(art, i - back) if i >= back else None
        filler_between = back == 1 or art.toks[i - 1].norm in lex.attrib_fillers
        if prev is not None and prev.kind == "attrib" and filler_between:
            return None
    return _verb_form(art, i)


def _span_text(art: _Article, first: int, last: int) -> tuple[int, int]:
    return art.toks[first].start, art.toks[last].end


def _scan_say(art: _Article, frame: _Frame, end_tok: int) -> None:
    """Read subject, adjuncts and content after a say/relay verb."""
    lex = art.lex
    subject: list[int] = []
    in_subject = frame.verb.kind != "participle"
    adjuncts = 0
    j = frame.tok + 1
    while j < end_tok:
        tok = art.toks[j]
        quote = art.quote_starting(tok)
        if quote is not None:
            after = _token_after(art, quote.close)
            ends = after >= end_tok or art.toks[after].norm in lex.commas | lex.sentence_final
            previous = art.toks[j - 1].norm
            as_object = previous in lex.object_prefixes or previous in lex.adjunct_starters
            near = adjuncts <= SHORT_QUOTE_MAX_ADJUNCTS
            introduced = (ends or not (subject or in_subject)) and near and not as_object
            if quote in art.long_quotes or introduced:
                frame.complement, frame.quote = "quote", quote
                frame.content_start = quote.start
                break
            if as_object and in_subject:
                subject = [k for k in subject if k != j - 1]
                in_subject = False
            elif in_subject:
                subject.extend(range(j, after))
            j = after
            continue
        width = art.complementiser_width(j)
        if width:
            frame.complement = "clause"
            frame.content_start = art.toks[j + width - 1].end
            break
        idiom = j + 1 < end_tok and (tok.norm, art.toks[j + 1].norm) in lex.preposition_idioms
        if tok.norm == frame.verb.preposition and not idiom:
            frame.complement = "clause"
            frame.content_start = tok.end
            break
        if tok.norm in lex.colons:
            frame.complement = "colon"
            frame.content_start = tok.end
            if j + 1 < end_tok and (q := art.quote_starting(art.toks[j + 1])) is not None:
                frame.complement, frame.quote = "quote", q
            elif j + 1 < end_tok and (width := art.complementiser_width(j + 1)):
                frame.complement = "clause"
                frame.content_start = art.toks[j + width].end
            break
        other = _verb_at(art, j)
        if tok.norm in lex.sentence_final or tok.norm in lex.clause_breakers:
            break
        if other is not None and other.kind in ("say", "relay"):
            break
        if other is not None:
            in_subject = False
            adjuncts += 1
        elif frame.verb.kind == "relay" and tok.norm in lex.relay_source_marker:
            subject, in_subject = [], True
        elif frame.verb.kind == "relay" and tok.norm in lex.relay_speech_nouns:
            in_subject = False
        elif tok.norm in lex.commas:
            opens_content = j + 1 < end_tok and (
                art.toks[j + 1].norm in lex.adjunct_starters
                or _adjunct_phrase(art, j + 1, end_tok)
                or getattr(_verb_form(art, j + 1), "kind", None) == "attrib"
                or art.complementiser_width(j + 1) > 0
                or art.quote_starting(art.toks[j + 1]) is not None
            )
            if not opens_content and not (in_subject and subject):
                named_end = _appositive_before_content(art, j, end_tok)
                if not named_end:
                    break
                subject.extend(range(subject[-1] + 1 if subject else j + 1, named_end))
                in_subject = False
                j = named_end
                continue
            if opens_content:
                in_subject = False
        elif (
            tok.norm in lex.adjunct_starters
            or (not subject and tok.norm.startswith(lex.lam_article))
            or _adjunct_phrase(art, j, end_tok)
        ):
            in_subject = False
            adjuncts += 1
        elif in_subject:
            subject.append(j)
        else:
            adjuncts += 1
        if len(subject) > SUBJECT_MAX_TOKENS or adjuncts > ADJUNCT_MAX_TOKENS:
            frame.complement = None
            return
        j += 1
    subject = _trim_subject(art, subject)
    if subject:
        frame.subject = _span_text(art, subject[0], subject[-1])
    elif (
        frame.complement is not None
        and frame.verb.kind != "participle"
        and not _has_clitic(art, frame.tok)
    ):
        before = _subject_before(art, frame.tok)
        if before is not None and (
            not frame.verb.needs_subject
            or normalize(art.text[before[0] : before[1]]).startswith(lex.definite_article)
        ):
            frame.subject, frame.subject_before = before, True


def _appositive_before_content(art: _Article, j: int, end_tok: int) -> int:
    """A name set off by commas right before the content ("، بشار الجعفري، أن"): the
    index of its closing comma, or 0 when there is none."""
    for k in range(j + 1, min(j + 2 + APPOSITIVE_MAX_TOKENS, end_tok - 1)):
        if art.toks[k].norm in art.lex.commas:
            nxt = art.toks[k + 1]
            opens = art.complementiser_width(k + 1) > 0 or art.quote_starting(nxt) is not None
            return k if opens and k > j + 1 else 0
        if not art.is_word(k):
            return 0
    return 0


def _adjunct_phrase(art: _Article, j: int, end_tok: int) -> bool:
    if art.toks[j].norm not in art.lex.adjunct_phrase_heads:
        return False
    return any(
        tuple(t.norm for t in art.toks[j : min(j + len(p), end_tok)]) == p
        for p in art.lex.adjunct_phrases
    )


def _trim_subject(art: _Article, words: list[int]) -> list[int]:
    while words and art.toks[words[-1]].norm in art.lex.subject_trailing_punctuation:
        words.pop()
    return words


def _has_clitic(art: _Article, i: int) -> bool:
    w = art.toks[i].norm
    return w not in art.lex.verbs and w[0] in art.lex.verb_clitics


def _subject_before(art: _Article, i: int) -> tuple[int, int] | None:
    """The "X قال" order: a clause-initial noun phrase right before the verb."""
    lex = art.lex
    sent = art.toks[i].sent
    j = i - 1
    while j >= 0 and art.toks[j].sent == sent and art.toks[j].norm in lex.preverb_skip:
        j -= 1
    after_comma = j >= 0 and art.toks[j].sent == sent and art.toks[j].norm in lex.commas
    if after_comma:
        j -= 1
    words: list[int] = []
    while j >= 0 and art.toks[j].sent == sent:
        w = art.toks[j].norm
        if w in lex.preverb_particles or w in lex.complementisers:
            break
        if not art.is_word(j) and w not in lex.marks:
            if w in lex.commas or w in lex.colons:
                return None
            break
        if len(words) == SUBJECT_MAX_TOKENS:
            return None
        words.append(j)
        j -= 1
    if not words:
        return None
    opening = _unclitic(art, words[-1])
    if after_comma and ((j >= 0 and art.toks[j].sent == sent) or opening in lex.adjunct_starters):
        return None
    return _span_text(art, words[-1], words[0])


def _unclitic(art: _Article, i: int) -> str:
    w = art.toks[i].norm
    return w[1:] if len(w) > 2 and w[0] in art.lex.verb_clitics else w


def _token_after(art: _Article, pos: int) -> int:
    return bisect.bisect_right(art.starts, pos)


def _scan_attrib(art: _Article, frame: _Frame, end_tok: int) -> None:
    """بحسب X، clause  /  clause، وفقا لـX  /  حسبما ذكرت X."""
    lex = art.lex
    j = frame.tok + 1
    while j < end_tok and (
        art.toks[j].norm in lex.attrib_fillers
        or art.toks[j].norm == lex.lam_prefix
        or _verb_form(art, j) is not None
        or _verb_with_object(art, j)
    ):
        j += 1
    first = j
    words: list[int] = []
    while j < end_tok and len(words) <= SUBJECT_MAX_TOKENS:
        tok = art.toks[j]
        quote = art.quote_starting(tok)
        if quote is not None and quote not in art.long_quotes:
            after = _token_after(art, quote.close)
            words.extend(range(j, after))
            j = after
            continue
        if tok.norm in lex.commas | lex.sentence_final | lex.colons | lex.attrib_clause_openers:
            break
        adjunct = tok.norm in lex.adjunct_starters and not tok.norm.startswith(lex.lam_prefix)
        if words and (adjunct or art.complementiser_width(j)):
            break
        words.append(j)
        j += 1
    if first < end_tok and art.toks[first].norm not in lex.attrib_pronouns:
        words = _trim_subject(art, words)
        if not words or len(words) > SUBJECT_MAX_TOKENS:
            return
        if art.toks[first].norm in lex.attrib_non_sources:
            return
        _attrib_source(art, frame, words)
    sent_start, sent_end = art.sentences[frame.sent]
    head = range(art.sentence_start_token(frame.tok), frame.tok)
    reported = any((v := _verb_form(art, k)) is not None and v.kind != "attrib" for k in head)
    if not reported and _clause_words(art, head.start, head.stop) >= MIN_CLAUSE_WORDS:
        frame.complement = "clause"
        frame.content_start, frame.content_end = sent_start, frame.start
        return
    while j < end_tok and art.toks[j].norm not in lex.commas | lex.attrib_clause_openers:
        j += 1
    j += 1
    j += art.complementiser_width(j) if j < end_tok else 0
    if j < end_tok and _clause_words(art, j, end_tok) >= MIN_CLAUSE_WORDS:
        frame.complement = "clause"
        frame.content_start = art.toks[j].start
        frame.content_end = sent_end


def _attrib_source(art: _Article, frame: _Frame, words: list[int]) -> None:
    """The source after بحسب / وفقا لـ, without the ل that joins it ("للرئيس" → "الرئيس")."""
    lex = art.lex
    start, end = _span_text(art, words[0], words[-1])
    first_norm = art.toks[words[0]].norm
    if first_norm.startswith(lex.lam_article):
        frame.subject = (start, end)
        frame.subject_text = lex.definite_article + art.text[_skip_chars(art.text, start, 2) : end]
    elif first_norm.startswith(lex.lam_prefix) and len(first_norm) > 2:
        frame.subject = (_skip_chars(art.text, start, 1), end)
    else:
        frame.subject = (start, end)


def _verb_with_object(art: _Article, j: int) -> bool:
    """ "نقلته" / "ذكرتها": a reporting verb with an object pronoun (حسبما نقلته الوكالة)."""
    w = art.toks[j].norm
    return any(
        w.endswith(suffix) and art.verb_of(w[: -len(suffix)]) is not None
        for suffix in art.lex.verb_object_suffixes
    )


def _skip_chars(text: str, start: int, letters: int) -> int:
    """Offset after ``letters`` letters, skipping tatweel and marks written after them."""
    pos = start
    for _ in range(letters):
        pos += 1
        while pos < len(text) and normalize(text[pos]) == "":
            pos += 1
    return pos


def _clause_words(art: _Article, start: int, end: int) -> int:
    return sum(1 for j in range(start, end) if art.is_word(j))


def _find_frames(art: _Article) -> list[_Frame]:
    frames: list[_Frame] = []
    for i in (k for k, form in enumerate(art.verb_forms) if form is not None):
        tok = art.toks[i]
        verb = _verb_at(art, i)
        if verb is None or art.in_long_quote(tok.start):
            continue
        frame = _Frame(verb=verb, tok=i, start=tok.start, sent=tok.sent)
        end_tok = art.sentence_end_token(i)
        if verb.kind == "attrib":
            _scan_attrib(art, frame, end_tok)
        else:
            _scan_say(art, frame, end_tok)
            frame.content_end = art.sentences[tok.sent][1]
            if verb.needs_subject and frame.subject is None:
                frame.complement = None
        frames.append(frame)
    return frames


def _best_mention(art: _Article, span: tuple[int, int]) -> int | None:
    """The person in the subject, else an organisation/place the subject starts with."""
    start, end = span
    inside = [(k, m) for k, m in enumerate(art.mentions) if m.start < end and m.end > start]
    for k, m in inside:
        if m.type == "PER":
            return k
    first = bisect.bisect_left(art.starts, start)
    head = [t for t in art.toks[first : first + 2] if t.start < end]
    for k, m in inside:
        if head and m.type in ("ORG", "LOC") and m.start <= head[0].end:
            return k
    for k, m in inside:
        if len(head) > 1 and m.type == "ORG" and m.start <= head[1].end:
            return k
    return None


def _bare(word: str, lex: Lexicon) -> str:
    return word[len(lex.definite_article) :] if word.startswith(lex.definite_article) else word


@lru_cache(maxsize=4096)
def _role_key(text: str) -> frozenset[str]:
    lex = lexicon()
    return frozenset(_bare(t.text, lex) for t in tokenize(normalize(text)) if t.text[0].isalnum())


def _resolve_role(art: _Article, frame: _Frame, history: list[_Speaker]) -> _Speaker | None:
    """ "المتحدثة" / "المسؤول الدفاعي" refers back to a speaker or role named earlier."""
    lex = art.lex
    assert frame.subject is not None
    written = _speaker_text(art, frame)
    norm = normalize(written)
    key = _role_key(written)
    if not norm.startswith(lex.definite_article) or not key or len(key) > ROLE_MAX_WORDS:
        return None
    for spk in reversed(history):
        if spk.text is not None and key <= _role_key(spk.text):
            return _Speaker(spk.text, spk.mention, frame.verb.gender)
    for k in range(len(art.mentions) - 1, -1, -1):
        m = art.mentions[k]
        if m.start < frame.start and m.role and key <= _role_key(m.role):
            return _Speaker(written, k, frame.verb.gender)
    return None


def _continue(history: list[_Speaker], gender: Gender) -> _Speaker | None:
    for spk in reversed(history):
        if spk.gender == gender:
            return spk
    return history[-1] if history else None


def _speaker_text(art: _Article, frame: _Frame) -> str:
    assert frame.subject is not None
    text = frame.subject_text or art.text[frame.subject[0] : frame.subject[1]]
    return text.strip(" ،,:")


def _resolve(art: _Article, frames: list[_Frame]) -> None:
    """Speakers in text order. ``history`` holds those who reported something (continuation
    follows them); ``named`` also holds subjects of frames without content ("أعلنت زغرب
    إغلاق ...") so that a later "الرئيس الروسي" can still be resolved against them, and a
    participle ("كشف X عن ...، مبينا أن") speaks for the subject named in its sentence."""
    history: list[_Speaker] = []
    named: list[_Speaker] = []
    named_in: list[int] = []  # sentence of each named speaker
    for frame in frames:
        if frame.complement is None and (frame.subject is None or frame.verb.kind == "attrib"):
            continue
        if frame.subject is not None:
            mention = _best_mention(art, frame.subject)
            speaker = None if mention is not None else _resolve_role(art, frame, named)
            if speaker is None:
                speaker = _Speaker(_speaker_text(art, frame), mention, frame.verb.gender)
        else:
            same_sentence = frame.verb.kind == "participle" and named and named_in[-1] == frame.sent
            previous = named[-1] if same_sentence else _continue(history, frame.verb.gender)
            speaker = (
                _Speaker(previous.text, previous.mention, previous.gender)
                if previous is not None
                else _Speaker(None, None, frame.verb.gender)
            )
        frame.speaker = speaker
        if speaker.text is not None and not frame.embedded:
            named.append(speaker)
            named_in.append(frame.sent)
            if frame.complement is not None:
                history.append(speaker)


def _mark_embedded(art: _Article, frames: list[_Frame]) -> None:
    """A frame inside another's reported clause is part of it, unless it has its own
    subject after the verb ("... فيما قال Y إن") or is a coordinated report by the same
    speaker ("... ، وشدد على أن"): those end the outer clause there."""
    active = [f for f in frames if f.complement is not None]
    for outer in active:
        for inner in active:
            if inner.verb.kind == "attrib" and outer.start < inner.start < outer.content_start:
                inner.embedded = True
    for outer in active:
        if outer.complement != "clause" or outer.embedded:
            continue
        for inner in active:
            if inner is outer or not outer.content_start <= inner.start < outer.content_end:
                continue
            own_subject = inner.subject is not None and not inner.subject_before
            coordinated = inner.subject is None and _has_clitic(art, inner.tok)
            if inner.verb.kind != "attrib" and (own_subject or coordinated):
                outer.content_end = min(outer.content_end, inner.start)
            else:
                inner.embedded = True


def _trim(text: str, start: int, end: int, drop: str) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in drop):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in drop):
        end -= 1
    return start, end


def _emit(art: _Article, frames: list[_Frame]) -> list[tuple[int, int, QuoteKind, _Speaker]]:
    lex = art.lex
    edge = "".join(lex.commas | lex.sentence_final | lex.colons) + "-–—"
    out: list[tuple[int, int, QuoteKind, _Speaker]] = []
    claimed: set[Quoted] = set()
    quoted_until: dict[int, int] = {}  # host frame token -> end of its last direct quote
    for frame in frames:
        if frame.complement is None or frame.speaker is None:
            continue
        speaker = frame.speaker
        if frame.embedded:
            host = next(
                (
                    f
                    for f in frames
                    if f.complement == "clause"
                    and not f.embedded
                    and f.content_start <= frame.start < f.content_end
                ),
                None,
            )
            if host is None or host.speaker is None:
                continue
            speaker = host.speaker
            if frame.quote is not None and frame.quote not in claimed:
                claimed.add(frame.quote)
                out.append((frame.quote.start, frame.quote.end, "direct", speaker))
            elif frame.complement == "clause" and frame.start > quoted_until.get(
                host.tok, len(art.text)
            ):
                start, end = _trim(art.text, frame.content_start, host.content_end, edge)
                if start < end:
                    out.append((start, end, "indirect", speaker))
            continue
        if frame.complement == "quote" and frame.quote is not None:
            if frame.quote not in claimed:
                claimed.add(frame.quote)
                out.append((frame.quote.start, frame.quote.end, "direct", speaker))
            continue
        start, end = _trim(art.text, frame.content_start, frame.content_end, edge)
        if start >= end:
            continue
        inner = [q for q in art.long_quotes if start <= q.open and q.close < end + 1]
        if inner:
            quoted_until[frame.tok] = inner[-1].close
            for q in inner:
                if q not in claimed:
                    claimed.add(q)
                    out.append((q.start, q.end, "direct", speaker))
            continue
        kind: QuoteKind = "direct" if frame.complement == "colon" else "indirect"
        out.append((start, end, kind, speaker))
    out.extend(_unclaimed(art, frames, claimed))
    return out


def _unclaimed(
    art: _Article, frames: list[_Frame], claimed: set[Quoted]
) -> list[tuple[int, int, QuoteKind, _Speaker]]:
    """Long quotations no frame introduced: "..."، قال X  or a quote opening a sentence
    right after someone spoke."""
    out: list[tuple[int, int, QuoteKind, _Speaker]] = []
    by_tok = {f.tok: f for f in frames}
    for q in art.long_quotes:
        if q in claimed:
            continue
        after = _token_after(art, q.close)
        sent = art.toks[after - 1].sent
        speaker: _Speaker | None = None
        for j in range(after, min(after + FOLLOW_GAP_TOKENS, len(art.toks))):
            f = by_tok.get(j)
            if f is not None and f.sent == sent and f.speaker is not None and f.speaker.text:
                speaker = f.speaker
                break
        if speaker is None:
            speaker = _opening_continuation(art, q, frames)
        if speaker is not None:
            out.append((q.start, q.end, "direct", speaker))
    return out


def _opening_continuation(art: _Article, q: Quoted, frames: list[_Frame]) -> _Speaker | None:
    """A quotation that opens its sentence goes on with whoever spoke just before it."""
    sent = next((k for k, (s, e) in enumerate(art.sentences) if s <= q.open < e), None)
    if sent is None or art.text[art.sentences[sent][0] : q.open].strip():
        return None
    earlier = [
        f
        for f in frames
        if f.start < q.open and f.complement is not None and f.speaker and f.speaker.text
    ]
    if not earlier or sent - earlier[-1].sent > OPENING_QUOTE_MAX_SENTENCES:
        return None
    return earlier[-1].speaker


def extract_quotes(doc: Document) -> None:
    """Fill ``doc.quotes``: direct quotations and reported speech with their speakers."""
    text = doc.article.text
    art = _Article(text, doc.mentions)
    frames = _find_frames(art)
    _mark_embedded(art, frames)
    _resolve(art, frames)
    found = _emit(art, frames)
    direct = [(s, e) for s, e, kind, _ in found if kind == "direct"]
    quotes: dict[tuple[int, int], Quote] = {}
    for start, end, kind, speaker in sorted(found, key=lambda x: (x[0], x[1])):
        if kind == "indirect" and any(s < end and start < e for s, e in direct):
            continue
        if (start, end) in quotes:
            continue
        quotes[(start, end)] = Quote(
            id=quote_id(doc.id, start, end),
            article_id=doc.id,
            speaker=speaker.text,
            text=text[start:end],
            kind=kind,
            start=start,
            end=end,
            speaker_mention=speaker.mention,
        )
    doc.quotes = list(quotes.values())
