"""Find the attribution of one direct quotation: cue verb and speaker.

Where the cue is looked for, in order:
* a quote that opens its sentence: a speech verb in the tail after the closing mark
  ('“...,” she said', '“...,” said Lavrov', '“...,” X told reporters'), then "according to X";
* a quote inside a sentence: a speech verb governing the quote in the parse ("Lavrov called
  the meeting “very useful”"), then a verb just before it ('X said: “...”'), then the tail;
* a quote that opens its line and is followed by a dash and a name ending the line
  ('“...” ― Maria Lopez') is that person's;
* a quote with no cue of its own takes the speaker of the previous quote in its paragraph when
  only that quote's attribution stands between them (split quotes), else, when it stands alone,
  the speaker named in the previous sentence, or the subject of a sentence that introduces it
  with a colon ('X issued the following statement:').
Short fragments with no cue are scare quotes (no speaker).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsprism.extract.quotes.speaker import Context, Speaker, resolve, subject_of

if TYPE_CHECKING:
    from spacy.tokens import Token

    from newsprism.extract.quotes.marks import QuoteMarks

SCARE_MAX_WORDS = 4
NO_CROSS_FOR_SHORT = frozenset({"relcl", "acl", "advcl", "csubj", "nsubj", "nsubjpass"})
MAX_TAIL_TOKENS = 40
MAX_SHORT_TAIL = 10


@dataclass(frozen=True, slots=True)
class Attribution:
    speaker: Speaker | None
    cue: str | None
    cue_span: tuple[int, int] | None
    carries: bool = True  # may pass to a following quote with no cue of its own


def _span(tok: Token) -> tuple[int, int]:
    return tok.idx, tok.idx + len(tok)


def _from_verb(verb: Token, ctx: Context) -> Attribution:
    subj = subject_of(verb, ctx)
    speaker = resolve(subj, ctx) if subj is not None else None
    return Attribution(speaker, verb.lemma_.lower(), _span(verb))


def _head_tokens(q: QuoteMarks, ctx: Context, para_start: int) -> list[Token]:
    first = ctx.token_at(q.open)
    sent = first.sent
    return [
        t for t in ctx.sdoc[sent.start : first.i]
        if t.idx >= para_start and t.idx < q.open and not ctx.in_quote(t.idx)
    ]


def _tail_tokens(q: QuoteMarks, ctx: Context, para_end: int) -> tuple[list[Token], bool]:
    """Tokens after the closing mark up to the sentence end; and whether it ended cleanly."""
    if q.close is None:
        return [], False
    out: list[Token] = []
    i = ctx.token_at(q.close).i + 1
    while i < len(ctx.sdoc) and len(out) < MAX_TAIL_TOKENS:
        t = ctx.sdoc[i]
        if t.idx >= para_end or ctx.in_quote(t.idx):
            return out, t.idx >= para_end
        if not t.is_space:
            out.append(t)
        if t.text in (".", "!", "?") or t.text.endswith("."):
            if t.text in (".", "!", "?") or t.i + 1 >= len(ctx.sdoc) or ctx.sdoc[t.i + 1].is_sent_start:
                return out, True
        i += 1
    return out, i >= len(ctx.sdoc)


def _tail_usable(q: QuoteMarks, ctx: Context, tail: list[Token], clean_end: bool) -> bool:
    words = [t for t in tail if t.is_alpha]
    if not words:
        return False
    quoted = ctx.text[q.start : q.end].rstrip("'’ ")
    if not quoted.endswith((".", "!", "?", "…")):
        return True
    # the quoted sentence ended: only a short, lower-case-led attribution belongs to it, or one
    # that opens with its speaker and speech verb ('"...?" Clinton remarked, alluding to ...')
    return words[0].is_lower or (clean_end and len(tail) <= MAX_SHORT_TAIL) or _speaker_verb_first(tail, ctx)


SPEAKER_NP = frozenset({"PROPN", "NOUN", "DET", "ADJ", "PRON", "NUM", "PART"})


def _speaker_verb_first(tail: list[Token], ctx: Context) -> bool:
    """The tail opens with a short noun phrase and a speech verb: 'Clinton remarked, ...'."""
    for k, t in enumerate(tail[:5]):
        if ctx.is_speech_verb(t):
            return k > 0
        if t.pos_ not in SPEAKER_NP:
            return False
    return False


def _according_to(toks: list[Token], ctx: Context) -> Attribution | None:
    for t in toks:
        if t.lower_ == "according" and t.i + 1 < len(ctx.sdoc) and ctx.sdoc[t.i + 1].lower_ == "to":
            to = ctx.sdoc[t.i + 1]
            obj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if obj is None and to.i + 1 < len(ctx.sdoc):
                obj = ctx.sdoc[to.i + 1]
            if obj is None or ctx.in_quote(obj.idx):
                continue
            return Attribution(resolve(obj, ctx), "according to", (t.idx, to.idx + len(to)))
    return None


_DASH_NAME = re.compile(r"[ \t\u00a0]*([―—–])[ \t\u00a0]*([^\n]{1,80}?)[ \t\u00a0.]*(?=\n|$)")
MAX_DASH_NAME_WORDS = 6


def _dash_name(q: QuoteMarks, ctx: Context) -> Attribution | None:
    """'“...” ― Maria Lopez' / '“...” — Jan Novak, teacher': a quote credited by a dash and a
    name that ends its line (the epigraph and reader-voices convention)."""
    if q.close is None:
        return None
    m = _DASH_NAME.match(ctx.text, q.close + 1)
    if m is None:
        return None
    name = m.group(2).rstrip(" ,;")
    words = name.split()
    if not words or len(words) > MAX_DASH_NAME_WORDS or not words[0][:1].isupper():
        return None
    a = m.start(2)
    b = a + len(name)
    if any(ctx.in_quote(i) for i in (a, b - 1)):
        return None
    first = ctx.token_at(a)
    hit = ctx.actor_covering(first.idx, first.idx + len(first))
    key = hit[2].key if hit is not None and hit[0] < b else None
    return Attribution(Speaker(key, a, b), None, (m.start(1), m.end(1)), carries=False)


def _governing_verb(q: QuoteMarks, ctx: Context, short: bool) -> Token | None:
    inside = [t for t in ctx.sdoc.char_span(q.start, q.end, alignment_mode="expand") or []]
    roots = [t for t in inside if not (q.start <= t.head.idx < q.end) or t.head is t]
    best: tuple[int, Token] | None = None
    for r in roots:
        node, steps = r, 0
        while node.head is not node and steps < 8:
            if short and node.dep_ in NO_CROSS_FOR_SHORT:
                break
            node, steps = node.head, steps + 1
            if ctx.is_speech_verb(node):
                if best is None or steps < best[0]:
                    best = (steps, node)
                break
    return best[1] if best else None


def _verb_before(head: list[Token], ctx: Context) -> Token | None:
    """'X said: “...”' / 'X said, “...”' / 'noting, “...”'."""
    if not head or head[-1].text not in (":", ",", "—", "–"):
        return None
    for t in reversed(head[-7:]):
        if ctx.is_speech_verb(t):
            return t
    return None


def _first_verb(toks: list[Token], ctx: Context) -> Token | None:
    return next((t for t in toks if ctx.is_speech_verb(t)), None)


def attribute(q: QuoteMarks, ctx: Context, para: tuple[int, int]) -> Attribution | None:
    """The quote's own attribution (cue in its sentence), or None."""
    head = _head_tokens(q, ctx, para[0])
    tail, clean_end = _tail_tokens(q, ctx, para[1])
    tail = tail if _tail_usable(q, ctx, tail, clean_end) else []
    initial = not any(t.is_alpha for t in head)
    n_words = len(ctx.text[q.start : q.end].split())
    if ctx.text[max(0, q.open - 10) : q.open].lower().rstrip().endswith("so-called"):
        return None
    if initial:
        verb = _first_verb(tail, ctx)
        if verb is not None:
            return _from_verb(verb, ctx)
        return _according_to(tail, ctx) or _governed(q, ctx, n_words) or _dash_name(q, ctx)
    found = _governed(q, ctx, n_words)
    if found is not None:
        return found
    verb = _verb_before(head, ctx)
    if verb is None and n_words > SCARE_MAX_WORDS:
        verb = _first_verb(tail, ctx)
    if verb is not None:
        return _from_verb(verb, ctx)
    return _according_to(head + tail, ctx)


def _governed(q: QuoteMarks, ctx: Context, n_words: int) -> Attribution | None:
    verb = _governing_verb(q, ctx, short=n_words <= SCARE_MAX_WORDS)
    return _from_verb(verb, ctx) if verb is not None else None


def standalone(q: QuoteMarks, ctx: Context, para: tuple[int, int]) -> bool:
    """The quote is a sentence or paragraph of its own (no words of the sentence outside it)."""
    head = _head_tokens(q, ctx, para[0])
    tail, _ = _tail_tokens(q, ctx, para[1])
    return not any(t.is_alpha for t in head) and not any(t.is_alpha for t in tail)


def previous_sentence(q: QuoteMarks, ctx: Context) -> Attribution | None:
    """A speech verb with a subject in the sentence before the quote (outside quotes)."""
    k = ctx.sent_index(q.open)
    for j in range(k - 1, max(k - 4, -1), -1):
        a, b = ctx.sent_bounds[j]
        if b > q.open:
            continue
        toks = [t for t in ctx.sdoc.char_span(a, b, alignment_mode="expand") or []
                if not ctx.in_quote(t.idx)]
        if not any(t.is_alpha for t in toks):
            continue  # a sentence wholly inside a quotation
        verbs = [t for t in toks if ctx.is_speech_verb(t) and subject_of(t, ctx) is not None]
        if not verbs:
            return None
        verbs.sort(key=lambda t: len(list(t.ancestors)))
        return _from_verb(verbs[0], ctx)
    return None


def introduced(q: QuoteMarks, ctx: Context) -> Attribution | None:
    """'X issued the following statement:' right before a quote that stands alone: the clause
    ending in that colon introduces it, and the subject of the colon's verb speaks."""
    before = ctx.text[: q.open].rstrip()
    if not before.endswith(":"):
        return None
    colon = ctx.token_at(len(before) - 1)
    verb = colon if colon.pos_ in ("VERB", "AUX") else colon.head
    for _ in range(3):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") or ctx.in_quote(verb.idx) or verb.idx >= colon.idx:
        return None
    subj = subject_of(verb, ctx)
    if subj is None or subj.pos_ not in ("PROPN", "NOUN", "PRON") or subj.idx >= colon.idx:
        return None
    return Attribution(resolve(subj, ctx), verb.lemma_.lower(), _span(verb))
