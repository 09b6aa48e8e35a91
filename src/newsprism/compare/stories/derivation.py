"""Independent sources: find documents that copy or rewrite another document.

Each body is cut into word 5-gram shingles. Shingles shared by two to ``MAX_POSTING`` documents
are counted per pair through an inverted index (boilerplate that many documents share is left
out, and no pair is compared that shares nothing), so the cost grows with the number of shingles,
not with the number of pairs. A pair is a derivation when a large share of the smaller text's
shingles reappear in the other (copy or light rewrite), or when a fair share do and the two
carry the same quotations in the same order (a rewrite of the same wire copy).

The later-published document is the derived one; with equal or unknown dates, the one whose own
text is more covered by the other (the shorter) is; then the larger id.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from newsprism.disjoint import DisjointSets
from newsprism.lang.words import WORD_RUN
from newsprism.model import Derivation, Document, Extraction

SHINGLE = 5
MAX_POSTING = 25  # a shingle in more documents than this is boilerplate, not a copy
MIN_SHARED = 12  # shingles two documents must share before they are scored
COPY_MIN = 0.35  # share of the smaller text's shingles found in the other: copy or rewrite
QUOTED_MIN = 0.15  # lower share that counts when quotes also come in the same order
SAME_QUOTES = 2  # quotes in the same order needed for the lower share


@dataclass(frozen=True, slots=True)
class _Shingled:
    doc: Document
    keys: np.ndarray  # uint64 shingle hash at each word position
    unique: np.ndarray  # the distinct keys, sorted


_MULT = np.uint64(1_000_003)
_SEP = "\x00"  # not a word character, and not cased: lowercasing the joined words is per word


def _words(doc: Document) -> list[re.Match[str]]:
    return list(WORD_RUN.finditer(doc.clean_text(), doc.body.start, doc.body.end))


def shingle(doc: Document) -> _Shingled:
    clean = doc.clean_text()
    words = WORD_RUN.findall(clean, doc.body.start, doc.body.end)
    lowered = _SEP.join(words).lower().split(_SEP) if words else []
    hashes = np.fromiter(map(hash, lowered), dtype=np.int64, count=len(lowered)).view(np.uint64)
    n = max(len(lowered) - SHINGLE + 1, 0)
    keys = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in range(SHINGLE):  # polynomial rolling hash of each 5-word window
            keys = keys * _MULT + hashes[k:k + n]
    return _Shingled(doc, keys, np.unique(keys))


def shared_counts(items: Sequence[_Shingled], min_shared: int = 1) -> dict[tuple[int, int], int]:
    """Shared shingle counts per document pair (``i < j``), from shingles in 2..MAX_POSTING
    documents; pairs sharing fewer than ``min_shared`` are left out. Vectorised: the pairs of
    every posting of one size come from one index table, and are counted with one ``unique``."""
    if not items:
        return {}
    keys = np.concatenate([it.unique for it in items])
    owner = np.concatenate([np.full(len(it.unique), i, dtype=np.int64) for i, it in enumerate(items)])
    order = np.argsort(keys, kind="stable")
    keys, owner = keys[order], owner[order]
    _, first, counts = np.unique(keys, return_index=True, return_counts=True)
    wanted = (counts >= 2) & (counts <= MAX_POSTING)
    first, counts = first[wanted], counts[wanted]
    n = np.int64(len(items))
    codes: list[np.ndarray] = [np.zeros(0, dtype=np.int64)]
    for size in np.unique(counts).tolist():
        starts = first[counts == size]
        members = np.sort(owner[starts[:, None] + np.arange(size)], axis=1)
        left, right = np.triu_indices(size, 1)  # every pair of positions, left < right
        codes.append((members[:, left] * n + members[:, right]).ravel())
    pair_codes, shared = np.unique(np.concatenate(codes), return_counts=True)
    keep = shared >= min_shared
    return {(int(c // n), int(c % n)): int(k)
            for c, k in zip(pair_codes[keep].tolist(), shared[keep].tolist(), strict=True)}


def longest_passage(a: _Shingled, b: _Shingled) -> tuple[int, int]:
    """Char range in ``a`` of its longest run of shingles also found in ``b``."""
    found = np.isin(a.keys, b.unique, assume_unique=False).tolist()
    best = (0, 0, 0)  # words, start index, end index
    run_start = None
    for i, hit in enumerate(found + [False]):
        if hit:
            if run_start is None:
                run_start = i
            continue
        if run_start is not None:
            n_words = i - run_start + SHINGLE - 1
            if n_words > best[0]:
                best = (n_words, run_start, i + SHINGLE - 2)
            run_start = None
    if best[0] == 0:
        return (0, 0)
    words = _words(a.doc)  # offsets are needed only here, for the few derived documents
    return words[best[1]].start(), words[best[2]].end()


def quote_order(doc_id: str, extraction: Extraction) -> list[str]:
    quotes = sorted((q for q in extraction.quotes if q.doc == doc_id), key=lambda q: q.start)
    return [" ".join(WORD_RUN.findall(q.text.lower())) for q in quotes if len(q.text) > 12]


def common_in_order(a: list[str], b: list[str]) -> int:
    """Length of the longest common subsequence of two quote lists."""
    if not a or not b:
        return 0
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def direction(a: _Shingled, b: _Shingled, shared: int) -> tuple[_Shingled, _Shingled]:
    """(derived, original)."""
    da, db = a.doc.published, b.doc.published
    if da and db and da[:10] != db[:10]:
        return (a, b) if da[:10] > db[:10] else (b, a)
    cover_a = shared / max(len(a.unique), 1)
    cover_b = shared / max(len(b.unique), 1)
    if cover_a != cover_b:
        return (a, b) if cover_a > cover_b else (b, a)
    return (a, b) if a.doc.id > b.doc.id else (b, a)


def find_derivations(documents: Sequence[Document], extraction: Extraction) -> tuple[Derivation, ...]:
    items = [shingle(d) for d in documents]
    quotes_by_doc: dict[str, list[str]] = {}
    found: list[Derivation] = []
    for (i, j), shared in sorted(shared_counts(items, MIN_SHARED).items()):
        a, b = items[i], items[j]
        share = shared / max(min(len(a.unique), len(b.unique)), 1)
        in_order = 0
        if QUOTED_MIN <= share < COPY_MIN:
            for d in (a.doc.id, b.doc.id):
                if d not in quotes_by_doc:
                    quotes_by_doc[d] = quote_order(d, extraction)
            in_order = common_in_order(quotes_by_doc[a.doc.id], quotes_by_doc[b.doc.id])
        if share < COPY_MIN and in_order < SAME_QUOTES:
            continue
        derived, original = direction(a, b, shared)
        start, end = longest_passage(derived, original)
        passage = derived.doc.text[start:end]
        if len(passage) > 160:
            passage = passage[:157] + "..."
        evidence = (f"{share:.0%} of the shorter text's {SHINGLE}-word sequences also appear in the "
                    f"other; longest shared passage: '{passage}'")
        if in_order:
            evidence += f"; {in_order} quotations in the same order"
        score = round(min(1.0, max(share, share + 0.1 * in_order)), 3)
        found.append(Derivation(derived.doc.id, original.doc.id, score, evidence))
    return tuple(sorted(found, key=lambda d: (d.doc, d.derived_from)))


def independent_groups(doc_ids: Sequence[str], derivations: Sequence[Derivation]) -> dict[str, str]:
    """Each document's independent source: documents linked by derivations share one root."""
    sets: DisjointSets[str] = DisjointSets(doc_ids)
    for d in derivations:
        if d.doc in sets and d.derived_from in sets:
            sets.union(d.doc, d.derived_from)
    return {d: sets.find(d) for d in doc_ids}
