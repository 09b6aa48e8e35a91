"""Report helpers on their own: sentence context, date parsing, SVG charts and the layout."""

from __future__ import annotations

import datetime as dt
import math
import re

import lxml.etree

from newsprism.model import Document, Range, Span, sha256_text
from newsprism.report.charts import (
    Edge, Node, TimelineItem, bars_svg, force_layout, force_layouts, network_graph, network_svg, timeline_svg,
)
from newsprism.report.text import in_context, parse_period, sentence_starts

WIRE = ("The talks began at 9 a.m. on Monday in Geneva. Dr. Amara Osei, a U.S. envoy, said the deal "
        "was close. \"We are not there yet,\" Mr. Lindqvist replied.\nA second round is planned.")


def _doc(text: str) -> Document:
    return Document("d1", "d1.txt", sha256_text(text), text, "Wire", "t", (), None, "news",
                    Range(0, len(text)), ())


def _svg(markup: str) -> lxml.etree._Element:
    return lxml.etree.fromstring(str(markup).encode())


NS: dict[str, str] = {}  # inline SVG in HTML carries no namespace


def test_context_is_the_sentence_despite_abbreviations() -> None:
    doc = _doc(WIRE)
    ctx = in_context(doc, doc.span(WIRE.index("the deal"), WIRE.index("the deal") + 8))
    assert (ctx.before, ctx.marked, ctx.after) == ("Dr. Amara Osei, a U.S. envoy, said ", "the deal", " was close.")
    assert ctx.exact and not ctx.cut_before and not ctx.cut_after
    first = in_context(doc, doc.span(WIRE.index("Geneva"), WIRE.index("Geneva") + 6))
    assert first.before == "The talks began at 9 a.m. on Monday in " and first.after == "."
    quote = in_context(doc, doc.span(WIRE.index("Lindqvist"), WIRE.index("Lindqvist") + 9))
    assert quote.before == "\"We are not there yet,\" Mr. " and quote.after == " replied."


def test_context_stops_at_line_breaks_and_flags_bad_offsets() -> None:
    doc = _doc(WIRE)
    i = WIRE.index("second round")
    assert in_context(doc, doc.span(i, i + 12)).before == "A "
    bad = in_context(doc, Span("d1", 4, 9, "nope"))
    assert bad.marked == "talks" and not bad.exact
    out_of_range = in_context(doc, Span("d1", 5000, 5004, "gone"))
    assert (out_of_range.before, out_of_range.marked, out_of_range.after) == ("", "gone", "")


def test_long_sentence_is_cut_with_flags() -> None:
    text = "word " * 200 + "TARGET " + "word " * 200 + "end."
    doc = _doc(text)
    i = text.index("TARGET")
    ctx = in_context(doc, doc.span(i, i + 6))
    assert ctx.cut_before and ctx.cut_after and len(ctx.before) <= 320 and len(ctx.after) <= 320


def test_sentence_starts() -> None:
    starts = sentence_starts(WIRE)
    assert [WIRE[s:s + 6] for s in starts] == ["The ta", "Dr. Am", "\"We ar", "A seco"]


def test_parse_period() -> None:
    d = dt.date
    assert parse_period("2025-02-10/2025-02-16") == (d(2025, 2, 10), d(2025, 2, 16))
    assert parse_period("2025-02-18T10:00:00+03:00") == (d(2025, 2, 18), d(2025, 2, 18))
    assert parse_period("2025-02-16/2025-02-10") == (d(2025, 2, 16), d(2025, 2, 16))
    assert parse_period("last week") is None and parse_period(None) is None
    assert parse_period("2025-02-30") is None


def test_timeline_positions_follow_dates() -> None:
    d = dt.date
    items = [TimelineItem("a", d(2024, 11, 1), d(2024, 11, 1), "ASSAULT", "Rebels", "shelled", "Town", "x"),
             TimelineItem("b", d(2024, 11, 3), d(2024, 11, 9), "PROTEST", "Unions", "marched", "?", "y"),
             TimelineItem("c", d(2024, 11, 20), d(2024, 11, 20), "UNKNOWN", "A", "did", "B", "z")]
    svg = _svg(timeline_svg(items, "t"))
    groups = svg.findall(".//g[@class='event-marker']", NS)
    assert [g.get("data-event") for g in groups] == ["a", "b", "c"]
    xs = []
    for g in groups:
        shape = g[1]
        if shape.tag.endswith("circle"):
            xs.append(float(shape.get("cx")))
        elif shape.tag.endswith("rect"):
            xs.append(float(shape.get("x")) + float(shape.get("width")) / 2)
        else:
            xs.append(float(shape.get("points").split()[0].split(",")[0]))
    assert xs[0] < xs[1] < xs[2]
    assert [g[1].tag for g in groups] == ["polygon", "polygon", "rect"]  # triangle, diamond, square
    assert len(svg.findall(".//rect[@opacity]", NS)) == 1  # the interval bar of event b
    width = float(svg.get("width"))
    ticks = svg.findall(".//text[@class='tick']", NS)
    assert ticks and all(0 <= float(t.get("x")) <= width for t in ticks)
    assert timeline_svg([], "t") == ""


def test_force_layout_is_deterministic_and_pulls_linked_nodes_together() -> None:
    edges = [(0, 1, 2.0), (1, 2, 1.0), (3, 4, 1.0)]
    first = force_layout(6, edges)
    assert first == force_layout(6, edges) and len(first) == 6
    assert all(0.0 <= x <= 1.0 and 0.0 <= y <= 1.0 for x, y in first)

    def dist(i: int, j: int) -> float:
        return math.dist(first[i], first[j])

    assert dist(0, 1) < dist(0, 3) and dist(3, 4) < dist(3, 0) and dist(0, 1) < dist(0, 5)
    assert force_layout(1, []) == [(0.5, 0.5)] and force_layout(0, []) == []


def test_layouts_worked_out_together_are_each_graphs_own() -> None:
    """Graphs of one size share arrays in ``force_layouts``: each gets, to the last bit, what
    ``force_layout`` gives it alone (shared nodes, repeated links, no links, one node, none)."""
    graphs = [
        (6, [(0, 1, 2.0), (1, 2, 1.0), (3, 4, 1.0)]),
        (6, []),
        (6, [(0, 1, 1.0), (0, 2, 1.5), (0, 3, 1.0), (2, 0, 2.1), (0, 1, 1.0)]),  # a hub, a link twice
        (4, [(0, 3, 1.7)]),
        (6, [(5, 4, 1.0), (4, 3, 1.0), (3, 2, 1.0), (2, 1, 1.0), (1, 0, 1.0)]),
        (1, []),
        (0, []),
        (12, [(i, (i * 5 + 3) % 12, 1.0 + i % 3) for i in range(12)]),
    ]
    together = force_layouts(graphs)
    assert [list(map(repr, p)) for p in together] == [list(map(repr, force_layout(n, e))) for n, e in graphs]
    nodes = [Node(f"n{i}", f"Actor {i}", "PERSON", 1 + i) for i in range(5)]
    edges = [Edge("n0", "n1", "event", 2), Edge("n1", "n4", "sentence", 1)]
    (unit,) = force_layouts([network_graph(nodes, edges)])
    assert network_svg(nodes, edges, "t", "u1", unit) == network_svg(nodes, edges, "t", "u1")


def test_network_circles_do_not_overlap() -> None:
    nodes = [Node(f"n{i}", f"Actor {i}", ("PERSON", "ORG", "GPE", "NORP")[i % 4], 1 + (i * 7) % 13)
             for i in range(30)]
    edges = [Edge(f"n{i}", f"n{(i * 5 + 3) % 30}", "event" if i % 3 else "sentence", 1 + i % 3)
             for i in range(30)]
    svg = _svg(network_svg(nodes, edges, "t", "u1"))
    circles = [(float(c.get("cx")), float(c.get("cy")), float(c.get("r")))
               for c in svg.findall(".//g[@class='node']/circle", NS)]
    assert len(circles) == 30
    for i, (x1, y1, r1) in enumerate(circles):
        for x2, y2, r2 in circles[i + 1:]:
            assert math.hypot(x2 - x1, y2 - y1) >= r1 + r2
    arrows = svg.findall(".//line[@class='edge event']", NS)
    assert arrows and all(a.get("marker-end") == "url(#arrow-u1)" for a in arrows)
    assert network_svg(nodes, edges, "t", "u1") == network_svg(nodes, edges, "t", "u1")


def test_bars_diverge_around_zero() -> None:
    svg = _svg(bars_svg([("Daily A", 0.5), ("Daily B", -0.25)], "tone", diverging=True, digits=2))
    pos, neg = svg.findall(".//rect", NS)
    zero = float(svg.find(".//line[@class='axis zero']", NS).get("x1"))
    assert float(pos.get("x")) == zero and float(neg.get("x")) + float(neg.get("width")) == zero
    assert float(neg.get("width")) * 2 == float(pos.get("width"))
    values = [t.text for t in svg.findall(".//text[@class='value']", NS)]
    assert values == ["+0.50", "-0.25"]


def test_tone_bars_keep_the_whole_scale_with_its_ends_and_title() -> None:
    svg = _svg(bars_svg([("Daily A", 0.5), ("Daily B", -0.25)], "tone", diverging=True, digits=2,
                        domain=(-1.0, 1.0), axis="tone of wording", ends=("negative", "positive")))
    pos, neg = svg.findall(".//rect", NS)
    axis = svg.find(".//line[@class='axis']", NS)
    left, right = float(axis.get("x1")), float(axis.get("x2"))
    # +0.5 covers a quarter of the -1..+1 axis, -0.25 an eighth
    assert abs(float(pos.get("width")) - (right - left) / 4) < 0.051
    assert abs(float(neg.get("width")) - (right - left) / 8) < 0.051  # drawn to one decimal
    assert [t.text for t in svg.findall(".//text[@class='tick']", NS)] == ["-1", "0", "+1"]
    assert [t.text for t in svg.findall(".//text[@class='end']", NS)] == ["negative", "positive"]
    assert svg.find(".//text[@class='axis-title']", NS).text == "tone of wording"


def test_count_bars_have_round_ticks_from_zero() -> None:
    svg = _svg(bars_svg([("Ruiz", 7.0), ("Bell", 2.0)], "quotes", axis="quotes"))
    assert [t.text for t in svg.findall(".//text[@class='tick']", NS)] == ["0", "2", "4", "6"]
    assert [t.text for t in svg.findall(".//text[@class='value']", NS)] == ["7", "2"]


def test_chart_coordinates_have_fixed_precision() -> None:
    svg = str(network_svg([Node("a", "A", "PERSON", 3), Node("b", "B", "ORG", 1)],
                          [Edge("a", "b", "event", 1)], "t", "x"))
    numbers = re.findall(r'(?:cx|cy|x1|y1|x2|y2)="([-0-9.]+)"', svg)
    assert numbers and all(re.fullmatch(r"-?\d+\.\d", n) for n in numbers)
