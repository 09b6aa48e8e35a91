"""Event verbs across sentences (no aligned claim needed) and reader-facing descriptions.

Texts are our own short news paragraphs (sport, business, politics). No claims are given, so the
documents form one story and every event_verb found comes from the sentence pairing.
"""

from __future__ import annotations

from newsprism.compare.checks.events import event_verb_verdicts
from newsprism.compare.checks.discrepancies import find_discrepancies
from newsprism.lang.sentences import sentence_spans
from newsprism.model import Discrepancy, Document, Entity, Extraction, Range, Span, sha256_text


def doc(doc_id: str, text: str, outlet: str | None = None, source: str | None = None) -> Document:
    return Document(doc_id, source or f"{doc_id}.txt", sha256_text(text), text, outlet, None, (), "2024-05-02",
                    "news", Range(0, len(text)), ())


def found_in(*docs: Document) -> tuple[Discrepancy, ...]:
    """The discrepancies between documents given without claims (one story)."""
    return find_discrepancies(docs, [], Extraction(), sentences=sentence_spans(docs))


def verbs(found: tuple[Discrepancy, ...]) -> list[tuple[str, ...]]:
    return [tuple(m.text for m in d.mentions) for d in found if d.kind == "event_verb"]


def test_match_cancelled_vs_postponed_in_unaligned_sentences() -> None:
    a = doc("a", "Heavy rain fell all night. Harbour City's home match against Riverside was cancelled on "
                 "Saturday after the pitch flooded. Fans were told to keep their tickets.", "Daily Ledger")
    b = doc("b", "The pitch flooded overnight, and Harbour City's game against Riverside has been postponed "
                 "until next month, the club said in a statement.", "Evening Post")
    found = found_in(a, b)
    assert verbs(found) == [("cancelled", "postponed")]
    d = next(x for x in found if x.kind == "event_verb")
    assert d.severity == "medium"
    for m in d.mentions:
        assert {"a": a, "b": b}[m.doc].text[m.start:m.end] == m.text


def test_merger_called_off_vs_delayed() -> None:
    a = doc("a", "Northwind Foods said on Monday it had called off its planned merger with Baltic Grain "
                 "after competition regulators raised objections.", "Farm Journal")
    b = doc("b", "Objections from competition regulators have forced Northwind Foods to delay its merger "
                 "with Baltic Grain by at least six months, the company said.", "Market Wire")
    assert verbs(found_in(a, b)) == [("called off", "delay")]


def test_different_events_or_different_actors_are_not_compared() -> None:
    # one team, two events: the match is put off, the tour is scrapped
    a = doc("a", "Harbour City's league match against Riverside was postponed because of the storm.")
    b = doc("b", "Harbour City have cancelled their pre-season tour of Japan because of rising costs.")
    assert verbs(found_in(a, b)) == []
    # one kind of event, two teams
    c = doc("c", "The cup final between Eastport and Millbrook was postponed because of the storm.")
    d = doc("d", "Organisers cancelled the match between Northgate and Kingsley because of the storm.")
    assert verbs(found_in(c, d)) == []


def test_actors_from_entities_and_a_pronoun_subject() -> None:
    text_a = "Finance Minister Amara Okafor cancelled her trip to Geneva on Tuesday, aides said."
    text_b = ("Okafor faced questions in parliament on Tuesday. She later announced she was postponing "
              "her visit to Switzerland until the budget vote.")
    a, b = doc("a", text_a, "Lagos Courier"), doc("b", text_b, "Abuja Herald")

    def at(d: Document, part: str, nth: int = 0) -> Span:
        start = d.text.index(part) if nth == 0 else d.text.index(part, d.text.index(part) + 1)
        return d.span(start, start + len(part))

    okafor = Entity("ent_okafor", "Amara Okafor", "PERSON", (), (), None,
                    (at(a, "Amara Okafor"), at(b, "Okafor")))
    found = event_verb_verdicts([a, b], [okafor], sentences=sentence_spans([a, b]))
    assert [(v.a.text, v.b.text) for v in found] == [("cancelled", "postponing")]
    # without the entity, "Okafor" opens its sentence and is no evidence of a shared actor
    assert event_verb_verdicts([a, b], [], sentences=sentence_spans([a, b])) == []


def test_description_names_a_document_without_outlet_by_its_file_name() -> None:
    a = doc("doc_1f2e3d4c5b6a", "Organisers cancelled the harbour regatta at Port Ellen because of the gale.",
            source="/srv/feeds/2024-05-02/regatta-report.txt")
    b = doc("doc_6a5b4c3d2e1f", "Organisers postponed the harbour regatta at Port Ellen because of the gale.",
            source="https://news.example.org/sport/regatta-delayed.html")
    found = found_in(a, b)
    (d,) = [x for x in found if x.kind == "event_verb"]
    assert "(regatta-report.txt)" in d.description and "(regatta-delayed.html)" in d.description
    assert "doc_" not in d.description and "\n" not in d.description


def test_a_title_abbreviation_does_not_cut_the_event_sentence() -> None:
    # one splitter for claims and events: "Gov." inside a sentence is not its end
    a = doc("a", "The visit by Gov. Lena Marsh to the flooded valley was cancelled on Monday. "
                 "Crews kept pumping water from the main road.", "Valley Times")
    b = doc("b", "Lena Marsh has postponed her visit to the flooded valley, her office said on Monday.",
            "State Wire")
    assert verbs(found_in(a, b)) == [("cancelled", "postponed")]
