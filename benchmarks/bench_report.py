"""Size and browser load time of the HTML report for N news-8k articles.

Analyses the first N articles of news-8k (``newsprism analyze``, or reads an analysis.json given
with --analysis), writes the report as ``export`` does (``export.write_report``: report.html, the index, and a
page per story under stories/) and, as the baseline, the whole report as one page (``render_report``, what
report.html was before it had pages). Prints the size of the index, of the largest story page, of
all pages together and of the single page, and for each page opened from the file system in
Debian's chromium (Playwright, a fresh tab each time, median of --repeat loads) the time to the
``load`` event and to the first contentful paint. Goal: the index of a 1,000-article report loads
in under a second (the single page is the figure to beat).

    .venv/bin/python benchmarks/bench_report.py --n 1000
    .venv/bin/python benchmarks/bench_report.py --analysis out/news/analysis.json
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import write_sample  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
GOAL_LOAD_MS = 1000.0  # the index of a 1,000-article report

TIMING = """() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  return {load: nav.loadEventEnd, fcp: fcp ? fcp.startTime : null,
          width: document.documentElement.scrollWidth};
}"""


def analyse(n: int, work: Path, console: Console) -> tuple[Path, float]:
    sample = write_sample(n, work / "sample.jsonl")
    out = work / "analysed"
    console.print(f"analysing the first {n} news-8k articles (newsprism analyze) ...")
    t0 = time.perf_counter()
    subprocess.run([str(Path(sys.executable).with_name("newsprism")), "analyze", str(sample), "--out", str(out)],
                   check=True, stdout=subprocess.DEVNULL)
    return out / "analysis.json", time.perf_counter() - t0


def load_times(paths: list[Path], repeat: int) -> list[dict[str, float | None]]:
    """Median load-event and first-contentful-paint times (ms) of each page, opened from file://."""
    from playwright.sync_api import sync_playwright

    results = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for path in paths:
                loads, paints = [], []
                for _ in range(repeat):
                    context = browser.new_context(viewport={"width": 1400, "height": 900})  # no cache between loads
                    page = context.new_page()
                    page.goto(path.as_uri(), wait_until="load", timeout=120_000)
                    page.wait_for_timeout(50)  # the load event's end and the paint entry are recorded
                    got = page.evaluate(TIMING)
                    loads.append(got["load"])
                    if got["fcp"] is not None:
                        paints.append(got["fcp"])
                    context.close()
                results.append({"load": statistics.median(loads),
                                "fcp": statistics.median(paints) if paints else None})
        finally:
            browser.close()
    return results


def _kb(size: int) -> str:
    return f"{size / 1024:,.0f} KiB" if size < 10 * 1024 * 1024 else f"{size / 1024 / 1024:,.1f} MiB"


def _ms(value: float | None) -> str:
    return "n/a" if value is None else f"{value:,.0f} ms"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000, help="articles from news-8k (default 1000)")
    ap.add_argument("--analysis", type=Path, help="an analysis.json to render (skips the analysis)")
    ap.add_argument("--repeat", type=int, default=3, help="loads per page, the median is shown (default 3)")
    ap.add_argument("--keep", type=Path, help="write the reports here instead of a temporary folder")
    args = ap.parse_args()
    console = Console()

    from newsprism.export import write_report
    from newsprism.model import Analysis, from_json
    from newsprism.report import INDEX, render_report

    with tempfile.TemporaryDirectory(prefix="bench-report-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        analysed_s = None
        source = args.analysis
        if source is None:
            source, analysed_s = analyse(args.n, work, console)
        analysis = from_json(Analysis, json.loads(source.read_text("utf-8")))
        site, single = work / "report", work / "single"
        t0 = time.perf_counter()
        write_report(analysis, site)
        pages_s = time.perf_counter() - t0
        single.mkdir(parents=True, exist_ok=True)
        t0 = time.perf_counter()
        (single / INDEX).write_text(render_report(analysis), encoding="utf-8")
        single_s = time.perf_counter() - t0

        index = site / INDEX
        stories = sorted((site / "stories").glob("*.html")) if (site / "stories").is_dir() else []
        largest = max(stories, key=lambda p: p.stat().st_size) if stories else index
        total = sum(p.stat().st_size for p in site.rglob("*.html"))
        console.print(f"{len(analysis.documents)} documents, {len(analysis.stories)} stories "
                      f"({sum(len(s.documents) > 1 for s in analysis.stories)} of two or more documents), "
                      f"{len(analysis.claims)} claims, {len(analysis.discrepancies)} discrepancies"
                      + (f"; analysis {analysed_s:,.0f} s" if analysed_s is not None else f"; from {source.name}"))
        console.print(f"rendering and writing: the pages {pages_s:.1f} s, the single page {single_s:.1f} s")
        console.print(f"loading each page {args.repeat} times in {CHROMIUM} ...")
        times = load_times([index, largest, single / INDEX], args.repeat)

        table = Table(title=f"HTML report, {len(analysis.documents)} articles")
        for col in ("page", "size", "load event", "first contentful paint"):
            table.add_column(col, justify="left" if col == "page" else "right")
        table.add_row("index report.html", _kb(index.stat().st_size), _ms(times[0]["load"]), _ms(times[0]["fcp"]))
        table.add_row(f"largest story page ({largest.name})", _kb(largest.stat().st_size), _ms(times[1]["load"]),
                      _ms(times[1]["fcp"]))
        table.add_row(f"all {len(stories) + 1} pages together", _kb(total), "", "")
        table.add_row("baseline: the single page", _kb((single / INDEX).stat().st_size), _ms(times[2]["load"]),
                      _ms(times[2]["fcp"]))
        console.print(table)
        verdict = "met" if times[0]["load"] is not None and times[0]["load"] <= GOAL_LOAD_MS else "NOT met"
        console.print(f"goal: the index's load event within {GOAL_LOAD_MS:,.0f} ms: {verdict}")
        if args.keep:
            console.print(f"reports kept in {work}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
