"""Disjoint sets (union-find) over hashable keys, with the smallest key as each set's root,
so the grouping and its roots are the same whatever order the unions come in."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Any, Generic, TypeVar

K = TypeVar("K", bound=Hashable)


class DisjointSets(Generic[K]):
    def __init__(self, keys: Iterable[K]) -> None:
        self.parent: dict[K, K] = {k: k for k in keys}

    def __contains__(self, key: object) -> bool:
        return key in self.parent

    def find(self, key: K) -> K:
        parent = self.parent
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def union(self, a: K, b: K) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = (ra, rb) if _lt(ra, rb) else (rb, ra)
            self.parent[hi] = lo


def _lt(a: Any, b: Any) -> bool:
    return bool(a < b)
