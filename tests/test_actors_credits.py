"""Photo credits, bylines and datelines are not actors: found by their shape, on hand-written text.
Expected values were written by reading each text."""

from __future__ import annotations

from newsprism.extract.actors.credits import credit_ranges
from newsprism.extract.actors.find import find_actors
from newsprism.model import Document, Range, sha256_text

STORY = (
    "By Helena Varga and Tom Okafor, Reuters\n\n"
    "LISBON (Reuters) - Portugal's finance minister Rui Tavares said on Monday that the budget "
    "would pass. Tavares spoke after a meeting with Ines Couto, the head of the central bank.\n\n"
    "Ministers arrive for the vote in Lisbon.\n"
    "Photo: Marek Dvorak/AFP/Getty Images\n\n"
    "Couto said inflation was easing (Pia Lund/EPA).\n\n"
    "Reporting by Helena Varga; Editing by Sam Whitfield\n"
)
NPR_STYLE = (
    "Farmers block a road outside Nairobi.\n"
    "hide caption\n"
    "toggle caption\n"
    "Kofi Mensah for NPR\n\n"
    "NAIROBI, Kenya — Kenyan farmer Achieng Otieno said prices had doubled.\n"
)


def _names(nlp, text: str) -> set[str]:
    doc = Document("d", "d.txt", sha256_text(text), text, None, None, (), None, "news",
                   Range(0, len(text)), ())
    return {a.name for a in find_actors(doc, nlp(doc.clean_text())).actors}


def _spans(text: str) -> list[tuple[str, str]]:
    return [(text[a:b], k) for a, b, k in credit_ranges(text)]


def test_shapes_found_in_text():
    spans = _spans(STORY)
    assert ("By Helena Varga and Tom Okafor, Reuters", "byline") in spans
    assert ("LISBON (Reuters) -", "dateline") in spans
    assert ("Marek Dvorak/AFP/Getty Images", "credit") in spans
    assert ("Pia Lund/EPA", "credit") in spans
    assert ("Reporting by Helena Varga; Editing by Sam Whitfield", "byline") in spans
    assert ("Kofi Mensah for NPR", "credit") in _spans(NPR_STYLE)
    assert ("NAIROBI, Kenya —", "dateline") in _spans(NPR_STYLE)


def test_prose_with_slashes_and_by_is_not_a_credit():
    text = ("The Israel/Palestine question was raised by Ana Ortiz at the summit.\n"
            "By Tuesday, officials in Rome had agreed.\n")
    assert _spans(text) == []


def test_credit_names_are_not_actors(nlp):
    names = _names(nlp, STORY)
    assert {"Rui Tavares", "Ines Couto"} <= names
    for credited in ("Helena Varga", "Tom Okafor", "Marek Dvorak", "Pia Lund", "Sam Whitfield",
                     "Getty Images", "AFP", "EPA"):
        assert credited not in names
    names = _names(nlp, NPR_STYLE)
    assert "Achieng Otieno" in names
    assert "Kofi Mensah" not in names and "NPR" not in names
