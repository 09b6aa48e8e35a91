"""Reworded copies: a document whose statements follow another's, one by one and in order.

Shared 5-word sequences (``derivation``) find copies and light rewrites, but not a copy whose
words were replaced ("synonym spinning") or that was paraphrased sentence by sentence. Those
keep something that shingles lose: the statements themselves, in their order. Once the claims of
a story are aligned, each pair of its documents is read as two sequences of claim units; the
units of both that state one claim are matched, and the longest run of matches that keeps the
order in both documents (a longest increasing subsequence) is counted. Two outlets reporting one
event independently share some facts, but in their own order and among much of their own: the
later document is a rewrite of the earlier when at least ``SHARE_MIN`` of its own units follow
the other's order and at least ``MATCHED_MIN`` do (so a short brief that states three facts of a
long report is not a copy of it). A partial copy of a longer article counts: the share is of the
derived document's units. Shared rare evidence (numbers, names, quotations) is inside the
alignment already: aligned units share their wording or meaning.

Direction, as for ``derivation``: the later-published document is derived; with equal or
unknown dates, the one with fewer units (more of it covered), then the larger id.

Where the thresholds sit: over the 135 document pairs of the multi-document stories in the first
2,000 news-8k articles (static encoder), the highest share of a pair that shared 5-word sequences
did not already link was 0.48 (the next 0.45, 0.38, 0.36); a sentence-by-sentence rewrite keeps
nearly all its units in order (1.0 in the hand-written tests). 0.6 leaves a margin on both sides.
Short reports of one event are told in much the same order (what happened, the toll, who said
what, what comes next): three hand-written five-sentence reports of one fire (tests/data/grow)
had all their units in order. Order is evidence of copying only over a longer run, so at least
8 units must follow it; a copy shorter than that is left to the shared word sequences.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Mapping, Sequence

from newsprism.compare.stories.derivation import independent_groups
from newsprism.model import Claim, Derivation, Document, Story

SHARE_MIN = 0.6  # share of the derived document's units that follow the original's order
MATCHED_MIN = 8  # and at least this many of them


def _in_order(pairs: Sequence[tuple[int, int]]) -> int:
    """Length of the longest chain of (a, b) positions increasing in both (patience sorting)."""
    tails: list[int] = []
    for _, b in sorted(pairs, key=lambda p: (p[0], -p[1])):
        at = bisect_left(tails, b)
        if at == len(tails):
            tails.append(b)
        else:
            tails[at] = b
    return len(tails)


def _units(claims: Sequence[Claim]) -> tuple[dict[str, int], dict[tuple[str, int], int]]:
    """Units per document, and each (document, unit start) -> its rank in the document."""
    starts: dict[str, list[int]] = defaultdict(list)
    for claim in claims:
        for m in claim.mentions:
            starts[m.doc].append(m.start)
    rank = {(doc, s): i for doc, ss in starts.items() for i, s in enumerate(sorted(set(ss)))}
    return {doc: len(set(ss)) for doc, ss in starts.items()}, rank


def _direction(a: str, b: str, units: Mapping[str, int],
               by_id: Mapping[str, Document]) -> tuple[str, str]:
    """(derived, original)."""
    da, db = (by_id[a].published or "")[:10], (by_id[b].published or "")[:10]
    if da and db and da != db:
        return (a, b) if da > db else (b, a)
    if units[a] != units[b]:
        return (a, b) if units[a] < units[b] else (b, a)
    return (a, b) if a > b else (b, a)


def find_rewrites(stories: Sequence[Story], claims: Sequence[Claim], documents: Sequence[Document],
                  known: Sequence[Derivation]) -> tuple[Derivation, ...]:
    """Derivations that the order of aligned claims shows, for document pairs ``known`` does not
    already link (in either direction)."""
    by_id = {d.id: d for d in documents}
    linked = {frozenset((d.doc, d.derived_from)) for d in known}
    by_story: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_story[claim.story].append(claim)
    found: list[Derivation] = []
    for story in stories:
        story_claims = by_story.get(story.id, [])
        if len(story.documents) < 2 or not story_claims:
            continue
        units, rank = _units(story_claims)
        matches: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
        for claim in story_claims:
            first: dict[str, int] = {}
            for m in claim.mentions:
                first.setdefault(m.doc, rank[(m.doc, m.start)])
            # a related unit was aligned with the claim but not verified as the same fact: a
            # synonym-spun sentence often is one of them, and its place still shows the order
            for cell in claim.cells:
                if cell.state == "related" and cell.span is not None and (cell.span.doc, cell.span.start) in rank:
                    first.setdefault(cell.span.doc, rank[(cell.span.doc, cell.span.start)])
            docs = sorted(first)
            for i, a in enumerate(docs):
                for b in docs[i + 1:]:
                    matches[(a, b)].append((first[a], first[b]))
        for (a, b), pairs in sorted(matches.items()):
            if len(pairs) < MATCHED_MIN or frozenset((a, b)) in linked or a not in by_id or b not in by_id:
                continue
            chain = _in_order(pairs)
            derived, original = _direction(a, b, units, by_id)
            share = chain / max(units[derived], 1)
            if chain < MATCHED_MIN or share < SHARE_MIN:
                continue
            evidence = (f"{chain} of this document's {units[derived]} statements ({share:.0%}) are "
                        f"also stated in the other, in the same order (aligned claims; few shared "
                        f"word sequences: a reworded copy)")
            found.append(Derivation(derived, original, round(share, 3), evidence))
    return tuple(sorted(found, key=lambda d: (d.doc, d.derived_from)))


def recount_support(claims: Sequence[Claim], documents: Sequence[Document],
                    derivations: Sequence[Derivation]) -> tuple[Claim, ...]:
    """Claims with their independent support counted again over ``derivations``."""
    roots = independent_groups([d.id for d in documents], derivations)
    out = []
    for claim in claims:
        independent = len({roots.get(d, d) for d in claim.support})
        if independent == claim.independent_support:
            out.append(claim)
        else:
            out.append(dataclasses.replace(claim, independent_support=independent,
                                           single_source=independent == 1))
    return tuple(out)
