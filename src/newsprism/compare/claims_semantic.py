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
``WEAK`` and each unit is the other's best candidate in that document (mutual best). Links are then
merged into claims best first, never putting two units of one document in one claim, and only
when the mean score between the two groups stays at or above ``WEAK`` (no chaining drift).

Thresholds were set on hand-written paraphrase / non-paraphrase pairs of varied topics (see
tests/test_claims_semantic.py), not on any corpus: paraphrases scored 0.45-1.2, unrelated
sentences about the same person or organisation 0.2-0.7. STRONG 0.8, WEAK 0.66 and GROUP_MEAN
0.66 favour precision: a wrong alignment makes a false contradiction, a missed one only a
silent document.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from newsprism.compare.claims_align import Keyed, shares_figure, similarity, story_idf

STRONG = 0.8  # any pair at or above this is the same claim (if one-to-one allows)
WEAK = 0.66  # mutual best pairs in a document pair at or above this are the same claim
GROUP_MEAN = 0.66  # mean score between two groups for them to merge into one claim
CANDIDATE_COS = 0.3  # pairs below this cosine are not scored at all
LEX_WEIGHT = 0.2
NUMBER_BONUS = 0.1

Link = tuple[float, int, int]


def pair_score(a: Keyed, b: Keyed, cos: float, idf: Mapping[str, float]) -> float:
    score = cos + LEX_WEIGHT * min(1.0, similarity(a, b, idf, number_bonus=0.0))
    if shares_figure(a, b):
        score += NUMBER_BONUS
    return score


def _doc_pair_links(units: Sequence[Keyed], rows: list[int], cols: list[int], cos: np.ndarray,
                    idf: Mapping[str, float]) -> list[Link]:
    """One-to-one links between the units ``rows`` of one document and ``cols`` of another."""
    sub = cos[np.ix_(rows, cols)]
    scored: dict[tuple[int, int], float] = {}
    for i, j in zip(*np.nonzero(sub >= CANDIDATE_COS), strict=True):
        a, b = rows[int(i)], cols[int(j)]
        scored[(a, b)] = pair_score(units[a], units[b], float(sub[i, j]), idf)
    best_row: dict[int, float] = {}
    best_col: dict[int, float] = {}
    for (a, b), s in scored.items():
        best_row[a] = max(best_row.get(a, 0.0), s)
        best_col[b] = max(best_col.get(b, 0.0), s)
    links: list[Link] = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    for (a, b), s in sorted(scored.items(), key=lambda kv: (-kv[1], kv[0])):
        if a in used_a or b in used_b or s < WEAK:
            continue
        mutual = s >= best_row[a] and s >= best_col[b]
        if s >= STRONG or mutual:
            links.append((s, a, b))
            used_a.add(a)
            used_b.add(b)
    return links


def _mean_link(g1: list[int], g2: list[int], units: Sequence[Keyed], cos: np.ndarray,
               idf: Mapping[str, float]) -> float:
    total = sum(pair_score(units[a], units[b], float(cos[a, b]), idf) for a in g1 for b in g2)
    return total / (len(g1) * len(g2))


def align_semantic(units: Sequence[Keyed], vectors: np.ndarray) -> list[list[Keyed]]:
    """Groups of units (in the order given: earliest document first) stating one claim each;
    ``vectors`` holds one L2-normalised embedding row per unit."""
    n = len(units)
    by_doc: dict[str, list[int]] = {}
    for i, k in enumerate(units):
        by_doc.setdefault(k.unit.doc, []).append(i)
    docs = list(by_doc)
    idf = story_idf(units)
    cos = vectors @ vectors.T if n else np.zeros((0, 0), dtype=np.float32)
    links: list[Link] = []
    for x, da in enumerate(docs):
        for db in docs[x + 1:]:
            links.extend(_doc_pair_links(units, by_doc[da], by_doc[db], cos, idf))
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
                _mean_link(members[ga], members[gb], units, cos, idf) < GROUP_MEAN:
            continue
        keep, drop = (ga, gb) if ga < gb else (gb, ga)
        for i in members[drop]:
            group_of[i] = keep
        members[keep] = sorted(members[keep] + members.pop(drop))
    return [[units[i] for i in members[g]] for g in sorted(members)]
