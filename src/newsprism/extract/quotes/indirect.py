"""Reported (indirect) speech: 'X said (that) the two sides agreed to ...'.

A speech verb that takes a content clause (``*`` in quotes_speech_verbs.txt) with a clausal
complement in the parse gives one indirect quote: the clause without "that" and without final
punctuation, the verb as cue, the verb's subject as speaker. Clauses that lie mostly inside
direct quotations (the '“...,” he said' pattern) are left to the direct quotes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsprism.extract.quotes.speaker import Context, Speaker, resolve, subject_of

if TYPE_CHECKING:
    from spacy.tokens import Token

MIN_CLAUSE_TOKENS = 3
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


def _clause_bounds(clause: Token, ctx: Context) -> tuple[int, int] | None:
    toks = list(clause.subtree)
    while toks and (toks[0].dep_ == "mark" or toks[0].is_punct or toks[0].is_space):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].is_space) and toks[-1].text not in ("”", '"', ")"):
        toks = toks[:-1]
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


def find_reported(ctx: Context) -> list[Reported]:
    out: list[Reported] = []
    seen: set[tuple[int, int]] = set()
    for tok in ctx.sdoc:
        if not _is_report_verb(tok, ctx):
            continue
        for clause in tok.children:
            if clause.dep_ != "ccomp" or ctx.in_quote(clause.idx):
                continue
            bounds = _clause_bounds(clause, ctx)
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
    return out
