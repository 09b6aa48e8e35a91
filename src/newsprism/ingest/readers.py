"""Reading input files: .txt, .html/.htm, .jsonl, .warc/.warc.gz.

``read_sources`` walks files and folders (``files.regular_files``: regular files only, sorted,
hidden names and everything unreadable named in a reject line) and yields one RawSource per
article or one Rejected (source, one-line reason) per input that cannot be read; a bad input
never stops the others, and what one input may cost is bounded by ``Limits``. A .txt file's
content is the reference text exactly (UTF-8, newlines and any BOM kept; UTF-16 and UTF-32 files
with a byte-order mark are decoded).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from newsprism.ingest.files import regular_files, source_name
from newsprism.ingest.html import bom_encoding, decode_html, html_source
from newsprism.ingest.jsonl import read_jsonl
from newsprism.ingest.limits import DEFAULT_LIMITS, Limits
from newsprism.ingest.warc import read_warc
from newsprism.model import RawSource, Rejected

Item = RawSource | Rejected
SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".warc", ".warc.gz")


def _kind(path: Path) -> str | None:
    name = path.name.lower()
    for suffix in sorted(SUFFIXES, key=len, reverse=True):
        if name.endswith(suffix):
            return suffix
    return None


def wide_encoding(data: bytes) -> str | None:
    """'utf-16' or 'utf-32' when the bytes start with that encoding's byte-order mark."""
    found = bom_encoding(data)
    return found if found in ("utf-16", "utf-32") else None


def binary_reason(data: bytes) -> str | None:
    """Why these bytes are not a text file (NUL bytes, many control characters), if they are not."""
    head = data[:8192]
    if b"\x00" in head:
        return "binary file (contains NUL bytes)"
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    if head and controls / len(head) > 0.05:
        return "binary file (many control characters)"
    return None


def decode_text(source: str, data: bytes) -> str | Rejected:
    """The text of a .txt or .jsonl file, or why it is not text."""
    if not data.strip():
        return Rejected(source, "empty file")
    wide = wide_encoding(data)
    if wide:
        try:
            text = data.decode(wide)
        except UnicodeDecodeError as err:
            return Rejected(source, f"not valid {wide.upper()} ({err.reason} at byte {err.start})")
        if "\x00" in text:
            return Rejected(source, "binary file (contains NUL characters)")
    else:
        reason = binary_reason(data)
        if reason:
            return Rejected(source, reason)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as err:
            return Rejected(source, f"not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start})")
    if not text.strip("\ufeff \t\r\n\xa0\u200b"):
        return Rejected(source, "empty file")
    return text


def _read_bytes(path: Path, source: str, limits: Limits) -> bytes | Rejected:
    size = path.stat().st_size
    if size > limits.max_bytes:
        return Rejected(source, f"file of {size:,} bytes is over the limit of {limits.max_bytes:,} (--max-bytes)")
    with path.open("rb") as stream:
        data = stream.read(limits.max_bytes + 1)
    if len(data) > limits.max_bytes:
        return Rejected(source, f"file is over the limit of {limits.max_bytes:,} bytes (--max-bytes)")
    return data


def _read_file(path: Path, limits: Limits, source: str) -> Iterator[Item]:
    kind = _kind(path)
    if kind is None:
        found = source_name(path.suffix) or "(no extension)"
        yield Rejected(source, f"unknown file type {found!r}; expected one of {', '.join(SUFFIXES)}")
        return
    try:
        if kind in (".warc", ".warc.gz"):  # streamed: limits apply per record
            with path.open("rb") as stream:
                yield from read_warc(source, stream, limits)
            return
        data = _read_bytes(path, source, limits)
    except OSError as err:
        yield Rejected(source, f"cannot read file: {err.strerror or err}")
        return
    if isinstance(data, Rejected):
        yield data
    elif kind in (".html", ".htm"):
        if not data.strip():
            yield Rejected(source, "empty file")
        elif not wide_encoding(data) and (reason := binary_reason(data)):
            yield Rejected(source, reason)
        else:
            yield html_source(source, decode_html(data), limits=limits)
    else:
        text = decode_text(source, data)
        if isinstance(text, Rejected):
            yield text
        elif kind == ".jsonl":
            yield from read_jsonl(source, text, limits)
        else:
            yield RawSource(source=source, fmt="txt", text=text, meta={})


def within_limits(item: Item, limits: Limits) -> Item:
    """The item, or a Rejected when its text is longer than ``limits.max_chars``."""
    if isinstance(item, RawSource) and len(item.text) > limits.max_chars:
        return Rejected(item.source, f"text of {len(item.text):,} characters is over the limit of "
                                     f"{limits.max_chars:,} (--max-chars)")
    return item


def read_sources(paths: Sequence[str | Path], limits: Limits = DEFAULT_LIMITS) -> Iterator[Item]:
    """Every article found in the given files and folders, or a Rejected per unreadable input."""
    for found in input_files(paths):
        if isinstance(found, Rejected):
            yield found
        else:
            yield from guarded(found, limits)


def input_files(paths: Sequence[str | Path]) -> Iterator[Path | Rejected]:
    """The files to read in the given files and folders, in reading order (each file once), or a
    Rejected per path that yields none; ``guarded`` reads one."""
    seen: set[tuple[int, int]] = set()
    for raw in paths:
        top = Path(raw)
        found_any = False
        for found in regular_files(top, seen):
            found_any = True
            yield found
        if not found_any:
            yield Rejected(source_name(top), "folder holds no files")


def guarded(path: Path, limits: Limits, source: str | None = None) -> Iterator[Item]:
    """The items of one file; an unexpected failure inside a parser rejects the rest of that file
    (naming the error), never the batch. ``source``: the file's name in the output, when it is
    read by another path (default: ``path`` as given)."""
    source = source_name(path) if source is None else source
    try:
        for item in _read_file(path, limits, source):
            yield within_limits(item, limits)
    except (Exception, RecursionError) as err:  # a third-party parser's bug must not cost the batch
        message = str(err).splitlines()[0][:200] if str(err) else ""
        yield Rejected(source, f"could not be read ({type(err).__name__}{': ' if message else ''}{message})")
