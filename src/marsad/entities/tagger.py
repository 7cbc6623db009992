"""The shipped CRFs: loaded once, tag token sequences with IOB2 ANERcorp labels.

Two passes (stacking): the first CRF tags each sentence alone; the second, when the model
folder has one, re-tags every sentence of the article seeing the first pass's labels for
the same words elsewhere in it (scripts/train_ner.py trains both with python-crfsuite and
exports their weights; :mod:`marsad.entities.crf` decodes).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from marsad.entities._data import MODEL_DIR
from marsad.entities.conlleval import spans
from marsad.entities.crf import LinearCRF
from marsad.entities.features import (
    CONTEXT,
    WORD_CACHE_SIZE,
    Resources,
    SentenceParts,
    WordFeatures,
    document_extras,
    sentence_parts,
)
from marsad.errors import ModelError

MODEL_FILE = "ner.npz"
DOCUMENT_MODEL_FILE = "ner-document.npz"
# A name the first pass found and the second dropped whole comes back when the first pass
# gave each of its words at least this marginal probability. The second pass was trained on
# fold models' labels, and now and then overrules a sure first pass ("فوز دونالد ترمب" in a
# seed article, 1.00). ANERcorp's held-out sixth, both passes a sentence at a time: 0.7339
# -> 0.7370 at 0.9 (12 names back, 9 right), 0.7368 at 0.95, 0.7358 at 0.99; in
# 20-sentence articles 0.7454 -> 0.7463 at 0.9 (bench/ner.py).
MIN_RESTORE_MARGINAL = 0.9


class _Scorer:
    """A CRF with the summed weights of each word form's own and context features kept."""

    def __init__(self, crf: LinearCRF) -> None:
        self.crf = crf
        self._words: dict[str, np.ndarray] = {}

    def scores(self, parts: SentenceParts, dynamic: list[list[str]]) -> np.ndarray:
        """(tokens, labels) state scores of one sentence, ``dynamic`` its tokens' features
        other than the words' own and context ones."""
        if not parts.info:
            return np.zeros((0, len(self.crf.labels)))
        if len(self._words) > WORD_CACHE_SIZE:
            self._words.clear()
        cache = self._words
        stacked = []
        for key, x in zip(parts.words, parts.info, strict=True):
            row = cache.get(key)
            if row is None:
                row = cache[key] = self._weigh(x)
            stacked.append(row)
        rows = np.stack(stacked)
        total = rows[:, 0].copy()
        for column, off in enumerate(CONTEXT, 1):
            if off < 0:
                total[-off:] += rows[:off, column]
            else:
                total[:-off] += rows[off:, column]
        return np.asarray(total + self.crf.token_weights(dynamic))

    def _weigh(self, x: WordFeatures) -> np.ndarray:
        """(1 + len(CONTEXT), labels): the word's own features' weights, then those of
        the features it gives the token at each offset from it."""
        weight = self.crf.weight
        return np.stack([weight(x.own), *(weight(x.context[off]) for off in CONTEXT)])


class Tagger:
    """The CRF models plus the lookup tables their features were trained with."""

    def __init__(self, folder: Path) -> None:
        path = folder / MODEL_FILE
        if not path.is_file():
            raise ModelError(
                f"NER model {path} is missing: run `python scripts/train_ner.py --write` "
                "(needs ../shared/data/anercorp) or reinstall marsad"
            )
        self._first = _Scorer(LinearCRF.load(path))
        second = folder / DOCUMENT_MODEL_FILE
        self._second = _Scorer(LinearCRF.load(second)) if second.is_file() else None
        self.resources = Resources.load(folder)

    def tag(self, words: Sequence[str]) -> list[str]:
        """IOB2 tags (PERS/LOC/ORG/MISC) for one sentence of tokens, read as an article of
        its own."""
        return self.tag_document([words])[0]

    def tag_document(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """IOB2 tags for every sentence of one article (the second pass reads them all)."""
        parts = [sentence_parts(words, self.resources) for words in sentences]
        dynamic = [p.dynamic() for p in parts]
        one = [self._first.scores(p, d) for p, d in zip(parts, dynamic, strict=True)]
        first = self._first.crf.decode(one)
        if self._second is None:
            return first
        extras = document_extras([[x.stem for x in p.info] for p in parts], first)
        two = [
            self._second.scores(p, [a + b for a, b in zip(d, e, strict=True)])
            for p, d, e in zip(parts, dynamic, extras, strict=True)
        ]
        second = self._second.crf.decode(two)
        for scores, a, b in zip(one, first, second, strict=True):
            self._restore(scores, a, b)
        return second

    def _restore(self, scores: np.ndarray, first: list[str], second: list[str]) -> None:
        """Put back into ``second`` the sure first-pass names it dropped whole."""
        dropped = [(a, b) for a, b, _ in spans(first) if all(t == "O" for t in second[a:b])]
        if not dropped:
            return
        crf = self._first.crf
        marginal = crf.marginals(scores)
        index = {label: k for k, label in enumerate(crf.labels)}
        for a, b in dropped:
            if min(marginal[i, index[first[i]]] for i in range(a, b)) >= MIN_RESTORE_MARGINAL:
                second[a:b] = first[a:b]


_CACHE: dict[Path, Tagger] = {}
_CACHE_LOCK = threading.Lock()


def get_tagger(folder: Path = MODEL_DIR) -> Tagger:
    """The tagger for ``folder``, loaded on first use and kept for the process."""
    with _CACHE_LOCK:
        if folder not in _CACHE:
            _CACHE[folder] = Tagger(folder)
        return _CACHE[folder]
