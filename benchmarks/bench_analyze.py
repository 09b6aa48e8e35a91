"""Throughput and memory of `analyze` (ingest + extract) against a bare spaCy parse.

Each phase runs in its own process (model load excluded from the timing) so peak memory is
per phase. Prints articles/s for both, their ratio (the figure we track; goal <= 1.5x), and
peak RSS (goal < 2 GB for 1,000 articles). Compare-stage scaling is in bench_compare.py.

    .venv/bin/python benchmarks/bench_analyze.py --n 1000
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import write_sample  # noqa: E402


def phase(name: str, path: Path) -> dict[str, float]:
    from newsprism.extract import extract
    from newsprism.extract.nlp import load_nlp
    from newsprism.pipeline import ingest

    nlp = load_nlp()
    t0 = time.perf_counter()
    docs = ingest([path]).documents
    t_ingest = time.perf_counter() - t0
    if name == "spacy":
        texts = [d.text for d in docs]
        t0 = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=32):
            pass
        seconds = time.perf_counter() - t0
    else:
        t0 = time.perf_counter()
        extract(docs, nlp)
        seconds = time.perf_counter() - t0 + t_ingest
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"docs": len(docs), "seconds": seconds, "peak_mb": peak_mb, "ingest_seconds": t_ingest}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=300, help="articles from news-8k (default 300)")
    ap.add_argument("--phase", choices=["spacy", "analyze"], help=argparse.SUPPRESS)
    ap.add_argument("--input", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.phase:
        print(json.dumps(phase(args.phase, args.input)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        sample = write_sample(args.n, Path(tmp) / "sample.jsonl")
        results = {}
        for name in ("spacy", "analyze"):
            proc = subprocess.run(
                [sys.executable, __file__, "--phase", name, "--input", str(sample)],
                check=True, capture_output=True, text=True,
            )
            results[name] = json.loads(proc.stdout.strip().splitlines()[-1])
    sp, an = results["spacy"], results["analyze"]
    print(f"articles: {an['docs']} from news-8k")
    print(f"bare spaCy parse : {sp['docs'] / sp['seconds']:7.2f} articles/s  ({sp['seconds']:.1f} s, peak {sp['peak_mb']:.0f} MB)")
    print(f"analyze (ingest+extract): {an['docs'] / an['seconds']:7.2f} articles/s  ({an['seconds']:.1f} s, of which ingest {an['ingest_seconds']:.1f} s, peak {an['peak_mb']:.0f} MB)")
    ratio = an["seconds"] / sp["seconds"]
    print(f"time ratio analyze / spaCy: {ratio:.2f}x (goal <= 1.50x)")
    print(f"peak memory analyze: {an['peak_mb']:.0f} MB (goal < 2048 MB for 1,000 articles)")


if __name__ == "__main__":
    main()
