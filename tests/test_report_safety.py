"""A hostile document must come out of the report as inert text.

Every field the report shows (titles, outlet, URL, body text, entity names, quotes, events,
claims, discrepancies, tone evidence, rejected inputs) carries markup or script here.
"""

from __future__ import annotations

from html.parser import HTMLParser

import lxml.html
import pytest

from newsprism.model import (
    Analysis, Claim, Discrepancy, Document, Entity, Event, OutletProfile, Quote, Range, Rejected, Span,
    Story, Tone, ToneEvidence, sha256_text,
)
from newsprism.report import render_report

SCRIPT = "<script>steal(document.cookie)</script>"
IMG = '<img src="http://evil.example/p.png" onerror="alert(3)">'
LINK = '<a href="javascript:alert(2)">click here</a>'
TEXT = (f"Officials met on Monday. {SCRIPT} The minister said {LINK} the plan would work. "
        f"Critics replied {IMG} that \"nothing </blockquote><script>x()</script> has changed\".\n")


def _span(doc_id: str, needle: str) -> Span:
    start = TEXT.index(needle)
    return Span(doc_id, start, start + len(needle), needle)


def _evidence(doc_id: str, needle: str) -> ToneEvidence:
    span = _span(doc_id, needle)
    return ToneEvidence(span.doc, span.start, span.end, span.text, -0.4)


def hostile() -> Analysis:
    doc_id = 'doc"><script>alert(0)</script>'
    doc = Document(
        id=doc_id, source="</code><script>x()</script>.html", sha256=sha256_text(TEXT), text=TEXT,
        outlet='"><img src=x onerror=alert(1)>', title='<script>alert("title")</script>',
        authors=("<b onmouseover=alert(5)>Mallory</b>",), published="2025-01-03", genre="news",
        body=Range(0, len(TEXT)), removed=(), url="javascript:alert(4)", format="html",
        evidence={"outlet": "<iframe src=https://evil.example></iframe>"})
    ent = Entity("ent_x", "<svg onload=alert(6)>", "PERSON", ("<u>alias</u>",),
                 ("<style>body{display:none}</style>",), "<b>", (_span(doc_id, "The minister"),))
    ent2 = Entity("ent_y", "Critics <i onclick=alert(9)>", "ORG", (), (), None, (_span(doc_id, "Critics"),))
    inner = "nothing </blockquote><script>x()</script> has changed"
    quote = Quote("q<1>", doc_id, TEXT.index(inner), TEXT.index(inner) + len(inner), inner, "ent_y",
                  "Critics", "<script>cue()</script>", "direct")
    events = (
        Event("ev<1>", 'AGREE"><script>', '<img src=x onerror=alert(7)>', ("ent_x",), ("ent_y",),
              "2025-01-02", "<b>Monday</b>", "<script>loc()</script>", (_span(doc_id, "Officials met on Monday."),)),
        Event("ev2", "REJECT", "replied", ("ent_y",), ("ent_x",), None, "<script>when()</script>", None,
              (_span(doc_id, "Critics replied"),)),
    )
    claim = Claim("cl'1", "st", f"The plan {SCRIPT} would work", (_span(doc_id, "the plan would work"),),
                  (doc_id,), (), (), "opinion\"><script>", True, 1)
    dis = Discrepancy("d1", "<b>kind</b>", 'high"><script>', f"desc {IMG}", ("cl'1",),
                      (_span(doc_id, SCRIPT), _span(doc_id, LINK)))
    prof = OutletProfile(doc.outlet or "", (doc_id,), ("cl'1",), (),
                         Tone(-0.2, {"ent_x": 0.3}, 0.0, "<script>m()</script>", (_evidence(doc_id, IMG),)),
                         {"ent_y": 1, "<script>k</script>": 2}, ("news",))
    return Analysis(documents=(doc,), entities=(ent, ent2), quotes=(quote,), events=events,
                    stories=(Story("st", f"Story {SCRIPT}", (doc_id,)),), claims=(claim,),
                    discrepancies=(dis,), outlets=(prof,),
                    rejected=(Rejected("<script>r()</script>.warc", f"bad {IMG}"),))


class _Tags(HTMLParser):
    """Every start tag with its attributes, as a browser's tokenizer would see them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    handle_startendtag = handle_starttag


@pytest.fixture(scope="module")
def page() -> str:
    return render_report(hostile())


def test_no_tag_or_handler_from_the_document(page: str) -> None:
    parser = _Tags()
    parser.feed(page)
    names = [t for t, _ in parser.tags]
    for bad in ("script", "iframe", "img", "b", "u", "i", "svg onload"):
        assert bad not in names, bad
    assert names.count("blockquote") == 1  # the report's own, around the one quote
    assert names.count("style") == 1  # the report's own stylesheet only
    for tag, attrs in parser.tags:
        for key, value in attrs:
            assert not key.lower().startswith("on"), (tag, key, value)
            if key in ("href", "src", "xlink:href", "action", "formaction"):
                assert value is not None and value.startswith("#"), (tag, key, value)


def test_hostile_text_is_visible_as_text(page: str) -> None:
    tree = lxml.html.fromstring(page)
    text = tree.text_content()
    for shown in (SCRIPT, '<script>alert("title")</script>', "javascript:alert(4)", "<svg onload=alert(6)>",
                  "<iframe src=https://evil.example></iframe>", "nothing </blockquote><script>x()</script>",
                  "<img src=x onerror=alert(7)>", "bad " + IMG, f"\u201c{IMG}\u201d (-0.40)"):
        assert shown in text, shown
    assert "&lt;script&gt;steal(document.cookie)&lt;/script&gt;" in page
    assert not tree.xpath("//script") and not tree.xpath("//iframe")


def test_discrepancy_marks_hostile_span_as_text(page: str) -> None:
    tree = lxml.html.fromstring(page)
    marks = [m.text_content() for m in tree.xpath("//div[@class='discrepancy']//mark")]
    assert marks == [SCRIPT, LINK]


def test_svg_text_is_escaped(page: str) -> None:
    tree = lxml.html.fromstring(page)
    svg_text = " ".join(t.text_content() for t in tree.xpath("//*[local-name()='svg']//*[local-name()='text']"))
    assert "<svg onload=alert(6)>" in svg_text
    assert len(tree.xpath("//*[local-name()='svg' and contains(@class,'network')]")) == 1
    assert len(tree.xpath("//*[local-name()='g' and @class='event-marker']")) == 1


def test_content_security_policy_blocks_everything_external(page: str) -> None:
    tree = lxml.html.fromstring(page)
    csp = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    assert csp and csp[0].startswith("default-src 'none'") and "script-src" not in csp[0]
