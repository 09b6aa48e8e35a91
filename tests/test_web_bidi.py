"""Spoofing: bidi controls in titles, outlets and authors stay inside their own <bdi> in the web UI
(real chromium) and in the report, so they cannot reorder or disguise the text around them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import lxml.html
import pytest
from playwright.sync_api import sync_playwright
from test_api_support import (
    SPOOF_AUTHORS, SPOOF_OUTLET, SPOOF_TITLE, LiveServer, launch_chromium, spoof_analysis,
)

from newsprism.report import render_report

pytestmark = pytest.mark.browser

ISOLATED = """(selector) => [...document.querySelectorAll(selector)].map((b) => {
  const r = b.getBoundingClientRect();
  return {text: b.textContent, bidi: getComputedStyle(b).unicodeBidi, left: r.left, right: r.right};
})"""


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    with LiveServer(tmp_path_factory.mktemp("bidi") / "news.duckdb") as server:
        server.save(spoof_analysis())
        yield server


@pytest.fixture(scope="module")
def page(live: LiveServer) -> Iterator[Any]:
    with sync_playwright() as p:
        browser = launch_chromium(p)
        yield browser.new_page(viewport={"width": 1400, "height": 1000})
        browser.close()


def isolated(page: Any, selector: str) -> list[dict[str, Any]]:
    boxes: list[dict[str, Any]] = page.evaluate(ISOLATED, selector)
    assert boxes, selector
    assert all(b["bidi"] == "isolate" for b in boxes), boxes
    return boxes


def in_order(boxes: list[dict[str, Any]]) -> bool:
    """Each isolated name stays left of the next one, as written (an override would not reach past it)."""
    return all(a["right"] <= b["left"] + 0.5 for a, b in zip(boxes, boxes[1:], strict=False))


def test_story_list_isolates_titles_and_outlets(page: Any, live: LiveServer) -> None:
    page.goto(live.url + "/")
    page.wait_for_selector("ul.stories")
    assert [b["text"] for b in isolated(page, ".story-link bdi")] == [f"Geneva {SPOOF_TITLE}"]
    outlets = isolated(page, "ul.stories .muted bdi")
    assert [b["text"] for b in outlets] == [SPOOF_OUTLET, "Plain Wire"]
    assert in_order(outlets)


def test_story_page_isolates_titles_outlets_and_authors(page: Any, live: LiveServer) -> None:
    page.goto(live.url + "/")
    page.locator(".story-link").click()
    page.wait_for_selector("table.matrix")
    assert [b["text"] for b in isolated(page, "#story-title bdi")] == [f"Geneva {SPOOF_TITLE}"]
    assert [b["text"] for b in isolated(page, ".outlet h3 bdi")] == [SPOOF_OUTLET, "Plain Wire"]
    assert [b["text"] for b in isolated(page, ".outlet .doc-title bdi")] == [SPOOF_TITLE, "Talks resume"]
    authors = isolated(page, ".outlet .doc .muted bdi")
    assert [b["text"] for b in authors] == [*SPOOF_AUTHORS, "Kim Lee"]
    assert in_order(authors[:2])
    headers = isolated(page, "table.matrix th.col bdi")
    assert [b["text"] for b in headers] == [SPOOF_OUTLET, "Plain Wire"] and in_order(headers)
    page.locator("button.claim").click()
    page.wait_for_selector("#evidence article.source")
    assert [b["text"] for b in isolated(page, "#evidence article.source h3 bdi")] == [SPOOF_OUTLET, "Plain Wire"]


def test_report_isolates_titles_outlets_and_authors(page: Any) -> None:
    html = render_report(spoof_analysis())
    tree = lxml.html.fromstring(html)
    shown = [b.text_content() for b in tree.iter("bdi")]
    for value in (SPOOF_OUTLET, SPOOF_TITLE, f"Geneva {SPOOF_TITLE}", *SPOOF_AUTHORS):
        assert value in shown, value
    for node in tree.iter():  # no text outside a <bdi> (but the <title>) holds a bidi control
        outside = [node.tail] + ([node.text] if node.tag not in ("bdi", "title") else [])
        assert not any(c in t for t in outside if t for c in "\u202e\u2067"), (node.tag, outside)
    page.set_content(html)
    authors = isolated(page, "#documents dd bdi")
    pair = [b for b in authors if b["text"] in SPOOF_AUTHORS]
    assert [b["text"] for b in pair] == list(SPOOF_AUTHORS) and in_order(pair)
