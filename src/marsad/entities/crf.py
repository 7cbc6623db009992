"""Linear-chain CRF inference in numpy, over weights exported from a crfsuite model.

python-crfsuite trains the models; tagging with it cost over half of the tagging time
(bench/ner.py), because every call hands it ~50 feature strings per token to look up
again, though most of them depend on one word alone. Here a word's summed weights are
computed once and kept, the rest are summed per token, and the sentences of an article
are decoded together. Decoding is exact first-order Viterbi, as crfsuite's (no start or end
weights; on equal scores the lower label index wins, as in crfsuite).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

import numpy as np

from marsad.errors import ModelError


@dataclass(frozen=True)
class LinearCRF:
    """Labels, attribute ids and weights of one trained first-order CRF."""

    labels: tuple[str, ...]
    attributes: dict[str, int]
    # (attributes + 1, labels): the last row is all zeros, the id of unknown attributes.
    state: np.ndarray
    # (labels, labels): score of label j right after label i.
    transition: np.ndarray

    @property
    def unknown(self) -> int:
        return len(self.attributes)

    @classmethod
    def from_crfsuite(cls, path: Path) -> LinearCRF:
        """Read a model python-crfsuite trained (used by scripts/train_ner.py)."""
        import pycrfsuite

        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        info = tagger.info()
        labels = tuple(tagger.labels())
        index = {label: i for i, label in enumerate(labels)}
        attributes: dict[str, int] = {}
        for attr, _ in info.state_features:
            attributes.setdefault(attr, len(attributes))
        state = np.zeros((len(attributes) + 1, len(labels)))
        for (attr, label), weight in info.state_features.items():
            state[attributes[attr], index[label]] = weight
        transition = np.zeros((len(labels), len(labels)))
        for (a, b), weight in info.transitions.items():
            transition[index[a], index[b]] = weight
        return cls(labels, attributes, state, transition)

    def save(self, path: Path) -> None:
        """Write the weights as a compressed .npz (sparse: most attributes weigh one label)."""
        rows, cols = np.nonzero(self.state)
        names = sorted(self.attributes, key=self.attributes.__getitem__)
        np.savez_compressed(
            path,
            labels=np.frombuffer("\n".join(self.labels).encode(), np.uint8),
            attributes=np.frombuffer("\n".join(names).encode(), np.uint8),
            rows=rows.astype(np.int32),
            cols=cols.astype(np.int8),
            weights=self.state[rows, cols],
            transition=self.transition,
        )

    @classmethod
    def load(cls, path: Path) -> LinearCRF:
        try:
            data = np.load(path, allow_pickle=False)
            if not isinstance(data, np.lib.npyio.NpzFile):
                raise ValueError("not an .npz archive of CRF weights")
            with data:
                labels = tuple(data["labels"].tobytes().decode().split("\n"))
                names = data["attributes"].tobytes().decode().split("\n")
                state = np.zeros((len(names) + 1, len(labels)))
                state[data["rows"], data["cols"]] = data["weights"]
                transition = np.array(data["transition"], dtype=float)
        except (OSError, ValueError, KeyError, IndexError, UnicodeDecodeError) as exc:
            raise ModelError(
                f"NER model {path} is unreadable ({exc}): run `python scripts/train_ner.py "
                "--write` or reinstall marsad"
            ) from exc
        if transition.shape != (len(labels), len(labels)):
            raise ModelError(f"NER model {path} is inconsistent: run `python scripts/train_ner.py`")
        return cls(labels, {a: i for i, a in enumerate(names)}, state, transition)

    def weight(self, features: Sequence[str]) -> np.ndarray:
        """Summed state weights of a set of features, one per label."""
        get, unknown = self.attributes.get, self.unknown
        return np.asarray(self.state[[get(f, unknown) for f in features]].sum(axis=0))

    def token_weights(self, tokens: Sequence[Sequence[str]]) -> np.ndarray:
        """(tokens, labels) summed state weights of each token's features."""
        if not tokens:
            return np.zeros((0, len(self.labels)))
        get, unknown = self.attributes.get, self.unknown
        # Each token opens with the all-zero unknown row (the attribute ""), so no token's
        # run is empty.
        ids = [get(f, unknown) for features in tokens for f in ("", *features)]
        starts = [0, *accumulate(len(features) + 1 for features in tokens)][:-1]
        return np.add.reduceat(self.state[ids], starts, axis=0)

    def decode(self, scores: Sequence[np.ndarray]) -> list[list[str]]:
        """Best label sequence of each sentence's (tokens, labels) state scores."""
        if len(scores) == 1:
            # One sentence (an article of one, a headline): no padding, a third of the time.
            return [self._decode_one(scores[0])]
        lengths = [len(s) for s in scores]
        longest = max(lengths, default=0)
        if longest == 0:
            return [[] for _ in scores]
        n_labels = len(self.labels)
        padded = np.zeros((len(scores), longest, n_labels))
        for k, s in enumerate(scores):
            padded[k, : len(s)] = s
        ends = np.array(lengths)
        back = np.zeros((len(scores), longest, n_labels), dtype=np.intp)
        best = padded[:, 0].copy()
        for t in range(1, longest):
            cand = best[:, :, None] + self.transition
            back[:, t] = cand.argmax(axis=1)
            moved = cand.max(axis=1) + padded[:, t]
            best = np.where((ends > t)[:, None], moved, best)
        out: list[list[str]] = []
        for k, n in enumerate(lengths):
            if n == 0:
                out.append([])
                continue
            path = [int(best[k].argmax())]
            for t in range(n - 1, 0, -1):
                path.append(int(back[k, t, path[-1]]))
            out.append([self.labels[i] for i in reversed(path)])
        return out

    def _decode_one(self, scores: np.ndarray) -> list[str]:
        if not len(scores):
            return []
        columns = np.arange(len(self.labels))
        best = scores[0]
        back = []
        for row in scores[1:]:
            cand = best[:, None] + self.transition
            came = cand.argmax(axis=0)
            best = cand[came, columns] + row
            back.append(came)
        k = int(best.argmax())
        path = [k]
        for came in reversed(back):
            k = int(came[k])
            path.append(k)
        return [self.labels[i] for i in reversed(path)]

    def marginals(self, scores: np.ndarray) -> np.ndarray:
        """(tokens, labels) marginal probability of each label at each token."""
        n = len(scores)
        alpha = np.zeros_like(scores)
        beta = np.zeros_like(scores)
        alpha[0] = scores[0]
        for t in range(1, n):
            alpha[t] = _logsumexp(alpha[t - 1][:, None] + self.transition, 0) + scores[t]
        for t in range(n - 2, -1, -1):
            beta[t] = _logsumexp(self.transition + (scores[t + 1] + beta[t + 1])[None, :], 1)
        total = _logsumexp(alpha[-1], 0)
        return np.asarray(np.exp(alpha + beta - total))


def _logsumexp(x: np.ndarray, axis: int) -> np.ndarray:
    top = x.max(axis=axis, keepdims=True)
    return np.asarray(np.log(np.exp(x - top).sum(axis=axis)) + np.squeeze(top, axis=axis))
