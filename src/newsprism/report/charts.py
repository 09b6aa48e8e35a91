"""Inline SVG charts for the HTML report: event timeline, actor network, horizontal bars.

Each function takes plain values and returns ``markupsafe.Markup`` holding one ``<svg>``;
every piece of text from the documents goes through ``markupsafe.escape`` here, so the
template can insert the result as is. No randomness and fixed number formats, so the same
input always gives the same bytes. The network layout is a small Fruchterman-Reingold force
layout (Fruchterman & Reingold 1991) started from a circle, with a fixed number of steps.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from markupsafe import Markup, escape

from newsprism.model import PLOVER_CATEGORIES
from newsprism.report.text import shorten

# 16 distinguishable colours (Tableau 10 plus six darker tones), one per PLOVER category.
_PALETTE = ("#4e79a7", "#59a14f", "#76b7b2", "#8cd17d", "#499894", "#86bcb6", "#b6992d", "#f1ce63",
            "#e15759", "#ff9d9a", "#d37295", "#fabfd2", "#b07aa1", "#9d7660", "#f28e2b", "#79706e")
CATEGORY_COLOUR = dict(zip(PLOVER_CATEGORIES, _PALETTE, strict=True))
# PLOVER's grouping of event types: material/verbal cooperation, verbal conflict, material conflict.
_VERBAL_CONFLICT = {"ACCUSE", "REJECT", "THREATEN", "PROTEST"}
_MATERIAL_CONFLICT = {"SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
TYPE_COLOUR = {"PERSON": "#4e79a7", "ORG": "#f28e2b", "GPE": "#59a14f", "LOC": "#76b7b2",
               "NORP": "#b07aa1", "FAC": "#9d7660", "EVENT": "#d37295"}
_OTHER_COLOUR = "#8c8c8c"


def _e(value: object) -> str:
    return str(escape(str(value)))


def _n(x: float) -> str:
    """A coordinate with one decimal and no '-0.0', so output bytes are stable."""
    s = f"{x:.1f}"
    return "0.0" if s == "-0.0" else s


def category_colour(category: str) -> str:
    return CATEGORY_COLOUR.get(category.upper(), _OTHER_COLOUR)


def category_shape(category: str) -> str:
    cat = category.upper()
    if cat in _MATERIAL_CONFLICT:
        return "triangle"
    if cat in _VERBAL_CONFLICT:
        return "diamond"
    return "circle" if cat in CATEGORY_COLOUR else "square"


def marker(category: str, x: float, y: float, r: float = 6.0) -> str:
    """The shape for an event category at (x, y), filled with its colour."""
    fill = category_colour(category)
    shape = category_shape(category)
    if shape == "circle":
        return f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{_n(r)}" fill="{fill}" stroke="#222"/>'
    if shape == "square":
        return (f'<rect x="{_n(x - r)}" y="{_n(y - r)}" width="{_n(2 * r)}" height="{_n(2 * r)}" '
                f'fill="{fill}" stroke="#222"/>')
    if shape == "diamond":
        pts = [(x, y - r * 1.2), (x + r * 1.2, y), (x, y + r * 1.2), (x - r * 1.2, y)]
    else:
        pts = [(x, y - r * 1.2), (x + r * 1.1, y + r * 0.8), (x - r * 1.1, y + r * 0.8)]
    return (f'<polygon points="{" ".join(f"{_n(a)},{_n(b)}" for a, b in pts)}" fill="{fill}" '
            f'stroke="#222"/>')


# ------------------------------------------------------------------ timeline


@dataclass(frozen=True, slots=True)
class TimelineItem:
    id: str
    first: dt.date
    last: dt.date
    category: str
    source: str
    action: str
    target: str
    note: str  # tooltip: date text, outlets


_TICK_STEPS = (1, 2, 7, 14, 30, 61, 91, 182, 365, 730, 1826, 3652)
TIMELINE_WIDTH = 640  # viewBox units; the page draws it at most this many pixels wide
_LABEL_CHARS = 56  # a row's label, cut to fit the width at the phone's larger type (style.css.j2)


def _ticks(lo: dt.date, hi: dt.date) -> list[dt.date]:
    days = (hi - lo).days
    step = next((s for s in _TICK_STEPS if days / s <= 5), _TICK_STEPS[-1])
    return [lo + dt.timedelta(days=d) for d in range(0, days + 1, step)]


def _tick_label(day: dt.date, span_days: int) -> str:
    """A short date for an axis tick: '18 Feb' (the years are in the axis title), 'Feb 2025' for
    a range of years."""
    return day.strftime("%b %Y") if span_days > 730 else f"{day.day} {day.strftime('%b')}"


def timeline_svg(items: Sequence[TimelineItem], title: str) -> Markup:
    """Events as rows, in date order: the event in words on one line, below it a marker at its
    date on a date axis that runs the whole width (a bar for an event of several days); the
    dates are on the axes above and below, the years in the axis title."""
    if not items:
        return Markup("")
    lo = min(i.first for i in items) - dt.timedelta(days=1)
    hi = max(i.last for i in items) + dt.timedelta(days=1)
    span = max((hi - lo).days, 1)
    width, side, top, row_h = TIMELINE_WIDTH, 16, 40, 44
    plot_w = width - 2 * side
    bottom = top + row_h * len(items)
    height = bottom + 58
    years = str(lo.year) if lo.year == hi.year else f"{lo.year}\u2013{hi.year}"
    axis_title = f"Date ({years})"

    def x_of(day: dt.date) -> float:
        return side + plot_w * (day - lo).days / span

    parts = [f'<svg class="chart timeline" role="img" viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}">',
             f"<title>{_e(title)}</title>"]
    ticks = _ticks(lo, hi)
    for tick in ticks:
        x = _n(x_of(tick))
        label = _e(_tick_label(tick, span))
        anchor = "start" if tick == ticks[0] else "end" if x_of(tick) > width - side - 30 else "middle"
        parts.append(f'<line x1="{x}" y1="{top - 6}" x2="{x}" y2="{bottom + 6}" class="grid" stroke="#e5e8eb"/>')
        parts.append(f'<text x="{x}" y="{top - 14}" text-anchor="{anchor}" class="tick">{label}</text>')
        parts.append(f'<text x="{x}" y="{bottom + 24}" text-anchor="{anchor}" class="tick">{label}</text>')
    parts.append(f'<line x1="{side}" y1="{bottom + 6}" x2="{width - side}" y2="{bottom + 6}" class="axis" '
                 f'stroke="#57606a"/>')
    parts.append(f'<text x="{width / 2:.1f}" y="{bottom + 48}" text-anchor="middle" class="axis-title">'
                 f"{_e(axis_title)}</text>")
    for row, item in enumerate(items):
        y_text = top + row_h * row + 16
        y = top + row_h * row + 32
        x1, x2 = x_of(item.first), x_of(item.last)
        parts.append(f'<line x1="{side}" y1="{_n(y)}" x2="{width - side}" y2="{_n(y)}" class="guide" '
                     f'stroke="#d0d7de" stroke-dasharray="2 3"/>')
        if item.last > item.first:
            parts.append(f'<rect x="{_n(x1)}" y="{_n(y - 3)}" width="{_n(x2 - x1)}" height="6" '
                         f'fill="{category_colour(item.category)}" opacity="0.5"/>')
        parts.append(
            f'<g class="event-marker" data-event="{_e(item.id)}" data-category="{_e(item.category)}">'
            f"<title>{_e(item.category)}: {_e(item.note)}</title>{marker(item.category, x1, y)}</g>")
        action = shorten(item.action, 24)
        source, target = item.source, item.target
        room = _LABEL_CHARS - len(action) - 2
        if len(source) + len(target) > room:
            source = shorten(source, max(room // 2, 8))
            target = shorten(target, max(room - len(source), 8))
        parts.append(
            f'<text x="{side}" y="{_n(y_text)}" class="label">'
            f'{_e(source)} <tspan class="action">{_e(action)}</tspan> {_e(target)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


# ------------------------------------------------------------------ network


@dataclass(frozen=True, slots=True)
class Node:
    id: str
    name: str
    type: str
    weight: int  # mentions


@dataclass(frozen=True, slots=True)
class Edge:
    a: str
    b: str
    kind: str  # "event" (a acts on b) or "sentence" (named in the same sentence)
    weight: int


def force_layout(n: int, edges: Sequence[tuple[int, int, float]], steps: int = 120) -> list[tuple[float, float]]:
    """Positions in the unit square for ``n`` nodes; deterministic (starts from a circle). Each
    step moves every node at once (numpy arrays) by the sum of its forces, at most ``temp``."""
    if n == 0:
        return []
    if n == 1:
        return [(0.5, 0.5)]
    angle = 2 * np.pi * np.arange(n) / n - np.pi / 2
    pos = np.stack([0.5 + 0.4 * np.cos(angle), 0.5 + 0.4 * np.sin(angle)], axis=1)
    k = 0.6 * math.sqrt(1.0 / n)
    gravity = 2.0 * k
    src = np.array([i for i, _, _ in edges], dtype=np.intp)
    dst = np.array([j for _, j, _ in edges], dtype=np.intp)
    weight = np.array([w for _, _, w in edges], dtype=float)
    for step in range(steps):
        temp = 0.08 * (1 - step / steps) + 0.002
        delta = pos[:, None, :] - pos[None, :, :]  # delta[i, j] = pos[i] - pos[j]
        dist = np.maximum(np.hypot(delta[..., 0], delta[..., 1]), 1e-3)
        disp = (delta * (k * k / dist ** 2)[..., None]).sum(axis=1)  # repulsion (zero from itself)
        if len(src):
            d = pos[src] - pos[dst]
            length = np.maximum(np.hypot(d[:, 0], d[:, 1]), 1e-3)
            pull = d * (length / k * weight)[:, None]  # d / length * length^2 / k * w
            np.add.at(disp, src, -pull)
            np.add.at(disp, dst, pull)
        disp -= (pos - 0.5) * gravity  # gravity keeps unlinked actors from drifting to the edges
        size = np.maximum(np.hypot(disp[:, 0], disp[:, 1]), 1e-9)
        pos = np.clip(pos + disp / size[:, None] * np.minimum(size, temp)[:, None], 0.0, 1.0)
    return _fit(pos.tolist())


LAYOUT_BATCH = 1024  # graphs laid out together at most (memory: 16 * n * n bytes each)


def force_layouts(graphs: Sequence[tuple[int, Sequence[tuple[int, int, float]]]],
                  steps: int = 120) -> list[list[tuple[float, float]]]:
    """``force_layout(n, edges)`` of each ``(n, edges)``, the graphs with the same number of
    nodes laid out together: one array of many graphs takes the same steps with the same
    element-wise arithmetic, so each graph gets the very positions it gets alone, for the cost
    of numpy's per-call overhead once per step instead of once per graph and step (the report
    of a thousand single-document stories spent most of its time there)."""
    out: list[list[tuple[float, float]] | None] = [None] * len(graphs)
    by_size: dict[int, list[int]] = {}
    for g, (n, _) in enumerate(graphs):
        by_size.setdefault(n, []).append(g)
    for n, members in by_size.items():
        if n < 2 or len(members) == 1:
            for g in members:
                out[g] = force_layout(n, graphs[g][1], steps)
            continue
        for at in range(0, len(members), LAYOUT_BATCH):
            chunk = members[at:at + LAYOUT_BATCH]
            for g, pos in zip(chunk, _layout_together(n, [graphs[g][1] for g in chunk], steps), strict=True):
                out[g] = pos
    return out  # type: ignore[return-value]


def _layout_together(n: int, edge_lists: Sequence[Sequence[tuple[int, int, float]]],
                     steps: int) -> list[list[tuple[float, float]]]:
    """``force_layout``'s steps on ``len(edge_lists)`` graphs of ``n`` nodes at once: the same
    operations on an array with one more axis (graph g's node i is row g * n + i where the
    edges are summed, each graph's edges in its own order)."""
    count = len(edge_lists)
    angle = 2 * np.pi * np.arange(n) / n - np.pi / 2
    start = np.stack([0.5 + 0.4 * np.cos(angle), 0.5 + 0.4 * np.sin(angle)], axis=1)
    pos = np.broadcast_to(start, (count, n, 2)).copy()
    k = 0.6 * math.sqrt(1.0 / n)
    gravity = 2.0 * k
    src = np.array([g * n + i for g, edges in enumerate(edge_lists) for i, _, _ in edges], dtype=np.intp)
    dst = np.array([g * n + j for g, edges in enumerate(edge_lists) for _, j, _ in edges], dtype=np.intp)
    weight = np.array([w for edges in edge_lists for _, _, w in edges], dtype=float)
    for step in range(steps):
        temp = 0.08 * (1 - step / steps) + 0.002
        delta = pos[:, :, None, :] - pos[:, None, :, :]  # delta[g, i, j] = pos[g, i] - pos[g, j]
        dist = np.maximum(np.hypot(delta[..., 0], delta[..., 1]), 1e-3)
        disp = (delta * (k * k / dist ** 2)[..., None]).sum(axis=2)  # repulsion (zero from itself)
        if len(src):
            flat, flat_disp = pos.reshape(count * n, 2), disp.reshape(count * n, 2)
            d = flat[src] - flat[dst]
            length = np.maximum(np.hypot(d[:, 0], d[:, 1]), 1e-3)
            pull = d * (length / k * weight)[:, None]  # d / length * length^2 / k * w
            np.add.at(flat_disp, src, -pull)
            np.add.at(flat_disp, dst, pull)
        disp -= (pos - 0.5) * gravity  # gravity keeps unlinked actors from drifting to the edges
        size = np.maximum(np.hypot(disp[..., 0], disp[..., 1]), 1e-9)
        pos = np.clip(pos + disp / size[..., None] * np.minimum(size, temp)[..., None], 0.0, 1.0)
    return [_fit(p.tolist()) for p in pos]


def _fit(pos: list[list[float]]) -> list[tuple[float, float]]:
    """Stretch the positions to fill the unit square (each axis separately)."""
    xs, ys = [p[0] for p in pos], [p[1] for p in pos]
    wx, wy = max(xs) - min(xs), max(ys) - min(ys)
    return [((x - min(xs)) / wx if wx > 1e-6 else 0.5, (y - min(ys)) / wy if wy > 1e-6 else 0.5)
            for x, y in pos]


NETWORK_WIDTH = 520  # viewBox units; drawn at most 620 px wide (style.css.j2), so 15-unit labels stay legible at 390 px
_NAME_SIZE = 15  # label font size in viewBox units (style.css.j2: .chart.network .label)
_NAME_CHARS = 24  # a label is cut to this many characters; the full name is in the node's tooltip


def _label_width(name: str) -> float:
    """About how wide a label is drawn (a sans-serif character is about 0.56 of its size)."""
    return 0.56 * _NAME_SIZE * len(shorten(name, _NAME_CHARS))


def _separate(xy: list[tuple[float, float]], radius: Sequence[float], widths: Sequence[float],
              box: tuple[float, float, float, float], rounds: int = 80) -> list[tuple[float, float]]:
    """Push the actors apart until no two circles-with-their-label overlap: each one takes a box as
    wide as its circle or its label (whichever is wider) and as tall as the circle and the label
    below it; two boxes that overlap move apart along the axis where they overlap least. Kept
    inside ``box`` (the label hangs below the centre by at most r + 20)."""
    xs, ys = [x for x, _ in xy], [y for _, y in xy]
    half_w = [max(r, w / 2) + 6 for r, w in zip(radius, widths, strict=True)]
    n = len(xs)
    for _ in range(rounds):
        moved = False
        for i in range(n):
            hw_i, r_i = half_w[i], radius[i]
            for j in range(i + 1, n):
                dx = xs[j] - xs[i]
                over_x = hw_i + half_w[j] - abs(dx)
                if over_x <= 0:  # apart sideways: the vertical test is not needed
                    continue
                # i's box runs from y - r to y + r + 20 (its label); j's likewise
                y_i, y_j, r_j = ys[i], ys[j], radius[j]
                top_i, bot_i = y_i - r_i, y_i + r_i + 20
                top_j, bot_j = y_j - r_j, y_j + r_j + 20
                # min(bot_i, bot_j) - max(top_i, top_j) + 2, spelt out (quicker, same values)
                over_y = (bot_j if bot_j < bot_i else bot_i) - (top_j if top_j > top_i else top_i) + 2
                if over_y <= 0:
                    continue
                moved = True
                if over_x * 0.5 < over_y:  # moving sideways costs less (labels are wide)
                    sign = 1.0 if dx > 0 or (dx == 0 and i % 2 == 0) else -1.0
                    xs[i] -= sign * over_x / 2
                    xs[j] += sign * over_x / 2
                else:
                    dy = y_j - y_i
                    sign = 1.0 if dy > 0 or (dy == 0 and i % 2 == 0) else -1.0
                    ys[i] -= sign * over_y / 2
                    ys[j] += sign * over_y / 2
        for k, hw in enumerate(half_w):
            xs[k] = min(box[2] - hw + 6, max(box[0] + hw - 6, xs[k]))
            ys[k] = min(box[3], max(box[1], ys[k]))
        if not moved:
            break
    return list(zip(xs, ys))


def network_graph(nodes: Sequence[Node], edges: Sequence[Edge]) -> tuple[int, list[tuple[int, int, float]]]:
    """What ``force_layout`` lays out for a network: its number of nodes and weighted links."""
    index = {node.id: i for i, node in enumerate(nodes)}
    return len(nodes), [(index[e.a], index[e.b], 1.0 + math.log(e.weight)) for e in edges
                        if e.a in index and e.b in index and e.a != e.b]


def network_svg(nodes: Sequence[Node], edges: Sequence[Edge], title: str, uid: str,
                unit: Sequence[tuple[float, float]] | None = None) -> Markup:
    """Actors as circles sized by mentions and coloured by type, each named below its circle;
    grey lines for actors named in one sentence, arrows for events (source to target). The
    canvas grows taller with the number of actors, so their names need not overlap. ``unit``:
    the nodes' ``force_layout`` of ``network_graph``, when already worked out (``force_layouts``)."""
    if not nodes:
        return Markup("")
    index = {node.id: i for i, node in enumerate(nodes)}
    if unit is None:
        unit = force_layout(*network_graph(nodes, edges))
    width, pad = NETWORK_WIDTH, 30
    height = 200 + 24 * len(nodes)
    top = max(n.weight for n in nodes)
    radius = [5 + 13 * math.sqrt(n.weight / top) for n in nodes]
    widths = [_label_width(n.name) for n in nodes]
    box = (pad, pad, width - pad, height - pad - 24)
    xy = _separate([(box[0] + x * (box[2] - box[0]), box[1] + y * (box[3] - box[1])) for x, y in unit],
                   radius, widths, box)
    arrow = f"arrow-{_e(uid)}"
    parts = [f'<svg class="chart network" role="img" viewBox="0 0 {width} {height}" width="{width}" '
             f'height="{height}"><title>{_e(title)}</title>',
             f'<defs><marker id="{arrow}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" '
             f'markerHeight="9" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#333"/>'
             f"</marker></defs>"]
    for kind in ("sentence", "event"):
        for e in edges:
            if e.kind != kind or e.a not in index or e.b not in index or e.a == e.b:
                continue
            i, j = index[e.a], index[e.b]
            (x1, y1), (x2, y2) = xy[i], xy[j]
            d = max(math.hypot(x2 - x1, y2 - y1), 1e-3)
            ux, uy = (x2 - x1) / d, (y2 - y1) / d
            sx, sy = x1 + ux * radius[i], y1 + uy * radius[i]
            tx, ty = x2 - ux * (radius[j] + 2), y2 - uy * (radius[j] + 2)
            stroke = _n(min(1.0 + math.log(e.weight) * 1.5, 6.0))
            extra = (f' stroke="#333" marker-end="url(#{arrow})"' if kind == "event"
                     else ' stroke="#b8c0c8"')
            parts.append(
                f'<line class="edge {kind}" x1="{_n(sx)}" y1="{_n(sy)}" x2="{_n(tx)}" y2="{_n(ty)}" '
                f'stroke-width="{stroke}"{extra}><title>{_e(nodes[i].name)} \u2192 {_e(nodes[j].name)}: '
                f"{_e(kind)} \u00d7{e.weight}</title></line>")
    for node, (x, y), r in zip(nodes, xy, radius, strict=True):
        parts.append(
            f'<g class="node" data-entity="{_e(node.id)}"><title>{_e(node.name)} ({_e(node.type)}), '
            f"{node.weight} mentions</title>"
            f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{_n(r)}" fill="{TYPE_COLOUR.get(node.type, _OTHER_COLOUR)}" '
            f'stroke="#fff" stroke-width="1.5"/>'
            f'<text x="{_n(x)}" y="{_n(y + r + 15)}" text-anchor="middle" class="label">'
            f"{_e(shorten(node.name, _NAME_CHARS))}</text></g>")
    parts.append("</svg>")
    return Markup("".join(parts))


def type_colour(entity_type: str) -> str:
    """The fill of an actor of this type in the network (the legend's swatch)."""
    return TYPE_COLOUR.get(entity_type, _OTHER_COLOUR)


# ------------------------------------------------------------------ bars


BARS_WIDTH = 420  # viewBox units; drawn at most 480 px wide (style.css.j2)


def _count_ticks(top: float) -> list[float]:
    """0, a round step and its multiples up to ``top`` (at most about five ticks)."""
    if top <= 0:
        return [0.0]
    step = next(s for s in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000, 10**4, 10**5, 10**6)
                if top / s <= 5)
    return [float(v) for v in range(0, int(top) + 1, step)]


def bars_svg(rows: Sequence[tuple[str, float]], title: str, *, diverging: bool = False,
             digits: int = 0, domain: tuple[float, float] | None = None, axis: str = "",
             ends: tuple[str, str] = ("", "")) -> Markup:
    """Horizontal bars, one per labelled row, its value written after it, over a scale axis
    with ticks and the axis title ``axis``. ``domain`` fixes the scale (the tone's -1..+1) so
    charts of different stories read alike; otherwise 0 to the largest value. ``diverging``
    centres zero for signed values; ``ends`` names the two ends of the scale under it."""
    if not rows:
        return Markup("")
    width, label_w, value_w, row_h = BARS_WIDTH, 150, 50, 24
    plot_w = width - label_w - value_w
    rows_h = row_h * len(rows) + 4
    height = rows_h + 34 + (14 if axis else 0) + (16 if any(ends) else 0)
    if domain is None:
        biggest = max((abs(v) for _, v in rows), default=0.0) or 1.0
        domain = (-biggest, biggest) if diverging else (0.0, biggest)
    lo, hi = domain
    span = (hi - lo) or 1.0

    def x_of(value: float) -> float:
        return label_w + plot_w * (min(max(value, lo), hi) - lo) / span

    zero = x_of(0.0)
    parts = [f'<svg class="chart bars" role="img" viewBox="0 0 {width} {height}" width="{width}" '
             f'height="{height}"><title>{_e(title)}</title>']
    ticks = [lo, (lo + hi) / 2, hi] if diverging else _count_ticks(hi)
    for tick in ticks:
        x = _n(x_of(tick))
        parts.append(f'<line x1="{x}" y1="2" x2="{x}" y2="{rows_h + 4}" class="grid" stroke="#e5e8eb"/>')
        text = f"{tick:+g}" if diverging and tick else f"{tick:g}"
        parts.append(f'<text x="{x}" y="{rows_h + 20}" text-anchor="middle" class="tick">{text}</text>')
    for row, (label, value) in enumerate(rows):
        y = 4 + row * row_h
        x = min(x_of(value), zero)
        length = abs(x_of(value) - zero)
        cls, fill = ("neg", "#e15759") if value < 0 else ("pos", "#4e79a7")
        parts.append(f'<text x="{label_w - 6}" y="{_n(y + 15)}" text-anchor="end" class="label">'
                     f"{_e(shorten(label, 16))}</text>")
        parts.append(f'<rect class="bar {cls}" fill="{fill}" x="{_n(x)}" y="{_n(y + 3)}" width="{_n(length)}" '
                     f'height="{row_h - 6}"><title>{_e(label)}: {value:.{digits}f}</title></rect>')
        shown = f"{value:+.{digits}f}" if diverging else f"{value:.{digits}f}"
        parts.append(f'<text x="{width - value_w + 6}" y="{_n(y + 15)}" class="value">{shown}</text>')
    parts.append(f'<line x1="{label_w}" y1="{rows_h + 4}" x2="{label_w + plot_w}" y2="{rows_h + 4}" '
                 f'class="axis" stroke="#57606a"/>')
    if diverging:
        parts.append(f'<line x1="{_n(zero)}" y1="2" x2="{_n(zero)}" y2="{rows_h + 4}" class="axis zero" '
                     f'stroke="#57606a"/>')
    y = rows_h + 20
    if any(ends):
        y += 16
        parts.append(f'<text x="{label_w}" y="{y}" class="end">{_e(ends[0])}</text>')
        parts.append(f'<text x="{label_w + plot_w}" y="{y}" text-anchor="end" class="end">{_e(ends[1])}</text>')
    if axis:
        parts.append(f'<text x="{_n(label_w + plot_w / 2)}" y="{y + 16}" text-anchor="middle" class="axis-title">'
                     f"{_e(axis)}</text>")
    parts.append("</svg>")
    return Markup("".join(parts))
