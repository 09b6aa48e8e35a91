"""WARC input (warcio 1.8.1), as in Common Crawl CC-NEWS: every HTML ``response`` record is an
article. The record's WARC-Target-URI is the article URL and its WARC-Date the fetch date.

Records are named ``path#index`` with the record's 0-based position among all records of the
file (warcinfo and request records count).

The archive is read as a stream, record by record, never whole. A gzipped archive is read one
gzip member at a time (CC-NEWS compresses every record alone; a file compressed whole is one
member, streamed the same way), decompressed here a block at a time through a counter that stops
reading once ``Limits.max_expanded_bytes`` have come out, once more than 4 MB have come out at
over ``Limits.max_expansion`` times the compressed bytes read (news HTML compresses about 5-10x;
a bomb of spaces about 1,000x), or when one record takes longer than ``Limits.max_seconds``. Each
record's content is read up to ``Limits.max_bytes``. A stream that does not start with a WARC
header is refused at once.

Damage: a gzip member whose data is damaged, or an intact member holding a damaged record, gives
a Rejected named after that record and reading goes on at the next gzip member. An archive cut
short, damage with no gzip member after it, or damage in an uncompressed archive yields what was
read before it and then a Rejected for the file.
"""

from __future__ import annotations

import contextlib
import io
import logging
import time
import zlib
from collections.abc import Callable, Generator, Iterator
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
CHUNK = 1 << 16
CUT = "the archive ends inside a record"
GZIP_MAGIC = b"\x1f\x8b\x08"  # a gzip member's first bytes (deflate method)


class ReadLimit(Exception):
    """An archive expanded past its limits or one record took longer than ``max_seconds``."""


class _Cursor:
    """The compressed file read forward with bytes pushed back (what one gzip member did not
    use), its position known: the next gzip member starts at ``pos``."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream, self.back = stream, b""
        self.pos = stream.tell()

    def read(self, n: int) -> bytes:
        if self.back:
            data, self.back = self.back[:n], self.back[n:]
        else:
            data = self.stream.read(n)
        self.pos += len(data)
        return data

    def unread(self, data: bytes) -> None:
        self.back = data + self.back
        self.pos -= len(data)

    def tell(self) -> int:
        return self.pos

    def skip_zeros(self) -> bool:
        """Skip zero bytes (gzip files may be padded with them, as ``gzip`` allows); True at the end."""
        while data := self.read(CHUNK):
            rest = data.lstrip(b"\x00")
            if rest:
                self.unread(rest)
                return False
        return True

    def next_member(self, after: int) -> bool:
        """Move to the next gzip member that starts after byte ``after``; False at the end."""
        self.stream.seek(after + 1)
        self.back, self.pos, tail = b"", after + 1, b""
        while data := self.stream.read(CHUNK):
            block = tail + data
            found = block.find(GZIP_MAGIC)
            if found >= 0:
                self.pos += found - len(tail)
                self.stream.seek(self.pos)
                return True
            tail = block[-(len(GZIP_MAGIC) - 1):]
            self.pos += len(data)
        return False


class _Member(io.RawIOBase):
    """The decompressed bytes of one gzip member, read a block at a time; what follows the member
    goes back to the cursor. ``broken`` says why the member is damaged, ``cut`` that the file
    ends inside it."""

    def __init__(self, cursor: _Cursor) -> None:
        self.cursor, self.start = cursor, cursor.pos
        self.inflate = zlib.decompressobj(31)
        self.pending = b""
        self.broken: str | None = None
        self.cut = False

    def readable(self) -> bool:
        return True

    def read1(self, n: int = CHUNK) -> bytes:
        """Up to ``n`` decompressed bytes: at least 4 KiB (or ``n``) unless the member ends first,
        however few compressed bytes each read of the file gives (a record's header is seen whole)."""
        out: list[bytes] = []
        size, want = 0, min(max(1, n), 4096)
        while size < want and not self.inflate.eof and self.broken is None and not self.cut:
            if not self.pending:
                self.pending = self.cursor.read(CHUNK)
                if not self.pending:
                    self.cut = True
                    break
            try:
                data = self.inflate.decompress(self.pending, max(1, n - size))
            except zlib.error as err:
                self.broken = f"damaged gzip data: {err}"
                break
            self.pending = self.inflate.unconsumed_tail
            if self.inflate.eof:  # all input past the member's end is in unused_data (unconsumed_tail may repeat it)
                self.cursor.unread(self.inflate.unused_data)
                self.pending = b""
            out.append(data)
            size += len(data)
        return b"".join(out)


class _Bounded(io.RawIOBase):
    """A read-only stream over the decompressed archive (or one gzip member of it) that raises
    ReadLimit when the archive expands past the limits or when ``limits.max_seconds`` pass
    between two calls of ``next_record``. ``budget`` is shared by all members of one file."""

    def __init__(self, inner: Any, compressed: Any, limits: Limits, budget: dict[str, float] | None = None) -> None:
        self.inner, self.compressed, self.limits = inner, compressed, limits
        self.budget = budget if budget is not None else {"total": 0}
        self.budget.setdefault("deadline", time.monotonic() + limits.max_seconds)
        self.broken: str | None = None  # why the compressed stream ended early, if it did

    def next_record(self) -> None:
        self.budget["deadline"] = time.monotonic() + self.limits.max_seconds

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        try:  # read1: what is there now, so the records before a break are still parsed
            data = self.inner.read1(len(buffer))
        except (EOFError, OSError, zlib.error) as err:
            self.broken = str(err) or type(err).__name__
            return 0
        total = self.budget["total"] = self.budget["total"] + len(data)
        if total > self.limits.max_expanded_bytes:
            raise ReadLimit(f"expands past the limit of {self.limits.max_expanded_bytes:,} bytes "
                            "(--max-expanded-bytes)")
        if self.compressed is not None and total > RATIO_AFTER:
            ratio = total / max(1, self.compressed.tell())
            if ratio > self.limits.max_expansion:
                raise ReadLimit(f"expands {ratio:,.0f} times its compressed size, over the limit of "
                                f"{self.limits.max_expansion:g} (--max-expansion)")
        if time.monotonic() > self.budget["deadline"]:
            raise ReadLimit(f"one record took longer than {self.limits.max_seconds:g} s to read (--max-seconds)")
        buffer[: len(data)] = data
        return len(data)


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


class _State:
    """Where reading one archive stands: the last record read whole, the articles yielded."""

    def __init__(self) -> None:
        self.index, self.articles, self.rejects = -1, 0, 0


Item = RawSource | Rejected


def _message(err: BaseException) -> str:
    return str(err).splitlines()[0] if str(err) else type(err).__name__


def _parse(path: str, body: io.BufferedReader, state: _State, limits: Limits) -> Generator[Item, None, str | None]:
    """Yield the articles of the records in ``body``; return why reading stopped early (the
    records before it stand), or None when ``body`` was read to its end."""
    from warcio.archiveiterator import ArchiveIterator

    bounded: _Bounded = body.raw  # type: ignore[assignment]
    try:
        records = iter(ArchiveIterator(body))
        while (record := _quietly(next, records, None)) is not None:
            if getattr(record, "format", "warc") != "warc":
                return f"record {state.index + 1} has no WARC header"
            found = _quietly(_record_source, f"{path}#{state.index + 1}", record, limits)
            bounded.next_record()
            if isinstance(found, RawSource) and getattr(record.raw_stream, "limit", 0) > 0:
                return bounded.broken or CUT  # its page is cut, not an article
            state.index += 1
            if found is not None:
                yield found
                bounded.next_record()  # the consumer's time is not the record's
    except ReadLimit:
        raise
    except Exception as err:  # warcio raises many kinds on a broken archive (AttributeError among them)
        return _message(err)
    return bounded.broken


def _read_plain(path: str, stream: BinaryIO, state: _State, limits: Limits) -> Iterator[Item]:
    """An uncompressed archive: read to its end or to the first damage."""
    body = io.BufferedReader(_Bounded(stream, None, limits), buffer_size=CHUNK)
    if not _starts_as_warc(body):
        yield Rejected(path, "not a WARC file (it does not start with a WARC/1.x header)")
        return
    broken = yield from _parse(path, body, state, limits)
    if broken:
        where = f"after record {state.index}" if state.index >= 0 else "at the start"
        yield Rejected(path, f"broken WARC {where}: {broken}")


def _read_members(path: str, stream: BinaryIO, state: _State, limits: Limits) -> Iterator[Item]:
    """A gzipped archive, one gzip member at a time (CC-NEWS compresses each record alone). A
    damaged member or record is named in a Rejected and skipped: reading goes on at the next
    gzip member (records after it are numbered as if the damaged member held one record)."""
    cursor = _Cursor(stream)
    budget: dict[str, float] = {"total": 0}
    first = True
    while not cursor.skip_zeros():
        member = _Member(cursor)
        body = io.BufferedReader(_Bounded(member, cursor, limits, budget), buffer_size=CHUNK)
        if first and not _starts_as_warc(body):
            yield Rejected(path, "not a WARC file (it does not start with a WARC/1.x header)")
            return
        first = False
        if not _starts_as_warc(body):
            broken: str | None = member.broken or "not a WARC record"
        else:
            broken = yield from _parse(path, body, state, limits)
        if broken is None and not member.cut:
            continue  # the member was read to its end: the next one starts at the cursor
        if member.cut:
            where = f"after record {state.index}" if state.index >= 0 else "at the start"
            yield Rejected(path, f"broken WARC {where}: {member.broken or CUT}")
            return
        if broken == CUT:
            broken = "the record ends before its Content-Length"
        while member.broken is None and not member.cut and body.read(CHUNK):
            pass  # the record is damaged but its gzip member is whole: go on after the member
        damage = member.broken or broken
        if member.broken is not None and not cursor.next_member(member.start):
            yield Rejected(path, f"broken WARC after record {state.index}: {damage} (no gzip member after it)")
            return
        state.index += 1
        yield Rejected(f"{path}#{state.index}", f"damaged WARC record skipped ({damage}); the records after it are read")


def read_warc(path: str, stream: BinaryIO, limits: Limits = DEFAULT_LIMITS) -> Iterator[Item]:
    """Every HTML response record of one WARC (or .warc.gz) stream, read record by record."""
    state = _State()
    try:
        head = stream.read(2)
        stream.seek(0)
        reader = _read_members if head == b"\x1f\x8b" else _read_plain
        for item in reader(path, stream, state, limits):
            state.articles += isinstance(item, RawSource)
            state.rejects += isinstance(item, Rejected)
            yield item
    except ReadLimit as err:
        yield Rejected(path, f"stopped after record {state.index}: {err}")
        return
    except Exception as err:  # a stream that cannot seek, an I/O error
        where = f"after record {state.index}" if state.index >= 0 else "at the start"
        yield Rejected(path, f"broken WARC {where}: {_message(err)}")
        return
    if state.articles == 0 and state.rejects == 0:
        yield Rejected(path, "no HTML response records in the WARC file")
