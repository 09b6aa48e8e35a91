"""The ``paraphrase`` finding: an outlet's stance paraphrase that the speaker's own quoted words do
not carry. Hand-written article pairs; expected values by reading."""

from __future__ import annotations

from test_discrepancies import _quote, claim, doc, run, span

from newsprism.compare.checks.paraphrase import quote_tone
from newsprism.model import Entity, Extraction

PARA = ("Port director Lena Varga expressed frustration with the dredging contractor on Tuesday, "
        "according to people at the meeting.")
WORDS = "The contractor has done everything we asked, and I am happy with the dredging work so far"
QUOTED = f"“{WORDS},” Varga told reporters after the meeting on Tuesday."


def _varga(a, b) -> Entity:  # type: ignore[no-untyped-def]
    return Entity("e-varga", "Lena Varga", "PERSON", ("Varga",), (), None,
                  (span(a, "Lena Varga"), span(b, "Varga")))


def test_a_stance_the_quoted_words_do_not_carry_is_a_paraphrase_finding() -> None:
    a, b = doc("a", PARA, "Daily Ledger"), doc("b", QUOTED, "Evening Post")
    ex = Extraction(entities=(_varga(a, b),), quotes=(_quote(b, WORDS, "Varga", "e-varga"),))
    c = claim("c1", span(a, PARA), span(b, QUOTED))
    found = [d for d in run(a, b, c, extraction=ex) if d.kind == "paraphrase"]
    assert len(found) == 1
    d = found[0]
    assert not d.variant and d.severity == "medium"
    assert d.mentions[0].text.startswith("Lena Varga expressed frustration with the dredging contractor")
    assert d.mentions[1].text == WORDS
    assert "Lena Varga" in d.description


def test_quoted_words_that_carry_the_stance_are_no_finding() -> None:
    angry = "The contractor has failed us again, and I am angry about the dredging delays"
    a = doc("a", PARA, "Daily Ledger")
    b = doc("b", f"“{angry},” Varga told reporters after the meeting on Tuesday.", "Evening Post")
    ex = Extraction(entities=(_varga(a, b),), quotes=(_quote(b, angry, "Varga", "e-varga"),))
    assert not [d for d in run(a, b, extraction=ex) if d.kind == "paraphrase"]


def test_another_speakers_words_or_another_topic_are_no_finding() -> None:
    a, b = doc("a", PARA, "Daily Ledger"), doc("b", QUOTED, "Evening Post")
    other = Entity("e-other", "Tomas Kell", "PERSON", (), (), None, ())
    ex = Extraction(entities=(_varga(a, b), other), quotes=(_quote(b, WORDS, "Varga", "e-other"),))
    assert not [d for d in run(a, b, extraction=ex) if d.kind == "paraphrase"]
    words = "I am happy with how the new ferry timetable is working for commuters"
    c = doc("b", f"“{words},” Varga told reporters after the meeting on Tuesday.", "Evening Post")
    ex = Extraction(entities=(_varga(a, c),), quotes=(_quote(c, words, "Varga", "e-varga"),))
    assert not [d for d in run(a, c, extraction=ex) if d.kind == "paraphrase"]


def test_quote_tone_flips_after_a_negation() -> None:
    assert quote_tone("I am happy with the work") > 0.3
    assert quote_tone("I am not happy with the work") < 0
    assert quote_tone("That is not a problem at all") > 0
