"""Row "html" of the accuracy harness (benchmarks/bench_extract.py and its ``_registry``): HTML body
precision/recall/F1 of newsprism against trafilatura alone, measured by ``extract_bodies.measure``
(see that module for the data and how to fetch it; it also runs alone with --data PATH).

The data folder comes from $NEWSPRISM_AEB (article-extraction-benchmark) and, optionally,
$NEWSPRISM_TRAF_EVAL (trafilatura's tests/ folder); the harness's --limit takes the first N pages.
"""

from __future__ import annotations

import os
from argparse import Namespace

import extract_bodies
from _registry import NotMeasured, Row, row


@row("html")
def html_rows(args: Namespace) -> list[Row]:
    path = getattr(args, "aeb", None) or os.environ.get(extract_bodies.ENV)
    if not path:
        raise NotMeasured(f"set ${extract_bodies.ENV} to a clone of github.com/scrapinghub/"
                          "article-extraction-benchmark (see benchmarks/extract_bodies.py)")
    limit = getattr(args, "limit", 0) or 0
    found = extract_bodies.measure(path, os.environ.get(extract_bodies.TRAF_ENV), limit=limit)
    detail = f"{f'first {limit}' if limit else 'all'} pages; floor: trafilatura 2.3.1 alone on the same pages"
    return [Row(name, value, floor, detail if floor is not None else "") for name, value, floor in found]
