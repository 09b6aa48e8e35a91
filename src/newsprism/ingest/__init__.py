"""The ingest stage: read articles from files and turn each into a cleaned Document.

* ``read_sources(paths)`` yields a RawSource per article (.txt, .html/.htm, .jsonl, .warc[.gz])
  or a Rejected (source, reason) per input that cannot be read.
* ``build_document(raw)`` finds the body and the boilerplate ranges of the text, the metadata
  (outlet, title, authors, published, genre) and the evidence that decided each field.
* ``Limits`` bounds what one input may cost (bytes read, expansion of compressed input,
  characters, HTML markup, runs without a space).
"""

from __future__ import annotations

from newsprism.ingest.document import build_document
from newsprism.ingest.limits import DEFAULT_LIMITS, Limits
from newsprism.ingest.readers import read_sources

__all__ = ["DEFAULT_LIMITS", "Limits", "build_document", "read_sources"]
