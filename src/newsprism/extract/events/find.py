"""PLOVER political events found in the dependency parse, one sentence at a time.

A trigger (verb, verb + particle, verb + object noun, or event noun; see
``resources/plover_verbs.tsv``) gives the category; ``events_args`` finds source and target
actors. Negation and modality: a negated cooperative trigger ("would not allow", "did not
agree") becomes REJECT; other negated triggers, hypotheticals ("could", "might", "may",
"should", "if ...") and questions ("whether") give no event. A trigger inside the complement
of a reporting trigger of REJECT/THREATEN/REQUEST/ACCUSE/AGREE ("threatened to impose
sanctions", "urged X to withdraw") is part of that event, not one of its own. As the PLOVER manual
reads promises: a cooperative act in the future or offered ("will visit", "ready to host") is
AGREE, a future retreat CONCEDE, a stated readiness to do a hostile act THREATEN (``_intended``).

Date: a date expression attached to the trigger (or its object), else to a verb above it ("On
Tuesday, X said it agreed"), else a news-window date inside the trigger's object phrase (a
PP-attachment slip), else the document date when the verb is past tense. ``date_basis`` says
which ("expression" / "document") and ``date_span`` holds the expression, or the words the
document's date rests on (a date line, an inferred date's evidence; None for metadata); in an
undated document both are set while ``date`` waits (``extract.redate`` fills it once the
document has a date). Dates in relative clauses ("the war that began three years ago") are not
the event's. Event nouns take only a
date attached to themselves or to their support verb ("arrived for talks on Monday").
``source_text`` lists the subject phrases (resolved to actors or not); ``target_text`` only the
targets that are actors or group phrases ("Turkish police"; see ``args``). An event needs an
actor or a group phrase among its arguments (an event noun, among its sources). Quotes are linked when they overlap the sentence, or when their
speaker is the event source and they sit in the next or previous sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsprism.extract.events import args
from newsprism.extract.events.triggers import Trigger, match_trigger
from newsprism.lang.calendar import parse_iso_day
from newsprism.lang.plover import Lexicon, load_lexicon
from newsprism.model import Document, Event, EventDateBasis, Quote, Span, TimeExpression, make_id

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from newsprism.model import DocActors

FLIP_ALWAYS = {"AGREE", "SUPPORT", "CONCEDE", "COOPERATE", "AID"}
FLIP_WITH_WILL = {"CONSULT", "RETREAT", "MOBILIZE"}
REPORTING = {"REJECT", "THREATEN", "REQUEST", "ACCUSE", "AGREE"}
HYPOTHETICAL = {"could", "might", "may", "should", "must", "can", "ought"}
# PLOVER: cooperative acts in the future are AGREE (a promise), a future retreat is CONCEDE, and
# a stated readiness to do a hostile act is a THREATEN
COOPERATIVE = {"CONSULT", "SUPPORT", "COOPERATE", "AID"}
HOSTILE = {"SANCTION", "COERCE", "ASSAULT", "MOBILIZE"}
WILLING = {"willing", "ready", "prepared", "committed", "determined", "eager"}
FUTURE_AUX = {"will", "shall", "'ll"}


def find_events(
    doc: Document,
    sdoc: SpacyDoc,
    actors: DocActors,
    dates: Sequence[TimeExpression],
    quotes: Sequence[Quote],
) -> list[Event]:
    """Every PLOVER event in the document, with actors as local keys."""
    lex = load_lexicon()
    anchor = parse_iso_day(doc.published)
    doc_date = _DocDate(anchor.isoformat(), doc.published_evidence[0] if doc.published_evidence else None) \
        if anchor else None
    sents = list(sdoc.sents)
    events: dict[str, Event] = {}
    for n, sent in enumerate(sents):
        if not sent.text.strip():
            continue
        triggers = _sentence_triggers(sent, lex)
        for trig in triggers.values():
            if not trig.nominal and _embedded(trig, triggers):
                continue
            event = _build(doc, trig, sent, actors, dates, doc_date, quotes)
            if event is None:
                continue
            event = _with_quotes(event, sent, sents, n, quotes)
            events[event.id] = _merge(events.get(event.id), event)
    return list(events.values())


def _sentence_triggers(sent: SpacySpan, lex: Lexicon) -> dict[int, Trigger]:
    """Verb triggers first; event nouns only where no verb trigger used them up."""
    matched = [t for t in (match_trigger(tok, lex) for tok in sent) if t is not None]
    found = {t.token.i: t for t in matched if not t.nominal}
    used = {i for t in found.values() for i in t.used}
    for t in matched:
        if t.nominal and t.token.i not in used:
            found[t.token.i] = t
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
    """(negated, hypothetical) for a verb trigger.

    Negation: a ``neg``/"never" on the verb (or on the verb an infinitive hangs on), or a
    subject determined by "no"/"neither". Hypothetical: a modal (could, might, may, should...)
    on the verb or the verbs above it through infinitives/prepositions, or any clause above it
    opened by "if", "unless" or "whether".
    """
    negated = hypothetical = False
    chain = [verb]
    tok = verb
    while tok.dep_ in ("xcomp", "pcomp", "pobj", "prep") and tok.head is not tok and len(chain) < 5:
        tok = tok.head
        chain.append(tok)
    for tok in chain[:2] if verb.dep_ == "xcomp" else chain[:1]:
        for child in tok.children:
            if child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ == "never"):
                negated = True
            if child.dep_ in ("nsubj", "nsubjpass") and any(
                    d.dep_ == "det" and d.lower_ in ("no", "neither") for d in child.children):
                negated = True
    for tok in chain:
        if any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL for c in tok.children):
            hypothetical = True
    for tok in (verb, *verb.ancestors):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in tok.children):
            hypothetical = True
    return negated, hypothetical


def _intended(trig: Trigger, category: str, action: str) -> tuple[str, str]:
    """PLOVER's reading of a promised or offered act: "will visit" / "ready to host" is AGREE,
    "will withdraw" CONCEDE, "ready to impose martial law" THREATEN; anything else unchanged.

    Future: "will"/"shall" on the verb, or "would" in a clause reported by a speech verb ("said
    it would send aid"). Readiness: the verb is the infinitive of "willing", "ready", "prepared"..."""
    verb = trig.token
    head = verb.head
    willing = verb.dep_ == "xcomp" and head.pos_ == "ADJ" and head.lower_ in WILLING
    future = any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children)
    if not future and any(c.dep_ == "aux" and c.lower_ == "would" for c in verb.children):
        from newsprism.extract.quotes.lexicon import lexicon

        future = verb.dep_ == "ccomp" and head.lemma_.lower() in lexicon().report_verbs
    if willing and head.head.i != head.i and any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX | {"would"}
                                                 for c in head.head.children):
        willing = True
    if category in COOPERATIVE and (future or willing):
        return "AGREE", f"{'will' if future else head.lower_ + ' to'} {action}"
    if category == "RETREAT" and (future or willing):
        return "CONCEDE", f"{'will' if future else head.lower_ + ' to'} {action}"
    if category in HOSTILE and willing:
        return "THREATEN", f"{head.lower_} to {action}"
    return category, action


def _flip(trig: Trigger) -> bool:
    """A negated trigger that amounts to a refusal ("would not allow", "will not negotiate")."""
    verb = trig.token
    if any(c.dep_ == "auxpass" for c in verb.children):
        return False
    if trig.category in FLIP_ALWAYS:
        return True
    will = any(c.dep_ == "aux" and c.lower_ in ("will", "would", "wo", "'ll", "shall")
               for c in verb.children)
    return trig.category in FLIP_WITH_WILL and will


def _build(
    doc: Document,
    trig: Trigger,
    sent: SpacySpan,
    actors: DocActors,
    dates: Sequence[TimeExpression],
    doc_date: _DocDate | None,
    quotes: Sequence[Quote] = (),
) -> Event | None:
    category, action = trig.category, trig.action
    if trig.nominal:
        src_toks, tgt_toks = args.noun_arguments(trig.token, category)
    else:
        negated, hypothetical = _polarity(trig.token)
        if hypothetical:
            return None
        if negated:
            if not _flip(trig):
                return None
            category, action = "REJECT", f"not {action}"
        else:
            category, action = _intended(trig, category, action)
        src_toks, patients = args.subject_tokens(trig.token)
        tgt_toks = patients + args.target_tokens(trig)
    start, end = _trimmed(doc.text, sent, trig.token.idx)
    src_toks = [t for t in src_toks if start <= t.idx < end and t.lower_ not in args.WH]
    tgt_toks = [t for t in tgt_toks if start <= t.idx < end]
    sources = [args.argument(t, actors, sent, quotes) for t in src_toks]
    src_keys = tuple(dict.fromkeys(k for a in sources for k in a.keys))
    if trig.nominal and not src_keys and not any(a.group for a in sources):
        return None
    targets = [args.argument(t, actors, sent, quotes) for t in tgt_toks]
    tgt_keys = tuple(dict.fromkeys(k for a in targets for k in a.keys if k not in src_keys))
    if not src_keys and not tgt_keys and not any(a.group for a in (*sources, *targets)):
        return None
    when = _event_date(trig, sent, dates, doc_date)
    return Event(
        id=make_id("event", doc.id, start, category, action),
        category=category,
        action=action,
        source=src_keys,
        target=tgt_keys,
        date=when.value if when else None,
        date_text=when.text if when and when.value else None,
        date_basis=when.basis if when else None,
        date_span=when.span if when else None,
        location=args.location(trig, sent),
        mentions=(Span(doc.id, start, end, doc.text[start:end]),),
        source_text=tuple(dict.fromkeys(a.text for a in sources)),
        target_text=tuple(dict.fromkeys(a.text for a in targets
                                        if a.group or (a.keys and set(a.keys) - set(src_keys)))),
    )


def _trimmed(text: str, sent: SpacySpan, at: int) -> tuple[int, int]:
    """The sentence, cut to the line holding the trigger (headlines and captions have no stop)."""
    start, end = sent.start_char, sent.end_char
    start = max(start, text.rfind("\n", start, at) + 1)
    line_end = text.find("\n", at, end)
    end = line_end if line_end != -1 else end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@dataclass(frozen=True, slots=True)
class _DocDate:
    value: str  # the document's day (ISO)
    evidence: Span | None  # the words its date rests on (a date line, an inference), if any


@dataclass(frozen=True, slots=True)
class _When:
    value: str | None  # None while the document's date is unknown
    text: str | None
    basis: EventDateBasis
    span: Span | None


def _event_date(
    trig: Trigger, sent: SpacySpan, dates: Sequence[TimeExpression], doc_date: _DocDate | None,
) -> _When | None:
    """The date expression attached to the trigger, else to a verb above it, else the
    document date for a past-tense verb."""
    tok = trig.token
    own = {tok.i} | ({trig.obj.i} if trig.obj is not None else set())
    if trig.nominal:  # "arrived for talks on Sunday": the support verb's date is the talks'
        support = args.support_verb(tok)
        if support is not None and not any(a.i == tok.i for a in support.ancestors):
            own.add(support.i)
    above = {a.i for a in tok.ancestors if a.pos_ in ("VERB", "AUX")}
    tiers: tuple[list[TimeExpression], ...] = ([], [], [])
    for d in dates:
        waiting = d.value is None and d.note == "document date unknown"  # resolvable once dated
        if (d.value is None and not waiting) or not (sent.start_char <= d.start and d.end <= sent.end_char):
            continue
        head = _attachment(sent.doc, d)
        if head is None:
            continue
        if head.i in own:
            tiers[0].append(d)
        elif head.i in above and not trig.nominal:
            tiers[1].append(d)
        elif (not trig.nominal and _noun_path(head, tok) and doc_date and d.value
              and _near(d.value, doc_date.value)):
            tiers[2].append(d)  # "protested against the bill on Thursday": a PP-attachment slip
    for tier in tiers:
        if tier:
            best = min(tier, key=lambda d: abs(d.start - tok.idx))
            return _When(best.value, best.text, "expression", Span(best.doc, best.start, best.end, best.text))
    if not trig.nominal and _past(tok):
        return _When(doc_date.value, None, "document", doc_date.evidence) if doc_date else \
            _When(None, None, "document", None)
    return None


def _noun_path(head: Token, trigger: Token) -> bool:
    """``head`` hangs under ``trigger`` through nouns and prepositions only (no other verb)."""
    tok = head
    for _ in range(6):
        if tok.i == trigger.i:
            return True
        if tok.pos_ in ("VERB", "AUX") or tok.head is tok:
            return False
        tok = tok.head
    return False


def _near(value: str, doc_date: str, days: int = 7) -> bool:
    """A date value that starts within ``days`` of the document date (the news window)."""
    start, anchor = parse_iso_day(value.split("/")[0]), parse_iso_day(doc_date)
    return start is not None and anchor is not None and abs((start - anchor).days) <= days


def _attachment(doc: SpacyDoc, date: TimeExpression) -> Token | None:
    """The word a date expression modifies (through "on"/"in"/"since"...)."""
    span = doc.char_span(date.start, date.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    head = span.root.head
    if head.dep_ == "prep" or head.pos_ == "ADP":
        head = head.head
    if head.i in range(span.start, span.end):
        return None
    return head


def _past(verb: Token) -> bool:
    if verb.tag_ == "VBD":
        return True
    if verb.tag_ == "VBN":
        if verb.dep_ == "ROOT" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
            return True  # a finite past verb tagged as participle
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
        date_basis=old.date_basis if old.date or not new.date else new.date_basis,
        date_span=old.date_span if old.date or not new.date else new.date_span,
        location=old.location or new.location,
    )
