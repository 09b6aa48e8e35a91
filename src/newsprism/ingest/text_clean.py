"""The plain-text cleaner: where the article body starts and ends, and which ranges are boilerplate.

Works on any article text (a .txt file or the plain text extracted from HTML) in four steps:

1. every paragraph is labelled on its own (``boilerplate.classify``);
2. context rules: a line printed twice in a row is a caption; a short line repeating a sentence
   of another paragraph is a pull quote;
3. the body starts at the first paragraph that opens a run of article prose (a lone sentence
   followed by page furniture is a standfirst, not the body); everything before it is a title,
   subtitle, section label or page furniture;
4. the body ends at the last article paragraph, walking back over trailing furniture, author
   bios, name lines, teasers after an end marker ("Related", "More to read", comments).

Text extracted from an HTML page (``extracted``) is the page's main content as trafilatura found
it, not a whole page: steps 1 and 2 run alike, but the body starts at its first line that no rule
labels (a heading above the prose is the headline) and ends at its last, walking back over
labelled lines, author bios and name lines only. Short lines at the edges are the page's own there
(a recipe's ingredients, a product's specifications, a signature): trimming them as for plain text
lost text against trafilatura alone on its own evaluation pages (benchmarks/extract_bodies.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from newsprism.ingest import boilerplate as bp
from newsprism.ingest.units import Unit, split_units
from newsprism.model import Range, Removed

# labels of lines after which the article is over ("Related", "Comments", ...)
END_MARKERS = frozenset({
    "more to read", "related", "related stories", "related articles", "related content",
    "recommended", "recommended stories", "most popular", "most read", "you may also like",
    "you might also like", "more stories", "more news", "read next", "up next", "top stories",
    "latest news", "more from", "editor's picks", "comments", "trending now", "trending",
})


@dataclass(frozen=True, slots=True)
class Cleaned:
    """What the cleaner found: the body, the removed ranges and each paragraph's label."""

    units: tuple[Unit, ...]
    labels: tuple[str | None, ...]  # None = article text kept in the body
    body: Range
    removed: tuple[Removed, ...]
    first: int  # index of the first body unit (len(units) when there is none)
    last: int  # index of the last body unit (-1 when there is none)
    title: int | None  # index of the unit taken as the headline, if any

    def before_body(self) -> list[Unit]:
        return list(self.units[: self.first])

    def after_body(self) -> list[Unit]:
        return list(self.units[self.last + 1:])

    def in_body(self) -> list[Unit]:
        return list(self.units[self.first: self.last + 1])


def _context_labels(units: list[Unit], labels: list[str | None]) -> None:
    """Repetition rules: captions printed twice, pull quotes repeating a paragraph."""
    for i in range(len(units) - 1):
        a, b = units[i], units[i + 1]
        if a.text == b.text and a.n_words >= 4:
            labels[i] = labels[i + 1] = labels[i] or "caption"
    prose = list(dict.fromkeys(u.low for u, lab in zip(units, labels) if lab is None and u.n_words >= 25))
    holding = _word_index(prose)
    for i, u in enumerate(units):
        if labels[i] is None and 6 <= u.n_words <= 40:
            core = u.low.strip("\"“”'‘’ .!?")
            if any(core in prose[j] for j in _candidates(core, holding, len(prose))
                   if len(prose[j]) > len(u.low) + 20):
                labels[i] = "pull_quote"


def _word_index(paragraphs: list[str]) -> dict[str, list[int]]:
    """For each whitespace-separated word, the paragraphs that hold it (in order)."""
    index: dict[str, list[int]] = {}
    for j, text in enumerate(paragraphs):
        for word in set(text.split()):
            index.setdefault(word, []).append(j)
    return index


def _candidates(core: str, index: dict[str, list[int]], n: int) -> list[int] | range:
    """Paragraphs that can contain ``core``: its inner words (neither first nor last, so whole
    words wherever ``core`` occurs) must all be words of the paragraph; the rarest one picks them.
    Keeps the pull-quote check linear on texts of thousands of paragraphs."""
    inner = core.split()[1:-1]
    if not inner:
        return range(n)
    return min((index.get(w, []) for w in inner), key=len)


def _is_article(u: Unit, label: str | None) -> bool:
    return label is None and bp.is_prose(u)


def _rows_after(units: list[Unit], labels: list[str | None], j: int) -> int:
    """The last unit of a table or list that follows unit ``j`` (after at most one heading or
    line ending in a colon that introduces it), or ``j`` when none does: three rows or more
    (``boilerplate.is_row``); a row printed twice (a table's header, labelled a caption) does not
    break it."""
    n, k = len(units), j + 1
    if k < n and labels[k] is None and (bp.is_heading(units[k]) or units[k].text.endswith(":")):
        k += 1
    rows, last = 0, j
    for m in range(k, n):
        if labels[m] is None and bp.is_row(units[m]):
            rows, last = rows + 1, m
        elif labels[m] != "caption":
            break
    return last if rows >= 3 else j


def _body_start(units: list[Unit], labels: list[str | None]) -> int:
    candidates = [i for i, u in enumerate(units) if _is_article(u, labels[i])]
    for i in candidates:
        nxt = i + 1
        if nxt < len(units) and labels[nxt] is None and bp.is_heading(units[nxt]) \
                and not _is_article(units[nxt], labels[nxt]):
            nxt += 1  # a subheading between the first paragraphs does not break the run
        if units[i].n_words >= 40 or (nxt < len(units) and _is_article(units[nxt], labels[nxt])) \
                or _rows_after(units, labels, i) > i:  # a paragraph that introduces a table or list
            return i
    if candidates:
        return candidates[0]
    plain = [i for i, lab in enumerate(labels) if lab is None]
    return plain[0] if plain else len(units)


def _end_marker_cut(units: list[Unit], labels: list[str | None], first: int) -> None:
    """After an end marker in the second half, teasers and headlines are not the article."""
    n = len(units)
    for k in range(max(first + 1, (first + n) // 2), n):
        key = bp.core(units[k]).strip(" :.|").lower()
        if key not in END_MARKERS and labels[k] != "comments":
            continue
        rest = [i for i in range(k + 1, n) if _is_article(units[i], labels[i])]
        if len(rest) <= 2:
            labels[k] = labels[k] or "ui_label"
            for i in range(k + 1, n):
                labels[i] = labels[i] or "end_matter"
            return


def _body_end(units: list[Unit], labels: list[str | None], first: int) -> int:
    """Walk back from the end over furniture, bios and name lines to the last article unit; a
    table or list right after it (``_rows_after``) is the article's too."""
    j = len(units) - 1
    found: dict[int, str] = {}
    while j > first:
        u = units[j]
        if labels[j] is not None:
            pass
        elif bp.bio_name(u):
            found[j] = "author_bio"
        elif bp.is_name_only(u):
            found[j] = "byline"
        elif not bp.is_prose(u):
            found[j] = "ui_label"
        else:
            break
        j -= 1
    end = _rows_after(units, labels, j)
    for i, label in found.items():
        if i > end:
            labels[i] = label
    return end


def _label_head(units: list[Unit], labels: list[str | None], first: int) -> int | None:
    """Name what precedes the body: the headline, subtitle lines, section labels."""
    headings = [i for i in range(first) if labels[i] is None and bp.is_heading(units[i])]
    title = max(headings, key=lambda i: (units[i].n_words >= 3, units[i].n_words), default=None)
    if title is None or units[title].n_words < 3:
        lead = [i for i in range(first) if labels[i] is None and units[i].n_words <= 30]
        title = lead[0] if lead else title
    for i in range(first):
        if labels[i] is None:
            if i == title:
                labels[i] = "title"
            elif bp.is_prose(units[i]):
                labels[i] = "subtitle"
            else:
                labels[i] = "section_label"
    return title


def _extracted_start(units: list[Unit], labels: list[str | None], first: int) -> int:
    """Where the body of a main-content extraction starts: at its first line that no rule labels,
    unless that line is a heading above the article prose (the headline, kept as the title)."""
    plain = [i for i, lab in enumerate(labels) if lab is None]
    if not plain:
        return len(units)
    i = plain[0]
    if len(plain) > 1 and i < first and bp.is_heading(units[i]) and not bp.is_prose(units[i]):
        return plain[1]
    return i


def _extracted_end(units: list[Unit], labels: list[str | None], first: int) -> int:
    """Where the body of a main-content extraction ends: walk back over the lines a rule labels,
    author bios and name lines only (short lines there are the page's: list items, signatures)."""
    j = len(units) - 1
    while j > first:
        u = units[j]
        if labels[j] is None:
            if bp.bio_name(u):
                labels[j] = "author_bio"
            elif bp.is_name_only(u):
                labels[j] = "byline"
            else:
                break
        j -= 1
    return j


def clean(text: str, extracted: bool = False) -> Cleaned:
    """Find the body and the boilerplate of one article text; ``extracted``: the text is the main
    content an HTML extraction kept (see the module's docstring)."""
    units = split_units(text)
    labels: list[str | None] = [bp.classify(u) for u in units]
    _context_labels(units, labels)
    first = _body_start(units, labels)
    if extracted:
        first = _extracted_start(units, labels, first)
    if first < len(units):
        _end_marker_cut(units, labels, first)
        last = (_extracted_end if extracted else _body_end)(units, labels, first)
    else:
        last = -1
    title = _label_head(units, labels, first)
    if first <= last:
        body = Range(units[first].start, units[last].end)
    else:
        body = Range(0, 0)
    removed = tuple(
        Removed(u.start, u.end, lab) for u, lab in zip(units, labels) if lab is not None
    )
    return Cleaned(tuple(units), tuple(labels), body, removed, first, last, title)
