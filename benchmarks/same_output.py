"""Output-neutral check for refactors: analyse the demo and the first N news-8k articles and print digests.

    .venv/bin/python benchmarks/same_output.py --out /tmp/before   # on the old commit
    .venv/bin/python benchmarks/same_output.py --out /tmp/after    # on the new one
    diff /tmp/before/digests.txt /tmp/after/digests.txt
    .venv/bin/python benchmarks/same_output.py --out /tmp/ray --engine ray   # the ray engine: same digests

analysis.json holds no timestamps; the only part that depends on where the check runs is each document's
``source`` path, so the digest is taken with the checkout and output folders cut from the text (a worktree and
the main checkout give the same digest). Equal digests mean byte-identical output otherwise.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
from pathlib import Path

from _data import ROOT, write_sample

DEMO = ROOT / "examples" / "riyadh-2025-02-18"


def _analyze(inputs: list[Path], out: Path, engine: list[str]) -> str:
    exe = Path(sys.executable).with_name("newsprism")
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    subprocess.run([str(exe), "analyze", *map(str, inputs), "--out", str(out), "--db", str(out / "store.duckdb"),
                    *engine], check=False, env=env, stdout=subprocess.DEVNULL)
    return digest(out / "analysis.json", out.parent)


def digest(path: Path, out_root: Path) -> str:
    text = path.read_text("utf-8").replace(f"{ROOT}/", "").replace(f"{out_root.resolve()}/", "")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--n", type=int, default=1000, help="news-8k articles (0 to skip)")
    parser.add_argument("--engine", default="local", help="engine that analyses (local or ray)")
    parser.add_argument("--workers", type=int, help="with --engine ray: its workers")
    args = parser.parse_args()
    engine = ["--engine", args.engine] + (["--workers", str(args.workers)] if args.workers else [])
    args.out = args.out.resolve()
    args.out.mkdir(parents=True, exist_ok=True)
    lines = [f"demo {_analyze([DEMO], args.out / 'demo', engine)}"]
    if args.n:
        sample = write_sample(args.n, args.out / f"news-{args.n}.jsonl")
        lines.append(f"news-{args.n} {_analyze([sample], args.out / f'news-{args.n}', engine)}")
    (args.out / "digests.txt").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
