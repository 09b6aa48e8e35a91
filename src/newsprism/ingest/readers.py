"""Finding and reading input files: .txt, .html/.htm, .jsonl, .warc/.warc.gz.

``read_sources`` walks files and folders (recursively, sorted, hidden names skipped) and yields
one RawSource per article or one Rejected (source, one-line reason) per input that cannot be
read; a bad input never stops the others. A .txt file's content is the reference text exactly
(UTF-8, newlines and any BOM kept).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from newsprism.ingest.html import decode_html, html_source
from newsprism.ingest.jsonl import read_jsonl
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


def _binary_reason(data: bytes) -> str | None:
    """Why these bytes are not a text file (NUL bytes, many control characters), if they are not."""
    head = data[:8192]
    if b"\x00" in head:
        return "binary file (contains NUL bytes)"
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    if head and controls / len(head) > 0.05:
        return "binary file (many control characters)"
    return None


def _decode_text(source: str, data: bytes) -> str | Rejected:
    if not data.strip():
        return Rejected(source, "empty file")
    reason = _binary_reason(data)
    if reason:
        return Rejected(source, reason)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        return Rejected(source, f"not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start})")
    if not text.strip("\ufeff \t\r\n\xa0\u200b"):
        return Rejected(source, "empty file")
    return text


def _read_file(path: Path) -> Iterator[Item]:
    source = str(path)
    kind = _kind(path)
    if kind is None:
        found = path.suffix or "(no extension)"
        yield Rejected(source, f"unknown file type {found!r}; expected one of {', '.join(SUFFIXES)}")
        return
    try:
        if kind in (".warc", ".warc.gz"):
            with path.open("rb") as stream:
                yield from read_warc(source, stream)
            return
        data = path.read_bytes()
    except OSError as err:
        yield Rejected(source, f"cannot read file: {err.strerror or err}")
        return
    if kind in (".html", ".htm"):
        if not data.strip():
            yield Rejected(source, "empty file")
        elif _binary_reason(data):
            yield Rejected(source, str(_binary_reason(data)))
        else:
            yield html_source(source, decode_html(data))
        return
    text = _decode_text(source, data)
    if isinstance(text, Rejected):
        yield text
    elif kind == ".jsonl":
        yield from read_jsonl(source, text)
    else:
        yield RawSource(source=source, fmt="txt", text=text, meta={})


def _walk(folder: Path) -> Iterator[Path]:
    """Files under a folder, sorted by path, hidden files and folders skipped."""
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(entry)
        elif entry.is_file():
            yield entry


def read_sources(paths: Sequence[str | Path]) -> Iterator[Item]:
    """Every article found in the given files and folders, or a Rejected per unreadable input."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = list(_walk(path))
            if not files:
                yield Rejected(str(path), "folder holds no files")
            for file in files:
                yield from _read_file(file)
        elif path.exists():
            yield from _read_file(path)
        else:
            yield Rejected(str(path), "no such file or folder")
