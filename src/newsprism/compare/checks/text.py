"""Shared helpers of the contradiction checks: word tokens with offsets, sub-spans, phrases.

Every check works on ``Span`` records; a token found inside a span is turned back into a span
of the same document with ``sub_span`` so that ``document.text[start:end] == span.text`` holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from newsprism.lang.words import WORD_RUN
from newsprism.model import Span

_TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:[’'][^\W\d_]+)?|[%$€£¥]")


class Token(NamedTuple):  # a tuple: the checks build tens of thousands of them
    text: str
    lower: str
    start: int  # offset inside the span's text
    end: int
    hyphen_before: bool  # joined to the previous token by a hyphen ("four-hour")


def tokens(text: str) -> list[Token]:
    """Word, number and currency/percent tokens with offsets into ``text``."""
    out: list[Token] = []
    for m in _TOKEN_RE.finditer(text):
        hyph = m.start() > 0 and text[m.start() - 1] in "-‐‑–" and bool(out) and out[-1].end == m.start() - 1
        out.append(Token(m.group(), m.group().lower(), m.start(), m.end(), hyph))
    return out


def sub_span(span: Span, start: int, end: int) -> Span:
    """The part ``[start, end)`` (offsets inside ``span.text``) as a span of the document."""
    return Span(span.doc, span.start + start, span.start + end, span.text[start:end])


def span_key(span: Span) -> str:
    return f"{span.doc}:{span.start}:{span.end}"


def overlaps(a: Span, b: Span) -> bool:
    return a.doc == b.doc and a.start < b.end and b.start < a.end




def first_words(phrases: Iterable[str]) -> frozenset[str]:
    """The first word (``\\w+`` run, lower case) of every phrase: a text can only match one of
    the phrases where one of these words starts, so large alternations are tried only there."""
    return frozenset(m.group().lower() for p in phrases if (m := WORD_RUN.search(p)))


def words_of(text: str) -> set[str]:
    """The lower-cased ``\\w+`` runs of ``text``, to test against ``first_words``."""
    return {w.lower() for w in WORD_RUN.findall(text)}


def phrase_regex(phrases: list[str]) -> str:
    """An alternation of phrases, longest first, with flexible whitespace."""
    parts = sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in parts)
