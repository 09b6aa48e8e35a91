"""The accuracy harness's registry: each figure of ``bench_extract.py`` is one function in its own
module under benchmarks/, registered with ``@row``; it returns one or more ``Row`` or raises
``NotMeasured`` with the way to get its data."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from argparse import Namespace


@dataclass(frozen=True, slots=True)
class Row:
    figure: str  # "NER F1 (CoNLL-2003 dev), spaCy sm"
    value: float | None  # None: not measured
    floor: float | None  # the lowest value we accept (None: no floor, a baseline row)
    detail: str = ""  # speed, counts, how the figure was computed
    unit: str = ""  # "" for a 0..1 score


class NotMeasured(Exception):
    """The row's data is missing; the message says how to get it."""


RowFunc = Callable[[Namespace], list[Row]]
ROWS: dict[str, RowFunc] = {}


def row(name: str) -> Callable[[RowFunc], RowFunc]:
    """Register ``func`` as the row (or rows) called ``name``."""
    def wrap(func: RowFunc) -> RowFunc:
        ROWS[name] = func
        return func
    return wrap
