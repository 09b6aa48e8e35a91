"""The PLOVER trigger lexicon (resources/plover_verbs.tsv) and trigger matching on a parse.

``match_trigger(token)`` says whether a token starts a PLOVER event: which category, the action
phrase ("impose sanctions", "call on"), and the tokens the trigger uses up (a particle, the
object noun). Patterns with an object or particle win over the bare verb.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from newsprism.lang.resources import lines
from newsprism.model import PLOVER_CATEGORIES

if TYPE_CHECKING:
    from spacy.tokens import Token


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: dict[str, str]  # lemma -> category
    particles: dict[tuple[str, str], str]  # (lemma, particle) -> category
    objects: dict[tuple[str, str], str]  # (verb lemma, object lemma) -> category
    nouns: dict[str, str]  # noun lemma -> category
    intransitive: frozenset[str] = frozenset()  # verbs that trigger only without an object
    heads: frozenset[str] = frozenset()  # every lemma that can start a trigger (fast filter)


@dataclass(frozen=True, slots=True)
class Trigger:
    token: Token
    category: str
    action: str
    used: tuple[int, ...]  # token indices the trigger consumes (particle, object)
    nominal: bool = False
    obj: Token | None = None  # the object noun of a "verb +obj" trigger


def parse_lexicon(lines: list[str]) -> Lexicon:
    verbs: dict[str, str] = {}
    particles: dict[tuple[str, str], str] = {}
    objects: dict[tuple[str, str], str] = {}
    nouns: dict[str, str] = {}
    intransitive: set[str] = set()
    for raw in lines:
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
    heads |= {n + "s" for n in nouns}
    return Lexicon(verbs, particles, objects, nouns, frozenset(intransitive), frozenset(heads))


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    return parse_lexicon(lines("plover_verbs.tsv"))


_OBJECT_DEPS = ("dobj", "nsubjpass", "obj", "attr")


def _object_lemma(tok: Token) -> str:
    lemma = tok.lemma_.lower()
    return lemma[:-1] if lemma.endswith("s") and lemma[:-1] and tok.tag_ == "NNS" else lemma


def match_trigger(tok: Token, lex: Lexicon) -> Trigger | None:
    """The trigger starting at this token, if any."""
    lemma = tok.lemma_.lower()
    if lemma not in lex.heads:
        return None
    if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "NOUN" and tok.tag_.startswith("VB")):
        return _verb_trigger(tok, lemma, lex)
    if tok.pos_ in ("NOUN", "PROPN") and tok.ent_type_ not in ("DATE", "TIME"):
        category = lex.nouns.get(lemma) or lex.nouns.get(_object_lemma(tok))
        if category is not None:
            return Trigger(tok, category, tok.lower_, (), nominal=True)
    return None


def _verb_trigger(tok: Token, lemma: str, lex: Lexicon) -> Trigger | None:
    prt = next((c for c in tok.children if c.dep_ == "prt"), None)
    head_word = f"{lemma} {prt.lower_}" if prt is not None else lemma
    for child in tok.children:
        if child.dep_ in _OBJECT_DEPS:
            category = lex.objects.get((lemma, _object_lemma(child)))
            if category is not None:
                used = (child.i,) if prt is None else (prt.i, child.i)
                return Trigger(tok, category, f"{head_word} {child.lower_}", used, obj=child)
    for child in tok.children:
        if child.dep_ in ("prt", "prep") and child.i > tok.i:
            category = lex.particles.get((lemma, child.lower_))
            if category is not None:
                return Trigger(tok, category, f"{lemma} {child.lower_}", (child.i,))
    category = lex.verbs.get(lemma)
    if category is not None and lemma in lex.intransitive and any(
            c.dep_ in ("dobj", "ccomp", "nsubjpass") or (c.dep_ == "mark" and c.lower_ == "as")
            for c in tok.children):
        return None
    if category is not None:
        return Trigger(tok, category, lemma, ())
    return None
