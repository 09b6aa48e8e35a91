"""Discrepancies among the five demo articles (U.S.-Russia talks in Riyadh, February 2025).

Read by hand, the articles disagree on:
* Trump's role: 004 calls him "former President Donald Trump", the others "President (Donald) Trump";
* a quote of Lavrov: "I have every reason to believe that the American side understands our
  position" (001) vs "I have reason to believe that the American side has started to better
  understand our position" (002); and one of Trump: "You could have made a deal" (004) vs "You
  should have made a deal" (002);
* spellings: Sergei (001, 002) / Sergey (000, 003, 004) Lavrov, Yury (001) / Yuri (003) Ushakov;
* Zelensky's trip: 003 says he was "putting off" his planned trip, 002 and 004 that he cancelled it;
* the outcome list: "all three of those efforts" (000) vs "four principles" (001).
They agree on the meeting's length ("four hours" vs "more than four-hour meeting") and its day
("Tuesday" vs "February 18", 2025, a Tuesday), and 002/003 quote Rubio's "first step" identically
but for a comma.

The first tests use hand-built claims pointing at the demo sentences (no aligner needed); the
last one runs the real pipeline, extract then compare.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.compare import compare
from newsprism.compare.checks.discrepancies import find_discrepancies
from newsprism.extract import extract
from newsprism.lang.sentences import sentence_spans
from newsprism.model import Claim, Discrepancy, Document, Extraction, Range, Span, sha256_text


@pytest.fixture(scope="module")
def demo(demo_dir: Path) -> dict[str, Document]:
    docs = {}
    for path in sorted(demo_dir.glob("*.txt")):
        text = path.read_text("utf-8")
        key = path.stem[:3]
        docs[key] = Document(path.stem, str(path), sha256_text(text), text, f"outlet {key}", None, (),
                             "2025-02-19", "news", Range(0, len(text)), ())
    return docs


def sentence(d: Document, part: str) -> Span:
    """The sentence (line-bounded, split at '. ') of ``d`` containing ``part``."""
    at = d.text.index(part)
    start = max(d.text.rfind(". ", 0, at) + 2, d.text.rfind("\n", 0, at) + 1)
    ends = [i for i in (d.text.find(". ", at + len(part)), d.text.find("\n", at)) if i != -1]
    end = min(ends) + 1 if ends else len(d.text)
    return d.span(start, end)


def line(d: Document, part: str) -> Span:
    """The paragraph (one line) of ``d`` containing ``part``."""
    at = d.text.index(part)
    end = d.text.find("\n", at)
    return d.span(d.text.rfind("\n", 0, at) + 1, end if end != -1 else len(d.text))


def claim(*mentions: Span) -> Claim:
    return Claim("c1", "s1", mentions[0].text, mentions, tuple(m.doc for m in mentions), ())


def kinds(found: tuple[Discrepancy, ...]) -> list[str]:
    return [d.kind for d in found]


def test_trip_put_off_vs_cancelled(demo: dict[str, Document]) -> None:
    c = claim(sentence(demo["002"], "canceled it"), sentence(demo["003"], "putting off his planned trip"),
              sentence(demo["004"], "cancel his planned visit"))
    found = find_discrepancies(list(demo.values()), [c], Extraction(), sentences=sentence_spans(demo.values()))
    verbs = [d for d in found if d.kind == "event_verb"]
    pairs = {tuple(m.text for m in d.mentions) for d in verbs}
    assert pairs == {("canceled", "putting off"), ("putting off", "cancel")}
    assert all(d.severity == "medium" for d in verbs)


def test_three_efforts_vs_four_principles(demo: dict[str, Document]) -> None:
    c = claim(sentence(demo["000"], "all three of those efforts"), sentence(demo["001"], "four principles"))
    found = find_discrepancies(list(demo.values()), [c], Extraction(), sentences=sentence_spans(demo.values()))
    counts = [d for d in found if d.kind == "count"]
    assert [[m.text for m in d.mentions] for d in counts] == [["three of those efforts", "four principles"]]


def test_meeting_length_and_day_agree(demo: dict[str, Document]) -> None:
    length = claim(sentence(demo["000"], "for four hours"), sentence(demo["001"], "more than four-hour meeting"),
                   sentence(demo["002"], "for four hours"), sentence(demo["004"], "meeting for four hours"))
    day = claim(sentence(demo["002"], "sat down Tuesday"), sentence(demo["001"], "after the February 18 meeting"))
    found = find_discrepancies(list(demo.values()), [length, day], Extraction(),
                               sentences=sentence_spans(demo.values()))
    assert not {"number", "date", "weekday"} & set(kinds(found))


def test_quotes_inside_claim_sentences(demo: dict[str, Document]) -> None:
    same = claim(line(demo["002"], "“Today is the first step"), line(demo["003"], "“Today is the first step"))
    deal = claim(line(demo["002"], "You should have made a deal"), line(demo["004"], "You could have made"))
    found = find_discrepancies(list(demo.values()), [same, deal], Extraction(),
                               sentences=sentence_spans(demo.values()))
    wording = [d for d in found if d.kind == "quote_wording"]
    assert len(wording) == 1
    # "should" / "could": two transcriptions of one remark, a variant (low), not a contradiction
    assert wording[0].severity == "low" and wording[0].variant
    assert wording[0].mentions[1].text == "You should have never started it. You could have made a deal."
    assert '"should" vs "could"' in wording[0].description or '"could" vs "should"' in wording[0].description


def test_role_found_story_wide(demo: dict[str, Document]) -> None:
    found = find_discrepancies(list(demo.values()), [], Extraction(), sentences=sentence_spans(demo.values()))
    roles = [d for d in found if d.kind == "role"]
    assert len(roles) == 1
    assert roles[0].severity == "high"
    assert roles[0].mentions[0].text == "former President Donald Trump"
    assert {m.doc[:3] for m in roles[0].mentions[1:]} == {"001", "002", "003"}


@pytest.mark.slow
def test_end_to_end_on_extract_and_compare(demo: dict[str, Document], nlp, encoder) -> None:  # type: ignore[no-untyped-def]
    docs = list(demo.values())
    result = compare(docs, extract(docs, nlp), sentences=sentence_spans(docs), encoder=encoder)
    by_kind: dict[str, list[Discrepancy]] = {}
    for d in result.discrepancies:
        by_kind.setdefault(d.kind, []).append(d)
        for m in d.mentions:
            assert next(x for x in docs if x.id == m.doc).text[m.start:m.end] == m.text
    assert any(d.mentions[0].text == "former President Donald Trump" for d in by_kind["role"])
    spellings = [{m.text for m in d.mentions} for d in by_kind["name_spelling"]]
    assert {"Sergei", "Sergey"} in spellings
    assert {"Yury", "Yuri"} in spellings
    lavrov = [d for d in by_kind["quote_wording"] if "American side understands" in d.description]
    assert len(lavrov) == 1 and lavrov[0].severity == "low" and lavrov[0].variant  # two translations
    assert "number" not in by_kind  # "four hours" and "more than four-hour" agree
    # the trip: found from the sentences themselves, whatever the claim aligner pairs
    trip = {(m.doc[:3], m.text) for d in by_kind["event_verb"] for m in d.mentions}
    assert {("003", "putting off"), ("002", "canceled"), ("004", "cancel")} <= trip
    # "an important one,” Rubio told reporters" is no count of Rubios
    assert all("Rubio" not in m.text for d in by_kind.get("count", []) for m in d.mentions)
    assert all("\n" not in d.description for d in result.discrepancies)
