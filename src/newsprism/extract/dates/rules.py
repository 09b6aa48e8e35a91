"""Rules that read one date expression and resolve it against a document date.

``resolve(text, anchor, future)`` classifies an expression (``date``, ``duration``, ``age``,
``vague``) and, for dates, gives an ISO value: ``YYYY-MM-DD``, a partial form (``YYYY``,
``YYYY-MM``) or an interval ``a/b``. Choices, documented once here:

- weekdays: the most recent such day on or before the document date (news past tense); in a
  future context ("will meet Tuesday") the first on or after; "next Tuesday" strictly after,
  "last Tuesday" strictly before.
- "last week" / "this week" / "next week": the Monday–Sunday week, as an interval.
- "last month": ``YYYY-MM``; "last year": ``YYYY``; "N years ago": the year (``2025`` minus N,
  year precision); "N months ago": ``YYYY-MM``; "N weeks ago": that Monday–Sunday week;
  "N days ago": the date.
- "February 17" without a year: the document year, moved back a year when that date would lie
  after the document date (past-preferring) unless the context is future.
- "the 1990s": ``1990/1999``; "the 20th century": ``1900/1999``; "spring 2022": ``2022-03/2022-05``.
- "the past three years": the rolling interval ending on the document date.

Relative expressions need the anchor; with ``anchor=None`` they resolve to ``None`` with
``relative=True`` so the caller can say "document date unknown".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from newsprism.lang.calendar import MONTH_NAMES, MONTHS, WEEKDAY_NAMES, WEEKDAYS, valid_date
from newsprism.lang.numbers import CARDINALS, NUMBER_PHRASES, TENS

Kind = Literal["date", "duration", "age", "vague", "unknown"]


@dataclass(frozen=True, slots=True)
class Resolution:
    kind: Kind
    value: str | None = None
    relative: bool = False  # needed the document date


# the number words of "three days ago", "the past two years": an article, the cardinals and tens
# such phrases use, and two idioms (in the order of the NUMBER_RE alternation)
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1,
    **{w: CARDINALS[w] for w in "one two three four five six seven eight nine ten eleven twelve fifteen".split()},
    **{w: TENS[w] for w in "twenty thirty forty fifty".split()},
    **{p: int(NUMBER_PHRASES[p]) for p in ("a couple of", "a dozen")},
}
SEASONS: dict[str, tuple[int, int]] = {
    "spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11),
}

_MONTH_RE = (rf"(?:{'|'.join(MONTH_NAMES)}|jan\.?|feb\.?|mar\.?|apr\.?|jun\.?|jul\.?|aug\.?|sept?\.?|"
             r"oct\.?|nov\.?|dec\.?)")
_WEEKDAY_RE = rf"(?:{'|'.join(WEEKDAY_NAMES)}|mon\.|tues?\.|wed\.|thu(?:rs?)?\.|fri\.|sat\.|sun\.)"
NUMBER_RE = rf"(?:\d+|{'|'.join(NUMBER_WORDS)})"
_UNIT_RE = r"(?:day|week|month|year|decade|century|centuries|hour|minute)s?"
_APPROX = (r"(?:(?:about|around|nearly|almost|roughly|some|more than|less than|over|under|"
           r"just over|just under|at least|only|barely|approximately|exactly|a full|the)\s+)?")
_PART = r"(?:(?:early|mid|late|the end of|the start of|the beginning of|the middle of)[\s-]+)?"
_DAYPART = r"(?:\s+(?:morning|afternoon|evening|night))?"

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MDY = re.compile(rf"(?:{_WEEKDAY_RE},?\s+)?({_MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})")
_DMY = re.compile(rf"(?:{_WEEKDAY_RE},?\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_RE}),?\s+(\d{{4}})")
_MD = re.compile(rf"(?:{_WEEKDAY_RE},?\s+)?({_MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:\s*(?:-|–|to|and)\s*(\d{{1,2}}))?")
_DM = re.compile(rf"(?:{_WEEKDAY_RE},?\s+)?(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_RE})")
_MY = re.compile(rf"{_PART}({_MONTH_RE}),?\s+(?:of\s+)?(\d{{4}})")
_SEASON_Y = re.compile(r"(?:early|late|mid|the)?[\s-]*(spring|summer|fall|autumn|winter)(?:\s+of)?\s+(\d{4})")
_YEAR = re.compile(rf"{_PART}(?:fiscal\s+|the\s+year\s+)?(\d{{4}})")
_DECADE = re.compile(rf"(?:the\s+)?{_PART}(?:the\s+)?(\d{{3}}0|'\d0)'?s")
_CENTURY = re.compile(rf"(?:the\s+)?{_PART}(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)[\s-]+century")
_MONTH = re.compile(rf"(?:(last|this|next|early|late|mid|earlier this|later this)[\s-]+)?({_MONTH_RE})")
_WEEKDAY = re.compile(rf"(?:(last|this|next|on|early|late|this past|this coming)\s+)?({_WEEKDAY_RE}){_DAYPART}")
_DEICTIC = re.compile(r"(today|tonight|yesterday|tomorrow|last night|this (?:morning|afternoon|evening)|"
                      r"the day before yesterday|the day after tomorrow)")
_PERIOD = re.compile(r"(?:(last|this|next|past|previous|coming|earlier this|later this|"
                     r"the past|the previous|the last|the coming|this past|over the|the)\s+)(week|weekend|month|year)")
_AGO = re.compile(rf"{_APPROX}({NUMBER_RE})[\s-]+({_UNIT_RE})\s+(?:ago|earlier|before)")
_PAST_N = re.compile(rf"(?:the\s+)?(?:past|last|previous)\s+({NUMBER_RE})\s+({_UNIT_RE})")
_AGE = re.compile(r"(?:\d+|[a-z]+)[\s-]+years?[\s-]+old|aged?\s+\d+|(?:his|her|their)\s+(?:\d0s|[a-z]+ties)")
_DURATION = re.compile(rf"{_APPROX}(?:(?:{NUMBER_RE}(?:\s*(?:-|to|or|and)\s*{NUMBER_RE})?|several|few|"
                       rf"a few|many|some|two or three)[\s-]+)?{_UNIT_RE}(?:-long|-old)?(?:\s+(?:long|later))?"
                       rf"|(?:for\s+|just\s+|only\s+|mere\s+)?(?:years|decades|months|weeks|days|centuries)")
_PRE_POST = re.compile(r"(?:pre|post)-?\d{4}")
_FREQUENCY = re.compile(r"(?:annual|annually|daily|weekly|monthly|yearly|quarterly|biweekly|"
                        r"each|every|per)\b.*")


def normalise(text: str) -> str:
    t = text.lower().replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    t = re.sub(r"\s+", " ", t).strip(" ,.;:")
    t = re.sub(r"'s$", "", t)
    return re.sub(r"^(?:on|in|since|until|by|from|during|as of|as early as|as late as)\s+", "", t)


def _shift_months(anchor: date, months: int) -> tuple[int, int]:
    idx = anchor.year * 12 + anchor.month - 1 + months
    return idx // 12, idx % 12 + 1


def _week(day: date) -> str:
    monday = day - timedelta(days=day.weekday())
    return f"{monday.isoformat()}/{(monday + timedelta(days=6)).isoformat()}"


def _weekend(day: date) -> str:
    saturday = day + timedelta(days=5 - day.weekday())
    return f"{saturday.isoformat()}/{(saturday + timedelta(days=1)).isoformat()}"


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def resolve(text: str, anchor: date | None, future: bool = False) -> Resolution:
    """Classify and resolve one date expression (see the module docstring for the choices)."""
    t = normalise(text)
    if not t:
        return Resolution("unknown")
    for absolute in (_absolute_date, _relative_date):
        res = absolute(t, anchor, future)
        if res is not None:
            return res
    if _AGE.fullmatch(t):
        return Resolution("age")
    if _DURATION.fullmatch(t) or re.fullmatch(rf"{NUMBER_RE}-{_UNIT_RE}", t):
        return Resolution("duration")
    if _FREQUENCY.fullmatch(t) or _PRE_POST.fullmatch(t):
        return Resolution("duration")
    return Resolution("unknown")


def _absolute_date(t: str, anchor: date | None, future: bool) -> Resolution | None:
    if m := _ISO.fullmatch(t):
        d = valid_date(int(m[1]), int(m[2]), int(m[3]))
        return Resolution("date", d.isoformat()) if d else None
    for rx, order in ((_MDY, (3, 1, 2)), (_DMY, (3, 2, 1))):
        if m := rx.fullmatch(t):
            d = valid_date(int(m[order[0]]), MONTHS[m[order[1]]], int(m[order[2]]))
            return Resolution("date", d.isoformat()) if d else Resolution("unknown")
    if m := _MY.fullmatch(t):
        return Resolution("date", f"{int(m[2]):04d}-{MONTHS[m[1]]:02d}")
    if m := _SEASON_Y.fullmatch(t):
        year, season = int(m[2]), m[1]
        if season == "winter":
            return Resolution("date", f"{year:04d}-01/{year:04d}-02")
        a, b = SEASONS[season]
        return Resolution("date", f"{year:04d}-{a:02d}/{year:04d}-{b:02d}")
    if (m := _YEAR.fullmatch(t)) and 1000 <= int(m[1]) <= 2999:
        return Resolution("date", m[1])
    if m := _CENTURY.fullmatch(t):
        c = int(m[1])
        return Resolution("date", f"{(c - 1) * 100:04d}/{(c - 1) * 100 + 99:04d}")
    if m := _DECADE.fullmatch(t):
        return _decade(m[1], anchor)
    return None


def _decade(token: str, anchor: date | None) -> Resolution:
    if token.startswith("'"):
        two = int(token[1:])
        if anchor is None:
            return Resolution("date", None, relative=True)
        century = anchor.year // 100 * 100
        start = century + two if century + two <= anchor.year else century - 100 + two
    else:
        start = int(token)
    return Resolution("date", f"{start:04d}/{start + 9:04d}")


def _relative_date(t: str, anchor: date | None, future: bool) -> Resolution | None:
    for rule in (_month_day, _weekday, _deictic, _period, _ago, _past_n, _month_only):
        res = rule(t, anchor, future)
        if res is not None:
            return res
    return None


def _month_day(t: str, anchor: date | None, future: bool) -> Resolution | None:
    m = _MD.fullmatch(t)
    if m:
        month, day, day2 = MONTHS[m[1]], int(m[2]), int(m[3]) if m[3] else None
    elif m2 := _DM.fullmatch(t):
        month, day, day2 = MONTHS[m2[2]], int(m2[1]), None
    else:
        return None
    if anchor is None:
        return Resolution("date", None, relative=True)
    year = anchor.year
    d = valid_date(year, month, day)
    if d is None:
        return Resolution("unknown")
    if not future and d > anchor:
        year -= 1
    elif future and d < anchor:
        year += 1
    first = valid_date(year, month, day)
    if first is None:
        return Resolution("unknown")
    if day2 is not None and day2 > day and (last := valid_date(year, month, day2)):
        return Resolution("date", f"{first.isoformat()}/{last.isoformat()}", relative=True)
    return Resolution("date", first.isoformat(), relative=True)


def _weekday(t: str, anchor: date | None, future: bool) -> Resolution | None:
    m = _WEEKDAY.fullmatch(t)
    if not m:
        return None
    if anchor is None:
        return Resolution("date", None, relative=True)
    wd, mod = WEEKDAYS[m[2]], m[1] or ""
    back = (anchor.weekday() - wd) % 7
    ahead = (wd - anchor.weekday()) % 7
    if mod in ("next", "this coming"):
        d = anchor + timedelta(days=ahead or 7)
    elif mod in ("last", "this past"):
        d = anchor - timedelta(days=back or 7)
    elif future:
        d = anchor + timedelta(days=ahead)
    else:
        d = anchor - timedelta(days=back)
    return Resolution("date", d.isoformat(), relative=True)


def _deictic(t: str, anchor: date | None, future: bool) -> Resolution | None:
    m = _DEICTIC.fullmatch(t)
    if not m:
        return None
    if anchor is None:
        return Resolution("date", None, relative=True)
    offsets = {"yesterday": -1, "last night": -1, "tomorrow": 1, "the day before yesterday": -2,
               "the day after tomorrow": 2}
    d = anchor + timedelta(days=offsets.get(m[1], 0))
    return Resolution("date", d.isoformat(), relative=True)


def _period(t: str, anchor: date | None, future: bool) -> Resolution | None:
    m = _PERIOD.fullmatch(t)
    if not m:
        return None
    if anchor is None:
        return Resolution("date", None, relative=True)
    mod, unit = m[1], m[2]
    if mod == "the" and unit != "weekend":
        return None
    if mod == "the":
        mod = "coming" if future else "over the"
    step = {"last": -1, "previous": -1, "the previous": -1, "next": 1, "coming": 1,
            "the coming": 1}.get(mod, 0)
    rolling = mod in ("past", "the past", "the last")
    if unit == "week":
        if rolling:
            return Resolution("date", f"{(anchor - timedelta(days=7)).isoformat()}/{anchor.isoformat()}", True)
        return Resolution("date", _week(anchor + timedelta(weeks=step)), True)
    if unit == "weekend":
        if mod in ("last", "previous", "the previous", "past", "the past", "this past", "over the"):
            back = (anchor.weekday() - 6) % 7  # the most recent Sunday on or before
            return Resolution("date", _weekend(anchor - timedelta(days=back) - timedelta(days=6)), True)
        return Resolution("date", _weekend(anchor + timedelta(weeks=step)), True)
    if unit == "month":
        if rolling:
            y, mo = _shift_months(anchor, -1)
            start = valid_date(y, mo, min(anchor.day, 28))
            return Resolution("date", f"{start.isoformat() if start else ''}/{anchor.isoformat()}", True)
        y, mo = _shift_months(anchor, step)
        return Resolution("date", f"{y:04d}-{mo:02d}", True)
    if rolling:
        start = valid_date(anchor.year - 1, anchor.month, min(anchor.day, 28))
        return Resolution("date", f"{start.isoformat() if start else ''}/{anchor.isoformat()}", True)
    return Resolution("date", f"{anchor.year + step:04d}", True)


def _ago(t: str, anchor: date | None, future: bool) -> Resolution | None:
    m = _AGO.fullmatch(t)
    if not m:
        return None
    n = _number(m[1])
    if n is None:
        return Resolution("vague")
    if anchor is None:
        return Resolution("date", None, relative=True)
    unit = m[2].rstrip("s")
    if unit in ("hour", "minute"):
        return Resolution("date", anchor.isoformat(), True)
    if unit == "day":
        return Resolution("date", (anchor - timedelta(days=n)).isoformat(), True)
    if unit == "week":
        return Resolution("date", _week(anchor - timedelta(weeks=n)), True)
    if unit == "month":
        y, mo = _shift_months(anchor, -n)
        return Resolution("date", f"{y:04d}-{mo:02d}", True)
    years = {"year": n, "decade": 10 * n}.get(unit, 100 * n)
    return Resolution("date", f"{anchor.year - years:04d}", True)


def _past_n(t: str, anchor: date | None, future: bool) -> Resolution | None:
    m = _PAST_N.fullmatch(t)
    if not m:
        return None
    n = _number(m[1])
    if n is None:
        return Resolution("vague")
    if anchor is None:
        return Resolution("date", None, relative=True)
    unit = m[2].rstrip("s")
    days = {"day": 1, "week": 7}.get(unit)
    if days is not None:
        start = anchor - timedelta(days=days * n)
    elif unit == "month":
        y, mo = _shift_months(anchor, -n)
        start = valid_date(y, mo, min(anchor.day, 28)) or anchor
    else:
        years = {"year": n, "decade": 10 * n}.get(unit, 100 * n)
        start = valid_date(anchor.year - years, anchor.month, min(anchor.day, 28)) or anchor
    return Resolution("date", f"{start.isoformat()}/{anchor.isoformat()}", True)


def _month_only(t: str, anchor: date | None, future: bool) -> Resolution | None:
    m = _MONTH.fullmatch(t)
    if not m:
        return None
    if anchor is None:
        return Resolution("date", None, relative=True)
    mod, month = m[1] or "", MONTHS[m[2]]
    year = anchor.year
    if mod == "next" or (future and mod not in ("last", "earlier this")):
        if month < anchor.month or (mod == "next" and month == anchor.month):
            year += 1
    elif mod == "last":
        if month >= anchor.month:
            year -= 1
    elif mod not in ("this", "earlier this", "later this") and month > anchor.month:
        year -= 1
    return Resolution("date", f"{year:04d}-{month:02d}", True)
