"""``build_document``: one RawSource to one Document (body, removed ranges, metadata, genre)."""

from __future__ import annotations

from newsprism.ingest.genre import classify_genre
from newsprism.ingest.metadata import extract_metadata
from newsprism.ingest.text_clean import clean
from newsprism.model import Document, RawSource, make_id, sha256_text


def build_document(raw: RawSource) -> Document:
    """Clean one article and read its metadata; the id depends on the text only."""
    text = raw.text
    digest = sha256_text(text)
    cleaned = clean(text)
    meta = extract_metadata(text, cleaned, raw.meta)
    genre, genre_note = classify_genre(text, cleaned, raw.meta, meta.title)
    evidence = {**meta.evidence, "genre": genre_note}
    return Document(
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
        removed=cleaned.removed,
        url=meta.url,
        format=raw.fmt,
        evidence=evidence,
    )
