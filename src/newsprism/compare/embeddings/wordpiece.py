"""BERT uncased tokenization (WordPiece ids) in Python with a per-word cache.

The static encoder needs only the token ids of each sentence. The ``tokenizers`` library gives
them at about 60 microseconds a sentence on this hardware, most of it spent tracking offsets
that are not needed here; news sentences repeat a small vocabulary, so splitting them into
words and looking each word up once is several times faster.

The steps are those of the model's ``tokenizer.json`` (``BertNormalizer`` with ``lowercase``,
``BertPreTokenizer``, ``WordPiece`` with ``##`` continuations and an unknown token past
``max_input_chars_per_word``), following the reference implementation:

* whitespace splits words, and every punctuation character (ASCII punctuation or Unicode
  category P*) is a word of its own;
* a word is decomposed (NFD), stripped of nonspacing marks and lower-cased;
* WordPiece takes the longest vocabulary entry from the start of the word, then the longest
  ``##`` entry from there on; a word that cannot be covered becomes the unknown token.

A text is taken this way only when every character is "plain" for these rules; texts holding
control or format characters (which the normaliser deletes), CJK ideographs (which it pads with
spaces), or characters whose decomposition or case mapping depends on context or yields
punctuation or spaces, go to the library unchanged. ``tests/test_wordpiece.py`` checks that the
ids equal the library's on hand-written edge cases and on real articles.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import chain
from typing import Any

_ASCII_PUNCT = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
_CJK = ((0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0x20000, 0x2A6DF), (0x2A700, 0x2B73F),
        (0x2B740, 0x2B81F), (0x2B820, 0x2CEAF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F))
_SPACES = frozenset(" \t\n\r\u2028\u2029")
_ASCII = frozenset(map(chr, range(128)))
_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@lru_cache(maxsize=None)
def _is_punct(c: str) -> bool:
    return c in _ASCII_PUNCT or unicodedata.category(c).startswith("P")


def _is_cjk(c: str) -> bool:
    return any(lo <= ord(c) <= hi for lo, hi in _CJK)


def _is_space(c: str) -> bool:
    return c in _SPACES or unicodedata.category(c) == "Zs"


def _is_removed(c: str) -> bool:
    """Characters the normaliser deletes: NUL, the replacement character, controls/formats."""
    return c in "\x00\ufffd" or (c not in "\t\n\r" and unicodedata.category(c).startswith("C"))


def normalise_word(word: str) -> str:
    """NFD, nonspacing marks removed, lower case (the normaliser's steps, for one word)."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn").lower()


@lru_cache(maxsize=None)
def _plain(c: str) -> bool:
    """Whether a non-ASCII character is handled exactly by the word-by-word path."""
    if _is_removed(c) or _is_cjk(c) or c == "\u03a3":  # capital sigma: context-dependent lower case
        return False
    if _is_space(c):
        return True
    if _is_punct(c):
        return unicodedata.normalize("NFD", c) == c and c.lower() == c
    form = normalise_word(c)
    return all(not (_is_punct(x) or _is_space(x) or _is_removed(x) or _is_cjk(x) or x.isspace())
               for x in form)


_ASCII_WORDS = re.compile(r"[A-Za-z0-9]+|[^\sA-Za-z0-9]")  # in ASCII text the rest is punctuation


@lru_cache(maxsize=1024)
def _words_re(punct: frozenset[str]) -> re.Pattern[str]:
    """Words and punctuation of a text whose non-ASCII punctuation characters are ``punct``."""
    chars = "".join(re.escape(c) for c in sorted(set(_ASCII_PUNCT) | punct))
    return re.compile(rf"[^\s{chars}]+|[{chars}]")


def pre_tokens(text: str) -> list[str] | None:
    """The words and punctuation characters of ``text``, or None when it holds a character
    that only the library handles exactly."""
    if _ASCII_CONTROL.search(text):
        return None
    if text.isascii():
        return _ASCII_WORDS.findall(text)
    extra = set(text).difference(_ASCII)
    if not all(map(_plain, extra)):
        return None
    return _words_re(frozenset(filter(_is_punct, extra))).findall(text)


MAX_WORDS = 500_000  # words kept in the cache; a long-running server starts it afresh past this


class _Cache(dict[str, tuple[int, ...]]):
    def __init__(self, compute: Callable[[str], tuple[int, ...]]) -> None:
        super().__init__()
        self.compute = compute

    def __missing__(self, word: str) -> tuple[int, ...]:
        if len(self) >= MAX_WORDS:
            self.clear()
        ids = self[word] = self.compute(word)
        return ids


class WordPieceIds:
    """Token ids of texts, as ``tokenizer.encode_batch(texts, add_special_tokens=False)``."""

    def __init__(self, tokenizer: Any) -> None:
        import json

        model = json.loads(tokenizer.to_str())["model"]
        self.tokenizer = tokenizer
        self.vocab: dict[str, int] = tokenizer.get_vocab()
        self.unk = self.vocab[model["unk_token"]]
        self.prefix = str(model.get("continuing_subword_prefix") or "##")
        self.max_chars = int(model.get("max_input_chars_per_word") or 100)
        self.words = _Cache(self._wordpiece)  # word -> its ids, filled on first sight

    def _wordpiece(self, word: str) -> tuple[int, ...]:
        norm = normalise_word(word)
        if len(norm) > self.max_chars:
            return (self.unk,)
        out: list[int] = []
        start, n = 0, len(norm)
        while start < n:
            end = n
            found = None
            while start < end:
                piece = norm[start:end] if start == 0 else self.prefix + norm[start:end]
                found = self.vocab.get(piece)
                if found is not None:
                    break
                end -= 1
            if found is None:
                return (self.unk,)
            out.append(found)
            start = end
        return tuple(out)

    def __call__(self, texts: Sequence[str]) -> list[list[int]]:
        out: list[list[int]] = []
        hard: list[int] = []
        ids_of = self.words.__getitem__
        for i, text in enumerate(texts):
            words = pre_tokens(text)
            if words is None:
                hard.append(i)
                out.append([])
                continue
            out.append(list(chain.from_iterable(map(ids_of, words))))
        if hard:
            encoded = self.tokenizer.encode_batch([texts[i] for i in hard], add_special_tokens=False)
            for i, enc in zip(hard, encoded, strict=True):
                out[i] = list(enc.ids)
        return out
