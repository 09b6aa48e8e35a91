"""Shared benchmark input from ../shared/data/news-8k.jsonl.gz: the first N articles as a .jsonl
file (``write_sample``), or chosen articles by id (``read_records``)."""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterable
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


def read_records(ids: Iterable[str], data: Path = NEWS_8K) -> dict[str, dict[str, object]]:
    """The news-8k records with these ids, by id; ``LookupError`` naming the file and the first
    missing ids when some are not there."""
    wanted = set(ids)
    rows: dict[str, dict[str, object]] = {}
    with gzip.open(data, "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["id"] in wanted:
                rows[row["id"]] = row
    missing = wanted - rows.keys()
    if missing:
        raise LookupError(f"{data}: records {', '.join(sorted(missing)[:5])} not found")
    return rows
