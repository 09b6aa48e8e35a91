"""The web UI in a real browser: Debian's chromium, headless, driven by Playwright.

The server is a real uvicorn over a DuckDB file holding hand-analysed articles
(tests/test_api_support.py), one of them hostile (script tag, onerror image, javascript: link).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from test_api_support import (
    COUNCIL, HOSTILE_TEXT, LiveServer, council_analysis, doc_of, hostile_analysis, span,
)

from newsprism.model import (
    Analysis, Claim, Discrepancy, Entity, Event, OutletProfile, Quote, Story, Tone, ToneEvidence, make_id,
)


pytestmark = pytest.mark.browser



@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, str]]:
    with LiveServer(tmp_path_factory.mktemp("web") / "news.duckdb") as server:
        server.save(council_analysis())
        server.save(hostile_analysis())
        yield server, server.issue_token()


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    pg.dialogs = []  # every alert/confirm/prompt that fires
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    yield pg
    context.close()


def open_story(page: Any, live: tuple[LiveServer, str], title: str) -> None:
    page.goto(live[0].url + "/")
    page.get_by_role("link", name=title).click()
    page.wait_for_selector("table.matrix")


def test_story_page_shows_outlets_matrix_and_claim_highlights(page: Any, live: tuple[LiveServer, str]) -> None:
    open_story(page, live, "Lakeside council approves electric bus depot")
    assert page.locator("#story-title").inner_text() == "Lakeside council approves electric bus depot"
    assert page.locator(".outlet h3").all_inner_texts() == list(COUNCIL)
    headers = page.locator("table.matrix thead th.col").all_inner_texts()
    row = page.locator("table.matrix tbody tr").filter(has_text="voted 7-2")
    cells = dict(zip(headers, row.locator("td.cell").all_inner_texts(), strict=True))
    assert cells == {"Harbour Gazette": "\u2713", "Metro Wire": "\u2713", "Valley Courier": "\u2717"}

    page.get_by_role("button", name="The council voted 7-2 to approve the bus depot.").click()
    page.wait_for_selector("#evidence article.source mark")
    articles = page.locator("#evidence article.source")
    assert articles.count() == 3
    marks = page.locator("#evidence mark").all_inner_texts()
    expected = {t[t.index("The Lakeside city council voted"):].split(".")[0] + "." for t in COUNCIL.values()}
    assert set(marks) == expected
    contra = page.locator("#evidence article.source").filter(has_text="Valley Courier")
    assert contra.locator(".role").inner_text().lower() == "contradicts"
    assert contra.locator("mark").get_attribute("class") == "contradicts"


def test_quote_and_discrepancy_show_their_sentences(page: Any, live: tuple[LiveServer, str]) -> None:
    open_story(page, live, "Lakeside council approves electric bus depot")
    page.locator("button.quote", has_text="nobody asked the people").click()
    page.wait_for_selector("#evidence mark")
    assert page.locator("#evidence mark").all_inner_texts() == [
        "Tom Becker", "said", "nobody asked the people who live next to the rail yard."]
    page.locator("button.discrepancy").click()
    page.wait_for_selector("#evidence h2:has-text('Discrepancy')")
    assert sorted(page.locator("#evidence mark").all_inner_texts()) == ["6-3", "7-2"]


def test_hostile_article_renders_as_text_and_runs_nothing(page: Any, live: tuple[LiveServer, str]) -> None:
    title = hostile_analysis().stories[0].title
    open_story(page, live, title)
    assert page.locator("#story-title").inner_text() == title  # the <script> in the title is text
    page.get_by_role("button", name="The festival opened with 40 boats.").click()
    page.wait_for_selector("#evidence mark")
    shown = page.locator("#evidence .article-text").inner_text()
    assert "<script>alert('xss-script')</script>" in shown
    assert "<img src=x onerror=\"alert('xss-img')\">" in shown
    assert "javascript:alert('xss-link')" in shown
    assert page.locator("main script, main img, main a[href^='javascript']").count() == 0
    assert page.locator(".outlet h3").inner_text() == "<b>Evil</b> Outlet"
    assert page.locator(".outlet .doc span.muted").filter(has_text="javascript:").count() == 1
    page.wait_for_timeout(300)
    assert page.dialogs == []
    assert HOSTILE_TEXT.split("\n", 1)[0] in shown


def test_csp_blocks_inline_script_even_if_injected(page: Any, live: tuple[LiveServer, str]) -> None:
    page.goto(live[0].url + "/")
    page.wait_for_selector("ul.stories")
    # the policy forbids inline code: a script element added to the page does not run
    page.evaluate("""() => { const s = document.createElement('script'); s.textContent = "alert('csp')";
                             document.body.append(s); }""")
    page.wait_for_timeout(200)
    assert page.dialogs == []


def test_add_form_shows_problems_from_the_api(page: Any, live: tuple[LiveServer, str]) -> None:
    page.goto(live[0].url + "/#/add")
    page.fill("#token", "wrong-token")
    page.fill("#paste-text", "The museum reopened on Friday after a two-year renovation.")
    page.click("#add-submit")
    alert = page.get_by_role("alert")
    alert.wait_for()
    assert "token is not valid" in alert.inner_text()
    page.fill("#token", live[1])
    page.fill("#paste-text", "   ")
    page.click("#add-submit")
    page.get_by_role("alert").filter(has_text="empty").wait_for()


def test_story_page_fits_a_phone_screen(browser: Any, live: tuple[LiveServer, str]) -> None:
    """At 390 px wide the page never scrolls sideways; only the claims matrix scrolls in its box."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    pg = context.new_page()
    open_story(pg, live, "Lakeside council approves electric bus depot")
    assert pg.evaluate("document.documentElement.scrollWidth") <= 390
    box = pg.locator(".scroll").first.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert pg.locator("#evidence").is_visible()
    context.close()


def test_discrepancies_most_severe_first_under_plain_names(browser: Any, tmp_path: Any) -> None:
    north = doc_of("North Star", "Envoys meet in Vienna\n\nForeign Minister Sergey Lavrov met the envoys on "
                   "Tuesday. About 40 delegates attended the session.\n")
    south = doc_of("South Post", "Lavrov meets envoys\n\nForeign Minister Sergei Lavrov met the envoys on "
                   "Tuesday. Some 65 delegates attended the session.\n")
    story = Story("st_vienna", "Envoys meet in Vienna", (north.id, south.id))
    # stored (and answered) in id order: the low-severity spelling comes first unless the UI sorts
    spelling = Discrepancy("disc_0_spelling", "name_spelling", "low", "Sergey or Sergei",
                           (), (span(north, "Sergey"), span(south, "Sergei")))
    count = Discrepancy("disc_1_count", "count", "medium", "40 or 65 delegates",
                        (), (span(north, "About 40 delegates"), span(south, "Some 65 delegates")))
    with LiveServer(tmp_path / "news.duckdb") as server:
        server.save(Analysis(documents=(north, south), stories=(story,), discrepancies=(spelling, count)))
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        try:
            page.goto(server.url + "/")
            page.get_by_role("link", name="Envoys meet in Vienna").click()
            page.wait_for_selector("button.discrepancy")
            items = page.locator("li[data-kind]")
            assert items.evaluate_all("(els) => els.map((e) => e.dataset.kind)") == ["count", "name_spelling"]
            assert page.locator("li[data-kind] .kind-name").all_inner_texts() == [
                "Different counts", "Spelling of a name"]
            assert page.locator("li[data-kind='count'] .sev").get_attribute("title") == "a detail differs"
            page.locator("button.discrepancy", has_text="Sergey or Sergei").click()
            page.wait_for_selector("#evidence h2:has-text('Spelling of a name')")
            assert sorted(page.locator("#evidence mark").all_inner_texts()) == ["Sergei", "Sergey"]
        finally:
            context.close()


HOSTILE_NAME = "<img src=x onerror=\"alert('xss-actor')\">Vex"


def hostile_views_analysis() -> Analysis:
    """Hostile text in every field the story's views show: article, actor name, quote, event,
    discrepancy, tone evidence."""
    doc = doc_of("<b>Evil</b> Outlet", HOSTILE_TEXT + f"{HOSTILE_NAME} said \"<script>alert('xss-quote')</script> "
                 "we came for the boats.\" The festival ended on Sunday.\n")
    other = doc_of("Calm Courier", "Harbour festival ends\n\nThe harbour festival opened on Saturday with 45 boats.\n")
    story = Story(make_id("story", "hostile-views"), "Festival <script>alert('xss-story')</script>", (doc.id, other.id))
    vex = Entity(make_id("ent", "vex"), HOSTILE_NAME, "PERSON", (), ("<script>alert('xss-role')</script>",), "GBR",
                 (span(doc, HOSTILE_NAME),), {"country": "<img src=x onerror=\"alert('xss-evidence')\">"})
    words = "<script>alert('xss-quote')</script> we came for the boats."
    start = doc.text.index(words)
    quote = Quote(make_id("q", "vex"), doc.id, start, start + len(words), words, vex.id, HOSTILE_NAME, "said", "direct")
    event = Event(make_id("ev", "vex"), "CONSULT", "<script>alert('xss-event')</script>", (vex.id,), (), "2024-03-04",
                  "Sunday", None, (span(doc, "The festival ended on Sunday."),))
    claim = Claim(make_id("claim", "boats-v"), story.id, "The festival opened with 40 boats.",
                  (span(doc, "The harbour festival opened on Saturday with 40 boats."),), (doc.id,), (other.id,))
    disc = Discrepancy(make_id("disc", "boats-v"), "number", "high", "<img src=x onerror=\"alert('xss-disc')\"> 40 or 45",
                       (claim.id,), (span(doc, "40 boats"), span(other, "45 boats")))
    tone = Tone(0.4, {vex.id: -0.5}, 0.0, "vader", (ToneEvidence(doc.id, start, start + len(words), words, 0.6),))
    outlets = (OutletProfile("<b>Evil</b> Outlet", (doc.id,), (claim.id,), (), tone, {vex.id: 1}),
               OutletProfile("Calm Courier", (other.id,), (), (claim.id,), Tone(0.0, {}, 0.0, "vader"), {}))
    return Analysis(documents=(doc, other), entities=(vex,), quotes=(quote,), events=(event,), stories=(story,),
                    claims=(claim,), discrepancies=(disc,), outlets=outlets)


@pytest.mark.parametrize("width", [1400, 390])
def test_hostile_text_runs_nothing_in_any_view(browser: Any, tmp_path: Any, width: int) -> None:
    with LiveServer(tmp_path / "news.duckdb") as server:
        server.save(hostile_views_analysis())
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

        def clean() -> None:
            assert page.locator("main script, main img, main a[href^='javascript']").count() == 0
            assert page.evaluate("document.documentElement.scrollWidth") <= width

        try:
            page.goto(server.url + "/")
            page.locator("a.story-link").click()
            page.wait_for_selector("#findings")
            assert "<script>alert('xss-story')</script>" in page.locator("#story-title").inner_text()
            assert "onerror" in page.locator("#findings").inner_text()  # the discrepancy, as text
            clean()
            views = [("a.open-disc", "#disc-title"), (".actors a.actor-link", "#actor-title"),
                     (".outlet h3 a", "#outlet-title"), ("a.doc-link", "#document-title"),
                     ("#open-timeline", "#timeline-title")]
            for link, title in views:
                page.locator(link).first.click()
                page.wait_for_selector(title)
                clean()
                page.go_back()
                page.wait_for_selector("#findings")
            page.locator(".actors a.actor-link").first.click()
            page.wait_for_selector("#actor-title")
            assert page.locator("#actor-title").inner_text() == HOSTILE_NAME
            shown = page.locator("main").inner_text()
            for text in ("<script>alert('xss-role')</script>", "alert('xss-evidence')", "<script>alert('xss-event')</script>",
                         "<script>alert('xss-quote')</script>"):
                assert text in shown, text
            page.locator("button.quote").first.click()
            page.wait_for_selector("#evidence mark")
            clean()
            page.wait_for_timeout(300)
            assert dialogs == []
        finally:
            context.close()
