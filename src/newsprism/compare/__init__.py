"""The compare stage: stories, independent sources, claims, discrepancies, outlets & framing.

``compare(documents, extraction, prior, sentences=..., encoder=...)`` is pure: it groups
documents into stories (joining stored stories through their ``prior`` signatures), dates the
documents still undated from their story's dated documents (``stories.dating``: the second
dating pass, which only fills documents without a date; the rest of the stage sees those dates
and the ``Comparison`` hands the re-dated documents back as ``redated``), finds copies
and rewrites, cuts the documents' sentences into claims and aligns them per story (with the
sentence ``encoder`` the caller loaded, or by lexical overlap when it is ``None``), asks
``discrepancies.find_discrepancies`` for contradictions (the documents on the minority side of
each move from a claim's support to ``contradicted_by``), and profiles each outlet's coverage,
quoting and tone. ``sentences`` is a required input: every document's sentence spans
(``lang.sentences.sentence_spans``, split once by the pipeline), read by claims, the event-verb
check and tone, none of which splits again.

Python's cyclic garbage collector is paused for the call (``paused_gc``): the stage builds
hundreds of thousands of small acyclic records, and the collector's full passes over them grew
faster than the corpus (about 15% of the time at 4,000 documents); nothing is lost, since
reference counting frees acyclic garbage at once and the collector runs again afterwards.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date

from newsprism.compare.claims.build import apply_discrepancies, build_claims
from newsprism.compare.embeddings.encoders import Encoder
from newsprism.compare.stories.derivation import find_derivations
from newsprism.compare.checks.discrepancies import find_discrepancies
from newsprism.compare.outlets.profile import profile_outlets
from newsprism.compare.stories.dating import date_from_stories
from newsprism.compare.stories.find import find_stories
from newsprism.compare.stories.rewrites import find_rewrites, recount_support
from newsprism.lang.sentences import SentenceSpans
from newsprism.model import Comparison, Document, Extraction, StorySignature

__all__ = ["compare"]


@contextmanager
def paused_gc() -> Iterator[None]:
    """The cyclic collector off inside the block (unless it was off already), back on after."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def compare(documents: Sequence[Document], extraction: Extraction,
            prior: Sequence[StorySignature] = (), *,
            sentences: SentenceSpans, encoder: Encoder | None, today: date | None = None) -> Comparison:
    """The comparison of ``documents``; ``sentences`` holds every document's sentence spans;
    ``today`` (default: the day it runs) bounds the dates the story dating pass may infer."""
    with paused_gc():
        return _compare(tuple(documents), extraction, prior, sentences, encoder, today or date.today())


def _compare(docs: tuple[Document, ...], extraction: Extraction, prior: Sequence[StorySignature],
             sentences: SentenceSpans, encoder: Encoder | None, today: date) -> Comparison:
    stories, signatures = find_stories(docs, extraction, tuple(prior))
    redated = date_from_stories(docs, stories, today, signatures)
    if redated:
        new = {d.id: d for d in redated}
        docs = tuple(new.get(d.id, d) for d in docs)
    derivations = find_derivations(docs, extraction)
    claims = build_claims(docs, stories, derivations, extraction, encoder, sentences=sentences)
    rewrites = find_rewrites(stories, claims, docs, derivations)
    if rewrites:  # reworded copies, seen in the order of the aligned claims
        derivations = tuple(sorted(derivations + rewrites, key=lambda d: (d.doc, d.derived_from)))
        claims = recount_support(claims, docs, derivations)
    discrepancies = find_discrepancies(docs, claims, extraction, stories=stories, sentences=sentences)
    claims = apply_discrepancies(claims, discrepancies, docs, derivations)
    outlets = profile_outlets(docs, stories, claims, extraction, sentences=sentences)
    return Comparison(stories=stories, claims=claims, discrepancies=discrepancies,
                      outlets=outlets, derivations=derivations, signatures=signatures, redated=redated)
