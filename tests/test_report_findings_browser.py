"""In Debian's chromium, at a desktop width (1400 px) and a phone width (390 px): each story's key
findings are on the first screen, above the discrepancies and the claims table, fit the width, and
a click on a finding brings its evidence into view."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_report import build

from newsprism.report import render_report

pytestmark = pytest.mark.browser

BOXES = """() => {
  const story = document.querySelector('section.story');
  const top = (el) => el.getBoundingClientRect().top + window.scrollY;
  const findings = story.querySelector('.findings');
  const r = findings.getBoundingClientRect();
  return {findings: top(findings), discrepancy: top(story.querySelector('.discrepancy')),
          matrix: top(story.querySelector('table.matrix')), right: r.right, width: window.innerWidth,
          overflow: findings.scrollWidth - findings.clientWidth, screen: window.innerHeight};
}"""


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(render_report(build()), encoding="utf-8")
    return path


@pytest.mark.parametrize("width, height", [(1400, 900), (390, 844)])
def test_key_findings_come_first_and_lead_to_the_evidence(browser: Any, report: Path, width: int,
                                                          height: int) -> None:
    page = browser.new_page(viewport={"width": width, "height": height})
    try:
        page.goto(report.as_uri())
        box = page.evaluate(BOXES)
        assert box["findings"] < box["screen"], box  # on the first screen
        assert box["findings"] < box["discrepancy"] < box["matrix"], box
        assert box["right"] <= box["width"] and box["overflow"] <= 0, box
        link = page.locator(".findings a").first
        assert link.inner_text() == "The yearly raise is 4 percent in one outlet, 3 in another."
        href = link.get_attribute("href")
        link.click()
        assert page.evaluate("location.hash") == href
        shown = page.evaluate("(id) => { const r = document.getElementById(id).getBoundingClientRect();"
                              " return [r.top, r.bottom, window.innerHeight]; }", href[1:])
        assert -1 <= shown[0] < shown[2], shown  # the discrepancy box is in view (scrolled to its top)
        assert page.locator(href).get_attribute("data-kind") == "number"
    finally:
        page.close()


@pytest.mark.parametrize("width, height", [(1400, 900), (390, 844)])
def test_the_page_never_scrolls_sideways(browser: Any, report: Path, width: int, height: int) -> None:
    """Wide tables (documents, outlets, the claims matrix) scroll inside themselves on a phone."""
    page = browser.new_page(viewport={"width": width, "height": height})
    try:
        page.goto(report.as_uri())
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert page.locator("table.matrix").count() >= 1  # the widest table is there
    finally:
        page.close()
