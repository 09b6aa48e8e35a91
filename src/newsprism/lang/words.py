"""English word lists (stop words, negations) and the regexes that find words in text.

Three stop-word lists of different reach: ``FUNCTION_WORDS`` (articles, conjunctions,
prepositions, pronouns, forms of "be": what a wording comparison may ignore),
``CORE_STOP_WORDS`` (scikit-learn's ``ENGLISH_STOP_WORDS``, the Glasgow IR list, without the
content words it holds) and ``STOP_WORDS`` (the core list plus reporting and web-page words that
carry no topic in news). ``NEGATIONS`` are the negative words of English; ``APPROXIMATE_NEGATORS``
("hardly", "rarely", "seldom") negate almost.
"""

from __future__ import annotations

import re

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

FUNCTION_WORDS: frozenset[str] = frozenset(
    "a an the and or but of to in on at for by with from as is are was were be been being it its this "
    "that these those there here he she they we you i me him her them us our your their his my "
    "which who whom what so than then too also just very".split()
)

# scikit-learn's list holds some content words (a known quirk); they matter for news events
_NOT_STOP = frozenset(
    "fire bill call computer cry describe detail empty fill find found front full give interest "
    "mill move part show side system thick thin top back bottom amount serious".split())
CORE_STOP_WORDS: frozenset[str] = frozenset(ENGLISH_STOP_WORDS) - _NOT_STOP
STOP_WORDS: frozenset[str] = CORE_STOP_WORDS | frozenset(
    # reporting and web-page words that carry no topic (general news vocabulary)
    {"said", "says", "say", "told", "according", "reported", "report", "reports", "news",
     "also", "just", "like", "new", "year", "years", "time", "people", "mr", "ms", "mrs",
     "percent", "image", "photo", "caption", "toggle", "enlarge", "getty", "images", "ap",
     "reuters", "click", "share", "subscribe", "newsletter", "advertisement", "week",
     "day", "days", "don", "didn", "doesn", "isn", "wasn", "ve", "ll", "re", "s", "t"}
)

NEGATIONS: frozenset[str] = frozenset(
    {"not", "no", "never", "nothing", "none", "nobody", "neither", "nor", "cannot", "without"})
APPROXIMATE_NEGATORS: frozenset[str] = frozenset({"hardly", "rarely", "seldom"})

WORD_RUN = re.compile(r"\w+")
"""A run of word characters (letters, digits, underscore)."""
LETTER_RUN = re.compile(r"[^\W\d_]+")
"""A run of letters."""
WORD = re.compile(r"[^\W_]+(?:[’'][^\W_]+)*")
"""Letters and digits, joined inside by apostrophes ("don't", "O’Brien", "G7")."""
LETTER_WORD = re.compile(r"[^\W\d_]+(?:[’'-][^\W\d_]+)*")
"""Letters, joined inside by apostrophes and hyphens ("O’Neill", "Jean-Luc")."""
LETTER_WORD_STRAIGHT = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")
"""``LETTER_WORD`` without the curly apostrophe, which splits "Trump’s" into "Trump" and "s"
(the words of the name-spelling check, kept as they were)."""


def is_function_word(word: str) -> bool:
    """Whether ``word`` (any case) is in ``FUNCTION_WORDS``."""
    return word.lower() in FUNCTION_WORDS
