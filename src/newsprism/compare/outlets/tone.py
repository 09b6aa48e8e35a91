"""Sentence tone from the VADER lexicon, in the writer's own words.

Lexicon: ``vader_lexicon.txt`` shipped in the ``vaderSentiment`` package (3.3.2, MIT licence;
Hutto & Gilbert 2014), read once on first use. The scorer is a reduced VADER: word valences
summed, a valence flipped and damped (x -0.74, as VADER does) when one of the three words before
it is a negation, and the sum squashed into [-1, 1] with VADER's ``x / sqrt(x^2 + 15)``. Text in
quotation marks is left out, so a quoted speaker's words do not count as the outlet's tone.

Words that name an event are left out of the lexicon too: "killed", "arrested", "flood" say what
happened, not how the outlet tells it (VADER, built for social media, scores them strongly
negative, which would make every report of a disaster "hostile"). They are the lexicon entries
whose base form is a trigger of the PLOVER lexicon (``resources/plover_verbs.tsv``) or is listed
in ``resources/tone_event_words.txt`` (casualties, violence, crime, disasters, illness, outcomes);
evaluative words ("brutal", "senseless", "heroic") keep their valence.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from newsprism.lang.morphology import base_forms
from newsprism.lang.plover import load_lexicon
from newsprism.lang.resources import lines
from newsprism.lang.words import APPROXIMATE_NEGATORS, NEGATIONS

METHOD = ("VADER lexicon (vaderSentiment 3.3.2, MIT) without words that name events (PLOVER "
          "triggers, casualty and disaster vocabulary) on each sentence without its quotations; "
          "negation flip; compound x/sqrt(x^2+15); means over sentences")
_NEGATIONS = NEGATIONS | APPROXIMATE_NEGATORS  # and every word ending in "n't"
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")
_WORD = re.compile(r"[a-z]+(?:['’][a-z]+)?")


@dataclass(frozen=True, slots=True)
class Scored:
    score: float  # compound in [-1, 1]
    hits: int  # lexicon words found


@lru_cache(maxsize=1)
def event_lemmas() -> frozenset[str]:
    """Base forms of words that name events: the PLOVER triggers (the verb or event noun of each
    pattern, not the objects it may take) and the tone event vocabulary."""
    plover = load_lexicon()
    return frozenset(line.strip() for line in lines("tone_event_words.txt")) | frozenset(
        {*plover.verbs, *(v for v, _ in plover.particles), *(v for v, _ in plover.objects), *plover.nouns})


@lru_cache(maxsize=1)
def valences() -> dict[str, float]:
    """VADER's single-word entries (lower case), the whole lexicon."""
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


@lru_cache(maxsize=1)
def lexicon() -> dict[str, float]:
    """VADER's single-word entries (lower case), without the words that name events."""
    events = event_lemmas()
    return {w: v for w, v in valences().items() if not base_forms(w) & events}


def compound(words: list[str], table: dict[str, float]) -> Scored:
    """Valences of ``words`` (lower case) summed, each flipped and damped after a negation among
    the three words before it, squashed into [-1, 1]."""
    total = 0.0
    hits = 0
    for i, w in enumerate(words):
        v = table.get(w)
        if v is None:
            continue
        if any(p in _NEGATIONS or p.endswith("n't") for p in words[max(0, i - 3):i]):
            v *= -0.74
        total += v
        hits += 1
    return Scored(total / math.sqrt(total * total + 15.0) if hits else 0.0, hits)


def score(text: str) -> Scored:
    """Tone of ``text`` without its quotations."""
    own = _QUOTED.sub(" ", text).lower().replace("’", "'")
    return compound(_WORD.findall(own), lexicon())
