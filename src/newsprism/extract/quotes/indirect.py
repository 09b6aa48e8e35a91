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
  records' (the clause without the according-to phrase; cue "according to", speaker X).
Clauses without final punctuation; clauses that lie mostly inside direct quotations (the
'“...,” he said' pattern) are left to the direct quotes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

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


def _clause_bounds(clause: Token, ctx: Context, skip: Token | None = None) -> tuple[int, int] | None:
    """The span of ``clause``'s subtree, trimmed; without ``skip``'s subtree when that lies at
    one edge of it (a reporting clause or according-to phrase)."""
    toks = _trim(list(clause.subtree))
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


def _is_report_verb(tok: Token, ctx: Context) -> bool:
    return (
        tok.pos_ in ("VERB", "AUX")
        and tok.lemma_.lower() in ctx.lex.report_verbs
        and not ctx.in_quote(tok.idx)
    )


def _contents(tok: Token, ctx: Context) -> list[tuple[Token, Token | None]]:
    """The reported clauses of a report verb: (clause head, subtree to leave out)."""
    out: list[tuple[Token, Token | None]] = []
    if tok.lemma_.lower() in ctx.lex.report_verbs:
        out += [(c, None) for c in tok.children if c.dep_ == "ccomp"]
    head = tok.head
    if tok.lemma_.lower() in ctx.lex.report_verbs and (tok.dep_ in PARENTHETICAL_DEPS and head is not tok and head.pos_ in ("VERB", "AUX")
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
            and (tok.dep_ == "parataxis" or any(c.lower_ == "as" and c.dep_ == "mark" for c in tok.children))):
        out.append((head, tok))  # 'The talks failed, X said.' / 'As X noted, the talks failed.'
    if tok.lemma_.lower() in PLEDGE_VERBS:
        out += [(c, None) for c in tok.children
                if c.dep_ == "xcomp" and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)]
    return out


def _according_to(ctx: Context) -> list[Reported]:
    """'The firm was formed in 2012, according to its records': outside quotation marks."""
    out: list[Reported] = []
    for tok in ctx.sdoc:
        if tok.lower_ != "according" or tok.i + 1 >= len(ctx.sdoc) or ctx.in_quote(tok.idx):
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


def find_reported(ctx: Context) -> list[Reported]:
    out: list[Reported] = []
    seen: set[tuple[int, int]] = set()
    for tok in ctx.sdoc:
        if not (_is_report_verb(tok, ctx)
                or tok.lemma_.lower() in PLEDGE_VERBS and ctx.is_speech_verb(tok)):
            continue
        for clause, skip in _contents(tok, ctx):
            if ctx.in_quote(clause.idx):
                continue
            bounds = _clause_bounds(clause, ctx, skip)
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
    return sorted(out, key=lambda r: (r.start, r.end))
