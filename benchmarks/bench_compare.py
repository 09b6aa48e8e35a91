"""Benchmark of the compare stage on 1x, 2x, 4x articles of the news-8k sample.

Documents are built directly from the JSONL fields (a minimal ingest: the title is the first
line when the text repeats it, the body is the rest); the Extraction is empty, so no spaCy run
is needed. Each size runs ``--repeat`` times, each run in its own process (so no cache carries
over), in rounds that visit every size once (so a machine that slows down or speeds up during
the benchmark affects all sizes alike); prints the fastest run's seconds per size (the usual
timeit practice: the minimum is the run least disturbed by other work on the machine), the
ratio per doubling (goal <= 2.2x) and the peak resident memory of that process (including the
loaded documents).

    .venv/bin/python benchmarks/bench_compare.py [--base 1000] [--repeat 5] [--data PATH]
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from newsprism.compare import compare
from newsprism.lang.sentences import sentence_spans
from newsprism.compare.embeddings import load_encoder
from newsprism.model import Document, Extraction, Range, make_id, sha256_text

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import NEWS_8K as DATA  # noqa: E402  (``$NEWSPRISM_NEWS8K`` or ../shared/data)


def to_document(row: dict[str, object]) -> Document:
    text = str(row.get("text") or "")
    title = str(row.get("title") or "") or None
    start = 0
    if title and text.startswith(title):
        start = len(title)
    authors = row.get("authors") or ""
    date = str(row.get("date") or "")
    published = date if len(date) == 10 and date[4] == "-" else None
    return Document(
        id=make_id("doc", sha256_text(text)), source=str(row.get("url") or row.get("id")),
        sha256=sha256_text(text), text=text, outlet=str(row.get("source") or "") or None,
        title=title, authors=tuple(a.strip() for a in str(authors).split(",") if a.strip()),
        published=published, genre="news", body=Range(start, len(text)), removed=(),
        url=str(row.get("url") or "") or None, format="jsonl",
    )


def load(path: Path, limit: int) -> list[Document]:
    docs: list[Document] = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            docs.append(to_document(json.loads(line)))
            if len(docs) >= limit:
                break
    return docs


def build_background(path: Path) -> None:
    """Rewrite resources/compare_background_df.tsv from the JSONL sample (run after changing
    ``vectors.content_words``)."""
    from collections import Counter

    from newsprism.compare import vectors

    df: Counter[str] = Counter()
    n_docs = 0
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            n_docs += 1
            df.update(set(vectors.content_words(f"{row.get('title') or ''} {row.get('text') or ''}")))
    items = sorted(((t, c) for t, c in df.items() if c >= 3), key=lambda kv: (-kv[1], kv[0]))
    out = Path(vectors.__file__).resolve().parents[1] / "resources" / vectors.BACKGROUND
    header = [
        "# Background document frequencies for TF-IDF weighting in newsprism.compare.vectors.",
        f"# Built from {path.name} (a sample of U.S. news articles 2012-2020 from the",
        "# Article-Bias-Prediction corpus) with vectors.content_words over title + text; terms in",
        "# >= 3 documents. Rebuild: .venv/bin/python benchmarks/bench_compare.py --build-background",
        f"#N\t{n_docs}",
    ]
    out.write_text("\n".join(header + [f"{t}\t{c}" for t, c in items]) + "\n", encoding="utf-8")


def run_one(path: Path, size: int) -> None:
    """Time one size in this process and print one JSON line (peak RSS is per process)."""
    docs = load(path, size)
    encoder = load_encoder()  # loaded by the pipeline before the stage runs, so not timed
    t0 = time.perf_counter()
    result = compare(docs, Extraction(), sentences=sentence_spans(docs), encoder=encoder)
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux -> MiB
    print(json.dumps({
        "docs": len(docs), "seconds": seconds, "peak_mib": peak, "stories": len(result.stories),
        "multi": sum(1 for s in result.stories if len(s.documents) > 1),
        "claims": len(result.claims), "derivations": len(result.derivations)}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--base", type=int, default=1000)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--repeat", type=int, default=5, help="runs per size; the fastest counts")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--build-background", action="store_true",
                        help="rewrite the background document frequencies from --data")
    args = parser.parse_args()
    if args.build_background:
        build_background(args.data)
        return
    if args.one:
        run_one(args.data, args.one)
        return
    sizes = [args.base * factor for factor in (1, 2, 4)]
    runs: dict[int, list[dict[str, float]]] = {size: [] for size in sizes}
    for _ in range(max(1, args.repeat)):  # rounds over all sizes, so drift hits every size alike
        for size in sizes:
            out = subprocess.run([sys.executable, __file__, "--data", str(args.data), "--one", str(size)],
                                 check=True, capture_output=True, text=True).stdout
            runs[size].append(json.loads(out.strip().splitlines()[-1]))
    previous = None
    for size in sizes:
        r = min(runs[size], key=lambda x: x["seconds"])
        median = statistics.median(x["seconds"] for x in runs[size])
        ratio = f"{r['seconds'] / previous:.2f}x" if previous else "-"
        print(f"{r['docs']:6d} docs  {r['seconds']:7.2f} s (median {median:6.2f})  ratio {ratio:>6}  peak RSS "
              f"{r['peak_mib']:7.1f} MiB  stories {r['stories']} (multi-doc {r['multi']})  "
              f"claims {r['claims']}  derivations {r['derivations']}", flush=True)
        previous = r["seconds"]


if __name__ == "__main__":
    main()
