"""The shipped CRFs: loaded once, tag token sequences with IOB2 ANERcorp labels.

Two passes (stacking): the first CRF tags each sentence alone; the second, when the model
folder has one, re-tags every sentence of the article seeing the first pass's labels for
the same words elsewhere in it (scripts/train_ner.py trains both).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

import pycrfsuite

from marsad.entities._data import MODEL_DIR
from marsad.entities.conlleval import spans
from marsad.entities.features import Resources, document_features, sentence_features
from marsad.errors import ModelError

MODEL_FILE = "ner.crfsuite"
DOCUMENT_MODEL_FILE = "ner-document.crfsuite"
# A name the first pass found and the second dropped whole comes back when the first pass
# gave each of its words at least this marginal probability. The second pass was trained on
# fold models' labels, and now and then overrules a sure first pass ("فوز دونالد ترمب" in a
# seed article, 1.00). ANERcorp's held-out sixth, both passes a sentence at a time: 0.7339
# -> 0.7370 at 0.9 (12 names back, 9 right), 0.7368 at 0.95, 0.7358 at 0.99; in
# 20-sentence articles 0.7454 -> 0.7463 at 0.9 (bench/ner.py).
MIN_RESTORE_MARGINAL = 0.9


class Tagger:
    """A CRF model plus the lookup tables its features were trained with."""

    def __init__(self, folder: Path) -> None:
        path = folder / MODEL_FILE
        if not path.is_file():
            raise ModelError(
                f"NER model {path} is missing: run `python scripts/train_ner.py` "
                "(needs ../shared/data/anercorp) or reinstall marsad"
            )
        self._crf = _open(path)
        second = folder / DOCUMENT_MODEL_FILE
        self._second = _open(second) if second.is_file() else None
        self.resources = Resources.load(folder)
        self._lock = threading.Lock()

    def tag(self, words: Sequence[str]) -> list[str]:
        """IOB2 tags (PERS/LOC/ORG/MISC) for one sentence of tokens, read as an article of
        its own."""
        return self.tag_document([words])[0]

    def tag_document(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """IOB2 tags for every sentence of one article (the second pass reads them all)."""
        res = self.resources
        feats = [sentence_features(words, res) for words in sentences]
        with self._lock:
            first = [list(self._crf.tag(f)) if f else [] for f in feats]
            if self._second is None:
                return first
            second = [
                list(self._second.tag(f)) if f else []
                for f in document_features(sentences, first, res, feats)
            ]
            for f, one, two in zip(feats, first, second, strict=True):
                self._restore(f, one, two)
            return second

    def _restore(self, feats: list[list[str]], first: list[str], second: list[str]) -> None:
        """Put back into ``second`` the sure first-pass names it dropped whole."""
        dropped = [(a, b) for a, b, _ in spans(first) if all(t == "O" for t in second[a:b])]
        if not dropped:
            return
        self._crf.set(feats)
        for a, b in dropped:
            if min(self._crf.marginal(first[i], i) for i in range(a, b)) >= MIN_RESTORE_MARGINAL:
                second[a:b] = first[a:b]


def _open(path: Path) -> pycrfsuite.Tagger:
    crf = pycrfsuite.Tagger()
    try:
        crf.open(str(path))
    except (OSError, ValueError) as exc:
        raise ModelError(
            f"NER model {path} is unreadable ({exc}): run `python scripts/train_ner.py`"
        ) from exc
    return crf


_CACHE: dict[Path, Tagger] = {}
_CACHE_LOCK = threading.Lock()


def get_tagger(folder: Path = MODEL_DIR) -> Tagger:
    """The tagger for ``folder``, loaded on first use and kept for the process."""
    with _CACHE_LOCK:
        if folder not in _CACHE:
            _CACHE[folder] = Tagger(folder)
        return _CACHE[folder]
