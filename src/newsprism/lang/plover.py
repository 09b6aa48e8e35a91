"""The PLOVER trigger lexicon (``resources/plover_verbs.tsv``): which words start which event.

Each data line is ``CATEGORY<TAB>pattern``: a verb lemma ("meet"), a verb with a particle
("call on"), a verb with one of some object lemmas ("sign +agreement|deal"), or an event noun
("n:agreement"), or an event noun with a modifier word ("n:hunger strike"); a ``!obj`` suffix marks a verb that is a trigger only without an object. The extract
stage matches it on the parse (``extract.events.triggers``); the compare stage's tone leaves
its words out of the sentiment lexicon.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from newsprism.lang.resources import lines
from newsprism.model import PLOVER_CATEGORIES


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: dict[str, str]  # lemma -> category
    particles: dict[tuple[str, str], str]  # (lemma, particle) -> category
    objects: dict[tuple[str, str], str]  # (verb lemma, object lemma) -> category
    nouns: dict[str, str]  # noun lemma -> category
    intransitive: frozenset[str] = frozenset()  # verbs that trigger only without an object
    heads: frozenset[str] = frozenset()  # every lemma that can start a trigger (fast filter)


def parse_lexicon(rows: list[str]) -> Lexicon:
    """The lexicon from the lines of a ``plover_verbs.tsv`` file (blank and ``#`` lines skipped)."""
    verbs: dict[str, str] = {}
    particles: dict[tuple[str, str], str] = {}
    objects: dict[tuple[str, str], str] = {}
    nouns: dict[str, str] = {}
    intransitive: set[str] = set()
    for raw in rows:
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        category, pattern = line.split("\t", 1)
        if category not in PLOVER_CATEGORIES:
            raise ValueError(f"unknown PLOVER category {category!r} in plover_verbs.tsv")
        pattern = pattern.strip()
        if pattern.endswith(" !obj"):
            pattern = pattern[: -len(" !obj")]
            intransitive.add(pattern)
        if pattern.startswith("n:"):
            nouns[pattern[2:]] = category
        elif " +" in pattern:
            verb, objs = pattern.split(" +", 1)
            for obj in objs.split("|"):
                objects[(verb, obj.lstrip("+"))] = category
        elif " " in pattern:
            verb, particle = pattern.split(" ", 1)
            particles[(verb, particle)] = category
        else:
            verbs[pattern] = category
    heads = {*verbs, *(v for v, _ in particles), *(v for v, _ in objects), *nouns}
    heads |= {n + "s" for n in nouns} | {n.split()[-1] for n in nouns if " " in n}
    return Lexicon(verbs, particles, objects, nouns, frozenset(intransitive), frozenset(heads))


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The shipped lexicon, read once per process."""
    return parse_lexicon(lines("plover_verbs.tsv"))
