"""CRF features for Arabic NER: word forms, affixes, triggers, gazetteer and clusters.

Arabic has no capitalisation, so the signals that separate names from words are the words
around them (titles, place heads), whether a form is a known name (gazetteer) and which
distributional cluster it falls in (names cluster with names in unlabelled news).
Conjunctions of neighbouring clusters generalise the word-pair features to unseen words;
stem affixes see through clitics (وبواشنطن and واشنطن share their stem's endings).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from marsad._tables import parse_rows
from marsad.entities._data import read_rows
from marsad.text import normalize

# A stem needs three letters left after stripping, or short names (بن، ليد) and function
# words get mangled; Arabic roots are mostly three letters.
MIN_STEM = 3
# Longest gazetteer entry matched, in tokens (longest in the tables: 4-word org names).
MAX_GAZ_TOKENS = 4
CONTEXT = (-2, -1, 1, 2)
# Trigger words this many tokens either side count as "a title/head is near" (±3 was
# measured with the other added groups: +1.7 F1 together on ANERcorp's held-out sixth).
TRIGGER_WINDOW = 3
# Stem lengths above this share one bucket (names and words both run long past 8 letters).
MAX_LENGTH_BUCKET = 8
# Stems of at most this many letters share one bucket (particles, clipped forms).
SHORT_STEM = 2
# Affix lengths read off the stem; 2 is already a feature of both the form and the stem.
STEM_AFFIXES = (1, 3, 4)
# Which column of the cluster ids the conjunctions use: 1 is the middle granularity
# (clusters.tsv holds three), fine enough to tell names from titles, coarse enough to recur.
CONJ_LEVEL = 1
# Brackets and the colon as ANERcorp and scripts/ner_corpus.py tokenise them: names follow
# colons ("المصدر: رويترز") and acronyms sit in brackets.
OPEN, CLOSE, COLON = "(", ")", ":"
SENTENCE_END = frozenset({".", "!", "?", "\u061f"})


def _prefixes() -> list[tuple[str, bool]]:
    rows = [(normalize(r[0]), r[1] == "article") for r in read_rows("clitics.tsv")]
    return sorted(rows, key=lambda r: -len(r[0]))


_PREFIXES = _prefixes()


def stem(norm: str) -> str:
    """Strip the longest proclitic chain (conjunction, preposition, article) from a form."""
    for prefix, _ in _PREFIXES:
        if norm.startswith(prefix) and len(norm) - len(prefix) >= MIN_STEM:
            return norm[len(prefix) :]
    return norm


def _shape(word: str) -> str:
    if word.isdigit():
        return "D"
    if not any(c.isalnum() for c in word):
        return "P"
    if word.isascii():
        return "L"
    if any(c.isdigit() for c in word):
        return "M"
    return "A"


@dataclass
class Resources:
    """Lookup tables the features read; empty tables switch a feature group off."""

    triggers: dict[str, str] = field(default_factory=dict)
    clusters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    gazetteer: dict[tuple[str, ...], str] = field(default_factory=dict)
    # Corpus frequency of each clustered form and the gazetteer's names as written; not
    # features, used to decide whether a leading letter is a clitic.
    counts: dict[str, int] = field(default_factory=dict)
    names: frozenset[str] = frozenset()
    cache: dict[str, WordFeatures] = field(default_factory=dict, repr=False)

    @classmethod
    def load(
        cls, folder: Path | None, *, clusters: bool = True, gazetteer: bool = True
    ) -> Resources:
        triggers = {normalize(r[0]): r[1] for r in read_rows("triggers.tsv")}
        res = cls(triggers=triggers)
        if folder is None:
            return res
        if (folder / "clusters.tsv").is_file():
            rows = parse_rows((folder / "clusters.tsv").read_text(encoding="utf-8"))
            res.counts = {r[0]: int(r[1]) for r in rows}
            if clusters:
                res.clusters = {r[0]: tuple(r[2:]) for r in rows}
        if gazetteer and (folder / "gazetteer.tsv").is_file():
            rows = parse_rows((folder / "gazetteer.tsv").read_text(encoding="utf-8"))
            res.gazetteer = {tuple(stem(w) for w in r[0].split()): r[1] for r in rows}
            res.names = frozenset(r[0] for r in rows)
        return res


def _gazetteer_tags(stems: list[str], gaz: dict[tuple[str, ...], str]) -> list[str]:
    tags = [""] * len(stems)
    i = 0
    while i < len(stems):
        for n in range(min(MAX_GAZ_TOKENS, len(stems) - i), 0, -1):
            kind = gaz.get(tuple(stems[i : i + n]))
            if kind:
                tags[i] = "B-" + kind
                for j in range(i + 1, i + n):
                    tags[j] = "I-" + kind
                i += n
                break
        else:
            i += 1
    return tags


@dataclass(frozen=True)
class WordFeatures:
    norm: str
    stem: str
    shape: str
    # Middle-granularity cluster id ("OOV" when unclustered) and trigger class ("" if none),
    # read by the conjunction and window features.
    cluster: str
    trigger: str
    own: tuple[str, ...]
    context: dict[int, tuple[str, ...]]


# Per-word features are cached: news text repeats words, and building the strings is most
# of the tagging time. The cache is dropped when it reaches this size (~100 MB); the tagger
# keeps each form's summed weights per model to the same size (on a SaudiNewsNet day, 1,686
# articles, `marsad analyze` peaked 74 MB higher with them).
WORD_CACHE_SIZE = 200_000


def _length_bucket(n: int) -> str:
    return "s" if n <= SHORT_STEM else str(min(n, MAX_LENGTH_BUCKET))


def _word(word: str, res: Resources) -> WordFeatures:
    n = normalize(word) or word
    s = stem(n)
    shape = _shape(word)
    f = {"n": n, "s": s}
    trig = res.triggers.get(n) or res.triggers.get(s) or ""
    if trig:
        f["t"] = trig
    cl = res.clusters.get(n) or res.clusters.get(s)
    if cl:
        for k, c in enumerate(cl):
            f[f"c{k}"] = c
    elif res.clusters:
        f["c"] = "OOV"
    stem_cl = res.clusters.get(s) if s != n else None
    own = (
        "b",
        *(f"{k}={v}" for k, v in f.items()),
        "sh=" + shape,
        "p2=" + n[:2],
        "p3=" + n[:3],
        "x2=" + n[-2:],
        "x3=" + n[-3:],
        "sp2=" + s[:2],
        "sx2=" + s[-2:],
        "al=" + str(n != s),
        "len=" + _length_bucket(len(s)),
        *(f"sp{k}={s[:k]}" for k in STEM_AFFIXES),
        *(f"sx{k}={s[-k:]}" for k in STEM_AFFIXES),
        *((f"scl{k}={c}" for k, c in enumerate(stem_cl) if k) if stem_cl else ()),
    )
    context = {off: tuple(f"{off}:{k}={v}" for k, v in f.items()) for off in CONTEXT}
    cluster = cl[CONJ_LEVEL] if cl and len(cl) > CONJ_LEVEL else "OOV"
    return WordFeatures(n, s, shape, cluster, trig, own, context)


@dataclass(frozen=True)
class SentenceParts:
    """A sentence's features split by what they depend on: each word's own features and
    those it gives its neighbours (``WordFeatures.own``, ``.context``: one word form each,
    so a tagger can weigh them once per form) and the rest, per token (:meth:`dynamic`)."""

    words: Sequence[str]
    info: list[WordFeatures]
    # Gazetteer tag of each token ("" outside a known name) and the features after the
    # window ones (cluster conjunctions, triggers, brackets, word pairs).
    gaz: list[str]
    tail: list[list[str]]

    def _edge(self, j: int, off: int) -> str:
        """The feature token ``j - off`` gets from position ``j`` besides that word's own
        context features: the sentence edge, the word's gazetteer tag, or none ("")."""
        if j < 0:
            return _BOS[off]
        if j >= len(self.gaz):
            return _EOS[off]
        return f"{off}:g={self.gaz[j]}" if self.gaz[j] else ""

    def dynamic(self) -> list[list[str]]:
        """Every token's features that are not a word's own or context ones."""
        out = []
        for i, tail in enumerate(self.tail):
            feats = ["g=" + self.gaz[i]] if self.gaz[i] else []
            for off in CONTEXT:
                edge = self._edge(i + off, off)
                if edge:
                    feats.append(edge)
            out.append(feats + tail)
        return out

    def strings(self) -> list[list[str]]:
        """Every token's features, in python-crfsuite's string form (in the order the
        shipped models were trained with: crfsuite numbers features as it meets them)."""
        out: list[list[str]] = []
        last = len(self.info) - 1
        for i, x in enumerate(self.info):
            feats = list(x.own)
            if self.gaz[i]:
                feats.append("g=" + self.gaz[i])
            for off in CONTEXT:
                if 0 <= i + off <= last:
                    feats.extend(self.info[i + off].context[off])
                edge = self._edge(i + off, off)
                if edge:
                    feats.append(edge)
            out.append(feats + self.tail[i])
        return out


_BOS = {off: f"{off}:BOS" for off in CONTEXT}
_EOS = {off: f"{off}:EOS" for off in CONTEXT}


def sentence_parts(words: Sequence[str], res: Resources) -> SentenceParts:
    cache = res.cache
    if len(cache) > WORD_CACHE_SIZE:
        cache.clear()
    info = []
    for w in words:
        item = cache.get(w)
        if item is None:
            item = cache[w] = _word(w, res)
        info.append(item)
    gaz = (
        _gazetteer_tags([x.stem for x in info], res.gazetteer)
        if res.gazetteer
        else [""] * len(words)
    )
    out: list[list[str]] = []
    last = len(words) - 1
    depth = 0
    after_colon = False
    for i, x in enumerate(info):
        prev = info[i - 1].cluster if i > 0 else "BOS"
        nxt = info[i + 1].cluster if i < last else "EOS"
        feats = [
            f"c-1sh={prev}|{x.shape}",
            f"c+1sh={nxt}|{x.shape}",
            f"cb-={prev}|{x.cluster}",
            f"cb+={x.cluster}|{nxt}",
        ]
        for j in range(max(0, i - TRIGGER_WINDOW), min(last, i + TRIGGER_WINDOW) + 1):
            if j != i and info[j].trigger:
                feats.append(f"tw{'L' if j < i else 'R'}={info[j].trigger}")
        word = words[i]
        if word == CLOSE:
            depth = max(0, depth - 1)
        if depth:
            feats.append("inpar")
        if after_colon:
            feats.append("aftcolon")
        if word == OPEN:
            depth += 1
        elif word == COLON:
            after_colon = True
        elif word in SENTENCE_END:
            after_colon = False
        if i > 0:
            feats.append(f"-1|0={info[i - 1].norm}|{x.norm}")
        if i < last:
            feats.append(f"0|+1={x.norm}|{info[i + 1].norm}")
        out.append(feats)
    return SentenceParts(words, info, gaz, out)


def sentence_features(words: Sequence[str], res: Resources) -> list[list[str]]:
    """One feature list per token of a sentence, in python-crfsuite's string form."""
    return sentence_parts(words, res).strings()


def _kind(tag: str) -> str:
    return tag[2:] if len(tag) > 2 else "O"


def document_features(
    sentences: Sequence[Sequence[str]],
    first: Sequence[Sequence[str]],
    res: Resources,
    base: list[list[list[str]]] | None = None,
) -> list[list[list[str]]]:
    """Per-token features of one article's sentences for the second-pass CRF: the
    sentence features plus :func:`document_extras`.

    ``base``: the sentences' :func:`sentence_features` where the caller has them (the
    first pass's input; extended in place), else computed here."""
    feats = base if base is not None else [sentence_features(words, res) for words in sentences]
    stems = [[stem(normalize(w) or w) for w in words] for words in sentences]
    for sent_feats, extras in zip(feats, document_extras(stems, first), strict=True):
        for f, extra in zip(sent_feats, extras, strict=True):
            f.extend(extra)
    return feats


def document_extras(
    stems: Sequence[Sequence[str]], first: Sequence[Sequence[str]]
) -> list[list[list[str]]]:
    """The second pass's own features per token, from the article's word stems (see
    :func:`stem`) and first-pass tags: the first pass's tags of the token and its
    neighbours, and the majority first-pass type of the same stem at its other places in
    the article (a surname used alone, a club named once in full: the first pass sees one
    sentence). This is stacking (Krishnan & Manning 2006); stems shorter than MIN_STEM
    (particles, clipped forms) neither vote nor get a vote."""
    votes: dict[str, dict[str, int]] = defaultdict(dict)
    for sent_stems, tags in zip(stems, first, strict=True):
        for s, t in zip(sent_stems, tags, strict=True):
            if len(s) >= MIN_STEM:
                kinds = votes[s]
                kind = _kind(t)
                kinds[kind] = kinds.get(kind, 0) + 1
    out: list[list[list[str]]] = []
    for sent_stems, tags in zip(stems, first, strict=True):
        last = len(tags) - 1
        sent_out: list[list[str]] = []
        for i, (s, t) in enumerate(zip(sent_stems, tags, strict=True)):
            f = [
                "p1=" + t,
                "p1-1=" + (tags[i - 1] if i > 0 else "BOS"),
                "p1+1=" + (tags[i + 1] if i < last else "EOS"),
            ]
            sent_out.append(f)
            if len(s) < MIN_STEM:
                continue
            own = _kind(t)
            # The votes of the stem's other places: this token's own vote taken out.
            named = [
                (n - (k == own), k) for k, n in votes[s].items() if k != "O" and n - (k == own) > 0
            ]
            if named:
                kind = max(named)[1]
                f.append("dm=" + kind)
                f.append(f"dm|p1={kind}|{own}")
            elif votes[s].get("O", 0) - (own == "O") > 0:
                f.append("dO")
        out.append(sent_out)
    return out
