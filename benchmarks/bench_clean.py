"""Cost of ingest (cleaning, metadata, the publication-date inference) per 6,000 characters of text,
on the demo corpus and on the first N news-8k texts, in CPU seconds (other processes on the
machine do not count). A speed figure, not a test (it was a timed unit test once): run on demand,
compare with a run of the previous commit on the same machine.

    .venv/bin/python benchmarks/bench_clean.py [--n 300] [--repeat 5]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

from newsprism.ingest import build_document
from newsprism.model import RawSource

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import NEWS_8K  # noqa: E402

DEMO = Path(__file__).resolve().parents[1] / "examples" / "riyadh-2025-02-18"


def per_6000(raws: list[RawSource], repeat: int) -> float:
    for raw in raws:
        build_document(raw)  # warm regex caches
    chars = sum(len(r.text) for r in raws)
    start = time.process_time()
    for _ in range(repeat):
        for raw in raws:
            build_document(raw)
    return (time.process_time() - start) / repeat / chars * 6000


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    demo = [RawSource(str(p), "txt", p.read_text("utf-8")) for p in sorted(DEMO.glob("*.txt"))]
    news = []
    with gzip.open(NEWS_8K, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= args.n:
                break
            news.append(RawSource(f"news-{i}.txt", "txt", json.loads(line)["text"]))
    print(f"demo ({len(demo)} texts): {per_6000(demo, args.repeat) * 1000:.2f} ms CPU per 6,000 characters")
    print(f"news-8k ({len(news)} texts): {per_6000(news, max(1, args.repeat // 5)) * 1000:.2f} ms CPU per 6,000 characters")
    return 0


if __name__ == "__main__":
    sys.exit(main())
