"""Credit lines, bylines and datelines: names there are not actors of the story.

Found by their shape in the text, never by a list of names:

* a photo credit: a chain of capitalised words joined by slashes that ends its line or its
  bracket ("Jane Roe/AFP/Getty Images", "(Photo: John Poe/Reuters)"), a "Photo by ..." /
  "Credit: ..." / "Image: ..." phrase up to the end of its line or bracket, and a short line next
  to a caption toggle ("hide caption", "toggle caption", "Enlarge this image");
* a byline: "By Jane Doe" (and "By Jane Doe and John Roe, Reuters") opening a line, and "Reporting
  by ...; Editing by ..." notes;
* a dateline: the capitalised place (with an optional region) and the agency in brackets that open
  a paragraph before a dash ("WASHINGTON (Reuters) -", "KYIV, Ukraine (AP) —", "PARIS —").

``credit_ranges`` gives (start, end, kind) character ranges; ``find_actors`` drops every mention
that starts inside one.
"""

from __future__ import annotations

import re

_CAP = r"(?:[A-Z]\w{0,2}\.|[A-Z][\w'’&-]*)"  # a capitalised word or a short abbreviation ("J.", "St.")
_CAPS = rf"{_CAP}(?:[ \t]+(?:{_CAP}|de|van|von|da|bin|al|la|le)){{0,5}}"  # bounded: linear time on long runs
# "Jane Roe/AFP/Getty Images" at the end of its line or before a closing bracket.
_SLASH_CHAIN = re.compile(rf"(?<![\w/])(?:{_CAPS})(?:[ \t]*/[ \t]*(?:{_CAPS})){{1,4}}(?=[ \t]*(?:[)\]]|$))",
                          re.M)
_CREDIT_PHRASE = re.compile(
    r"(?:\b(?:[Pp]hoto(?:graph)?s?|[Ii]mages?|[Pp]ictures?|[Ii]llustrations?|[Vv]ideo|[Ff]ile photo)"
    r"[ \t]*(?:by\b|:|credit\b:?)|\b(?:[Cc]redit|[Cc]ourtesy(?: of)?)[ \t]*:)[^\n)\]]{0,100}(?=[)\]]|$)",
    re.M)  # up to the end of its line or bracket, and short: never the rest of a paragraph
_TOGGLE = re.compile(r"^[ \t]*(?:hide|show|toggle|close|expand)[ \t]+(?:caption|image)[ \t]*$|"
                     r"^[ \t]*enlarge this image[ \t]*$", re.I | re.M)
_BYLINE = re.compile(rf"^[ \t]*[Bb][Yy][ \t]+{_CAPS}(?:[ \t]*(?:,|and|&)[ \t]*{_CAPS})*[ \t]*$"
                     rf"|^[ \t]*[Bb][Yy][ \t]+{_CAPS}(?:[ \t]*(?:,|and|&)[ \t]*{_CAPS})*(?=[ \t]*[|•·—–]|[ \t]+-[ \t])",
                     re.M)
_NOTE = re.compile(r"\b(?:(?:[Aa]dditional )?[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled)[ \t]+by[ \t]+"
                   r"[A-Z][^\n]{0,150}$", re.M)
_DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Z.'’-]+(?:[ \t]+[A-Z][A-Z.'’-]+){0,3})"
    r"(?:,[ \t]*[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,2})?"
    r"(?:[ \t]*\([A-Z][\w .&'’-]{0,30}\))?[ \t]*(?:[—–]|--?)(?=[ \t])", re.M)


def credit_ranges(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of each credit, byline and dateline in ``text``; kinds: credit, byline,
    dateline."""
    out: list[tuple[int, int, str]] = []
    out += [(m.start(), m.end(), "credit") for m in _SLASH_CHAIN.finditer(text)]
    out += [(m.start(), m.end(), "credit") for m in _CREDIT_PHRASE.finditer(text)]
    for m in _TOGGLE.finditer(text):
        out += _toggle_neighbours(text, m.start(), m.end())
    out += [(m.start(), m.end(), "byline") for m in _BYLINE.finditer(text)]
    out += [(m.start(), m.end(), "byline") for m in _NOTE.finditer(text)]
    out += [(m.start(), m.end(), "dateline") for m in _DATELINE.finditer(text)]
    return sorted(out)


def _toggle_neighbours(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The short lines right before and after a caption toggle that read like a credit (no full stop,
    at most eight words)."""
    out: list[tuple[int, int, str]] = []
    before_end = text.rfind("\n", 0, start)
    if before_end > 0:
        a = text.rfind("\n", 0, before_end) + 1
        out.append((a, before_end, "credit"))
    after_start = text.find("\n", end)
    if after_start >= 0:
        b = text.find("\n", after_start + 1)
        out.append((after_start + 1, b if b >= 0 else len(text), "credit"))
    return [(a, b, k) for a, b, k in out
            if 0 < len(text[a:b].split()) <= 8 and not text[a:b].rstrip().endswith(".")
            and not _TOGGLE.fullmatch(text[a:b])]


def inside(ranges: list[tuple[int, int, str]], start: int) -> bool:
    return any(a <= start < b for a, b, _ in ranges)
