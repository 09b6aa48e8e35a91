"""Throughput of `analyze --engine ray` with 1 and 2 extract workers, the local engine as baseline.

Each run is what `newsprism analyze` does (engine start, ingest, extract with model loading,
compare, saving to a fresh store; report writing left out) in its own process on the same first
N news-8k articles: articles/s over the whole run, and over the extract stage alone (from its
first progress call, before any model loads, to its last); the seconds of starting the engine
(Ray), ingest, extract and compare (from the end of extract to the compare bar's last step:
stories assigned and, with ray, every part compared) beside them; the rest is saving (and, with
ray, the driver putting the parts together and profiling the outlets). The figure we track
is scaling: the throughput a second worker adds, as a share of one worker's (goal >= 0.8x per
added worker). A local Ray gets as many CPUs as extract workers; on a machine with fewer free
cores than workers the ratio says so, not the engine.

    .venv/bin/python benchmarks/bench_ray.py --n 600 [--workers 1 2]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newsprism.ingest.limits import DEFAULT_LIMITS
from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import write_sample  # noqa: E402

GOAL = 0.8  # each added worker adds at least this share of one worker's throughput


def phase(engine: str, workers: int | None, sample: Path, out: Path) -> dict[str, float]:
    """What `newsprism analyze` does (engine start, ingest, extract, compare, saving; outputs not
    written), timed, with the time from the extract stage's first progress call to its last."""
    from newsprism.engines import open_engine
    from newsprism.pipeline import Options
    from newsprism.store import Store
    from newsprism.workflow import analyze_into_store

    marks: dict[str, list[float]] = {}

    def progress(stage: str, advance: int, total: int | None) -> None:
        marks.setdefault(stage, []).append(time.perf_counter())

    t0 = time.perf_counter()
    with Store(out / "store.duckdb") as store, open_engine(engine, workers=workers) as runner:
        t_started = time.perf_counter()
        ingested = runner.ingest([sample], DEFAULT_LIMITS, progress)
        t_ingested = time.perf_counter()
        # as `newsprism analyze` calls it: the engine runs extract and compare, the local one
        # parses in as many processes as this machine has cores
        options = Options(processes=os.cpu_count() or 1)
        analysis = analyze_into_store(ingested.documents, store, options, progress=progress, engine=runner)
    seconds = time.perf_counter() - t0
    return {"docs": len(analysis.documents), "seconds": seconds, "start": t_started - t0,
            "ingest": t_ingested - t_started, "extract": marks["extract"][-1] - marks["extract"][0],
            "compare": marks["compare"][-1] - marks["extract"][-1]}


def run(sample: Path, out: Path, engine: str, workers: int | None) -> dict[str, float]:
    """One phase in its own process (a fresh interpreter: model loading included every time)."""
    out.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, __file__, "--phase", engine, "--input", str(sample), "--out", str(out)]
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    done = subprocess.run(cmd + (["--workers", str(workers)] if workers else []), env=env,
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{engine} x{workers} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=200, help="articles from news-8k (default 200)")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="extract workers to run (default 1 2)")
    ap.add_argument("--phase", choices=["local", "ray"], help=argparse.SUPPRESS)
    ap.add_argument("--input", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.phase:
        print(json.dumps(phase(args.phase, args.workers[0] if args.phase == "ray" else None, args.input, args.out)))
        return
    console = Console(width=max(120, Console().width))
    rows: list[tuple[str, dict[str, float]]] = []
    with tempfile.TemporaryDirectory() as tmp:
        sample = write_sample(args.n, Path(tmp) / "sample.jsonl")
        runs = [("local", "local", None)] + [(f"ray x{w}", "ray", w) for w in args.workers]
        for name, engine, workers in runs:
            console.print(f"running {name} ...")
            rows.append((name, run(sample, Path(tmp) / name.replace(" ", "-"), engine, workers)))
    table = Table(title=f"analyze, {args.n} news-8k articles ({os.cpu_count()} CPUs on this machine)")
    for col in ("engine", "documents", "seconds", "articles/s", "start s", "ingest s", "extract s",
                "extract articles/s", "compare s"):
        table.add_column(col, justify="left" if col == "engine" else "right")
    for name, r in rows:
        table.add_row(name, str(int(r["docs"])), f"{r['seconds']:.1f}", f"{r['docs'] / r['seconds']:.2f}",
                      f"{r['start']:.1f}", f"{r['ingest']:.1f}", f"{r['extract']:.1f}",
                      f"{r['docs'] / r['extract']:.2f}", f"{r['compare']:.1f}")
    console.print(table)
    ray_rows = [(w, r) for w, (_, r) in zip(args.workers, rows[1:], strict=True)]
    if len(ray_rows) >= 2:
        (w1, one), *more = ray_rows
        for label, key in (("whole run", "seconds"), ("extract stage", "extract")):
            base = one["docs"] / one[key]
            for w, r in more:
                added = (r["docs"] / r[key] - base) / (w - w1) / base
                verdict = "meets" if added >= GOAL else "below"
                console.print(f"{label}: each worker beyond {w1} adds {added:.2f}x of one worker's throughput "
                              f"({w} workers vs {w1}; goal >= {GOAL}x: {verdict})")
    local = rows[0][1]
    for name, r in rows[1:]:
        console.print(f"{name} vs local: {local['seconds'] / r['seconds']:.2f}x the local engine's throughput")


if __name__ == "__main__":
    main()
