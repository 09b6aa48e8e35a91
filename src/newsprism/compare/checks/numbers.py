"""Number and count checks: two statements of one claim give different quantities.

A quantity is a number (digits or words, with a scale such as "million") with its hedge
("about", "nearly", "more than", ...) and what it counts or measures (a unit such as hours or
percent, or a counted noun). Each becomes an interval of values it allows: "more than four
hours" allows [4, inf), "nearly five hours" [4.25, 5], "four hours" exactly 4. Two quantities of
the same unit (or noun) contradict each other when their intervals do not meet.
Vocabulary: number words from ``newsprism.lang.numbers``, hedges and units of measure from
``resources/checks_numbers.json``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from newsprism.compare.checks.judge import JudgeContext, Verdict, severity_from_ratio
from newsprism.compare.checks.text import Token, sub_span, tokens
from newsprism.lang.calendar import MONTH_WORDS
from newsprism.lang.morphology import plural, singular, stem
from newsprism.lang.numbers import CARDINALS, NUMBER_PHRASES, SCALE_ABBREVIATIONS, SCALES, TENS
from newsprism.lang.resources import load_json
from newsprism.lang.words import LETTER_RUN, is_function_word
from newsprism.model import DiscrepancyKind, Span

T = TypeVar("T")

_ORDINAL_SUFFIX = frozenset({"st", "nd", "rd", "th"})
_TIME_OF_DAY = frozenset({"am", "pm", "a", "p", "o'clock", "o’clock", "gmt", "utc", "bst", "est", "et"})
_QUAL_WIDTH = {"approx": (0.85, 1.15), "nearly": (0.85, 1.0)}
_WORD_NUMBERS: dict[str, float] = {**CARDINALS, **NUMBER_PHRASES}  # a number in words ("four", "a dozen")
_SCALES: dict[str, int] = {**SCALES, **SCALE_ABBREVIATIONS}


@dataclass(frozen=True, slots=True)
class Quantity:
    lo: float  # allowed interval, in the unit's base (seconds for time)
    hi: float
    value: float  # the number as written, in base units
    dimension: str | None  # "time", "percent", "USD"... or None for a count
    noun: str | None  # singular counted noun for counts; the word after a hyphen compound
    start: int  # offsets inside the span text: from the hedge to the unit
    end: int
    unit: float = 1.0  # the unit's size in base units (3600 for hours)
    base: frozenset[str] = frozenset()  # a share's whole: "of registered voters" -> stems of both words


@lru_cache(maxsize=1)
def _qualifiers() -> list[tuple[list[str], str]]:
    data = load_json("checks_numbers.json")["qualifiers"]
    out = [(phrase.split(), kind) for kind, phrases in data.items() for phrase in phrases]
    return sorted(out, key=lambda p: len(p[0]), reverse=True)


@lru_cache(maxsize=1)
def _unit_phrases() -> tuple[tuple[list[str], float], ...]:
    return tuple((p.split(), float(v)) for p, v in sorted(_WORD_NUMBERS.items(), key=lambda kv: -len(kv[0])))


def _by_first_word(phrases: Iterable[tuple[list[str], T]]) -> dict[str, list[tuple[list[str], T]]]:
    """Phrases (word lists with a payload) grouped by first word, keeping their order."""
    out: dict[str, list[tuple[list[str], T]]] = {}
    for words, payload in phrases:
        out.setdefault(words[0], []).append((words, payload))
    return out


@lru_cache(maxsize=1)
def _qualifiers_by_start() -> dict[str, list[tuple[list[str], str]]]:
    return _by_first_word(_qualifiers())  # longest first within each


@lru_cache(maxsize=1)
def _unit_phrases_by_start() -> dict[str, list[tuple[list[str], float]]]:
    return _by_first_word(_unit_phrases())  # longest first within each


def _match_words(toks: list[Token], i: int, words: list[str]) -> bool:
    return i + len(words) <= len(toks) and all(toks[i + k].lower == w for k, w in enumerate(words))


def _parse_number(toks: list[Token], i: int) -> tuple[float, int] | None:
    """A number starting at token ``i``: (value, index after it)."""
    if i >= len(toks):
        return None
    t = toks[i]
    value: float
    if t.text[0].isdigit():
        if "," in t.text and not re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", t.text):
            return None
        value, j = float(t.text.replace(",", "")), i + 1
    else:
        phrases = _unit_phrases_by_start().get(t.lower, ())
        for words, v in phrases:
            if _match_words(toks, i, words):
                value, j = v, i + len(words)
                break
        else:
            if t.lower not in TENS:
                return None
            value, j = float(TENS[t.lower]), i + 1
            if (j < len(toks) and toks[j].hyphen_before and toks[j].lower in _WORD_NUMBERS
                    and _WORD_NUMBERS[toks[j].lower] < 10):  # "twenty-five"
                value, j = value + _WORD_NUMBERS[toks[j].lower], j + 1
    while j < len(toks) and toks[j].lower in _SCALES:
        word = toks[j].lower
        if len(word) <= 2 and not (toks[j].start == toks[j - 1].end and toks[j - 1].text[0].isdigit()):
            break
        value, j = value * _SCALES[word], j + 1
    return value, j


def _counted_noun(text: str, toks: list[Token], j: int) -> bool:
    """A common noun right after the number: lower case, nothing but a space between
    ("an important one,” Rubio said" counts no Rubios)."""
    word = toks[j]
    joined = j == 0 or text[toks[j - 1].end:word.start].isspace()
    return word.text.isalpha() and word.text.islower() and joined


def _unit(text: str, toks: list[Token], j: int) -> tuple[str | None, float, str | None, int]:
    """What follows a number: (dimension, factor, counted noun, index after it)."""
    res = load_json("checks_numbers.json")
    measures = res["measures"]
    for width in (2, 1):
        if j + width <= len(toks):
            phrase = " ".join(t.lower for t in toks[j:j + width])
            if phrase in measures and not phrase.startswith("_"):
                dim, factor = measures[phrase]
                return str(dim), float(factor), None, j + width
    if j < len(toks) and _counted_noun(text, toks, j) and toks[j].lower not in res["not_nouns"]:
        return None, 1.0, singular(toks[j].lower), j + 1
    return None, 1.0, None, j


_DETS = frozenset({"the", "those", "these", "its", "their", "our", "his", "her"})


def _skip_partitive(toks: list[Token], i: int, j: int) -> int:
    """'all three of those efforts': the count is of the noun after the determiner."""
    if i > 0 and toks[i - 1].lower in {"all", "both"} and j + 2 < len(toks):
        if toks[j].lower == "of" and toks[j + 1].lower in _DETS:
            return j + 2
    return j


def _is_excluded(toks: list[Token], i: int, j: int, dim: str | None) -> bool:
    """Years, dates, times of day, ordinals and scores are not quantities."""
    t = toks[i]
    if i > 0 and toks[i - 1].lower.rstrip(".") in MONTH_WORDS:
        return True
    nxt = toks[j] if j < len(toks) else None
    if nxt is not None and (nxt.lower in MONTH_WORDS or nxt.lower in _TIME_OF_DAY):
        return True
    if t.text.isdigit() and nxt is not None and nxt.start == t.end and nxt.lower in _ORDINAL_SUFFIX:
        return True
    if t.text.isdigit() and len(t.text) == 4 and 1000 <= int(t.text) <= 2199 and dim is None:
        return True
    prev_digit = i > 0 and t.hyphen_before and toks[i - 1].text[0].isdigit()
    next_digit = i + 1 < len(toks) and toks[i + 1].hyphen_before and toks[i + 1].text[0].isdigit()
    return t.text[0].isdigit() and (prev_digit or next_digit)


def _interval(value: float, qualifier: str | None) -> tuple[float, float]:
    if qualifier in _QUAL_WIDTH:
        lo, hi = _QUAL_WIDTH[qualifier]
        return value * lo, value * hi
    if qualifier == "above":
        return value, math.inf
    if qualifier == "below":
        return 0.0, value
    return value, value


def find_quantities(text: str) -> list[Quantity]:
    """Every hedged number with its unit or counted noun in ``text``."""
    return list(_quantities(text))


@lru_cache(maxsize=1)
def _number_words() -> frozenset[str]:
    """One word every number written in words must contain: the longest of each phrase
    ("four", "twenty", "dozen" for "a dozen", "couple" for "a couple of")."""
    return frozenset(max(p.lower().split(), key=len) for p in [*_WORD_NUMBERS, *TENS])


@lru_cache(maxsize=1)
def _quantity_starts() -> frozenset[str]:
    """Lower-case words a quantity can start with: a hedge, or a number written in words."""
    return frozenset(_qualifiers_by_start()) | frozenset(_unit_phrases_by_start()) | frozenset(TENS)


_DIGIT_RE = re.compile(r"\d")


@lru_cache(maxsize=4096)
def _quantities(text: str) -> tuple[Quantity, ...]:
    """``find_quantities``, parsed once per text (a mention is compared with many others)."""
    if not _DIGIT_RE.search(text) and _number_words().isdisjoint(LETTER_RUN.findall(text.lower())):
        return ()  # no number in digits or words: nothing to parse
    toks = tokens(text)
    quals = _qualifiers_by_start()
    starts = _quantity_starts()
    out: list[Quantity] = []
    i = 0
    while i < len(toks):
        if not (toks[i].text[0].isdigit() or toks[i].lower in starts or toks[i].text in "$€£¥"):
            i += 1  # no hedge, currency or number starts here
            continue
        start_tok, qualifier = i, None
        for words, kind in quals.get(toks[i].lower, ()):
            if _match_words(toks, i, words):
                qualifier, i = kind, i + len(words)
                break
        currency = None
        if i < len(toks) and toks[i].text in "$€£¥":
            currency, i = toks[i].text, i + 1
        parsed = _parse_number(toks, i)
        if parsed is None:
            i = start_tok + 1
            continue
        value, j = parsed
        hi_value = value
        if j + 1 < len(toks) and toks[j].lower in {"to", "and"} and (parsed2 := _parse_number(toks, j + 1)):
            if parsed2[0] > value:
                hi_value, j = parsed2
        j = _skip_partitive(toks, i, j)
        dim, factor, noun, k = _unit(text, toks, j)
        if currency is not None and dim is None:
            dim, factor, noun, k = str(load_json("checks_numbers.json")["measures"][currency][0]), 1.0, None, j
        if _is_excluded(toks, i, j, dim) or (dim is None and noun is None):
            i = j
            continue
        if dim is not None and k < len(toks) and toks[k].hyphen_before is False and toks[k - 1].hyphen_before:
            noun = toks[k].lower  # "four-hour meeting": the thing measured
        lo, hi = _interval(value * factor, qualifier)
        if hi_value != value:
            lo, hi = value * factor, hi_value * factor
        first = toks[start_tok] if qualifier else toks[i - (1 if currency else 0)]
        base = _base(toks, k) if dim == "percent" else frozenset()
        out.append(Quantity(lo, hi, value * factor, dim, noun, first.start, toks[k - 1].end, factor, base))
        i = k
    return tuple(out)


BASE_WORDS = 2  # content words of a share's whole read after "of"
# the forms of be / have / do and the modals end the whole's noun phrase ("of voters had ...")
_AUXILIARIES = frozenset("""am is are was were be been being has have had having do does did
will would shall should can could may might must say says said""".split())


def _base(toks: list[Token], k: int) -> frozenset[str]:
    """The whole a share is of: the stems of the content words after "of" ("23 percent of
    registered voters"), up to the first function word after them."""
    if k >= len(toks) or toks[k].lower != "of":
        return frozenset()
    words: list[str] = []
    for tok in toks[k + 1:k + 1 + 2 * BASE_WORDS]:
        if not tok.text.isalpha():
            break
        if is_function_word(tok.lower) or tok.lower in _AUXILIARIES:
            if words:
                break
            continue  # "of the", "of all"
        words.append(stem(tok.lower))
        if len(words) == BASE_WORDS:
            break
    return frozenset(words)


def _same_whole(x: Quantity, y: Quantity) -> bool:
    """Two shares are of one whole unless both name it and neither names it within the other
    ("of registered voters" / "of likely voters" are two wholes; "of voters" fits either)."""
    return not x.base or not y.base or x.base <= y.base or y.base <= x.base


def different_wholes(a: str, b: str) -> bool:
    """Whether two texts give shares of two differently named wholes and none of one whole
    ("31 percent of registered voters" / "26% of likely voters"): two figures, not one."""
    qa = [q for q in find_quantities(a) if q.base]
    qb = [q for q in find_quantities(b) if q.base]
    return bool(qa and qb) and not any(_same_whole(x, y) for x in qa for y in qb)


def _key(q: Quantity) -> str:
    if q.dimension == "time":  # minutes and hours, days and weeks, months and years: three scales
        scale = "short" if q.unit < 86400 else "days" if q.unit < 2629800 else "long"
        return f"m:time:{scale}"
    return f"m:{q.dimension}" if q.dimension else f"c:{q.noun}"


def _disjoint(x: Quantity, y: Quantity) -> bool:
    return x.hi < y.lo * (1 - 1e-9) or y.hi < x.lo * (1 - 1e-9)


def _subject(x: Quantity, y: Quantity, text_x: str, text_y: str) -> str:
    """What the two quantities measure or count; ``text_x`` and ``text_y`` are their words."""
    if x.dimension:
        name = str(load_json("checks_numbers.json")["dimension_names"].get(x.dimension, "quantity"))
        thing = x.noun or y.noun
        return f"the {thing}'s {name}" if thing else f"the {name}"
    if x.noun == y.noun:
        # the noun as a text wrote it for more than one ("36,000 homeless"), else its plural
        written = [t.split()[-1].lower() for q, t in ((x, text_x), (y, text_y)) if q.value != 1 and t.split()]
        return f"the number of {written[0] if written and written[0].isalpha() else plural(x.noun or '')}"
    return "a count"


def _conflict(qa: list[Quantity], qb: list[Quantity]) -> tuple[Quantity, Quantity] | None:
    for x in qa:
        same = [y for y in qb if _key(y) == _key(x) and _same_whole(x, y)]
        if same and all(_disjoint(x, y) for y in same):
            return x, same[0]
    counts_a = [q for q in qa if q.dimension is None]
    counts_b = [q for q in qb if q.dimension is None]
    if len(counts_a) == 1 and len(counts_b) == 1 and counts_a[0].noun != counts_b[0].noun:
        x, y = counts_a[0], counts_b[0]
        if _disjoint(x, y):
            return x, y
    return None


def check_numbers(a: Span, b: Span, context: JudgeContext | None = None) -> Verdict | None:
    """Different numbers for one quantity (kind ``number``) or one count (kind ``count``)."""
    qa, qb = find_quantities(a.text), find_quantities(b.text)
    pair = _conflict(qa, qb)
    if pair is None:
        return None
    x, y = pair
    ratio = abs(x.value - y.value) / max(abs(x.value), abs(y.value), 1e-9)
    kind: DiscrepancyKind = "number" if x.dimension else "count"
    severity = severity_from_ratio(ratio)
    if kind == "count" and severity == "low":
        severity = "medium"
    span_x, span_y = sub_span(a, x.start, x.end), sub_span(b, y.start, y.end)
    return Verdict(kind, severity, _subject(x, y, span_x.text, span_y.text), span_x, span_y)
