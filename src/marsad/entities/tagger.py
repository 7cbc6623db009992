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
from marsad.entities.features import Resources, document_features, sentence_features
from marsad.errors import ModelError

MODEL_FILE = "ner.crfsuite"
DOCUMENT_MODEL_FILE = "ner-document.crfsuite"


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
            feats = document_features(sentences, first, res, feats)
            return [list(self._second.tag(f)) if f else [] for f in feats]


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
