"""Runs the pipeline against a store: the one sequence the CLI and the API both use.

A batch that joins stored stories makes them grow: each touched story is compared again over
all of its documents, the stored ones and the batch's, as one run over them would compare it.
Which stories a batch touches is found to a fixed point: the batch's stories that join a stored
story's signature bring that story's documents in, and the grouping is done again over the
whole set until no group joins another stored story. A stored document is never parsed again:
its own extraction (``extract.DocExtraction``) is read back from the store and the actors of
all the documents are canonicalised together. The result replaces what the touched stories held
in one transaction (``store.Regrown``); the outlet profiles are computed again over the whole
store. A stored story whose documents end up in several stories is a split, and each of those
stories names it in ``previous``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from newsprism.compare.stories.dating import own_date
from newsprism.extract import merge
from newsprism.model import Analysis, DocExtraction, Document, OutletProfile, Rejected, Story
from newsprism.pipeline import (
    LOCAL,
    Engine,
    Options,
    Progress,
    compare_documents,
    joined_stories,
    no_progress,
    profile_whole,
)
from newsprism.store import Regrown, Store


def analyze_into_store(
    documents: Sequence[Document],
    store: Store,
    options: Options = Options(),
    progress: Progress = no_progress,
    rejected: Sequence[Rejected] = (),
    engine: Engine = LOCAL,
) -> Analysis:
    """Analyse ``documents`` with the stored stories they join, save everything, and return the
    analysis of every story compared (the grown stories whole). The ``engine`` runs the extract
    and compare stages; the store is written here, by one writer."""
    prior = store.signatures()
    batch = {d.id: d for d in documents}
    touched = list(store.stories_of(list(batch)))  # a stored document stays with its story
    # a date a story gave a document is taken off: the grown story dates it again
    stored: dict[str, Document] = {d.id: own_date(d) for d in store.story_documents(touched)}
    per_doc = _extractions(list(stored.values()) + list(batch.values()), store, options, progress, engine)
    merged = None  # the documents' extractions merged, kept for the comparison when final
    while True:
        docs = _ordered(stored, batch)
        rest = [p for p in prior if p.id not in touched]
        if not rest:
            break
        merged = merge([per_doc[d.id] for d in docs])
        joined = joined_stories(docs, merged, rest)
        if not joined:
            break
        merged = None
        touched += sorted(joined)
        more = [d for d in store.story_documents(sorted(joined)) if d.id not in stored]
        stored.update((d.id, own_date(d)) for d in more)
        per_doc.update(_extractions([d for d in more if d.id not in per_doc], store, options, progress, engine))
    docs = _ordered(stored, batch)
    analysis, signatures = compare_documents(docs, [per_doc[d.id] for d in docs], options,
                                             progress=progress, rejected=rejected, merged=merged, engine=engine)
    analysis = replace(analysis, stories=_with_previous(analysis.stories, store, touched))
    progress("saving", 0, 1)
    whole = _whole_outlets(analysis, store, touched) if touched or prior else analysis.outlets
    store.save(replace(analysis, outlets=whole), signatures=signatures,
               extractions=[per_doc[d.id] for d in docs],
               regrown=Regrown(tuple(touched), tuple(d.id for d in docs)) if touched else None)
    progress("saving", 1, None)
    return replace(analysis, rejected=tuple(rejected))


def _ordered(stored: dict[str, Document], batch: dict[str, Document]) -> list[Document]:
    """Stored documents first (story by story, in each story's order), then the batch's new ones."""
    return list(stored.values()) + [d for i, d in batch.items() if i not in stored]


def _extractions(documents: Sequence[Document], store: Store, options: Options,
                 progress: Progress, engine: Engine) -> dict[str, DocExtraction]:
    """Each document's own extraction: read back from the store, parsed only when none is stored."""
    found = store.extractions([d.id for d in documents])
    missing = [d for d in documents if d.id not in found]
    if not missing:
        return found
    for doc, extraction in zip(missing, engine.extract(missing, options, progress), strict=True):
        found[doc.id] = extraction
    return found


def _with_previous(stories: Sequence[Story], store: Store, touched: Sequence[str]) -> tuple[Story, ...]:
    """Each story with the ids of the touched stored stories whose documents it now holds."""
    if not touched:
        return tuple(stories)
    was = {d.id: s for s in touched for d in store.story_documents([s])}
    return tuple(replace(s, previous=tuple(sorted({was[d] for d in s.documents if d in was} - {s.id})))
                 for s in stories)


def _whole_outlets(analysis: Analysis, store: Store, touched: Sequence[str]) -> tuple[OutletProfile, ...]:
    """Every outlet's profile over the analysed documents of the store as it will be after this
    batch is saved (documents stored by ``ingest`` alone are in no story and not profiled)."""
    whole = store.load_analysis()
    docs = {d.id for d in analysis.documents}
    gone = set(touched)
    stories = [s for s in whole.stories if s.id not in gone] + list(analysis.stories)
    members = {d for s in stories for d in s.documents}
    documents = [d for d in whole.documents if d.id in members and d.id not in docs] + list(analysis.documents)
    claims = [c for c in whole.claims if c.story not in gone] + list(analysis.claims)
    quotes = [q for q in whole.quotes if q.doc not in docs] + list(analysis.quotes)
    entities = [replace(e, mentions=tuple(m for m in e.mentions if m.doc not in docs))
                for e in whole.entities] + list(analysis.entities)
    return profile_whole(documents, stories, claims, entities, quotes)
