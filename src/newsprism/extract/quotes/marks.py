"""Find direct quotations by their quotation marks, in plain text.

Double marks only (curly “ ”, low „, guillemets « », straight ", and the typewriter pairs of
two apostrophes '' (either way) and two backticks `` (opening), as some wire and archive texts
and TeX/Penn Treebank style write them); single marks ‘ ’ ' are left inside the quote (quotes
within quotes, apostrophes). A straight mark's direction is read from its neighbours.
``open`` is the first character of the opening mark, ``close`` the last one of the closing mark. A quote never runs past its paragraph: when a paragraph ends with a quote
still open and the next paragraph opens with a quotation mark, the two pieces form one
multi-paragraph quote (same ``group``); otherwise the piece ends at the paragraph end.
Stray closing marks are ignored, and so is the value of a markup attribute left in the text
(author="...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN_GLYPHS = "“„«‟"
CLOSE_GLYPHS = "”»"
STRAIGHT = '"'
ALL_MARKS = OPEN_GLYPHS + CLOSE_GLYPHS + STRAIGHT
PAIR_STRAIGHT = "''"  # two apostrophes: a straight double mark
PAIR_OPEN = "``"  # two backticks: an opening double mark
_MARK_RE = re.compile(f"{PAIR_STRAIGHT}|{PAIR_OPEN}|[{re.escape(ALL_MARKS)}]")
_BEFORE_OPEN = "([{—–-/:;,…"
_AFTER_CLOSE = ".,;:!?)]}—–-…'’"


@dataclass(frozen=True, slots=True)
class QuoteMarks:
    """One quoted stretch: ``start``/``end`` delimit the words, ``open``/``close`` the marks."""

    start: int
    end: int
    open: int  # index of the opening mark
    close: int | None  # index of the closing mark; None when the paragraph ended first
    group: int  # pieces of one multi-paragraph quote share a group


def _context_direction(text: str, i: int, j: int | None = None) -> str | None:
    """Open or close from the characters around the mark ``text[i:j]`` (one character by default)."""
    j = i + 1 if j is None else j
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[j] if j < len(text) else "\n"
    opens = prev.isspace() or prev in _BEFORE_OPEN or prev in OPEN_GLYPHS
    closes = nxt.isspace() or nxt in _AFTER_CLOSE or nxt in CLOSE_GLYPHS
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return None


def _direction(text: str, i: int, is_open: bool, mark: str | None = None) -> str:
    mark = mark or text[i]
    if mark == PAIR_OPEN:
        return "open"
    ch = STRAIGHT if mark == PAIR_STRAIGHT else mark
    ctx = _context_direction(text, i, i + len(mark))
    if ch == STRAIGHT:
        return ctx or ("close" if is_open else "open")
    glyph = "open" if ch in OPEN_GLYPHS else "close"
    # a mis-typed curly mark: trust clear context when the state agrees with it
    if ctx is not None and ctx != glyph and (ctx == "close") == is_open:
        return ctx
    return glyph


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] == ","):
        b -= 1
    return a, b


def _starts_with_open(text: str, p0: int, p1: int) -> bool:
    i = p0
    while i < p1 and text[i].isspace():
        i += 1
    if text.startswith((PAIR_STRAIGHT, PAIR_OPEN), i):
        return _direction(text, i, False, text[i : i + 2]) == "open"
    return i < p1 and text[i] in OPEN_GLYPHS + STRAIGHT and _direction(text, i, False) == "open"


def find_marked(text: str) -> list[QuoteMarks]:
    """Every double-quoted stretch in ``text``, in order."""
    out: list[QuoteMarks] = []
    group = 0
    carried: int | None = None  # group of an open quote left at the previous paragraph's end
    for p0, p1 in _paragraphs(text):
        if carried is not None and not _starts_with_open(text, p0, p1):
            carried = None
        open_at: int | None = None
        open_len = depth = 0
        skip_to = -1
        for m in _MARK_RE.finditer(text, p0, p1):
            i, mark = m.start(), m.group()
            if i <= skip_to:
                continue
            if mark == STRAIGHT and open_at is None and i > p0 and text[i - 1] == "=":
                skip_to = text.find(STRAIGHT, i + 1, p1)  # a markup attribute's value: author="..."
                skip_to = p1 if skip_to < 0 else skip_to
                continue
            d = _direction(text, i, open_at is not None, mark)
            if d == "open":
                if open_at is None:
                    open_at, open_len, depth = i, len(mark), 1
                else:
                    depth += 1
                continue
            if open_at is None:
                continue  # stray closing mark
            depth -= 1
            if depth > 0:
                continue
            a, b = _trim(text, open_at + open_len, i)
            if carried is None:
                group += 1
            if any(c.isalnum() for c in text[a:b]):
                out.append(QuoteMarks(a, b, open_at, m.end() - 1, carried if carried is not None else group))
            carried, open_at = None, None
        if open_at is not None:
            a, b = _trim(text, open_at + open_len, p1)
            if carried is None:
                group += 1
                carried = group
            if any(c.isalnum() for c in text[a:b]):
                out.append(QuoteMarks(a, b, open_at, None, carried))
        else:
            carried = None
    return out
