"""Cheap text vectors for the compare stage: tokens, TF-IDF term weights, cosine, numbers.

Vectors are plain ``{term: weight}`` dicts (L2-normalised, truncated to the top terms), so they
can be stored in story signatures as JSON and compared with prior stories. IDF is smoothed
(``log((N + 1) / (df + 1)) + 1``, as scikit-learn does) and counts a background sample of news
articles besides the batch, so that small batches still weigh shared terms sensibly. Stop words are scikit-learn's ``ENGLISH_STOP_WORDS`` (the Glasgow IR list).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from newsprism.lang.morphology import stem_form
from newsprism.lang.resources import read_text

Vector = dict[str, float]
BACKGROUND = "compare_background_df.tsv"

# scikit-learn's list holds some content words (a known quirk); they matter for news events
_NOT_STOP = frozenset(
    "fire bill call computer cry describe detail empty fill find found front full give interest "
    "mill move part show side system thick thin top back bottom amount serious".split())
CORE_STOP_WORDS: frozenset[str] = frozenset(ENGLISH_STOP_WORDS) - _NOT_STOP
STOP_WORDS: frozenset[str] = CORE_STOP_WORDS | frozenset(
    # reporting and web-page words that carry no topic (general news vocabulary)
    {"said", "says", "say", "told", "according", "reported", "report", "reports", "news",
     "also", "just", "like", "new", "year", "years", "time", "people", "mr", "ms", "mrs",
     "percent", "image", "photo", "caption", "toggle", "enlarge", "getty", "images", "ap",
     "reuters", "click", "share", "subscribe", "newsletter", "advertisement", "week",
     "day", "days", "don", "didn", "doesn", "isn", "wasn", "ve", "ll", "re", "s", "t"}
)

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]")
_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?|[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]")

# English number words (general knowledge), for "four" == "4"
_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * (i + 2) for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split())}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
           "trillion": 1_000_000_000_000, "dozen": 12}
_NUMBER_WORDS = frozenset(_UNITS) | frozenset(_TENS)
_DIGIT = re.compile(r"\d")
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
             "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}


@lru_cache(maxsize=200_000)
def _content_form(word: str) -> str:
    """The stemmed form of a lower-case word, or "" for stop words and fragments."""
    return stem_form(word, STOP_WORDS)


def content_words(text: str) -> list[str]:
    """Lower-cased, stemmed words of ``text`` without stop words or possessive endings."""
    return [f for f in map(_content_form, _WORD.findall(text.lower())) if f]


def number_value(token: str) -> float | None:
    """The value of a digit token ("1,200", "4.5") or a single number word ("four")."""
    t = token.lower().replace(",", "")
    if t and t[0].isdigit():
        try:
            return float(t)
        except ValueError:
            return None
    if t in _UNITS:
        return float(_UNITS[t])
    if t in _TENS:
        return float(_TENS[t])
    return None


def normalise_numbers(tokens: Sequence[str]) -> list[str]:
    """Merge runs of number words/digits and scales into one canonical token ``#<value>``.

    ``["twenty", "five"]`` -> ``["#25"]``; ``["4"]`` and ``["four"]`` -> ``["#4"]``;
    ``["2", "million"]`` -> ``["#2000000"]``. Other tokens pass through lower-cased.
    """
    if not tokens:
        return []
    joined = " ".join(tokens).lower()  # word and number tokens (``raw_tokens``) hold no spaces
    lowered = joined.split(" ")
    if not _DIGIT.search(joined) and _NUMBER_WORDS.isdisjoint(lowered):
        return lowered  # the common case: no number at all
    starts = [i for i, t in enumerate(lowered) if t[:1].isdigit() or t in _NUMBER_WORDS]
    out: list[str] = []
    done = 0  # tokens before this index are in ``out``
    n = len(lowered)
    for i in starts:
        if i < done:
            continue  # merged into the number before it
        out.extend(lowered[done:i])
        value = number_value(tokens[i])
        if value is None:
            out.append(lowered[i])
            done = i + 1
            continue
        j = i + 1
        while j < n:
            nxt = lowered[j].replace("-", "")
            if nxt in _SCALES:
                value *= _SCALES[nxt]
            elif nxt in _UNITS and value >= 20 and value % 10 == 0 and value < 100:
                value += _UNITS[nxt]
            else:
                break
            j += 1
        out.append(f"#{value:g}" if value < 1e15 else f"#{value:.0f}")
        done = j
    out.extend(lowered[done:])
    return out


def split_hyphen_numbers(tokens: Iterable[str]) -> list[str]:
    """``twenty-five`` -> ``twenty``, ``five`` so number normalisation sees both parts."""
    out: list[str] = []
    for t in tokens:
        if "-" not in t:
            out.append(t)
            continue
        parts = t.lower().split("-")
        if len(parts) > 1 and all(p in _UNITS or p in _TENS for p in parts):
            out.extend(parts)
        else:
            out.append(t)
    return out


def raw_tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def ordinal_value(word: str) -> int | None:
    return _ORDINALS.get(word.lower())


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
