"""Metadata and genre from the text itself: bylines, datelines, self-references, date lines, bios,
contact lines; fields nothing supports stay empty. Expected values written by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.ingest import build_document, read_sources
from newsprism.model import Document, RawSource

DATA = Path(__file__).parent / "data" / "ingest"


def _text(text: str, meta: dict[str, object] | None = None) -> Document:
    return build_document(RawSource("mem.txt", "txt", text, meta=dict(meta or {})))


def _file(path: Path) -> Document:
    (raw,) = list(read_sources([path]))
    assert isinstance(raw, RawSource)
    return build_document(raw)


def test_demo_metadata(demo_dir: Path) -> None:
    docs = {p.name[:3]: _file(p) for p in sorted(demo_dir.glob("*.txt"))}
    assert docs["000"].outlet == "Good Authority"
    assert docs["000"].published == "2025-02-19"
    assert docs["000"].title == "Why high-level U.S.-Russia talks are bad diplomacy"
    assert docs["000"].genre in ("opinion", "analysis")
    assert docs["001"].outlet == "RFE/RL"
    assert set(docs["001"].authors) == {"Mike Eckel", "Reid Standish"}
    assert docs["001"].genre == "explainer"
    assert docs["002"].outlet == "Los Angeles Times"
    assert docs["002"].published is None  # nothing in the text gives the year
    assert docs["003"].outlet == "The Washington Times"
    assert docs["003"].authors == ("Mike Glenn", "Ben Wolfgang")
    assert docs["003"].title is None  # the text has no headline
    assert docs["004"].outlet is None and docs["004"].authors == () and docs["004"].title is None
    assert docs["004"].genre == "news"
    for doc in docs.values():
        for field in ("outlet", "published", "title", "authors"):
            if getattr(doc, field):
                assert field in doc.evidence


def test_own_articles_metadata() -> None:
    flood = _file(DATA / "flood_wire.txt")
    assert flood.authors == ("Maria Lopez", "Tom Becker")
    assert flood.published == "2024-03-05"
    assert "Associated Press" in (flood.outlet or "")
    assert flood.title == "River flooding forces thousands from homes in northern valley towns"
    assert flood.genre == "news"
    column = _file(DATA / "transit_opinion.txt")
    assert column.genre == "opinion"
    assert column.title == "Our city keeps promising better buses. It's time to deliver."
    assert column.authors == ("Priya Natarajan",)
    assert column.outlet is None  # the columnist is not the outlet
    assert column.published == "2024-03-12"
    wrapped = _file(DATA / "vaccine_wrapped.txt")
    assert wrapped.authors == ("Sam Okafor",)
    assert wrapped.outlet == "The Riverside Herald"
    assert wrapped.published is None
    explainer = _file(DATA / "rates_explainer.txt")
    assert explainer.genre == "explainer"
    assert explainer.title == "Why are mortgage rates still so high?"
    assert explainer.published == "2024-04-03"


STORY = (
    "Regulators fined the airline $2 million on Tuesday for leaving passengers stranded on the "
    "tarmac for hours during a winter storm, the transport ministry said.\n"
    "The airline said it would appeal the decision and had already refunded affected travelers.\n"
)


@pytest.mark.parametrize(
    ("prefix", "suffix", "outlet"),
    [
        ("", "“We followed the rules,” a spokesman told the Northern Ledger.\n", "Northern Ledger"),
        ("", "Questions? Email the newsroom at tips@valleyobserver.org.\n", "valleyobserver.org"),
        ("", "Copyright © 2024 Coastline Media Group. All rights reserved.\n", "Coastline Media Group"),
        ("OSLO (Reuters) - ", "", "Reuters"),
        ("", "As we reported here at Prairie Dispatch last month, delays are rising.\n",
         "Prairie Dispatch"),
    ],
)
def test_outlet_from_self_reference(prefix: str, suffix: str, outlet: str) -> None:
    doc = _text(prefix + STORY + suffix)
    assert doc.outlet == outlet
    assert doc.evidence["outlet"]


def test_told_a_person_is_not_an_outlet() -> None:
    doc = _text(STORY + "The chief executive told Maria Santos that the fine was unfair.\n")
    assert doc.outlet is None


def test_bylines_and_contact_lines() -> None:
    doc = _text("By JAMES O'NEILL and Rosa Delgado, Staff Writers\n" + STORY)
    assert doc.authors == ("James O'Neill", "Rosa Delgado")
    assert doc.evidence["authors"].startswith("byline")
    doc = _text(STORY + "Kofi Mensah can be reached at kmensah@example-news.com.\n")
    assert doc.authors == ("Kofi Mensah",)
    doc = _text(STORY)
    assert doc.authors == () and "authors" not in doc.evidence


def test_date_lines_and_url_dates() -> None:
    assert _text("Published: 7 March 2023, 14:05 GMT\n" + STORY).published == "2023-03-07"
    assert _text("Updated Wednesday, Nov. 8, 2023 at 4:10 p.m.\n" + STORY).published == "2023-11-08"
    doc = _text(STORY, {"url": "https://news.example.org/world/2022/10/03/airline-fine"})
    assert doc.published == "2022-10-03" and "url" in doc.evidence["published"]
    assert doc.outlet == "example.org"
    # a weekday alone is never completed into a date
    assert _text("Tuesday\n" + STORY).published is None


def test_known_outlet_domain_from_url() -> None:
    doc = _text(STORY, {"url": "https://www.theguardian.com/world/2024/jan/05/fine"})
    assert doc.outlet == "The Guardian"
    assert "table" in doc.evidence["outlet"]


def test_genre_signals() -> None:
    analysis = _text("Analysis: Why the airline fine matters\n" + STORY)
    assert analysis.genre == "analysis"
    opinion = _text(STORY, {"url": "https://example.com/opinion/2024/01/02/fines"})
    assert opinion.genre == "opinion"
    short = _text("A line of text with no reporting at all here.\n")
    assert short.genre == "unknown"
