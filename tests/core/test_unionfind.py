"""The shared union-find: groups are transitive, rooted at the smallest key, and stable."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from marsad._unionfind import UnionFind


def test_groups_are_transitive_and_sorted() -> None:
    uf = UnionFind()
    for a, b in [("c", "b"), ("b", "a"), ("x", "y"), ("z", "z")]:
        uf.union(a, b)
    assert uf.groups() == [["a", "b", "c"], ["x", "y"]]
    assert uf.groups(min_size=1) == [["a", "b", "c"], ["x", "y"], ["z"]]
    assert uf.find("c") == "a"


@given(st.lists(st.tuples(st.sampled_from("abcdefgh"), st.sampled_from("abcdefgh"))))
def test_union_order_does_not_change_the_groups(pairs: list[tuple[str, str]]) -> None:
    forward, backward = UnionFind(), UnionFind()
    for a, b in pairs:
        forward.union(a, b)
    for a, b in reversed(pairs):
        backward.union(b, a)
    assert forward.groups(1) == backward.groups(1)
    for a, b in pairs:
        assert forward.find(a) == forward.find(b) == min(g for g in forward.groups(1) if a in g)[0]
