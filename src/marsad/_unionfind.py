"""Disjoint sets over string keys, shared by entity linking and duplicate detection."""

from __future__ import annotations

from collections import defaultdict


class UnionFind:
    """Path-halving union-find whose roots are the smallest key, so results are stable."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self, min_size: int = 2) -> list[list[str]]:
        """Every set of at least ``min_size`` keys, each sorted, in sorted order."""
        out: dict[str, list[str]] = defaultdict(list)
        for x in self.parent:
            out[self.find(x)].append(x)
        return sorted(sorted(g) for g in out.values() if len(g) >= min_size)
