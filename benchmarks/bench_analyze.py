"""Cost of the whole `newsprism analyze` against a bare spaCy parse of the same texts (issue 14 §3).

Two separate processes, each timed from its start (interpreter, imports and model load included):

  (a) spaCy   : read the texts, load the model, ``nlp.pipe(texts, n_process=cores)``: the floor.
  (b) analyze : the CLI ``newsprism analyze SAMPLE --out DIR --db DB`` (ingest, extract, compare,
                saving to DuckDB, analysis.json + report), in-process through the CLI's own entry
                point, with its progress callback wrapped to timestamp each stage.

Reading the output: "ratio (b)/(a)" is the figure to track (goal <= 1.50x). The phases of (b) are
the intervals between progress events: "start+ingest" runs from process start to the first
extract event (imports, store open, reading and cleaning); "extract" includes the model load and
the parse; "compare" runs from the last extract event to the last compare event (merging actors,
sentence splitting, encoder load, story finding and comparison); "saving" is the DuckDB write
(with the outlet profiles); "writing" is analysis.json and the HTML report; "exit" is the rest.
Peak RSS is per process: the main one, and the largest of its parse workers (a forked worker
shares the model's pages with its parent, so the two are not simply added; goal < 2 GB per
1,000 articles). On a shared machine the figures
move with the other load: run it where nothing else runs for figures to quote.

    .venv/bin/python benchmarks/bench_analyze.py --n 300
    .venv/bin/python benchmarks/bench_analyze.py --n 1000 --profile /tmp/analyze.prof   # cProfile of (b)
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import write_sample  # noqa: E402

PHASES = ("start+ingest", "extract", "compare", "saving", "writing", "exit")


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class _RssSampler:
    """The main process's resident size every 50 ms (Linux /proc), so the peak can be put in its
    phase: the progress events alone miss a peak between two of them."""

    def __init__(self, t0: float) -> None:
        import threading

        self.t0, self.samples = t0, []  # (seconds since t0, MB)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._page_mb = os.sysconf("SC_PAGE_SIZE") / 2**20

    def _run(self) -> None:
        with open("/proc/self/statm", encoding="ascii") as fh:
            while not self._stop.wait(0.05):
                fh.seek(0)
                pages = int(fh.read().split()[1])
                self.samples.append((time.perf_counter() - self.t0, pages * self._page_mb))

    def __enter__(self) -> _RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def peaks(self, names: tuple[str, ...], starts: list[float], ends: list[float]) -> dict[str, float]:
        return {name: max((mb for t, mb in self.samples if a <= t < b), default=0.0)
                for name, a, b in zip(names, starts, ends)}


def run_spacy(path: Path, t0: float) -> dict[str, object]:
    from newsprism.extract.nlp import DEFAULT_MODEL, load_nlp

    texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8")]
    nlp = load_nlp(DEFAULT_MODEL)
    t_load = time.perf_counter() - t0
    cores = os.cpu_count() or 1
    n = sum(1 for _ in nlp.pipe(texts, batch_size=32, n_process=cores))
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"docs": n, "seconds": time.perf_counter() - t0, "load_seconds": t_load, "cores": cores,
            "peak_mb": _peak_mb(), "child_peak_mb": children}


def run_cli(path: Path, out: Path, t0: float, profile: Path | None) -> dict[str, object]:
    from newsprism import cli

    marks: dict[str, list[float]] = {}
    base_call = cli._Bars.__call__

    def timed(self: object, stage: str, advance: int, total: int | None) -> None:
        now = time.perf_counter() - t0
        marks.setdefault(stage, [now, now])[1] = now
        base_call(self, stage, advance, total)  # type: ignore[arg-type]

    cli._Bars.__call__ = timed  # type: ignore[method-assign]
    argv = ["analyze", str(path), "--out", str(out / "out"), "--db", str(out / "store.duckdb")]
    prof = None
    if profile is not None:
        import cProfile

        prof = cProfile.Profile()
        prof.enable()
    try:
        with _RssSampler(t0) as sampler:
            cli.app(argv, standalone_mode=False)
    finally:
        if prof is not None:
            prof.disable()
            prof.dump_stats(str(profile))
    end = time.perf_counter() - t0
    ends = [marks["extract"][0], marks["extract"][1], marks["compare"][1], marks["saving"][1], marks["writing"][1]]
    starts = [0.0] + ends
    phases = {name: b - a for name, a, b in zip(PHASES, starts, ends + [end])}
    phase_peaks = sampler.peaks(PHASES, starts, ends + [end])
    docs = len(json.loads((out / "out" / "analysis.json").read_text("utf-8"))["documents"])
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"docs": docs, "seconds": end, "phases": phases, "phase_peak_mb": phase_peaks,
            "peak_mb": _peak_mb(), "child_peak_mb": children}


def _child(args: argparse.Namespace, tmp: Path, sample: Path) -> dict[str, object]:
    cmd = [sys.executable, __file__, "--phase", args.phase_name, "--input", str(sample), "--tmp", str(tmp)]
    if args.profile:
        cmd += ["--profile", str(args.profile)]
    proc = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    t0 = time.perf_counter()
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=300, help="articles from news-8k (default 300)")
    ap.add_argument("--profile", type=Path, help="write a cProfile of (b) to this file")
    ap.add_argument("--phase", choices=["spacy", "analyze"], help=argparse.SUPPRESS)
    ap.add_argument("--input", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--tmp", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.phase == "spacy":
        print(json.dumps(run_spacy(args.input, t0)))
        return
    if args.phase == "analyze":
        print(json.dumps(run_cli(args.input, args.tmp, t0, args.profile)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        sample = write_sample(args.n, Path(tmp) / "sample.jsonl")
        results = {}
        for name in ("spacy", "analyze"):
            args.phase_name = name
            results[name] = _child(args, Path(tmp), sample)
    sp, an = results["spacy"], results["analyze"]
    print(f"articles: {args.n} from news-8k ({an['docs']} documents analysed); os.cpu_count() = {sp['cores']}")
    print(f"(a) bare spaCy parse, n_process={sp['cores']}: {sp['seconds']:7.1f} s "
          f"(of which start + model load {sp['load_seconds']:.1f} s), peak RSS {sp['peak_mb']:.0f} MB "
          f"(+ {sp['child_peak_mb']:.0f} MB the largest worker)")
    print(f"(b) newsprism analyze (whole CLI) : {an['seconds']:7.1f} s, peak RSS {an['peak_mb']:.0f} MB "
          f"(+ {an.get('child_peak_mb', 0):.0f} MB the largest parse worker)")
    for name in PHASES:
        sec = an["phases"][name]
        print(f"      {name:<13} {sec:7.1f} s  {100 * sec / an['seconds']:5.1f} %   "
              f"peak RSS {an['phase_peak_mb'][name]:6.0f} MB")
    ratio = an["seconds"] / sp["seconds"]
    print(f"ratio (b)/(a): {ratio:.2f}x (goal <= 1.50x)")
    print(f"peak RSS (b): {an['peak_mb']:.0f} MB main process, {an.get('child_peak_mb', 0):.0f} MB the largest "
          f"parse worker, for {args.n} articles (goal < 2048 MB per 1,000 articles)")


if __name__ == "__main__":
    main()
