"""Align the same claim across the documents of one story.

Each claim unit becomes a bag of keys: stemmed content words (through a small synonym table,
``resources/compare_synonyms.txt``), actor ids for the extract stage's entity mentions inside the
unit (so "Sergei" and "Sergey" spellings of one actor match), and numbers normalised to values
(``four`` == ``4`` == ``4.0``); attribution words ("said", "according to") are left out. Two
units state the same claim when their IDF-weighted word overlap is high (the mean of Dice and
containment, so a paraphrase with an added attribution or detail still matches). Numbers do not
decide alignment (two outlets that give different numbers for the same fact must still align, so
discrepancies can be found): a bonus goes to units that state the same figure, or a figure of the
same counted thing (``four firefighters`` / ``5 firefighters``: the lower-case word right after a
number), so a disagreeing figure scores exactly like an agreeing one.

Units are taken document by document (earliest first); each joins the best-matching existing
claim that has no unit from its document yet, or starts a new claim. Candidate claims come from
an inverted index over keys, so no unit is compared with every other.
"""

from __future__ import annotations

import bisect
import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from newsprism.compare import vectors as vec
from newsprism.compare.claims.split import Unit
from newsprism.lang.morphology import stem, stem_form
from newsprism.lang.numbers import normalise_numbers, split_hyphen_numbers
from newsprism.lang.resources import lines
from newsprism.lang.words import CORE_STOP_WORDS

ALIGN_MIN = 0.55  # blended overlap (Dice and containment) for two units to state one claim
NUMBER_BONUS = 0.15
# attribution words say nothing about which fact is stated (canonical forms after synonyms)
ATTRIBUTION = frozenset({"say", "accord", "add", "report", "claim", "note"})
MAX_POSTING = 300  # keys found in more claims than this are not used to find candidates
MAX_COMPARE = 8  # members of a claim compared with a new unit

EntitySpans = Mapping[str, tuple[list[int], list[tuple[int, int, str]]]]


@dataclass(frozen=True, slots=True)
class Keyed:
    unit: Unit
    words: frozenset[str]
    numbers: frozenset[str]
    counted: frozenset[str] = frozenset()  # canonical forms of the words right after a number


@lru_cache(maxsize=1)
def synonyms() -> dict[str, str]:
    table: dict[str, str] = {}
    for line in lines("compare_synonyms.txt"):
        words = [stem(w) for w in line.split()]
        for w in words:
            table.setdefault(w, words[0])
    return table


def entity_index(entity_mentions: Sequence[tuple[str, int, int, str]]) -> EntitySpans:
    """``(doc, start, end, entity_id)`` -> per document: sorted starts and the mentions."""
    by_doc: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for doc, start, end, ent in entity_mentions:
        by_doc[doc].append((start, end, ent))
    out: dict[str, tuple[list[int], list[tuple[int, int, str]]]] = {}
    for doc, items in by_doc.items():
        items.sort()
        out[doc] = ([s for s, _, _ in items], items)
    return out


def _entities_in(unit: Unit, index: EntitySpans) -> set[str]:
    found = index.get(unit.doc)
    if found is None:
        return set()
    starts, items = found
    lo = bisect.bisect_left(starts, unit.start)
    hi = bisect.bisect_left(starts, unit.end)
    return {f"@{ent}" for _, end, ent in items[lo:hi] if end <= unit.end}


@lru_cache(maxsize=200_000)
def _canonical(token: str) -> str:
    """The synonym-mapped stem of a lower-cased token, or "" for stop and attribution words
    and for number tokens (``#4``)."""
    if token.startswith("#"):
        return ""
    s = stem_form(token, CORE_STOP_WORDS)
    if not s:
        return ""
    s = synonyms().get(s, s)
    return "" if s in ATTRIBUTION else s


def keyed(unit: Unit, index: EntitySpans) -> Keyed:
    raw = vec.raw_tokens(unit.text)
    if "-" in unit.text:
        raw = split_hyphen_numbers(raw)
    tokens = normalise_numbers(raw)
    words = set(map(_canonical, tokens))
    words.discard("")
    numbers = {t for t in tokens if t[0] == "#"}
    counted: set[str] = set()
    if numbers:
        lower_in_text = {t for t in raw if t.islower()}  # "one, Rubio said": a name is not counted
        for i, t in enumerate(tokens[:-1]):
            nxt = tokens[i + 1]
            if t[0] == "#" and nxt in lower_in_text and nxt.isalpha() and (c := _canonical(nxt)):
                counted.add(c)
    words |= _entities_in(unit, index)
    return Keyed(unit, frozenset(words), frozenset(numbers), frozenset(counted))


def shares_figure(a: Keyed, b: Keyed) -> bool:
    """Both units state the same number, or a number of the same counted thing."""
    return bool(a.numbers & b.numbers or a.counted & b.counted)


def similarity(a: Keyed, b: Keyed, idf: Mapping[str, float],
               number_bonus: float = NUMBER_BONUS) -> float:
    shared = a.words & b.words
    if len(shared) < 2:
        return 0.0
    wa = sum(idf.get(w, 1.0) for w in a.words)
    wb = sum(idf.get(w, 1.0) for w in b.words)
    ws = sum(idf.get(w, 1.0) for w in shared)
    score = 0.5 * (2 * ws / (wa + wb)) + 0.5 * (ws / min(wa, wb))
    if shares_figure(a, b):
        score += number_bonus
    return score


def story_idf(units: Sequence[Keyed]) -> dict[str, float]:
    docs: dict[str, set[str]] = defaultdict(set)
    for k in units:
        docs[k.unit.doc] |= k.words
    df: Counter[str] = Counter()
    for words in docs.values():
        df.update(words)
    n = len(docs)
    return {w: math.log((n + 1) / (c + 1)) + 1.0 for w, c in df.items()}


def align(units: Sequence[Keyed], doc_order: Sequence[str]) -> list[list[Keyed]]:
    """Groups of units that state the same claim; each group has at most one unit a document."""
    rank = {d: i for i, d in enumerate(doc_order)}
    ordered = sorted(units, key=lambda k: (rank.get(k.unit.doc, len(rank)), k.unit.start))
    if len({k.unit.doc for k in ordered}) < 2:
        return [[k] for k in ordered]
    idf = story_idf(ordered)
    claims: list[list[Keyed]] = []
    docs_in: list[set[str]] = []
    words_in: list[set[str]] = []
    postings: dict[str, list[int]] = defaultdict(list)
    for k in ordered:
        candidates: set[int] = set()
        for w in k.words:
            posting = postings.get(w)
            if posting and len(posting) <= MAX_POSTING:
                candidates.update(posting)
        best, best_score = -1, ALIGN_MIN
        for c in sorted(candidates):
            if k.unit.doc in docs_in[c]:
                continue
            score = max(similarity(k, m, idf) for m in claims[c][:MAX_COMPARE])
            if score > best_score or (best < 0 and score >= ALIGN_MIN):
                best, best_score = c, score
        if best < 0:
            best = len(claims)
            claims.append([])
            docs_in.append(set())
            words_in.append(set())
        claims[best].append(k)
        docs_in[best].add(k.unit.doc)
        for w in k.words - words_in[best]:
            postings[w].append(best)
        words_in[best] |= k.words
    return claims
