"""The report as pages: report.html lists the stories (most outlets first, then most documents) and
links to one page per story under stories/; a report of one story stays one page. Written by
``export.write_outputs``, read from the file system (relative links only).

The stories are hand-made from the bus-strike articles of test_report.py plus short follow-ups,
so every expected order and count here comes from counting their outlets and documents.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import replace
from pathlib import Path

import lxml.html
import pytest
from test_report import _doc, build

from newsprism.export import write_outputs
from newsprism.model import Analysis, Rejected, Story
from newsprism.report import render_pages, render_report, story_file

FOLLOW_UP = """Bus riders return as service resumes

Buses ran again on Friday after the strike, the transit agency said.
"""
LETTER = """Letter: thank the drivers

Readers wrote to thank the drivers for their patience.
"""
SCHOOL = """School board delays budget vote

The school board put off its budget vote until April.
"""


def several() -> Analysis:
    """Four stories, given out of order: bus strike (3 outlets, 3 documents), service (2 outlets,
    2 documents), letters (1 outlet, 2 documents), school (1 document)."""
    base = build()
    gazette, metro, valley = base.documents
    follow = _doc("doc_follow", FOLLOW_UP, "Metro Daily", "news", "2025-03-08")
    follow_2 = _doc("doc_follow_2", FOLLOW_UP.replace("Friday", "Saturday"), "Harbor Gazette", "news", "2025-03-09")
    letter = _doc("doc_letter", LETTER, "Valley Post", "opinion", "2025-03-09")
    letter_2 = _doc("doc_letter_2", LETTER.replace("Readers", "Riders"), "Valley Post", "opinion", "2025-03-10")
    school = _doc("doc_school", SCHOOL, "Harbor Gazette", "news", "2025-03-09")
    docs = tuple(replace(d, source=f"/home/ana/private/inbox/{d.id}.txt")
                 for d in (gazette, metro, valley, follow, follow_2, letter, letter_2, school))
    stories = (Story("st_school", "School board delays budget vote", (school.id,)),
               Story("st_letters", "Letters on the strike", (letter.id, letter_2.id)),
               Story("st_service", "Bus service resumes", (follow.id, follow_2.id)),
               base.stories[0])
    return replace(base, documents=docs, stories=stories,
                   rejected=(Rejected("/home/ana/private/inbox/broken.warc", "truncated WARC record"),))


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return render_pages(several())


@pytest.fixture(scope="module")
def index(pages: dict[str, str]) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(pages["report.html"])


ORDER = ["st_bus", "st_service", "st_letters", "st_school"]


def test_one_story_is_one_page_as_before() -> None:
    analysis = build()
    assert render_pages(analysis) == {"report.html": render_report(analysis)}
    assert render_pages(Analysis(documents=())) == {"report.html": render_report(Analysis(documents=()))}


def test_index_lists_stories_by_outlets_then_documents(pages: dict[str, str], index: lxml.html.HtmlElement) -> None:
    assert sorted(pages) == sorted(["report.html", *(f"stories/{s}.html" for s in ORDER)])
    links = index.xpath("//li[@class='story-entry']/a[@class='story-link']")
    assert [a.get("href") for a in links] == [f"stories/{s}.html" for s in ORDER]
    assert [a.text_content() for a in links] == ["Port Alder bus strike ends", "Bus service resumes",
                                                "Letters on the strike", "School board delays budget vote"]
    counts = [li.xpath("./span[contains(@class,'counts')]")[0].text_content()
              for li in index.xpath("//li[@class='story-entry']")]
    assert counts[0] == "3 outlets \u00b7 3 documents \u00b7 5 claims \u00b7 2 contradictions"
    assert counts[1:] == ["2 outlets \u00b7 2 documents \u00b7 0 claims", "1 outlet \u00b7 2 documents \u00b7 0 claims",
                          "1 outlet \u00b7 1 document \u00b7 0 claims"]
    names = index.xpath("//li[@class='story-entry']/span[@class='outlet-names']")[1].text_content()
    assert names == "Metro Daily, Harbor Gazette"


def test_index_groups_and_folds_the_single_document_stories(index: lxml.html.HtmlElement) -> None:
    groups = index.xpath("//section[@class='story-group']")
    assert [g.get("id") for g in groups] == ["several-outlets", "one-outlet", "one-document"]
    assert [len(g.xpath(".//li")) for g in groups] == [2, 1, 1]
    assert not groups[0].xpath(".//details") and not groups[1].xpath(".//details")
    fold = groups[2].xpath("./details[@class='story-fold']")[0]
    assert fold.get("open") is None and fold.xpath(".//li/a")[0].get("href") == "stories/st_school.html"
    # the numbering runs on across the groups
    assert [ol.get("start") for ol in index.xpath("//ol[@class='stories']")] == ["1", "3", "4"]
    assert "truncated WARC record" in index.xpath("//section[@id='rejected']")[0].text_content()


def test_each_story_page_opens_with_its_findings_and_links_back(pages: dict[str, str]) -> None:
    for rank, story in enumerate(ORDER, start=1):
        tree = lxml.html.fromstring(pages[f"stories/{story}.html"])
        section, = tree.xpath("//section[@class='story']")
        assert [el for el in section if el.tag != "h2"][0].get("class") == "findings"
        nav = tree.xpath("//nav[@class='pager']")[0]
        assert nav.xpath("./a[@class='to-index']")[0].get("href") == "../report.html"
        assert f"story {rank} of 4" in nav.text_content()
        rel = {a.get("rel"): a.get("href") for a in nav.xpath("./a[@rel]")}
        expected = {}
        if rank > 1:
            expected["prev"] = f"{ORDER[rank - 2]}.html"
        if rank < 4:
            expected["next"] = f"{ORDER[rank]}.html"
        assert rel == expected
    bus = lxml.html.fromstring(pages["stories/st_bus.html"])
    # the story's own documents, with the entry its copy finding links to
    assert [a.get("id") for a in bus.xpath("//section[@id='documents']/article")] == [
        "doc-doc_gazette", "doc-doc_metro", "doc-doc_valley"]
    copy_link = bus.xpath("//div[@class='findings']//li/a[starts-with(@href,'#doc-')]")[0].get("href")
    assert len(bus.xpath(f"//*[@id='{copy_link[1:]}']")) == 1
    assert bus.xpath("//table[@class='matrix']//tr[@data-claim='cl_pay']")


def test_every_link_resolves_from_the_file_system(tmp_path: Path, pages: dict[str, str]) -> None:
    json_path, html_path = write_outputs(several(), tmp_path)
    assert html_path == tmp_path / "report.html"
    written = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*.html"))
    assert written == sorted(pages)
    for rel in pages:
        page = tmp_path / rel
        tree = lxml.html.fromstring(page.read_text("utf-8"))
        for a in tree.xpath("//a[@href]"):
            href = a.get("href")
            target, _, fragment = href.partition("#")
            assert not re.match(r"[a-z]+:|/", href), (rel, href)  # relative, no scheme, no root
            doc = tree if not target else lxml.html.fromstring((page.parent / target).read_text("utf-8"))
            if fragment:
                assert len(doc.xpath(f"//*[@id='{fragment}']")) == 1, (rel, href)


def test_no_machine_path_in_any_page(pages: dict[str, str]) -> None:
    for rel, html in pages.items():
        assert "/home/ana" not in html and "private/inbox" not in html, rel
    assert "doc_school.txt" in pages["stories/st_school.html"]
    assert "broken.warc" in pages["report.html"]


def test_filter_script_is_the_one_the_policy_allows(index: lxml.html.HtmlElement, pages: dict[str, str]) -> None:
    script, = index.xpath("//script")
    digest = base64.b64encode(hashlib.sha256(script.text.encode("utf-8")).digest()).decode()
    policy = index.xpath("//meta[@http-equiv='Content-Security-Policy']")[0].get("content")
    assert f"script-src 'sha256-{digest}'" in policy and "default-src 'none'" in policy
    assert index.xpath("//div[@class='filter']")[0].get("hidden") is not None  # shown by the script only
    for rel, html in pages.items():
        if rel != "report.html":
            assert "<script" not in html, rel


def test_stale_story_pages_are_removed_and_a_rerun_changes_nothing(tmp_path: Path) -> None:
    stale = tmp_path / "stories" / "st_gone.html"
    stale.parent.mkdir()
    stale.write_text("old", "utf-8")
    keep = tmp_path / "stories" / "notes.txt"  # not a story page: left alone
    keep.write_text("mine", "utf-8")
    write_outputs(several(), tmp_path)
    first = {p: p.read_bytes() for p in tmp_path.rglob("*.html")}
    assert not stale.exists() and keep.exists() and (tmp_path / "stories" / "st_bus.html") in first
    write_outputs(several(), tmp_path)
    assert {p: p.read_bytes() for p in tmp_path.rglob("*.html")} == first
    # the next report has one story: one page, and no story pages of the earlier one are left
    keep.unlink()
    write_outputs(build(), tmp_path)
    assert sorted(p.name for p in tmp_path.rglob("*.html")) == ["report.html"]
    assert not (tmp_path / "stories").exists()


def test_story_file_names() -> None:
    assert story_file("st_0123abcd") == "stories/st_0123abcd.html"
    odd = story_file("../../etc/passwd")
    assert re.fullmatch(r"stories/story_[0-9a-f]{12}\.html", odd)
    assert odd == story_file("../../etc/passwd") != story_file("../etc/passwd")
