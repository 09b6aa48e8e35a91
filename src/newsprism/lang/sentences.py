"""The one rule-based sentence splitter, with one list of abbreviations.

A sentence ends at ``.``, ``!`` or ``?`` (closing quotes and brackets kept with it) before
whitespace and a capital letter, a digit or an opening quote or bracket, unless the period
ends an abbreviation ("Gov.", "U.S.") or an initial ("John F. Kennedy"); it never runs across
a line break. Every sentence is a ``(start, end)`` span of the text, trimmed of whitespace.

The pipeline splits every document once (``sentence_spans``: the body of its clean text) and
hands the spans to the compare stage as a required input; claims, the event-verb check and
tone read them and never split again. The report shows a span in context with ``split`` on the
document text around it. The extract stage does not use this splitter: it works on spaCy's
sentences, which come from the dependency parse, and keeps them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence

from newsprism.model import Document

# titles, months and other abbreviations that end with a period inside a sentence (general English)
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof sen rep gov gen lt col sgt capt cmdr adm maj rev st jr sr inc corp co ltd "
    "vs no nos jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u d.c a.m p.m "
    "approx dept est fig gov't mt ft pres supt".split()
)
_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])")
_LINE = re.compile(r"[^\n]+")

SentenceSpan = tuple[int, int]  # (start, end) offsets of one sentence in ``Document.text``
SentenceSpans = Mapping[str, Sequence[SentenceSpan]]  # document id -> its sentences, in text order


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the period at ``dot`` ends an abbreviation or an initial, not a sentence."""
    if text[dot] != ".":
        return False
    j = dot
    while j > 0 and (text[j - 1].isalnum() or text[j - 1] == "."):
        j -= 1
    word = text[j:dot].lower()
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "John F. Kennedy"
    return word in ABBREVIATIONS


def split(text: str, start: int = 0, end: int | None = None) -> Iterator[SentenceSpan]:
    """The sentence spans of ``text[start:end]`` (offsets into ``text``), in text order."""
    stop = len(text) if end is None else end
    for line in _LINE.finditer(text, start, stop):
        begin = line.start()
        for m in _END.finditer(text, begin, line.end()):
            if _is_abbreviation(text, m.start()):
                continue
            yield from _trim(text, begin, m.end())
            begin = m.end()
        yield from _trim(text, begin, line.end())


def sentences(doc: Document) -> Iterator[SentenceSpan]:
    """The sentence spans of the document body (its clean text: removed boilerplate blanked)."""
    return split(doc.clean_text(), doc.body.start, doc.body.end)


def sentence_spans(documents: Sequence[Document]) -> dict[str, tuple[SentenceSpan, ...]]:
    """Every document's sentences, split once for all the stages that read sentences."""
    return {d.id: tuple(sentences(d)) for d in documents}


def _trim(text: str, start: int, end: int) -> Iterator[SentenceSpan]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end
