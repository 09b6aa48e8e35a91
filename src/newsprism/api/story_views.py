"""``story_views(analysis, story_id)``: what the HTML report shows for one story, as JSON for the web UI.

The same view model as the report (``report.views``, ``report.findings``, ``report.figures``), so
the two show one story the same way: key findings, the claims matrix with its legend, discrepancies
most severe first under their plain names with both sides' sentences, copies and rewrites, outlet
profiles with tone and its evidence, quotes grouped by speaker (``report.quotes``: the same words
carried by several outlets in one entry; scare quotes kept apart), actors with roles and country
evidence, and events with their actors and outlets. Documents are named by outlet, title and file name (never a path).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from newsprism.model import Analysis, Entity, Event, Span, Story
from newsprism.report import figures, quotes, views
from newsprism.report.findings import CopyFinding, Finding, Group, key_findings
from newsprism.report.text import file_name, parse_period

_ARRAY = {"type": "array", "items": {"type": "object"}}
_GROUP = {"type": "object", "required": ["items", "total"], "properties": {"items": _ARRAY, "total": {"type": "integer"}}}
VIEWS_SCHEMA: dict[str, Any] = {
    "title": "StoryViews",
    "description": "What the HTML report shows for one story (the report's view model as JSON).",
    "type": "object",
    "required": ["story", "lineage", "findings", "legend", "matrix", "discrepancies", "documents", "outlets", "quotes",
                 "scare_quotes", "entities", "events", "network"],
    "properties": {
        "story": {"type": "object", "required": ["id", "title"]},
        "findings": {"type": "object", "required": ["documents", "outlets", "serious", "agreed", "contested",
                                                    "single", "copies"],
                     "properties": {"serious": _GROUP, "agreed": _GROUP, "contested": _GROUP, "single": _GROUP,
                                    "copies": _ARRAY, "documents": {"type": "integer"},
                                    "outlets": {"type": "integer"}}},
        "legend": _ARRAY, "lineage": _ARRAY,
        "matrix": {"type": "object", "required": ["columns", "rows"],
                   "properties": {"columns": _ARRAY, "rows": _ARRAY}},
        "discrepancies": _ARRAY, "documents": _ARRAY, "outlets": _ARRAY, "quotes": _ARRAY,
        "scare_quotes": _ARRAY, "entities": _ARRAY, "events": _ARRAY,
        "network": {"type": "object", "required": ["nodes", "edges"], "properties": {"nodes": _ARRAY, "edges": _ARRAY}},
    },
}

_ANCHOR = "s"  # the anchor handed to ``key_findings``; its hrefs are turned back into targets


def _target(href: str) -> dict[str, str]:
    """What a finding points at, from the fragment of the report's href (``findings.claim_anchor``,
    ``findings.discrepancy_anchor``, ``#doc-<id>``): a claim, a discrepancy or a document."""
    fragment = href.rpartition("#")[2]
    for kind, mark in (("claim", "-claim-"), ("discrepancy", "-disc-")):
        if mark in fragment:
            return {"kind": kind, "id": fragment.rpartition(mark)[2]}
    if fragment.startswith("doc-"):
        return {"kind": "document", "id": fragment[len("doc-"):]}
    return {"kind": "none", "id": ""}


def _finding(f: Finding) -> dict[str, Any]:
    return {"text": f.text, "note": f.note, "only": list(f.only), "target": _target(f.href)}


def _group(g: Group) -> dict[str, Any]:
    return {"items": [_finding(f) for f in g.items], "total": g.total}


def _doc_ref(ix: views.Index, doc_id: str) -> dict[str, Any]:
    doc = ix.docs.get(doc_id)
    return {"doc": doc_id, "outlet": ix.outlet_of(doc_id), "title": doc.title if doc else None,
            "file": file_name(doc.source) if doc else None}


def _copies(ix: views.Index, story: Story, found: Sequence[CopyFinding]) -> list[dict[str, Any]]:
    """The copy findings with both documents by id: ``key_findings`` lists one per derivation of a
    story document, in the analysis's order."""
    docs = set(story.documents)
    derivations = [d for d in ix.analysis.derivations if d.doc in docs]
    return [{"copy": _doc_ref(ix, d.doc), "original": _doc_ref(ix, d.derived_from), "evidence": c.evidence}
            for c, d in zip(found, derivations, strict=True)]


def _span(ix: views.Index, s: Span) -> dict[str, Any]:
    return {"doc": s.doc, "start": s.start, "end": s.end, "text": s.text, "outlet": ix.outlet_of(s.doc)}


def _quote(ix: views.Index, qv: views.QuoteView) -> dict[str, Any]:
    q = qv.quote
    return {"id": q.id, "doc": q.doc, "start": q.start, "end": q.end, "text": q.text, "outlet": qv.outlet,
            "cue": q.cue, "speaker_span": _span(ix, q.speaker_span) if q.speaker_span else None,
            "cue_span": _span(ix, q.cue_span) if q.cue_span else None}


def _entry(ix: views.Index, e: quotes.QuoteEntry) -> dict[str, Any]:
    """One same-words entry (``report.quotes.carried``) with each quote that carries it."""
    return {"text": e.text, "kind": e.kind, "cue": e.cue, "quotes": [_quote(ix, qv) for qv in e.quotes],
            "outlets": list(e.outlets)}


def _quotes(ix: views.Index, story: Story) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    groups, scare = quotes.story_quotes(ix, story)
    return ([{"name": g.name, "entity": g.entity.id if g.entity else None, "speaker_texts": list(g.speaker_texts),
              "entries": [_entry(ix, e) for e in g.entries]} for g in groups],
            [_entry(ix, e) for e in scare])


def _entity(e: Entity, mentions: int) -> dict[str, Any]:
    return {"id": e.id, "name": e.name, "type": e.type, "aliases": list(e.aliases), "roles": list(e.roles),
            "country": e.country, "evidence": dict(e.evidence), "mentions": mentions}


def _event(ix: views.Index, ev: Event) -> dict[str, Any]:
    period = parse_period(ev.date)
    return {"id": ev.id, "category": ev.category, "action": ev.action, "date": ev.date, "date_text": ev.date_text,
            "first": period[0].isoformat() if period else None, "last": period[1].isoformat() if period else None,
            "location": ev.location,
            "source": list(figures.actor_names(ix, ev.source, ev.source_text)), "source_ids": list(ev.source),
            "target": list(figures.actor_names(ix, ev.target, ev.target_text)), "target_ids": list(ev.target),
            "outlets": list(figures.event_outlets(ix, ev)),
            "mentions": [_span(ix, m) for m in ev.mentions], "quotes": list(ev.quotes)}


def _side_order(ix: views.Index, spans: Sequence[Span]) -> list[Span]:
    """A discrepancy's spans in the order ``views.discrepancies`` shows its sides."""
    return sorted(spans, key=lambda s: (ix.order.get(s.doc, len(ix.order)), s.start))


def _cell_discrepancy(claim: str, docs: Sequence[str], state: str, disc_of: dict[tuple[str, str], str | None],
                      disc: Sequence[views.DiscrepancyView], mentions: dict[str, tuple[Span, ...]]) -> str | None:
    """The discrepancy a contradicting cell links to: the one its claim cell names, else the most
    severe discrepancy about the claim with a span in the column's documents."""
    if state not in (views.CONTRADICTED, views.MIXED):
        return None
    named = next((disc_of[(d, claim)] for d in docs if disc_of.get((d, claim))), None)
    if named is not None:
        return named
    return next((d.id for d in disc if not d.variant and claim in d.claim_ids
                 and any(m.doc in docs for m in mentions.get(d.id, ()))), None)


def story_views(analysis: Analysis, story_id: str, stories: Sequence[Story] = ()) -> dict[str, Any]:
    """The report's view of story ``story_id`` of ``analysis`` (which must hold it) as plain JSON;
    ``stories``: every stored story (default: those of ``analysis``), for the notes on how the story
    grew or split (``views.lineage``)."""
    ix = views.Index(analysis)
    story = next(s for s in analysis.stories if s.id == story_id)
    lineage = views.lineage(views.Index(Analysis(documents=(), stories=tuple(stories) or analysis.stories)), story)
    cols = views.columns(ix, story)
    claims = views.story_claims(ix, story)
    rows = views.matrix(ix, claims, cols)
    disc = views.discrepancies(ix, story, {c.id for c in claims})
    found = key_findings(ix, _ANCHOR, story.documents, rows, disc)
    profiles = {o.name: o for o in views.outlet_views(ix, story, cols, rows)}
    evidence: dict[str, tuple[Any, ...]] = {}  # outlet -> its most strongly toned sentences
    for col in cols:
        profile = next((p for p in analysis.outlets if set(p.documents) & set(col.docs)), None)
        evidence[col.outlet] = profile.tone.evidence[:4] if profile is not None else ()
    events = figures.story_events(ix, story)
    dated, undated = figures.timeline(ix, events)
    by_id = {e.id: e for e in events}
    said, scare = _quotes(ix, story)
    mentions = {d.id: d.mentions for d in analysis.discrepancies}
    disc_of = {(c.doc, cl.id): c.discrepancy for cl in claims for c in cl.cells if c.state == "contradicts"}
    return {
        "story": {"id": story.id, "title": story.title},
        "lineage": [{"note": note, "stories": list(titles)} for note, titles in lineage],
        "findings": {
            "documents": len(story.documents), "outlets": found.outlets,
            "serious": _group(found.serious), "agreed": _group(found.agreed),
            "contested": _group(found.contested), "single": _group(found.single),
            "copies": _copies(ix, story, found.copies),
        },
        "legend": [{"state": s, "symbol": views.CELL_SYMBOL[s], "label": views.CELL_LABEL[s]} for s in views.CELL_STATES]
        + [{"state": "variant", "symbol": views.CELL_SYMBOL[views.SUPPORTED] + views.VARIANT_MARK,
            "label": views.VARIANT_LABEL}],
        "matrix": {
            "columns": [{"outlet": c.outlet, "docs": list(c.docs)} for c in cols],
            "rows": [{"claim": r.claim.id, "text": r.claim.text, "kind": r.claim.kind,
                      "single_source": r.claim.single_source, "independent_support": r.claim.independent_support,
                      "modality": r.claim.modality, "attributed_to": r.claim.attributed_to,
                      "cells": [{"state": cell.state, "symbol": cell.symbol, "tip": cell.tip, "variant": cell.variant,
                                 "discrepancy": _cell_discrepancy(r.claim.id, col.docs, cell.state, disc_of, disc,
                                                                  mentions)}
                                for cell, col in zip(r.cells, cols)]}
                     for r in rows],
        },
        "discrepancies": [{
            "id": d.id, "kind": d.kind, "name": d.name, "explain": d.explain, "severity": d.severity,
            "severity_meaning": d.severity_meaning, "description": d.description, "variant": d.variant,
            "claims": [{"id": i, "text": t} for i, t in zip(d.claim_ids, d.claims)],
            "sides": [{"doc": m.doc, "outlet": s.outlet, "title": s.doc_title, "before": s.ctx.before,
                       "marked": s.ctx.marked, "after": s.ctx.after, "cut_before": s.ctx.cut_before,
                       "cut_after": s.ctx.cut_after, "exact": s.ctx.exact}
                      for s, m in zip(d.sides, _side_order(ix, mentions[d.id]))],
            "mentions": [_span(ix, m) for m in mentions[d.id]],
        } for d in disc],
        "documents": [{**_doc_ref(ix, r.doc.id), "published": r.doc.published, "genre": r.doc.genre,
                       "authors": list(r.doc.authors), "url": r.doc.url,
                       "derived_from": [{**_doc_ref(ix, d.derived_from), "score": d.score, "evidence": d.evidence}
                                        for d in analysis.derivations if d.doc == r.doc.id]}
                      for r in views.doc_rows(ix, story)],
        "outlets": [{
            "name": o.name, "documents": o.documents, "genres": list(o.genres), "tone": o.tone,
            "tone_method": o.tone_method, "tone_toward": [{"name": n, "tone": v} for n, v in o.tone_toward],
            "tone_evidence": [{"doc": e.doc, "start": e.start, "end": e.end, "text": e.text, "score": e.score}
                              for e in evidence.get(o.name, ())],
            "quoted": [{"name": n, "count": c} for n, c in o.quoted], "covered": o.covered, "omitted": o.omitted,
            "supports": o.supports, "contradicts": o.contradicts,
        } for o in profiles.values()],
        "quotes": said,
        "scare_quotes": scare,
        "entities": [_entity(e, n) for e, n in views.story_entities(ix, story)],
        "events": [_event(ix, by_id[i.id]) for i in dated] + [_event(ix, e) for e in undated],
        "network": _network(ix, story, events),
    }


def _network(ix: views.Index, story: Story, events: Sequence[Event]) -> dict[str, Any]:
    """The report's actor network (``figures.network``): the most-mentioned actors and their links,
    "sentence" (named in one sentence) or "event" (``a`` acts on ``b``)."""
    nodes, edges = figures.network(ix, story, events)
    return {"nodes": [{"id": n.id, "name": n.name, "type": n.type, "mentions": n.weight} for n in nodes],
            "edges": [{"a": e.a, "b": e.b, "kind": e.kind, "weight": e.weight} for e in edges]}
