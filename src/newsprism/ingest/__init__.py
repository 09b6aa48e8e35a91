"""The ingest stage: read articles from files and turn each into a cleaned Document.

* ``read_sources(paths)`` yields a RawSource per article (.txt, .html/.htm, .jsonl, .warc[.gz])
  or a Rejected (source, reason) per input that cannot be read.
* ``build_document(raw)`` finds the body and the boilerplate ranges of the text, the metadata
  (outlet, title, authors, published, genre) and the evidence that decided each field.
* ``clean_source(raw)`` is ``build_document`` that never raises: a Rejected (why) instead.
* ``Limits`` bounds what one input may cost (bytes read, expansion of compressed input,
  characters, HTML markup, runs without a space).
"""

from __future__ import annotations

from newsprism.ingest.document import build_document
from newsprism.ingest.files import source_name
from newsprism.ingest.limits import DEFAULT_LIMITS, Limits
from newsprism.ingest.readers import read_sources
from newsprism.model import Document, RawSource, Rejected

__all__ = ["DEFAULT_LIMITS", "Limits", "build_document", "clean_source", "read_sources"]


def clean_source(item: RawSource | Rejected, limits: Limits = DEFAULT_LIMITS) -> Document | Rejected:
    """One raw source cleaned into a Document, or why it could not be (a Rejected passes through)."""
    if isinstance(item, Rejected):
        return item
    try:
        return build_document(item, limits)
    except (Exception, RecursionError) as err:
        return Rejected(source_name(item.source), f"could not be cleaned ({type(err).__name__}: "
                                                  f"{str(err)[:200]})")
