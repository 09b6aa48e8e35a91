"""The extract stage: actors, quotes, dates and PLOVER events, every item with source spans.

``extract(documents, nlp)`` parses each document once, runs the per-document extractors on the
parse (``extract_each``: one ``DocExtraction`` per document, which the store keeps so that a
document is never parsed twice), then canonicalises actors across documents and maps local actor
keys to entity ids (``merge``).
``redate(extraction, documents)`` resolves again the date expressions and event dates of
documents that got a date after extraction (from their story, in compare), without parsing.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from newsprism.extract.actors import find as actors_mod
from newsprism.extract.events import find as events_mod
from newsprism.extract.quotes import find as quotes_mod
from newsprism.extract.dates import find as time_mod
from newsprism.extract.nlp import parse
from newsprism.model import DocExtraction, Extraction

if TYPE_CHECKING:
    from spacy.language import Language

    from newsprism.model import Document


def extract_document(doc: Document, sdoc: object) -> DocExtraction:
    """Everything one document yields, with actors still local to the document."""
    found_actors = actors_mod.find_actors(doc, sdoc)
    found_quotes = tuple(quotes_mod.find_quotes(doc, sdoc, found_actors))
    found_dates = tuple(time_mod.find_dates(doc, sdoc))
    found_events = tuple(events_mod.find_events(doc, sdoc, found_actors, found_dates, found_quotes))
    return DocExtraction(found_actors, found_quotes, found_dates, found_events)


def extract(
    documents: Sequence[Document],
    nlp: Language,
    progress: Callable[[int], None] | None = None,
) -> Extraction:
    return merge(extract_each(documents, nlp, progress))


def extract_each(
    documents: Sequence[Document],
    nlp: Language,
    progress: Callable[[int], None] | None = None,
    processes: int = 1,
) -> tuple[DocExtraction, ...]:
    """Parse each document once and run the per-document extractors on it (the parse in
    ``processes`` worker processes when above 1: ``nlp.parse``)."""
    per_doc: list[DocExtraction] = []
    for doc, sdoc in zip(documents, parse(documents, nlp, processes=processes), strict=True):
        per_doc.append(extract_document(doc, sdoc))
        if progress is not None:
            progress(1)
    return tuple(per_doc)


def merge(per_doc: Sequence[DocExtraction]) -> Extraction:
    """Canonicalise actors across documents and rewrite local keys to entity ids."""
    entities, key_to_id = actors_mod.canonicalise([d.actors for d in per_doc])

    def ent(key: str | None) -> str | None:
        return key_to_id.get(key, key) if key is not None else None

    quotes = tuple(
        dataclasses.replace(q, speaker=ent(q.speaker)) for d in per_doc for q in d.quotes
    )
    events = tuple(
        dataclasses.replace(
            e,
            source=tuple(dict.fromkeys(ent(k) or k for k in e.source)),
            target=tuple(dict.fromkeys(ent(k) or k for k in e.target)),
        )
        for d in per_doc
        for e in d.events
    )
    dates = tuple(t for d in per_doc for t in d.dates)
    return Extraction(entities=tuple(entities), quotes=quotes, events=events, dates=dates)


def redate(extraction: Extraction, documents: Sequence[Document]) -> Extraction:
    """``extraction`` with the date expressions and events of ``documents`` (which had no date
    when extracted and have one now) resolved against their new dates; nothing else changes."""
    by_id = {d.id: d for d in documents}
    if not by_id:
        return extraction
    dates = tuple(time_mod.redate(t, by_id[t.doc]) if t.doc in by_id else t for t in extraction.dates)
    values = {(t.doc, t.start, t.end): t.value for t in dates if t.doc in by_id}
    events = []
    for e in extraction.events:
        doc = by_id.get(e.mentions[0].doc) if e.mentions else None
        if doc is None or e.date is not None or e.date_basis is None:
            events.append(e)
        elif e.date_basis == "document":
            events.append(dataclasses.replace(
                e, date=doc.published, date_span=doc.published_evidence[0] if doc.published_evidence else None))
        else:
            span = e.date_span
            value = values.get((span.doc, span.start, span.end)) if span else None
            events.append(dataclasses.replace(e, date=value, date_text=span.text if value and span else None))
    return dataclasses.replace(extraction, dates=dates, events=tuple(events))
