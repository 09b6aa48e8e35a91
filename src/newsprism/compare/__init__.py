"""The compare stage: stories, independent sources, claims, discrepancies, outlets & framing.

``compare(documents, extraction, prior, sentences=..., encoder=...)`` is pure: it groups
documents into stories (joining stored stories through their ``prior`` signatures), dates the
documents still undated from their story's dated documents (``stories.dating``: the second
dating pass, which only fills documents without a date; the rest of the stage sees those dates
and the ``Comparison`` hands the re-dated documents back as ``redated``), finds copies
and rewrites (shared word sequences; reworded copies from the order of the aligned claims,
``stories.rewrites``, found per story with the claims), cuts the documents' sentences into claims and aligns them per story (with the
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

The stage splits at its stories: finding the stories and the copies between documents, and the
outlet profiles, look at every document; claims and discrepancies look at one story at a time.
``prepare`` does the first part, ``parts`` cuts the stories into ``StoryPart``s (batches of
stories, each with only its own documents, sentences and extraction, plus what was decided over
all documents: each document's independent source and its name for a reader), ``compare_part``
compares one part (it runs anywhere: the ray engine sends each part to a worker) and
``assemble`` puts the parts back in story order. ``compare`` is the four in one process, with
every story in one part.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

from newsprism.compare.claims.build import apply_discrepancies, build_claims
from newsprism.compare.embeddings.encoders import Encoder
from newsprism.compare.stories.derivation import find_derivations, independent_groups
from newsprism.compare.checks.discrepancies import discrepancy_order, document_labels, find_discrepancies
from newsprism.compare.outlets.profile import profile_outlets
from newsprism.compare.stories.dating import date_from_stories
from newsprism.compare.stories.find import find_stories
from newsprism.compare.stories.rewrites import find_rewrites, recount_support
from newsprism.lang.sentences import SentenceSpan, SentenceSpans
from newsprism.model import (
    Claim, Comparison, Derivation, Discrepancy, Document, Extraction, Story, StorySignature,
)

__all__ = ["PartResult", "Prepared", "StoryPart", "assemble", "compare", "compare_part", "parts", "prepare"]


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
            sentences: SentenceSpans, encoder: Encoder | None, today: date | None = None,
            verifier: Encoder | None = None) -> Comparison:
    """The comparison of ``documents``; ``sentences`` holds every document's sentence spans;
    ``today`` (default: the day it runs) bounds the dates the story dating pass may infer;
    ``verifier``: the sentence-pair model that decides support (``claims.verify``; the
    transformer encoder), else ``encoder`` at a stricter threshold."""
    with paused_gc():
        prepared = prepare(documents, extraction, prior, today)
        docs = prepared.documents
        (part,) = parts(docs, extraction, prepared, sentences, [len(prepared.stories)])
        return assemble(docs, extraction, prepared, [compare_part(part, encoder, verifier)], sentences)


@dataclass(frozen=True, slots=True)
class Prepared:
    """What the comparison decides over every document at once."""

    stories: tuple[Story, ...]
    signatures: tuple[StorySignature, ...]
    derivations: tuple[Derivation, ...]
    documents: tuple[Document, ...] = ()  # the documents, those dated from their story replaced
    redated: tuple[Document, ...] = ()  # the documents the story dating pass dated


@dataclass(frozen=True, slots=True)
class StoryPart:
    """Some consecutive stories with all that comparing them needs, and nothing of other stories."""

    documents: tuple[Document, ...]
    stories: tuple[Story, ...]
    extraction: Extraction
    sentences: dict[str, Sequence[SentenceSpan]]
    roots: dict[str, str]  # each document's independent source (found over every document)
    labels: dict[str, str]  # each document's name for a reader (told apart over every document)
    derivations: tuple[Derivation, ...] = ()  # those between two documents of the part


@dataclass(frozen=True, slots=True)
class PartResult:
    claims: tuple[Claim, ...]
    discrepancies: tuple[Discrepancy, ...]
    rewrites: tuple[Derivation, ...] = ()  # reworded copies seen in the order of the claims


def prepare(documents: Sequence[Document], extraction: Extraction,
            prior: Sequence[StorySignature] = (), today: date | None = None) -> Prepared:
    """The stories (joining ``prior`` signatures), the documents dated from their story (``today``
    bounds those dates; default: the day it runs) and the derivations, over every document.
    Parts and ``assemble`` take ``Prepared.documents`` (the re-dated ones in place)."""
    docs = tuple(documents)
    stories, signatures = find_stories(docs, extraction, tuple(prior))
    redated = date_from_stories(docs, stories, today or date.today(), signatures)
    if redated:
        new = {d.id: d for d in redated}
        docs = tuple(new.get(d.id, d) for d in docs)
    return Prepared(stories, signatures, find_derivations(docs, extraction), docs, redated)


def parts(documents: Sequence[Document], extraction: Extraction, prepared: Prepared,
          sentences: SentenceSpans, sizes: Sequence[int]) -> list[StoryPart]:
    """The stories cut into consecutive parts of ``sizes`` stories each (summing to all of them)."""
    if sum(sizes) != len(prepared.stories):
        raise ValueError(f"part sizes {sum(sizes)} do not add up to {len(prepared.stories)} stories")
    roots = independent_groups([d.id for d in documents], prepared.derivations)
    labels = document_labels(documents)
    whole = len(sizes) == 1
    index = None if whole else _DocIndex(extraction)
    out: list[StoryPart] = []
    at = 0
    for size in sizes:
        stories = prepared.stories[at:at + size]
        at += size
        ids = {d for s in stories for d in s.documents}
        docs = tuple(d for d in documents if d.id in ids)
        part_extraction = extraction if index is None else index.part(ids)
        out.append(StoryPart(docs, stories, part_extraction, {d.id: sentences[d.id] for d in docs},
                             {d.id: roots[d.id] for d in docs}, {d.id: labels[d.id] for d in docs},
                             tuple(x for x in prepared.derivations if x.doc in ids and x.derived_from in ids)))
    return out


class _DocIndex:
    """The positions of an extraction's entities, quotes and dates by document."""

    def __init__(self, extraction: Extraction) -> None:
        self.extraction = extraction
        self.entities: dict[str, set[int]] = {}
        self.quotes: dict[str, list[int]] = {}
        self.dates: dict[str, list[int]] = {}
        position = {e.id: i for i, e in enumerate(extraction.entities)}
        self.position = position
        for i, e in enumerate(extraction.entities):
            for m in e.mentions:
                self.entities.setdefault(m.doc, set()).add(i)
        for i, q in enumerate(extraction.quotes):
            self.quotes.setdefault(q.doc, []).append(i)
        for i, t in enumerate(extraction.dates):
            self.dates.setdefault(t.doc, []).append(i)

    def part(self, ids: set[str]) -> Extraction:
        """What claims and discrepancies read of the extraction, for the documents ``ids``: their
        quotes and dates, and every entity mentioned in them or speaking in those quotes (each
        entity whole), in the extraction's order. Events are not read there."""
        ex = self.extraction
        quotes = tuple(ex.quotes[i] for i in sorted(i for d in ids for i in self.quotes.get(d, ())))
        dates = tuple(ex.dates[i] for i in sorted(i for d in ids for i in self.dates.get(d, ())))
        entities = {i for d in ids for i in self.entities.get(d, ())}
        entities |= {self.position[q.speaker] for q in quotes if q.speaker in self.position}
        return Extraction(entities=tuple(ex.entities[i] for i in sorted(entities)), quotes=quotes, dates=dates)


def compare_part(part: StoryPart, encoder: Encoder | None, verifier: Encoder | None = None) -> PartResult:
    """Claims and discrepancies of the part's stories (pure; runs in any process)."""
    with paused_gc():
        docs, ex, sents = part.documents, part.extraction, part.sentences
        claims = build_claims(docs, part.stories, (), ex, encoder, sentences=sents, roots=part.roots,
                              verifier=verifier)
        rewrites = find_rewrites(part.stories, claims, docs, part.derivations)
        discrepancies = find_discrepancies(docs, claims, ex, stories=part.stories, sentences=sents,
                                           labels=part.labels)
        claims = apply_discrepancies(claims, discrepancies, docs, (), roots=part.roots)
        return PartResult(claims, discrepancies, rewrites)


def assemble(documents: Sequence[Document], extraction: Extraction, prepared: Prepared,
             results: Sequence[PartResult], sentences: SentenceSpans) -> Comparison:
    """The comparison from the parts' results (in part order) and the outlet profiles."""
    with paused_gc():
        claims = tuple(c for r in results for c in r.claims)
        # a document is in one story, so equal sort keys never come from two parts: the stable
        # sort keeps each part's own order, as one part over every story would
        discrepancies = tuple(sorted((d for r in results for d in r.discrepancies), key=discrepancy_order))
        derivations = prepared.derivations
        rewrites = tuple(d for r in results for d in r.rewrites)
        if rewrites:  # a reworded copy counts once among a claim's supporters
            derivations = tuple(sorted(derivations + rewrites, key=lambda d: (d.doc, d.derived_from)))
            claims = recount_support(claims, documents, derivations)
        outlets = profile_outlets(documents, prepared.stories, claims, extraction, sentences=sentences)
        return Comparison(stories=prepared.stories, claims=claims, discrepancies=discrepancies,
                          outlets=outlets, derivations=derivations, signatures=prepared.signatures,
                          redated=prepared.redated)
