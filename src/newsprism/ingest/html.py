"""HTML pages to RawSource: trafilatura 2.3.1 extracts the article text and the page metadata.

The extracted plain text (paragraphs one per line) becomes the offsets' reference text; the raw
HTML is kept on the RawSource. Comments sections are left out of the extraction.
"""

from __future__ import annotations

import codecs
import re
import warnings
from typing import Any

from newsprism.ingest.limits import DEFAULT_LIMITS, Limits
from newsprism.model import RawSource, Rejected

_META_KEYS = ("title", "author", "date", "sitename", "url", "categories", "tags", "description")


_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def bom_encoding(data: bytes) -> str | None:
    """The encoding whose byte-order mark starts ``data`` ('utf-8-sig', 'utf-32', 'utf-16'), if any
    (UTF-32 is tried first: its little-endian mark starts with UTF-16's)."""
    return next((enc for bom, enc in _BOMS if data.startswith(bom)), None)


def _text_codec(name: str) -> str | None:
    """The codec's name when ``name`` is a real text encoding (not 'undefined', 'rot13', 'base64')."""
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError):
        return None
    if info.name == "undefined" or not getattr(info, "_is_text_encoding", True):
        return None
    return info.name


def decode_html(data: bytes, declared: str | None = None) -> str:
    """Bytes of an HTML page as text: a byte-order mark, the declared charset, a <meta charset>,
    UTF-8, then cp1252. Charset names that are not text encodings are ignored."""
    found = bom_encoding(data)
    tried: list[str] = [found] if found else []
    if declared:
        tried.append(declared)
    m = re.search(rb"""<meta[^>]+charset=["']?([\w-]+)""", data[:4096], re.I)
    if m:
        tried.append(m.group(1).decode("ascii", "ignore"))
    for name in [*tried, "utf-8"]:
        enc = _text_codec(name)
        if enc is None:
            continue
        try:
            return data.decode(enc)
        except (UnicodeError, ValueError):
            continue
    return data.decode("cp1252", errors="replace")


def markup_count(html: str) -> int:
    """Tags plus attributes, counted cheaply (every '<' and every '=')."""
    return html.count("<") + html.count("=")


_LONG_TAG = re.compile(r"<[A-Za-z][^<>]{2000,}>?")  # a start tag: '<' then its name's first letter
_VALUE = re.compile(r"\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'>]*)")
_RAW_OPEN = re.compile(r"<(script|style)\b|<!--")


def _without_raw_text(html: str) -> str:
    """The page without the content of <script> and <style> elements and comments, which an HTML
    parser reads as text, never as tags (a script's ``a<b`` or a CDATA block is no tag). Linear:
    each element's end is found with one ``str.find``; an unclosed one runs to the end."""
    low = html.lower()
    parts: list[str] = []
    pos = 0
    while m := _RAW_OPEN.search(low, pos):
        parts.append(html[pos:m.start()])
        close = "-->" if m.group() == "<!--" else f"</{m.group(1)}"
        end = low.find(close, m.end())
        if end < 0:
            return "".join(parts)
        pos = end + len(close)
    parts.append(html[pos:])
    return "".join(parts)


def _most(html: str) -> int:
    return max((len(_VALUE.sub("=", m.group()).split()) - 1 for m in _LONG_TAG.finditer(html)), default=0)


def most_attributes(html: str) -> int:
    """The most attributes in one start tag (its words after the name once values are dropped, so
    valueless attributes count too and the words of a long ``content="..."`` or an SVG path's
    ``d="..."`` do not); only tags of 2,000 characters or more are looked at, and when there is
    one, the text of scripts, styles and comments is left out first."""
    found = _most(html)
    return _most(_without_raw_text(html)) if found else 0


# trafilatura's metadata names -> RawSource.meta keys
_RENAME = {"author": "authors", "date": "published", "sitename": "outlet"}


_AUTHOR_SEP = re.compile(r"\s*(?:;|,|\band\b|&|\|)\s*")


def split_authors(value: object) -> list[str]:
    """Author names from a list or a string such as "Jane Doe; John Smith" or "A and B"."""
    items = value if isinstance(value, list) else [value]
    names: dict[str, None] = {}  # ordered and linear: a list's `in` made long author lists quadratic
    for item in items:
        if not isinstance(item, str):
            continue
        for part in _AUTHOR_SEP.split(item):
            part = part.strip()
            if part:
                names.setdefault(part)
    return list(names)


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
    extra: dict[str, Any] | None = None, limits: Limits = DEFAULT_LIMITS,
) -> RawSource | Rejected:
    """A RawSource from one HTML page; ``extra`` metadata (JSONL fields, WARC headers) wins."""
    markup = markup_count(html)
    if markup > limits.max_markup:
        return Rejected(source, f"HTML with {markup:,} tags and attributes is over the limit of "
                                f"{limits.max_markup:,} (--max-markup)")
    attributes = most_attributes(html)
    if attributes > limits.max_attributes:
        return Rejected(source, f"an HTML tag with {attributes:,} attributes is over the limit of "
                                f"{limits.max_attributes:,} (--max-attributes)")
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
