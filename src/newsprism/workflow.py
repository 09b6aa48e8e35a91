"""Runs the pipeline against a store: the one sequence the CLI and the API both use.

Documents already stored (same content hash) are not analysed again unless asked; new
documents are analysed with the stored story signatures so they join existing stories.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from newsprism.model import Analysis, Document, Rejected
from newsprism.pipeline import Options, Progress, analyze_documents, no_progress
from newsprism.store import Store


def analyze_into_store(
    documents: Sequence[Document],
    store: Store,
    options: Options = Options(),
    progress: Progress = no_progress,
    rejected: Sequence[Rejected] = (),
) -> Analysis:
    """Analyse ``documents`` joining stored stories, save everything, return this batch's analysis."""
    analysis, signatures = analyze_documents(
        documents, options, prior=store.signatures(), progress=progress, rejected=rejected
    )
    progress("saving", 0, 1)
    store.save(analysis, signatures=signatures)
    progress("saving", 1, None)
    return replace(analysis, rejected=tuple(rejected))
