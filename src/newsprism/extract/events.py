"""PLOVER political events found in the dependency parse, one sentence at a time.

A trigger (verb, verb + particle, verb + object noun, or event noun; see
``resources/plover_verbs.tsv``) gives the category; ``events_args`` finds source and target
actors. Negation and modality: a negated cooperative trigger ("would not allow", "did not
agree") becomes REJECT; other negated triggers, hypotheticals ("could", "might", "may",
"should", "if ...") and questions ("whether") give no event. A trigger inside the complement
of a reporting trigger of REJECT/THREATEN/REQUEST/ACCUSE/AGREE ("threatened to impose
sanctions", "urged X to withdraw") is part of that event, not one of its own.

Date: a date expression in the trigger's clause, else in the sentence, else the document date
when the verb is past tense. Event nouns take only a date inside their own phrase.
``source_text`` lists the subject phrases (resolved to actors or not); ``target_text`` only the
targets that are actors. Quotes are linked when they overlap the sentence, or when their
speaker is the event source and they sit in the next or previous sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsprism.extract import events_args as args
from newsprism.extract.events_lexicon import Trigger, load_lexicon, match_trigger
from newsprism.extract.time import document_anchor
from newsprism.model import Document, Event, Quote, Span, TimeExpression, make_id

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from newsprism.extract.local import DocActors

FLIP_TO_REJECT = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
REPORTING = {"REJECT", "THREATEN", "REQUEST", "ACCUSE", "AGREE"}
HYPOTHETICAL = {"could", "might", "may", "should", "must", "can", "ought"}
NEGATORS = {"not", "n't", "never", "no"}


def find_events(
    doc: Document,
    sdoc: SpacyDoc,
    actors: DocActors,
    dates: Sequence[TimeExpression],
    quotes: Sequence[Quote],
) -> list[Event]:
    """Every PLOVER event in the document, with actors as local keys."""
    lex = load_lexicon()
    anchor = document_anchor(doc.published)
    doc_date = anchor.isoformat() if anchor else None
    sents = list(sdoc.sents)
    events: dict[str, Event] = {}
    for n, sent in enumerate(sents):
        if not sent.text.strip():
            continue
        triggers = _sentence_triggers(sent, lex)
        for trig in triggers.values():
            if not trig.nominal and _embedded(trig, triggers):
                continue
            event = _build(doc, trig, sent, actors, dates, doc_date)
            if event is None:
                continue
            event = _with_quotes(event, sent, sents, n, quotes)
            events[event.id] = _merge(events.get(event.id), event)
    return list(events.values())


def _sentence_triggers(sent: SpacySpan, lex: object) -> dict[int, Trigger]:
    found: dict[int, Trigger] = {}
    used: set[int] = set()
    for tok in sent:
        trig = match_trigger(tok, lex)  # type: ignore[arg-type]
        if trig is not None and not trig.nominal:
            found[tok.i] = trig
            used.update(trig.used)
    for tok in sent:
        trig = match_trigger(tok, lex)  # type: ignore[arg-type]
        if trig is not None and trig.nominal and tok.i not in used:
            found[tok.i] = trig
    return found


def _embedded(trig: Trigger, triggers: dict[int, Trigger]) -> bool:
    """A trigger in the complement of a reporting trigger ("threatened to strike")."""
    tok = trig.token
    for _ in range(3):
        if tok.dep_ not in ("xcomp", "ccomp", "pcomp", "pobj", "advcl") or tok.head is tok:
            return False
        tok = tok.head
        if tok.dep_ == "prep":
            tok = tok.head
        parent = triggers.get(tok.i)
        if parent is not None and not parent.nominal:
            return parent.category in REPORTING
    return False


def _polarity(verb: Token) -> tuple[bool, bool]:
    """(negated, hypothetical) for a verb, looking at its own auxiliaries and its head's."""
    negated = hypothetical = False
    for tok in (verb, verb.head) if verb.dep_ in ("xcomp",) else (verb,):
        for child in tok.children:
            low = child.lower_
            if child.dep_ == "neg" or (child.dep_ == "advmod" and low == "never"):
                negated = True
            if child.dep_ == "aux" and low in HYPOTHETICAL:
                hypothetical = True
            if child.dep_ == "mark" and low in ("if", "unless", "whether"):
                hypothetical = True
    return negated, hypothetical


def _build(
    doc: Document,
    trig: Trigger,
    sent: SpacySpan,
    actors: DocActors,
    dates: Sequence[TimeExpression],
    doc_date: str | None,
) -> Event | None:
    category, action = trig.category, trig.action
    if trig.nominal:
        src_toks, tgt_toks = args.noun_arguments(trig.token)
    else:
        negated, hypothetical = _polarity(trig.token)
        if hypothetical:
            return None
        if negated:
            if category not in FLIP_TO_REJECT:
                return None
            category, action = "REJECT", f"not {action}"
        src_toks, patients = args.subject_tokens(trig.token)
        tgt_toks = patients + args.target_tokens(trig)
    sources = [args.argument(t, actors, sent) for t in src_toks if t.pos_ != "PRON" or t.lower_ not in args._WH]
    src_keys = tuple(dict.fromkeys(k for a in sources for k in a.keys))
    if trig.nominal and not src_keys:
        return None
    targets = [args.argument(t, actors, sent) for t in tgt_toks]
    tgt_keys = tuple(dict.fromkeys(k for a in targets for k in a.keys if k not in src_keys))
    date, date_text = _event_date(trig, sent, dates, doc_date)
    start, end = _trimmed(sent)
    return Event(
        id=make_id("event", doc.id, start, category, action),
        category=category,
        action=action,
        source=src_keys,
        target=tgt_keys,
        date=date,
        date_text=date_text,
        location=args.location(trig, sent),
        mentions=(Span(doc.id, start, end, doc.text[start:end]),),
        source_text=tuple(dict.fromkeys(a.text for a in sources)),
        target_text=tuple(dict.fromkeys(a.text for a in targets if a.keys and set(a.keys) - set(src_keys))),
    )


def _trimmed(sent: SpacySpan) -> tuple[int, int]:
    text = sent.doc.text
    start, end = sent.start_char, sent.end_char
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _event_date(
    trig: Trigger, sent: SpacySpan, dates: Sequence[TimeExpression], doc_date: str | None,
) -> tuple[str | None, str | None]:
    tok = trig.token
    clause = (tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge))
    in_sent = [d for d in dates if sent.start_char <= d.start and d.end <= sent.end_char]
    in_clause = [d for d in in_sent if clause[0] <= d.start and d.end <= clause[1]]
    pool = in_clause if trig.nominal else (in_clause or in_sent)
    pool = [d for d in pool if d.value is not None]
    if pool:
        best = min(pool, key=lambda d: abs(d.start - tok.idx))
        return best.value, best.text
    if not trig.nominal and doc_date and _past(tok):
        return doc_date, None
    return None, None


def _past(verb: Token) -> bool:
    if verb.tag_ == "VBD":
        return True
    if verb.tag_ == "VBN":
        return any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP") for c in verb.children)
    if verb.dep_ in ("xcomp", "conj") and verb.head is not verb:
        return _past(verb.head)
    return False


def _with_quotes(event: Event, sent: SpacySpan, sents: list[SpacySpan], n: int,
                 quotes: Sequence[Quote]) -> Event:
    linked: list[str] = []
    for q in quotes:
        if q.start < sent.end_char and q.end > sent.start_char:
            linked.append(q.id)
            continue
        if q.speaker is None or q.speaker not in event.source:
            continue
        near = [sents[i] for i in (n - 1, n + 1) if 0 <= i < len(sents)]
        if any(q.start < s.end_char and q.end > s.start_char for s in near):
            linked.append(q.id)
    if not linked:
        return event
    from dataclasses import replace

    return replace(event, quotes=tuple(dict.fromkeys(linked)))


def _merge(old: Event | None, new: Event) -> Event:
    if old is None:
        return new
    from dataclasses import replace

    return replace(
        old,
        source=tuple(dict.fromkeys(old.source + new.source)),
        target=tuple(dict.fromkeys(old.target + new.target)),
        source_text=tuple(dict.fromkeys(old.source_text + new.source_text)),
        target_text=tuple(dict.fromkeys(old.target_text + new.target_text)),
        quotes=tuple(dict.fromkeys(old.quotes + new.quotes)),
        date=old.date or new.date,
        date_text=old.date_text or new.date_text,
        location=old.location or new.location,
    )
