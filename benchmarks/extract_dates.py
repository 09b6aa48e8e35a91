"""The "dates" rows of the accuracy harness (bench_extract.py): date resolution and publication-date
inference on the hand-labelled news-8k sample of bench_dates.py (benchmarks/data/dates_labels.json,
how it was labelled: bench_dates.py's docstring). Needs the news-8k file only."""

from __future__ import annotations

from argparse import Namespace

from _data import NEWS_8K
from _registry import NotMeasured, Row, row


@row("dates")
def date_rows(args: Namespace) -> list[Row]:
    if not NEWS_8K.is_file():
        raise NotMeasured(f"the news-8k sample is not at {NEWS_8K} (set NEWSPRISM_NEWS8K)")
    from rich.progress import Progress

    from bench_dates import measure

    with Progress(transient=True) as progress:
        figures, _ = measure(progress)
    return [Row(f"dates: {name}", value, floor, f"n = {n}") for name, n, value, floor in figures]
