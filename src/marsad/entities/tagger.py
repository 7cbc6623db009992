"""The shipped CRF: loaded once, tags token sequences with IOB2 ANERcorp labels."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

import pycrfsuite

from marsad.entities._data import MODEL_DIR
from marsad.entities.features import Resources, sentence_features
from marsad.errors import ModelError

MODEL_FILE = "ner.crfsuite"


class Tagger:
    """A CRF model plus the lookup tables its features were trained with."""

    def __init__(self, folder: Path) -> None:
        path = folder / MODEL_FILE
        if not path.is_file():
            raise ModelError(
                f"NER model {path} is missing: run `python scripts/train_ner.py` "
                "(needs ../shared/data/anercorp) or reinstall marsad"
            )
        self._crf = pycrfsuite.Tagger()
        try:
            self._crf.open(str(path))
        except (OSError, ValueError) as exc:
            raise ModelError(
                f"NER model {path} is unreadable ({exc}): run `python scripts/train_ner.py`"
            ) from exc
        self.resources = Resources.load(folder)
        self._lock = threading.Lock()

    def tag(self, words: Sequence[str]) -> list[str]:
        """IOB2 tags (PERS/LOC/ORG/MISC) for one sentence of tokens."""
        if not words:
            return []
        feats = sentence_features(words, self.resources)
        with self._lock:
            return list(self._crf.tag(feats))


_CACHE: dict[Path, Tagger] = {}
_CACHE_LOCK = threading.Lock()


def get_tagger(folder: Path = MODEL_DIR) -> Tagger:
    """The tagger for ``folder``, loaded on first use and kept for the process."""
    with _CACHE_LOCK:
        if folder not in _CACHE:
            _CACHE[folder] = Tagger(folder)
        return _CACHE[folder]
