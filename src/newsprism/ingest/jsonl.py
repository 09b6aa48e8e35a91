"""JSON Lines input: one article per line with ``text`` or ``html`` and optional metadata.

Fields: ``text`` | ``html`` (one is required), ``url``, ``title``, ``outlet``, ``authors`` (a
string or a list), ``published``. Each line is its own source, named ``path:line`` (1-based); a
malformed line becomes a Rejected naming that line and the rest of the file is still read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from newsprism.ingest.dates import parse_date
from newsprism.ingest.html import html_source, split_authors
from newsprism.model import RawSource, Rejected

_FIELDS = ("url", "title", "outlet", "genre")


def _meta(record: dict[str, Any]) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    via: dict[str, str] = {}
    for key in _FIELDS:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            meta[key] = value.strip()
            via[key] = f"jsonl field '{key}'"
    authors = split_authors(record.get("authors") or record.get("author") or [])
    if authors:
        meta["authors"] = authors
        via["authors"] = "jsonl field 'authors'"
    raw_date = record.get("published") or record.get("date")
    if raw_date:
        published = parse_date(raw_date)
        if published:
            meta["published"] = published
            via["published"] = f"jsonl field 'published' {str(raw_date)!r}"
    meta["via"] = via
    return meta


def _line(source: str, line: str) -> RawSource | Rejected:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        return Rejected(source, f"malformed JSON line: {err.msg} at column {err.colno}")
    if not isinstance(record, dict):
        return Rejected(source, f"JSON line is a {type(record).__name__}, not an object")
    meta = _meta(record)
    text, html = record.get("text"), record.get("html")
    if isinstance(text, str) and text.strip():
        return RawSource(source=source, fmt="jsonl", text=text, meta=meta,
                         html=html if isinstance(html, str) else None)
    if isinstance(html, str) and html.strip():
        return html_source(source, html, fmt="jsonl", url=meta.get("url"), extra=meta)
    return Rejected(source, "JSON line has no non-empty 'text' or 'html' field")


def read_jsonl(path: str, data: str) -> Iterator[RawSource | Rejected]:
    """Every article line of one decoded JSONL file; blank lines are skipped."""
    for number, line in enumerate(data.splitlines(), start=1):
        if line.strip():
            yield _line(f"{path}:{number}", line)
