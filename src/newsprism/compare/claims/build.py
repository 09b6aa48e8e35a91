"""Claims: atomic statements of each story, aligned across its documents, with their support.

``build_claims`` splits every document of a story into claim units (``split``), aligns
them across the story's documents (``claims_align``) and makes one ``Claim`` per aligned group:
support (documents that state it), silent (documents of the story that do not), the number of
independent sources among the supporters (copies and rewrites found by ``derivation`` count
once) and ``single_source`` when only one independent source carries it.

``apply_discrepancies`` then moves the documents on the minority side of each discrepancy from
support to ``contradicted_by`` (the side with more independent sources is taken as the claim; on
a tie the claim's own wording, from its earliest document, stands).
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Mapping, Sequence

import numpy as np

from newsprism.compare import vectors as vec
from newsprism.compare.claims.align import Keyed, align, entity_index, keyed
from newsprism.compare.claims.semantic import align_semantic
from newsprism.compare.embeddings.encoders import Encoder, embed
from newsprism.compare.claims.split import Unit, split_units
from newsprism.compare.stories.derivation import independent_groups
from newsprism.lang.numbers import normalise_numbers, split_hyphen_numbers
from newsprism.lang.sentences import SentenceSpans
from newsprism.model import (
    Claim, Derivation, Discrepancy, Document, Extraction, Span, Story, make_id,
)


def document_order(doc_ids: Sequence[str], by_id: Mapping[str, Document]) -> list[str]:
    """Earliest published first (unknown dates last), then by id."""
    return sorted(doc_ids, key=lambda d: ((by_id[d].published or "9999")[:10], d))


def _mention(unit: Unit, by_id: Mapping[str, Document]) -> Span:
    """The unit's span; its text is the unit's own string when that is the exact slice (a unit
    that repeats a shared subject is longer), so the two share memory."""
    exact = len(unit.text) == unit.end - unit.start
    return Span(unit.doc, unit.start, unit.end,
                unit.text if exact else by_id[unit.doc].text[unit.start:unit.end])


def _claim(story: Story, group: Sequence[Keyed], roots: Mapping[str, str],
           by_id: Mapping[str, Document]) -> Claim:
    seed = group[0].unit
    mentions = tuple(_mention(k.unit, by_id) for k in group)
    support = tuple(dict.fromkeys(k.unit.doc for k in group))
    independent = len({roots.get(d, d) for d in support})
    kinds = [k.unit.kind for k in group]
    kind = max(set(kinds), key=lambda x: (kinds.count(x), x == seed.kind))
    return Claim(
        id=make_id("claim", story.id, seed.doc, seed.start, seed.end),
        story=story.id,
        text=seed.text,
        mentions=mentions,
        support=support,
        contradicted_by=(),
        silent=tuple(d for d in story.documents if d not in support),
        kind=kind,
        single_source=independent == 1,
        independent_support=independent,
    )


def _story_vectors(keyed_by_story: Sequence[list[Keyed] | None],
                   encoder: Encoder) -> list[np.ndarray | None]:
    """Embeddings of the units of every multi-document story, encoded in one batched call."""
    texts = [k.unit.text for ks in keyed_by_story if ks for k in ks]
    matrix = embed(texts, encoder)
    out: list[np.ndarray | None] = []
    at = 0
    for ks in keyed_by_story:
        if ks is None:
            out.append(None)
            continue
        out.append(matrix[at:at + len(ks)])
        at += len(ks)
    return out


def build_claims(documents: Sequence[Document], stories: Sequence[Story],
                 derivations: Sequence[Derivation], extraction: Extraction,
                 encoder: Encoder | None, *, sentences: SentenceSpans) -> tuple[Claim, ...]:
    """Claims of every story. Units of stories with two or more documents are aligned with
    sentence embeddings (``encoder``, from ``embeddings.load_encoder``) plus lexical, entity and
    number evidence; without an encoder (``None``: none installed), by lexical overlap only.
    ``sentences``: every document's sentence spans."""
    by_id = {d.id: d for d in documents}
    index = entity_index([(m.doc, m.start, m.end, e.id)
                          for e in extraction.entities for m in e.mentions])
    roots = independent_groups([d.id for d in documents], derivations)
    orders = [document_order([d for d in s.documents if d in by_id], by_id) for s in stories]
    units = [[u for d in order for u in split_units(by_id[d], sentences[d])] for order in orders]
    keyed_units: list[list[Keyed] | None] = [
        [keyed(u, index) for u in us] if len(order) >= 2 else None
        for order, us in zip(orders, units, strict=True)]
    vectors = (_story_vectors(keyed_units, encoder) if encoder is not None
               else [None] * len(stories))
    claims: list[Claim] = []
    for story, order, us, ks, vs in zip(stories, orders, units, keyed_units, vectors,
                                        strict=True):
        if ks is None:  # nothing to align with: one claim per unit
            groups = [[Keyed(u, frozenset(), frozenset())] for u in us]
        elif vs is not None:
            groups = align_semantic(ks, vs)
        else:
            groups = align(ks, order)
        claims.extend(_claim(story, group, roots, by_id) for group in groups)
    return tuple(claims)


def _value(text: str) -> str:
    tokens = normalise_numbers(split_hyphen_numbers(vec.raw_tokens(text)))
    return " ".join(tokens) or text.strip().lower()


def minority_docs(claim: Claim, discrepancy: Discrepancy, roots: Mapping[str, str]) -> set[str]:
    """Documents of ``claim`` whose version in ``discrepancy`` loses to the majority version."""
    side_of: dict[str, str] = {}
    for m in discrepancy.mentions:
        if m.doc in claim.support and m.doc not in side_of:
            side_of[m.doc] = _value(m.text)
    sides: dict[str, set[str]] = defaultdict(set)
    for doc, value in side_of.items():
        sides[value].add(doc)
    if len(sides) < 2:
        return set()
    order = {d: i for i, d in enumerate(claim.support)}

    def weight(value: str) -> tuple[int, int]:
        docs = sides[value]
        return len({roots.get(d, d) for d in docs}), -min(order[d] for d in docs)

    majority = max(sides, key=weight)
    return {d for value, docs in sides.items() if value != majority for d in docs}


def apply_discrepancies(claims: Sequence[Claim], discrepancies: Sequence[Discrepancy],
                        documents: Sequence[Document],
                        derivations: Sequence[Derivation]) -> tuple[Claim, ...]:
    roots = independent_groups([d.id for d in documents], derivations)
    by_id = {c.id: c for c in claims}
    against: dict[str, set[str]] = defaultdict(set)
    for disc in discrepancies:
        for claim_id in disc.claims:
            claim = by_id.get(claim_id)
            if claim is not None:
                against[claim_id] |= minority_docs(claim, disc, roots)
    out: list[Claim] = []
    for claim in claims:
        losers = against.get(claim.id)
        if not losers:
            out.append(claim)
            continue
        support = tuple(d for d in claim.support if d not in losers)
        independent = len({roots.get(d, d) for d in support})
        out.append(dataclasses.replace(
            claim, support=support,
            contradicted_by=tuple(d for d in claim.support if d in losers),
            independent_support=independent, single_source=independent == 1))
    return tuple(out)
