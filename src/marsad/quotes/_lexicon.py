"""Loads the quotation tables once; every word is normalised the way article text is."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from marsad._tables import data_text, read_rows
from marsad.text import normalize

Gender = Literal["m", "f", "p", "-"]
VerbKind = Literal["say", "relay", "attrib", "participle"]
MarkRole = Literal["open", "close", "either"]


@dataclass(frozen=True)
class Verb:
    form: str
    gender: Gender
    kind: VerbKind
    preposition: str | None
    needs_subject: bool


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, Verb]
    complementisers: frozenset[str]
    complementiser_prepositions: frozenset[str]
    adjunct_starters: frozenset[str]
    adjunct_phrases: frozenset[tuple[str, ...]]
    adjunct_phrase_heads: frozenset[str]
    preposition_idioms: frozenset[tuple[str, ...]]
    subject_trailing_punctuation: frozenset[str]
    frame_blockers: frozenset[str]
    preverb_skip: frozenset[str]
    clause_breakers: frozenset[str]
    attrib_clause_openers: frozenset[str]
    object_prefixes: frozenset[str]
    relay_source_marker: frozenset[str]
    relay_speech_nouns: frozenset[str]
    attrib_fillers: frozenset[str]
    attrib_pronouns: frozenset[str]
    attrib_non_sources: frozenset[str]
    preverb_particles: frozenset[str]
    verb_clitics: tuple[str, ...]
    verb_object_suffixes: tuple[str, ...]
    definite_article: str
    lam_article: str
    lam_prefix: str
    sentence_final: frozenset[str]
    commas: frozenset[str]
    colons: frozenset[str]
    marks: dict[str, MarkRole]


def _data(name: str) -> str:
    return data_text("marsad.quotes", name)


def _rows(name: str) -> tuple[tuple[str, ...], ...]:
    return read_rows("marsad.quotes", name)


def _words(values: list[str]) -> frozenset[str]:
    return frozenset(normalize(v) for v in values)


def _phrases(values: list[str]) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(normalize(v).split()) for v in values)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw = json.loads(_data("lexicon.json"))
    verbs: dict[str, Verb] = {}
    for row in _rows("reporting_verbs.tsv"):
        form, gender, kind = (normalize(row[0]), row[1], row[2])
        prep = normalize(row[3]) if len(row) > 3 and row[3].strip() else None
        needs_subject = len(row) > 4 and row[4].strip() == "y"
        verbs[form] = Verb(form, gender, kind, prep, needs_subject)  # type: ignore[arg-type]
    complementisers = frozenset(
        normalize(base + suffix)
        for base in raw["complementiser_bases"]
        for suffix in raw["complementiser_suffixes"]
    )
    marks: dict[str, MarkRole] = {}
    for row in _rows("quote_marks.tsv"):
        marks[row[0]] = row[1]  # type: ignore[assignment]
    return Lexicon(
        verbs=verbs,
        complementisers=complementisers,
        complementiser_prepositions=_words(raw["complementiser_prepositions"]),
        adjunct_starters=_words(raw["adjunct_starters"]),
        adjunct_phrases=_phrases(raw["adjunct_phrases"]),
        adjunct_phrase_heads=frozenset(normalize(p).split()[0] for p in raw["adjunct_phrases"]),
        preposition_idioms=frozenset(
            tuple(normalize(p).split()) for p in raw["preposition_idioms"]
        ),
        subject_trailing_punctuation=frozenset(raw["subject_trailing_punctuation"]),
        frame_blockers=_words(raw["frame_blockers"]),
        preverb_skip=_words(raw["preverb_skip"]),
        clause_breakers=_words(raw["clause_breakers"]),
        attrib_clause_openers=_words(raw["attrib_clause_openers"]),
        object_prefixes=_words(raw["object_prefixes"]),
        relay_source_marker=_words(raw["relay_source_marker"]),
        relay_speech_nouns=_words(raw["relay_speech_nouns"]),
        attrib_fillers=_words(raw["attrib_fillers"]),
        attrib_pronouns=_words(raw["attrib_pronouns"]),
        attrib_non_sources=_words(raw["attrib_non_sources"]),
        preverb_particles=_words(raw["preverb_particles"]),
        verb_clitics=tuple(normalize(c) for c in raw["verb_clitics"]),
        verb_object_suffixes=tuple(normalize(c) for c in raw["verb_object_suffixes"]),
        definite_article=normalize(raw["definite_article"]),
        lam_article=normalize(raw["lam_article"]),
        lam_prefix=normalize(raw["lam_prefix"]),
        sentence_final=frozenset(raw["sentence_final"]),
        commas=frozenset(raw["commas"]),
        colons=frozenset(raw["colons"]),
        marks=marks,
    )
