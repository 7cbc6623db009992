"""The numpy CRF decodes as python-crfsuite does with the same weights: best paths, article
batches and marginals, on a small model trained here; and the export survives a round
trip."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pycrfsuite
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.entities.crf import LinearCRF
from marsad.errors import ModelError

LABELS = ["O", "B-PER", "I-PER", "B-LOC"]
VOCAB = [f"w{i}" for i in range(12)]


def _features(words: list[str]) -> list[list[str]]:
    last = len(words) - 1
    return [
        [
            "w=" + w,
            "prev=" + (words[i - 1] if i > 0 else "BOS"),
            "next=" + (words[i + 1] if i < last else "EOS"),
        ]
        for i, w in enumerate(words)
    ]


def _label(words: list[str]) -> list[str]:
    """A rule with context, so transitions and neighbours carry weight."""
    out: list[str] = []
    for w in words:
        k = int(w[1:])
        if k < 3:
            out.append("I-PER" if out and out[-1] in ("B-PER", "I-PER") else "B-PER")
        elif k < 5:
            out.append("B-LOC")
        else:
            out.append("O")
    return out


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory) -> tuple[pycrfsuite.Tagger, LinearCRF]:
    rng = random.Random(3)
    trainer = pycrfsuite.Trainer(verbose=False)
    for _ in range(300):
        words = [rng.choice(VOCAB) for _ in range(rng.randint(1, 9))]
        # Some noise, so weights are not all at their extremes and paths can be close.
        tags = [t if rng.random() > 0.1 else rng.choice(LABELS) for t in _label(words)]
        trainer.append(_features(words), tags)
    trainer.set_params({"c1": 0.05, "c2": 0.01, "max_iterations": 60})
    path = tmp_path_factory.mktemp("crf") / "tiny.crfsuite"
    trainer.train(str(path))
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger, LinearCRF.from_crfsuite(path)


sentences = st.lists(
    st.lists(st.sampled_from([*VOCAB, "unseen"]), min_size=0, max_size=12), min_size=1, max_size=6
)


@settings(max_examples=60, deadline=None)
@given(article=sentences)
def test_decodes_as_crfsuite_one_by_one_and_batched(
    models: tuple[pycrfsuite.Tagger, LinearCRF], article: list[list[str]]
) -> None:
    tagger, crf = models
    expected = [list(tagger.tag(_features(w))) if w else [] for w in article]
    scores = [crf.token_weights(_features(w)) for w in article]
    assert crf.decode(scores) == expected
    assert [crf.decode([s])[0] for s in scores] == expected


@settings(max_examples=30, deadline=None)
@given(words=st.lists(st.sampled_from([*VOCAB, "unseen"]), min_size=1, max_size=10))
def test_marginals_match_crfsuite(
    models: tuple[pycrfsuite.Tagger, LinearCRF], words: list[str]
) -> None:
    tagger, crf = models
    feats = _features(words)
    tagger.set(feats)
    got = crf.marginals(crf.token_weights(feats))
    want = np.array(
        [[tagger.marginal(label, t) for label in crf.labels] for t in range(len(words))]
    )
    assert np.allclose(got, want, atol=1e-6)
    assert np.allclose(got.sum(axis=1), 1.0)


def test_word_weights_sum_the_features_and_ignore_unknown_ones(
    models: tuple[pycrfsuite.Tagger, LinearCRF],
) -> None:
    _, crf = models
    both = crf.weight(["w=w1", "prev=w4"])
    assert np.allclose(both, crf.weight(["w=w1"]) + crf.weight(["prev=w4"]))
    assert np.allclose(crf.weight(["w=w1", "no such feature"]), crf.weight(["w=w1"]))
    assert crf.token_weights([]).shape == (0, len(crf.labels))
    assert np.allclose(
        crf.token_weights([[], ["w=w1"]]), [np.zeros(len(crf.labels)), crf.weight(["w=w1"])]
    )


def test_save_and_load_round_trip(
    models: tuple[pycrfsuite.Tagger, LinearCRF], tmp_path: Path
) -> None:
    _, crf = models
    crf.save(tmp_path / "m.npz")
    back = LinearCRF.load(tmp_path / "m.npz")
    assert back.labels == crf.labels and back.attributes == crf.attributes
    assert np.array_equal(back.state, crf.state)
    assert np.array_equal(back.transition, crf.transition)


def test_a_file_that_is_no_model_is_a_model_error(tmp_path: Path) -> None:
    np.save(tmp_path / "array.npy", np.zeros(3))
    (tmp_path / "array.npy").rename(tmp_path / "array.npz")
    (tmp_path / "text.npz").write_text("not a model")
    for name in ("array.npz", "text.npz", "missing.npz"):
        with pytest.raises(ModelError, match=r"train_ner\.py"):
            LinearCRF.load(tmp_path / name)
