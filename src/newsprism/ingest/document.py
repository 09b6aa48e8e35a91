"""``build_document``: one RawSource to one Document (body, removed ranges, metadata, genre)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from newsprism.ingest.genre import classify_genre
from newsprism.ingest.limits import DEFAULT_LIMITS, Limits
from newsprism.ingest.metadata import extract_metadata
from newsprism.lang.published import infer_published
from newsprism.ingest.text_clean import clean
from newsprism.model import Document, RawSource, Removed, make_id, sha256_text


def overlong_runs(text: str, removed: Sequence[Removed], max_chars: int) -> tuple[Removed, ...]:
    """``removed`` plus every run of more than ``max_chars`` characters without a space that is not
    already removed (spaCy's tokenizer is quadratic on long punctuation runs), in text order."""
    extra = [
        Removed(m.start(), m.end(), f"run of {m.end() - m.start():,} characters without a space")
        for m in re.finditer(rf"\S{{{max_chars + 1},}}", text)
        if not any(r.start <= m.start() and m.end() <= r.end for r in removed)
    ]
    if not extra:
        return tuple(removed)
    return tuple(sorted([*removed, *extra], key=lambda r: (r.start, r.end)))


def build_document(raw: RawSource, limits: Limits = DEFAULT_LIMITS, today: date | None = None) -> Document:
    """Clean one article and read its metadata; the id depends on the text only.

    A document whose metadata, date lines and url give no date gets one inferred from its body
    (``lang.published``; no date after ``today``, by default the day it runs), or stays undated."""
    text = raw.text
    digest = sha256_text(text)
    cleaned = clean(text, extracted=raw.html is not None)
    meta = extract_metadata(text, cleaned, raw.meta)
    genre, genre_note = classify_genre(text, cleaned, raw.meta, meta.title)
    # keys in sorted order, as the store gives them back, so a re-run writes the same JSON
    evidence = dict(sorted({**meta.evidence, "genre": genre_note}.items()))
    doc = Document(
        id=make_id("doc", digest),
        source=raw.source,
        sha256=digest,
        text=text,
        outlet=meta.outlet,
        title=meta.title,
        authors=meta.authors,
        published=meta.published,
        genre=genre,  # type: ignore[arg-type]  # classify_genre returns one of the Genre values
        body=cleaned.body,
        removed=overlong_runs(text, cleaned.removed, limits.max_token_chars),
        url=meta.url,
        format=raw.fmt,
        evidence=evidence,
        published_basis="explicit" if meta.published else None,
    )
    if meta.published_span:
        return replace(doc, published_evidence=(doc.span(*meta.published_span),))
    if doc.published:
        return doc
    found = infer_published(doc.dated_text(), today or date.today())
    if found is None:
        return doc
    return replace(
        doc, published=found.day.isoformat(), published_basis="inferred",
        published_evidence=tuple(doc.span(a, b) for a, b in found.spans),
        evidence=dict(sorted({**doc.evidence, "published": f"inferred from the text: {found.note}"}.items())),
    )
