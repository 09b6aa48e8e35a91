"""Cut the sentences of article bodies into atomic claim units, and tell facts from opinion.

The sentences come split (``lang.sentences``, once per document, handed to the compare stage).
No parser here (the compare stage gets Documents and an Extraction, not spaCy parses), only
clause rules: semicolons and ``, and`` / ``, but`` / ``, while`` joins between two full clauses
give separate units; a list of predicates sharing one subject ("Police arrested four men, seized
two rifles and closed the road") gives one unit per predicate, with the subject repeated in the
unit text.
Every unit keeps the exact span of its words in the document.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from newsprism.compare.claims.modality import Modality, Words, attributed_to, statement_kind, words_of
from newsprism.lang.morphology import IRREGULAR_PAST
from newsprism.lang.resources import lines
from newsprism.lang.sentences import SentenceSpan
from newsprism.model import ClaimKind, Document

_WORD = re.compile(r"[\w’'.-]+")
_WORD_RUN = re.compile(r"\w+")
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")
_FIRST_PERSON = re.compile(r"\b(I|I'm|I’m|I've|I’ve|we|We|my|My|our|Our|us)\b")
_MODAL = re.compile(r"\b(should|shouldn't|ought to|must not|must)\b", re.I)
# a match of _FIRST_PERSON or _MODAL holds one of these words whole (lower-cased)
_OPINION_WORDS = frozenset("i we my our us should shouldn ought must".split())
_CLAUSE_JOIN = re.compile(r"(;\s+|,\s+(?:and|but|while|whereas|although|though)\s+)")
_PREDICATE_SEP = re.compile(r",\s+(?:and\s+|then\s+)?|\s+and\s+")
_NOT_SUBJECT = frozenset("not also then so only even still yet later".split())
_AUX = frozenset("is are was were has have had will would could can may might did does do".split())
MIN_WORDS = 4


@dataclass(frozen=True, slots=True)
class Unit:
    """One atomic claim in one document: ``text`` may repeat a shared subject; the span does not."""

    doc: str
    start: int
    end: int
    text: str
    kind: ClaimKind
    modality: Modality = "reported"
    speaker: str | None = None  # the words of the attribution ("the foreign ministry"), if any


@lru_cache(maxsize=1)
def evaluative_words() -> frozenset[str]:
    return frozenset(w.strip() for w in lines("compare_evaluative.txt"))


def classify(text: str, words: Words = None) -> ClaimKind:
    """factual | opinion | rhetorical, from the writer's own words (quotations left out).
    ``words``: ``modality.words_of(text)``, when the caller has it (a quicker search, the same
    answer: the words outside quotations are among them)."""
    stripped = text.rstrip("\"”’') ")
    if stripped.endswith("?") or stripped.endswith("!"):
        return "rhetorical"
    evaluative = _evaluative_runs()
    first_person_or_modal = words is None or not _OPINION_WORDS.isdisjoint(words)
    may_evaluate = words is None or evaluative is None or not evaluative.isdisjoint(words)
    if not (first_person_or_modal or may_evaluate):
        return "factual"
    own = _QUOTED.sub(" ", text)
    if first_person_or_modal and (_FIRST_PERSON.search(own) or _MODAL.search(own)):
        return "opinion"
    if may_evaluate and {w.strip(".,;:’'\"").lower() for w in own.split()} & evaluative_words():
        return "opinion"
    return "factual"


@lru_cache(maxsize=1)
def _evaluative_runs() -> frozenset[str] | None:
    """The first run of word characters of each evaluative word, lower-cased. A word of a text
    that is an evaluative word once stripped of punctuation and lower-cased holds that run whole
    (its ends are spaces or punctuation), so a text whose ``words_of`` hold none of these runs
    has no evaluative word. None when an evaluative word has no word character."""
    runs = set()
    for word in evaluative_words():
        found = _WORD_RUN.findall(word.lower())
        if not found:
            return None
        runs.add(found[0])
    return frozenset(runs)


def _n_words(text: str) -> int:
    return len(_WORD.findall(text))


def _is_verb(word: str) -> bool:
    w = word.lower()
    return word.islower() and (w in IRREGULAR_PAST or (len(w) > 4 and w.endswith("ed")))


def _has_verb(text: str) -> bool:
    words = text.split()[:12]
    return any(w.lower() in _AUX or _is_verb(w.strip(",.;:")) for w in words[1:])


def _clause_pieces(text: str, base: int) -> list[tuple[int, int]]:
    """Split at clause joins whose right side starts a new clause with its own subject."""
    pieces: list[tuple[int, int]] = []
    start = 0
    quoted = _quoted_ranges(text)
    for m in _CLAUSE_JOIN.finditer(text):
        if any(a <= m.start() < b for a, b in quoted):
            continue
        left, right = text[start:m.start()], text[m.end():]
        first = right.split(" ", 1)[0]
        new_subject = m.group(0).startswith(";") or (
            not _is_verb(first) and first.lower() not in _NOT_SUBJECT and _has_verb(right))
        least = 3 if m.group(0).startswith(";") else MIN_WORDS
        if _n_words(left) >= least and _n_words(right) >= least and new_subject:
            pieces.append((base + start, base + m.start()))
            start = m.end()
    pieces.append((base + start, base + len(text)))
    return pieces


def _quoted_ranges(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _QUOTED.finditer(text)]


def _predicates(text: str, base: int) -> tuple[str, list[tuple[int, int]]] | None:
    """A subject and the spans of several predicates it governs, or None."""
    if _quoted_ranges(text):
        return None
    parts: list[tuple[int, int]] = []
    start = 0
    for m in _PREDICATE_SEP.finditer(text):
        parts.append((start, m.start()))
        start = m.end()
    parts.append((start, len(text)))
    if len(parts) < 2:
        return None
    words0 = text[parts[0][0]:parts[0][1]].split()
    verb_at = next((k for k, w in enumerate(words0) if k > 0 and _is_verb(w)), None)
    if verb_at is None:
        return None
    later_ok = all(
        _is_verb(text[a:b].split(" ", 1)[0]) and _n_words(text[a:b]) >= 2 for a, b in parts[1:]
    )
    if not later_ok:
        return None
    subject = " ".join(words0[:verb_at])
    first_pred = text.index(words0[verb_at], parts[0][0])
    spans = [(base + first_pred, base + parts[0][1])] + [(base + a, base + b) for a, b in parts[1:]]
    return subject, spans


def split_units(doc: Document, spans: Sequence[SentenceSpan]) -> list[Unit]:
    """The atomic claim units of one document, in text order (``spans``: its sentences)."""
    units: list[Unit] = []
    text = doc.text
    for s_start, s_end in spans:
        sentence = text[s_start:s_end]
        if _n_words(sentence) < MIN_WORDS:
            continue
        sentence_words = words_of(sentence)
        kind = classify(sentence, sentence_words)
        said_by = attributed_to(sentence, sentence_words)  # ", the ministry said." attributes every clause
        pieces = _clause_pieces(sentence, s_start)
        for c_start, c_end in pieces:
            c_start, c_end = _strip_punct(text, c_start, c_end)
            clause = text[c_start:c_end]
            # one piece: the sentence less punctuation at its ends, so the same words
            words = sentence_words if len(pieces) == 1 else words_of(clause)
            speaker = attributed_to(clause, words) or said_by  # each clause's attribution read once
            mode = statement_kind(clause, words)
            if mode == "reported" and speaker is not None:
                mode = "attributed"
            preds = _predicates(clause, c_start) if kind == "factual" else None
            if preds is None:
                units.append(Unit(doc.id, c_start, c_end, clause, kind, mode, speaker))
                continue
            subject, spans = preds
            first_mode = mode
            for k, (a, b) in enumerate(spans):
                a, b = _strip_punct(text, a, b)
                claim_text = text[a:b] if k == 0 and not subject else f"{subject} {text[a:b]}"
                # each predicate says its own kind of statement ("had planned a trip but cancelled
                # it"); a bare verb after the first shares the first's auxiliary ("will fly to
                # Oslo and meet the king")
                claim_words = words_of(claim_text)
                own = statement_kind(claim_text, claim_words)
                if own == "reported" and (speaker is not None
                                          or attributed_to(claim_text, claim_words) is not None):
                    own = "attributed"
                if own in ("reported", "attributed") and k and first_mode not in ("reported", "attributed") \
                        and _bare_verb(text[a:b]):
                    own = first_mode
                if k == 0:
                    first_mode = own
                units.append(Unit(doc.id, a, b, claim_text.strip(), kind, own, speaker))
    return units


def _bare_verb(predicate: str) -> bool:
    """Whether a predicate starts with a verb in its base form ("meet", not "met" or "meets")."""
    word = predicate.split(maxsplit=1)[0].lower() if predicate.strip() else ""
    return bool(word) and not word.endswith(("ed", "s")) and word not in IRREGULAR_PAST


def _strip_punct(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t,;:":
        start += 1
    while end > start and text[end - 1] in " \t,;:.":
        end -= 1
    return start, end
