"""Body boundaries and boilerplate removal on the demo corpus and on hand-written articles of
other topics (tests/data/ingest/), with the expected words written by hand from reading them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsprism.ingest import build_document, read_sources
from newsprism.model import Document, RawSource

DATA = Path(__file__).parent / "data" / "ingest"


def _doc(path: Path) -> Document:
    (raw,) = list(read_sources([path]))
    assert isinstance(raw, RawSource)
    return build_document(raw)


def _kept(doc: Document) -> str:
    """The body minus removed ranges, whitespace collapsed."""
    return " ".join(doc.clean_text()[doc.body.start: doc.body.end].split())


def _body_words(doc: Document) -> tuple[str, str]:
    body = doc.text[doc.body.start: doc.body.end]
    return " ".join(body.split()[:4]), " ".join(body.split()[-4:])


def _check_ranges(doc: Document) -> None:
    assert 0 <= doc.body.start <= doc.body.end <= len(doc.text)
    spans = sorted((r.start, r.end) for r in doc.removed)
    for (a, b), (c, _) in zip(spans, spans[1:]):
        assert b <= c, "removed ranges overlap"
    for r in doc.removed:
        piece = doc.text[r.start: r.end]
        assert piece and piece == piece.strip(), (r, piece)


# ------------------------------------------------------------------ demo corpus

DEMO_EXPECT = {
    # file prefix: (first words of body, last words of body, lines that must be gone)
    "000": ("On Tuesday, Secretary of", "instrument of U.S. power.",
            ["538 views", "Home > News", "Photo by Karollyne", "- February 19, 2025",
             "shows U.S. diplomacy is in crisis."]),
    "001": ("Top U.S. and Russian", "ended in disappointment.\"",
            ["Accessibility links", "Breaking News", "attend talks in Riyadh on February 18.",
             "By Mike Eckel", "16x9 Image", "China Global Affairs correspondent",
             "undesirable organization", "could face fines", "click here"]),
    "002": ("WASHINGTON — The United States", "age of Trump.”",
            ["Share via", "More to Read", "Politics newsletter", "In your inbox",
             "promotional content"]),
    "003": ("Top Trump administration officials", "the second gathering.",
            ["Threat Status newsletter", "wire service reports", "can be reached at",
             "comment policy"]),
    "004": ("In Riyadh, Saudi Arabia,", "peace in the region.", []),
}


@pytest.mark.parametrize("prefix", sorted(DEMO_EXPECT))
def test_demo_body_boundaries_and_boilerplate(demo_dir: Path, prefix: str) -> None:
    (path,) = demo_dir.glob(f"{prefix}_*.txt")
    doc = _doc(path)
    first, last, gone = DEMO_EXPECT[prefix]
    body = doc.text[doc.body.start: doc.body.end]
    assert body.startswith(first)
    assert body.endswith(last)
    kept = _kept(doc)
    for line in gone:
        assert line not in kept, line
    _check_ranges(doc)


def test_demo_in_body_furniture_is_removed_but_subheadings_stay(demo_dir: Path) -> None:
    (path,) = demo_dir.glob("001_*.txt")
    doc = _doc(path)
    reasons = {doc.text[r.start: r.end]: r.reason for r in doc.removed}
    assert reasons["By Mike Eckel, RFE/RL senior international correspondent"] == "byline"
    assert reasons["Reid Standish"] == "byline"
    assert reasons["XS"] == "ui_label"
    kept = _kept(doc)
    assert "What Happens Next?" in kept and "Key Takeaways From Saudi Meeting" in kept
    # the caption printed twice is removed, both copies
    captions = [r for r in doc.removed if r.reason == "caption"]
    assert len(captions) == 2


def test_demo_prefix_lines_have_reasons(demo_dir: Path) -> None:
    (path,) = demo_dir.glob("000_*.txt")
    doc = _doc(path)
    before = {doc.text[r.start: r.end]: r.reason for r in doc.removed if r.end <= doc.body.start}
    assert before["Why high-level U.S.-Russia talks are bad diplomacy"] == "title"
    assert before["- February 19, 2025"] == "dateline_meta"
    assert before["538 views 22 min 0 Comment"] == "ui_label"
    assert "Talking in war can be dangerous" in _kept(doc)


# ------------------------------------------------------------------ other topics and styles

OWN_EXPECT = {
    "flood_wire.txt": ("MILLBROOK (AP) — Rising rivers", "education department said.",
                       ["Skip to main content", "Facebook Twitter Email", "AP Photo/Dana Reyes",
                        "ADVERTISEMENT", "Read more:", "contributed to this report",
                        "All rights reserved", "Levee repairs stalled", "By Maria Lopez"],
                       ["Governor Paul Whitaker declared a state of emergency"]),
    "transit_opinion.txt": ("I have ridden the", "this long enough.",
                            ["Story continues below", "5 min read", "Listen to this article",
                             "contributing columnist", "Opinion newsletter", "Leave a comment",
                             "A bus lane is not a luxury; it is the cheapest way to move more people."],
                            ["But the truth is that a bus lane is not a luxury"]),
    "vaccine_wrapped.txt": ("RIVERSIDE, Calif. — A nasal", "plant outside Sacramento.",
                            ["Health | Science", "By SAM OKAFOR", "sokafor@riversideherald.com",
                             "Terms of Use"],
                            ["It is rare to see a difference this large"]),
    "rates_explainer.txt": ("Mortgage rates have hovered", "once rates fall.",
                            ["Here is why it has not come yet", "April 3, 2024"],
                            ["What happens next?", "What sets mortgage rates?"]),
}


@pytest.mark.parametrize("name", sorted(OWN_EXPECT))
def test_own_articles_body_and_boilerplate(name: str) -> None:
    doc = _doc(DATA / name)
    first, last, gone, kept_lines = OWN_EXPECT[name]
    body = doc.text[doc.body.start: doc.body.end]
    assert body.startswith(first)
    assert body.endswith(last)
    kept = _kept(doc)
    for line in gone:
        assert line not in kept, line
    for line in kept_lines:
        assert line in kept, line
    _check_ranges(doc)


def test_pull_quote_removed_only_where_repeated() -> None:
    doc = _doc(DATA / "transit_opinion.txt")
    pulls = [doc.text[r.start: r.end] for r in doc.removed if r.reason == "pull_quote"]
    assert pulls == ["A bus lane is not a luxury; it is the cheapest way to move more people."]


def test_article_without_furniture_is_kept_whole() -> None:
    text = (
        "Farmers in the southern province began harvesting rice two weeks early this year after a "
        "dry spell shortened the growing season, agriculture officials said on Friday.\n\n"
        "The ministry said yields were down about 8 percent but that stocks were sufficient.\n"
    )
    doc = build_document(RawSource("mem", "txt", text))
    assert (doc.body.start, doc.body.end) == (0, len(text.rstrip()))
    assert doc.removed == ()


def test_inline_links_to_other_stories_are_removed() -> None:
    text = (
        "The harbour council approved a new ferry timetable on Tuesday after a year of delays, "
        "the port authority said in a statement.\n\n"
        "( Also on Harbour Herald: Fishermen protest new quota rules)\n\n"
        "Also on Tuesday, the council approved the budget: a rise of 4 percent for maintenance.\n\n"
        "(WATCH: Inside the new ferry terminal)\n\n"
        "The first boats on the new timetable will sail in June, officials said.\n"
    )
    doc = build_document(RawSource("mem", "txt", text))
    kept = _kept(doc)
    assert "Fishermen protest" not in kept and "Inside the new ferry terminal" not in kept
    assert "Also on Tuesday, the council approved the budget" in kept  # a sentence, not a link
    assert [r.reason for r in doc.removed] == ["promo", "promo"]


def test_clean_text_keeps_offsets() -> None:
    doc = _doc(DATA / "flood_wire.txt")
    clean = doc.clean_text()
    assert len(clean) == len(doc.text)
    m = re.search(r"Governor Paul Whitaker", clean)
    assert m and doc.text[m.start(): m.end()] == "Governor Paul Whitaker"
