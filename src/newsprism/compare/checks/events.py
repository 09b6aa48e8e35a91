"""Event-verb check across sentences: two documents of one story tell the same actor's event
with incompatible verbs, even when claim alignment did not pair the two sentences ("X cancelled
a planned visit" / "X is putting off the trip").

Within one story, each document's sentences (the spans of ``lang.sentences``, handed in) are
kept when they hold a verb of the event-outcome lexicon (``checks_verbs.json`` pairs marked
``"scope": "event"``) and an event noun. Two sentences of different documents are compared
when they share an actor and an event-noun class (a visit and a trip are one class, a match and
a game another). Actors are the extract stage's entities mentioned in the sentence (their id and
their last name word); for a document without entities, the capitalised words inside the
sentence stand in. Event nouns: ``resources/checks_events.json``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from newsprism.compare.checks.judge import Verdict
from newsprism.compare.checks.verbs import check_verbs, verb_hits
from newsprism.lang.calendar import MONTH_NAMES, WEEKDAY_NAMES
from newsprism.lang.morphology import suffix_plural
from newsprism.lang.resources import load_json
from newsprism.lang.sentences import SentenceSpan, SentenceSpans
from newsprism.lang.words import LETTER_WORD
from newsprism.model import Document, Entity, Span

_NOT_ACTORS = frozenset(
    "the a an and but he she they it this that his her their its in on at for to of by with mr mrs ms dr".split()
) | frozenset(WEEKDAY_NAMES) | frozenset(MONTH_NAMES)
_PRONOUN_START_RE = re.compile(r"(?:He|She|They|It)\b")
MIN_SENTENCE = 20  # characters; shorter pieces are datelines and captions
MAX_SENTENCE = 400  # characters; longer "sentences" are lists or run-ons, not one event


@dataclass(frozen=True, slots=True)
class EventSentence:
    span: Span
    actors: frozenset[str]
    classes: frozenset[str]


@lru_cache(maxsize=1)
def _noun_classes() -> dict[str, str]:
    """Event noun (singular and plural) -> its class."""
    data = load_json("checks_events.json")["classes"]
    out: dict[str, str] = {}
    for cls, nouns in data.items():
        for noun in nouns:
            out[noun] = cls
            out[suffix_plural(noun)] = cls
    return out


@lru_cache(maxsize=1)
def _event_pairs() -> tuple[int, ...]:
    scopes = [p.get("scope") for p in load_json("checks_verbs.json")["pairs"]]
    return tuple(i for i, scope in enumerate(scopes) if scope == "event")


def _has_event_verb(text: str) -> bool:
    hits = verb_hits(text)
    return any(hits[i][0] or hits[i][1] for i in _event_pairs())


def _sentences(doc: Document, spans: Sequence[SentenceSpan]) -> list[Span]:
    """The document's sentences of MIN_SENTENCE to MAX_SENTENCE characters."""
    return [doc.span(a, b) for a, b in spans
            if MIN_SENTENCE <= b - a <= MAX_SENTENCE]


def _entity_actors(entities: Sequence[Entity], docs: set[str]) -> dict[str, list[tuple[Span, set[str]]]]:
    """Per document, each entity mention with the actor keys it stands for."""
    out: dict[str, list[tuple[Span, set[str]]]] = defaultdict(list)
    for ent in entities:
        words = LETTER_WORD.findall(ent.name)
        keys = {ent.id} | ({words[-1].lower()} if words and ent.type == "PERSON" else {ent.name.lower()})
        for m in ent.mentions:
            if m.doc in docs:
                out[m.doc].append((m, keys))
    return out


def _capitalised(span: Span) -> set[str]:
    words = list(LETTER_WORD.finditer(span.text))[1:]  # the first word is capitalised anyway
    return {w.group().lower() for w in words if w.group()[0].isupper() and w.group().lower() not in _NOT_ACTORS}


def event_sentences(doc: Document, mentions: Sequence[tuple[Span, set[str]]],
                    spans: Sequence[SentenceSpan]) -> list[EventSentence]:
    """The sentences of a document that tell an event outcome, with their actors and noun classes.

    A sentence's actors are those it names, plus the previous sentence's when it starts with a
    pronoun ("He announced ..."); they are worked out only for sentences that hold an event
    noun and verb (and, through pronouns, the ones before them)."""
    classes = _noun_classes()
    sents = _sentences(doc, spans)
    memo: dict[int, set[str]] = {}

    def own(sent: Span) -> set[str]:
        if mentions:
            return {k for m, keys in mentions if sent.start <= m.start and m.end <= sent.end
                    for k in keys}
        return _capitalised(sent)

    def actors(i: int) -> set[str]:
        first = i  # back to the start of this run of pronoun-led sentences
        while first not in memo and first > 0 and _PRONOUN_START_RE.match(sents[first].text):
            first -= 1
        carried = memo.get(first, set()) if first in memo else set()
        for k in range(first, i + 1):
            if k not in memo:
                led = k > 0 and _PRONOUN_START_RE.match(sents[k].text)
                memo[k] = own(sents[k]) | carried if led else own(sents[k])
            carried = memo[k]
        return memo[i]

    out: list[EventSentence] = []
    for i, sent in enumerate(sents):
        nouns = {classes[w.lower()] for w in LETTER_WORD.findall(sent.text) if w.lower() in classes}
        if nouns and _has_event_verb(sent.text) and (who := actors(i)):
            out.append(EventSentence(sent, frozenset(who), frozenset(nouns)))
    return out


def event_verb_verdicts(documents: Sequence[Document], entities: Sequence[Entity] = (), *,
                        sentences: SentenceSpans) -> list[Verdict]:
    """``event_verb`` disagreements between sentences of different documents of one story
    (``sentences``: every document's sentence spans)."""
    mentions = _entity_actors(entities, {d.id for d in documents})
    per_doc = [(d.id, event_sentences(d, mentions.get(d.id, ()), sentences[d.id])) for d in documents]
    out: list[Verdict] = []
    for i, (doc_a, sents_a) in enumerate(per_doc):
        for doc_b, sents_b in per_doc[i + 1:]:
            if doc_a == doc_b:
                continue
            for x in sents_a:
                for y in sents_b:
                    if x.actors & y.actors and x.classes & y.classes:
                        verdict = check_verbs(x.span, y.span, None, _event_pairs())
                        if verdict is not None:
                            out.append(verdict)
    return out
