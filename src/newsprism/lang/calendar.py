"""English month and weekday names, and calendar days read from ISO strings.

The names are written out here (not read from the stdlib ``calendar``, whose names follow the
process locale). ``MONTHS`` and ``WEEKDAYS`` map lower-case names and news abbreviations
("feb", "feb.", "sept.", "thurs.") to the month number (1-12) and ``date.weekday()`` index
(Monday 0). ``MONTH_NAME_RE`` and ``WEEKDAY_NAME_RE`` are regex alternations of the full names
as written in running text ("February", "Tuesday"); each date grammar wraps them in its own
syntax and abbreviations.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

MONTH_NAMES: tuple[str, ...] = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)
WEEKDAY_NAMES: tuple[str, ...] = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
)


def _month_table() -> dict[str, int]:
    table: dict[str, int] = {}
    for number, name in enumerate(MONTH_NAMES, start=1):
        table[name] = number
        table[name[:3]] = number
        table[name[:3] + "."] = number
    table.update({"sept": 9, "sept.": 9})
    return table


def _weekday_table() -> dict[str, int]:
    table: dict[str, int] = {}
    for index, name in enumerate(WEEKDAY_NAMES):
        table[name] = index
        table[name[:3] + "."] = index
    table.update({"tues.": 1, "thur.": 3, "thurs.": 3})
    return table


MONTHS: Mapping[str, int] = _month_table()
WEEKDAYS: Mapping[str, int] = _weekday_table()
MONTH_WORDS: frozenset[str] = frozenset(k for k in MONTHS if not k.endswith("."))
"""Month names and abbreviations without a period ("february", "feb", "sept")."""

MONTH_NAME_RE = "|".join(name.capitalize() for name in MONTH_NAMES)
WEEKDAY_NAME_RE = "|".join(name.capitalize() for name in WEEKDAY_NAMES)

_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def month_number(name: str) -> int | None:
    """The month of a name or abbreviation in any case, with or without a period ("Feb.",
    "SEPT", "September"): its first three letters decide ("sept" for September), or None."""
    key = name.lower().rstrip(".")
    return MONTHS.get(key[:4] if key.startswith("sept") else key[:3])


def valid_date(year: int | None, month: int | None, day: int | None) -> date | None:
    """The date, or None when a part is missing or out of range ("February 30")."""
    if year is None or month is None or day is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_iso_day(value: str | None) -> date | None:
    """The calendar day an ISO date or datetime string starts with ('2025-02-18',
    '2025-02-18T10:00:00Z', leading spaces allowed), or None."""
    if not value:
        return None
    m = _ISO_DAY.match(value)
    if not m:
        return None
    return valid_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
