"""Who said it: the grammatical subject of an attribution verb, resolved to a local actor.

A subject is resolved in this order: a named mention (an actor mention or a spaCy entity, also
through an apposition: "the Kremlin spokesman, Dmitry Peskov"), a pronoun (the most recent
compatible actor outside quotations, subjects first, he/she checked against honorifics and
gendered titles), a title ("the foreign minister": the actor whose roles hold the title, else
the actor last mentioned with that title).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsprism.extract.actors.gender import first_name_gender
from newsprism.extract.quotes.lexicon import (
    FEMALE_HONORIFICS,
    MALE_HONORIFICS,
    PRONOUN_GENDER,
    Lexicon,
    lexicon,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Token

    from newsprism.model import DocActors, LocalActor

SUBJ_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
CLIMB_DEPS = frozenset({"advcl", "xcomp", "conj", "pcomp", "acl", "ccomp", "parataxis"})
NP_LEFT_DEPS = frozenset({"det", "amod", "compound", "poss", "nmod", "nummod", "advmod", "case"})
_PREV_WORD = re.compile(r"([A-Za-z]+)\.?\s+$")


@dataclass(frozen=True, slots=True)
class Speaker:
    key: str | None
    start: int
    end: int


@dataclass(slots=True)
class Context:
    """One document's parse, actors and quotation spans, with lookup helpers."""

    text: str
    sdoc: SpacyDoc
    actors: DocActors
    quoted: list[tuple[int, int]] = field(default_factory=list)  # mark-inclusive, sorted
    lex: Lexicon = field(default_factory=lexicon)
    mentions: list[tuple[int, int, LocalActor]] = field(default_factory=list)
    sent_bounds: list[tuple[int, int]] = field(default_factory=list)
    sent_starts: list[int] = field(default_factory=list)
    tok_starts: list[int] = field(default_factory=list)
    gender: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.mentions = sorted(
            ((m.start, m.end, a) for a in self.actors.actors for m in a.mentions),
            key=lambda x: (x[0], -x[1]),
        )
        self.tok_starts, self.sent_bounds = _token_and_sentence_bounds(self.sdoc)
        self.sent_starts = [a for a, _ in self.sent_bounds]
        self.gender = _actor_genders(self)

    def in_quote(self, i: int) -> bool:
        k = bisect_right(self.quoted, (i, 1 << 60)) - 1
        return k >= 0 and self.quoted[k][0] <= i < self.quoted[k][1]

    def token_at(self, i: int) -> Token:
        return self.sdoc[max(bisect_right(self.tok_starts, i) - 1, 0)]

    def sent_index(self, i: int) -> int:
        return max(bisect_right(self.sent_starts, i) - 1, 0)

    def is_speech_verb(self, tok: Token) -> bool:
        return (
            tok.pos_ in ("VERB", "AUX")
            and tok.lemma_.lower() in self.lex.speech_verbs
            and not self.in_quote(tok.idx)
        )

    def actor_covering(self, a: int, b: int) -> tuple[int, int, LocalActor] | None:
        """The longest actor mention that contains [a, b)."""
        best = None
        for s, e, actor in self.mentions:
            if s > a:
                break
            if e >= b and (best is None or e - s > best[1] - best[0]):
                best = (s, e, actor)
        return best


def _token_and_sentence_bounds(sdoc: SpacyDoc) -> tuple[list[int], list[tuple[int, int]]]:
    """Each token's start and each sentence's (start_char, end_char), read from the Doc's arrays
    (the same values as ``Token.idx`` and ``Doc.sents`` without making a Python object a token)."""
    from spacy.attrs import IDX, LENGTH, SENT_START

    n = len(sdoc)
    if n == 0:
        return [], []
    arr = sdoc.to_array([IDX, LENGTH, SENT_START]).astype("int64")
    idx, length, start = arr[:, 0].tolist(), arr[:, 1].tolist(), arr[:, 2].tolist()
    firsts = [0] + [i for i in range(1, n) if start[i] == 1]
    ends = firsts[1:] + [n]
    return idx, [(idx[a], idx[b - 1] + length[b - 1]) for a, b in zip(firsts, ends, strict=True)]


def _actor_genders(ctx: Context) -> dict[str, str]:
    found: dict[str, str] = {}
    for s, e, actor in ctx.mentions:
        if actor.type != "PERSON" or actor.key in found:
            continue
        words = [ctx.text[s:e].split(" ", 1)[0].lower()]
        m = _PREV_WORD.search(ctx.text[max(0, s - 30) : s])
        if m:
            words.append(m.group(1).lower())
        for w in words:
            w = w.rstrip(".")
            if w in MALE_HONORIFICS or ctx.lex.title_gender.get(w) == "m":
                found[actor.key] = "m"
            elif w in FEMALE_HONORIFICS or ctx.lex.title_gender.get(w) == "f":
                found[actor.key] = "f"
    for actor in ctx.actors.actors:
        parts = actor.name.split()
        if actor.type == "PERSON" and actor.key not in found and len(parts) >= 2:
            g = first_name_gender(parts[0])
            if g is not None:
                found[actor.key] = g
    return found


def subject_of(verb: Token, ctx: Context, depth: int = 0) -> Token | None:
    """The speaker token of an attribution verb, climbing through participles and conjuncts;
    for a finite verb the parse left without any, the noun right before it."""
    if any(c.dep_ == "nsubjpass" for c in verb.children):  # "was declared X by Y": Y speaks
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        return obj
    found = _subject(verb, ctx, depth)
    if found is None and depth == 0:
        found = _preposed_subject(verb, ctx)
    return found


def _subject(verb: Token, ctx: Context, depth: int) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ in SUBJ_DEPS and not ctx.in_quote(c.idx)]
    if subjects:
        # two subjects are a mis-parse ('THE BORROWING Back when ..., Mr. X said'): the nearer
        # one before the verb is its own, unless that is a floating quantifier ('X and Y each said')
        before = [c for c in subjects if c.i < verb.i]
        before = [c for c in before if c.tag_ != "DT"] or before
        child = before[-1] if before else subjects[0]
        if child.lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
            return verb.head
        return child
    if verb.dep_ == "relcl" and verb.head.pos_ in ("PROPN", "NOUN"):
        return verb.head
    if depth < 3 and verb.dep_ in CLIMB_DEPS and verb.head is not verb:
        return subject_of(verb.head, ctx, depth + 1)
    # a surface fallback for broken parses: the noun phrase right after the verb ("said Lavrov",
    # '“...,” added a New Hampshire Democrat'), not a date ("said Thursday")
    return _postposed_subject(verb, ctx)


POSTPOSED_NP = frozenset({"DET", "ADJ", "PROPN", "NOUN", "NUM"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def _preposed_subject(verb: Token, ctx: Context) -> Token | None:
    """The noun or pronoun right before a finite verb that the parse gave no subject
    ('“...,” Police Chief Dana Reyes said Monday', parsed as a conjunct of the quoted verb;
    'Osei, a county official, said ...'), past adverbs and auxiliaries ('has also said')."""
    if verb.tag_ not in FINITE_TAGS and not any(c.dep_ == "aux" for c in verb.children):
        return None
    doc, start = verb.doc, verb.sent.start
    i = verb.i - 1
    while i >= start and doc[i].pos_ in ("ADV", "AUX", "PART") and not ctx.in_quote(doc[i].idx):
        i -= 1
    if i >= start and doc[i].text == ",":  # the end of an apposition
        i -= 1
    if i < start:
        return None
    t = doc[i]
    if t.pos_ not in ("PROPN", "NOUN", "PRON") or ctx.in_quote(t.idx) or t.ent_type_ in ("DATE", "TIME"):
        return None
    return t


def _postposed_subject(verb: Token, ctx: Context) -> Token | None:
    doc, head = verb.doc, None
    i = verb.i + 1
    while i < len(doc) and i <= verb.i + 6:
        t = doc[i]
        if t.pos_ not in POSTPOSED_NP or ctx.in_quote(t.idx) or t.ent_type_ in ("DATE", "TIME"):
            break
        if t.pos_ in ("PROPN", "NOUN"):
            head = t
        i += 1
    if head is None or (head.pos_ == "NOUN" and verb.nbor(1).pos_ not in ("DET", "ADJ", "NUM")):
        return None  # a bare common noun after the verb is more often its object
    return head


def entity_bounds(tok: Token) -> tuple[int, int] | None:
    """Char bounds of the spaCy entity holding ``tok``."""
    if not tok.ent_type_:
        return None
    doc = tok.doc
    a = tok.i
    while a > 0 and doc[a].ent_iob_ == "I":
        a -= 1
    b = tok.i + 1
    while b < len(doc) and doc[b].ent_iob_ == "I":
        b += 1
    return doc[a].idx, doc[b - 1].idx + len(doc[b - 1])


def noun_phrase(tok: Token) -> tuple[int, int]:
    """Bounds of a subject noun phrase without appositions and relative clauses."""
    toks = [tok]
    for child in tok.lefts:
        if child.dep_ in NP_LEFT_DEPS:
            toks.extend(child.subtree)
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            toks.extend(child.subtree)
        elif child.dep_ == "compound":
            toks.append(child)
    a = min(t.idx for t in toks)
    last = max(toks, key=lambda t: t.i)
    return a, last.idx + len(last)


def resolve(tok: Token, ctx: Context) -> Speaker:
    """The speaker a subject token stands for."""
    low = tok.lower_
    end = tok.idx + len(tok)
    if low in PRONOUN_GENDER or low in ("they", "we", "i") or tok.pos_ == "PRON":
        key = resolve_pronoun(tok, ctx)
        if key is None:
            hit = ctx.actor_covering(tok.idx, end)
            key = hit[2].key if hit else None
        return Speaker(key, tok.idx, end)
    hit = ctx.actor_covering(tok.idx, end)
    if hit is not None:
        return Speaker(hit[2].key, hit[0], hit[1])
    bounds = entity_bounds(tok)
    if bounds is not None:
        return Speaker(None, *bounds)
    named = _named_apposition(tok)
    if named is not None:  # "the Kremlin spokesman, Dmitry Peskov," / "the agency, NASA,"
        return resolve(named, ctx)
    a, b = noun_phrase(tok)
    key = resolve_title(tok, a, b, ctx) if is_title(tok, ctx) and not _of_person(tok, ctx) else None
    if key is None and tok.lemma_.lower() in ctx.lex.titles:
        key = _institution(tok, ctx)
    return Speaker(key, a, b)


def _of_person(tok: Token, ctx: Context) -> bool:
    """A title owned by a person ("Smith's lawyer", "her spokesman"): someone other than
    the title holders named in the text, so it is not resolved by role."""
    for child in tok.children:
        if child.dep_ != "poss":
            continue
        if child.pos_ == "PRON":
            return True
        hit = ctx.actor_covering(child.idx, child.idx + len(child))
        if child.ent_type_ == "PERSON" or (hit is not None and hit[2].type == "PERSON"):
            return True
    return False


def _institution(tok: Token, ctx: Context) -> str | None:
    """The organisation a spokesperson or officials speak for ("State Department officials",
    "a Kremlin spokesman", "the ministry's spokeswoman")."""
    for child in tok.lefts:
        if child.dep_ in ("compound", "poss", "nmod"):
            hit = ctx.actor_covering(child.idx, child.idx + len(child))
            if hit is not None and hit[2].type in ("ORG", "GPE"):
                return hit[2].key
    return None


def _named_apposition(tok: Token, depth: int = 0) -> Token | None:
    """A named person or organisation in apposition to a common noun (also through a
    mis-parsed conjunct)."""
    for child in tok.children:
        if child.dep_ in ("appos", "conj") and child.ent_type_ in ("PERSON", "ORG"):
            return child
        if child.dep_ in ("appos", "conj") and depth < 2:
            found = _named_apposition(child, depth + 1)
            if found is not None:
                return found
    return None


def is_title(tok: Token, ctx: Context) -> bool:
    return (
        tok.pos_ in ("NOUN", "PROPN")
        and tok.tag_ not in ("NNS", "NNPS")
        and (tok.lower_ in ctx.lex.titles or tok.lemma_.lower() in ctx.lex.titles)
    )


def _is_subject_mention(s: int, e: int, ctx: Context) -> bool:
    tok = ctx.token_at(max(e - 1, s))
    for _ in range(3):
        if tok.dep_ in SUBJ_DEPS:
            return True
        if tok.dep_ not in ("compound", "appos", "flat", "conj") or tok.head is tok:
            return False
        tok = tok.head
    return False


def _depth(i: int, ctx: Context) -> int:
    return sum(1 for _ in ctx.token_at(i).ancestors)


def _candidates(k: int, before: int, g: str, ctx: Context) -> list[tuple[int, int, object]]:
    """Mentions (and same-gender subject pronouns) in sentence ``k`` before ``before``."""
    a, b = ctx.sent_bounds[k]
    types = ("PERSON",) if g in ("m", "f") else ("ORG", "GPE")
    out: list[tuple[int, int, object]] = [
        (s, e, actor)
        for s, e, actor in ctx.mentions
        if a <= s < b and e <= before and actor.type in types and not ctx.in_quote(s)
        and ctx.gender.get(actor.key, g) == g
    ]
    for t in ctx.sdoc.char_span(a, min(b, before), alignment_mode="contract") or []:
        if t.dep_ in SUBJ_DEPS and PRONOUN_GENDER.get(t.lower_) == g and not ctx.in_quote(t.idx):
            out.append((t.idx, t.idx + len(t), t))
    return out


def resolve_pronoun(tok: Token, ctx: Context, max_sents: int = 5, hops: int = 0) -> str | None:
    """The actor a he/she/it pronoun stands for: in the nearest sentence before it with a
    compatible candidate, subjects first, then the shallowest in the parse, then the latest.
    A chosen pronoun is itself resolved (a chain of he/she back to a name)."""
    g = PRONOUN_GENDER.get(tok.lower_)
    if g is None:
        return None
    si = ctx.sent_index(tok.idx)
    for k in range(si, max(si - max_sents, -1), -1):
        cands = _candidates(k, tok.idx, g, ctx)
        if not cands:
            continue
        best = min(cands, key=lambda c: (not _is_subject_mention(c[0], c[1], ctx),
                                         _depth(max(c[1] - 1, c[0]), ctx), -c[0]))
        target = best[2]
        if hasattr(target, "key"):
            return target.key  # type: ignore[no-any-return, attr-defined]
        if hops >= 4:
            return None
        return resolve_pronoun(target, ctx, max_sents, hops + 1)  # type: ignore[arg-type]
    return None


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", text.lower()))


def resolve_title(tok: Token, a: int, b: int, ctx: Context) -> str | None:
    """The actor holding the title in ``text[a:b]``: by its roles, else by a titled mention."""
    head = tok.lower_ if tok.lower_ in ctx.lex.titles else tok.lemma_.lower()
    words = _words(ctx.text[a:b]) - {"the", "a", "an", "of"}
    best: tuple[int, int, str] | None = None
    for s, _e, actor in ctx.mentions:
        if actor.type != "PERSON" or s >= a:
            continue
        for role in actor.roles:
            rw = _words(role)
            if head in rw:
                cand = (len(words & rw), s, actor.key)
                best = cand if best is None or cand[:2] > best[:2] else best
    if best is not None:
        return best[2]
    scored: list[tuple[int, int, str]] = []
    for s, e, actor in ctx.mentions:
        if actor.type != "PERSON" or s >= a or ctx.in_quote(s):
            continue
        near = _title_words(s, e, ctx)
        if head in near:
            scored.append((len(words & near), s, actor.key))
    if scored:
        return max(scored)[2]
    return None


def _title_words(s: int, e: int, ctx: Context) -> set[str]:
    """Words of the title written right before a mention ("Russian Foreign Minister") or in
    an apposition after it ("Lavrov, the foreign minister,")."""
    words: set[str] = set()
    first = ctx.token_at(s)
    i = first.i - 1
    while i >= 0 and i >= first.i - 6:
        t = ctx.sdoc[i]
        if not (t.pos_ in ("PROPN", "NOUN", "ADJ") or t.lower_ in ("of", "-")) or t.is_sent_end:
            break
        words.add(t.lower_)
        i -= 1
    last = ctx.token_at(max(e - 1, s))
    for child in last.children:
        if child.dep_ == "appos" and child.i > last.i:
            words |= {t.lower_ for t in child.subtree if t.i <= child.i}
    return words
