"""Static sentence embeddings distilled from the installed all-MiniLM-L6-v2: fast enough for any corpus.

The transformer runs about 100-450 sentences a second on two CPU cores, and the sentences to embed
grow faster than the corpus (more of its documents find a partner story), so claim alignment uses a
static table instead: every WordPiece of the model's vocabulary is run once through the transformer
(``[CLS] piece [SEP]``, mean-pooled, as sentence-transformers pools a sentence), the table is
centred and reduced to ``DIMS`` principal components, and each row is weighted by smooth inverse
frequency ``SIF / (SIF + p)`` with ``p`` from Zipf's law over the vocabulary order (WordPiece
vocabularies list words by frequency after their special tokens and single characters; those get
the weight of the most frequent word). A sentence is the normalised mean of its pieces' rows.
This is the model2vec recipe (Tulkens & van Dongen, 2024, MIT); DIMS 256 and SIF 1e-3 are its
defaults, not tuned here. On the hand-written pairs of tests/test_claims_semantic.py it separates
paraphrases from same-topic non-paraphrases as well as the transformer does, at about 50,000
sentences a second.

The table is built from the installed model package on first use (about 20 s), never downloaded,
and kept in ``$NEWSPRISM_CACHE`` (default ``$XDG_CACHE_HOME/newsprism`` or ``~/.cache/newsprism``)
so later processes load it in milliseconds; when the cache cannot be written it stays in memory.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from newsprism.compare.embeddings.wordpiece import WordPieceIds

DIMS = 256
SIF = 1e-3
RECIPE = f"v1-mean-cls-piece-sep-pca{DIMS}-sif{SIF:g}"
BATCH = 1024


def cache_dir() -> Path:
    explicit = os.environ.get("NEWSPRISM_CACHE")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newsprism"


def first_word_id(vocab: dict[str, int]) -> int:
    """The first id that is neither a special token (``[...]``) nor a single character."""
    for token, i in sorted(vocab.items(), key=lambda kv: kv[1]):
        bare = token[2:] if token.startswith("##") else token
        if not (token.startswith("[") and token.endswith("]")) and len(bare) > 1:
            return i
    return 0


def sif_weights(vocab: dict[str, int], size: int) -> np.ndarray:
    """Smooth inverse frequency per id, frequency from Zipf's law over the vocabulary order."""
    start = first_word_id(vocab)
    rank = np.maximum(np.arange(size, dtype=np.float64) - start + 1, 1.0)
    p = 1.0 / (rank * np.log(size))
    return (SIF / (SIF + p)).astype(np.float32)


def principal_components(table: np.ndarray, dims: int) -> np.ndarray:
    """``table`` centred and projected on its ``dims`` leading principal axes."""
    centred = table - table.mean(axis=0)
    cov = centred.T.astype(np.float64) @ centred.astype(np.float64)
    values, vectors = np.linalg.eigh(cov)
    axes = vectors[:, np.argsort(values)[::-1][:dims]]
    return (centred @ axes).astype(np.float32)


def distill(model_dir: str) -> np.ndarray:
    """The weighted static table (vocabulary size x DIMS) of the transformer in ``model_dir``."""
    import torch
    from transformers import AutoModel, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    model = AutoModel.from_pretrained(model_dir).eval()
    size = tokenizer.vocab_size
    cls, sep = tokenizer.cls_token_id, tokenizer.sep_token_id
    rows = np.zeros((size, model.config.hidden_size), dtype=np.float32)
    with torch.inference_mode():
        for start in range(0, size, BATCH):
            ids = torch.tensor([[cls, i, sep] for i in range(start, min(size, start + BATCH))])
            hidden = model(input_ids=ids, attention_mask=torch.ones_like(ids)).last_hidden_state
            rows[start:start + len(ids)] = hidden.mean(dim=1).numpy()
    reduced = principal_components(rows, min(DIMS, rows.shape[1]))
    return reduced * sif_weights(tokenizer.get_vocab(), size)[:, None]


class StaticEncoder:
    """Sentence embeddings as the normalised mean of static WordPiece rows."""

    def __init__(self, table: np.ndarray, tokenizer_file: str) -> None:
        from tokenizers import Tokenizer

        self.table = table
        self.tokenizer = Tokenizer.from_file(tokenizer_file)
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()
        self.token_ids = WordPieceIds(self.tokenizer)  # the tokenizer's ids, found faster

    def get_sentence_embedding_dimension(self) -> int:
        return int(self.table.shape[1])

    def encode(self, texts: Sequence[str], **_: Any) -> np.ndarray:
        """Unit-length rows, one per text (zero for a text without tokens). The row sums come
        from one sparse text x vocabulary count matrix times the table (the mean's division
        by the token count is left out: normalising the sum gives the same direction)."""
        from scipy import sparse

        ids = self.token_ids(list(texts))
        indptr = np.zeros(len(ids) + 1, dtype=np.int64)
        np.cumsum([len(i) for i in ids], out=indptr[1:])
        flat = np.fromiter((t for row in ids for t in row), dtype=np.int64, count=int(indptr[-1]))
        counts = sparse.csr_matrix((np.ones(len(flat), dtype=np.float32), flat, indptr),
                                   shape=(len(ids), self.table.shape[0]))
        out = np.asarray(counts @ self.table, dtype=np.float32)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return out / norms


def cache_file(model_dir: str) -> Path:
    weights = Path(model_dir) / "model.safetensors"
    stamp = f"{RECIPE}|{weights.stat().st_size if weights.exists() else 0}|{Path(model_dir).name}"
    digest = hashlib.sha256(f"{os.path.realpath(model_dir)}|{stamp}".encode()).hexdigest()[:16]
    return cache_dir() / f"static-{digest}.npy"


def _save(table: np.ndarray, path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            np.save(fh, table)
        os.replace(tmp, path)
    except OSError:
        pass  # an unwritable cache only costs the next process a rebuild


@lru_cache(maxsize=2)
def load_static(model_dir: str) -> StaticEncoder:
    """The static encoder of the transformer in ``model_dir`` (built once, then cached on disk)."""
    path = cache_file(model_dir)
    table = None
    if path.exists():
        try:
            table = np.load(path)
        except (OSError, ValueError):
            table = None
    if table is None:
        table = distill(model_dir)
        _save(table, path)
    return StaticEncoder(table, str(Path(model_dir) / "tokenizer.json"))
