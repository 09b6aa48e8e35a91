"""Reported (indirect) speech: 'X said (that) the two sides agreed to ...'.

A speech verb that takes a content clause (``*`` in quotes_speech_verbs.txt) gives one indirect
quote, the verb as cue and the verb's subject as speaker, in these shapes:
* a clausal complement: 'X said (that) the talks failed' (the clause without "that");
* a reporting clause set off after or inside the clause it reports: 'The talks failed, X said.',
  'The talks, X said, failed.', 'As X noted, the talks failed.' (the reported clause without the
  reporting one; set inside it, the reporting words stay in the span);
* a to-infinitive after a verb of promising, threatening or urging (``PLEDGE_VERBS``): 'X vowed to
  fight on', 'X urged them to stay' (the infinitive clause);
* "according to X" outside quotation marks: 'The firm was formed in 2012, according to its
  records' (the clause without the according-to phrase; cue "according to", speaker X);
* the content of a verb of belief, intent or evidence, or of a communication verb whose object is
  what was said (resources/quotes_content_verbs.txt, each with the shape it takes): 'X believes
  (that) ...', 'the survey found that ...' (the clause), 'X wants to ...' (the infinitive),
  'X called for a recount', 'X proposed a tax credit' (the object), 'X called the charges
  baseless' (the object and its predicate). Such a verb inside what a speech verb reports
  ('She says she plans to vote ...') gives no quote of its own: the speech holds it;
* a line opened by a named person or organisation and a colon: 'Okafor: The fare stays' (the
  headline and transcript convention; cue ":").
Clauses without final punctuation; clauses that lie mostly inside direct quotations (the
'“...,” he said' pattern) are left to the direct quotes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from spacy.attrs import LEMMA, LOWER

from newsprism.extract.quotes.speaker import Context, Speaker, resolve, subject_of

if TYPE_CHECKING:
    from spacy.tokens import Token

MIN_CLAUSE_TOKENS = 3
# Verbs whose to-infinitive complement is what was said (a promise, threat, demand or plea);
# general English usage (VerbNet's promise and order classes), each also in quotes_speech_verbs.txt.
PLEDGE_VERBS = frozenset({"vow", "pledge", "promise", "threaten", "urge", "demand", "ask", "warn"})
# dependency labels of a reporting clause attached to the clause it reports
PARENTHETICAL_DEPS = frozenset({"parataxis", "advcl"})
MAX_QUOTED_SHARE = 0.5
# prepositions that carry what an object is said to be or to have done: 'described X as Y',
# 'accused X of Y', 'praised X for Y'
PREDICATE_PREPS = frozenset({"as", "of", "for"})
_TRIM = " \t\n,;:.—–-"


@dataclass(frozen=True, slots=True)
class Reported:
    start: int
    end: int
    speaker: Speaker | None
    cue: str
    cue_span: tuple[int, int]


def _quoted_share(a: int, b: int, ctx: Context) -> float:
    covered = sum(max(0, min(b, e) - max(a, s)) for s, e in ctx.quoted if s < b and e > a)
    return covered / max(b - a, 1)


def _trim(toks: list[Token]) -> list[Token]:
    while toks and (toks[0].dep_ == "mark" or toks[0].is_punct or toks[0].is_space):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].is_space) and toks[-1].text not in ("”", '"', ")"):
        toks = toks[:-1]
    return toks


def _clause_bounds(clause: Token, ctx: Context, skip: Token | None = None,
                   extra: Token | None = None) -> tuple[int, int] | None:
    """The span of ``clause``'s subtree (to the end of ``extra``'s when given), trimmed; without
    ``skip``'s subtree when that lies at one edge of it (a reporting clause or according-to phrase)."""
    toks = list(clause.subtree)
    if extra is not None:
        last = max(t.i for t in extra.subtree)
        toks = list(clause.doc[toks[0].i : last + 1]) if last > toks[-1].i else toks
    toks = _trim(toks)
    if skip is not None and toks:
        drop = {t.i for t in skip.subtree}
        if toks[-1].i in drop or toks[0].i in drop:
            toks = _trim([t for t in toks if t.i not in drop])
    if len([t for t in toks if not t.is_punct]) < MIN_CLAUSE_TOKENS:
        return None
    a, b = toks[0].idx, toks[-1].idx + len(toks[-1])
    while a < b and ctx.text[a] in _TRIM:
        a += 1
    while b > a and ctx.text[b - 1] in _TRIM:
        b -= 1
    return (a, b) if b > a else None


def _contents(tok: Token, ctx: Context) -> list[tuple[Token, Token | None, Token | None]]:
    """The reported contents of a verb: (content head, subtree to leave out, a second head whose
    subtree extends the content: the predicate of "called the charges baseless")."""
    lemma = tok.lemma_.lower()
    shapes = ctx.lex.content_verbs.get(lemma, frozenset())
    report = lemma in ctx.lex.report_verbs
    out: list[tuple[Token, Token | None, Token | None]] = []
    if report or "clause" in shapes:
        out += [(c, None, None) for c in tok.children if c.dep_ == "ccomp"]
    head = tok.head
    if (report or "clause" in shapes) and (tok.dep_ in PARENTHETICAL_DEPS and head is not tok
            and head.pos_ in ("VERB", "AUX")
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
            and (tok.dep_ == "parataxis" or any(c.lower_ == "as" and c.dep_ == "mark" for c in tok.children))):
        out.append((head, tok, None))  # 'The talks failed, X said.' / 'As X noted, the talks failed.'
    if lemma in PLEDGE_VERBS or "to" in shapes:
        out += [(c, None, None) for c in tok.children
                if c.dep_ == "xcomp" and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)]
    if "object" in shapes or "naming" in shapes:
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        if obj is not None and obj.pos_ not in ("PRON", "SCONJ") and obj.tag_ not in ("WDT", "WP"):
            pred = next((c for c in tok.children if c.i > obj.i and (c.dep_ in ("oprd", "xcomp", "ccomp")
                         or c.dep_ == "prep" and c.lower_ in PREDICATE_PREPS)), None)
            if "object" in shapes or pred is not None:  # 'naming' needs the predicate:
                out.append((obj, None, pred))  # 'X called the charges baseless'
    for shape in shapes:
        if not shape.startswith("object:"):
            continue
        prep = shape.partition(":")[2]
        for c in tok.children:
            if c.dep_ in ("prep", "prt") and c.lower_ == prep:
                pobj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
                if pobj is None and c.dep_ == "prt":
                    pobj = next((g for g in tok.children if g.dep_ == "dobj"), None)
                if pobj is not None and pobj.pos_ != "PRON":
                    xc = next((g for g in tok.children if g.dep_ == "xcomp" and g.i > pobj.i), None)
                    out.append((pobj, None, xc))  # 'X called on Y to resign'
    return out


def content_verb(tok: Token, ctx: Context) -> bool:
    """A verb whose content is attributed to its subject: a report verb or a verb of belief,
    intent or evidence (quotes_content_verbs.txt), outside quotation marks."""
    if tok.pos_ not in ("VERB", "AUX") or ctx.in_quote(tok.idx):
        return False
    lemma = tok.lemma_.lower()
    return lemma in ctx.lex.report_verbs or lemma in ctx.lex.content_verbs or (
        lemma in PLEDGE_VERBS and lemma in ctx.lex.speech_verbs)


def _according_to(ctx: Context) -> list[Reported]:
    """'The firm was formed in 2012, according to its records': outside quotation marks."""
    out: list[Reported] = []
    for tok in _tokens_where(ctx, LOWER, lambda w: w == "according"):
        if tok.i + 1 >= len(ctx.sdoc) or ctx.in_quote(tok.idx):
            continue
        to = ctx.sdoc[tok.i + 1]
        obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to.lower_ == "to" else None
        head = tok.head
        if obj is None or head is tok or ctx.in_quote(head.idx):
            continue
        bounds = _clause_bounds(head, ctx, skip=tok)
        if bounds is None or bounds[0] <= tok.idx < bounds[1]:
            continue  # the phrase inside the clause, or a clause too short
        if ctx.in_quote(bounds[0]) or _quoted_share(*bounds, ctx) > MAX_QUOTED_SHARE:
            continue
        lo, hi = min(bounds[0], tok.idx), max(bounds[1], obj.idx)
        if "\n" in ctx.text[lo:hi]:
            continue
        out.append(Reported(bounds[0], bounds[1], resolve(obj, ctx), "according to",
                            (tok.idx, to.idx + len(to))))
    return out


_NAME_COLON = re.compile(r"^[ \t]*([^\n:]{2,60}?)[ \t]*:[ \t]+(\S[^\n]*)", re.MULTILINE)
MAX_NAME_WORDS = 5
_NAMED_TYPES = frozenset({"PERSON", "ORG"})


def _name_colon(ctx: Context) -> list[Reported]:
    """'Pence: The running mate will not be at the debate': a line opened by a named person or
    organisation and a colon (the headline and transcript convention) is what they said. The
    name must be one actor mention, whole; 'Editor's note:' and 'The Latest:' are not."""
    out: list[Reported] = []
    for m in _NAME_COLON.finditer(ctx.text):
        a, b = m.span(1)
        if len(m.group(1).split()) > MAX_NAME_WORDS:
            continue
        hit = ctx.actor_covering(a, b)
        if hit is None or hit[0] != a or hit[1] != b or hit[2].type not in _NAMED_TYPES:
            continue
        c, d = m.span(2)
        while d > c and ctx.text[d - 1] in _TRIM:
            d -= 1
        if len(ctx.text[c:d].split()) < MIN_CLAUSE_TOKENS or ctx.in_quote(c) or _quoted_share(c, d, ctx) > MAX_QUOTED_SHARE:
            continue
        colon = ctx.text.index(":", b)
        out.append(Reported(c, d, Speaker(hit[2].key, a, b), ":", (colon, colon + 1)))
    return out


def _tokens_where(ctx: Context, attr: int, keep: Callable[[str], bool]) -> list[Token]:
    """The tokens whose ``attr`` (LEMMA, LOWER) string passes ``keep``, in order: read from the
    Doc's array, so that only those tokens become Python objects."""
    if not len(ctx.sdoc):
        return []
    values = ctx.sdoc.to_array([attr])
    strings = ctx.sdoc.vocab.strings
    wanted = [h for h in set(values.tolist()) if keep(strings[h])]
    if not wanted:
        return []
    return [ctx.sdoc[int(i)] for i in np.nonzero(np.isin(values, wanted))[0]]


def find_reported(ctx: Context) -> list[Reported]:
    out: list[Reported] = []
    seen: set[tuple[int, int]] = set()
    lex = ctx.lex
    for tok in _tokens_where(ctx, LEMMA, lambda w: (w := w.lower()) in lex.report_verbs
                             or w in lex.content_verbs or w in PLEDGE_VERBS):
        if not content_verb(tok, ctx):
            continue
        for clause, skip, extra in _contents(tok, ctx):
            if ctx.in_quote(clause.idx):
                continue
            bounds = _clause_bounds(clause, ctx, skip, extra)
            if bounds is None or bounds in seen:
                continue
            if ctx.in_quote(bounds[0]) or _quoted_share(*bounds, ctx) > MAX_QUOTED_SHARE:
                continue
            lo, hi = min(bounds[0], tok.idx), max(bounds[1], tok.idx)
            if "\n" in ctx.text[lo:hi]:
                continue  # a parse that runs across paragraphs
            subj = subject_of(tok, ctx)
            if subj is None:
                continue  # imperatives, participles with no speaker in sight
            speaker = resolve(subj, ctx)
            seen.add(bounds)
            out.append(Reported(bounds[0], bounds[1], speaker, tok.lemma_.lower(),
                                (tok.idx, tok.idx + len(tok))))
    out += [r for r in _according_to(ctx) if (r.start, r.end) not in seen]
    out += _name_colon(ctx)
    return sorted(_outermost(out, ctx), key=lambda r: (r.start, r.end))


def _outermost(found: list[Reported], ctx: Context) -> list[Reported]:
    """Without a belief, intent or evidence whose verb lies inside what a speech verb reports
    ('She says she plans to vote ...': one statement, hers, whose content holds the plan)."""
    said = [r for r in found if r.cue in ctx.lex.report_verbs or r.cue in ("according to", ":")]
    return [r for r in found
            if r.cue in ctx.lex.report_verbs or r.cue in ("according to", ":")
            or not any(o.start <= r.cue_span[0] < o.end for o in said)]
