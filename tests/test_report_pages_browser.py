"""The report's pages in Debian's chromium, opened from the file system (file://, no server), at a
desktop width (1400 px) and a phone width (390 px): the index lists the stories in the promised
order, its filter box narrows them, a click opens a story's page, whose key findings come first;
no page scrolls sideways; every chart's text is drawn at least 10 px high on a phone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_report_site import ORDER, several

from newsprism.export import write_outputs

pytestmark = pytest.mark.browser

SIZES = [(1400, 900), (390, 844)]
BOXES = """() => {
  const story = document.querySelector('section.story');
  const top = (el) => el.getBoundingClientRect().top + window.scrollY;
  return {findings: top(story.querySelector('.findings')), discrepancy: top(story.querySelector('.discrepancy')),
          matrix: top(story.querySelector('table.matrix')), screen: window.innerHeight};
}"""
# the smallest drawn text of each chart: its font size times the chart's drawn width over its viewBox
CHART_TEXT = """() => [...document.querySelectorAll('svg.chart')].map((svg) => {
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  const sizes = [...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
  return {chart: svg.getAttribute('class'), smallest: Math.min(...sizes)};
})"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    write_outputs(several(), out)
    return out


def _fits(page: Any, width: int) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= width, page.url


@pytest.mark.parametrize("width, height", SIZES)
def test_index_order_then_a_story_page_by_click(browser: Any, site: Path, width: int, height: int) -> None:
    page = browser.new_page(viewport={"width": width, "height": height})
    try:
        page.goto((site / "report.html").as_uri())
        _fits(page, width)
        hrefs = page.eval_on_selector_all("li.story-entry a.story-link", "as => as.map((a) => a.getAttribute('href'))")
        assert hrefs == [f"stories/{s}.html" for s in ORDER]
        # the story of one document is folded away until asked for
        assert not page.locator("a[href='stories/st_school.html']").is_visible()
        assert page.locator("li.story-entry a.story-link").first.is_visible()
        page.locator("li.story-entry a.story-link").first.click()
        page.wait_for_load_state("load")
        assert page.url.endswith("/stories/st_bus.html")
        _fits(page, width)
        box = page.evaluate(BOXES)
        assert box["findings"] < box["screen"], box  # the key findings are on the first screen
        assert box["findings"] < box["discrepancy"] < box["matrix"], box
        page.locator("a[rel='next']").click()
        page.wait_for_load_state("load")
        assert page.url.endswith("/stories/st_service.html")
        _fits(page, width)
        page.locator("a.to-index").click()
        page.wait_for_load_state("load")
        assert page.url.endswith("/report.html")
    finally:
        page.close()


@pytest.mark.parametrize("width, height", SIZES)
def test_filter_box_narrows_the_list(browser: Any, site: Path, width: int, height: int) -> None:
    page = browser.new_page(viewport={"width": width, "height": height})
    try:
        page.goto((site / "report.html").as_uri())
        page.fill("#filter", "school")
        assert page.locator("li.story-entry:visible").count() == 1
        assert page.locator("a[href='stories/st_school.html']").is_visible()  # its fold opened
        assert page.inner_text("#filter-count") == "1 of 4 stories"
        assert not page.locator("#several-outlets").is_visible()
        _fits(page, width)
        page.fill("#filter", "valley post")  # an outlet's name finds its stories
        assert page.locator("li.story-entry:visible").count() == 2
        page.fill("#filter", "")
        assert page.locator("li.story-entry:visible").count() == 4  # all back, the fold left open
        assert page.inner_text("#filter-count") == "" and page.locator("#several-outlets").is_visible()
    finally:
        page.close()


@pytest.mark.parametrize("width, height", SIZES)
def test_every_story_page_fits_and_its_chart_text_is_legible(browser: Any, site: Path, width: int,
                                                             height: int) -> None:
    page = browser.new_page(viewport={"width": width, "height": height})
    try:
        for story in ORDER:
            page.goto((site / "stories" / f"{story}.html").as_uri())
            _fits(page, width)
        page.goto((site / "stories" / "st_bus.html").as_uri())
        charts = page.evaluate(CHART_TEXT)
        assert {c["chart"] for c in charts} == {"chart timeline", "chart network", "chart bars"}, charts
        assert all(c["smallest"] >= 10 for c in charts), charts
    finally:
        page.close()
