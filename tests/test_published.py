"""Publication dates inferred from an article's own words, and from its story (hand-written text;
expected days worked out by hand from a calendar)."""

from __future__ import annotations

import time
from datetime import date

from newsprism.compare.stories.dating import date_from_stories
from newsprism.ingest import build_document
from newsprism.lang.published import infer_published
from newsprism.model import RawSource, Story, StorySignature

TODAY = date(2026, 12, 7)


def day(text: str, near: date | None = None) -> str | None:
    found = infer_published(text, TODAY, near)
    return found.day.isoformat() if found else None


def evidence(text: str) -> list[str]:
    found = infer_published(text, TODAY)
    assert found is not None
    return [text[a:b] for a, b in found.spans]


def test_full_date_reported_as_past() -> None:
    text = "The harbour authority closed the port on March 4, 2024, after the storm."
    assert day(text) == "2024-03-04"
    assert evidence(text) == ["March 4, 2024"]


def test_day_month_and_iso_forms() -> None:
    assert day("Voters went to the polls on 9 June 2024 in a tense election.") == "2024-06-09"
    assert day("The filing, dated 2023-11-30, was made public.") == "2023-11-30"


def test_latest_reported_date_wins() -> None:
    text = "The strike began on October 2, 2023. It ended on October 19, 2023, after a deal."
    assert day(text) == "2023-10-19"


def test_weekday_fixes_the_year_of_a_month_day() -> None:
    # 18 February is a Tuesday in 2025 (and in 2020, 2014); the text names 2022 and 2024, and
    # of 2021..2025 only 2025 has a Tuesday 18 February.
    text = ("The envoys met on Tuesday, February 18, in the capital. The war began in 2022; "
            "talks stalled in 2024.")
    assert day(text) == "2025-02-18"
    assert evidence(text) == ["Tuesday, February 18"]


def test_weekday_without_any_year_takes_the_latest_fitting_year() -> None:
    # Friday, 13 September: 2024 and 2019 in the ten years up to 2026-12-07; the latest is 2024.
    assert day("Officials confirmed the closure on Friday, September 13.") == "2024-09-13"


def test_weekday_that_does_not_fit_any_nearby_year_gives_nothing() -> None:
    # the text names 2025, so 2024..2026 are looked at: 18 February is a Sunday, a Tuesday and a
    # Wednesday there, never a Monday
    assert day("The summit opened on Monday, February 18. It was planned in 2025.") is None


def test_bare_month_day_takes_the_year_of_the_nearest_dated_mention() -> None:
    text = "Talks began on February 17, 2025. They ended on February 18 without a deal."
    assert day(text) == "2025-02-18"


def test_last_month_beside_a_date_moves_to_the_next_month() -> None:
    text = "The parliament approved the budget last month, on January 30, 2025."
    assert day(text) == "2025-02-01"
    assert evidence(text) == ["January 30, 2025", "last month"]


def test_this_weekend_beside_a_future_date_bounds_from_above() -> None:
    text = ("The ministers met on 18 February 2025 and will meet again this weekend, on "
            "February 22, 2025.")
    assert day(text) == "2025-02-18"
    assert "this weekend" in evidence(text)


def test_today_beside_a_full_date() -> None:
    assert day("The summit opened today, March 3, 2025, in Paris.") == "2025-03-03"
    assert day("The verdict came yesterday (March 3, 2025) after a long trial.") == "2025-03-04"


def test_future_dates_are_not_the_publication_date() -> None:
    text = "The leaders will meet on Friday, February 21, 2025. They met on February 14, 2025."
    assert day(text) == "2025-02-14"
    assert day("The vote is scheduled to take place on May 2, 2027.") is None


def test_no_usable_evidence_stays_undated() -> None:
    assert day("The minister spoke on Tuesday about the war that began in 2022.") is None
    assert day("Nothing in this sentence has a date.") is None


def test_story_date_completes_bare_weekdays_and_month_days() -> None:
    near = date(2025, 2, 19)  # a Wednesday
    assert day("The delegations met on Tuesday in the capital.", near) == "2025-02-18"
    assert day("The delegations met on February 18 in the capital.", near) == "2025-02-18"
    assert day("They met on Tuesday. On Wednesday, the president spoke.", near) == "2025-02-19"
    assert day("They will meet again on Friday.", near) is None


def raw(text: str, **meta: str) -> RawSource:
    return RawSource("mem.txt", "txt", text, meta=dict(meta))


def test_build_document_marks_basis_and_evidence() -> None:
    text = "Port closed after storm\n\nThe harbour authority closed the port on March 4, 2024, after the storm hit.\n"
    inferred = build_document(raw(text), today=TODAY)
    assert inferred.published == "2024-03-04" and inferred.published_basis == "inferred"
    assert [s.text for s in inferred.published_evidence] == ["March 4, 2024"]
    assert inferred.evidence["published"].startswith("inferred from the text")
    stated = build_document(raw(text, published="2024-03-05"), today=TODAY)
    assert stated.published == "2024-03-05" and stated.published_basis == "explicit"
    plain = build_document(raw("A quiet day\n\nThe minister spoke on Tuesday.\n"), today=TODAY)
    assert plain.published is None and plain.published_basis is None and plain.published_evidence == ()


def test_story_pass_fills_only_undated_documents() -> None:
    dated = build_document(raw("Talks in the capital\n\nThe envoys met on February 18, 2025, in the capital.\n",
                               published="2025-02-19"), today=TODAY)
    undated = build_document(raw("Envoys meet\n\nThe envoys met on Tuesday in the capital, officials said.\n"),
                             today=TODAY)
    silent = build_document(raw("Envoys meet again\n\nThe envoys met in the capital, officials said.\n"),
                            today=TODAY)
    assert undated.published is None
    story = Story("story_1", "Talks in the capital", (dated.id, undated.id, silent.id))
    out = date_from_stories([dated, undated, silent], [story], TODAY)
    assert [d.id for d in out] == [undated.id]
    assert out[0].published == "2025-02-18" and out[0].published_basis == "story"
    assert [s.text for s in out[0].published_evidence] == ["Tuesday"]
    assert "2025-02-19" in out[0].evidence["published"]
    assert date_from_stories([undated], [Story("s2", "x", (undated.id,))], TODAY) == ()


def test_bare_weekday_after_the_latest_written_date_moves_it_on() -> None:
    # March 18, 2015 is a Wednesday; "Thursday" nearest to it is March 19; "Monday" (March 16)
    # lies before it and changes nothing
    text = ("Gunmen attacked the museum on March 18, 2015. Crowds rallied outside it Thursday. "
            "The minister had warned of threats on Monday.")
    assert day(text) == "2015-03-19"
    assert evidence(text) == ["Thursday"]
    assert day("Gunmen attacked the museum on March 18, 2015. The minister warned on Monday.") == "2015-03-18"


def test_deadlines_and_hopes_are_future_but_quoted_will_is_not() -> None:
    text = "Leaders hope to reopen by July 4, 2020. The county voted on May 19, 2020."
    assert day(text) == "2020-05-19"
    assert day("Officials have until June 30, 2021 to decide. The board met on June 2, 2021.") == "2021-06-02"
    # "will" inside a placard's quoted words does not make the rally future
    assert day('A woman holds a sign reading "We will stand" at a rally March 18, 2015.') == "2015-03-18"


def test_history_before_a_later_written_year_is_not_the_date() -> None:
    text = "On March 30, 2010, the president signed the law. In 2013 the exchanges opened on Tuesday."
    assert day(text) is None


def test_story_pass_reads_the_stored_signature_of_earlier_batches() -> None:
    undated = build_document(raw("Envoys meet\n\nThe envoys met on Tuesday in the capital, officials said.\n"),
                             today=TODAY)
    story = Story("story_9", "Talks in the capital", (undated.id,))
    stored = StorySignature("story_9", "Talks in the capital", (), (), "2025-02-17", "2025-02-19", 3)
    out = date_from_stories([undated], [story], TODAY, [stored])
    assert [d.published for d in out] == ["2025-02-18"]
    assert "documents stored earlier" in out[0].evidence["published"]
    other = StorySignature("story_8", "Elsewhere", (), (), "2025-02-17", "2025-02-19", 3)
    assert date_from_stories([undated], [story], TODAY, [other]) == ()


def test_today_far_from_a_historic_date_does_not_date_the_article() -> None:
    text = "The law, which parliament passed on March 3, 2010, after a long fight, is still in force today."
    assert day(text) == "2010-03-03"  # the latest reported date; "today" is not beside it
    assert evidence(text) == ["March 3, 2010"]


def test_time_grows_linearly_with_the_text() -> None:
    # 2,000 repeats (244,000 characters, 10,000 dates): the quadratic first version needed minutes
    text = ("The council met on March 3, 2020 and on Tuesday, March 4 last month. It will meet by "
            "May 2. Sales rose in 2019 on Friday. ") * 2000
    start = time.perf_counter()
    assert day(text) == "2020-03-03" and day(text, near=date(2020, 3, 5)) == "2020-03-03"
    assert time.perf_counter() - start < 20
