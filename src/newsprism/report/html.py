"""``render_report(analysis) -> str``: the self-contained, offline HTML report.

Builds one ``StoryView`` per story from the view model (``views``) and chart data
(``figures``), draws the charts as inline SVG (``charts``), and renders
``templates/report.html.j2`` with autoescape on. No timestamps and no randomness: the same
analysis always gives the same bytes. Every title, outlet, author and actor name is shown inside
``<bdi>`` (the ``bdi`` filter), so bidi controls in one cannot disguise the text around it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import jinja2
from markupsafe import Markup, escape

from newsprism.model import Analysis, Claim, Document, Entity, Event, Rejected, Story
from newsprism.report import charts, figures, views
from newsprism.report.findings import KeyFindings, key_findings
from newsprism.report.text import file_name, shorten
from newsprism.report.views import (
    CELL_LABEL, CELL_STATES, CELL_SYMBOL, VARIANT_LABEL, VARIANT_MARK, Column, DiscrepancyView, DocRow, Index, OutletView, Row, SpeakerGroup,
)


@dataclass(frozen=True, slots=True)
class EventRow:
    event: Event
    source: tuple[str, ...]  # actor names
    target: tuple[str, ...]
    outlets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StoryView:
    anchor: str
    title: str
    findings: KeyFindings
    outlet_count: int
    docs: tuple[DocRow, ...]
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]  # shown
    more_rows: tuple[Row, ...]  # claims only one outlet reports, folded in long stories
    discrepancies: tuple[DiscrepancyView, ...]
    quote_groups: tuple[SpeakerGroup, ...]
    timeline: Markup
    categories: tuple[tuple[str, Markup], ...]  # legend: category, marker svg
    dated: tuple[EventRow, ...]
    undated: tuple[EventRow, ...]
    network: Markup
    entities: tuple[tuple[Entity, int], ...]
    hidden_entities: int
    outlets: tuple[OutletView, ...]
    tone_chart: Markup
    quoted_charts: tuple[tuple[str, Markup], ...]
    lineage: tuple[tuple[str, tuple[str, ...]], ...]  # splits and growth: note, other stories' titles


@dataclass(frozen=True, slots=True)
class DocumentView:
    doc: Document
    outlet: str
    body_chars: int
    body_words: int
    excerpt: str
    derived: tuple[tuple[tuple[str, ...], str], ...]  # (doc_label, why)


_ENV_TEMPLATE = "report.html.j2"


def isolate(value: str | Sequence[str], sep: str = "") -> Markup:
    """The ``bdi`` filter: a name or title escaped inside ``<bdi>``, so bidi controls in it cannot
    reorder the text around it; a sequence of them, each in its own ``<bdi>``, joined by ``sep``."""
    parts = [value] if isinstance(value, str) else value
    return Markup(escape(sep)).join(Markup("<bdi>%s</bdi>") % part for part in parts)


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("newsprism.report", "templates"),
        autoescape=True,  # every {{ }} is escaped; the only Markup passed in is the charts' SVG
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["bdi"] = isolate
    env.filters["file_name"] = file_name
    return env


def _legend(categories: list[str]) -> tuple[tuple[str, Markup], ...]:
    out = []
    for cat in categories:
        svg = ('<svg class="legend-marker" width="18" height="18" viewBox="0 0 18 18">'
               f"{charts.marker(cat, 9, 9, 5)}</svg>")
        out.append((cat, Markup(svg)))
    return tuple(out)


def _event_row(ix: Index, ev: Event) -> EventRow:
    return EventRow(ev, figures.actor_names(ix, ev.source, ev.source_text),
                    figures.actor_names(ix, ev.target, ev.target_text), figures.event_outlets(ix, ev))


def story_view(ix: Index, story_index: int, story: Story) -> StoryView:
    cols = views.columns(ix, story)
    claims: tuple[Claim, ...] = views.story_claims(ix, story)
    rows = views.matrix(ix, claims, cols)
    events = figures.story_events(ix, story)
    items, undated = figures.timeline(ix, events)
    drawn = items[: figures.MAX_TIMELINE]
    by_id = {e.id: e for e in events}
    nodes, edges = figures.network(ix, story, events)
    entities = views.story_entities(ix, story)
    outlets = views.outlet_views(ix, story, cols, rows)
    shown, folded = views.split_rows(rows)
    toned = [(o.name, o.tone) for o in outlets if o.tone is not None]
    anchor = f"story-{story_index + 1}"
    disc = views.discrepancies(ix, story, {c.id for c in claims})
    return StoryView(
        anchor=anchor,
        title=story.title,
        findings=key_findings(ix, anchor, story.documents, rows, disc),
        outlet_count=len(cols),
        docs=views.doc_rows(ix, story),
        columns=cols,
        rows=shown,
        more_rows=folded,
        discrepancies=disc,
        quote_groups=views.quote_groups(ix, story),
        timeline=charts.timeline_svg(drawn, f"Timeline of events: {story.title}"),
        categories=_legend(sorted({i.category for i in drawn})),
        dated=tuple(_event_row(ix, by_id[i.id]) for i in items),
        undated=tuple(_event_row(ix, e) for e in undated),
        network=charts.network_svg(nodes, edges, f"Actors: {story.title}", f"s{story_index + 1}"),
        entities=entities,
        hidden_entities=max(0, len(entities) - len(nodes)),
        outlets=outlets,
        tone_chart=charts.bars_svg([(n, t) for n, t in toned if t is not None], "Overall tone by outlet",
                                   diverging=True, digits=2),
        quoted_charts=tuple(
            (o.name, charts.bars_svg([(n, float(c)) for n, c in o.quoted[:12]], f"Whom {o.name} quotes"))
            for o in outlets if o.quoted),
        lineage=views.lineage(ix, story),
    )


def document_view(ix: Index, doc: Document) -> DocumentView:
    body = doc.clean_text()[doc.body.start:doc.body.end] if doc.body.end > doc.body.start else ""
    derived = tuple(
        (ix.doc_label(d.derived_from), f"score {d.score:.2f}: {d.evidence}")
        for d in ix.analysis.derivations if d.doc == doc.id)
    return DocumentView(doc, ix.outlet_of(doc.id), max(0, doc.body.end - doc.body.start),
                        len(body.split()), shorten(body, 600), derived)


def render_report(analysis: Analysis) -> str:
    """One self-contained HTML page (inline CSS and SVG, no scripts or external resources)."""
    ix = Index(analysis)
    stories = tuple(story_view(ix, i, s) for i, s in enumerate(views.story_list(analysis)))
    rejected: tuple[Rejected, ...] = analysis.rejected
    template = _environment().get_template(_ENV_TEMPLATE)
    return template.render(
        analysis=analysis,
        stories=stories,
        documents=tuple(document_view(ix, d) for d in analysis.documents),
        rejected=rejected,
        symbols=CELL_SYMBOL,
        labels=CELL_LABEL,
        states=CELL_STATES,
        variant_mark=VARIANT_MARK,
        variant_label=VARIANT_LABEL,
        max_timeline=figures.MAX_TIMELINE,
        outlet_count=len({ix.outlet_of(d.id) for d in analysis.documents}),
    )
