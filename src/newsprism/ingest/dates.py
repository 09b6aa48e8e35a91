"""Date strings as printed on news pages, turned into ISO dates (YYYY-MM-DD).

Handles ISO timestamps, RFC 2822 dates (HTTP/WARC headers), "February 19, 2025",
"Feb. 19, 2025", "19 February 2025", "Wednesday, 19 Feb 2025 10:00 GMT" and date lines with a
label ("Published ...", "Updated ...") or a time. A date without a year is never completed by
guessing: it gives ``None``.
"""

from __future__ import annotations

import datetime as dt
import re
from email.utils import parsedate_to_datetime

from newsprism.lang.calendar import month_number, valid_date

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|urday|sday)?\.?,?"
_MDY = rf"(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})"
_DMY = rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{_MONTH}),?\s+(?P<y2>\d{{4}})"
_ISO = r"(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})"
DATE = re.compile(rf"{_MDY}|{_DMY}|{_ISO}", re.I)

_LABEL = r"(?:published|updated|posted|last updated|first published|modified|date|on|as of)\b[:\s]*"
_TIME = (
    r"(?:at\s+)?\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*(?:[A-Z]{2,5}|GMT[+-]?\d*|UTC[+-]?\d*))?"
)
DATE_LINE = re.compile(
    rf"^(?:{_LABEL})*(?:{_TIME}\s*[,|·•–—-]?\s*)?(?:{_WEEKDAY}\s+)?(?:{_MDY}|{_DMY}|{_ISO})"
    rf"(?:T[\d:.]+Z?)?(?:\s*[,|·•–—-]?\s*(?:{_LABEL})?{_TIME})*\s*$",
    re.I,
)


def _iso(year: int, month: int | None, day: int) -> str | None:
    found = valid_date(year, month, day)
    return found.isoformat() if found else None


def find_date(text: str) -> tuple[str, str] | None:
    """The first complete date in ``text``: (ISO date, the matched words)."""
    for m in DATE.finditer(text):
        g = m.groupdict()
        if g["y1"]:
            iso = _iso(int(g["y1"]), month_number(g["m1"]), int(g["d1"]))
        elif g["y2"]:
            iso = _iso(int(g["y2"]), month_number(g["m2"]), int(g["d2"]))
        else:
            iso = _iso(int(g["y3"]), int(g["m3"]), int(g["d3"]))
        if iso:
            return iso, m.group(0)
    return None


def parse_date(value: object) -> str | None:
    """An ISO date from a metadata value (ISO string, RFC 2822 string, date, datetime)."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str) or not value.strip():
        return None
    s = value.strip()
    found = find_date(s)
    if found:
        return found[0]
    try:
        return parsedate_to_datetime(s).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def url_date(url: str | None) -> tuple[str, str] | None:
    """A date in a URL path such as ``/2025/02/19/``: (ISO date, the matched path part)."""
    if not url:
        return None
    m = re.search(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|-|$)", url)
    if not m:
        return None
    iso = _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return (iso, m.group(0).strip("/-")) if iso else None
