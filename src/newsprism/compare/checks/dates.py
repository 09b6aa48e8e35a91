"""Date and weekday checks: two statements of one claim put the event on different days.

Finds weekdays ("on Tuesday", "Tuesday's"), day dates ("February 18", "18 Feb 2025") and month
dates ("February 2022") in each span. Reports different weekdays (kind ``weekday``), different
dates (kind ``date``), and a weekday that does not fall on the date the other side states (kind
``weekday``; the year comes from the date itself, else from the document's publication date).
``weekday_mismatches`` finds the same error inside one document: a weekday written beside a
date it does not fall on ("Tuesday, February 18, 2024"), reported by ``find_discrepancies`` as
a ``weekday`` finding with the one span.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from newsprism.compare.checks.judge import JudgeContext, Verdict
from newsprism.compare.checks.text import sub_span
from newsprism.lang.calendar import WEEKDAY_NAME_RE, WEEKDAY_NAMES, month_number, valid_date
from newsprism.model import Span

_MONTH = (r"(?P<mon{n}>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DATE_RE = re.compile(
    rf"\b(?:{_MONTH.format(n=1)}\s+(?P<day1>\d{{1,2}})(?:st|nd|rd|th)?\b(?:\s*[-–]\s*\d{{1,2}}\b)?"
    rf"(?:,?\s+(?P<year1>\d{{4}}))?"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH.format(n=2)}(?:,?\s+(?P<year2>\d{{4}}))?"
    rf"|{_MONTH.format(n=3)},?\s+(?P<year3>\d{{4}}))\b"
)
_YEAR_RE = re.compile(r"(?<![\d,.])\b(1[89]\d\d|20\d\d)\b(?![,.]?\d)")
_WEEKDAY_RE = re.compile(rf"\b({WEEKDAY_NAME_RE})(?:['’]s)?\b")


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int  # offsets inside the span text
    end: int
    month: int
    day: int | None  # None for "February 2022"
    year: int | None


def find_dates(text: str) -> list[DateMention]:
    return list(_dates(text))


@lru_cache(maxsize=4096)
def _dates(text: str) -> tuple[DateMention, ...]:
    """``find_dates``, parsed once per text (a mention is compared with many others)."""
    out: list[DateMention] = []
    for m in _DATE_RE.finditer(text):
        mon = m.group("mon1") or m.group("mon2") or m.group("mon3")
        day = m.group("day1") or m.group("day2")
        year = m.group("year1") or m.group("year2") or m.group("year3")
        month = month_number(mon)
        if month is None or (day is not None and not 1 <= int(day) <= 31):
            continue
        if mon == "May" and day is None and year is None:
            continue
        out.append(DateMention(m.start(), m.end(), month, int(day) if day else None,
                               int(year) if year else None))
    return tuple(out)


def find_weekdays(text: str) -> list[tuple[int, int, str]]:
    """(start, end, weekday) for each weekday name; the span excludes a possessive ending."""
    return list(_weekdays(text))


@lru_cache(maxsize=4096)
def _weekdays(text: str) -> tuple[tuple[int, int, str], ...]:
    return tuple((m.start(1), m.end(1), m.group(1).lower()) for m in _WEEKDAY_RE.finditer(text))


def _year(d: DateMention, published: str | None) -> int | None:
    if d.year is not None:
        return d.year
    if published and re.match(r"\d{4}", published):
        year = int(published[:4])
        month = int(published[5:7]) if re.match(r"\d{4}-\d{2}", published) else 12
        return year - 1 if d.month > month + 1 else year  # news dates lie mostly in the past
    return None


def _as_date(d: DateMention, published: str | None) -> dt.date | None:
    return valid_date(_year(d, published), d.month, d.day)


def _label(d: dt.date) -> str:
    return f"{d:%B} {d.day}, {d.year} was a {d:%A}"


def _weekday_vs_weekday(a: Span, b: Span) -> Verdict | None:
    wa, wb = find_weekdays(a.text), find_weekdays(b.text)
    names_a, names_b = {w for _, _, w in wa}, {w for _, _, w in wb}
    if len(names_a) == 1 and len(names_b) == 1 and names_a != names_b:
        (sa, ea, _), (sb, eb, _) = wa[0], wb[0]
        return Verdict("weekday", "medium", "the day of the week", sub_span(a, sa, ea), sub_span(b, sb, eb))
    return None


def _date_vs_date(a: Span, b: Span) -> Verdict | None:
    da, db = find_dates(a.text), find_dates(b.text)
    days_a = [d for d in da if d.day is not None]
    days_b = [d for d in db if d.day is not None]
    if len(days_a) == 1 and len(days_b) == 1:
        x, y = days_a[0], days_b[0]
        if (x.month, x.day) != (y.month, y.day) or (x.year and y.year and x.year != y.year):
            gap = abs((x.month - y.month) * 31 + ((x.day or 0) - (y.day or 0)))
            severity = "medium" if gap <= 1 else "high"
            return Verdict("date", severity, "the date", sub_span(a, x.start, x.end), sub_span(b, y.start, y.end))
        return None
    months_a = [d for d in da if d.day is None and d.year]
    months_b = [d for d in db if d.day is None and d.year]
    if not days_a and not days_b and len(months_a) == 1 and len(months_b) == 1:
        x, y = months_a[0], months_b[0]
        if (x.month, x.year) != (y.month, y.year):
            return Verdict("date", "medium", "the month", sub_span(a, x.start, x.end), sub_span(b, y.start, y.end))
    return None


def _weekday_vs_date(a: Span, b: Span, context: JudgeContext, swapped: bool) -> Verdict | None:
    """``a`` names a weekday and no date, ``b`` a date and no weekday: do they agree?"""
    wa, db = find_weekdays(a.text), [d for d in find_dates(b.text) if d.day is not None]
    if len(wa) != 1 or len(db) != 1 or find_dates(a.text) or find_weekdays(b.text):
        return None
    day = _as_date(db[0], context.published.get(b.doc) or context.published.get(a.doc))
    if day is None or WEEKDAY_NAMES[day.weekday()] == wa[0][2]:
        return None
    sa, ea, _ = wa[0]
    x, y = sub_span(a, sa, ea), sub_span(b, db[0].start, db[0].end)
    if swapped:
        return Verdict("weekday", "medium", "the day", y, x, _label(day))
    return Verdict("weekday", "medium", "the day", x, y, _label(day))


def other_occasions(a: str, b: str) -> bool:
    """Whether two sentences name different years and no shared day ("the poll of October
    22-25, 2016" / "conducted October 27-30, 2019"): they tell of two occasions, so a different
    figure or date in them is no contradiction. The same day in another year ("February 18,
    2024" / "February 18, 2025") is one date told two ways, and stays a date finding."""
    years_a, years_b = set(_YEAR_RE.findall(a)), set(_YEAR_RE.findall(b))
    if not years_a or not years_b or years_a & years_b:
        return False
    days_a = {(d.month, d.day) for d in find_dates(a) if d.day is not None}
    days_b = {(d.month, d.day) for d in find_dates(b) if d.day is not None}
    return not days_a & days_b


def check_dates(a: Span, b: Span, context: JudgeContext) -> Verdict | None:
    """Different weekdays, different dates, or a weekday that contradicts the other side's date."""
    return (
        _weekday_vs_weekday(a, b)
        or _date_vs_date(a, b)
        or _weekday_vs_date(a, b, context, swapped=False)
        or _weekday_vs_date(b, a, context, swapped=True)
    )


_JOIN = re.compile(r",?\s{1,2}(?:the\s+)?")


def weekday_mismatches(text: str, published: str | None) -> list[tuple[int, int, str]]:
    """A weekday written beside a day date that it does not fall on ("Tuesday, February 18, 2024":
    that day was a Sunday): (start, end, what the calendar says) for each, offsets in ``text``.
    A date without a year takes the year of ``published`` (nothing is said without one)."""
    out = []
    weekdays = {end: (start, name) for start, end, name in find_weekdays(text)}
    for d in find_dates(text):
        if d.day is None:
            continue
        for end, (start, name) in weekdays.items():
            if end <= d.start and end >= d.start - 6 and _JOIN.fullmatch(text[end:d.start]):
                day = _as_date(d, published)
                if day is not None and f"{day:%A}".lower() != name:
                    out.append((start, d.end, _label(day)))
    return out
