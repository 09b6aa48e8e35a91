"""Event-verb check: two statements of one claim tell the event with incompatible verbs.

A small lexicon (``resources/checks_verbs.json``) lists pairs of verb groups that exclude each
other (cancelled / postponed, agreed / refused, won / lost ...), as base forms that
``lang.morphology.verb_forms`` inflects. Verbs under a negation ("did not agree") are ignored,
and so is a pair when one side uses verbs of both groups.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsprism.compare.checks.judge import JudgeContext, Verdict
from newsprism.compare.checks.text import first_words, sub_span, words_of
from newsprism.lang.morphology import verb_forms
from newsprism.lang.resources import load_json
from newsprism.model import Severity, Span


@dataclass(frozen=True, slots=True)
class VerbPair:
    topic: str
    severity: Severity
    a: re.Pattern[str]
    b: re.Pattern[str]
    heads_a: frozenset[str]  # first words of each group's forms (checks_text.first_words)
    heads_b: frozenset[str]


def _phrase_forms(phrase: str) -> list[str]:
    """Inflect the first word of a phrasal verb: 'put off' -> 'putting off' ..."""
    head, *rest = phrase.split()
    return [" ".join([form, *rest]) for form in verb_forms(head)]


def _heads(phrases: list[str]) -> frozenset[str]:
    return first_words(f for p in phrases for f in _phrase_forms(p))


def _group_regex(phrases: list[str]) -> re.Pattern[str]:
    forms = sorted({f for p in phrases for f in _phrase_forms(p)}, key=len, reverse=True)
    alternation = "|".join(r"\s+".join(re.escape(w) for w in f.split()) for f in forms)
    return re.compile(rf"\b(?:{alternation})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def verb_pairs() -> tuple[VerbPair, ...]:
    return tuple(
        VerbPair(p["topic"], p["severity"], _group_regex(p["a"]), _group_regex(p["b"]),
                 _heads(p["a"]), _heads(p["b"]))
        for p in load_json("checks_verbs.json")["pairs"]
    )


@lru_cache(maxsize=1)
def _negation_re() -> re.Pattern[str]:
    words = load_json("checks_verbs.json")["negations"]
    alternation = "|".join(r"\s+".join(re.escape(w) for w in n.split()) for n in words)
    return re.compile(rf"(?:\b(?:{alternation})\b|n[’']t\b)", re.IGNORECASE)


def _negated(text: str, start: int) -> bool:
    """A negation among the three words before ``start``."""
    window = " ".join(text[max(0, start - 80):start].split()[-3:])
    return bool(_negation_re().search(window))


Hit = tuple[int, int]  # offsets of a verb inside the text


def _hits(pattern: re.Pattern[str], text: str) -> tuple[Hit, ...]:
    return tuple((m.start(), m.end()) for m in pattern.finditer(text) if not _negated(text, m.start()))


@lru_cache(maxsize=4096)
def verb_hits(text: str) -> tuple[tuple[tuple[Hit, ...], tuple[Hit, ...]], ...]:
    """For each verb pair of the lexicon, the un-negated verbs of its two groups in ``text``
    (parsed once per text: one mention is compared with many others)."""
    words = words_of(text)
    return tuple((_hits(pair.a, text) if not words.isdisjoint(pair.heads_a) else (),
                  _hits(pair.b, text) if not words.isdisjoint(pair.heads_b) else ())
                 for pair in verb_pairs())


def check_verbs(
    a: Span, b: Span, context: JudgeContext | None = None, only: tuple[int, ...] | None = None
) -> Verdict | None:
    """An incompatible verb pair (one group on each side, neither side using both); ``only``
    limits the check to those pairs of the lexicon (by position)."""
    rows = zip(range(len(verb_pairs())), verb_pairs(), verb_hits(a.text), verb_hits(b.text))
    for n, pair, (a_in_a, b_in_a), (a_in_b, b_in_b) in rows:
        if only is not None and n not in only:
            continue
        for x, y in ((a_in_a, b_in_b), (b_in_a, a_in_b)):
            if x and y and not (a_in_a and b_in_a) and not (a_in_b and b_in_b):
                return Verdict("event_verb", pair.severity, pair.topic,
                               sub_span(a, *x[0]), sub_span(b, *y[0]))
    return None
