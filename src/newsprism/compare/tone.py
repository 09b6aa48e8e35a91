"""Sentence tone from the VADER lexicon, in the writer's own words.

Lexicon: ``vader_lexicon.txt`` shipped in the ``vaderSentiment`` package (3.3.2, MIT licence;
Hutto & Gilbert 2014), read once on first use. The scorer is a reduced VADER: word valences
summed, a valence flipped and damped (x -0.74, as VADER does) when one of the three words before
it is a negation, and the sum squashed into [-1, 1] with VADER's ``x / sqrt(x^2 + 15)``. Text in
quotation marks is left out, so a quoted speaker's words do not count as the outlet's tone.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

METHOD = ("VADER lexicon (vaderSentiment 3.3.2, MIT) on each sentence without its quotations; "
          "negation flip; compound x/sqrt(x^2+15); means over sentences")
NEGATIONS = frozenset(
    "not no never nor none nobody nothing neither without hardly rarely seldom cannot "
    "isn't aren't wasn't weren't don't doesn't didn't won't wouldn't can't couldn't shouldn't "
    "hasn't haven't hadn't ain't".split()
)
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")
_WORD = re.compile(r"[a-z]+(?:['’][a-z]+)?")


@dataclass(frozen=True, slots=True)
class Scored:
    score: float  # compound in [-1, 1]
    hits: int  # lexicon words found


@lru_cache(maxsize=1)
def lexicon() -> dict[str, float]:
    text = resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text("utf-8")
    table: dict[str, float] = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].isalpha():
            try:
                table[parts[0].lower()] = float(parts[1])
            except ValueError:
                continue
    return table


def score(text: str) -> Scored:
    """Tone of ``text`` without its quotations."""
    own = _QUOTED.sub(" ", text).lower().replace("’", "'")
    words = _WORD.findall(own)
    table = lexicon()
    total = 0.0
    hits = 0
    for i, w in enumerate(words):
        v = table.get(w)
        if v is None:
            continue
        if any(p in NEGATIONS or p.endswith("n't") for p in words[max(0, i - 3):i]):
            v *= -0.74
        total += v
        hits += 1
    return Scored(total / math.sqrt(total * total + 15.0) if hits else 0.0, hits)
