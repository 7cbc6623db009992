from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from marsad.summarize.terms import (
    NUMBER_PREFIX,
    content_terms,
    dot,
    idf_table,
    stopwords,
    tfidf,
)
from marsad.text import normalize

ARABIC = st.text(
    alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهويةىءأإآؤئ \u064b\u064e\u0640،.0123٤٥", max_size=80
)


@given(ARABIC)
def test_terms_do_not_change_under_normalisation(text: str) -> None:
    assert content_terms(text) == content_terms(normalize(text))


@given(st.lists(ARABIC, min_size=1, max_size=5))
def test_tfidf_vectors_are_unit_or_empty_and_dot_is_symmetric(texts: list[str]) -> None:
    terms = [content_terms(t) for t in texts]
    idf, unseen = idf_table(terms)
    vecs = [tfidf(t, idf, unseen) for t in terms]
    for v in vecs:
        assert not v or math.isclose(math.sqrt(dot(v, v)), 1.0, rel_tol=1e-9)
    assert math.isclose(dot(vecs[0], vecs[-1]), dot(vecs[-1], vecs[0]))


def test_spelling_variants_share_terms_and_stop_words_go() -> None:
    assert content_terms("الرئيس ترامب في بيونغ يانغ") == content_terms("رئيس ترامب في بيونغ يانغ")
    assert content_terms("قال إن هذا في ذلك") == []
    assert "في" in stopwords()


def test_long_numbers_are_kept_short_ones_dropped() -> None:
    assert content_terms("نشر 12000 جندي خلال 3 أيام") == [
        "نشر",
        NUMBER_PREFIX + "12000",
        *content_terms("جندي"),
        *content_terms("أيام"),
    ]


def test_limit_stops_early() -> None:
    assert (
        content_terms("وصول طائرة إغاثة إلى مطار عدن", limit=2)
        == content_terms("وصول طائرة إغاثة إلى مطار عدن")[:2]
    )
