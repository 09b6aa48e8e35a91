"""Each story of the report opens with its key findings, each linked to its evidence; discrepancies
carry plain names; stories come in order of outlets, then documents.

The analysis is the hand-written bus-strike story of test_report.py (three outlets: the Gazette
and Metro Daily disagree on the raise and the strike's length, Valley Post rewrites the
Gazette), so every expected value comes from reading those paragraphs.
"""

from __future__ import annotations

from dataclasses import replace
from typing import get_args

import lxml.html
import pytest
from test_report import GAZETTE, METRO, VALLEY, build, sp

from newsprism.lang.kinds import kind_label, labels_json
from newsprism.model import Analysis, Claim, DiscrepancyKind, Document, Range, Story, sha256_text
from newsprism.report import render_report


@pytest.fixture(scope="module")
def tree() -> lxml.html.HtmlElement:
    return lxml.html.fromstring(render_report(build()))


def group(tree: lxml.html.HtmlElement, title: str) -> list[tuple[str, str]]:
    """(link text, href) of each finding listed under the heading that starts with ``title``."""
    for box in tree.xpath("//div[@class='findings']/div[@class='finding-group']"):
        if box.xpath("./h4")[0].text_content().startswith(title):
            return [(a.text_content(), a.get("href")) for a in box.xpath(".//li/a")]
    raise AssertionError(f"no finding group {title!r}")


def target(tree: lxml.html.HtmlElement, href: str) -> lxml.html.HtmlElement:
    assert href.startswith("#")
    found = tree.xpath(f"//*[@id='{href[1:]}']")
    assert len(found) == 1, href
    return found[0]


def test_the_story_opens_with_its_key_findings(tree: lxml.html.HtmlElement) -> None:
    story = tree.xpath("//section[@class='story']")[0]
    first, second = [el for el in story if el.tag != "h2"][:2]
    assert first.get("class") == "findings" and first.xpath("./h3")[0].text_content() == "Key findings"
    assert second.tag == "h3" and second.text_content() == "Discrepancies"  # then the evidence
    assert first.xpath("./p")[0].text_content() == (
        "3 documents from 3 outlets, 1 of them a copy or rewrite of another.")


def test_most_serious_discrepancies_first_each_linked_to_its_box(tree: lxml.html.HtmlElement) -> None:
    serious = group(tree, "Most serious discrepancies")
    assert [text for text, _ in serious] == ["The yearly raise is 4 percent in one outlet, 3 in another.",
                                             "The strike's length differs: nine or eleven days."]
    boxes = [target(tree, href) for _, href in serious]
    assert [b.get("data-kind") for b in boxes] == ["number", "count"]
    notes = tree.xpath("//div[@class='finding-group'][1]//li/span[@class='meta']")
    assert notes[0].text_content() == "\u2014 Different figures; high severity"


def test_agreed_contested_and_single_source_link_to_their_evidence(tree: lxml.html.HtmlElement) -> None:
    agreed = group(tree, "What most outlets agree on")
    assert [t for t, _ in agreed] == ["The city and the union agreed on Wednesday to end the bus strike."]
    assert target(tree, agreed[0][1]).get("data-claim") == "cl_deal"
    box = tree.xpath("//div[@class='finding-group'][2]//li")[0]
    assert "3 of 3 outlets, 2 of them independent" in box.text_content()  # Valley Post rewrites the Gazette

    contested = group(tree, "Contested")
    assert [t for t, _ in contested] == ["The strike lasted nine days.", "Drivers' pay rises by 4 percent a year."]
    # a contested claim links to the discrepancy that says why
    assert [target(tree, h).get("data-kind") for _, h in contested] == ["count", "number"]
    why = tree.xpath("//div[@class='finding-group'][3]//li")[1].text_content()
    assert "1 outlet supports it, 1 contradicts it. Different figures: The yearly raise is 4 percent" in why

    single = group(tree, "Resting on a single source")
    # the opinion claim rests on one outlet too, but it is not a fact to check
    assert [t for t, _ in single] == ["Union members will vote on the deal on March 10."]
    assert target(tree, single[0][1]).get("data-claim") == "cl_vote"
    assert tree.xpath("//div[@class='finding-group'][4]//li")[0].text_content().endswith("only Harbor Gazette")


def test_copies_name_both_documents_and_link_to_the_copy(tree: lxml.html.HtmlElement) -> None:
    item, = tree.xpath("//div[@class='finding-group'][5]//li")
    assert item.text_content().startswith(
        "Valley Post: Opinion: The bus deal is a bad bargain for taxpayers repeats "
        "Harbor Gazette: City and union reach deal to end bus strike")
    assert target(tree, item.xpath("./a")[0].get("href")).tag == "article"  # the document's entry


def test_a_story_without_claims_says_so_in_plain_words() -> None:
    a = build().documents[0]
    tree = lxml.html.fromstring(render_report(Analysis(documents=(a,))))
    empty = [p.text_content() for p in tree.xpath("//div[@class='findings']//p[@class='empty']")]
    assert empty == ["No discrepancies found between the outlets.",
                     "No fact is reported by most outlets (only one outlet).",
                     "No claim is contradicted by another outlet.", "No fact rests on a single source.",
                     "Every document reads as independent."]


def test_only_three_of_each_are_listed_and_the_rest_counted() -> None:
    base = build()
    a, b, c = base.documents
    facts = [("Wednesday", "Wednesday"), ("bus strike", "strike"), ("Union", "Union"), ("Mayor Elena Ruiz", "Mayor"),
             ("drivers", "riders")]
    shared = tuple(Claim(f"cl_shared_{i}", "st_bus", f"{x} / {y}", (sp(a, x), sp(b, y)), (a.id, b.id), (), (c.id,))
                   for i, (x, y) in enumerate(facts))
    tree = lxml.html.fromstring(render_report(replace(base, claims=base.claims + shared)))
    agreed = group(tree, "What most outlets agree on")
    assert agreed[0][0] == "The city and the union agreed on Wednesday to end the bus strike."  # 3 outlets first
    assert len(agreed) == 3
    box = tree.xpath("//div[@class='finding-group'][2]")[0]
    assert box.xpath("./h4")[0].text_content() == "What most outlets agree on (6)"
    assert box.xpath("./p[@class='meta']")[0].text_content() == "3 more in the claims table below."


def test_every_discrepancy_kind_has_a_plain_name() -> None:
    kinds = get_args(DiscrepancyKind)
    labels = [kind_label(k) for k in kinds]
    assert all(label.name != label.kind and "_" not in label.name and label.explain for label in labels)
    assert len({label.name for label in labels}) == len(kinds)
    assert kind_label("number").name == "Different figures"
    assert kind_label("name_spelling").name == "Spelling of a name"
    assert set(labels_json()["kinds"]) == set(kinds) and set(labels_json()["severity"]) == {"high", "medium", "low"}


def _doc(doc_id: str, text: str, outlet: str) -> Document:
    return Document(id=doc_id, source=f"/corpus/{doc_id}.txt", sha256=sha256_text(text), text=text, outlet=outlet,
                    title=doc_id, authors=(), published=None, genre="news", body=Range(0, len(text)), removed=())


def test_stories_come_in_order_of_outlets_then_documents() -> None:
    docs = (_doc("g1", GAZETTE, "Harbor Gazette"), _doc("g2", METRO, "Harbor Gazette"), _doc("v1", VALLEY, "Valley"),
            _doc("m1", METRO + " ", "Metro Daily"), _doc("v2", VALLEY + " ", "Valley"), _doc("x", "loose", "Other"))
    stories = (Story("s_one", "One outlet, one document", ("v2",)),
               Story("s_gazette", "One outlet, two documents", ("g1", "g2")),
               Story("s_two", "Two outlets", ("v1", "m1")))
    tree = lxml.html.fromstring(render_report(Analysis(documents=docs, stories=stories)))
    assert [h.text_content() for h in tree.xpath("//section[@class='story']/h2")] == [
        "Two outlets", "One outlet, two documents", "One outlet, one document", "Documents in no story"]
    contents = [li.text_content() for li in tree.xpath("//nav/ol/li")][:4]
    assert contents[0] == "Two outlets 2 outlets, 2 docs"
    assert contents[1] == "One outlet, two documents 1 outlet, 2 docs"
