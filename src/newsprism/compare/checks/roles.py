"""Role check: outlets give one person different titles ("former President X" vs "President X",
"Defense Secretary X" vs "Secretary of State X").

Titles are read where news English puts them, right before the name, with a status word that
may precede them ("former", "then-", "acting" ...). People are matched across documents by
surname. Offices and status words: ``resources/checks_roles.json``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from newsprism.compare.checks.judge import Verdict
from newsprism.compare.checks.text import first_words, phrase_regex
from newsprism.lang.resources import load_json
from newsprism.lang.words import WORD_RUN
from newsprism.model import Document, Span

_NAME = r"(?:[A-Z]\.|[A-Z][\w'’-]*\w)"
_BREAK_RE = re.compile(r"[,;:()“”\"—–]|[a-z]{2}[.!?]\s")
_NOT_NAMES = frozenset(
    "The A An And Of In On At For To By With From He She They It This That Monday Tuesday Wednesday "
    "Thursday Friday Saturday Sunday January February March April May June July August September "
    "October November December".split()
)


@dataclass(frozen=True, slots=True)
class RoleMention:
    doc: str
    person: str  # surname, lower case
    name: str
    office: str  # canonical office
    status: str | None  # former | retired | historical | sitting | acting | future | None (plain title)
    span: Span  # status word (if any) through the name


@lru_cache(maxsize=1)
def _office_lookup() -> tuple[re.Pattern[str], dict[str, str]]:
    offices = load_json("checks_roles.json")["offices"]
    variant_to_office = {v.lower(): k for k, vs in offices.items() for v in vs}
    pattern = re.compile(
        rf"\b(?P<office>(?i:{phrase_regex(list(variant_to_office))}))\s+"
        rf"(?P<name>{_NAME}(?: {_NAME}){{0,3}})"
    )
    return pattern, variant_to_office


@lru_cache(maxsize=1)
def _office_starts() -> frozenset[str]:
    return first_words(_office_lookup()[1])


def _candidate_starts(text: str) -> list[int]:
    """Offsets of the words of ``text`` that can start an office variant: the first words the
    text holds are looked for with a plain substring search (fast in C) and kept where they
    stand as whole words."""
    lower = text.lower()
    starts = _office_starts()
    if len(lower) != len(text):  # lower-casing moved offsets: check word by word
        return [w.start() for w in WORD_RUN.finditer(text) if w.group().lower() in starts]
    found: list[int] = []
    for word in starts.intersection(WORD_RUN.findall(lower)):
        at = lower.find(word)
        while at >= 0:
            end = at + len(word)
            if not (at and _is_word_char(lower[at - 1])) and not (end < len(lower) and _is_word_char(lower[end])):
                found.append(at)
            at = lower.find(word, end)
    return sorted(found)


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"  # what ``\w`` matches


def _office_matches(text: str) -> list[re.Match[str]]:
    """``pattern.finditer(text)``, tried only where a word starts an office variant (the large
    case-insensitive alternation is slow to try at every position)."""
    pattern, _ = _office_lookup()
    out: list[re.Match[str]] = []
    floor = 0
    for at in _candidate_starts(text):
        if at < floor:
            continue
        m = pattern.match(text, at)
        if m is not None:
            out.append(m)
            floor = m.end()
    return out


@lru_cache(maxsize=1)
def _status_words() -> dict[str, str]:
    data = load_json("checks_roles.json")["status"]
    return {w.lower().rstrip("-"): status for status, words in data.items() for w in words}


def _status_before(text: str, start: int) -> tuple[str | None, int]:
    """The status word among the three words before an office, and where it starts."""
    window_start = max(0, start - 60)
    window = text[window_start:start]
    cut = [m.end() for m in _BREAK_RE.finditer(window)]
    if cut:
        window_start, window = window_start + cut[-1], window[cut[-1]:]
    statuses = _status_words()
    words = list(re.finditer(r"[\w.]+-?", window))[-3:]
    for w in words:
        word = w.group().lower().rstrip("-")
        if word in statuses:
            return statuses[word], window_start + w.start()
    return None, start


def _clean_name(raw: str) -> str:
    parts = raw.split()
    while parts and parts[-1].strip("'’s.") in _NOT_NAMES:
        parts.pop()
    if parts:
        parts[-1] = re.sub(r"['’]s?$", "", parts[-1])
    return " ".join(parts)


def find_roles(doc: Document) -> list[RoleMention]:
    """Every title-before-name in a document's clean text."""
    pattern, variant_to_office = _office_lookup()
    text = doc.clean_text()
    out: list[RoleMention] = []
    for m in _office_matches(text):
        name = _clean_name(m.group("name"))
        if not name or name.split()[0] in _NOT_NAMES:
            continue
        office = variant_to_office[" ".join(m.group("office").lower().split())]
        status, begin = _status_before(text, m.start())
        end = m.start("name") + len(name)
        person = re.sub(r"\W", "", name.split()[-1].lower())
        out.append(RoleMention(doc.id, person, name, office, status, doc.span(begin, end)))
    return out


@lru_cache(maxsize=1)
def _compatible_pairs() -> frozenset[tuple[str, str]]:
    pairs = load_json("checks_roles.json")["compatible"]
    return frozenset((a, b) for a, b in pairs) | frozenset((b, a) for a, b in pairs)


def compatible(a: str, b: str) -> bool:
    return a == b or (a, b) in _compatible_pairs() or a.endswith(" " + b) or b.endswith(" " + a)


def _former_vs_sitting(person: str, by_doc: dict[str, list[RoleMention]]) -> list[Verdict]:
    """One document calls the person a former holder of an office others say they hold now.
    A plain title ("President X") says so against "former"; against "retired" or "late" only an
    explicit "current" or "sitting" does, since the holders of such offices keep the title by
    courtesy ("Justice X" for a retired justice, AP style)."""
    out: list[Verdict] = []
    for doc, mentions in sorted(by_doc.items()):
        formers = [m for m in mentions if m.status in ("former", "retired")]
        if not formers or any(m.status is None and m.office == formers[0].office for m in mentions):
            continue
        fm = formers[0]
        against = (None, "sitting") if fm.status == "former" else ("sitting",)
        for other_doc, others in sorted(by_doc.items()):
            sitting = [m for m in others if m.office == fm.office and m.status in against]
            if other_doc != doc and sitting and not any(
                m.office == fm.office and m.status in ("former", "retired", "historical") for m in others
            ):
                out.append(Verdict("role", "high", f"{_display(fm, sitting[0])}'s role", fm.span, sitting[0].span))
    return out


def _office_mismatch(person: str, by_doc: dict[str, list[RoleMention]]) -> list[Verdict]:
    """Two documents give the person offices that do not go together."""
    current = {
        doc: [m for m in ms if m.status not in ("former", "retired", "historical", "future")]
        for doc, ms in by_doc.items()
    }
    docs = sorted(d for d, ms in current.items() if ms)
    out: list[Verdict] = []
    for i, da in enumerate(docs):
        for db in docs[i + 1:]:
            if not any(compatible(x.office, y.office) for x in current[da] for y in current[db]):
                x, y = current[da][0], current[db][0]
                if not _same_first_name(x.name, y.name):
                    continue
                out.append(Verdict("role", "medium", f"{_display(x, y)}'s office", x.span, y.span))
    return out


def _same_first_name(a: str, b: str) -> bool:
    pa, pb = a.split(), b.split()
    return len(pa) < 2 or len(pb) < 2 or pa[0].lower() == pb[0].lower()


def _display(a: RoleMention, b: RoleMention) -> str:
    return max((a.name, b.name), key=len)


def role_verdicts(
    documents: Sequence[Document], roles_of: Callable[[Document], list[RoleMention]] = find_roles
) -> list[Verdict]:
    """Role disagreements among documents of one story (``roles_of`` may serve cached parses)."""
    per_person: dict[str, dict[str, list[RoleMention]]] = defaultdict(lambda: defaultdict(list))
    for doc in documents:
        for rm in roles_of(doc):
            per_person[rm.person][doc.id].append(rm)
    verdicts: list[Verdict] = []
    for person, by_doc in sorted(per_person.items()):
        if len(by_doc) < 2:
            continue
        for check in (_former_vs_sitting, _office_mismatch):
            verdicts += check(person, dict(by_doc))
    return verdicts
