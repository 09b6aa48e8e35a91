"""A publication date inferred from the article's own words, for documents whose metadata has none.

``infer_published(text, today)`` reads the body (``Document.dated_text()``: outside the body
blanked, captions kept) and returns the inferred day with the spans that support it, or ``None``
when the text gives no day-precision evidence. The evidence, strongest first:

1. a deictic word beside a full date (at most 20 characters away): "today, February 18, 2025"
   gives that day, "yesterday (Feb. 17, 2025)" the day after, "tomorrow, February 19, 2025" the
   day before;
2. dates the article reports as past: full dates ("February 18, 2025", "18 February 2025",
   "2025-02-18"), a weekday with a month-day whose weekday fixes the year ("Tuesday, February 18"
   is 2025 when the years next to the article's written years hold only one such Tuesday; with no
   year written, the latest such Tuesday in the ten years up to ``today``), and a bare
   month-day ("February 18") in the year of the nearest such date. The latest of them is the
   estimate (news reports what just happened), where a bare weekday reported as past
   ("Thursday") counts as that weekday at most one day after the latest written date, else
   before it (a rally "Thursday" after an attack on "March 18, 2015", a Wednesday, moves the
   estimate to March 19). A full date in a year before the latest year the text writes outside
   a future clause is history ("On March 30, 2010, Obama signed" in a text that mentions 2013),
   not evidence of the day of writing;
3. constraints that move the estimate, each from a cue written beside a month-day D (at most
   20 characters away: "last month, on January 30"): "last month" puts the article in the
   month after D's and "this month" in D's month (the estimate becomes the first day of that
   month when it lies before it); "this weekend" / "next week" put it at most 6 days before D;
   "last week" in the week after D's.

Dates in a sentence about the future ("will", "is expected to", "is due to", "hoping to",
"next", "upcoming") or right after "by" / "until" / "before" (a deadline) are not taken as
reported past: they only bound the estimate from above (it stays before them).
Years outside 1900..``today.year + 1`` and dates after ``today`` are ignored.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from newsprism.lang.calendar import WEEKDAYS, month_number, valid_date

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_WEEKDAY = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
            r"Mon\.|Tues?\.|Wed\.|Thu(?:rs?)?\.|Fri\.|Sat\.|Sun\.)")
_ORD = r"(?:st|nd|rd|th)?"
_YEAR_TAIL = r"(?:,?\s+(?P<y>(?:19|20)\d\d))?(?![\d,]*\d)"
_DATE = re.compile(
    rf"\b(?:(?P<w>{_WEEKDAY}),?\s+(?:\(?\s*)?(?:the\s+)?)?"
    rf"(?:(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}}){_ORD}\b|(?P<d2>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<m2>{_MONTH})(?![a-z]))"
    rf"{_YEAR_TAIL}"
    rf"|\b(?P<iso>(?P<iy>(?:19|20)\d\d)-(?P<im>\d\d)-(?P<id>\d\d))\b"
)
_BARE_WEEKDAY = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_QUOTED = re.compile(r"[\"\u201c][^\"\u201d]*[\"\u201d]")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_DIGIT = re.compile(r"\d")
# a sentence starts only right after a terminator or a line end (the lookbehind): every start
# inside a run of words fails or succeeds as the run's first one does, so trying them all (as the
# pattern without it did) gave the same sentences in quadratic time
_SENTENCE = re.compile(r"(?<![^.!?\n])[^.!?\n]+(?:[.!?]+(?=\s|$)|(?=\n)|$)")
_FUTURE = re.compile(r"\b(?:will|shall|'ll|(?:is|are|was|were)\s+(?:expected|scheduled|due|set|slated|"
                     r"planned|going)\s+to|(?:hop|aim|plan|intend)(?:e|es|s|ing)?\s+to|next|upcoming|coming)\b"
                     r"|\b(?:by|until|before)\s*$", re.I)
_DEICTIC = {"today": 0, "yesterday": 1, "tomorrow": -1, "tonight": 0}
_DEICTIC_RE = re.compile(r"\b(today|yesterday|tomorrow|tonight)\b", re.I)
_LAST_MONTH = re.compile(r"\blast month\b", re.I)
_THIS_MONTH = re.compile(r"\b(?:earlier |later )?this month\b", re.I)
_AHEAD = re.compile(r"\b(?:this weekend|next week|this coming \w+)\b", re.I)
_LAST_WEEK = re.compile(r"\blast week\b", re.I)
# cue -> the days the article may lie in, given the date D named beside it
_CONSTRAINTS = (
    (_LAST_MONTH, lambda d: (_month_start(d, 1), _month_start(d, 2) - timedelta(days=1))),
    (_THIS_MONTH, lambda d: (_month_start(d, 0), _month_start(d, 1) - timedelta(days=1))),
    (_AHEAD, lambda d: (d - timedelta(days=6), d)),
    (_LAST_WEEK, lambda d: (_monday(d) + timedelta(days=7), _monday(d) + timedelta(days=13))),
)
_BESIDE = 20  # a cue counts for a date at most this many characters away ("last month, on Jan. 30")
_NEAR_YEARS = 1  # a weekday + month-day looks this many years either side of the article's years
_OPEN_YEARS = 10  # without any year in the text: the ten years up to ``today``


@dataclass(frozen=True, slots=True)
class Inference:
    """An inferred publication day and the (start, end) spans of the words that support it."""

    day: date
    spans: tuple[tuple[int, int], ...]
    note: str


@dataclass(frozen=True, slots=True)
class _Mention:
    start: int
    end: int
    month: int
    day: int
    year: int | None  # written in the text
    weekday: int | None
    sentence: tuple[int, int]


def infer_published(text: str, today: date, near: date | None = None) -> Inference | None:
    """The publication day the text supports (see the module docstring), or None.

    ``near``, the latest date of the other documents of the same story, completes what the text
    leaves open: a month-day with no year nearby takes the year that puts it nearest ``near``,
    and a bare weekday reported as past ("on Tuesday") is the last such day on or before ``near``.
    """
    mentions = list(_mentions(text))  # in text order
    ends = [m.end for m in mentions]
    years = [y for m in _YEAR.finditer(text) if 1900 <= (y := int(m.group())) <= today.year + 1]
    written = (min(years), max(years)) if years else None
    anchored = [(m.start, d) for m in mentions if (m.year is not None or m.weekday is not None)
                and (d := _day(m, [], written, today)) is not None]
    dated = [(m, d) for m in mentions if (d := _day(m, anchored, written, today, near)) is not None]
    if near is not None:
        dated += [(m, d) for m in _weekdays(text, mentions)
                  if (d := near - timedelta(days=(near.weekday() - (m.weekday or 0)) % 7)) <= today]
    dated.sort(key=lambda p: p[0].start)
    firsts = [m.start for m, _ in dated]
    for w in _DEICTIC_RE.finditer(text):
        beside = [(m, d) for m, d in _around(dated, firsts, w.start(), w.end()) if m.year is not None]
        if beside:
            m, d = min(beside, key=lambda p: _gap(p[0], w.start(), w.end()))
            word = w.group(1).lower()
            return Inference(d + timedelta(days=_DEICTIC[word]), ((w.start(), w.end()), (m.start, m.end)),
                             f"'{word}' beside '{text[m.start:m.end]}'")
    # an article that writes a year (outside a future clause) was written in that year or later
    floor = max((int(y.group()) for y in _YEAR.finditer(text) if int(y.group()) <= today.year
                 and not _future(text, _Mention(y.start(), y.end(), 0, 0, None, None, _sentence_of(text, y.start())),
                                 ends)), default=0)
    past = [(m, d) for m, d in dated if not _future(text, m, ends) and d.year >= floor]
    if not past:
        return None
    if near is None:  # a bare past weekday: at most the day after the latest written date
        base = max(d for _, d in past)
        past += [(m, d) for m in _weekdays(text, mentions) if not _future(text, m, ends)
                 and (d := base + timedelta(days=_nearest_offset(base, m.weekday or 0))) <= today]
    latest_m, latest = max(past, key=lambda p: (p[1], -p[0].start))
    spans = [(latest_m.start, latest_m.end)]
    note = f"latest reported date '{text[latest_m.start:latest_m.end]}'"
    lo, hi = latest, today
    for rx, shift in _CONSTRAINTS:
        for cue in rx.finditer(text):
            beside = [(m, d) for m, d in _around(dated, firsts, cue.start(), cue.end()) if m.month]
            if not beside:
                continue
            m, d = min(beside, key=lambda p: _gap(p[0], cue.start(), cue.end()))
            first, last = shift(d)
            lo, hi = max(lo, first), min(hi, last)
            spans += [(cue.start(), cue.end()), (m.start, m.end)]
            note += f"; '{cue.group()}' beside '{text[m.start:m.end]}'"
    for m, d in dated:
        if d > latest and _future(text, m, ends):
            hi = min(hi, d - timedelta(days=1))
    day = lo if lo <= hi else latest
    return Inference(day, tuple(dict.fromkeys(spans)), note)


def _sentence_of(text: str, at: int) -> tuple[int, int]:
    """From the last sentence end before ``at`` (looked for in the 400 characters before it)."""
    window = max(0, at - 400)
    start = max(text.rfind(c, window, at) for c in ".!?\n") + 1
    return max(start, window), at


def _gap(m: _Mention, start: int, end: int) -> int:
    return max(m.start - end, start - m.end, 0)


def _around(dated: list[tuple[_Mention, date]], firsts: list[int], start: int,
            end: int) -> list[tuple[_Mention, date]]:
    """The dated mentions (in text order; ``firsts`` their starts) at most ``_BESIDE`` characters
    from ``start``..``end``."""
    lo = bisect_left(firsts, start - _BESIDE - 200)  # a mention is far shorter than 200 characters
    return [p for p in dated[lo:bisect_right(firsts, end + _BESIDE)] if _gap(p[0], start, end) <= _BESIDE]


def _future(text: str, m: _Mention, ends: list[int]) -> bool:
    """A future cue between the sentence start (or the end of the previous date in it, ``ends``
    holding the mentions' ends in text order) and the mention, outside quoted words."""
    i = bisect_right(ends, m.start)
    begin = max(m.sentence[0], ends[i - 1] if i else 0)
    return _FUTURE.search(_QUOTED.sub(" ", text[begin:m.start])) is not None


def _mentions(text: str) -> Iterator[_Mention]:
    for s in _SENTENCE.finditer(text):
        if _DIGIT.search(s.group()) is None:  # every date form holds a figure: most sentences none
            continue
        for m in _DATE.finditer(s.group()):
            start, end = s.start() + m.start(), s.start() + m.end()
            if m.group("iso"):
                yield _Mention(start, end, int(m.group("im")), int(m.group("id")), int(m.group("iy")), None,
                               (s.start(), s.end()))
                continue
            month = month_number(m.group("m1") or m.group("m2"))
            day = int(m.group("d1") or m.group("d2"))
            if month is None or not 1 <= day <= 31:
                continue
            weekday = WEEKDAYS.get(m.group("w").lower()) if m.group("w") else None
            yield _Mention(start, end, month, day, int(m.group("y")) if m.group("y") else None, weekday,
                           (s.start(), s.end()))


def _weekdays(text: str, mentions: list[_Mention]) -> Iterator[_Mention]:
    """Bare weekdays ("on Tuesday", "Tuesday's talks") outside the month-day mentions."""
    starts = [o.start for o in mentions]
    for s in _SENTENCE.finditer(text):
        for m in _BARE_WEEKDAY.finditer(s.group()):
            start, end = s.start() + m.start(), s.start() + m.end()
            i = bisect_right(starts, start)
            if not (i and mentions[i - 1].start <= start < mentions[i - 1].end):
                yield _Mention(start, end, 0, 0, None, WEEKDAYS[m.group().lower()], (s.start(), s.end()))


def _day(m: _Mention, anchored: list[tuple[int, date]], written: tuple[int, int] | None, today: date,
         near: date | None = None) -> date | None:
    """The calendar day of a mention: its own year, the year its weekday fixes, the year of the
    nearest mention whose year is known (written or weekday-fixed), or the year nearest ``near``."""
    if m.year is not None:
        d = valid_date(m.year, m.month, m.day)
        return d if d is not None and d <= today and (m.weekday is None or d.weekday() == m.weekday) else None
    if m.weekday is not None:
        return _weekday_year(m, written, today)
    i = bisect_left(anchored, m.start, key=lambda a: a[0])
    neighbours = anchored[max(i - 1, 0):i + 1]
    if neighbours:
        near = min(neighbours, key=lambda a: abs(a[0] - m.start))[1]
    if near is None:
        return None
    options = [d for y in (near.year - 1, near.year, near.year + 1)
               if (d := valid_date(y, m.month, m.day)) is not None and d <= today]
    return min(options, key=lambda d: abs((d - near).days)) if options else None


def _weekday_year(m: _Mention, written: tuple[int, int] | None, today: date) -> date | None:
    """The one year near the text's years (or in the ten years up to ``today``) in which the
    month-day falls on the weekday written beside it, else None."""
    if written:
        years = range(written[0] - _NEAR_YEARS, written[1] + _NEAR_YEARS + 1)
    else:
        years = range(today.year - _OPEN_YEARS + 1, today.year + 1)
    fits = [d for y in years if (d := valid_date(y, m.month, m.day)) is not None
            and d.weekday() == m.weekday and d <= today]
    return fits[-1] if len(fits) == 1 or (fits and not written) else None


def _nearest_offset(day: date, weekday: int) -> int:
    """Days from ``day`` to such a weekday: the next day at most, else the one before (-5..1)."""
    ahead = (weekday - day.weekday()) % 7
    return ahead - 7 if ahead > 1 else ahead


def _month_start(d: date, months: int) -> date:
    idx = d.year * 12 + d.month - 1 + months
    return date(idx // 12, idx % 12 + 1, 1)


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())
