"""conlleval-style exact-span scoring."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.entities import score_conll
from marsad.entities.conlleval import spans

TAGS = st.sampled_from(["O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "I-ORG"])


def test_hand_example() -> None:
    gold = [["B-PERS", "I-PERS", "O", "B-LOC", "O", "B-ORG", "I-ORG"]]
    # person right, location typed wrong, organisation cut short, one spurious MISC
    pred = [["B-PERS", "I-PERS", "B-MISC", "B-ORG", "O", "B-ORG", "O"]]
    s = score_conll(gold, pred)
    assert s["overall"]["correct"] == 1
    assert s["overall"]["guessed"] == 4
    assert s["overall"]["gold"] == 3
    assert s["overall"]["precision"] == pytest.approx(0.25)
    assert s["overall"]["recall"] == pytest.approx(1 / 3)
    assert s["overall"]["f1"] == pytest.approx(2 * 0.25 * (1 / 3) / (0.25 + 1 / 3))
    assert s["types"]["PERS"]["f1"] == pytest.approx(1.0)
    assert s["types"]["LOC"]["recall"] == 0.0
    assert s["types"]["MISC"]["precision"] == 0.0


def test_conlleval_chunk_rules() -> None:
    # an I- after O or after another type opens a chunk, as conlleval does
    assert spans(["I-LOC", "I-LOC", "I-PERS", "O", "B-ORG", "B-ORG"]) == [
        (0, 2, "LOC"),
        (2, 3, "PERS"),
        (4, 5, "ORG"),
        (5, 6, "ORG"),
    ]


def test_length_mismatch_is_an_error() -> None:
    with pytest.raises(ValueError):
        score_conll([["O"]], [["O", "O"]])
    with pytest.raises(ValueError):
        score_conll([["O"]], [])


@given(st.lists(st.lists(TAGS, max_size=12), max_size=6))
def test_perfect_prediction_scores_one(sentences: list[list[str]]) -> None:
    s = score_conll(sentences, sentences)
    o = s["overall"]
    assert o["correct"] == o["guessed"] == o["gold"]
    assert o["f1"] == (1.0 if o["gold"] else 0.0)


@given(st.lists(TAGS, max_size=20))
def test_spans_tile_the_tagged_tokens(tags: list[str]) -> None:
    found = spans(tags)
    covered = [i for a, b, _ in found for i in range(a, b)]
    assert covered == sorted(set(covered))
    assert covered == [i for i, t in enumerate(tags) if t != "O"]
