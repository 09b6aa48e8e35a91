"""The self-contained, offline HTML report: ``render_pages`` (what ``export`` writes) and
``render_report`` (everything on one page).

Builds one ``StoryView`` per story from the view model (``views``) and chart data
(``figures``), draws the charts as inline SVG (``charts``), and renders the templates with
autoescape on. ``render_pages`` gives ``report.html``, an index of the stories, and one page per
story under ``stories/``, so a report of a thousand articles opens at once; a report of one story
is one page (``report.html.j2``), the story's findings on the first screen. No timestamps and no randomness: the same
analysis always gives the same bytes. Every title, outlet, author and actor name is shown inside
``<bdi>`` (the ``bdi`` filter), so bidi controls in one cannot disguise the text around it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
import base64
import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache

import jinja2
from markupsafe import Markup, escape

from newsprism.model import Analysis, Claim, Document, Entity, Event, Rejected, Story, make_id
from newsprism.report import charts, figures, views
from newsprism.report.findings import KeyFindings, key_findings
from newsprism.report.quotes import QuoteEntry, SpeakerQuotes, story_quotes
from newsprism.report.text import file_name, shorten
from newsprism.report.views import (
    CELL_LABEL, CELL_STATES, CELL_SYMBOL, VARIANT_LABEL, VARIANT_MARK, Column, DiscrepancyView, DocRow, Index, OutletView, Row,
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
    quote_groups: tuple[SpeakerQuotes, ...]  # by speaker, the same words from several outlets once
    scare_quotes: tuple[QuoteEntry, ...]  # words in quotation marks without a speaker
    timeline: Markup
    categories: tuple[tuple[str, Markup], ...]  # legend: category, marker svg
    dated: tuple[EventRow, ...]
    undated: tuple[EventRow, ...]
    network: Markup
    actor_types: tuple[tuple[str, str], ...]  # legend: entity type, its colour in the network
    entities: tuple[tuple[Entity, int], ...]  # the actors drawn (the most mentioned), in the table first
    more_entities: tuple[tuple[Entity, int], ...]  # the rest, listed on demand
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
TONE_SCALE = (-1.0, 1.0)  # the range of the tone score (VADER's compound), drawn whole in every story
TONE_AXIS = "tone of wording, -1 to +1"
TONE_ENDS = ("\u2190 negative", "positive \u2192")
INDEX = "report.html"  # the index page (or, for one story, the whole report)
STORY_DIR = "stories"  # one page per story, beside the index


@dataclass(frozen=True, slots=True)
class StoryEntry:
    """One story in the index."""

    rank: int  # 1-based, in story order
    title: str
    href: str  # relative to the index
    outlets: tuple[str, ...]
    documents: int
    claims: int
    contradictions: int
    variants: int


@dataclass(frozen=True, slots=True)
class StoryGroup:
    id: str
    title: str
    entries: tuple[StoryEntry, ...]
    folded: bool  # shown under a <details> (the stories of one document)


# The index's filter box. Constant text: the page's Content-Security-Policy names its hash.
FILTER_SCRIPT = """(() => {
  const box = document.querySelector('.filter');
  const input = document.getElementById('filter');
  const count = document.getElementById('filter-count');
  const entries = [...document.querySelectorAll('li.story-entry')];
  const words = entries.map((li) => li.textContent.toLowerCase());
  const groups = [...document.querySelectorAll('section.story-group')];
  box.hidden = false;
  input.addEventListener('input', () => {
    const q = input.value.trim().toLowerCase();
    let shown = 0;
    entries.forEach((li, i) => { const hit = !q || words[i].includes(q); li.hidden = !hit; shown += hit; });
    groups.forEach((g) => {
      g.hidden = Boolean(q) && !g.querySelector('li.story-entry:not([hidden])');
      const fold = g.querySelector('details.story-fold');
      if (fold && q) fold.open = true;
    });
    count.textContent = q ? `${shown} of ${entries.length} stories` : '';
  });
})();"""
FILTER_HASH = "sha256-" + base64.b64encode(hashlib.sha256(FILTER_SCRIPT.encode("utf-8")).digest()).decode("ascii")


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


@dataclass(frozen=True, slots=True)
class _Network:
    """A story's events and actor network, with the network's layout (``charts.force_layout``)."""

    events: tuple[Event, ...]
    nodes: tuple[charts.Node, ...]
    edges: tuple[charts.Edge, ...]
    unit: list[tuple[float, float]]


def _networks(ix: Index, stories: Sequence[Story]) -> list[_Network]:
    """Every story's network, the layouts worked out together (``charts.force_layouts``)."""
    events = [tuple(figures.story_events(ix, story)) for story in stories]
    graphs = [figures.network(ix, story, evs) for story, evs in zip(stories, events, strict=True)]
    units = charts.force_layouts([charts.network_graph(nodes, edges) for nodes, edges in graphs])
    return [_Network(evs, nodes, edges, unit)
            for evs, (nodes, edges), unit in zip(events, graphs, units, strict=True)]


def story_view(ix: Index, story_index: int, story: Story, network: _Network | None = None) -> StoryView:
    """What a story's section of the report shows; ``network``: its ``_networks`` entry, when
    worked out with the other stories' (else here)."""
    cols = views.columns(ix, story)
    claims: tuple[Claim, ...] = views.story_claims(ix, story)
    rows = views.matrix(ix, claims, cols)
    events = network.events if network is not None else figures.story_events(ix, story)
    items, undated = figures.timeline(ix, events)
    drawn = items[: figures.MAX_TIMELINE]
    by_id = {e.id: e for e in events}
    nodes, edges = (network.nodes, network.edges) if network is not None else figures.network(ix, story, events)
    entities = views.story_entities(ix, story)
    outlets = views.outlet_views(ix, story, cols, rows)
    shown, folded = views.split_rows(rows)
    toned = [(o.name, o.tone) for o in outlets if o.tone is not None]
    anchor = f"story-{story_index + 1}"
    disc = views.discrepancies(ix, story, {c.id for c in claims})
    said, scare = story_quotes(ix, story)
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
        quote_groups=said,
        scare_quotes=scare,
        timeline=charts.timeline_svg(drawn, f"Timeline of events: {story.title}"),
        categories=_legend(sorted({i.category for i in drawn})),
        dated=tuple(_event_row(ix, by_id[i.id]) for i in items),
        undated=tuple(_event_row(ix, e) for e in undated),
        network=charts.network_svg(nodes, edges, f"Main actors: {story.title}", f"s{story_index + 1}",
                                   network.unit if network is not None else None),
        actor_types=tuple((t, charts.type_colour(t)) for t in sorted({n.type for n in nodes})),
        entities=entities[:len(nodes)],
        more_entities=entities[len(nodes):],
        outlets=outlets,
        tone_chart=charts.bars_svg([(n, t) for n, t in toned if t is not None], "Overall tone of wording by outlet",
                                   diverging=True, digits=2, domain=TONE_SCALE, axis=TONE_AXIS, ends=TONE_ENDS),
        quoted_charts=tuple(
            (o.name, charts.bars_svg([(n, float(c)) for n, c in o.quoted[:12]], f"Whom {o.name} quotes",
                                     axis="quotes"))
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


# a claim that is not a plain statement of fact (compare/claims/modality), as the matrix names it
MODALITY_NAMES = {"expectation": "plan / preview", "hypothetical": "hypothetical", "denial": "denial"}


def _shared(ix: Index) -> dict[str, object]:
    """What every template is given besides its own values."""
    rejected: tuple[Rejected, ...] = ix.analysis.rejected
    return dict(analysis=ix.analysis, rejected=rejected, symbols=CELL_SYMBOL, labels=CELL_LABEL,
                states=CELL_STATES, variant_mark=VARIANT_MARK, variant_label=VARIANT_LABEL,
                modality_names=MODALITY_NAMES, max_timeline=figures.MAX_TIMELINE,
                outlet_count=len({ix.outlet_of(d.id) for d in ix.analysis.documents}))


def _one_page(ix: Index, stories: Sequence[StoryView]) -> str:
    template = _environment().get_template(_ENV_TEMPLATE)
    return template.render(stories=stories, documents=tuple(document_view(ix, d) for d in ix.analysis.documents),
                           **_shared(ix))


def render_report(analysis: Analysis) -> str:
    """The whole report as one self-contained HTML page (inline CSS and SVG, no scripts or
    external resources): every story, every document, the rejected inputs."""
    ix = Index(analysis)
    listed = views.story_list(analysis)
    return _one_page(ix, tuple(story_view(ix, i, s, net)
                               for i, (s, net) in enumerate(zip(listed, _networks(ix, listed), strict=True))))


def story_file(story_id: str) -> str:
    """A story page's path under the report folder: ``stories/<story id>.html``; an id that is
    not a plain file name (letters, digits, '_' and '-') is replaced by a hash of it."""
    name = story_id if re.fullmatch(r"[A-Za-z0-9_-]{1,80}", story_id) else make_id("story", story_id)
    return f"{STORY_DIR}/{name}.html"


def _entry(rank: int, view: StoryView, href: str) -> StoryEntry:
    return StoryEntry(rank, view.title, href, tuple(c.outlet for c in view.columns), len(view.docs),
                      len(view.rows) + len(view.more_rows), sum(not d.variant for d in view.discrepancies),
                      sum(d.variant for d in view.discrepancies))


def _groups(entries: Sequence[StoryEntry]) -> tuple[StoryGroup, ...]:
    """The index's sections, in story order: several outlets, one outlet with several
    documents, one document (folded)."""
    parts = (("several-outlets", "Stories covered by several outlets", lambda e: len(e.outlets) > 1, False),
             ("one-outlet", "Stories from one outlet", lambda e: len(e.outlets) <= 1 and e.documents > 1, False),
             ("one-document", "Stories of a single document", lambda e: len(e.outlets) <= 1 and e.documents <= 1,
              True))
    out = []
    for gid, title, test, folded in parts:
        chosen = tuple(e for e in entries if test(e))
        if chosen:
            out.append(StoryGroup(gid, title, chosen, folded))
    return tuple(out)


def render_pages(analysis: Analysis) -> dict[str, str]:
    """The report as pages, by path relative to the report folder: ``report.html`` and, when
    there are two stories or more, one page per story (``story_file``) that ``report.html``
    lists in story order (most outlets, then most documents) and links to. With one story (or
    none), ``report.html`` is the whole report on one page, as ``render_report`` gives it."""
    pages = dict(iter_pages(analysis))
    return {INDEX: pages.pop(INDEX), **pages}


def iter_pages(analysis: Analysis) -> Iterator[tuple[str, str]]:
    """``render_pages`` one page at a time, the story pages in story order and ``report.html``
    last, so a writer holds one rendered page at a time (a thousand articles' pages together
    are some hundreds of MB)."""
    ix = Index(analysis)
    listed = views.story_list(analysis)
    stories = tuple(story_view(ix, i, s, net)
                    for i, (s, net) in enumerate(zip(listed, _networks(ix, listed), strict=True)))
    if len(stories) <= 1:
        yield INDEX, _one_page(ix, stories)
        return
    env = _environment()
    page = env.get_template("story_page.html.j2")
    paths = [story_file(s.id) for s in listed]
    names = [p.rsplit("/", 1)[1] for p in paths]
    shared = _shared(ix)  # the same for every page
    for i, (view, story) in enumerate(zip(stories, listed, strict=True)):
        docs = tuple(document_view(ix, ix.docs[d]) for d in story.documents if d in ix.docs)
        yield paths[i], page.render(
            s=view, documents=docs, index=INDEX, rank=i + 1, total=len(stories),
            prev=names[i - 1] if i else None, next=names[i + 1] if i + 1 < len(names) else None, **shared)
    entries = tuple(_entry(i + 1, view, paths[i]) for i, view in enumerate(stories))
    yield INDEX, env.get_template("index.html.j2").render(
        entries=entries, groups=_groups(entries), script=Markup(FILTER_SCRIPT), script_hash=FILTER_HASH,
        **shared)
