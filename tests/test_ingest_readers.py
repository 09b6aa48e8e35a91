"""Readers: .txt, HTML (trafilatura), JSONL, WARC (built here with warcio), rejections, stable ids."""

from __future__ import annotations

import io
import json
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsprism.ingest import build_document, read_sources
from newsprism.model import RawSource, Rejected

PAGE = """<!DOCTYPE html>
<html><head>
<title>Council approves new bridge | Lakeside Courier</title>
<meta property="og:site_name" content="Lakeside Courier">
<meta property="og:title" content="Council approves new bridge over the Ash River">
<meta name="author" content="Hannah Reyes">
<meta property="article:published_time" content="2023-09-14T08:30:00Z">
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/subscribe">Subscribe today</a></li></ul></nav></header>
<main><article>
<h1>Council approves new bridge over the Ash River</h1>
<p>The city council voted 7-2 on Wednesday to build a second bridge over the Ash River, ending a
decade of debate over how to ease traffic on the only crossing into the old town.</p>
<div class="ad-slot"><p>Advertisement</p></div>
<p>The bridge will cost an estimated $84 million and is expected to open in 2027, the city
engineer told council members before the vote.</p>
<p>Opponents said the money would be better spent on buses, and two members voted against the
plan after residents near the river raised concerns about noise.</p>
</article></main>
<section id="comments" class="comments"><h3>12 comments</h3>
<div class="comment"><p>Finally! This bridge is long overdue, I have waited for years.</p></div></section>
<footer><p>Copyright 2023 Lakeside Courier. All rights reserved.</p>
<a href="/privacy">Privacy policy</a></footer>
</body></html>
"""


def _only(paths: list[Path | str]) -> list[RawSource | Rejected]:
    return list(read_sources(paths))


def test_txt_is_read_exactly(tmp_path: Path) -> None:
    text = "\ufeffHeadline here\r\nFirst line of the story.\n\nSecond — with “quotes”.\n"
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode("utf-8"))
    (raw,) = _only([path])
    assert isinstance(raw, RawSource) and raw.fmt == "txt"
    assert raw.text == text  # BOM, CRLF and newlines kept


def test_html_page_is_cleaned_and_keeps_metadata(tmp_path: Path) -> None:
    path = tmp_path / "bridge.html"
    path.write_text(PAGE, encoding="utf-8")
    (raw,) = _only([path])
    assert isinstance(raw, RawSource) and raw.fmt == "html"
    assert "voted 7-2 on Wednesday" in raw.text and "noise." in raw.text
    for furniture in ("Subscribe today", "Sport", "long overdue", "All rights reserved", "Privacy"):
        assert furniture not in raw.text, furniture
    doc = build_document(raw)
    kept = doc.clean_text()[doc.body.start: doc.body.end]
    assert kept.lstrip().startswith("The city council voted 7-2")
    assert kept.rstrip().endswith("concerns about noise.")
    assert "Advertisement" not in kept
    assert doc.outlet == "Lakeside Courier" and "html metadata" in doc.evidence["outlet"]
    assert doc.title == "Council approves new bridge over the Ash River"
    assert doc.authors == ("Hannah Reyes",)
    assert doc.published == "2023-09-14"
    assert doc.format == "html"


def _warc(path: Path) -> None:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        writer.write_record(writer.create_warcinfo_record("x.warc.gz", {"software": "test"}))
        url = "https://www.lakesidecourier.com/news/2023/09/14/bridge"
        req = writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
        writer.write_record(req)
        for target, body, ctype in (
            (url, PAGE.encode("utf-8"), "text/html; charset=utf-8"),
            ("https://www.lakesidecourier.com/logo.png", b"\x89PNG\r\n\x1a\n\x00\x00", "image/png"),
        ):
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = writer.create_warc_record(
                target, "response", payload=io.BytesIO(body), http_headers=headers,
                warc_headers_dict={"WARC-Date": "2023-09-15T02:11:09Z"},
            )
            writer.write_record(rec)


def test_warc_html_responses_are_articles(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    _warc(path)
    items = _only([path])
    assert len(items) == 1  # warcinfo, request and the image are not articles
    raw = items[0]
    assert isinstance(raw, RawSource) and raw.fmt == "warc"
    assert raw.source == f"{path}#2"
    assert raw.meta["url"] == "https://www.lakesidecourier.com/news/2023/09/14/bridge"
    assert raw.meta["fetched"] == "2023-09-15"
    doc = build_document(raw)
    assert doc.url == raw.meta["url"] and doc.published == "2023-09-14"
    assert "voted 7-2" in doc.text[doc.body.start: doc.body.end]


def test_broken_warc_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "broken.warc"
    path.write_bytes(b"this is not a warc file at all\r\n\r\n")
    (item,) = _only([path])
    assert isinstance(item, Rejected) and "WARC" in item.reason


def test_jsonl_edge_cases(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": "Workers at the port walked out on Monday over pay, the union said.",
                    "title": "Port strike", "outlet": "Harbor Daily",
                    "authors": "Lena Fox and Omar Haddad", "published": "2024-05-06T09:00:00+02:00",
                    "url": "https://harbordaily.example/port"}),
        json.dumps({"html": PAGE, "authors": ["Ada Park", "Ben Ito"]}),
        "",
        json.dumps({"title": "no body here"}),
        '{"text": "unterminated',
        json.dumps(["not", "an", "object"]),
        json.dumps({"text": "Shipping resumed on Thursday after the strike ended, officials said."}),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = _only([path])
    by_source = {i.source: i for i in items}
    assert [i.source for i in items] == [f"{path}:{n}" for n in (1, 2, 4, 5, 6, 7)]
    first = by_source[f"{path}:1"]
    assert isinstance(first, RawSource) and first.fmt == "jsonl"
    assert first.meta["authors"] == ["Lena Fox", "Omar Haddad"]
    assert first.meta["published"] == "2024-05-06"
    second = by_source[f"{path}:2"]
    assert isinstance(second, RawSource) and "voted 7-2" in second.text
    assert second.meta["authors"] == ["Ada Park", "Ben Ito"]  # the field wins over the HTML meta
    assert second.meta["outlet"] == "Lakeside Courier"  # from the HTML metadata
    for n, word in ((4, "'text' or 'html'"), (5, "malformed JSON"), (6, "not an object")):
        item = by_source[f"{path}:{n}"]
        assert isinstance(item, Rejected) and word in item.reason
    doc = build_document(first)
    assert (doc.outlet, doc.title, doc.authors) == ("Harbor Daily", "Port strike",
                                                    ("Lena Fox", "Omar Haddad"))
    assert doc.evidence["outlet"] == "jsonl field 'outlet'"


def test_bad_files_are_rejected_and_the_rest_is_read(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("A short but real report about the weather today.\n")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 20)
    (tmp_path / "empty.txt").write_bytes(b"   \n\n")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 owners protest".encode("latin-1"))
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".hidden.txt").write_text("should not be read")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "inner.txt").write_text("Another report, in a sub-folder, about the harbour.\n")
    items = _only([tmp_path, tmp_path / "missing.txt"])
    reasons = {Path(i.source).name: i.reason for i in items if isinstance(i, Rejected)}
    read = [Path(i.source).name for i in items if isinstance(i, RawSource)]
    assert read == ["good.txt", "inner.txt"]  # sorted walk, hidden file skipped
    assert "binary" in reasons["binary.txt"]
    assert reasons["empty.txt"] == "empty file"
    assert "UTF-8" in reasons["latin1.txt"] and "0xe9" in reasons["latin1.txt"]
    assert "unknown file type" in reasons["report.pdf"]
    assert "no such file" in reasons["missing.txt"]
    assert all("\n" not in r for r in reasons.values())


def test_ids_are_stable_and_content_based(tmp_path: Path, demo_dir: Path) -> None:
    first = [build_document(r).id for r in read_sources([demo_dir]) if isinstance(r, RawSource)]
    again = [build_document(r).id for r in read_sources([demo_dir]) if isinstance(r, RawSource)]
    assert first == again and len(set(first)) == 5
    copy = tmp_path / "copy.txt"
    (original,) = sorted(demo_dir.glob("004_*.txt"))
    copy.write_bytes(original.read_bytes())
    (raw,) = _only([copy])
    assert isinstance(raw, RawSource)
    assert build_document(raw).id == first[4]
