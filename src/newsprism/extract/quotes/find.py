"""Quotes with speakers: direct quotations (by their marks) and reported speech.

``find_quotes(doc, sdoc, actors)`` returns one ``Quote`` per quoted stretch, in text order.
Direct quotes: the words between the marks (a trailing comma dropped); a multi-paragraph quote
gives one quote per paragraph piece, all with the speaker found for any piece; a short fragment
with no cue is a scare quote with no speaker. Indirect quotes: the reported clause of a speech
verb. ``Quote.speaker`` is a ``LocalActor.key`` or None; ``speaker_text`` is the speaker as
written (name, pronoun or title) even when no actor stands behind it.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from newsprism.extract.quotes.cue import Attribution, attribute, introduced, previous_sentence, standalone
from newsprism.extract.quotes.indirect import find_reported
from newsprism.extract.quotes.marks import QuoteMarks, find_marked
from newsprism.extract.quotes.speaker import Context, Speaker
from newsprism.model import Quote, QuoteKind, make_id

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc

    from newsprism.model import DocActors
    from newsprism.model import Document


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _para_of(paras: list[tuple[int, int]], starts: list[int], i: int) -> tuple[int, int]:
    return paras[max(bisect_right(starts, i) - 1, 0)]


def _make(doc: Document, a: int, b: int, att: Attribution | None, kind: QuoteKind) -> Quote:
    sp: Speaker | None = att.speaker if att else None
    speaker_span = doc.span(sp.start, sp.end) if sp else None
    cue_span = doc.span(*att.cue_span) if att and att.cue_span else None
    return Quote(
        id=make_id("quote", doc.id, a, b),
        doc=doc.id,
        start=a,
        end=b,
        text=doc.text[a:b],
        speaker=sp.key if sp else None,
        speaker_text=speaker_span.text if speaker_span else None,
        cue=att.cue if att else None,
        kind=kind,
        speaker_span=speaker_span,
        cue_span=cue_span,
    )


def _continues(prev: tuple[QuoteMarks, Attribution | None], q: QuoteMarks, para: tuple[int, int],
               ctx: Context) -> Attribution | None:
    """A split quote: the previous quote in the paragraph, with only its attribution between."""
    pq, patt = prev
    if patt is None or patt.speaker is None or not patt.carries or pq.open < para[0] or pq.close is None:
        return None
    between = ctx.text[pq.close + 1 : q.open]
    if len(between.split()) > 25:
        return None
    if patt.cue_span is not None and not (pq.close < patt.cue_span[0] < q.open):
        # the cue is elsewhere: accept only plain punctuation / short joiners between
        if any(ch.isalpha() for ch in between):
            return None
    return patt


def _direct(doc: Document, ctx: Context) -> list[Quote]:
    marks = find_marked(ctx.text)
    ctx.quoted = sorted((q.open, (q.close + 1) if q.close is not None else q.end) for q in marks)
    paras = _paragraphs(ctx.text)
    starts = [p[0] for p in paras]
    found: list[tuple[QuoteMarks, Attribution | None]] = []
    for q in marks:
        para = _para_of(paras, starts, q.open)
        att = attribute(q, ctx, para)
        if att is not None and found:
            att = _same_speaker(found[-1], q, att, para, ctx)
        if att is None and found:
            att = _continues(found[-1], q, para, ctx)
        if att is None and standalone(q, ctx, para):
            att = _previous_quote(found, q, ctx) or introduced(q, ctx) or previous_sentence(q, ctx)
        found.append((q, att))
    by_group: dict[int, Attribution] = {}
    for q, att in found:
        if att is not None and att.speaker is not None and att.carries:
            by_group.setdefault(q.group, att)
    return [_make(doc, q.start, q.end, att or by_group.get(q.group), "direct") for q, att in found]


_PRONOUNS = {"he": "m", "she": "f"}
_NOUN_GENDER = {"man": "m", "woman": "f", "boy": "m", "girl": "f", "father": "m",
                "mother": "f", "son": "m", "daughter": "f", "husband": "m", "wife": "f"}


def _same_speaker(prev: tuple[QuoteMarks, Attribution | None], q: QuoteMarks, att: Attribution,
                  para: tuple[int, int], ctx: Context) -> Attribution:
    """'"A," the man told her. "B," he added': a he/she speaker of a quote that follows,
    in the same paragraph and the next sentence, a quote with a named or described speaker
    of that gender is that speaker, not the nearest name (often the person addressed)."""
    sp, (pq, patt) = att.speaker, prev
    if sp is None or patt is None or patt.speaker is None or pq.open < para[0]:
        return att
    g = _PRONOUNS.get(ctx.text[sp.start : sp.end].lower())
    psp = patt.speaker
    ptext = ctx.text[psp.start : psp.end].lower()
    if g is None or ptext in _PRONOUNS or ctx.sent_index(q.open) > ctx.sent_index(pq.open) + 1:
        return att
    last = ptext.split()[-1] if ptext.split() else ""
    pg = ctx.gender.get(psp.key) if psp.key else None
    pg = pg or _NOUN_GENDER.get(last) or ctx.lex.title_gender.get(last)
    if pg != g:
        return att
    return Attribution(Speaker(psp.key, sp.start, sp.end), att.cue, att.cue_span)


def _previous_quote(found: list[tuple[QuoteMarks, Attribution | None]], q: QuoteMarks,
                    ctx: Context) -> Attribution | None:
    """The speaker of a quote in the sentence right before a standalone quote."""
    if not found:
        return None
    pq, patt = found[-1]
    if patt is None or patt.speaker is None or not patt.carries:
        return None
    k = ctx.sent_index(q.open)
    return patt if ctx.sent_index(pq.open) >= k - 2 else None


def find_quotes(doc: Document, sdoc: SpacyDoc, actors: DocActors) -> list[Quote]:
    """Direct and indirect quotes of one document, with speakers as local actor keys."""
    ctx = Context(text=sdoc.text, sdoc=sdoc, actors=actors)
    quotes = _direct(doc, ctx)
    for r in find_reported(ctx):
        att = Attribution(r.speaker, r.cue, r.cue_span)
        quotes.append(_make(doc, r.start, r.end, att, "indirect"))
    return sorted(quotes, key=lambda x: (x.start, x.end))
