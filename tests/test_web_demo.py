"""End to end over the real pipeline: the demo corpus uploaded through the API, analysed by a
background job, read back through the API and the web UI (chromium), plus pasting articles in
the browser (one of them hostile) and watching the analysis land on a story.

The demo corpus is analysed once for this module (~15 s).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import sync_playwright
from test_api_support import LiveServer, launch_chromium


ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "examples" / "riyadh-2025-02-18"

pytestmark = pytest.mark.slow  # the demo corpus is analysed by a real job


def wait_job(client: httpx.Client, job_id: str, seen: list[dict[str, Any]], timeout: float = 240) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = client.get(f"/jobs/{job_id}").json()
        seen.append(job)
        if job["done"]:
            return job  # type: ignore[no-any-return]
        time.sleep(0.2)
    raise AssertionError(f"job {job_id} did not finish: {seen[-1]}")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    with LiveServer(tmp_path_factory.mktemp("demo") / "news.duckdb") as server:
        token = server.issue_token()
        headers = {"Authorization": f"Bearer {token}"}
        with httpx.Client(base_url=server.url + "/api/v1", timeout=60) as client:
            files = [("files", (p.name, p.read_bytes(), "text/plain")) for p in sorted(DEMO.glob("*.txt"))]
            added = client.post("/articles", files=files, headers=headers)
            assert added.status_code == 202, added.text
            reads: list[int] = []
            stop = threading.Event()

            def read_while_analysing() -> None:  # reads must keep working while the job writes
                with httpx.Client(base_url=server.url + "/api/v1", timeout=30) as c:
                    while not stop.is_set():
                        reads.append(c.get("/documents").status_code)
                        reads.append(c.get("/stories").status_code)

            reader = threading.Thread(target=read_while_analysing)
            reader.start()
            seen: list[dict[str, Any]] = []
            try:
                job = wait_job(client, added.json()["job"]["id"], seen)
            finally:
                stop.set()
                reader.join()
            yield {"server": server, "token": token, "headers": headers, "added": added.json(), "job": job,
                   "seen": seen, "reads": reads, "files": files}


@pytest.fixture()
def client(demo: dict[str, Any]) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=demo["server"].url + "/api/v1", timeout=60) as c:
        yield c


def test_upload_stores_five_documents_and_the_job_reports_progress(demo: dict[str, Any]) -> None:
    assert demo["added"]["added"] == 5 and len(demo["added"]["documents"]) == 5
    assert all(d["source"].startswith("upload:") for d in demo["added"]["documents"])
    job = demo["job"]
    assert job["state"] == "done" and job["error"] is None and len(job["stories"]) >= 1
    stages = {j["stage"] for j in demo["seen"]}
    assert "extract" in stages or "compare" in stages
    extract = [j["progress"] for j in demo["seen"] if j["stage"] == "extract" and j["progress"]["total"]]
    assert extract and all(p["total"] == 5 and 0 <= p["done"] <= 5 for p in extract)
    assert demo["reads"] and set(demo["reads"]) == {200}


def test_demo_story_reads_back_with_consistent_spans(client: httpx.Client, demo: dict[str, Any]) -> None:
    story = demo["job"]["stories"][0]
    data = client.get(f"/stories/{story}/report-data").json()
    texts = {d["id"]: d["text"] for d in data["documents"]}
    assert len(texts) == 5 and data["claims"] and data["quotes"]
    for claim in data["claims"]:
        assert set(claim["support"]) <= set(texts)
        for m in claim["mentions"]:
            assert texts[m["doc"]][m["start"]:m["end"]] == m["text"]
    for q in data["quotes"]:
        assert texts[q["doc"]][q["start"]:q["end"]] == q["text"]
    # list endpoints agree with report-data
    assert client.get("/claims", params={"story": story, "limit": 1}).json()["total"] == len(data["claims"])
    assert client.get("/quotes", params={"story": story, "limit": 1}).json()["total"] == len(data["quotes"])


def test_reupload_is_idempotent_and_a_bad_file_refuses_the_batch(client: httpx.Client, demo: dict[str, Any]) -> None:
    again = client.post("/articles", files=demo["files"][:2], params={"analyze": "false"}, headers=demo["headers"])
    assert again.status_code == 202 and again.json()["added"] == 0 and again.json()["job"] is None
    before = client.get("/stats").json()
    files = [("files", ("fresh.txt", b"The bridge reopened to traffic on Monday after repairs.", "text/plain")),
             ("files", ("scan.pdf", b"%PDF-1.7 binary", "application/pdf"))]
    r = client.post("/articles", files=files, headers=demo["headers"])
    assert r.status_code == 422 and r.json()["errors"][0]["item"] == "upload:scan.pdf"
    assert client.get("/stats").json() == before


def test_json_article_keeps_metadata(client: httpx.Client, demo: dict[str, Any]) -> None:
    text = ("Wildfire crews contained most of the blaze near Redding by Thursday evening, the state fire "
            "agency said. About 1,200 residents remain under evacuation orders.\n")
    article = {"text": text, "title": "Crews contain Redding wildfire", "outlet": "North State Daily",
               "authors": ["Ana Ortiz"], "url": "https://example.org/fire"}
    r = client.post("/articles", json=article, params={"analyze": "false"}, headers=demo["headers"])
    assert r.status_code == 202, r.text
    doc = client.get(f"/documents/{r.json()['documents'][0]['id']}").json()
    assert doc["outlet"] == "North State Daily" and doc["title"] == "Crews contain Redding wildfire"
    assert doc["authors"] == ["Ana Ortiz"] and doc["url"] == "https://example.org/fire"
    assert doc["text"][doc["body"]["start"]:doc["body"]["end"]].strip().startswith("Wildfire crews")


# ------------------------------------------------------------------ browser


@pytest.fixture(scope="module")
def page_factory() -> Iterator[Any]:
    with sync_playwright() as p:
        browser = launch_chromium(p)

        def new_page() -> Any:
            pg = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
            pg.dialogs = []
            pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
            return pg

        yield new_page
        browser.close()


@pytest.mark.browser
def test_demo_story_claim_click_highlights_sources(page_factory: Any, demo: dict[str, Any]) -> None:
    page = page_factory()
    story = demo["job"]["stories"][0]
    page.goto(f"{demo['server'].url}/#/story/{story}")
    page.wait_for_selector("table.matrix")
    assert page.locator(".outlet").count() >= 2
    button = page.locator("button.claim").first
    claim_text = button.inner_text()
    button.click()
    page.wait_for_selector("#evidence mark")
    assert page.locator("#evidence h2").inner_text() == f"Claim: {claim_text}"
    data = httpx.get(f"{demo['server'].url}/api/v1/stories/{story}/report-data").json()
    claim = next(c for c in data["claims"] if c["text"] == claim_text)
    # the claim's statements, and the closest sentence of each document that only speaks of it
    related = {c["span"]["text"] for c in claim["cells"] if c["state"] == "related"}
    assert set(page.locator("#evidence mark").all_inner_texts()) == {m["text"] for m in claim["mentions"]} | related
    assert len(data["claims"]) > 25  # the demo story has hundreds: the matrix shows 25, then the rest
    assert page.locator("table.matrix tbody tr").count() == 25
    page.click("#more-claims")
    assert page.locator("table.matrix tbody tr").count() == len(data["claims"])


@pytest.mark.browser
def test_paste_articles_watch_the_job_and_land_on_the_story(page_factory: Any, demo: dict[str, Any]) -> None:
    page = page_factory()
    page.goto(demo["server"].url + "/#/add")
    page.fill("#token", demo["token"])
    page.fill("#paste-title", "Harbour festival opens <script>alert('xss-title')</script>")
    page.fill("#paste-url", "javascript:alert('xss-url')")
    page.fill("#paste-text", (
        "The harbour festival opened on Saturday with 40 boats, organisers said. "
        "<script>alert('xss-script')</script> Mayor Lena Park said \"this is the best turnout in ten years.\" "
        "<img src=x onerror=\"alert('xss-img')\"> Read more <a href=\"javascript:alert('xss-link')\">here</a>.\n"))
    page.click("#add-submit")
    page.wait_for_url("**/#/job/*", timeout=30_000)
    page.wait_for_url("**/#/story/*", timeout=120_000)
    page.wait_for_selector("#story-title")
    column = page.locator(".outlet .doc").first.inner_text()
    assert "<script>alert('xss-title')</script>" in column
    quote = page.locator("button.quote", has_text="this is the best turnout in ten years.")
    assert quote.count() == 1  # Mayor Lena Park's words, in the paragraph that holds the script tag
    quote.click()
    page.wait_for_selector("#evidence mark")
    assert "<script>alert('xss-script')</script>" in page.locator("#evidence .article-text").inner_text()
    assert page.locator("main script, main img, main a[href^='javascript']").count() == 0
    page.wait_for_timeout(300)
    assert page.dialogs == []
