"""Claims: atomic statements of each story, aligned across its documents, with their support.

``build_claims`` splits every document of a story into claim units (``split``), aligns
them across the story's documents (``claims_align``) and makes one ``Claim`` per aligned group:
support (documents that state it), related (documents that speak of the same thing without
stating it: ``semantic.RELATED``; only with sentence embeddings), silent (the others), the
number of independent sources among the supporters (copies and rewrites found by
``derivation`` count once), ``single_source`` when only one independent source carries it, and
one ``ClaimCell`` per document of the story saying which of these it is.

``apply_discrepancies`` then turns the supporting documents that state an incompatible fact into
``contradicts`` cells (moved from support to ``contradicted_by``). Only contradictions count:
a variant (``Discrepancy.variant``: a name's spelling, a quote's wording that changes no fact)
moves nobody. Only evidence inside the claim's own mentions counts. The claim is its source's
statement (its earliest document, whose wording it carries): when the source takes a side, the
documents on the other sides contradict it, so the source never does; when the finding is
between two other documents, the side whose value the source's sentence states stands, else the
side with more independent sources (on a tie, the earliest document's). Every
contradicts cell names its discrepancy and both evidence spans. A contradiction needs the two
sentences to be one statement told twice (``same_statement``: shared content words); a
supporter whose sentence states another value and shares little wording with the claim's side
was aligned on its topic only: its cell becomes ``related`` (scored on the labelled news pairs of
benchmarks/bench_pairs.py, dev split: support precision 0.43 -> 0.51, recall 0.43 -> 0.31).
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence

import numpy as np

from newsprism.compare import vectors as vec
from newsprism.compare.claims.align import Keyed, align, entity_index, keyed
from newsprism.compare.claims.modality import same_speaker, statement_class
from newsprism.compare.claims.semantic import align_semantic
from newsprism.compare.claims.verify import Verifier, content_words, verify
from newsprism.compare.embeddings.encoders import Encoder, embed
from newsprism.compare.embeddings.static import StaticEncoder
from newsprism.compare.claims.split import Unit, split_units
from newsprism.compare.stories.derivation import independent_groups
from newsprism.lang.numbers import normalise_numbers, split_hyphen_numbers
from newsprism.lang.sentences import SentenceSpans
from newsprism.model import (
    Claim, ClaimCell, Derivation, Discrepancy, Document, Extraction, Span, Story, make_id,
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


def _cells(story: Story, support: Sequence[str], related: Mapping[str, Span]) -> tuple[ClaimCell, ...]:
    """Supports (its statement is among the claim's mentions), related or silent, in story order."""
    out = []
    for d in story.documents:
        if d in support:
            out.append(ClaimCell(d, "supports"))
        elif d in related:
            out.append(ClaimCell(d, "related", span=related[d]))
        else:
            out.append(ClaimCell(d, "silent"))
    return tuple(out)


def _claim(story: Story, group: Sequence[Keyed], related: Mapping[str, Keyed],
           roots: Mapping[str, str], by_id: Mapping[str, Document]) -> Claim:
    seed = group[0].unit
    mentions = tuple(_mention(k.unit, by_id) for k in group)
    support = tuple(dict.fromkeys(k.unit.doc for k in group))
    near = {d: _mention(k.unit, by_id) for d, k in related.items()
            if d not in support and d in story.documents}
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
        silent=tuple(d for d in story.documents if d not in support and d not in near),
        kind=kind,
        single_source=independent == 1,
        independent_support=independent,
        related=tuple(d for d in story.documents if d in near),
        cells=_cells(story, support, near),
        modality=seed.modality,
        attributed_to=seed.speaker,
    )


Fits = Callable[[Keyed, Keyed], bool]


def _same_kind(head: Keyed, k: Keyed) -> bool:
    return (statement_class(head.unit.modality) == statement_class(k.unit.modality)
            and same_speaker(head.unit.speaker, k.unit.speaker))


def by_statement(groups: Sequence[list[Keyed]], related: Sequence[dict[str, Keyed]] | None,
                 fits: Fits = _same_kind) -> tuple[list[list[Keyed]], list[dict[str, Keyed]]]:
    """Aligned groups cut so that each states one statement: its units share a statement class
    (``modality.statement_class``: a preview never supports an outcome, a hypothesis or a denial
    never a fact) and, when attributed, a speaker (``modality.same_speaker``). The first unit's
    part keeps the claim; each other part becomes a claim of its own. Parts of one group are
    related to each other (same thing, another statement)."""
    out_groups: list[list[Keyed]] = []
    out_related: list[dict[str, Keyed]] = []
    for g, group in enumerate(groups):
        near = dict(related[g]) if related else {}
        parts: list[list[Keyed]] = []
        for k in group:
            for part in parts:
                if fits(part[0], k):
                    part.append(k)
                    break
            else:
                parts.append([k])
        if len(parts) == 1:
            out_groups.append(group)
            out_related.append(near)
            continue
        for part in parts:
            docs = {k.unit.doc for k in part}
            mine = {d: k for d, k in near.items() if d not in docs}
            for other in parts:
                if other is not part:
                    for k in other:
                        if k.unit.doc not in docs:
                            mine.setdefault(k.unit.doc, k)
            out_groups.append(part)
            out_related.append(mine)
    return out_groups, out_related


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
                 encoder: Encoder | None, *, sentences: SentenceSpans,
                 roots: Mapping[str, str] | None = None,
                 verifier: Encoder | None = None) -> tuple[Claim, ...]:
    """Claims of every story. Units of stories with two or more documents are aligned with
    sentence embeddings (``encoder``, from ``embeddings.load_encoder``) plus lexical, entity and
    number evidence; without an encoder (``None``: none installed), by lexical overlap only.
    Support is then verified (``verify``) with ``verifier``, the sentence-pair model (the
    transformer encoder), else with ``encoder``'s cosine at a stricter threshold.
    ``sentences``: every document's sentence spans. ``roots``: each document's independent
    source, when computed over more documents than these (else from ``derivations``)."""
    by_id = {d.id: d for d in documents}
    index = entity_index([(m.doc, m.start, m.end, e.id)
                          for e in extraction.entities for m in e.mentions])
    if roots is None:
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
        related: list[dict[str, Keyed]] | None = None
        if ks is None:  # nothing to align with: one claim per unit
            groups = [[Keyed(u, frozenset(), frozenset())] for u in us]
        elif vs is not None:
            aligned = align_semantic(ks, vs)
            # the story's static vectors screen pairs before the model (none when aligning with it)
            screen = ({id(k): v for k, v in zip(ks, vs, strict=True)}
                      if isinstance(encoder, StaticEncoder) and verifier is not None else None)
            checker = Verifier(verifier if verifier is not None else encoder, screen=screen)  # type: ignore[arg-type]
            groups, related = verify(ks, aligned.groups, aligned.related, aligned.candidates,
                                     checker.same_fact_fn(aligned.groups, aligned.candidates),
                                     _same_kind)
        else:
            groups, related = by_statement(align(ks, order), None)
            related = related if any(related) else None
        claims.extend(_claim(story, group, related[g] if related else {}, roots, by_id)
                      for g, group in enumerate(groups))
    return tuple(claims)


SAME_SHARED = 2
SAME_SHARE = 0.4


def _value(text: str) -> str:
    tokens = normalise_numbers(split_hyphen_numbers(vec.raw_tokens(text)))
    return " ".join(tokens) or text.strip().lower()


def contradicting(claim: Claim, discrepancy: Discrepancy,
                  roots: Mapping[str, str]) -> dict[str, tuple[Span, Span]]:
    """Documents of ``claim`` that ``discrepancy`` shows stating an incompatible fact, each with
    (its evidence, the evidence on the claim's side). Variants contradict nothing, and only
    evidence inside the claim's own mentions counts."""
    if discrepancy.variant or discrepancy.kind == "paraphrase":  # a finding of its own kind
        return {}
    said: dict[str, list[Span]] = defaultdict(list)
    for m in claim.mentions:
        said[m.doc].append(m)
    side_of: dict[str, Span] = {}
    for m in discrepancy.mentions:
        if m.doc not in side_of and any(m.start < s.end and s.start < m.end for s in said[m.doc]):
            side_of[m.doc] = m
    sides: dict[str, list[str]] = defaultdict(list)
    for doc, span in side_of.items():
        sides[_value(span.text)].append(doc)
    if len(sides) < 2:
        return {}
    order = {d: i for i, d in enumerate(claim.support)}
    source = claim.mentions[0].doc

    def weight(value: str) -> tuple[int, int]:
        docs = sides[value]
        return len({roots.get(d, d) for d in docs}), -min(order.get(d, len(order)) for d in docs)

    if source in side_of:
        standing = _value(side_of[source].text)
    else:  # the source's side in another finding ("Tuesday" in its sentence), else the majority
        said_by_source = f" {_value(claim.mentions[0].text)} "
        stated = [v for v in sides if f" {v} " in said_by_source]
        standing = stated[0] if len(stated) == 1 else max(sides, key=weight)
    witness = side_of[min(sides[standing], key=lambda d: order.get(d, len(order)))]
    return {d: (side_of[d], witness) for value, docs in sides.items() if value != standing for d in docs}


def apart(claim: Claim, found: Mapping[str, tuple[Span, Span]]) -> set[str]:
    """The documents of ``found`` (their evidence states another value than the claim's side)
    whose sentence is not the claim's statement told again (``same_statement``): they were
    aligned on their topic, and a different figure or day in them is about another thing."""
    stated = {m.doc: m for m in claim.mentions}
    return {d for d, (_, witness) in found.items()
            if d in stated and witness.doc in stated
            and not same_statement(stated[d].text, stated[witness.doc].text)}


def same_statement(a: str, b: str) -> bool:
    """Whether two aligned sentences are one statement told twice (so a different value in them
    is a contradiction): they share at least ``SAME_SHARED`` content words and at least
    ``SAME_SHARE`` of the shorter one's (numbers left out: they are what may differ). Sentences
    that were aligned on their topic alone ("expected to speak in court on Wednesday" /
    "arrived on Capitol Hill Tuesday") share few words, and a different figure or day in them
    is about two different things."""
    wa, wb = content_words(a), content_words(b)
    shared = len(wa & wb)
    return shared >= SAME_SHARED and shared >= SAME_SHARE * min(len(wa), len(wb))


def apply_discrepancies(claims: Sequence[Claim], discrepancies: Sequence[Discrepancy],
                        documents: Sequence[Document],
                        derivations: Sequence[Derivation],
                        roots: Mapping[str, str] | None = None) -> tuple[Claim, ...]:
    """Claims with the documents that contradict them moved from support to
    ``contradicted_by``, each with a ``contradicts`` cell (discrepancy and both spans).
    ``roots``: as for ``build_claims``."""
    if roots is None:
        roots = independent_groups([d.id for d in documents], derivations)
    by_id = {c.id: c for c in claims}
    against: dict[str, dict[str, tuple[str, Span, Span]]] = defaultdict(dict)
    elsewhere: dict[str, set[str]] = defaultdict(set)
    for disc in discrepancies:
        for claim_id in disc.claims:
            claim = by_id.get(claim_id)
            if claim is None:
                continue
            found = contradicting(claim, disc, roots)
            other_statement = apart(claim, found)
            elsewhere[claim_id] |= other_statement
            for doc, (span, other) in found.items():
                if doc not in other_statement:
                    against[claim_id].setdefault(doc, (disc.id, span, other))
    out: list[Claim] = []
    for claim in claims:
        losers = against.get(claim.id, {})
        # a document whose aligned sentence turned out to be another statement (another value and
        # little shared wording) does not state the claim: related, not support
        moved = {d for d in elsewhere.get(claim.id, ()) if d not in losers and d in claim.support}
        if not losers and not moved:
            out.append(claim)
            continue
        support = tuple(d for d in claim.support if d not in losers and d not in moved)
        independent = len({roots.get(d, d) for d in support})
        mention = {m.doc: m for m in claim.mentions}
        cells = tuple(
            ClaimCell(c.doc, "contradicts", losers[c.doc][0], losers[c.doc][1], losers[c.doc][2])
            if c.doc in losers else ClaimCell(c.doc, "related", span=mention[c.doc]) if c.doc in moved
            else c for c in claim.cells)
        out.append(dataclasses.replace(
            claim, support=support,
            contradicted_by=tuple(d for d in claim.support if d in losers),
            related=tuple(c.doc for c in cells if c.state == "related"),
            independent_support=independent, single_source=independent == 1, cells=cells))
    return tuple(out)
