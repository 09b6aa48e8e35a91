"""Speed of the sentence-pair judge (newsprism.compare.claims.judge) on news-length sentence pairs.

Pairs are consecutive sentences (8 to 40 words) of the first articles of the news-8k sample, so
their lengths are those of news text. Each thread count runs ``--repeat`` times in this process
after one warm-up call; prints the fastest run's pairs per second (the run least disturbed by other
work on the machine) and the mean WordPieces per pair.

    PYTHONPATH=src .venv/bin/python benchmarks/bench_judge.py [--pairs 512] [--threads 1 2] [--repeat 3]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

import torch

from newsprism.compare.claims.judge import SupportJudge
from newsprism.lang.sentences import split

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import NEWS_8K as DATA  # noqa: E402  (``$NEWSPRISM_NEWS8K`` or ../shared/data)


def news_pairs(n: int) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    with gzip.open(DATA, "rt", encoding="utf-8") as src:
        for line in src:
            text = json.loads(line)["text"]
            sents = [" ".join(text[s:e].split()) for s, e in split(text)]
            sents = [s for s in sents if 8 <= len(s.split()) <= 40]
            pairs += list(zip(sents, sents[1:]))
            if len(pairs) >= n:
                return pairs[:n]
    return pairs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pairs", type=int, default=512)
    ap.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    pairs = news_pairs(args.pairs)
    judge = SupportJudge()
    judge.probabilities(pairs[:32])
    tok = judge._tokenizer
    pieces = sum(len(tok(a, b, truncation="longest_first", max_length=96)["input_ids"]) for a, b in pairs) / len(pairs)
    print(f"{len(pairs)} news sentence pairs, {pieces:.1f} WordPieces per pair on average")
    for threads in args.threads:
        torch.set_num_threads(threads)
        best = min(_timed(judge, pairs) for _ in range(args.repeat))
        print(f"threads {threads}: {len(pairs) / best:.0f} pairs/s (fastest of {args.repeat}: {best:.2f} s)")


def _timed(judge: SupportJudge, pairs: list[tuple[str, str]]) -> float:
    t = time.perf_counter()
    judge.probabilities(pairs)
    return time.perf_counter() - t


if __name__ == "__main__":
    main()
