"""Screenshots of every view, for a person to look at: the report and the web UI at 1400 and 390 px.

Analyses the demo corpus (or reads --db), serves it on a free loopback port with ``newsprism
serve``, and drives Debian's chromium (Playwright) over: the demo's one-page report (its top, its
first story, its charts), a report of several stories (the index, the index filtered, a story
page opened from it and that page's charts: the stories of tests/data/grow, or --pages DIR), the
web UI's story list, its first story (its top and each section), the first claim's evidence,
the pages of a discrepancy, an actor, an outlet, a document and the timeline, and the add-articles form.
Also prints, per width, whether a page overflows sideways.

    .venv/bin/python scripts/screenshots.py --out out/screenshots [--db FILE --report FILE --pages DIR]
    .venv/bin/python scripts/screenshots.py --report-only  # the report's pages, no web UI
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
WIDTHS = (1400, 390)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _newsprism() -> str:
    return str(Path(sys.executable).with_name("newsprism"))


def _wait(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise SystemExit(f"screenshots: the server at {url} did not answer") from None
            time.sleep(0.3)


def _overflows(page) -> bool:  # type: ignore[no-untyped-def]
    return bool(page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1"))


def _charts(page, prefix: str, width: int, out: Path) -> None:  # type: ignore[no-untyped-def]
    """One screenshot of each chart of the page's first story, scrolled to its heading."""
    for name, heading in (("timeline", "Timeline of events"), ("network", "Actor network"),
                          ("tone", "Outlet profiles")):
        h = page.locator("section.story h3", has_text=heading).first
        if h.count():
            h.scroll_into_view_if_needed()
            page.evaluate("(el) => el.scrollIntoView()", h.element_handle())
            page.screenshot(path=str(out / f"{prefix}-{name}-{width}.png"))


def report_shots(browser, report: Path, pages: Path, out: Path) -> None:  # type: ignore[no-untyped-def]
    """The one-page report and the index and a story page of a report of several stories."""
    for width in WIDTHS:
        page = browser.new_page(viewport={"width": width, "height": 900})
        shots = []
        page.goto(report.resolve().as_uri())
        shots.append(("report-top", _overflows(page)))
        page.screenshot(path=str(out / f"report-top-{width}.png"))
        page.locator("section.story, .story").first.scroll_into_view_if_needed()
        page.screenshot(path=str(out / f"report-story-{width}.png"), full_page=False)
        _charts(page, "report", width, out)
        page.goto((pages / "report.html").resolve().as_uri())
        shots.append(("index", _overflows(page)))
        page.screenshot(path=str(out / f"index-{width}.png"), full_page=True)
        words = page.locator("a.story-link").first.text_content().split()[-1]
        page.fill("#filter", words)
        shots.append(("index-filter", _overflows(page)))
        page.screenshot(path=str(out / f"index-filter-{width}.png"), full_page=True)
        page.fill("#filter", "")
        link = page.locator("a.story-link").first
        if not link.is_visible():  # all stories are of a single document, folded
            page.locator("details.story-fold > summary").first.click()
        link.click()
        page.wait_for_load_state("load")
        shots.append(("story-page", _overflows(page)))
        page.screenshot(path=str(out / f"story-page-{width}.png"))
        _charts(page, "story-page", width, out)
        for name, wide in shots:
            print(f"{width:>5} px  {name:<12} {'OVERFLOWS sideways' if wide else 'fits'}")
        page.close()


# The web UI's pages of a story: (name, what to click on the story page, what the page then shows)
VIEWS = (
    ("ui-discrepancy", "a.open-disc", "#disc-title"),
    ("ui-actor", ".actors a.actor-link", "#actor-title"),
    ("ui-outlet", ".outlet h3 a", "#outlet-title"),
    ("ui-document", "a.doc-link", "#document-title"),
    ("ui-timeline", "#open-timeline", "#timeline-title"),
)


def _section(page, selector: str, path: Path) -> bool:  # type: ignore[no-untyped-def]
    """A picture of one section of the story page (at most 1400 px tall), if it is there."""
    box = page.locator(selector).first
    if not box.count():
        return False
    box.scroll_into_view_if_needed()
    bb = box.bounding_box()
    top = bb["y"] + page.evaluate("window.scrollY")
    page.screenshot(path=str(path), full_page=True,
                    clip={"x": 0, "y": top, "width": page.viewport_size["width"], "height": min(bb["height"], 1400)})
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "screenshots")
    parser.add_argument("--db", type=Path, help="a store to show (default: analyse the demo corpus)")
    parser.add_argument("--report", type=Path, help="a report.html to show (default: the demo's)")
    parser.add_argument("--pages", type=Path,
                        help="a report folder of several stories (default: tests/data/grow analysed)")
    parser.add_argument("--report-only", action="store_true", help="only the report's pages, not the web UI")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="screens-") as tmp:
        db, report = args.db, args.report
        if report is None or (db is None and not args.report_only):
            demo = Path(tmp) / "demo"
            subprocess.run([_newsprism(), "analyze", str(ROOT / "examples" / "riyadh-2025-02-18"), "--out", str(demo)],
                           check=True, env=env, stdout=subprocess.DEVNULL)
            db, report = db or demo / "newsprism.duckdb", report or demo / "report.html"
        pages = args.pages
        if pages is None:
            pages = Path(tmp) / "grow"
            subprocess.run([_newsprism(), "analyze", str(ROOT / "tests" / "data" / "grow"), "--out", str(pages)],
                           check=True, env=env, stdout=subprocess.DEVNULL)
        if args.report_only:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                report_shots(browser, report, pages, args.out)
                browser.close()
            print(f"screenshots in {args.out}")
            return 0
        port = _free_port()
        server = subprocess.Popen([_newsprism(), "serve", "--db", str(db), "--port", str(port)], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            base = f"http://127.0.0.1:{port}/"
            _wait(base + "api/v1/health")
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                report_shots(browser, report, pages, args.out)
                for width in WIDTHS:
                    page = browser.new_page(viewport={"width": width, "height": 900})
                    shots = []
                    page.goto(base)
                    page.wait_for_selector("a.story-link")
                    shots.append(("ui-stories", _overflows(page)))
                    page.screenshot(path=str(args.out / f"ui-stories-{width}.png"), full_page=True)
                    page.locator("a.story-link").first.click()
                    page.wait_for_timeout(1500)
                    shots.append(("ui-story", _overflows(page)))
                    page.screenshot(path=str(args.out / f"ui-story-{width}.png"), full_page=False)
                    story_url = page.url
                    claim = page.locator("button.claim").first
                    if claim.count():
                        claim.click()
                        page.wait_for_timeout(800)
                        page.screenshot(path=str(args.out / f"ui-claim-{width}.png"), full_page=False)
                    for section in ("discrepancies", "claims", "quotes", "outlets", "timeline", "actors"):
                        page.goto(story_url)
                        page.wait_for_selector("#findings")
                        if _section(page, f"#{section}", args.out / f"ui-story-{section}-{width}.png"):
                            shots.append((f"ui-story-{section}", _overflows(page)))
                    for name, link, ready in VIEWS:
                        page.goto(story_url)
                        page.wait_for_selector("#findings")
                        target = page.locator(link).first
                        if not target.count():
                            continue
                        target.click()
                        page.wait_for_selector(ready)
                        page.wait_for_timeout(300)
                        shots.append((name, _overflows(page)))
                        page.screenshot(path=str(args.out / f"{name}-{width}.png"), full_page=False)
                    page.goto(base + "#/add")
                    page.wait_for_timeout(500)
                    shots.append(("ui-add", _overflows(page)))
                    page.screenshot(path=str(args.out / f"ui-add-{width}.png"))
                    for name, wide in shots:
                        print(f"{width:>5} px  {name:<22} {'OVERFLOWS sideways' if wide else 'fits'}")
                    page.close()
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=10)
    print(f"screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
