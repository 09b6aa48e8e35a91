"""Who did what to whom: source and target arguments of a PLOVER trigger from the parse.

Sources are the subject (following conjuncts: "X and Y agreed"), the agent of a passive, the
controller of an infinitive ("X sought to meet Y"), the subject of the first of coordinated
verbs, or the noun a relative clause hangs on. "Both sides" / "the two countries" become the
two parties named in the sentence or the one before. Targets are direct objects and the
objects of the prepositions each category takes ("talks with X", "sanctions on X").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsprism.extract.events.triggers import Trigger

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from newsprism.model import DocActors, LocalActor

TARGET_PREPS: dict[str, tuple[str, ...]] = {
    "AGREE": ("with",), "CONSULT": ("with", "to"), "SUPPORT": ("for", "to"),
    "CONCEDE": ("to",), "COOPERATE": ("with",), "AID": ("to", "for"), "RETREAT": ("from",),
    "REQUEST": ("on", "to", "from"), "ACCUSE": ("at",), "REJECT": (), "THREATEN": (),
    "PROTEST": ("against", "outside"), "SANCTION": ("on", "against"),
    "MOBILIZE": ("to", "into", "against", "near", "along"), "COERCE": (),
    "ASSAULT": ("on", "against", "at"),
}
NOUN_TARGET_PREPS = ("of", "on", "against", "with", "to", "from", "into")
VENUE_NOUNS = ("CONSULT",)
LOCATIVE_PREPS = ("in", "at", "near", "outside", "inside", "across", "around")
LOCATION_LABELS = ("GPE", "LOC", "FAC")
WH = {"who", "which", "that", "whom"}
_BOTH_RX = re.compile(
    r"^(?:both|the two|the)\s+(?:sides|countries|nations|leaders|governments|delegations|"
    r"parties|presidents|ministers|men|women|teams|capitals|powers|states)$|^both$", re.I)
_PERSONAL = ("leaders", "presidents", "ministers", "men", "women")
_STATES = ("countries", "nations", "capitals", "states", "governments", "powers")


@dataclass(frozen=True, slots=True)
class Argument:
    text: str
    keys: tuple[str, ...]


def phrase(tok: Token) -> SpacySpan:
    """The noun phrase headed by ``tok``, without conjuncts, clauses or a leading determiner."""
    doc = tok.doc
    start = tok.i
    for child in tok.lefts:
        if child.dep_ not in ("cc", "conj", "punct", "det", "predet"):
            start = min(start, child.left_edge.i)
            break
    while start < tok.i and "\n" in doc[start:tok.i + 1].text:
        start += 1
    end = tok.i + 1
    for child in tok.rights:
        if child.dep_ in ("flat", "compound", "appos") and child.ent_type_ and child.i == end:
            end = child.right_edge.i + 1
    return doc[start:end]


def _actor_for(tok: Token, actors: DocActors) -> LocalActor | None:
    found = actors.actor_at(tok.idx, tok.idx + len(tok))
    if found is None:
        span = phrase(tok)
        found = actors.actor_at(span.start_char, span.end_char)
    return found


def with_conjuncts(tok: Token) -> list[Token]:
    return [tok, *(c for c in tok.conjuncts if c.i > tok.i)]


def argument(tok: Token, actors: DocActors, sent: SpacySpan) -> Argument:
    """One argument: its words and the actor keys it stands for."""
    span = phrase(tok)
    full = tok.doc[tok.left_edge.i : tok.i + 1]
    if _BOTH_RX.match(full.text.strip()):
        span = full
        keys = _both_sides(sent, actors, span)
        return Argument(span.text, keys)
    actor = actors.actor_at(tok.idx, tok.idx + len(tok))
    if actor is not None:
        return Argument(span.text, (actor.key,))
    keys = _modifier_actors(tok, actors)
    if not keys:
        found = actors.actor_at(span.start_char, span.end_char)
        keys = (found.key,) if found else ()
    return Argument(span.text, keys)


def _modifier_actors(tok: Token, actors: DocActors) -> tuple[str, ...]:
    """Actors named by a common noun's modifiers: "U.S. and Russian officials", "envoys from X"."""
    mods: list[Token] = []
    for child in tok.children:
        if child.dep_ in ("compound", "amod", "nmod", "poss") and child.ent_type_:
            mods += with_conjuncts(child)
        elif child.dep_ == "prep" and child.lower_ in ("of", "from") and tok.pos_ == "NOUN":
            mods += [t for p in child.children if p.dep_ == "pobj" for t in with_conjuncts(p)]
    keys: list[str] = []
    for mod in mods:
        found = actors.actor_at(mod.idx, mod.idx + len(mod))
        if found is not None and found.key not in keys:
            keys.append(found.key)
    return tuple(keys)


def _both_sides(sent: SpacySpan, actors: DocActors, span: SpacySpan) -> tuple[str, ...]:
    """The two parties of "both sides": a coordinated pair in the sentence, else the first two."""
    noun = span.text.lower().split()[-1]
    if noun in _PERSONAL:
        tiers: tuple[tuple[str, ...], ...] = (("PERSON",),)
    elif noun in _STATES:
        tiers = (("GPE", "NORP"),)
    else:
        tiers = (("GPE", "NORP"), ("GPE", "NORP", "ORG", "PERSON"))
    doc = sent.doc
    prev_start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    previous = doc[prev_start:sent.start]
    for wanted in tiers:
        for tok in (*sent, *previous):
            if tok.dep_ == "conj" and tok.head.i < tok.i and not (span.start <= tok.i < span.end):
                a, b = _actor_for(tok.head, actors), _actor_for(tok, actors)
                if a and b and a.type in wanted and b.type in wanted and _side(a) != _side(b):
                    return (a.key, b.key)
    for wanted in tiers:
        found: dict[str, str] = {}
        for ent in (*sent.ents, *previous.ents):
            actor = actors.actor_at(ent.start_char, ent.end_char)
            if actor is not None and actor.type in wanted:
                found.setdefault(_side(actor), actor.key)
            if len(found) == 2:
                return tuple(found.values())
    return ()


def _side(actor: LocalActor) -> str:
    """Actors of one country are one side ("Russia" and "Russian")."""
    return actor.country or actor.key


def subject_tokens(verb: Token) -> tuple[list[Token], list[Token]]:
    """(source tokens, passive-subject tokens that become targets) for a verb trigger."""
    sources: list[Token] = []
    patients: list[Token] = []
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj"):
            sources += with_conjuncts(child)
        elif child.dep_ == "nsubjpass":
            patients += with_conjuncts(child)
        elif child.dep_ == "agent":
            sources += [t for p in child.children if p.dep_ == "pobj" for t in with_conjuncts(p)]
    sources = [verb.head if t.lower_ in WH and verb.dep_ == "relcl" else t for t in sources]
    if sources or patients:
        return sources, patients
    if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head is not verb:
        head = verb.head
        if verb.dep_ == "xcomp":
            objs = [c for c in head.children if c.dep_ in ("dobj", "dative")]
            if objs:
                return with_conjuncts(objs[0]), []
        inherited, _ = subject_tokens(head)
        if verb.dep_ == "advcl" and verb.tag_ == "VBN":  # "When asked about X, Rubio said"
            return [], inherited
        return inherited, []
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return [], [verb.head]
    return [], []


def target_tokens(trigger: Trigger) -> list[Token]:
    """Objects and the prepositional objects this category takes."""
    verb = trigger.token
    preps = TARGET_PREPS.get(trigger.category, ())
    heads = [verb] + ([trigger.obj] if trigger.obj is not None else [])
    out: list[Token] = []
    for head in heads:
        for child in head.children:
            if child.i in trigger.used and child.dep_ not in ("prep",):
                continue
            if child.dep_ in ("dobj", "dative", "obj") and child is not trigger.obj:
                out += with_conjuncts(child)
            elif child.dep_ in ("prep", "prt") and (child.lower_ in preps or child.i in trigger.used):
                out += [t for p in child.children if p.dep_ == "pobj" for t in with_conjuncts(p)]
    return out


def noun_arguments(noun: Token, category: str) -> tuple[list[Token], list[Token]]:
    """(sources, targets) of an event noun: "Russia's invasion of Ukraine", "talks between A and B".

    A lone place-name modifier of a meeting noun is its venue, not a party ("the Geneva talks");
    a hyphenated or coordinated pair is the parties ("U.S.-Russia talks").
    """
    sources: list[Token] = []
    targets: list[Token] = []
    has_poss = any(c.dep_ == "poss" for c in noun.children)
    modifiers = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod") and c.ent_type_]
    venue = category in VENUE_NOUNS and len(modifiers) == 1 and not modifiers[0].conjuncts and not any(
        t.text in "-–/" for t in noun.doc[modifiers[0].left_edge.i:noun.i])
    for child in noun.children:
        if child.dep_ == "poss" or (child in modifiers and not has_poss and not venue):
            sources += with_conjuncts(child)
        elif child.dep_ == "prep" and child.lower_ in ("by", "between", "among"):
            sources += [t for p in child.children if p.dep_ == "pobj" for t in with_conjuncts(p)]
        elif child.dep_ == "prep" and child.lower_ in NOUN_TARGET_PREPS:
            targets += [t for p in child.children if p.dep_ == "pobj" for t in with_conjuncts(p)]
    return sources, targets


def location(trigger: Trigger, sent: SpacySpan) -> str | None:
    """A place in a locative prepositional phrase: first on the trigger, else on any verb."""
    heads = [trigger.token] + ([trigger.obj] if trigger.obj is not None else [])
    if trigger.token.dep_ == "conj":
        heads.append(trigger.token.head)
    heads += [c for h in heads for c in h.children if c.dep_ in ("dobj", "nsubj") and c.ent_type_]
    heads += [p for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in ("with", "to")
              for p in c.children if p.dep_ == "pobj" and p.ent_type_]
    for head in heads:
        found = _place_under(head)
        if found:
            return found
    for tok in sent:
        if tok.pos_ in ("VERB", "AUX") and tok is not trigger.token:
            found = _place_under(tok)
            if found:
                return found
    return None


def _place_under(head: Token) -> str | None:
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in LOCATIVE_PREPS:
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.ent_type_ in LOCATION_LABELS:
                    ent = next((e for e in pobj.doc.ents if e.start <= pobj.i < e.end), None)
                    return ent.text if ent is not None else pobj.text
    return None
