"""Quote checks: the same quote worded differently, or given to different speakers.

Two quotes from different documents are "the same quote" when their words largely match
(rapidfuzz pre-filter, then a word alignment). Words a quote leaves out at its ends, at an
ellipsis or behind an editor's [bracket] are not differences; punctuation and case never are.
What remains is a wording difference, graded by what changed: a negation or a number is
``high``, another meaning-bearing word ``medium``, only function words or inflections ``low``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from rapidfuzz import fuzz

from newsprism.compare.checks.judge import Verdict
from newsprism.lang.morphology import truncation_stem
from newsprism.lang.numbers import CARDINALS, SCALES
from newsprism.lang.words import LETTER_RUN, NEGATIONS, WORD, is_function_word
from newsprism.model import Quote, Severity, Span, TimeExpression

_GAP_RE = re.compile(r"\.\s*\.\s*\.|…|\[[^\]]*\]")
_QUOTED_RE = re.compile(r"“([^”]{12,}?)”|\"([^\"]{12,}?)\"")
# one to ten and the scales up to a billion: changing one of these words changes a quote's meaning
_NUMBERS = frozenset(
    [w for w, v in CARDINALS.items() if 1 <= v <= 10] + [w for w, v in SCALES.items() if v <= 10**9])
MIN_WORDS = 4
SAME_QUOTE = 0.6  # share of the shorter quote's words found in order in the other
MIN_SHARED = 5  # and at least this many words
ANCHOR = 2  # a shared stretch of at least this many words anchors the alignment
EDGE = 4  # differing words before the first / after the last shared stretch, up to this many a side,
# are a change; longer ones mean the two outlets quoted different stretches of the speech


@dataclass(frozen=True, slots=True)
class Words:
    words: tuple[str, ...]
    gaps: frozenset[int]  # an ellipsis or [bracket] stands before word i


def words_of(text: str) -> Words:
    words: list[str] = []
    gaps: set[int] = set()
    pos = 0
    for gap in _GAP_RE.finditer(text):
        words += [w.lower().replace("’", "'") for w in WORD.findall(text[pos:gap.start()])]
        gaps.add(len(words))
        pos = gap.end()
    words += [w.lower().replace("’", "'") for w in WORD.findall(text[pos:])]
    return Words(tuple(words), frozenset(gaps))


@dataclass(frozen=True, slots=True)
class Difference:
    left: tuple[str, ...]  # changed words of the first quote
    right: tuple[str, ...]
    matched: float  # share of the shorter quote's words matched


def compare_wording(a: str, b: str) -> Difference | None:
    """How two tellings of one quote differ; None when they are not the same quote."""
    wa, wb = words_of(a), words_of(b)
    if min(len(wa.words), len(wb.words)) < MIN_WORDS:
        return None
    if fuzz.partial_ratio(" ".join(wa.words), " ".join(wb.words)) < 60:
        return None
    sm = SequenceMatcher(None, wa.words, wb.words, autojunk=False)
    anchors = [blk for blk in sm.get_matching_blocks() if blk.size >= ANCHOR]
    matched = sum(blk.size for blk in sm.get_matching_blocks())
    share = matched / min(len(wa.words), len(wb.words))
    if share < SAME_QUOTE or matched < MIN_SHARED or not anchors:
        return None
    # compare between the first and last shared stretch, widened over short edits at the edges
    i0, j0 = anchors[0].a, anchors[0].b
    i9, j9 = anchors[-1].a + anchors[-1].size, anchors[-1].b + anchors[-1].size
    if 0 < i0 <= EDGE and 0 < j0 <= EDGE and i0 not in wa.gaps and j0 not in wb.gaps:
        i0, j0 = 0, 0
    na, nb = len(wa.words), len(wb.words)
    if 0 < na - i9 <= EDGE and 0 < nb - j9 <= EDGE and na not in wa.gaps and nb not in wb.gaps:
        i9, j9 = na, nb
    inner = SequenceMatcher(None, wa.words[i0:i9], wb.words[j0:j9], autojunk=False)
    left: list[str] = []
    right: list[str] = []
    for op, i1, i2, j1, j2 in inner.get_opcodes():
        if op == "equal" or _omission(op, i0 + i1, i0 + i2, j0 + j1, j0 + j2, wa, wb):
            continue
        left += wa.words[i0 + i1:i0 + i2]
        right += wb.words[j0 + j1:j0 + j2]
    return Difference(tuple(left), tuple(right), share)


def _omission(op: str, i1: int, i2: int, j1: int, j2: int, wa: Words, wb: Words) -> bool:
    """Words one side simply leaves out: at its ends, at an ellipsis or a bracket."""
    if op == "insert":  # words only in b, at position i1 of a
        return i1 in (0, len(wa.words)) or i1 in wa.gaps
    if op == "delete":  # words only in a, at position j1 of b
        return j1 in (0, len(wb.words)) or j1 in wb.gaps
    at_gap = (i1 in wa.gaps or i2 in wa.gaps) or (j1 in wb.gaps or j2 in wb.gaps)
    return at_gap


_ONE_WORDS = frozenset({"a", "an", "single", "lone", "the", "sole"})


NEGATION_RUN = 4  # words on one side of a difference for a negation in it to count


def wording_severity(diff: Difference) -> Severity:
    changed = set(diff.left) ^ set(diff.right)
    # a figure changed ("40" / "14", "this year" / "two years"), except "one" told as "a",
    # "single" or "lone" ("a single drop" / "one drop"), which is a wording variant
    left = {w for w in diff.left if w.isdigit() or w in _NUMBERS}
    right = {w for w in diff.right if w.isdigit() or w in _NUMBERS}
    # a negation put in or taken out flips what was said; in a long run of words present on one
    # side only (a quote cut short, page text caught inside it) it is not a change of wording
    if changed & NEGATIONS and max(len(diff.left), len(diff.right)) <= NEGATION_RUN:
        return "high"
    if left != right and not (left | right <= {"one"} and changed - {"one"} <= _ONE_WORDS):
        return "high"
    content_l = sorted(truncation_stem(w) for w in diff.left if not is_function_word(w))
    content_r = sorted(truncation_stem(w) for w in diff.right if not is_function_word(w))
    if content_l == content_r:
        return "low"
    return "medium"


def wording_verdict(a: Span, b: Span) -> Verdict | None:
    """``quote_wording`` when two spans hold the same quote in different words."""
    diff = compare_wording(a.text, b.text)
    if diff is None or (not diff.left and not diff.right):
        return None
    left = " ".join(diff.left) or "(nothing)"
    right = " ".join(diff.right) or "(nothing)"
    return Verdict("quote_wording", wording_severity(diff), "the wording of a quote", a, b,
                   f'"{left}" vs "{right}"')


def quoted_parts(span: Span) -> list[Span]:
    """Direct quotations (between quotation marks) inside a span."""
    out = []
    for m in _QUOTED_RE.finditer(span.text):
        g = 1 if m.group(1) is not None else 2
        out.append(Span(span.doc, span.start + m.start(g), span.start + m.end(g), m.group(g)))
    return out


def candidate_pairs(quotes: Sequence[Quote], same_story: Callable[[str, str], bool]) -> Iterable[tuple[Quote, Quote]]:
    """Quote pairs from different documents of one story that share three content words."""
    index: dict[str, set[int]] = defaultdict(set)
    content = [frozenset(w for w in words_of(q.text).words if not is_function_word(w)) for q in quotes]
    for n, words in enumerate(content):
        for w in words:
            index[w].add(n)
    seen: set[tuple[int, int]] = set()
    for n, words in enumerate(content):
        counts: dict[int, int] = defaultdict(int)
        for w in words:
            for m in index[w]:
                if m > n:
                    counts[m] += 1
        for m, shared in sorted(counts.items()):
            qa, qb = quotes[n], quotes[m]
            if shared >= 3 and qa.doc != qb.doc and same_story(qa.doc, qb.doc) and (n, m) not in seen:
                seen.add((n, m))
                yield qa, qb


def _surname(name: str) -> str:
    parts = [p for p in LETTER_RUN.findall(name) if p[0].isupper()]
    return parts[-1].lower() if parts else name.lower()


_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "him", "her", "them"})


def different_speakers(a: Quote, b: Quote) -> bool:
    """Both quotes name a speaker, and not the same one."""
    if not a.speaker_text or not b.speaker_text:
        return False
    if a.speaker_text.lower() in _PRONOUNS or b.speaker_text.lower() in _PRONOUNS:
        return False
    if a.speaker and b.speaker:
        if a.speaker == b.speaker:
            return False
    sa, sb = _surname(a.speaker_text), _surname(b.speaker_text)
    return sa != sb and fuzz.ratio(sa, sb) < 85 and fuzz.token_set_ratio(a.speaker_text, b.speaker_text) < 85


def speaker_verdict(a: Quote, b: Quote, person: Callable[[Quote], bool]) -> Verdict | None:
    """``quote_speaker`` when the same words are given to two different speakers."""
    diff = compare_wording(a.text, b.text)
    if diff is None or diff.matched < 0.85 or not different_speakers(a, b):
        return None
    sa = a.speaker_span or Span(a.doc, a.start, a.end, a.text)
    sb = b.speaker_span or Span(b.doc, b.start, b.end, b.text)
    severity: Severity = "high" if person(a) and person(b) else "medium"
    return Verdict("quote_speaker", severity, "who said it", sa, sb,
                   f'the same words: "{_short(a.text)}"')


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def when_said(quote: Quote, days: Sequence[TimeExpression], sentences: Sequence[tuple[int, int]]) -> TimeExpression | None:
    """The one day the text gives to when ``quote`` was said: the day date expressions (resolved
    to one ISO day) in the sentences the quote spans, outside its quotation; None when there is
    none or more than one day."""
    first = next((s for s in sentences if s[0] <= quote.start < s[1]), None)
    last = next((s for s in sentences if s[0] < quote.end <= s[1]), first)
    if first is None or last is None:
        return None
    start, end = first[0], last[1]
    found = [t for t in days if start <= t.start and t.end <= end
             and not (quote.start <= t.start and t.end <= quote.end)
             and t.value is not None and len(t.value) == 10]
    values = {t.value for t in found}
    return found[0] if len(values) == 1 else None


def said_on_verdict(a: Quote, b: Quote, day_a: TimeExpression | None,
                    day_b: TimeExpression | None) -> Verdict | None:
    """``date`` when two outlets carry the same words but place them on different days."""
    if day_a is None or day_b is None or day_a.value == day_b.value:
        return None
    diff = compare_wording(a.text, b.text)
    if diff is None or diff.matched < 0.85:
        return None
    sa = Span(day_a.doc, day_a.start, day_a.end, day_a.text)
    sb = Span(day_b.doc, day_b.start, day_b.end, day_b.text)
    return Verdict("date", "medium", "when the same words were said", sa, sb,
                   f'"{_short(a.text)}": {day_a.value} vs {day_b.value}')
