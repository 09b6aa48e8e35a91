"""The report stage's public surface: ``render_report(analysis) -> str`` (self-contained HTML).

Modules: ``html`` (rendering), ``views`` (what each story section shows), ``figures`` (chart
data), ``charts`` (inline SVG), ``text`` (sentence context, dates), ``templates/``.
"""

from newsprism.report.html import render_report

__all__ = ["render_report"]
