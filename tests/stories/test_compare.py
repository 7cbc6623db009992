from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from story_texts import MakeDoc

from marsad.model import Claim, Document, Qualifier
from marsad.stories import compare_claims
from marsad.stories.compare import APPROX_TOLERANCE, in_conflict, subject_terms


def claim(
    cid: str,
    value: float,
    subject: str,
    qualifier: Qualifier = "exact",
    *,
    article: str = "x",
    source: str | None = None,
    unit: str | None = None,
    date: str | None = None,
) -> Claim:
    return Claim(cid, article, value, unit, qualifier, subject, source, "", 0, 1, date)


def test_differently_worded_subjects_are_one_comparison(make_doc: MakeDoc) -> None:
    docs: list[Document] = [
        make_doc(
            "d1",
            "",
            claims=[
                claim(
                    "c1",
                    12000,
                    "جندي كوري شمالي",
                    article="d1",
                    source="زيلينسكي",
                    date="2024-11-01",
                ),
            ],
        ),
        make_doc(
            "d2",
            "",
            outlet="صحيفة",
            claims=[
                claim(
                    "c2",
                    10000,
                    "جنود كوريين شماليين",
                    "more_than",
                    article="d2",
                    source="الولايات المتحدة",
                    date="2024-11-13",
                ),
                claim("c3", 3, "طائرات مسيرة", article="d2", date="2024-11-13"),
            ],
        ),
        make_doc(
            "d3",
            "",
            claims=[
                claim(
                    "c4",
                    3000,
                    "عنصر من القوات الكورية الشمالية",
                    article="d3",
                    source="البنتاغون",
                    date="2024-10-23",
                ),
            ],
        ),
    ]
    [comp] = compare_claims(docs)
    assert comp.claim_ids == ["c4", "c1", "c2"]
    assert [v["value"] for v in comp.values] == [3000, 12000, 10000]
    assert comp.values[2]["outlet"] == "صحيفة"
    assert comp.values[2]["qualifier"] == "more_than"
    assert comp.sources == ["البنتاغون", "زيلينسكي", "الولايات المتحدة"]
    assert comp.first_seen == "2024-10-23"
    assert comp.last_seen == "2024-11-13"
    assert comp.conflict


def test_subject_concepts_fold_broken_plurals() -> None:
    a = subject_terms(claim("a", 1, "جندي كوري شمالي"))
    b = subject_terms(claim("b", 1, "عنصر من القوات الكورية الشمالية"))
    assert a == b
    assert subject_terms(claim("c", 1, "جندي روسي")) != a


def test_single_report_makes_no_comparison(make_doc: MakeDoc) -> None:
    docs = [make_doc("d1", "", claims=[claim("c1", 5, "قتلى", article="d1")])]
    assert compare_claims(docs) == []


def test_same_article_same_source_repeating_is_not_a_comparison(make_doc: MakeDoc) -> None:
    docs = [
        make_doc(
            "d1",
            "",
            claims=[
                claim("c1", 5, "قتلى", article="d1", source="الشرطة"),
                claim("c2", 5, "قتلى", article="d1", source="الشرطة"),
            ],
        )
    ]
    assert compare_claims(docs) == []


def test_units_must_agree(make_doc: MakeDoc) -> None:
    docs = [
        make_doc("d1", "", claims=[claim("c1", 5, "مساعدات", article="d1", unit="طن")]),
        make_doc("d2", "", claims=[claim("c2", 5, "مساعدات", article="d2", unit="دولار")]),
    ]
    assert compare_claims(docs) == []


def test_conflict_semantics() -> None:
    more_7000 = claim("a", 7000, "s", "more_than")
    exact_10000 = claim("b", 10000, "s")
    assert not in_conflict([more_7000, exact_10000])
    assert in_conflict([claim("c", 1500, "s"), claim("d", 12000, "s")])
    assert not in_conflict([claim("e", 10000, "s", "approx"), claim("f", 11000, "s")])
    assert in_conflict([claim("g", 5000, "s", "up_to"), claim("h", 6000, "s")])
    assert not in_conflict([claim("i", 5000, "s", "up_to"), claim("j", 4000, "s", "at_least")])
    assert in_conflict([more_7000, exact_10000, claim("k", 3000, "s")])


@given(st.floats(1, 1e7), st.integers(2, 6))
def test_equal_exact_figures_never_conflict(value: float, n: int) -> None:
    assert not in_conflict([claim(str(i), value, "s") for i in range(n)])


@given(st.floats(1, 1e7), st.floats(1.0, 1e3))
def test_a_lower_bound_below_a_figure_never_conflicts(value: float, factor: float) -> None:
    assert not in_conflict([claim("a", value / factor, "s", "more_than"), claim("b", value, "s")])


@given(st.floats(1, 1e7), st.floats(0, APPROX_TOLERANCE * 0.99))
def test_approx_allows_its_tolerance(value: float, off: float) -> None:
    near = claim("b", value * (1 + off), "s", "approx")
    assert not in_conflict([claim("a", value, "s", "approx"), near])
