"""Word lists the quote extractor reads: speech verbs, verbs of belief, intent and evidence with
the shape of their content, person titles, gender hints.

The lists live in ``resources/quotes_*.txt`` (each file says where it comes from) and are
read once, lazily, on first use.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from newsprism.lang.resources import lines

# Honorifics that mark a person's grammatical gender (general English usage).
MALE_HONORIFICS = frozenset({"mr", "mr.", "sir", "lord", "mister"})
FEMALE_HONORIFICS = frozenset({"ms", "ms.", "mrs", "mrs.", "miss", "madam", "madame", "dame", "lady"})

PRONOUN_GENDER: dict[str, str] = {
    "he": "m", "him": "m", "his": "m", "himself": "m",
    "she": "f", "her": "f", "hers": "f", "herself": "f",
    "it": "n", "its": "n", "itself": "n",
}


@dataclass(frozen=True, slots=True)
class Lexicon:
    speech_verbs: frozenset[str]  # every attribution verb lemma
    report_verbs: frozenset[str]  # the subset that takes a reported content clause
    titles: frozenset[str]  # single-word title heads
    title_phrases: frozenset[str]  # multi-word titles ("foreign minister")
    title_gender: dict[str, str]  # gendered titles: "spokeswoman" -> "f"
    # quotes_content_verbs.txt: lemma -> shapes of the content it takes ("clause", "to",
    # "naming", "object" or "object:<preposition>")
    content_verbs: dict[str, frozenset[str]] = field(default_factory=dict)


def _lines(name: str) -> list[str]:
    """The resource's data lines without trailing ``#`` comments."""
    out = []
    for line in lines(name):
        line = line.split("#", 1)[0].rstrip()
        if line.strip():
            out.append(line.strip())
    return out


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    speech: set[str] = set()
    report: set[str] = set()
    for line in _lines("quotes_speech_verbs.txt"):
        lemma = line.rstrip("*").strip().lower()
        speech.add(lemma)
        if line.endswith("*"):
            report.add(lemma)
    titles: set[str] = set()
    phrases: set[str] = set()
    gender: dict[str, str] = {}
    for line in _lines("quotes_person_titles.txt"):
        word, _, g = line.partition("\t")
        word = word.strip().lower()
        (phrases if " " in word else titles).add(word)
        if g.strip() in ("m", "f"):
            gender[word] = g.strip()
    content: dict[str, set[str]] = {}
    for line in _lines("quotes_content_verbs.txt"):
        words, _, shape = line.partition("\t")
        lemma, _, prep = words.strip().lower().partition(" ")
        shape = shape.strip()
        if shape not in ("clause", "to", "object", "naming") or (prep and shape != "object"):
            raise ValueError(f"quotes_content_verbs.txt: bad line {line!r}")
        content.setdefault(lemma, set()).add(f"object:{prep}" if prep else shape)
    return Lexicon(frozenset(speech), frozenset(report), frozenset(titles), frozenset(phrases), gender,
                   {k: frozenset(v) for k, v in content.items()})
