"""The offline API docs page (/docs) in Debian's chromium: Swagger UI renders from local files only.

Every request the page makes is recorded; any to a host other than the loopback server fails the
test, and so does any Content-Security-Policy violation or page error.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright
from test_api_support import LiveServer, council_analysis, launch_chromium

pytestmark = pytest.mark.browser



@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    with LiveServer(tmp_path_factory.mktemp("docs") / "news.duckdb") as server:
        server.save(council_analysis())
        yield server


@pytest.fixture(scope="module")
def page(live: LiveServer) -> Iterator[tuple[Any, list[str], list[str]]]:
    """The /docs page, loaded; with the off-host requests it tried and its console errors."""
    outside: list[str] = []
    errors: list[str] = []
    with sync_playwright() as p:
        browser = launch_chromium(p)
        pg = browser.new_page(viewport={"width": 1300, "height": 1000})

        def guard(route: Any) -> None:
            if urlsplit(route.request.url).hostname in ("127.0.0.1", "localhost"):
                route.continue_()
            else:
                outside.append(route.request.url)
                route.abort()

        pg.route("**/*", guard)
        pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.goto(live.url + "/docs")
        pg.wait_for_selector(".opblock-summary", timeout=20000)
        yield pg, outside, errors
        browser.close()


def test_docs_lists_operations_offline(page: tuple[Any, list[str], list[str]]) -> None:
    pg, outside, errors = page
    assert outside == []
    assert errors == []
    assert pg.locator(".info h1.title").first.inner_text().startswith("newsprism")
    op = pg.locator(".opblock-get", has=pg.locator("[data-path='/api/v1/stories']"))
    assert op.count() == 1
    assert "Stories" in op.locator(".opblock-summary-description").inner_text()
    paths = set(pg.locator(".opblock-summary-path").evaluate_all("els => els.map(e => e.dataset.path)"))
    assert {"/api/v1/claims", "/api/v1/quotes", "/api/v1/documents/{doc_id}"} <= paths


def test_docs_operation_opens_with_filter_descriptions(page: tuple[Any, list[str], list[str]]) -> None:
    pg, outside, errors = page
    pg.locator(".opblock-get [data-path='/api/v1/claims']").first.click()
    params = pg.locator(".opblock.is-open table.parameters")
    params.wait_for()
    text = params.inner_text()
    assert "contested" in text and "only claims some document contradicts" in text
    assert outside == [] and errors == []
