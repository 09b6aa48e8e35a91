"""Trigger matching on a parse: where a token starts an event of the PLOVER lexicon (``lang.plover``).

``match_trigger(token)`` says whether a token starts a PLOVER event: which category, the action
phrase ("impose sanctions", "call on"), and the tokens the trigger uses up (a particle, the
object noun). Patterns with an object or particle win over the bare verb. A verb whose lemma is
not in the lexicon is tried under its regular base forms too ("staged" lemmatised "stag").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsprism.lang.morphology import base_forms
from newsprism.lang.plover import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token


@dataclass(frozen=True, slots=True)
class Trigger:
    token: Token
    category: str
    action: str
    used: tuple[int, ...]  # token indices the trigger consumes (particle, object)
    nominal: bool = False
    obj: Token | None = None  # the object noun of a "verb +obj" trigger


_OBJECT_DEPS = ("dobj", "nsubjpass", "obj", "attr")
# a noun inside a date or a name is no event ("the Northwest Detention Center"); an EVENT name may be
_NOT_EVENT_LABELS = ("DATE", "TIME", "ORG", "FAC", "PERSON", "GPE", "LOC", "NORP", "WORK_OF_ART", "LAW",
                     "PRODUCT")


def _object_lemma(tok: Token) -> str:
    lemma = tok.lemma_.lower()
    return lemma[:-1] if lemma.endswith("s") and lemma[:-1] and tok.tag_ == "NNS" else lemma


def match_trigger(tok: Token, lex: Lexicon) -> Trigger | None:
    """The trigger starting at this token, if any."""
    lemma = tok.lemma_.lower()
    if lemma not in lex.heads and tok.tag_.startswith("VB"):
        # the lemmatiser's slips ("staged" -> "stag"): the word's own base forms
        known = sorted(b for b in base_forms(tok.lower_) if b in lex.heads)
        lemma = known[0] if known else lemma
    if lemma not in lex.heads:
        return None
    if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "NOUN" and tok.tag_.startswith("VB")):
        return _verb_trigger(tok, lemma, lex)
    if tok.pos_ in ("NOUN", "PROPN") and tok.ent_type_ not in _NOT_EVENT_LABELS:  # not "Detention Center"
        for mod in tok.children:  # "hunger strike", "general strike": the modified noun wins
            if mod.dep_ in ("compound", "amod") and mod.i == tok.i - 1:
                category = lex.nouns.get(f"{mod.lower_} {_object_lemma(tok)}")
                if category is not None:
                    return Trigger(tok, category, f"{mod.lower_} {tok.lower_}", (mod.i,), nominal=True)
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
