"""The report's view model: what each story section shows, computed from an ``Analysis``.

Pure functions from records to small frozen view records that the Jinja2 template renders.
Every ordering is explicit so the same analysis always gives the same report.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from newsprism.lang.kinds import kind_label, severity_meaning
from newsprism.model import Analysis, Claim, Document, Entity, Quote, Span, Story, ToneEvidence
from newsprism.report.text import InContext, in_context, outlet_label, shorten

SUPPORTED, CONTRADICTED, RELATED, SILENT, MIXED = "supported", "contradicted", "related", "silent", "mixed"
CELL_STATES = (SUPPORTED, CONTRADICTED, MIXED, RELATED, SILENT)  # the legend's order
CELL_SYMBOL = {SUPPORTED: "\u2713", CONTRADICTED: "\u2717", RELATED: "\u223c", SILENT: "\u00b7",
               MIXED: "\u00b1"}
CELL_LABEL = {
    SUPPORTED: "states the same fact",
    CONTRADICTED: "states an incompatible fact",
    RELATED: "speaks of the same thing without stating it",
    SILENT: "does not mention it",
    MIXED: "one article supports, another contradicts",
}
VARIANT_MARK = "*"  # after a supported cell whose outlet states the claim with a variant
VARIANT_LABEL = "a variant: a name spelled or a quote worded differently, not a contradiction"
SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}


@dataclass(frozen=True, slots=True)
class Column:
    outlet: str
    docs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Cell:
    outlet: str
    state: str
    symbol: str
    tip: str
    variant: bool = False  # a supporting outlet states it with a variant (VARIANT_LABEL)


@dataclass(frozen=True, slots=True)
class Row:
    claim: Claim
    cells: tuple[Cell, ...]


@dataclass(frozen=True, slots=True)
class DocRow:
    doc: Document
    outlet: str
    derived_from: tuple[tuple[tuple[str, ...], str], ...]  # (doc_label of the original, "score 0.93: evidence")


@dataclass(frozen=True, slots=True)
class SpanView:
    outlet: str
    doc_title: str
    ctx: InContext


@dataclass(frozen=True, slots=True)
class DiscrepancyView:
    id: str
    kind: str
    name: str  # the kind's plain name ("Different figures"), from ``lang.kinds``
    explain: str  # what outlets disagree about, in one sentence
    severity: str
    severity_meaning: str
    description: str
    claim_ids: tuple[str, ...]
    claims: tuple[str, ...]  # the claims' texts
    sides: tuple[SpanView, ...]
    variant: bool = False


@dataclass(frozen=True, slots=True)
class QuoteView:
    quote: Quote
    outlet: str


@dataclass(frozen=True, slots=True)
class SpeakerGroup:
    name: str
    entity: Entity | None
    speaker_texts: tuple[str, ...]
    quotes: tuple[QuoteView, ...]


class Index:
    """Look-ups over one analysis: documents, entities, claims by id; outlet of each document."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.docs: dict[str, Document] = {d.id: d for d in analysis.documents}
        self.order: dict[str, int] = {d.id: i for i, d in enumerate(analysis.documents)}
        self.entities: dict[str, Entity] = {e.id: e for e in analysis.entities}
        self.claims: dict[str, Claim] = {c.id: c for c in analysis.claims}
        self.outlet: dict[str, str] = {d.id: outlet_label(d) for d in analysis.documents}
        self.kinds: dict[str, str] = {d.id: d.kind for d in analysis.discrepancies}
        self.variant_docs: dict[str, set[str]] = defaultdict(set)  # claim id -> docs with a variant
        for d in analysis.discrepancies:
            if d.variant:
                for c in d.claims:
                    self.variant_docs[c].update(m.doc for m in d.mentions)

        # per-document look-ups, so a story reads only its own documents' records (a report of
        # many stories would otherwise scan the whole analysis once per story)
        self.story_ids: set[str] = {s.id for s in analysis.stories}
        self.claims_of_story: dict[str, list[Claim]] = defaultdict(list)
        self.orphan_claims: list[Claim] = []  # naming no known story
        self.claim_order: dict[str, int] = {}
        for i, c in enumerate(analysis.claims):
            self.claim_order.setdefault(c.id, i)
            (self.claims_of_story[c.story] if c.story in self.story_ids else self.orphan_claims).append(c)
        self.mentions_in: dict[str, list[tuple[int, str]]] = defaultdict(list)  # doc -> (start, entity id)
        for e in analysis.entities:
            for m in e.mentions:
                self.mentions_in[m.doc].append((m.start, e.id))
        self.quotes_in: dict[str, list[tuple[int, Quote]]] = defaultdict(list)  # doc -> (index, quote)
        for i, q in enumerate(analysis.quotes):
            self.quotes_in[q.doc].append((i, q))
        self.events_in: dict[str, list[int]] = defaultdict(list)  # doc -> indices into analysis.events
        for i, ev in enumerate(analysis.events):
            for doc in {m.doc for m in ev.mentions}:
                self.events_in[doc].append(i)
        # the first outlet profile (in the analysis's order) holding each document, and what
        # outlet_views reads of a profile, worked out once per profile instead of once per story
        self.profile_of: dict[str, int] = {}
        for i, profile in enumerate(analysis.outlets):
            for doc in profile.documents:
                self.profile_of.setdefault(doc, i)
        self._profile_parts: dict[int, tuple[list[tuple[str, float]], tuple[tuple[str, int], ...],
                                             set[str], set[str]]] = {}

    def discrepancy_kind(self, disc_id: str | None) -> str:
        return self.kinds.get(disc_id or "", "discrepancy")

    def has_variant(self, claim_id: str, docs: set[str]) -> bool:
        """Whether a variant finding of the claim shows one of ``docs`` on a side."""
        return bool(self.variant_docs.get(claim_id, set()) & docs)

    def outlet_of(self, doc_id: str) -> str:
        return self.outlet.get(doc_id, f"unknown document ({doc_id})")

    def doc_label(self, doc_id: str) -> tuple[str, ...]:
        """(outlet, title) of a document, each shown isolated (``bdi``) and joined by ': '."""
        doc = self.docs.get(doc_id)
        if doc is None:
            return (f"unknown document ({doc_id})",)
        return self.outlet_of(doc_id), doc.title or doc.id

    def entity_name(self, key: str) -> str:
        ent = self.entities.get(key)
        return ent.name if ent is not None else key

    def profile_parts(self, i: int) -> tuple[list[tuple[str, float]], tuple[tuple[str, int], ...],
                                             set[str], set[str]]:
        """Of the outlet profile ``analysis.outlets[i]``: its tone toward each actor (name, score;
        strongest first), whom it quotes (``speaker_counts``), the claims it covers and omits."""
        parts = self._profile_parts.get(i)
        if parts is None:
            profile = self.analysis.outlets[i]
            tone = profile.tone
            toward = [(self.entity_name(k), v) for k, v in tone.toward.items()] if tone is not None else []
            toward.sort(key=lambda p: (-abs(p[1]), p[0]))
            parts = (toward, speaker_counts(self, profile.quoted), set(profile.claims_covered),
                     set(profile.claims_omitted))
            self._profile_parts[i] = parts
        return parts


def story_list(analysis: Analysis) -> tuple[Story, ...]:
    """The stories, those with the most outlets first, then the most documents (else in the
    analysis's order), plus one last for documents no story holds (or all documents if there
    are no stories)."""
    placed = {d for s in analysis.stories for d in s.documents}
    rest = tuple(d.id for d in analysis.documents if d.id not in placed)
    if not analysis.stories:
        return (Story("all-documents", "All documents", rest),) if rest else ()
    outlet = {d.id: outlet_label(d) for d in analysis.documents}
    ranked = tuple(sorted(analysis.stories, key=lambda s: (
        -len({outlet.get(d, d) for d in s.documents}), -len(s.documents))))
    if rest:
        return ranked + (Story("unassigned-documents", "Documents in no story", rest),)
    return ranked


def lineage(ix: Index, story: Story) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Why a story that grew holds documents of stored stories, or lost some: each note with the
    titles of the other stories it names. A story is compared again over all of its documents
    when a later batch joins it, and takes the id of its earliest document, so its id changes when
    an earlier report arrives; its documents leave it only when that comparison splits it."""
    others = [s for s in ix.analysis.stories if s.id != story.id]
    notes: list[tuple[str, tuple[str, ...]]] = []
    for old in story.previous:
        shared = tuple(s.title for s in others if old in s.previous or s.id == old)
        if shared:
            notes.append((f"Split from stored story {old}: compared again with a later batch, its "
                          f"documents divided into this story and", shared))
        else:
            notes.append((f"Continues stored story {old}, compared again over all of its documents "
                          f"with those of a later batch (a story's id follows its earliest document).", ()))
    took = tuple(s.title for s in others if story.id in s.previous)
    if took:
        notes.append(("Split: compared again with a later batch, some of this story's stored documents "
                      "now form or joined", took))
    return tuple(notes)


def doc_rows(ix: Index, story: Story) -> tuple[DocRow, ...]:
    rows = []
    for doc_id in story.documents:
        doc = ix.docs.get(doc_id)
        if doc is None:
            continue
        derived = tuple(
            (ix.doc_label(d.derived_from), f"score {d.score:.2f}: {d.evidence}")
            for d in ix.analysis.derivations if d.doc == doc_id
        )
        rows.append(DocRow(doc, ix.outlet_of(doc_id), derived))
    return tuple(rows)


def columns(ix: Index, story: Story) -> tuple[Column, ...]:
    """One column per outlet, in the order the outlets first appear in the story."""
    by_outlet: dict[str, list[str]] = {}
    for doc_id in story.documents:
        by_outlet.setdefault(ix.outlet_of(doc_id), []).append(doc_id)
    return tuple(Column(name, tuple(docs)) for name, docs in by_outlet.items())


def story_claims(ix: Index, story: Story) -> tuple[Claim, ...]:
    """The story's claims (in the analysis's order); a claim naming no known story goes to the
    story its documents are in."""
    out = list(ix.claims_of_story.get(story.id, ()))
    if ix.orphan_claims:
        stories = story_list(ix.analysis)
        for c in ix.orphan_claims:
            docs = set(c.support) | set(c.contradicted_by) | {m.doc for m in c.mentions}
            home = max(stories, key=lambda s: len(docs & set(s.documents)), default=None)
            if home is not None and home.id == story.id:
                out.append(c)
        out.sort(key=lambda c: ix.claim_order[c.id])
    return tuple(out)


def _cell(ix: Index, claim: Claim, col: Column) -> Cell:
    sup = [d for d in col.docs if d in claim.support]
    con = [d for d in col.docs if d in claim.contradicted_by]
    rel = [d for d in col.docs if d in claim.related]
    state = (MIXED if sup and con else SUPPORTED if sup else CONTRADICTED if con
             else RELATED if rel else SILENT)
    tip = f"{col.outlet} {CELL_LABEL[state]}"
    said = [m.text for m in claim.mentions if m.doc in col.docs]
    if said:
        tip += f": \u201c{shorten(said[0], 200)}\u201d"
    found = {c.doc: c for c in claim.cells if c.doc in col.docs}
    for cell in (found[d] for d in con if d in found):
        kind = ix.discrepancy_kind(cell.discrepancy)
        if cell.span is not None and cell.other is not None:
            tip += (f"; {kind.replace('_', ' ')}: \u201c{shorten(cell.span.text, 80)}\u201d vs "
                    f"\u201c{shorten(cell.other.text, 80)}\u201d ({ix.outlet_of(cell.other.doc)})")
    near = next((sp for sp in (found[d].span for d in rel if d in found) if sp is not None), None)
    if state == RELATED and near is not None:
        tip += f": \u201c{shorten(near.text, 200)}\u201d"
    variant = bool(sup) and ix.has_variant(claim.id, set(sup))
    if variant:
        tip += f" ({VARIANT_LABEL})"
    symbol = CELL_SYMBOL[state] + (VARIANT_MARK if variant else "")
    return Cell(col.outlet, state, symbol, tip, variant)


def matrix(ix: Index, claims: Sequence[Claim], cols: Sequence[Column]) -> tuple[Row, ...]:
    """Claim rows: contested claims first, then by how many outlets report them (stable)."""
    rows = [Row(c, tuple(_cell(ix, c, col) for col in cols)) for c in claims]

    def key(row: Row) -> tuple[int, int]:
        states = [cell.state for cell in row.cells]
        contested = any(st in (CONTRADICTED, MIXED) for st in states)
        return (0 if contested else 1, -sum(st != SILENT for st in states))

    return tuple(sorted(rows, key=key))


MATRIX_OPEN = 40  # a story with more claim rows shows those only one outlet reports folded away


def split_rows(rows: Sequence[Row], limit: int = MATRIX_OPEN) -> tuple[tuple[Row, ...], tuple[Row, ...]]:
    """(rows shown, rows folded): when there are more than ``limit`` rows, the claims that only
    one outlet reports (and nobody contests) are folded, so the shared and contested ones are
    what a reader sees first."""
    if len(rows) <= limit:
        return tuple(rows), ()

    def shared(row: Row) -> bool:
        return sum(cell.state != SILENT for cell in row.cells) >= 2 or any(
            cell.state in (CONTRADICTED, MIXED) for cell in row.cells)

    return tuple(r for r in rows if shared(r)), tuple(r for r in rows if not shared(r))


def _spans_in(spans: Iterable[Span], docs: set[str]) -> list[Span]:
    return [s for s in spans if s.doc in docs]


def discrepancies(ix: Index, story: Story, claim_ids: set[str]) -> tuple[DiscrepancyView, ...]:
    docs = set(story.documents)
    out = []
    for d in ix.analysis.discrepancies:
        in_story = bool(set(d.claims) & claim_ids) or bool(_spans_in(d.mentions, docs))
        if not in_story:
            continue
        sides = tuple(
            SpanView(ix.outlet_of(m.doc), (ix.docs[m.doc].title or "(untitled)") if m.doc in ix.docs else m.doc,
                     in_context(ix.docs.get(m.doc), m))
            for m in sorted(d.mentions, key=lambda s: (ix.order.get(s.doc, len(ix.order)), s.start))
        )
        known = tuple(c for c in d.claims if c in ix.claims)
        label = kind_label(d.kind)
        out.append(((d.variant, SEVERITY_ORDER.get(d.severity, 3)),
                    DiscrepancyView(d.id, d.kind, label.name, label.explain, d.severity,
                                    severity_meaning(d.severity), d.description, known,
                                    tuple(ix.claims[c].text for c in known), sides, d.variant)))
    out.sort(key=lambda pair: pair[0])  # contradictions before variants, then by severity (stable)
    return tuple(v for _, v in out)


def quote_groups(ix: Index, story: Story) -> tuple[SpeakerGroup, ...]:
    """Quotes in the story's documents grouped by speaker, most-quoted speaker first."""
    groups: dict[str, list[Quote]] = defaultdict(list)
    found = sorted(pair for doc in dict.fromkeys(story.documents) for pair in ix.quotes_in.get(doc, ()))
    for _, q in found:  # in the analysis's order
        key = (f"e:{q.speaker}" if q.speaker else
               f"t:{q.speaker_text.strip()}" if q.speaker_text and q.speaker_text.strip() else "none")
        groups[key].append(q)
    result = []
    for key, quotes in groups.items():
        ent = ix.entities.get(key[2:]) if key.startswith("e:") else None
        name = (ent.name if ent else key[2:]) if key != "none" else "Unattributed"
        texts = tuple(sorted({q.speaker_text for q in quotes if q.speaker_text}))
        quotes.sort(key=lambda q: (ix.order.get(q.doc, 0), q.start))
        views = tuple(QuoteView(q, ix.outlet_of(q.doc)) for q in quotes)
        result.append(SpeakerGroup(name, ent, texts, views))
    result.sort(key=lambda g: (g.name == "Unattributed", -len(g.quotes), g.name.lower(), g.name))
    return tuple(result)


def story_entities(ix: Index, story: Story) -> tuple[tuple[Entity, int], ...]:
    """Entities mentioned in the story with their mention counts there, most mentioned first."""
    counts: Counter[str] = Counter(
        ent_id for doc in dict.fromkeys(story.documents) for _, ent_id in ix.mentions_in.get(doc, ()))
    counted = [(ix.entities[e], n) for e, n in counts.items()]
    counted.sort(key=lambda p: (-p[1], p[0].name.lower(), p[0].id))
    return tuple(counted)


def speaker_counts(ix: Index, quoted: dict[str, int]) -> tuple[tuple[str, int], ...]:
    """An outlet's ``quoted`` map as (speaker name, count), most quoted first."""
    named: Counter[str] = Counter()
    for key, n in quoted.items():
        named[ix.entity_name(str(key))] += int(n)
    return tuple(sorted(named.items(), key=lambda p: (-p[1], p[0].lower(), p[0])))


@dataclass(frozen=True, slots=True)
class OutletView:
    name: str
    documents: int
    genres: tuple[str, ...]
    tone: float | None
    tone_method: str
    tone_toward: tuple[tuple[str, float], ...]
    tone_evidence: tuple[str, ...]
    quoted: tuple[tuple[str, int], ...]
    covered: int
    omitted: int
    supports: int
    contradicts: int


def _evidence_line(item: ToneEvidence) -> str:
    """One tone evidence sentence as a readable line, with its score."""
    return f"\u201c{shorten(item.text, 220)}\u201d ({item.score:+.2f})"


def outlet_views(ix: Index, story: Story, cols: Sequence[Column], rows: Sequence[Row]) -> tuple[OutletView, ...]:
    """One profile per outlet column of the story; claim counts restricted to the story's claims."""
    claim_ids = {r.claim.id for r in rows}
    out = []
    for i, col in enumerate(cols):
        # the first profile holding one of the column's documents
        at = min((ix.profile_of[d] for d in col.docs if d in ix.profile_of), default=None)
        profile = ix.analysis.outlets[at] if at is not None else None
        states = [r.cells[i].state for r in rows]
        supports = sum(s in (SUPPORTED, MIXED) for s in states)
        contradicts = sum(s in (CONTRADICTED, MIXED) for s in states)
        tone = profile.tone if profile else None
        toward: list[tuple[str, float]] = []
        quoted: tuple[tuple[str, int], ...] = ()
        if at is not None:
            toward, quoted, claims_covered, claims_omitted = ix.profile_parts(at)
            covered = len(claims_covered & claim_ids)
            omitted = len(claims_omitted & claim_ids)
        else:
            covered = sum(s != SILENT for s in states)
            omitted = len(states) - covered
        genres = profile.genres if profile and profile.genres else tuple(
            sorted({ix.docs[d].genre for d in col.docs if d in ix.docs}))
        out.append(OutletView(
            name=col.outlet, documents=len(col.docs), genres=tuple(genres),
            tone=tone.overall if tone is not None else None, tone_method=tone.method if tone is not None else "",
            tone_toward=tuple(toward[:6]),
            tone_evidence=tuple(_evidence_line(e) for e in tone.evidence[:4]) if tone is not None else (),
            quoted=quoted,
            covered=covered, omitted=omitted, supports=supports, contradicts=contradicts,
        ))
    return tuple(out)
