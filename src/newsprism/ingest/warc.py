"""WARC input (warcio 1.8.1), as in Common Crawl CC-NEWS: every HTML ``response`` record is an
article. The record's WARC-Target-URI is the article URL and its WARC-Date the fetch date.

Records are named ``path#index`` with the record's 0-based position among all records of the
file. A broken archive yields what was read before the break and then a Rejected for the file.

The archive is read as a stream, record by record, never whole: a gzipped archive is
decompressed here (all members in order, as ``gzip`` reads them) through a counter that stops
reading once ``Limits.max_expanded_bytes`` have come out, once more than 4 MB have come out at
over ``Limits.max_expansion`` times the compressed bytes read (news HTML compresses about 5-10x;
a bomb of spaces about 1,000x), or when one record takes longer than ``Limits.max_seconds``. Each
record's content is read up to ``Limits.max_bytes``. A stream that does not start with a WARC
header is refused at once.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import logging
import time
import zlib
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO, TypeVar

from newsprism.ingest.dates import parse_date
from newsprism.ingest.html import decode_html, html_source
from newsprism.ingest.limits import DEFAULT_LIMITS, Limits
from newsprism.model import RawSource, Rejected


# warcio reports damaged records on stderr and through its logger, echoing bytes of the file: the
# reject line says what matters, and raw file bytes must never reach a terminal
logging.getLogger("warcio").addHandler(logging.NullHandler())
logging.getLogger("warcio").propagate = False
T = TypeVar("T")


def _quietly(fn: Callable[..., T], *args: Any) -> T:
    """``fn(*args)`` with whatever warcio writes to stderr meanwhile discarded (never across a yield)."""
    with contextlib.redirect_stderr(io.StringIO()):
        return fn(*args)


RATIO_AFTER = 4 * 1024 * 1024  # the expansion ratio is judged once this much has come out


class ReadLimit(Exception):
    """An archive expanded past its limits or one record took longer than ``max_seconds``."""


class _Bounded(io.RawIOBase):
    """A read-only stream over the decompressed archive that raises ReadLimit when it expands past
    the limits or when ``limits.max_seconds`` pass between two calls of ``next_record``."""

    def __init__(self, inner: BinaryIO, compressed: BinaryIO | None, limits: Limits) -> None:
        self.inner, self.compressed, self.limits, self.total = inner, compressed, limits, 0
        self.deadline = time.monotonic() + limits.max_seconds
        self.broken: str | None = None  # why the compressed stream ended early, if it did

    def next_record(self) -> None:
        self.deadline = time.monotonic() + self.limits.max_seconds

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        try:  # read1: what is there now, so the records before a break are still parsed
            data = self.inner.read1(len(buffer))
        except (EOFError, OSError, zlib.error) as err:
            self.broken = str(err) or type(err).__name__
            return 0
        self.total += len(data)
        if self.total > self.limits.max_expanded_bytes:
            raise ReadLimit(f"expands past the limit of {self.limits.max_expanded_bytes:,} bytes "
                            "(--max-expanded-bytes)")
        if self.compressed is not None and self.total > RATIO_AFTER:
            ratio = self.total / max(1, self.compressed.tell())
            if ratio > self.limits.max_expansion:
                raise ReadLimit(f"expands {ratio:,.0f} times its compressed size, over the limit of "
                                f"{self.limits.max_expansion:g} (--max-expansion)")
        if time.monotonic() > self.deadline:
            raise ReadLimit(f"one record took longer than {self.limits.max_seconds:g} s to read (--max-seconds)")
        buffer[: len(data)] = data
        return len(data)


def _uncompressed(stream: BinaryIO, limits: Limits) -> io.BufferedReader:
    head = stream.read(2)
    stream.seek(0)
    if head == b"\x1f\x8b":
        inner: BinaryIO = gzip.GzipFile(fileobj=stream, mode="rb")  # type: ignore[assignment]
        return io.BufferedReader(_Bounded(inner, stream, limits), buffer_size=1 << 16)
    return io.BufferedReader(_Bounded(stream, None, limits), buffer_size=1 << 16)


def _starts_as_warc(stream: io.BufferedReader) -> bool:
    return stream.peek(64).lstrip(b"\r\n").startswith(b"WARC/")


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _record_source(source: str, record: Any, limits: Limits) -> RawSource | Rejected | None:
    """The article of one response record; None for records that are not HTML pages."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    content_type = record.http_headers.get_header("Content-Type") or ""
    if "html" not in content_type.lower():
        return None
    status = record.http_headers.get_statuscode() or ""
    if not status.startswith("2"):
        return Rejected(source, f"HTTP status {status}, not an article page")
    url = record.rec_headers.get_header("WARC-Target-URI")
    fetched = parse_date(record.rec_headers.get_header("WARC-Date") or "")
    body = record.content_stream().read(limits.max_bytes + 1)
    if len(body) > limits.max_bytes:
        return Rejected(source, f"record over the limit of {limits.max_bytes:,} bytes (--max-bytes)")
    html = decode_html(body, _charset(content_type))
    extra: dict[str, Any] = {"via": {"url": "WARC-Target-URI"}}
    if fetched:
        extra["fetched"] = fetched
        extra["via"]["fetched"] = "WARC-Date"
    return html_source(source, html, fmt="warc", url=url, extra=extra, limits=limits)


def read_warc(path: str, stream: BinaryIO, limits: Limits = DEFAULT_LIMITS) -> Iterator[RawSource | Rejected]:
    """Every HTML response record of one WARC (or .warc.gz) stream."""
    from warcio.archiveiterator import ArchiveIterator

    index = -1
    articles = 0
    try:
        body = _uncompressed(stream, limits)
        if not _starts_as_warc(body):
            yield Rejected(path, "not a WARC file (it does not start with a WARC/1.x header)")
            return
        records = iter(ArchiveIterator(body))
        while (record := _quietly(next, records, None)) is not None:
            index += 1
            if getattr(record, "format", "warc") != "warc":
                yield Rejected(path, f"not a WARC file (record {index} has no WARC header)")
                return
            found = _quietly(_record_source, f"{path}#{index}", record, limits)
            body.raw.next_record()  # type: ignore[attr-defined]
            if isinstance(found, RawSource) and getattr(record.raw_stream, "limit", 0) > 0:
                index -= 1  # the archive ends inside this record: its page is cut, not an article
                raise EOFError(body.raw.broken or "the archive ends inside a record")  # type: ignore[attr-defined]
            if found is not None:
                articles += 1
                yield found
                body.raw.next_record()  # type: ignore[attr-defined]  # the consumer's time is not the record's
        if body.raw.broken:  # type: ignore[attr-defined]
            raise EOFError(body.raw.broken)  # type: ignore[attr-defined]
    except ReadLimit as err:
        yield Rejected(path, f"stopped after record {index}: {err}")
        return
    except Exception as err:  # warcio raises many kinds on a broken archive (AttributeError among them)
        where = f"after record {index}" if index >= 0 else "at the start"
        message = str(err).splitlines()[0] if str(err) else type(err).__name__
        yield Rejected(path, f"broken WARC {where}: {message}")
        return
    if articles == 0:
        yield Rejected(path, "no HTML response records in the WARC file")
