"""WARC input (warcio 1.8.1), as in Common Crawl CC-NEWS: every HTML ``response`` record is an
article. The record's WARC-Target-URI is the article URL and its WARC-Date the fetch date.

Records are named ``path#index`` with the record's 0-based position among all records of the
file. A broken archive yields what was read before the break and then a Rejected for the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, BinaryIO

from newsprism.ingest.dates import parse_date
from newsprism.ingest.html import decode_html, html_source
from newsprism.model import RawSource, Rejected


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _record_source(source: str, record: Any) -> RawSource | Rejected | None:
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
    html = decode_html(record.content_stream().read(), _charset(content_type))
    extra: dict[str, Any] = {"via": {"url": "WARC-Target-URI"}}
    if fetched:
        extra["fetched"] = fetched
        extra["via"]["fetched"] = "WARC-Date"
    return html_source(source, html, fmt="warc", url=url, extra=extra)


def read_warc(path: str, stream: BinaryIO) -> Iterator[RawSource | Rejected]:
    """Every HTML response record of one WARC (or .warc.gz) stream."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    index = -1
    articles = 0
    try:
        for index, record in enumerate(ArchiveIterator(stream)):
            if getattr(record, "format", "warc") != "warc":
                yield Rejected(path, f"not a WARC file (record {index} has no WARC header)")
                return
            found = _record_source(f"{path}#{index}", record)
            if found is not None:
                articles += 1
                yield found
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as err:
        where = f"after record {index}" if index >= 0 else "at the start"
        message = str(err).splitlines()[0] if str(err) else type(err).__name__
        yield Rejected(path, f"broken WARC {where}: {message}")
        return
    if articles == 0:
        yield Rejected(path, "no HTML response records in the WARC file")
