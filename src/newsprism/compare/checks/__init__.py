"""Discrepancy checks: the rule judges (`numbers`, `dates`, `roles`, `quotes`, `verbs`, `events`,
`names`) behind the `judge` protocol, text helpers (`text`), and `discrepancies`, which runs them."""

from newsprism.compare.checks.discrepancies import find_discrepancies

__all__ = ["find_discrepancies"]
