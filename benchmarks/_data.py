"""Shared benchmark input: the first N articles of ../shared/data/news-8k.jsonl.gz as a .jsonl file."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NEWS_8K = Path(os.environ.get("NEWSPRISM_NEWS8K", ROOT.parent / "shared" / "data" / "news-8k.jsonl.gz"))


def write_sample(n: int, dest: Path) -> Path:
    """Write the first ``n`` articles as our JSONL input format (text, title, outlet, url, authors, published)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(NEWS_8K, "rt", encoding="utf-8") as src, dest.open("w", encoding="utf-8") as out:
        for i, line in enumerate(src):
            if i >= n:
                break
            row = json.loads(line)
            out.write(json.dumps({
                "text": row["text"], "title": row.get("title"), "outlet": row.get("source"),
                "url": row.get("url"), "authors": row.get("authors"), "published": row.get("date"),
            }) + "\n")
    return dest
