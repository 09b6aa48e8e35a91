"""Cheap text vectors for the compare stage: tokens, TF-IDF term weights, cosine.

Vectors are plain ``{term: weight}`` dicts (L2-normalised, truncated to the top terms), so they
can be stored in story signatures as JSON and compared with prior stories. IDF is smoothed
(``log((N + 1) / (df + 1)) + 1``, as scikit-learn does) and counts a background sample of news
articles besides the batch, so that small batches still weigh shared terms sensibly. Stop words
are ``newsprism.lang.words.STOP_WORDS``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from functools import lru_cache

from newsprism.lang.words import STOP_WORDS

from newsprism.lang.morphology import stem_form
from newsprism.lang.resources import read_text

Vector = dict[str, float]
BACKGROUND = "compare_background_df.tsv"

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]")
_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?|[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]")


@lru_cache(maxsize=200_000)
def _content_form(word: str) -> str:
    """The stemmed form of a lower-case word, or "" for stop words and fragments."""
    return stem_form(word, STOP_WORDS)


def content_words(text: str) -> list[str]:
    """Lower-cased, stemmed words of ``text`` without stop words or possessive endings."""
    return [f for f in map(_content_form, _WORD.findall(text.lower())) if f]


def raw_tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


@lru_cache(maxsize=1)
def background() -> tuple[int, dict[str, int]]:
    """Document frequencies of a background news sample (``resources/compare_background_df.tsv``),
    so that IDF is meaningful for small batches too."""
    n_docs = 0
    df: dict[str, int] = {}
    for line in read_text(BACKGROUND).splitlines():
        if line.startswith("#N\t"):
            n_docs = int(line.split("\t")[1])
        elif line and not line.startswith("#"):
            term, count = line.split("\t")
            df[term] = int(count)
    return n_docs, df


def tf_vectors(docs_terms: Sequence[Sequence[str]], top: int = 150) -> list[Vector]:
    """TF-IDF vectors (sublinear tf; smoothed idf over the batch plus the background sample),
    each truncated to ``top`` terms and L2-normalised."""
    df: Counter[str] = Counter()
    for terms in docs_terms:
        df.update(set(terms))
    bg_docs, bg_df = background()
    idf_base = len(docs_terms) + bg_docs + 1
    idf = {t: math.log(idf_base / (c + bg_df.get(t, 0) + 1)) + 1.0 for t, c in df.items()}
    vectors: list[Vector] = []
    for terms in docs_terms:
        tf = Counter(terms)
        weighted = {t: (1.0 + math.log(c)) * idf[t] for t, c in tf.items()}
        best = sorted(weighted.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
        vectors.append(normalise(dict(best)))
    return vectors


def normalise(vector: Mapping[str, float]) -> Vector:
    norm = math.sqrt(sum(w * w for w in vector.values()))
    if norm == 0.0:
        return {}
    return {t: w / norm for t, w in vector.items()}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine of two L2-normalised sparse vectors (an exactly rounded sum over the shared terms,
    so the result does not depend on either vector's term order)."""
    shared = a.keys() & b.keys()
    return math.fsum(a[t] * b[t] for t in shared) if shared else 0.0


def add_into(total: dict[str, float], vector: Mapping[str, float], weight: float = 1.0) -> None:
    for t, w in vector.items():
        total[t] = total.get(t, 0.0) + w * weight


def truncate(vector: Mapping[str, float], top: int) -> Vector:
    best = sorted(vector.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    return normalise(dict(best))
