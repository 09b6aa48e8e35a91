"""English number words and their values, and number tokens normalised for comparison.

General English vocabulary (standard grammar references, e.g. the Cambridge Grammar of the
English Language ch. 5 on numerals), not fitted to any corpus: cardinals ``zero``-``nineteen``,
the tens, the scales (and their news abbreviations "mln", "bn", "m", "k"), and number phrases
("a dozen", "a couple of", "half a"). ``normalise_numbers`` turns runs of number tokens into one
canonical ``#<value>`` token, so "four" and "4", "twenty-five" and "25" compare equal.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

CARDINALS: Mapping[str, int] = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
TENS: Mapping[str, int] = {w: 10 * (i + 2) for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split())}
SCALES: Mapping[str, int] = {"hundred": 100, "thousand": 1_000, "million": 1_000_000,
                             "billion": 1_000_000_000, "trillion": 1_000_000_000_000}
SCALE_ABBREVIATIONS: Mapping[str, int] = {"mln": 1_000_000, "bn": 1_000_000_000, "m": 1_000_000, "k": 1_000}
NUMBER_PHRASES: Mapping[str, float] = {
    "a dozen": 12, "dozen": 12, "a couple of": 2, "a pair of": 2, "half a": 0.5, "a half": 0.5,
    "single": 1,
}
"""Words and phrases that stand for a number without being a cardinal."""

_MULTIPLIERS = {**SCALES, "dozen": 12}  # "two dozen", "2 million"
_NUMBER_WORDS = frozenset(CARDINALS) | frozenset(TENS)
_DIGIT = re.compile(r"\d")


def number_value(token: str) -> float | None:
    """The value of a digit token ("1,200", "4.5") or a single number word ("four")."""
    t = token.lower().replace(",", "")
    if t and t[0].isdigit():
        try:
            return float(t)
        except ValueError:
            return None
    if t in CARDINALS:
        return float(CARDINALS[t])
    if t in TENS:
        return float(TENS[t])
    return None


def normalise_numbers(tokens: Sequence[str]) -> list[str]:
    """Merge runs of number words/digits and scales into one canonical token ``#<value>``.

    ``["twenty", "five"]`` -> ``["#25"]``; ``["4"]`` and ``["four"]`` -> ``["#4"]``;
    ``["2", "million"]`` -> ``["#2e+06"]`` (the value in "g" format). Other tokens pass through
    lower-cased. Tokens hold no spaces.
    """
    if not tokens:
        return []
    joined = " ".join(tokens).lower()
    lowered = joined.split(" ")
    if not _DIGIT.search(joined) and _NUMBER_WORDS.isdisjoint(lowered):
        return lowered  # the common case: no number at all
    starts = [i for i, t in enumerate(lowered) if t[:1].isdigit() or t in _NUMBER_WORDS]
    out: list[str] = []
    done = 0  # tokens before this index are in ``out``
    n = len(lowered)
    for i in starts:
        if i < done:
            continue  # merged into the number before it
        out.extend(lowered[done:i])
        value = number_value(tokens[i])
        if value is None:
            out.append(lowered[i])
            done = i + 1
            continue
        j = i + 1
        while j < n:
            nxt = lowered[j].replace("-", "")
            if nxt in _MULTIPLIERS:
                value *= _MULTIPLIERS[nxt]
            elif nxt in CARDINALS and value >= 20 and value % 10 == 0 and value < 100:
                value += CARDINALS[nxt]
            else:
                break
            j += 1
        out.append(f"#{value:g}" if value < 1e15 else f"#{value:.0f}")
        done = j
    out.extend(lowered[done:])
    return out


def split_hyphen_numbers(tokens: Iterable[str]) -> list[str]:
    """``twenty-five`` -> ``twenty``, ``five`` so number normalisation sees both parts."""
    out: list[str] = []
    for t in tokens:
        if "-" not in t:
            out.append(t)
            continue
        parts = t.lower().split("-")
        if len(parts) > 1 and all(p in CARDINALS or p in TENS for p in parts):
            out.extend(parts)
        else:
            out.append(t)
    return out
