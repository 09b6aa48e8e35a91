"""Text units for the plain-text cleaner: lines (or paragraphs of hard-wrapped text) with offsets.

A unit is one visual paragraph of the reference text: normally one line, but when the text is
hard-wrapped (lines broken mid-sentence, paragraphs separated by blank lines) the consecutive
non-blank lines of a paragraph form one unit. ``start``/``end`` cover the unit's content without
surrounding whitespace, so ``text[start:end]`` is the paragraph as printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# characters str.strip() keeps but that are invisible layout (BOM, zero-width, no-break space)
_INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060\xa0"
# Chinese and Japanese are written without spaces: a run of Han or kana characters counts as one
# word per two characters (a Chinese or Japanese word is one to two characters on average), so a
# sentence counts like a sentence and not like one long word
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
_WORD = re.compile(rf"[{_CJK}]{{1,2}}|[^\W_{_CJK}]+(?:['’.\-/][^\W_{_CJK}]+)*", re.UNICODE)
# sentence ends, with the full-width marks of Chinese and Japanese (。！？) among them
_TERMINAL = re.compile(r"""[.!?…。！？]["'”’»)\]」』）]*$|[.!?…。！？]\s*[(（].*[)）]$""")


@dataclass(frozen=True, slots=True)
class Unit:
    """One paragraph-like stretch of text and the cheap features every rule reads."""

    index: int
    start: int
    end: int
    text: str  # text[start:end] with internal newlines turned into spaces
    words: tuple[str, ...]
    low: str  # text.lower(), computed once for the keyword gates

    @property
    def n_words(self) -> int:
        return len(self.words)

    @property
    def terminal(self) -> bool:
        """Ends like a sentence (., !, ?, … possibly followed by closing quotes)."""
        return bool(_TERMINAL.search(self.text))

    @property
    def capital_ratio(self) -> float:
        """Share of words starting with a capital letter (headline-style text is high)."""
        if not self.words:
            return 0.0
        return sum(1 for w in self.words if w[0].isupper()) / len(self.words)


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in _INVISIBLE):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _INVISIBLE):
        end -= 1
    return start, end


def _line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line's content, blank lines as empty spans."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        stop = pos + len(line.rstrip("\r\n"))
        spans.append(_strip_span(text, pos, stop))
        pos += len(line)
    return spans


def _is_wrapped(text: str, spans: list[tuple[int, int]]) -> bool:
    """Hard-wrapped text: many lines continue on the next line with a lower-case word."""
    continued = 0
    content = 0
    for (a, b), (c, d) in zip(spans, spans[1:]):
        if a == b:
            continue
        content += 1
        if c < d and text[c].islower() and not _TERMINAL.search(text[a:b]):
            continued += 1
    return content >= 4 and continued / content >= 0.3


def _make_unit(text: str, index: int, start: int, end: int) -> Unit:
    body = " ".join(text[start:end].split())
    return Unit(index, start, end, body, tuple(_WORD.findall(body)), body.lower())


def split_units(text: str) -> list[Unit]:
    """The text's non-blank paragraphs in order, each with its offsets."""
    spans = _line_spans(text)
    if not _is_wrapped(text, spans):
        return [_make_unit(text, i, a, b) for i, (a, b) in enumerate(s for s in spans if s[0] < s[1])]
    units: list[Unit] = []
    block: list[tuple[int, int]] = []
    for a, b in [*spans, (0, 0)]:
        if a < b:
            block.append((a, b))
        elif block:
            units.append(_make_unit(text, len(units), block[0][0], block[-1][1]))
            block = []
    return units
