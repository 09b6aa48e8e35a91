"""Hostile inputs at volume: crashes, hangs, peak memory and silent drops over 10,000 generated inputs.

Every input is one file: the fixed kinds of tests/hostile_inputs.py (surrogates, deep JSON, huge
integers, cut and bombed WARCs, FIFOs, device links, link loops, a tag with 100,000 attributes,
a 300,000-cell table, punctuation runs, ...) plus randomly damaged .txt/.html/.jsonl/.warc.gz
files (bytes flipped, inserted, deleted, cut). Each goes through the readers, ``build_document``
and spaCy's tokenizer on the cleaned text, under a watchdog. Goal: every count zero.

    .venv/bin/python benchmarks/bench_hostile.py --n 10000 [--hang 10]
"""

from __future__ import annotations

import argparse
import random
import resource
import signal
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.progress import track
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from hostile_inputs import mutated, write_hostile  # noqa: E402


class Hang(BaseException):  # not an Exception: the readers must not turn it into a reject
    pass


def _alarm(signum: int, frame: object) -> None:
    raise Hang


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="inputs in all (fixed kinds + damaged files)")
    parser.add_argument("--hang", type=float, default=10.0, help="seconds after which an input counts as a hang")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    from newsprism.extract.nlp import load_nlp
    from newsprism.ingest import Limits
    from newsprism.ingest.readers import read_sources
    from newsprism.model import RawSource
    from newsprism.pipeline import build_documents

    limits = Limits()
    tokenizer = load_nlp().tokenizer
    rng = random.Random(args.seed)
    console = Console()
    with tempfile.TemporaryDirectory(prefix="hostile-") as tmp:
        folder = Path(tmp)
        fixed = write_hostile(folder / "fixed", rng)
        paths = [folder / "fixed" / name for name in fixed if "/" not in name]
        damaged = folder / "damaged"
        damaged.mkdir()
        for i in range(max(0, args.n - len(paths))):
            kind, data = mutated(rng)
            path = damaged / f"{i:05d}.{kind}"
            path.write_bytes(data)
            paths.append(path)
        crashes: list[str] = []
        hangs: list[str] = []
        drops: list[str] = []
        slowest = (0.0, "")
        counts = {"articles": 0, "rejects": 0, "documents": 0}
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        signal.signal(signal.SIGALRM, _alarm)
        for path in track(paths, description="hostile inputs", console=console):
            start = time.perf_counter()
            signal.setitimer(signal.ITIMER_REAL, args.hang)
            try:
                items = list(read_sources([path], limits))
                ingested = build_documents(items, limits)
                for doc in ingested.documents:
                    tokenizer(doc.clean_text())
                if not items:
                    drops.append(path.name)
                counts["articles"] += sum(isinstance(i, RawSource) for i in items)
                counts["rejects"] += len(ingested.rejected)
                counts["documents"] += len(ingested.documents)
            except Hang:
                hangs.append(path.name)
            except BaseException as err:  # noqa: BLE001 - counting crashes is the point
                crashes.append(f"{path.name}: {type(err).__name__}: {err}"[:200])
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            took = time.perf_counter() - start
            if took > slowest[0]:
                slowest = (took, path.name)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    table = Table(title=f"{len(paths):,} hostile inputs (goal: crashes, hangs and silent drops all 0)")
    for column in ("figure", "value"):
        table.add_column(column)
    table.add_row("crashes", str(len(crashes)))
    table.add_row(f"hangs (> {args.hang:g} s)", str(len(hangs)))
    table.add_row("silent drops (no article, no reject line)", str(len(drops)))
    table.add_row("articles read / documents built / reject lines", f"{counts['articles']:,} / "
                  f"{counts['documents']:,} / {counts['rejects']:,}")
    table.add_row("slowest input", f"{slowest[0]:.2f} s ({slowest[1]})")
    table.add_row("peak RSS (model loaded before the first input)", f"{peak / 1024:,.0f} MiB "
                  f"(+{(peak - rss_before) / 1024:,.0f} MiB over the run)")
    console.print(table)
    for line in (crashes + hangs + drops)[:20]:
        console.print(f"  {line}", markup=False)
    return 1 if crashes or hangs or drops else 0


if __name__ == "__main__":
    sys.exit(main())
