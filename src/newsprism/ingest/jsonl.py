"""JSON Lines input: one article per line with ``text`` or ``html`` and optional metadata.

Fields: ``text`` | ``html`` (one is required), ``url``, ``title``, ``outlet``, ``authors`` (a
string or a list), ``published``. Each line is its own source, named ``path:line`` (1-based); a
malformed line becomes a Rejected naming that line and the rest of the file is still read.

Lines end at ``\n`` only (``\r\n`` too): U+2028, U+2029 and U+0085 are valid inside JSON strings.
A byte-order mark before the first line is skipped. Lines nested too deeply, numbers too long for
Python, and strings holding a lone surrogate (``"\ud800"``, which is not Unicode text) are
rejected with that reason.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from newsprism.ingest.dates import parse_date
from newsprism.ingest.html import html_source, split_authors
from newsprism.ingest.limits import DEFAULT_LIMITS, Limits
from newsprism.model import RawSource, Rejected

_FIELDS = ("url", "title", "outlet", "genre")
_READ = ("text", "html", *_FIELDS, "authors", "author", "published", "date")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _lone_surrogate(record: dict[str, Any]) -> str | None:
    """Why a field this reader uses is not valid Unicode text, if one is not."""
    for key in _READ:
        value = record.get(key)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str):
                m = _SURROGATE.search(item)
                if m:
                    return f"field '{key}' holds a lone surrogate U+{ord(m.group()):04X} (not valid Unicode)"
    return None


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


def _line(source: str, line: str, limits: Limits) -> RawSource | Rejected:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        return Rejected(source, f"malformed JSON line: {err.msg} at column {err.colno}")
    except RecursionError:
        return Rejected(source, "malformed JSON line: nested too deeply")
    except ValueError as err:  # e.g. an integer of more than 4,300 digits
        return Rejected(source, f"malformed JSON line: {str(err).splitlines()[0][:120]}")
    if not isinstance(record, dict):
        return Rejected(source, f"JSON line is a {type(record).__name__}, not an object")
    invalid = _lone_surrogate(record)
    if invalid:
        return Rejected(source, invalid)
    meta = _meta(record)
    text, html = record.get("text"), record.get("html")
    if isinstance(text, str) and text.strip():
        return RawSource(source=source, fmt="jsonl", text=text, meta=meta,
                         html=html if isinstance(html, str) else None)
    if isinstance(html, str) and html.strip():
        return html_source(source, html, fmt="jsonl", url=meta.get("url"), extra=meta, limits=limits)
    return Rejected(source, "JSON line has no non-empty 'text' or 'html' field")


def read_jsonl(path: str, data: str, limits: Limits = DEFAULT_LIMITS) -> Iterator[RawSource | Rejected]:
    """Every article line of one decoded JSONL file; blank lines are skipped."""
    for number, line in enumerate(data.removeprefix("\ufeff").split("\n"), start=1):
        if line.strip():
            yield _line(f"{path}:{number}", line.removesuffix("\r"), limits)
