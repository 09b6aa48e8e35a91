"""The report stage's public surface: ``render_pages(analysis) -> {path: html}`` (the index
report.html and one page per story under stories/), ``iter_pages`` (the same pages one at a
time, what ``export`` writes) and
``render_report(analysis) -> str`` (the whole report as one self-contained page).

Modules: ``html`` (rendering), ``views`` (what each story section shows), ``quotes`` (quotes by
speaker, same words from several outlets once, scare quotes apart), ``figures`` (chart data),
``charts`` (inline SVG), ``text`` (sentence context, dates), ``templates/``.
"""

from newsprism.report.html import INDEX, STORY_DIR, iter_pages, render_pages, render_report, story_file

__all__ = ["INDEX", "STORY_DIR", "iter_pages", "render_pages", "render_report", "story_file"]
