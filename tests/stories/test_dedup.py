from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st
from story_texts import ADEN_1, ADEN_2, FOOTBALL, NILE_1, NILE_2, MakeDoc

from marsad.model import Document
from marsad.stories import SharedParagraph, find_duplicates, shared_paragraphs
from marsad.stories.dedup import shingles


def test_exact_copy_is_a_duplicate(make_doc: MakeDoc) -> None:
    docs = [
        make_doc("b", ADEN_1),
        make_doc("a", "  " + ADEN_1.replace("،", " ،")),
        make_doc("c", NILE_1),
    ]
    assert find_duplicates(docs) == [["a", "b"]]


def test_lightly_edited_and_trimmed_copy_is_a_duplicate(make_doc: MakeDoc) -> None:
    edited = ADEN_1.replace("عشرة أطنان", "10 أطنان").rsplit("\n", 1)[0]
    edited = "عدن - واس: " + edited + "\nوالله الموفق."
    docs = [make_doc("a1", ADEN_1), make_doc("a1-wire", edited), make_doc("f", FOOTBALL)]
    assert find_duplicates(docs) == [["a1", "a1-wire"]]


def test_same_event_in_other_words_is_not_a_duplicate(make_doc: MakeDoc) -> None:
    docs = [
        make_doc("n1", NILE_1),
        make_doc("n2", NILE_2),
        make_doc("a1", ADEN_1),
        make_doc("a2", ADEN_2),
    ]
    assert find_duplicates(docs) == []


def test_groups_are_transitive_and_sorted(make_doc: MakeDoc) -> None:
    docs = [make_doc(i, ADEN_1) for i in ("z", "m", "a")] + [
        make_doc("q", NILE_1),
        make_doc("p", NILE_1),
    ]
    assert find_duplicates(docs) == [["a", "m", "z"], ["p", "q"]]


@settings(max_examples=20, deadline=None)
@given(st.randoms(use_true_random=False))
def test_result_does_not_depend_on_input_order(rnd: random.Random) -> None:
    from marsad.model import Article

    texts = [ADEN_1, ADEN_1, ADEN_2, NILE_1, NILE_1 + "\nتفاصيل إضافية.", FOOTBALL]
    docs = [Document(Article(id=f"d{i}", source="t", text=t)) for i, t in enumerate(texts)]
    expected = find_duplicates(docs)
    rnd.shuffle(docs)
    assert find_duplicates(docs) == expected == [["d0", "d1"], ["d3", "d4"]]


@given(st.text(alphabet="ابتثجحخ دذرزسش", min_size=0, max_size=200))
def test_shingles_ignore_spacing_and_punctuation(text: str) -> None:
    assert shingles(text) == shingles("  " + text.replace(" ", " ، ") + " .")


def test_shared_paragraph_points_to_its_first_publisher(make_doc: MakeDoc) -> None:
    wire_para = ADEN_1.split("\n")[0]
    docs = [
        make_doc(
            "later",
            "مقدمة كتبها المحرر عن الوضع في عدن.\n" + wire_para + "\n" + FOOTBALL,
            published="2015-07-24T09:00:00",
        ),
        make_doc("wire", ADEN_1, published="2015-07-23T09:00:00"),
        make_doc("other", NILE_1),
    ]
    assert shared_paragraphs(docs) == [SharedParagraph("later", "wire", 1)]


def test_copies_are_not_reported_as_shared_paragraphs(make_doc: MakeDoc) -> None:
    docs = [make_doc("a", ADEN_1), make_doc("b", ADEN_1)]
    assert shared_paragraphs(docs) == []
