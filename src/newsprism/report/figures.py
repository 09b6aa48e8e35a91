"""Data for the report's charts: timeline rows and the actor network of one story.

Turns events and entity mentions into the plain ``TimelineItem`` / ``Node`` / ``Edge`` values
that ``charts`` draws. Sorting is explicit so the charts are deterministic.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence

from newsprism.model import Event, Story
from newsprism.report.charts import Edge, Node, TimelineItem
from newsprism.report.text import parse_period, sentence_starts
from newsprism.report.views import Index, story_entities

MAX_NODES = 12  # the main actors, drawn; more make the network unreadable on a phone: the rest are listed on demand
MAX_TIMELINE = 80  # dated events drawn; the rest stay in the table
MAX_SENTENCE_EDGES_PER_NODE = 2  # same-sentence links drawn per actor drawn, strongest first


def story_events(ix: Index, story: Story) -> tuple[Event, ...]:
    found = sorted({i for doc in story.documents for i in ix.events_in.get(doc, ())})
    return tuple(ix.analysis.events[i] for i in found)  # in the analysis's order


def actor_names(ix: Index, ids: Sequence[str], texts: Sequence[str]) -> tuple[str, ...]:
    """Entity names for ids, the texts as written when no id resolves, ('?',) when nothing.
    Kept apart (not joined) so the report can isolate each name's text direction."""
    names = [ix.entity_name(i) for i in ids]
    if not names:
        names = [t for t in texts if t]
    return tuple(names) if names else ("?",)


def event_outlets(ix: Index, event: Event) -> tuple[str, ...]:
    return tuple(sorted({ix.outlet_of(m.doc) for m in event.mentions}))


def timeline(ix: Index, events: Sequence[Event]) -> tuple[tuple[TimelineItem, ...], tuple[Event, ...]]:
    """Dated events as timeline rows sorted by date, and the events without a usable date."""
    items, undated = [], []
    for ev in events:
        period = parse_period(ev.date)
        if period is None:
            undated.append(ev)
            continue
        note = f"{ev.action} \u2014 {ev.date_text or ev.date} ({', '.join(event_outlets(ix, ev))})"
        items.append(TimelineItem(
            ev.id, period[0], period[1], ev.category,
            " & ".join(actor_names(ix, ev.source, ev.source_text)), ev.action,
            " & ".join(actor_names(ix, ev.target, ev.target_text)), note))
    items.sort(key=lambda i: (i.first, i.last, i.category, i.source, i.action, i.target, i.id))
    return tuple(items), tuple(undated)


def network(ix: Index, story: Story, events: Sequence[Event]) -> tuple[tuple[Node, ...], tuple[Edge, ...]]:
    """The most-mentioned actors of the story and the links between them."""
    nodes = tuple(Node(ent.id, ent.name, ent.type, n) for ent, n in story_entities(ix, story)[:MAX_NODES])
    shown = {n.id for n in nodes}
    acts: Counter[tuple[str, str]] = Counter()
    for ev in events:
        for s in ev.source:
            for t in ev.target:
                if s in shown and t in shown and s != t:
                    acts[(s, t)] += 1
    together = _same_sentence(ix, story, shown)
    # only the strongest same-sentence links, or the drawing turns into a hairball
    keep = MAX_SENTENCE_EDGES_PER_NODE * len(nodes)
    strongest = sorted(together.items(), key=lambda p: (-p[1], p[0]))[:keep]
    edges = [Edge(a, b, "sentence", n) for (a, b), n in sorted(strongest)]
    edges += [Edge(a, b, "event", n) for (a, b), n in sorted(acts.items())]
    return nodes, tuple(edges)


def _same_sentence(ix: Index, story: Story, shown: set[str]) -> Counter[tuple[str, str]]:
    """How often each pair of shown actors is named in one sentence (pairs sorted by id)."""
    per_doc: dict[str, list[tuple[int, str]]] = {}
    for doc in dict.fromkeys(story.documents):
        mentions = [(start, ent_id) for start, ent_id in ix.mentions_in.get(doc, ()) if ent_id in shown]
        if mentions:
            per_doc[doc] = mentions
    pairs: Counter[tuple[str, str]] = Counter()
    for doc_id, mentions in per_doc.items():
        doc = ix.docs.get(doc_id)
        if doc is None:
            continue
        starts = sentence_starts(doc.text)
        by_sentence: dict[int, set[str]] = {}
        for start, ent_id in mentions:
            by_sentence.setdefault(bisect_right(starts, start), set()).add(ent_id)
        for ids in by_sentence.values():
            ordered = sorted(ids)
            for i, a in enumerate(ordered):
                for b in ordered[i + 1:]:
                    pairs[(a, b)] += 1
    return pairs
