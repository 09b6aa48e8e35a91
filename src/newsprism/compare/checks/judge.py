"""The decision interface of contradiction checks: ``Verdict`` and ``ContradictionJudge``.

A judge looks at two spans from different documents that state the same claim and says whether
they disagree, with the exact evidence spans. The rule-based checks (numbers, dates, verbs, ...)
are the default judges; a model (an NLI classifier, an LLM) can be plugged in later by writing
a class with the same ``judge`` method and passing it to ``find_discrepancies(judges=...)``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from newsprism.model import DiscrepancyKind, Severity, Span


@dataclass(frozen=True, slots=True)
class Verdict:
    """Two spans disagree. ``a``/``b`` are the exact evidence (a number, a weekday, a verb...).

    ``subject`` names what they disagree on ("the duration", "the weekday"); ``detail`` is an
    optional extra clause ("February 17, 2025 was a Monday").
    """

    kind: DiscrepancyKind
    severity: Severity
    subject: str
    a: Span
    b: Span
    detail: str | None = None


@runtime_checkable
class ContradictionJudge(Protocol):
    """Decides whether two statements of one claim (from two documents) contradict each other."""

    def judge(self, a: Span, b: Span) -> Verdict | None: ...


@dataclass(frozen=True, slots=True)
class RuleJudge:
    """A judge made of one pure rule function ``check(a, b, context) -> Verdict | None``."""

    name: str
    check: Callable[[Span, Span, "JudgeContext"], Verdict | None]
    context: "JudgeContext"

    def judge(self, a: Span, b: Span) -> Verdict | None:
        return self.check(a, b, self.context)


@dataclass(frozen=True, slots=True)
class JudgeContext:
    """What rule judges may know besides the two spans: each document's publication date and
    the resolved dates found by the extract stage (``(doc, start, end) -> ISO date``)."""

    published: Mapping[str, str | None]
    resolved_dates: Mapping[tuple[str, int, int], str]


def severity_from_ratio(ratio: float, low: float = 0.1, high: float = 0.4) -> Severity:
    """``low`` below ``low``, ``high`` from ``high`` on, ``medium`` between."""
    if ratio < low:
        return "low"
    return "high" if ratio >= high else "medium"
