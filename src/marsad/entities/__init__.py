"""Entities stage: Arabic NER (a CRF trained on ANERcorp), roles, cross-article linking.

Public surface: :func:`recognize` (per article), :func:`propagate` and :func:`link` (over
the corpus, in that order), :func:`tag_conll`, :func:`score_conll`.
"""

from __future__ import annotations

from typing import TextIO

from marsad.entities.conlleval import score_conll
from marsad.entities.linking import link
from marsad.entities.propagation import propagate
from marsad.entities.recognize import recognize
from marsad.entities.tagger import get_tagger

__all__ = ["link", "propagate", "recognize", "score_conll", "tag_conll"]


def tag_conll(infile: TextIO, outfile: TextIO) -> None:
    """Tag a CoNLL file (first column = token; other columns ignored) as ``token TAG``.

    Sentence breaks (blank lines) are kept; tags are ANERcorp's IOB2 labels.
    """
    tagger = get_tagger()
    sentence: list[str] = []

    def flush() -> None:
        for word, tag in zip(sentence, tagger.tag(sentence), strict=True):
            outfile.write(f"{word} {tag}\n")
        sentence.clear()

    for line in infile:
        parts = line.split()
        if parts:
            sentence.append(parts[0])
            continue
        flush()
        outfile.write("\n")
    flush()
