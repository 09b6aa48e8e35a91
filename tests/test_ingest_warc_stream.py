"""WARC input at scale, as in CC-NEWS: one archive of many records (warcinfo, request and response
records, each in its own gzip member) is read record by record, and a damaged record in the
middle is named in its own reject line while the records after it are still read."""

from __future__ import annotations

import gzip
import io
import re
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsprism.ingest import read_sources
from newsprism.ingest.warc import read_warc
from newsprism.model import RawSource, Rejected

TOWNS = ["Ashford", "Brookvale", "Carden", "Dunmore", "Elmstead", "Fairholt", "Glenrock", "Harwick"]


def _page(i: int) -> str:
    town = TOWNS[i % len(TOWNS)]
    return (f"<html><head><title>{town} opens library number {i}</title></head><body><article>"
            f"<h1>{town} opens library number {i}</h1>"
            f"<p>The town of {town} opened its new public library on Saturday, the {i}th branch in "
            f"the county, after two years of building work paid for by a local bond.</p>"
            f"<p>The library holds about {1000 + i} books and a room for children, and it will stay "
            f"open until nine in the evening on weekdays, the head librarian said.</p>"
            f"</article></body></html>")


def _members(n: int) -> list[bytes]:
    """A warcinfo record, then a request and a response record per page, each gzip member alone."""
    out: list[bytes] = []

    def put(make) -> None:  # type: ignore[no-untyped-def]
        buf = io.BytesIO()
        writer = WARCWriter(buf, gzip=True)
        writer.write_record(make(writer))
        out.append(buf.getvalue())

    put(lambda w: w.create_warcinfo_record("news.warc.gz", {"software": "hand-made test"}))
    for i in range(n):
        url = f"https://news.example.org/2024/05/{i}/library"
        put(lambda w, url=url: w.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        put(lambda w, url=url, i=i, headers=headers: w.create_warc_record(
            url, "response", payload=io.BytesIO(_page(i).encode("utf-8")), http_headers=headers,
            warc_headers_dict={"WARC-Date": "2024-05-06T10:00:00Z"}))
    return out


class _Counting(io.RawIOBase):
    """A file read through here: the furthest byte read is known."""

    def __init__(self, path: Path) -> None:
        self.inner = path.open("rb")
        self.furthest = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        n = self.inner.readinto(buffer)
        self.furthest = max(self.furthest, self.inner.tell())
        return n

    def seek(self, pos: int, whence: int = 0) -> int:
        return self.inner.seek(pos, whence)

    def tell(self) -> int:
        return self.inner.tell()


def test_records_are_read_one_at_a_time(tmp_path: Path) -> None:
    path = tmp_path / "big.warc.gz"
    path.write_bytes(b"".join(_members(2000)))  # 4,001 records
    size = path.stat().st_size
    stream = _Counting(path)
    items = read_warc(str(path), stream)  # type: ignore[arg-type]
    first = next(items)
    assert isinstance(first, RawSource) and first.source == f"{path}#2"  # warcinfo 0, request 1
    assert "library number 0" in first.text
    # one 64 KiB block of the 1.8 MB file has been read: the rest is not read yet
    assert stream.furthest <= 65536 < size // 20, (stream.furthest, size)
    more = [next(items) for _ in range(9)]
    assert [m.source for m in more] == [f"{path}#{2 * k + 2}" for k in range(1, 10)]
    assert stream.furthest <= 2 * 65536


def _damaged(members: list[bytes], k: int, how: str) -> bytes:
    m = members[k]
    if how == "gzip":  # bytes of the compressed data overwritten
        b = bytearray(m)
        b[len(b) // 2: len(b) // 2 + 12] = b"\x00" * 12
        m = bytes(b)
    elif how == "header":  # the gzip member is whole, the WARC header inside it is not
        m = gzip.compress(gzip.decompress(m).replace(b"WARC/1", b"WXRC/1", 1))
    elif how == "length":  # a Content-Length longer than the record
        m = gzip.compress(re.sub(rb"Content-Length: \d+", b"Content-Length: 999999", gzip.decompress(m), count=1))
    return b"".join(members[:k]) + m + b"".join(members[k + 1:])


def test_a_damaged_record_in_the_middle_is_named_and_the_rest_are_read(tmp_path: Path) -> None:
    members = _members(6)  # records 0 (warcinfo), 1 request, 2 response, ..., 12 the last response
    for how in ("gzip", "header", "length"):
        path = tmp_path / f"damaged-{how}.warc.gz"
        path.write_bytes(_damaged(members, 6, how))  # the response of page 2
        items = list(read_sources([path]))
        rejects = [i for i in items if isinstance(i, Rejected)]
        articles = [i.source.rsplit("#", 1)[1] for i in items if isinstance(i, RawSource)]
        assert articles == ["2", "4", "8", "10", "12"], how
        assert len(rejects) == 1 and rejects[0].source == f"{path}#6", (how, rejects)
        assert rejects[0].reason.startswith("damaged WARC record skipped ("), rejects[0].reason
        assert "the records after it are read" in rejects[0].reason
    reasons = {how: next(i.reason for i in read_sources([tmp_path / f"damaged-{how}.warc.gz"])
                         if isinstance(i, Rejected)) for how in ("gzip", "header", "length")}
    assert "damaged gzip data" in reasons["gzip"]
    assert "not a WARC record" in reasons["header"]
    assert "ends before its Content-Length" in reasons["length"]


def test_a_cut_archive_keeps_what_came_before_and_names_the_file(tmp_path: Path) -> None:
    members = _members(4)
    data = b"".join(members)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: len(data) - len(members[-1]) // 2])  # the last response is cut in two
    items = list(read_sources([path]))
    assert [i.source.rsplit("#", 1)[1] for i in items if isinstance(i, RawSource)] == ["2", "4", "6"]
    assert [(i.source, i.reason) for i in items if isinstance(i, Rejected)] == [
        (str(path), "broken WARC after record 7: the archive ends inside a record")]


def test_padding_after_the_last_member_is_no_damage(tmp_path: Path) -> None:
    path = tmp_path / "padded.warc.gz"
    path.write_bytes(b"".join(_members(2)) + b"\x00" * 512)
    items = list(read_sources([path]))
    assert [type(i).__name__ for i in items] == ["RawSource", "RawSource"]


def test_records_larger_than_one_read_block_are_followed_by_the_next(tmp_path: Path) -> None:
    # a page of 300 KB decompresses in several blocks: the next member must start where it ends
    long_page = _page(1).replace("</article>", "<p>The council will review the library's hours next "
                                              "spring after a survey of readers in the town.</p>" * 3000 + "</article>")
    members = _members(3)
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://news.example.org/long", "response",
                                                  payload=io.BytesIO(long_page.encode()), http_headers=headers))
    assert len(gzip.decompress(buf.getvalue())) > 4 * 65536
    path = tmp_path / "long.warc.gz"
    path.write_bytes(b"".join([*members[:3], buf.getvalue(), *members[3:]]))
    items = list(read_sources([path]))
    assert [(type(i).__name__, i.source.rsplit("#", 1)[1]) for i in items] == [
        ("RawSource", "2"), ("RawSource", "3"), ("RawSource", "5"), ("RawSource", "7")]
    assert "review the library's hours" in items[1].text


class _Trickle(io.RawIOBase):
    """A stream that gives at most 7 bytes per read (as a pipe or a slow disk may)."""

    def __init__(self, data: bytes) -> None:
        self.inner = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        data = self.inner.read(min(7, len(buffer)))
        buffer[: len(data)] = data
        return len(data)

    def seek(self, pos: int, whence: int = 0) -> int:
        return self.inner.seek(pos, whence)

    def tell(self) -> int:
        return self.inner.tell()


def test_an_archive_that_arrives_a_few_bytes_at_a_time_is_read_whole() -> None:
    # each gzip member's first read gives a byte or two: the record's WARC header must still be seen
    items = list(read_warc("trickle.warc.gz", _Trickle(b"".join(_members(5)))))  # type: ignore[arg-type]
    assert [(type(i).__name__, i.source) for i in items] == [
        ("RawSource", f"trickle.warc.gz#{k}") for k in (2, 4, 6, 8, 10)]
