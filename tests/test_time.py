"""Date expressions resolved against the document date (expected values written by hand).

Document date for most cases: Wednesday 2025-02-19.
"""

from __future__ import annotations

import pytest

from newsprism.extract.dates.find import find_dates
from newsprism.extract.dates.rules import resolve
from newsprism.model import Document, Range, TimeExpression, sha256_text

WED = "2025-02-19"


def make_doc(text: str, published: str | None = WED, doc_id: str = "t1") -> Document:
    return Document(doc_id, f"{doc_id}.txt", sha256_text(text), text, None, None, (), published,
                    "news", Range(0, len(text)), ())


def dates_of(nlp, text: str, published: str | None = WED) -> list[TimeExpression]:
    doc = make_doc(text, published)
    found = find_dates(doc, nlp(doc.clean_text()))
    for d in found:
        assert doc.text[d.start:d.end] == d.text
        assert d.doc == doc.id
    return found


def value_of(found: list[TimeExpression], text: str) -> str | None:
    hits = [d for d in found if d.text == text]
    assert hits, f"{text!r} not found in {[d.text for d in found]}"
    return hits[0].value


CASES = [
    ("The finance ministry unveiled its budget on Tuesday, drawing criticism.", "Tuesday", "2025-02-18"),
    ("Officials said the fire broke out Tuesday near the port.", "Tuesday", "2025-02-18"),
    ("Floods swept through the coastal province last week, killing 12.", "last week",
     "2025-02-10/2025-02-16"),
    ("The startup was founded three years ago in a garage in Lagos.", "three years ago", "2022"),
    ("Consumer prices rose 0.6 percent last month, the statistics office said.", "last month",
     "2025-01"),
    ("This week the central bank held rates steady.", "This week", "2025-02-17/2025-02-23"),
    ("Nurses walked off the job yesterday over pay.", "yesterday", "2025-02-18"),
    ("The festival was last held in 2018 before the pandemic.", "2018", "2018"),
    ("The bridge collapsed in December 2018, killing 43 people.", "December 2018", "2018-12"),
    ("Russia launched its full-scale invasion in February 2022.", "February 2022", "2022-02"),
    ("The band rose to fame in the 1990s with a string of hits.", "the 1990s", "1990/1999"),
    ("The new tariff took effect Oct. 1, the agency said.", "Oct. 1", "2024-10-01"),
    ("The coalition signed the deal on February 17 in Nairobi.", "February 17", "2025-02-17"),
    ("Parliament will vote on the bill next Tuesday.", "next Tuesday", "2025-02-25"),
    ("The summit took place on 3 March 2021 in Lisbon.", "3 March 2021", "2021-03-03"),
    ("Her term ends on January 20, 2029.", "January 20, 2029", "2029-01-20"),
    ("Two weeks ago, the court overturned the ruling.", "Two weeks ago", "2025-02-03/2025-02-09"),
    ("Storms battered the island over the weekend.", "the weekend", "2025-02-15/2025-02-16"),
    ("Growth slowed in early 2023 as exports fell.", "early 2023", "2023"),
]


@pytest.mark.parametrize(("text", "expr", "value"), CASES)
def test_date_forms_resolve_against_document_date(nlp, text: str, expr: str, value: str) -> None:
    assert value_of(dates_of(nlp, text), expr) == value


def test_weekday_follows_tense(nlp) -> None:
    past = dates_of(nlp, "The senators voted on Friday to block the measure.")
    future = dates_of(nlp, "The senators will vote on Friday on the measure.")
    assert value_of(past, "Friday") == "2025-02-14"
    assert value_of(future, "Friday") == "2025-02-21"


def test_month_without_year_prefers_the_past(nlp) -> None:
    found = dates_of(nlp, "Exports peaked in November and fell in January.")
    assert value_of(found, "November") == "2024-11"
    assert value_of(found, "January") == "2025-01"


def test_span_excludes_preposition(nlp) -> None:
    text = "The stadium opened in 2018."
    found = dates_of(nlp, text)
    assert [(d.text, d.start) for d in found] == [("2018", text.index("2018"))]
    assert found[0].anchor == WED


def test_unknown_document_date(nlp) -> None:
    found = dates_of(nlp, "Rebels seized the town on Tuesday, months after a truce signed in "
                          "December 2018 collapsed.", published=None)
    tuesday = [d for d in found if d.text == "Tuesday"][0]
    assert tuesday.value is None and tuesday.note == "document date unknown"
    assert tuesday.anchor is None
    assert value_of(found, "December 2018") == "2018-12"


@pytest.mark.parametrize(("text", "words"), [
    ("The talks lasted four hours behind closed doors.", "four hours"),
    ("The nearly three-year conflict has displaced millions.", "three-year"),
    ("The 54-year-old minister resigned.", "54-year-old"),
    ("Fighting went on for two weeks before aid arrived.", "two weeks"),
    ("The drought has lasted decades.", "decades"),
])
def test_durations_and_ages_are_not_dates(nlp, text: str, words: str) -> None:
    a = text.index(words)
    found = dates_of(nlp, text)
    assert not [d for d in found if d.start < a + len(words) and d.end > a]


def test_published_datetime_is_accepted(nlp) -> None:
    found = dates_of(nlp, "The plant closed yesterday.", published="2025-02-19T08:30:00Z")
    assert value_of(found, "yesterday") == "2025-02-18"


def test_rules_directly() -> None:
    from datetime import date

    anchor = date(2025, 2, 19)
    assert resolve("the '90s", anchor).value == "1990/1999"
    assert resolve("spring 2022", anchor).value == "2022-03/2022-05"
    assert resolve("last Tuesday", anchor).value == "2025-02-18"
    assert resolve("Wednesday", anchor).value == "2025-02-19"
    assert resolve("next Wednesday", anchor).value == "2025-02-26"
    assert resolve("last year", anchor).value == "2024"
    assert resolve("two decades ago", anchor).value == "2005"
    assert resolve("the 20th century", anchor).value == "1900/1999"
    assert resolve("February 30", anchor).value is None
    assert resolve("three-year", anchor).kind == "duration"
    assert resolve("last week", None).value is None and resolve("last week", None).relative


def test_demo_article_dates(nlp, demo_dir) -> None:
    # 000: the dateline reads "February 19, 2025"; the meeting was "On Tuesday" (Feb 18),
    # the invasion "in February 2022"; the talks lasted "four hours" (a duration).
    text = (demo_dir / "000_b2c3ebf31ae0b78c.txt").read_text(encoding="utf-8")
    found = dates_of(nlp, text, published="2025-02-19")
    first_tuesday = text.index("On Tuesday") + 3
    assert [d.value for d in found if d.start == first_tuesday] == ["2025-02-18"]
    feb22 = text.index("February 2022")
    assert [d.value for d in found if d.start == feb22] == ["2022-02"]
    hours = text.index("four hours")
    assert not [d for d in found if d.start <= hours < d.end]


def test_demo_article_without_date(nlp, demo_dir) -> None:
    # 001 prints no publication date: "on February 18" cannot be given a year.
    text = (demo_dir / "001_03e3696a6767eb81.txt").read_text(encoding="utf-8")
    found = dates_of(nlp, text, published=None)
    feb18 = [d for d in found if d.text == "February 18"]
    assert feb18 and all(d.value is None and d.note == "document date unknown" for d in feb18)
    assert "2022-02" in {d.value for d in found if d.text == "February 2022"}


def test_future_weekday_resolves_forward(nlp) -> None:
    # document date Wednesday 2025-02-19: "will visit on Wednesday" is that day or the next one
    # after it, never the Wednesday before; a past "visited on Thursday" is the one before.
    found = dates_of(nlp, "The prime minister will visit Nairobi on Thursday, his office said.")
    assert value_of(found, "Thursday") == "2025-02-20"
    assert [d.future for d in found] == [True]
    found = dates_of(nlp, "The prime minister visited Nairobi on Thursday, his office said.")
    assert value_of(found, "Thursday") == "2025-02-13"
    assert [d.future for d in found] == [False]


def test_plan_to_is_future(nlp) -> None:
    found = dates_of(nlp, "House leaders plan to bring the bill to a full vote on Thursday.")
    assert value_of(found, "Thursday") == "2025-02-20"


def test_deadlines_look_forward_unless_the_verb_is_past(nlp) -> None:
    # document date 2025-02-19
    assert value_of(dates_of(nlp, "A vaccine could be ready by September, officials said."), "September") == "2025-09"
    assert value_of(dates_of(nlp, "Small firms cannot enroll online until November."), "November") == "2025-11"
    assert value_of(dates_of(nlp, "Congress must act by the March 1 deadline."), "March 1") == "2025-03-01"
    assert value_of(dates_of(nlp, "Prices had doubled by November, the bank said."), "November") == "2024-11"
