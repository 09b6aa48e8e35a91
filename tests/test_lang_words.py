"""The shared English language data of ``newsprism.lang`` (expected values written by hand)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from newsprism.lang.calendar import (
    MONTH_NAME_RE,
    MONTH_WORDS,
    MONTHS,
    WEEKDAY_NAME_RE,
    WEEKDAY_NAMES,
    WEEKDAYS,
    month_number,
    parse_iso_day,
    valid_date,
)
from newsprism.lang.numbers import (
    CARDINALS,
    NUMBER_PHRASES,
    SCALES,
    TENS,
    normalise_numbers,
    number_value,
    split_hyphen_numbers,
)
from newsprism.lang.words import (
    APPROXIMATE_NEGATORS,
    CORE_STOP_WORDS,
    FUNCTION_WORDS,
    LETTER_RUN,
    LETTER_WORD,
    LETTER_WORD_STRAIGHT,
    NEGATIONS,
    STOP_WORDS,
    WORD,
    WORD_RUN,
    is_function_word,
)


@pytest.mark.parametrize(("name", "number"), [
    ("February", 2), ("Feb.", 2), ("feb", 2), ("SEPT", 9), ("Sept.", 9), ("Sep", 9), ("september", 9),
    ("May", 5), ("dec.", 12),
])
def test_month_number(name: str, number: int) -> None:
    assert month_number(name) == number


def test_month_number_of_a_non_month_is_none() -> None:
    assert month_number("Monday") is None
    assert month_number("") is None


def test_month_and_weekday_tables() -> None:
    assert MONTHS["march"] == MONTHS["mar"] == MONTHS["mar."] == 3
    assert MONTHS["sept."] == 9
    assert WEEKDAYS["sunday"] == WEEKDAYS["sun."] == 6
    assert WEEKDAYS["thurs."] == WEEKDAYS["thur."] == WEEKDAYS["thu."] == 3
    assert WEEKDAYS["tues."] == 1
    assert "sept" in MONTH_WORDS and "may" in MONTH_WORDS and "feb." not in MONTH_WORDS


def test_weekday_names_follow_date_weekday() -> None:
    assert WEEKDAY_NAMES[date(2024, 2, 18).weekday()] == "sunday"
    assert WEEKDAY_NAMES[date(2025, 2, 18).weekday()] == "tuesday"


def test_name_alternations_match_whole_names_as_written() -> None:
    assert re.findall(rf"\b(?:{MONTH_NAME_RE})\b", "From January to March, not in april") == ["January", "March"]
    assert re.fullmatch(WEEKDAY_NAME_RE, "Wednesday")
    assert not re.fullmatch(WEEKDAY_NAME_RE, "Wed")


@pytest.mark.parametrize(("value", "day"), [
    ("2025-02-18", date(2025, 2, 18)),
    ("2025-02-18T10:00:00Z", date(2025, 2, 18)),
    ("2025-02-18 10:00", date(2025, 2, 18)),
    (" 2024-02-29", date(2024, 2, 29)),
    ("2025-02-30", None),
    ("2025-02", None),
    ("Feb 18, 2025", None),
    ("", None),
    (None, None),
])
def test_parse_iso_day(value: str | None, day: date | None) -> None:
    assert parse_iso_day(value) == day


def test_parse_iso_day_gives_the_ordinal_through_the_date() -> None:
    day = parse_iso_day("2025-02-18T10:00:00Z")
    assert day is not None and day.toordinal() == date(2025, 2, 17).toordinal() + 1


def test_valid_date() -> None:
    assert valid_date(2024, 2, 29) == date(2024, 2, 29)
    assert valid_date(2025, 2, 29) is None
    assert valid_date(2025, None, 1) is None
    assert valid_date(None, 2, 1) is None


def test_number_word_tables() -> None:
    assert CARDINALS["zero"] == 0 and CARDINALS["seven"] == 7 and CARDINALS["nineteen"] == 19
    assert TENS["twenty"] == 20 and TENS["ninety"] == 90
    assert SCALES["million"] == 1_000_000
    assert NUMBER_PHRASES["a dozen"] == 12 and NUMBER_PHRASES["half a"] == 0.5


@pytest.mark.parametrize(("token", "value"), [
    ("four", 4.0), ("Twenty", 20.0), ("1,200", 1200.0), ("4.5", 4.5), ("dozen", None), ("fourth", None),
])
def test_number_value(token: str, value: float | None) -> None:
    assert number_value(token) == value


@pytest.mark.parametrize(("tokens", "normalised"), [
    (["twenty-five", "people"], ["#25", "people"]),
    (["Twenty", "five", "people"], ["#25", "people"]),
    (["four", "hours"], ["#4", "hours"]),
    (["4", "hours"], ["#4", "hours"]),
    (["2", "million", "dollars"], ["#2e+06", "dollars"]),  # the value in "g" format
    (["two", "dozen", "eggs"], ["#24", "eggs"]),
    (["The", "talks"], ["the", "talks"]),
])
def test_normalise_numbers(tokens: list[str], normalised: list[str]) -> None:
    assert normalise_numbers(split_hyphen_numbers(tokens)) == normalised


def test_split_hyphen_numbers_leaves_other_compounds() -> None:
    tokens = ["twenty-five", "four-hour", "well-known"]
    assert split_hyphen_numbers(tokens) == ["twenty", "five", "four-hour", "well-known"]


def test_stop_word_lists_nest() -> None:
    assert is_function_word("The") and is_function_word("whom") and not is_function_word("talks")
    assert FUNCTION_WORDS - STOP_WORDS == set()
    assert "fire" not in CORE_STOP_WORDS and "bill" not in STOP_WORDS  # content words in news
    assert "said" in STOP_WORDS and "said" not in CORE_STOP_WORDS
    assert CORE_STOP_WORDS < STOP_WORDS


def test_negations() -> None:
    assert {"not", "never", "nobody", "cannot", "without"} <= NEGATIONS
    assert "hardly" in APPROXIMATE_NEGATORS and "hardly" not in NEGATIONS
    assert NEGATIONS.isdisjoint(APPROXIMATE_NEGATORS)


def test_word_patterns() -> None:
    text = "Don’t ask O’Brien-Smith's G7_team"
    assert WORD_RUN.findall(text) == ["Don", "t", "ask", "O", "Brien", "Smith", "s", "G7_team"]
    assert LETTER_RUN.findall(text) == ["Don", "t", "ask", "O", "Brien", "Smith", "s", "G", "team"]
    assert WORD.findall(text) == ["Don’t", "ask", "O’Brien", "Smith's", "G7", "team"]
    assert LETTER_WORD.findall(text) == ["Don’t", "ask", "O’Brien-Smith's", "G", "team"]
    assert LETTER_WORD_STRAIGHT.findall(text) == ["Don", "t", "ask", "O", "Brien-Smith's", "G", "team"]
