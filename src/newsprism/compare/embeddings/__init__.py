"""Sentence encoders: the static table (`static`, token ids from `wordpiece`) or the transformer,
chosen and loaded in `encoders`."""

from newsprism.compare.embeddings.encoders import embed, load_encoder

__all__ = ["embed", "load_encoder"]
