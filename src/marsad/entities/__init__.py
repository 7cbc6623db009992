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
from marsad.entities.refine import refine
from marsad.entities.tagger import get_tagger

__all__ = ["link", "propagate", "recognize", "score_conll", "tag_conll"]


def tag_conll(infile: TextIO, outfile: TextIO, article_sentences: int = 1) -> None:
    """Tag a CoNLL file (first column = token; other columns ignored) as ``token TAG``.

    Sentence breaks (blank lines) are kept; tags are ANERcorp's IOB2 labels, after the
    document rules. Runs of ``article_sentences`` consecutive sentences are read as one
    article: the second CRF pass and the rules look across them, which helps where a test
    set's consecutive sentences come from one article (ANERcorp's do), and mixes names up
    where they do not; 1 reads every sentence alone.
    """
    if article_sentences < 1:
        raise ValueError(f"article_sentences must be 1 or more, not {article_sentences}")
    tagger = get_tagger()
    pending: list[list[str] | None] = []  # sentences in order, None for a blank line

    def flush() -> None:
        sentences = [item for item in pending if item]
        tagged = iter(refine(sentences, tagger.tag_document(sentences), tagger.resources.counts))
        for item in pending:
            if item is None:
                outfile.write("\n")
            else:
                for word, tag in zip(item, next(tagged), strict=True):
                    outfile.write(f"{word} {tag}\n")
        pending.clear()

    sentence: list[str] = []
    for line in infile:
        parts = line.split()
        if parts:
            sentence.append(parts[0])
            continue
        if sentence:
            pending.append(sentence)
            sentence = []
        pending.append(None)
        if len(pending) - pending.count(None) >= article_sentences:
            flush()
    if sentence:
        pending.append(sentence)
    flush()
