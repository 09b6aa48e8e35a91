"""Small text helpers for the report: outlet labels, sentence context around a span, dates.

Everything here returns plain strings; escaping is left to Jinja2's autoescape (and to
``markupsafe.escape`` in ``charts``), so nothing in this module may build markup.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from newsprism.lang.calendar import parse_iso_day
from newsprism.model import Document, Span

# A sentence ends at . ! ? or … (optionally followed by closing quotes/brackets) and whitespace,
# or at a line break. Abbreviations are handled in ``_is_abbreviation``.
_BOUNDARY = re.compile(r"(?<=[.!?\u2026])[\"'\u201d\u2019)\]]*[ \t]+|\n")
# Common English abbreviations that end in a period but rarely end a sentence (titles,
# corporate suffixes, months); general orthography, not taken from any corpus.
_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "gen", "sen", "rep", "gov", "lt", "col",
    "capt", "sgt", "maj", "adm", "rev", "hon", "pres", "inc", "corp", "co", "ltd", "no", "vs",
    "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
})
_WORD_BEFORE = re.compile(r"([\w.]+)\.\W*$")
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


def outlet_label(doc: Document) -> str:
    """The outlet's name, or a readable stand-in built from the source file name."""
    if doc.outlet and doc.outlet.strip():
        return doc.outlet.strip()
    base = re.split(r"[\\/]", doc.source.rstrip("/\\"))[-1] or doc.id
    return f"unknown outlet ({base})"


def _is_abbreviation(text: str, end: int) -> bool:
    """Whether the period just before ``end`` belongs to an abbreviation like 'Dr.' or 'U.S.'."""
    m = _WORD_BEFORE.search(text[max(0, end - 24):end])
    if not m:
        return False
    word = m.group(1)
    if "." in word:  # U.S., a.m., e.g.
        return True
    return word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isupper())


def _boundaries(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    out = []
    for m in _BOUNDARY.finditer(text, lo, hi):
        if m.group(0) != "\n" and _is_abbreviation(text, m.start()):
            continue
        out.append((m.start(), m.end()))
    return out


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The start and end of the sentence(s) holding ``text[start:end]`` (at most CONTEXT_LIMIT
    characters either side)."""
    lo, hi = max(0, start - CONTEXT_LIMIT), min(len(text), end + CONTEXT_LIMIT)
    left, right = lo, hi
    for b_start, b_end in _boundaries(text, lo, hi):
        if b_end <= start:
            left = b_end
        elif b_start >= end:
            right = b_start
            break
    return left, right


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
    """Offsets where sentences begin in ``text`` (always starts with 0), for ``bisect``."""
    return [0] + [b_end for _, b_end in _boundaries(text, 0, len(text))]
