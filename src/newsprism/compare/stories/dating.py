"""The second dating pass: documents still undated after ingest, dated from their story.

Ingest infers a date from a document's own words when its metadata has none
(``lang.published``); what it cannot settle there (a bare "February 18" with no year nearby, a
bare "on Tuesday") becomes settled once the document is known to report the same story as dated
documents. ``date_from_stories(documents, stories, today)`` reads each undated document again
with ``near`` set to the latest published date of its story's dated documents (of this batch,
and of earlier batches through the story's stored signature): its month-days
take the year nearest that date and its past weekdays the last such day on or before it; the
inferred day is the latest date the document itself reports (the same rules as ingest). A
document whose text has no such date stays undated; a dated document is never changed. The
evidence names the story's documents and the spans of the document's own words.

Such a date (``published_basis`` "story") belongs to the story as it stands: when the story is
compared again (a later batch makes it grow), ``own_date`` takes it off first, so the document
enters the grouping undated exactly as in one run over all the documents, and the pass dates it
again from the grown story.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from newsprism.lang.calendar import parse_iso_day
from newsprism.lang.published import infer_published
from newsprism.model import Document, Story, StorySignature


def date_from_stories(documents: Sequence[Document], stories: Sequence[Story], today: date,
                      signatures: Sequence[StorySignature] = ()) -> tuple[Document, ...]:
    """The documents that had no date and now have one from their story (in input order).

    ``signatures`` (a story's stored signature, same id) add the latest date of documents
    stored by earlier batches, so an article posted on its own can be dated by its story."""
    by_id = {d.id: d for d in documents}
    stored = {s.id: day for s in signatures if (day := parse_iso_day(s.last)) is not None}
    story_of: dict[str, Story] = {}
    for story in stories:
        for doc_id in story.documents:
            story_of.setdefault(doc_id, story)
    redated: list[Document] = []
    for doc in documents:
        story = story_of.get(doc.id)
        if doc.published or story is None:
            continue
        mates = sorted((day, d) for d in story.documents if d in by_id
                       and (day := parse_iso_day(by_id[d].published)) is not None)
        if not mates and story.id not in stored:
            continue
        near = max([day for day, _ in mates] + ([stored[story.id]] if story.id in stored else []))
        found = infer_published(doc.dated_text(), today, near=near)
        if found is None:
            continue
        names = ", ".join([by_id[d].outlet or by_id[d].source for _, d in mates[-3:]]
                          + (["documents stored earlier"] if story.id in stored else []))
        redated.append(replace(
            doc, published=found.day.isoformat(), published_basis="story",
            published_evidence=tuple(doc.span(a, b) for a, b in found.spans),
            evidence=dict(sorted({**doc.evidence, "published": f"inferred from the text read beside story "
                      f"'{story.title[:60]}' (dated documents up to {near.isoformat()}: {names}): {found.note}"}.items())),
        ))
    return tuple(redated)


def own_date(doc: Document) -> Document:
    """``doc`` as ingest made it: without a date its story gave it (basis "story")."""
    if doc.published_basis != "story":
        return doc
    return replace(doc, published=None, published_basis=None, published_evidence=(),
                   evidence={k: v for k, v in doc.evidence.items() if k != "published"})
