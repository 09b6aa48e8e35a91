"""Date expressions in a document, resolved against the document's own date.

``find_dates(doc, sdoc)`` takes spaCy's DATE (and date-like TIME) entities plus the matches of
our own patterns for what the model misses, resolves each with ``time_rules.resolve`` and
keeps the best non-overlapping set. Spans hold the date words only ("Tuesday" in "on
Tuesday", "2018" in "in 2018"). Durations ("four hours", "three-year conflict") and ages
("54-year-old") are not dates and are skipped. Relative expressions in a document without a
date get ``value=None`` and the note "document date unknown". dateparser is only a fallback
for entities our rules cannot read (it is slow).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from newsprism.extract.dates.rules import NUMBER_RE, Resolution, resolve
from newsprism.lang.calendar import MONTH_NAME_RE, WEEKDAY_NAME_RE, parse_iso_day
from newsprism.model import Document, TimeExpression

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Token

_M = (rf"(?:{MONTH_NAME_RE}|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.|"
      r"Jan|Feb|Aug|Sept|Oct|Nov|Dec)")
_W = f"(?:{WEEKDAY_NAME_RE})"
_ORD = r"(?:st|nd|rd|th)?"
_APPROX = r"(?:(?:about|around|nearly|almost|roughly|some|more than|just over|over)\s+)?"

# (pattern, flags, group whose span is the expression)
_SCAN: tuple[tuple[str, int, int], ...] = (
    (r"\b\d{4}-\d{2}-\d{2}\b", 0, 0),
    (rf"\b(?:{_W},?\s+)?{_M}\s+\d{{1,2}}{_ORD}(?:\s*[-–]\s*\d{{1,2}}\b)?(?:,?\s+\d{{4}})?\b", 0, 0),
    (rf"\b(?:{_W},?\s+)?\d{{1,2}}{_ORD}\s+(?:of\s+)?{_M}(?:,?\s+\d{{4}})?\b", 0, 0),
    (rf"\b(?:(?:[Ee]arly|[Ll]ate|[Mm]id)[\s-]+)?{_M},?\s+\d{{4}}\b", 0, 0),
    (rf"\b(?:(?:[Ll]ast|[Nn]ext|[Tt]his(?: past| coming)?)\s+)?{_W}(?:\s+(?:morning|afternoon|evening|night))?\b", 0, 0),
    (r"\b(?:today|tonight|yesterday|tomorrow|last night|this (?:morning|afternoon|evening))\b", re.I, 0),
    (r"\b(?:last|this|next|earlier this|later this|the past|the previous|this past)\s+"
     r"(?:week|weekend|month|year)\b", re.I, 0),
    (r"\b(?:over|during|at)\s+(the\s+weekend)\b", re.I, 1),
    (rf"\b{_APPROX}{NUMBER_RE}[\s-]+(?:day|week|month|year|decade)s?\s+ago\b", re.I, 0),
    (rf"\bthe\s+(?:past|last)\s+{NUMBER_RE}\s+(?:day|week|month|year|decade)s\b", re.I, 0),
    (r"\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Ff]rom|[Bb]efore|[Aa]fter|[Dd]uring|[Ee]arly|[Ll]ate|"
     r"[Mm]id-|[Tt]hrough|[Oo]f)\s+((?:1[89]|20)\d\d)\b(?![-–]?\s*(?:\w|%))", 0, 1),
    (r"\b(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:1[0-9]|20)\d0s\b", 0, 0),
    (rf"\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Ee]arly|[Ll]ate|[Mm]id-|[Ll]ast|[Nn]ext|[Tt]his)\s+({_M})\b"
     r"(?!\s+\d)", 0, 1),
)
_SCAN_RX = tuple((re.compile(p, f), g) for p, f, g in _SCAN)
_FUTURE_AUX = {"will", "'ll", "shall", "wo"}
_DEADLINE = {"by", "until", "till"}
_FUTURE_LEMMAS = {"schedule", "plan", "expect", "due", "slate", "intend", "set"}
_APPROX_RX = re.compile(rf"\b(?:about|around|nearly|almost|roughly|some|more than|over)\s+{NUMBER_RE}\b", re.I)
_DATEISH_RX = re.compile(rf"\d|{_M}|{_W}", re.I)
_DATEWORD_RX = re.compile(rf"\d|{_M}|{_W}|\b(?:day|week|month|year|decade|century|weekend|"
                          r"spring|summer|autumn|fall|winter)s?\b", re.I)
_CANDIDATE_LABELS = ("DATE", "TIME")


def find_dates(doc: Document, sdoc: SpacyDoc) -> list[TimeExpression]:
    """Every date expression in the document, resolved against ``doc.published``."""
    anchor = parse_iso_day(doc.published)
    text = doc.clean_text()  # what was parsed (same offsets as doc.text); sdoc.text is slow
    candidates: list[tuple[int, int, int, Resolution, bool]] = []
    for start, end, from_model in _spans(sdoc, text):
        start, end = _trim(text, start, end)
        if end <= start:
            continue
        future = _future_context(sdoc, start, end)
        res = resolve(text[start:end], anchor, future)
        if res.kind == "unknown" and from_model:
            res = _fallback(text[start:end], anchor)
        if res.kind in ("duration", "age"):
            continue
        if res.kind == "unknown" and (not from_model or not _DATEWORD_RX.search(text[start:end])):
            continue
        score = 2 if res.kind == "date" else 1
        candidates.append((start, end, score, res, future))
    chosen = _select(candidates)
    return [_record(doc, s, e, res, anchor, future) for s, e, res, future in chosen]


def redate(expr: TimeExpression, doc: Document) -> TimeExpression:
    """An expression left unresolved for want of a document date, resolved against the date
    ``doc`` has now (one a later pass inferred); any other expression unchanged."""
    anchor = parse_iso_day(doc.published)
    if expr.note != "document date unknown" or anchor is None:
        return expr
    res = resolve(expr.text, anchor, expr.future)
    if res.kind == "unknown":
        res = _fallback(expr.text, anchor)
    return _record(doc, expr.start, expr.end, res, anchor, expr.future)


def _spans(sdoc: SpacyDoc, text: str) -> Iterator[tuple[int, int, bool]]:
    for ent in sdoc.ents:
        if ent.label_ in _CANDIDATE_LABELS:
            yield ent.start_char, ent.end_char, ent.label_ == "DATE"
    for rx, group in _SCAN_RX:
        for m in rx.finditer(text):
            yield m.start(group), m.end(group), False


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding spaces/punctuation and a trailing possessive from a span."""
    while start < end and text[start] in " \t\n,;:(\"'\u201c\u2018":
        start += 1
    while end > start and text[end - 1] in " \t\n,;:)\"\u201d\u2019'":
        end -= 1
    for suffix in ("'s", "\u2019s"):
        if text[start:end].endswith(suffix):
            end -= len(suffix)
    return start, end


def _select(cands: list[tuple[int, int, int, Resolution, bool]]) -> list[tuple[int, int, Resolution, bool]]:
    """Best non-overlapping candidates: resolved before unresolved, then longer first."""
    taken: list[tuple[int, int, Resolution, bool]] = []
    for start, end, _score, res, future in sorted(cands, key=lambda c: (-c[2], -(c[1] - c[0]), c[0])):
        if all(end <= s or start >= e for s, e, _, _ in taken):
            taken.append((start, end, res, future))
    return sorted(taken, key=lambda t: t[0])


def _record(doc: Document, start: int, end: int, res: Resolution, anchor: date | None,
            future: bool) -> TimeExpression:
    span_text = doc.text[start:end]
    note: str | None = None
    if res.kind != "date" or (res.value is None and not res.relative):
        note = "vague: no calendar date" if res.kind == "vague" else "unresolved"
    elif res.value is None:
        note = "document date unknown"
    elif _APPROX_RX.search(span_text):
        note = "approximate"
    return TimeExpression(
        doc=doc.id, start=start, end=end, text=span_text, value=res.value,
        anchor=anchor.isoformat() if anchor else None, note=note, future=future,
    )


def _future_context(sdoc: SpacyDoc, start: int, end: int) -> bool:
    """True when the expression modifies a verb in the future ("will meet", "is expected to"),
    or is a deadline ("by September", "until November", "by the March 1 deadline") of a verb
    that is not in a past tense ("had risen by March" stays past)."""
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    tok = span.root
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX") or tok.head is tok:
            break
        tok = tok.head
    if _deadline(sdoc, span.start) and not _past_tense(tok):
        return True
    for _ in range(2):
        for child in tok.children:
            if child.dep_ == "aux" and child.lower_ in _FUTURE_AUX:
                return True
            if child.dep_ == "aux" and child.lower_ == "to" and tok.head.lemma_ in ("go", "be"):
                return True
        if tok.lemma_ in _FUTURE_LEMMAS and tok.tag_ in ("VBN", "JJ"):
            return True
        if tok.dep_ == "xcomp" and tok.head.lemma_ in _FUTURE_LEMMAS and tok.head.tag_ in ("VB", "VBP", "VBZ"):
            return True  # "plan to bring the bill to a vote on Thursday"
        if tok.dep_ != "xcomp":
            break
        tok = tok.head
    return False


def _deadline(sdoc: SpacyDoc, first: int) -> bool:
    """The expression follows "by" / "until" / "till" (through "the" and an "early"/"late")."""
    i = first - 1
    while i >= 0 and sdoc[i].lower_ in ("the", "early", "late", "mid", "end", "of"):
        i -= 1
    return i >= 0 and sdoc[i].lower_ in _DEADLINE


def _past_tense(verb: Token) -> bool:
    return verb.tag_ == "VBD" or any(c.dep_ == "aux" and c.tag_ == "VBD" for c in verb.children)


def _fallback(text: str, anchor: date | None) -> Resolution:
    """dateparser for model entities our rules cannot read (only those with a date word)."""
    if not _DATEISH_RX.search(text) or (anchor is None and not re.search(r"\b\d{4}\b", text)):
        return Resolution("unknown")
    data = _date_parser(anchor.isoformat() if anchor else None).get_date_data(text)
    when: Any = data.date_obj
    if when is None:
        return Resolution("unknown")
    day = when.date() if isinstance(when, datetime) else when
    value = {"year": f"{day.year:04d}", "month": f"{day.year:04d}-{day.month:02d}"}.get(
        data.period or "day", day.isoformat())
    return Resolution("date", value, relative=not re.search(r"\b\d{4}\b", text))


@lru_cache(maxsize=8)
def _date_parser(anchor_iso: str | None) -> Any:
    from dateparser.date import DateDataParser

    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past"}
    if anchor_iso:
        settings["RELATIVE_BASE"] = datetime.fromisoformat(anchor_iso)
    return DateDataParser(languages=["en"], settings=settings)
