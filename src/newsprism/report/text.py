"""Small text helpers for the report: outlet labels, sentence context around a span, dates.

Sentences are those of the one rule-based splitter, ``lang.sentences.split``, run on the lines
around a span of the document text.

Everything here returns plain strings; escaping is left to Jinja2's autoescape (and to
``markupsafe.escape`` in ``charts``), so nothing in this module may build markup.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from newsprism.lang.calendar import parse_iso_day
from newsprism.lang.sentences import split
from newsprism.model import Document, Span

CONTEXT_LIMIT = 320  # at most this many characters of context on each side of a span


@dataclass(frozen=True, slots=True)
class InContext:
    """A span with the sentence around it, split for rendering ``before<mark>span</mark>after``."""

    before: str
    marked: str
    after: str
    cut_before: bool  # the context was cut short at CONTEXT_LIMIT (show an ellipsis)
    cut_after: bool
    exact: bool  # the span's text matches the document at its offsets


def file_name(source: str) -> str:
    """A source's file name without the folders above it (with its ``:line`` or ``#record``), so
    no machine path reaches a reader."""
    return re.split(r"[\\/]", source.rstrip("/\\"))[-1] or source


def outlet_label(doc: Document) -> str:
    """The outlet's name, or a readable stand-in built from the source file name."""
    if doc.outlet and doc.outlet.strip():
        return doc.outlet.strip()
    return f"unknown outlet ({file_name(doc.source) or doc.id})"


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The start and end of the sentence(s) holding ``text[start:end]`` (``lang.sentences``), cut
    at CONTEXT_LIMIT characters either side."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    left, right = start, end
    for s_start, s_end in split(text, line_start, len(text) if line_end < 0 else line_end):
        if s_start <= start:
            left = s_start
        if s_end >= end:
            right = s_end
            break
    return max(left, start - CONTEXT_LIMIT), min(right, end + CONTEXT_LIMIT)


def in_context(doc: Document | None, span: Span) -> InContext:
    """The sentence around ``span`` in ``doc``; the span alone when the offsets do not fit."""
    if doc is None or not (0 <= span.start <= span.end <= len(doc.text)):
        return InContext("", span.text, "", False, False, False)
    text = doc.text
    left, right = sentence_bounds(text, span.start, span.end)
    return InContext(
        before=text[left:span.start].lstrip(),
        marked=text[span.start:span.end],
        after=text[span.end:right].rstrip(),
        cut_before=left == span.start - CONTEXT_LIMIT and left > 0,
        cut_after=right == span.end + CONTEXT_LIMIT and right < len(text),
        exact=text[span.start:span.end] == span.text,
    )


def parse_period(value: str | None) -> tuple[dt.date, dt.date] | None:
    """First and last day of an ISO date or an ISO interval 'a/b'; None when unparseable."""
    if not value:
        return None
    first, _, last = value.partition("/")
    a = parse_iso_day(first)
    if a is None:
        return None
    b = parse_iso_day(last) if last else a
    if b is None or b < a:
        b = a
    return a, b


def shorten(text: str, limit: int) -> str:
    """``text`` on one line, cut at ``limit`` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "\u2026"


def sentence_starts(text: str) -> list[int]:
    """Offsets where the sentences of ``text`` begin (``lang.sentences``), for ``bisect``."""
    return [s_start for s_start, _ in split(text)]
