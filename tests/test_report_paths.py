"""No machine path reaches a reader: the report and the web UI name a document by its title,
outlet and file name, never the folders it was read from."""

from __future__ import annotations

import dataclasses

from compare_fixtures import fire_docs

from newsprism.model import Analysis, Rejected
from newsprism.report import render_report
from newsprism.report.text import file_name


def test_report_shows_file_names_not_paths() -> None:
    docs = list(fire_docs().values())
    placed = [dataclasses.replace(d, source=f"/home/ana/private/inbox/{d.source}") for d in docs]
    untitled = dataclasses.replace(placed[0], title=None, outlet=None)
    rejected = (Rejected("/home/ana/private/inbox/feed.jsonl:3", "malformed JSON line: Expecting value at column 1"),)
    html = render_report(Analysis(documents=(untitled, *placed[1:]), rejected=rejected))
    assert "/home/ana" not in html and "private/inbox" not in html
    assert "Dunmore Courier.txt" in html and "feed.jsonl:3" in html  # the file names stay
    assert "unknown outlet (Dunmore Courier.txt)" in html


def test_file_name_keeps_line_and_record_suffixes() -> None:
    assert file_name("/data/cc-news/2025-02.warc.gz#17") == "2025-02.warc.gz#17"
    assert file_name("C:\\Users\\ana\\feed.jsonl:3") == "feed.jsonl:3"
    assert file_name("article.txt") == "article.txt"
    assert file_name("folder/") == "folder"
