"""Who did what to whom: source and target arguments of a PLOVER trigger from the parse.

Sources are the subject (following conjuncts: "X and Y agreed"), the agent of a passive, the
controller of an infinitive ("X sought to meet Y"), the subject of the first of coordinated
verbs, or the noun a relative clause hangs on. "Both sides" / "the two countries" become the
two parties named in the sentence or the one before. Targets are direct objects and the
objects of the prepositions each category takes ("talks with X", "sanctions on X").

An argument stands for an actor when it names one (its keys), or when it is a group phrase: a
noun of ``resources/events_actor_nouns.txt`` ("Turkish police", "thousands of students") or a
noun with a nationality/place/organisation modifier ("Israeli tanks"); a group phrase keeps
only its words. A pronoun subject of a reported clause is the reporter ("Iran said it would
retaliate": Iran), and "I"/"we" inside a direct quote is its speaker. An event noun with no
actor of its own takes the subject of the support verb it is the object of ("X held talks",
"Y staged a rally", "Z took part in the talks").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from newsprism.extract.events.triggers import Trigger
from newsprism.lang.resources import lines

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from newsprism.model import DocActors, LocalActor, Quote

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
TOPIC_NOUNS = ("ACCUSE",)  # a lone name before an inquiry or a criticism is its target ("the Russia inquiry")
LOCATIVE_PREPS = ("in", "at", "near", "outside", "inside", "across", "around")
LOCATION_LABELS = ("GPE", "LOC", "FAC")
PLACE_NOUNS = frozenset({"town", "city", "village", "province", "region", "district", "county", "capital",
                         "port", "island", "enclave", "area", "suburb", "neighborhood", "neighbourhood",
                         "state", "municipality", "camp"})
WH = {"who", "which", "that", "whom"}
_BOTH_RX = re.compile(
    r"^(?:both|the two|the)\s+(?:sides|countries|nations|leaders|governments|delegations|"
    r"parties|presidents|ministers|men|women|teams|capitals|powers|states)$|^both$", re.I)
_PERSONAL = ("leaders", "presidents", "ministers", "men", "women")
_STATES = ("countries", "nations", "capitals", "states", "governments", "powers")


# support verbs: an event noun that is their object is the subject's event ("held talks")
SUPPORT_VERBS = frozenset({
    "stage", "attend", "join", "host", "begin", "start", "open", "launch", "resume", "continue",
    "conduct", "lead", "organize", "organise", "mount", "wage", "make", "pay", "undertake",
    "participate", "return", "go", "come", "arrive", "travel", "converge", "end", "conclude",
})
QUANTITY_HEADS = frozenset({"tens", "hundreds", "thousands", "millions", "dozens", "scores", "group",
                            "groups", "members", "crowd", "crowds", "number", "band", "team", "unit"})
FIRST_PERSON = frozenset({"i", "we"})
THIRD_PERSON = frozenset({"it", "he", "she", "they"})
GROUP_MODIFIER_LABELS = ("NORP", "GPE", "ORG")


@lru_cache(maxsize=1)
def actor_nouns() -> frozenset[str]:
    return frozenset(w.strip().lower() for w in lines("events_actor_nouns.txt"))


@dataclass(frozen=True, slots=True)
class Argument:
    text: str
    keys: tuple[str, ...]
    group: bool = False  # a group phrase with no named actor ("Turkish police")


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


def argument(tok: Token, actors: DocActors, sent: SpacySpan,
             quotes: Sequence[Quote] = (), depth: int = 0) -> Argument:
    """One argument: its words and the actor keys it stands for."""
    if tok.pos_ == "PRON" and depth < 2:
        found = _pronoun(tok, actors, sent, quotes, depth)
        if found is not None:
            return found
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
    if not keys:
        member = _member(tok)
        if member.i != tok.i:
            inner = argument(member, actors, sent, quotes, depth)
            if inner.keys or inner.group:
                return Argument(span.text if member.i < span.end else inner.text, inner.keys, inner.group)
    return Argument(span.text, keys, not keys and is_group(tok))


def _member(tok: Token) -> Token:
    """The noun a quantity or group head counts: "thousands of students" -> students."""
    if tok.lower_ not in QUANTITY_HEADS:
        return tok
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return tok


def is_group(tok: Token) -> bool:
    """A common noun that names an actor: a listed actor noun, or a noun with a nationality,
    place or organisation modifier ("Israeli tanks", "U.S. negotiators")."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.ent_type_ in ("DATE", "TIME", "CARDINAL", "MONEY",
                                                              "PERCENT", "QUANTITY"):
        return False
    if tok.lemma_.lower() in actor_nouns() or tok.lower_ in actor_nouns():
        return True
    return tok.pos_ == "NOUN" and any(
        c.dep_ in ("amod", "compound", "nmod") and c.ent_type_ in GROUP_MODIFIER_LABELS for c in tok.children)


def _pronoun(tok: Token, actors: DocActors, sent: SpacySpan, quotes: Sequence[Quote],
             depth: int) -> Argument | None:
    """A personal pronoun's actor: the speaker of the direct quote around a first-person
    pronoun, else the subject of the reporting verb whose clause holds the pronoun."""
    word = tok.lower_
    if word in FIRST_PERSON:
        for q in quotes:
            if q.kind == "direct" and q.speaker and q.start <= tok.idx < q.end:
                return Argument(tok.text, (q.speaker,))
    if word not in FIRST_PERSON | THIRD_PERSON:
        return None
    from newsprism.extract.quotes.lexicon import lexicon

    report = lexicon().report_verbs
    node = tok.head
    for _ in range(4):
        if node.dep_ in ("xcomp", "conj") and node.head.i != node.i:
            node = node.head
            continue
        if node.dep_ != "ccomp" or node.head.i == node.i:
            return None
        parent = node.head
        if parent.lemma_.lower() in report:
            subj = next((c for c in parent.children if c.dep_ == "nsubj"), None)
            if subj is None or subj.i == tok.i:
                return None
            found = argument(subj, actors, sent, quotes, depth + 1)
            if not (found.keys or found.group) or not _agrees(word, found, actors, subj):
                return None
            return found
        node = parent
    return None


def _agrees(pronoun: str, arg: Argument, actors: DocActors, head: Token) -> bool:
    """"he"/"she" stand for a person (a named one or a title: "Kenya's foreign minister"), "it"
    for anything else; "we"/"they" for anyone."""
    kinds = {a.type for k in arg.keys if (a := actors.by_key(k)) is not None}
    if actors.actor_at(head.idx, head.idx + len(head)) is None and head.pos_ == "NOUN":
        kinds = {"PERSON"} if head.tag_ == "NN" and head.lemma_.lower() in actor_nouns() else {"GROUP"}
    if pronoun in ("he", "she"):
        return not kinds or kinds == {"PERSON"}
    if pronoun == "it":
        return "PERSON" not in kinds
    return True


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
    if verb.dep_ == "acomp" and verb.head.i != verb.i:  # "it is willing to withdraw": the copula's subject
        return subject_tokens(verb.head)
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
    if not out and trigger.category in COMPLEMENT_TARGETS:
        out = complement_targets(verb)
    return out


COMPLEMENT_TARGETS = ("REQUEST", "THREATEN", "REJECT", "AGREE", "CONCEDE")
COMPLEMENT_PREPS = ("with", "against", "on", "to", "from", "in", "into", "at")


def complement_targets(verb: Token) -> list[Token]:
    """The target a demand, threat or refusal is about: the subject of its clause ("demanded that
    the US cancel"), else the objects of its infinitive ("threatened to break relations with
    Russia", "refused to allow UN planes"). Only actors and group phrases are kept by the caller."""
    for child in verb.children:
        if child.dep_ == "ccomp":
            subj = [t for c in child.children if c.dep_ in ("nsubj", "nsubjpass") for t in with_conjuncts(c)]
            if subj:
                return subj
    for child in verb.children:
        if child.dep_ != "xcomp":
            continue
        out: list[Token] = []
        for grand in child.children:
            if grand.dep_ in ("dobj", "dative", "obj"):
                out += with_conjuncts(grand)
                out += [p for c in grand.children if c.dep_ == "prep" and c.lower_ in COMPLEMENT_PREPS
                        for p in c.children if p.dep_ == "pobj"]
            elif grand.dep_ == "prep" and grand.lower_ in COMPLEMENT_PREPS:
                out += [t for p in grand.children if p.dep_ == "pobj" for t in with_conjuncts(p)]
            elif grand.dep_ == "ccomp":
                out += [t for c in grand.children if c.dep_ == "nsubj" for t in with_conjuncts(c)]
        return out
    return []


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
    topic = category in TOPIC_NOUNS and len(modifiers) == 1 and modifiers[0].dep_ == "compound"
    for child in noun.children:
        if topic and child.i == modifiers[0].i and not has_poss:
            targets += with_conjuncts(child)
        elif child.dep_ == "poss" or (child in modifiers and not has_poss and not venue):
            sources += with_conjuncts(child)
        elif child.dep_ == "prep" and child.lower_ in ("by", "between", "among"):
            sources += [t for p in child.children if p.dep_ == "pobj" for t in with_conjuncts(p)]
        elif child.dep_ == "prep" and child.lower_ in NOUN_TARGET_PREPS:
            targets += [t for p in child.children if p.dep_ == "pobj" for t in with_conjuncts(p)]
    if not sources:
        verb = support_verb(noun)
        if verb is not None:
            sources, patients = subject_tokens(verb)
            if not sources:
                sources = patients
    return sources, targets


def support_verb(noun: Token) -> Token | None:
    """The support verb an event noun is the object of: "held talks", "took part in the talks",
    "staged a rally", "returned for talks"."""
    tok = noun
    if tok.dep_ == "conj":
        tok = tok.head
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    elif tok.dep_ not in ("dobj", "obj", "nsubjpass", "attr"):
        return None
    if head.lemma_.lower() == "take" and any(c.dep_ == "dobj" and c.lower_ == "part" for c in head.children):
        return head  # "took part in a rally"
    if head.pos_ not in ("VERB", "AUX") or head.lemma_.lower() not in SUPPORT_VERBS:
        if head.pos_ == "NOUN" and head.lemma_.lower() == "part" and head.dep_ == "dobj":
            return head.head if head.head.lemma_.lower() == "take" else None  # "take part in"
        return None
    return head


def location(trigger: Trigger, sent: SpacySpan) -> str | None:
    """A place in a locative prepositional phrase: first on the trigger, its subject or object
    (or a phrase under them: "in an attack on a village in Herat"), else on any verb. "The town
    of X", "the northern city of X" give X."""
    heads = [trigger.token] + ([trigger.obj] if trigger.obj is not None else [])
    if trigger.token.dep_ == "conj":
        heads.append(trigger.token.head)
    if trigger.nominal:
        support = support_verb(trigger.token)
        heads += [support] if support is not None else []
    heads += [c for h in heads for c in h.children if c.dep_ in ("dobj", "nsubj", "nsubjpass")]
    heads += [p for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in ("with", "to")
              for p in c.children if p.dep_ == "pobj" and p.ent_type_]
    for head in heads:
        found = _place_under(head, 0)
        if found:
            return found
    for tok in sent:
        if tok.pos_ in ("VERB", "AUX") and tok is not trigger.token:
            found = _place_under(tok, 2)
            if found:
                return found
    return None


def _place_under(head: Token, depth: int) -> str | None:
    """The place of a locative phrase on ``head``, else on a prepositional object below it
    (at most two prepositions down)."""
    pobjs = [(c, p) for c in head.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    for prep, pobj in pobjs:
        if prep.lower_ in LOCATIVE_PREPS:
            found = _place_name(pobj)
            if found:
                return found
    if depth < 2:
        for _, pobj in pobjs:
            found = _place_under(pobj, depth + 1)
            if found:
                return found
    return None


def _place_name(tok: Token) -> str | None:
    """A place entity, or the place a common noun names through "of" ("the town of Samarra")."""
    if tok.ent_type_ in LOCATION_LABELS:
        ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
        return ent.text if ent is not None else tok.text
    if tok.pos_ == "NOUN":
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ != "pobj":
                        continue
                    if pobj.ent_type_ in LOCATION_LABELS:
                        return _place_name(pobj)
                    if pobj.pos_ == "PROPN" and tok.lemma_.lower() in PLACE_NOUNS:  # "the town of Kidal"
                        return tok.doc[pobj.left_edge.i:pobj.i + 1].text
    return None
