"""Semantic alignment of claim units across the documents of one story.

Each pair of units from two different documents gets a score::

    cosine(sentence embeddings) + LEX_WEIGHT * min(1, lexical overlap) + NUMBER_BONUS (shared figure)

where the lexical overlap is ``claims_align.similarity`` (stemmed words through the synonym
table, entity ids of the extract stage's mentions, IDF-weighted). Numbers never block a match
(two outlets giving different figures for one fact must align so the discrepancy checks see
both), they only add a small bonus, given alike for the same number and for a different number
of the same counted thing ("four firefighters" / "five firefighters"), so a disagreeing figure
never scores lower than an agreeing one; a shared number alone cannot carry an unrelated sentence past
the thresholds, since the cosine of different events stays low.

Matching is one-to-one per document pair: pairs are taken best first, each unit links to at most
one unit of every other document. A pair is kept when its score reaches ``STRONG``, or reaches
``WEAK`` and each unit is the other's best candidate in that document (mutual best) and the two
share wording (two or more content words) or the pair beats the runner-up candidate of both
units by ``WEAK_GAP`` (the margin idea of Lowe's ratio test in feature matching). Within one
story every sentence is on the topic, so being the best of many near-equal candidates is weak
evidence on its own: read by hand, the mutual-best pairs below STRONG that share no wording
were all different statements, mostly short quotes and opinion lines ("We all know it" / "He
knew exactly what he was doing"), in six two-outlet stories of the news-8k benchmark sample
and in the demo story alike. Links are then
merged into claims best first, never putting two units of one document in one claim, and only
when the mean score between the two groups stays at or above ``WEAK`` (no chaining drift).

Thresholds were set on hand-written paraphrase / non-paraphrase pairs of varied topics (see
tests/test_claims_semantic.py), not on any corpus: paraphrases scored 0.45-1.2, unrelated
sentences about the same person or organisation 0.2-0.7. STRONG 0.8, WEAK 0.66 and GROUP_MEAN
0.66 favour precision: a wrong alignment makes a false contradiction, a missed one only a
silent document.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from newsprism.compare.claims.align import Keyed, shares_figure, similarity, story_idf

STRONG = 0.8  # any pair at or above this is the same claim (if one-to-one allows)
WEAK = 0.66  # mutual best pairs in a document pair at or above this are the same claim, when
WEAK_LEXICAL = 0.1  # they also share wording (two or more content words: overlap above zero), or
WEAK_GAP = 0.25  # they stand this far above the runner-up of either unit in the other document
GROUP_MEAN = 0.66  # mean score between two groups for them to merge into one claim
CANDIDATE_COS = 0.3  # pairs below this cosine are not scored at all
# a document that does not state a claim but whose closest unit scores at least RELATED with one
# of the claim's units and shares two or more content words or actors with it (lexical overlap
# above zero) speaks of the same thing: "related"; a related cell never counts as support.
# Hand-written same-topic non-paraphrases of tests/test_claims_semantic.py scored 0.2-0.7, and
# 0.6 sits above most of them and below WEAK. Read on the demo story (one event, every sentence
# on its topic): at 0.5, 535 of 1,300 cells were related, most only on the topic; at 0.6, 266,
# half of a sample about the same thing; at 0.7, 57, mostly paraphrases the aligner missed.
RELATED = 0.6
LEX_WEIGHT = 0.2
DENSE_MAX = 2000  # stories with at most this many units get all their pair scores at once
NUMBER_BONUS = 0.1

Link = tuple[float, int, int]


@dataclass(frozen=True, slots=True)
class Alignment:
    """Groups of units stating one claim each, and for each group the closest unit of every
    other document that speaks of the same thing without stating it (``related``: doc -> unit)."""

    groups: list[list[Keyed]]
    related: list[dict[str, Keyed]]
    # per group, the best ``CANDIDATES`` units of every other document that reach ``RELATED``,
    # best first (the first is the related unit): what support verification may promote
    candidates: list[dict[str, tuple[Keyed, ...]]] | None = None


def pair_score(a: Keyed, b: Keyed, cos: float, idf: Mapping[str, float]) -> float:
    score = cos + LEX_WEIGHT * min(1.0, similarity(a, b, idf, number_bonus=0.0))
    if shares_figure(a, b):
        score += NUMBER_BONUS
    return score


class _Scores:
    """``pair_score`` for blocks of unit pairs of one story, computed with matrix products.

    Binary unit x key matrices give, for every pair at once, the shared word count, the IDF
    weight of the shared words (``similarity``'s numerator) and whether a figure is shared, so
    a story's pairs cost a few matrix products instead of a Python call each."""

    def __init__(self, units: Sequence[Keyed], vectors: np.ndarray,
                 idf: Mapping[str, float]) -> None:
        self.cos = vectors @ vectors.T if len(units) else np.zeros((0, 0), dtype=np.float32)
        n = len(units)
        words = _incidence([k.words for k in units])
        figs = _incidence([[f"n{x}" for x in k.numbers] + [f"c{x}" for x in k.counted] for k in units])
        weights = np.array([idf.get(w, 1.0) for w in words.keys], dtype=np.float64)
        self.full = self.full_lexical = None
        if n <= DENSE_MAX:  # every pair at once, with dense products (no sparse bookkeeping)
            w, f = words.dense(), figs.dense()
            self.full_lexical = self._lexical(w @ w.T, (w * weights) @ w.T, w @ weights, w @ weights)
            self.full = self._scores(self.full_lexical, (f @ f.T) > 0, self.cos)
            return
        from scipy import sparse

        matrix, fig = words.sparse(sparse), figs.sparse(sparse)
        self.counts = (matrix @ matrix.T).tocsr()
        self.shared = (matrix.multiply(weights[None, :]).tocsr() @ matrix.T).tocsr()
        self.total = np.asarray(matrix @ weights).ravel()
        self.figure = (fig @ fig.T).tocsr()

    def block(self, rows: Sequence[int], cols: Sequence[int]) -> np.ndarray:
        """Scores of every (row, col) pair, as ``pair_score`` gives them."""
        r, c = np.asarray(rows, dtype=np.intp), np.asarray(cols, dtype=np.intp)
        if self.full is not None:
            return self.full[np.ix_(r, c)]
        return self._scores(self.lexical_block(rows, cols), self.figure[r][:, c].toarray() > 0,
                            self.cos[np.ix_(r, c)])

    def lexical_block(self, rows: Sequence[int], cols: Sequence[int]) -> np.ndarray:
        """``claims_align.similarity`` (without its number bonus) of every (row, col) pair."""
        r, c = np.asarray(rows, dtype=np.intp), np.asarray(cols, dtype=np.intp)
        if self.full_lexical is not None:
            return self.full_lexical[np.ix_(r, c)]
        return self._lexical(self.counts[r][:, c].toarray(), self.shared[r][:, c].toarray(),
                             self.total[r], self.total[c])

    @staticmethod
    def _lexical(counts: np.ndarray, ws: np.ndarray, total_a: np.ndarray,
                 total_b: np.ndarray) -> np.ndarray:
        wa, wb = total_a[:, None], total_b[None, :]
        with np.errstate(divide="ignore", invalid="ignore"):
            lexical = 0.5 * (2 * ws / (wa + wb)) + 0.5 * (ws / np.minimum(wa, wb))
        return np.where(counts >= 2, np.nan_to_num(lexical), 0.0)

    @staticmethod
    def _scores(lexical: np.ndarray, figure: np.ndarray, cos: np.ndarray) -> np.ndarray:
        return cos.astype(np.float64) + LEX_WEIGHT * np.minimum(1.0, lexical) + NUMBER_BONUS * figure


@dataclass(frozen=True, slots=True)
class _Incidence:
    """Which keys each row holds: a binary row x key matrix, as index arrays."""

    keys: list[str]  # column -> key
    rows: np.ndarray  # row of each (row, key) entry
    cols: np.ndarray
    n_rows: int

    def dense(self) -> np.ndarray:
        out = np.zeros((self.n_rows, len(self.keys)), dtype=np.float64)
        out[self.rows, self.cols] = 1.0
        return out

    def sparse(self, sparse: Any) -> Any:
        return sparse.csr_matrix((np.ones(len(self.rows)), (self.rows, self.cols)),
                                 shape=(self.n_rows, len(self.keys)))


def _incidence(rows: Sequence[Iterable[str]]) -> _Incidence:
    lists = [list(r) for r in rows]
    flat = [k for r in lists for k in r]
    columns = {k: i for i, k in enumerate(dict.fromkeys(flat))}
    row_of = np.repeat(np.arange(len(lists)), [len(r) for r in lists])
    return _Incidence(list(columns), row_of, np.array([columns[k] for k in flat], dtype=np.int64), len(lists))


def _runner_up(masked: np.ndarray, axis: int) -> np.ndarray:
    """The second-highest value along ``axis`` (-inf where there is none)."""
    if masked.shape[axis] < 2:
        return np.full(masked.shape[1 - axis], -np.inf)
    return np.sort(masked, axis=axis).take(-2, axis=axis)


def _doc_pair_links(rows: list[int], cols: list[int], scores: _Scores) -> list[Link]:
    """One-to-one links between the units ``rows`` of one document and ``cols`` of another."""
    sub_cos = scores.cos[np.ix_(rows, cols)]
    block = scores.block(rows, cols)
    candidate = sub_cos >= CANDIDATE_COS
    if not candidate.any():
        return []
    masked = np.where(candidate, block, -np.inf)
    best_row, best_col = masked.max(axis=1), masked.max(axis=0)
    second_row, second_col = _runner_up(masked, 1), _runner_up(masked, 0)
    lexical = scores.lexical_block(rows, cols)
    links: list[Link] = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    ii, jj = np.nonzero(candidate & (block >= WEAK))
    order = sorted(zip(ii.tolist(), jj.tolist(), strict=True),
                   key=lambda ij: (-block[ij], rows[ij[0]], cols[ij[1]]))
    for i, j in order:
        a, b, s = rows[i], cols[j], float(block[i, j])
        if a in used_a or b in used_b:
            continue
        mutual = s >= best_row[i] and s >= best_col[j]
        gap = s - max(float(second_row[i]), float(second_col[j]))
        if s >= STRONG or (mutual and (lexical[i, j] >= WEAK_LEXICAL or gap >= WEAK_GAP)):
            links.append((s, a, b))
            used_a.add(a)
            used_b.add(b)
    return links


def align_semantic(units: Sequence[Keyed], vectors: np.ndarray) -> Alignment:
    """Groups of units (in the order given: earliest document first, each document's units
    together) stating one claim each, with their related units; ``vectors`` holds one
    L2-normalised embedding row per unit."""
    n = len(units)
    by_doc: dict[str, list[int]] = {}
    for i, k in enumerate(units):
        by_doc.setdefault(k.unit.doc, []).append(i)
    docs = list(by_doc)
    scores = _Scores(units, vectors, story_idf(units))
    links: list[Link] = []
    for x, da in enumerate(docs):
        for db in docs[x + 1:]:
            links.extend(_doc_pair_links(by_doc[da], by_doc[db], scores))
    group_of = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    for _, a, b in sorted(links, key=lambda t: (-t[0], t[1], t[2])):
        ga, gb = group_of[a], group_of[b]
        if ga == gb:
            continue
        docs_a = {units[i].unit.doc for i in members[ga]}
        if any(units[i].unit.doc in docs_a for i in members[gb]):
            continue
        if len(members[ga]) + len(members[gb]) > 2 and \
                float(scores.block(members[ga], members[gb]).mean()) < GROUP_MEAN:
            continue
        keep, drop = (ga, gb) if ga < gb else (gb, ga)
        for i in members[drop]:
            group_of[i] = keep
        members[keep] = sorted(members[keep] + members.pop(drop))
    order = sorted(members)
    candidates = _related(units, [members[g] for g in order], scores)
    return Alignment([[units[i] for i in members[g]] for g in order],
                     [{d: ks[0] for d, ks in c.items()} for c in candidates], candidates)


RELATED_ROWS = 256  # about this many unit rows are scored against the whole story at once
CANDIDATES = 3  # units of each other document kept per group for support verification


def _related(units: Sequence[Keyed], groups: Sequence[list[int]],
             scores: _Scores) -> list[dict[str, tuple[Keyed, ...]]]:
    """For each group, the best ``CANDIDATES`` units (best first) of every document but its first
    unit's (the group's own units left out) whose score with one of the group's units reaches ``RELATED`` with shared wording (and a
    candidate cosine). Groups are scored in batches of rows, so a large story never holds all its
    pair scores at once."""
    n = len(units)
    docs = [k.unit.doc for k in units]
    starts = [i for i in range(n) if i == 0 or docs[i] != docs[i - 1]]  # documents are contiguous
    ends = starts[1:] + [n]
    every = np.arange(n)
    out: list[dict[str, Keyed]] = []
    at = 0
    while at < len(groups):
        batch: list[list[int]] = []
        while at < len(groups) and (not batch or sum(map(len, batch)) < RELATED_ROWS):
            batch.append(groups[at])
            at += 1
        rows = [i for g in batch for i in g]
        block = scores.block(rows, every)
        ok = (block >= RELATED) & (scores.lexical_block(rows, every) > 0) & \
            (scores.cos[np.ix_(np.asarray(rows), every)] >= CANDIDATE_COS)
        masked = np.where(ok, block, -np.inf)
        first = 0
        for group in batch:
            combined = masked[first:first + len(group)].max(axis=0)
            first += len(group)
            combined[group] = -np.inf  # the group's own units
            head_doc = docs[group[0]]
            found: dict[str, tuple[Keyed, ...]] = {}
            for start, end in zip(starts, ends, strict=True):
                if docs[start] == head_doc:
                    continue
                part = combined[start:end]
                best = np.argsort(-part, kind="stable")[:CANDIDATES]
                kept = tuple(units[start + int(j)] for j in best if part[j] > -np.inf)
                if kept:
                    found[docs[start]] = kept
            out.append(found)
    return out
