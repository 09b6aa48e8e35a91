"""A story's key findings: what a reader needs first, each pointing at its evidence.

Computed from the story's matrix rows and discrepancy views (``views``): the most serious
discrepancies, the facts most outlets report and nobody contests, the contested claims with the
reason, the facts that rest on one source, and the documents that copy or rewrite others. Each
finding links (``href``) to the matrix row, the discrepancy or the document that shows it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsprism.report.views import CONTRADICTED, MIXED, SUPPORTED, DiscrepancyView, Index, Row

SHOWN = 3  # findings listed per group; the rest are counted


@dataclass(frozen=True, slots=True)
class Finding:
    text: str  # a claim's text or a discrepancy's description
    href: str  # the evidence in this page: "#<story>-claim-<id>", "#<story>-disc-<id>"
    note: str  # how many outlets, or why it is contested
    only: tuple[str, ...] = ()  # the one outlet (or the outlets of one source) a fact rests on


@dataclass(frozen=True, slots=True)
class CopyFinding:
    copy: tuple[str, ...]  # doc label (outlet, title) of the copy or rewrite
    original: tuple[str, ...]  # doc label of the document it repeats
    href: str  # the copy's entry in the documents section
    evidence: str


@dataclass(frozen=True, slots=True)
class Group:
    items: tuple[Finding, ...]
    total: int  # findings of this kind, shown or not


@dataclass(frozen=True, slots=True)
class KeyFindings:
    outlets: int
    serious: Group  # the most severe discrepancies first
    agreed: Group  # reported by most outlets, contradicted by none
    contested: Group  # some outlet contradicts it
    single: Group  # factual claims only one independent source supports
    copies: tuple[CopyFinding, ...]


def claim_anchor(story_anchor: str, claim_id: str) -> str:
    return f"{story_anchor}-claim-{claim_id}"


def discrepancy_anchor(story_anchor: str, disc_id: str) -> str:
    return f"{story_anchor}-disc-{disc_id}"


def _group(items: Sequence[Finding]) -> Group:
    return Group(tuple(items[:SHOWN]), len(items))


def _count(row: Row, *states: str) -> int:
    return sum(cell.state in states for cell in row.cells)


def _outlets(n: int) -> str:
    return f"{n} outlet{'' if n == 1 else 's'}"


def key_findings(ix: Index, story_anchor: str, story_docs: Sequence[str], rows: Sequence[Row],
                 discrepancies: Sequence[DiscrepancyView]) -> KeyFindings:
    """The key findings of one story from its matrix ``rows`` (shown and folded, in matrix order)
    and its ``discrepancies`` (most severe first)."""
    outlets = len(rows[0].cells) if rows else len({ix.outlet_of(d) for d in story_docs})
    serious = [Finding(d.description, "#" + discrepancy_anchor(story_anchor, d.id),
                       f"{d.name}; {d.severity} severity") for d in discrepancies]
    why: dict[str, DiscrepancyView] = {}  # claim id -> the most severe discrepancy that names it
    for d in discrepancies:
        for claim_id in d.claim_ids:
            why.setdefault(claim_id, d)
    agreed: list[tuple[int, Finding]] = []
    contested: list[Finding] = []
    single: list[Finding] = []
    for row in rows:
        claim = row.claim
        support, against = _count(row, SUPPORTED, MIXED), _count(row, CONTRADICTED, MIXED)
        href = "#" + claim_anchor(story_anchor, claim.id)
        if against:
            reason = why.get(claim.id)
            note = (f"{_outlets(support)} {'supports' if support == 1 else 'support'} it, "
                    f"{against} {'contradicts' if against == 1 else 'contradict'} it.")
            if reason is not None:
                href = "#" + discrepancy_anchor(story_anchor, reason.id)
                note += f" {reason.name}: {reason.description}"
            contested.append(Finding(claim.text, href, note))
        elif claim.kind == "factual" and support >= 2 and 2 * support > outlets:
            note = f"{support} of {outlets} outlets"
            if claim.independent_support and claim.independent_support < support:
                note += f", {claim.independent_support} of them independent"
            agreed.append((support, Finding(claim.text, href, note)))
        elif claim.kind == "factual" and claim.single_source:
            sources = [cell.outlet for cell in row.cells if cell.state == SUPPORTED]
            single.append(Finding(claim.text, href, "only", tuple(sources)))
    agreed.sort(key=lambda pair: -pair[0])  # stable: matrix order among equals
    docs = set(story_docs)
    copies = tuple(
        CopyFinding(ix.doc_label(d.doc), ix.doc_label(d.derived_from), f"#doc-{d.doc}", d.evidence)
        for d in ix.analysis.derivations if d.doc in docs)
    return KeyFindings(outlets, _group(serious), _group([f for _, f in agreed]), _group(contested),
                       _group(single), copies)
