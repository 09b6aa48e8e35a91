"""Sentence encoders: the static table (`static`, token ids from `wordpiece`) or the transformer,
chosen and loaded in `encoders`."""

from newsprism.compare.embeddings.encoders import (
    DEFAULT_KIND, KINDS, Encoder, EncoderKind, embed, load_encoder,
)

__all__ = ["DEFAULT_KIND", "KINDS", "Encoder", "EncoderKind", "embed", "load_encoder"]
