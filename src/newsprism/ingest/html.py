"""HTML pages to RawSource: trafilatura 2.3.1 extracts the article text and the page metadata.

The extracted plain text (paragraphs one per line) becomes the offsets' reference text; the raw
HTML is kept on the RawSource. Comments sections are left out of the extraction.
"""

from __future__ import annotations

import re
import warnings
from typing import Any

from newsprism.model import RawSource, Rejected

_META_KEYS = ("title", "author", "date", "sitename", "url", "categories", "tags", "description")


def decode_html(data: bytes, declared: str | None = None) -> str:
    """Bytes of an HTML page as text: the declared charset, a <meta charset>, UTF-8, then cp1252."""
    tried: list[str] = []
    if declared:
        tried.append(declared)
    m = re.search(rb"""<meta[^>]+charset=["']?([\w-]+)""", data[:4096], re.I)
    if m:
        tried.append(m.group(1).decode("ascii", "ignore"))
    for enc in [*tried, "utf-8"]:
        try:
            return data.decode(enc)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("cp1252", errors="replace")


# trafilatura's metadata names -> RawSource.meta keys
_RENAME = {"author": "authors", "date": "published", "sitename": "outlet"}


def split_authors(value: object) -> list[str]:
    """Author names from a list or a string such as "Jane Doe; John Smith" or "A and B"."""
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        if not isinstance(item, str):
            continue
        for part in re.split(r"\s*(?:;|,|\band\b|&|\|)\s*", item):
            part = part.strip()
            if part and part not in names:
                names.append(part)
    return names


def _meta(doc: Any) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    via: dict[str, str] = {}
    for key in _META_KEYS:
        value = getattr(doc, key, None)
        if isinstance(value, list):
            value = [v for v in value if isinstance(v, str) and v.strip()]
        if not value:
            continue
        name = _RENAME.get(key, key)
        meta[name] = split_authors(value) if name == "authors" else value
        via[name] = f"html metadata {key} (trafilatura)"
    meta["via"] = via
    return meta


def extract_html(html: str, url: str | None = None) -> tuple[str, dict[str, Any]] | None:
    """(plain text, metadata) of an article page, or None when no article text is found."""
    import trafilatura  # imported on use: keeps `import newsprism.ingest` cheap

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True,
        )
    if doc is None:
        return None
    text = getattr(doc, "text", None) or ""
    if not text.strip():
        return None
    return text, _meta(doc)


def html_source(
    source: str, html: str, fmt: str = "html", url: str | None = None,
    extra: dict[str, Any] | None = None,
) -> RawSource | Rejected:
    """A RawSource from one HTML page; ``extra`` metadata (JSONL fields, WARC headers) wins."""
    found = extract_html(html, url)
    if found is None:
        return Rejected(source, "no article text found in the HTML")
    text, meta = found
    extra = dict(extra or {})
    via = {**meta.pop("via"), **extra.pop("via", {})}
    if url:
        meta["url"] = url
    meta.update(extra)
    meta["via"] = via
    return RawSource(source=source, fmt=fmt, text=text, meta=meta, html=html)
