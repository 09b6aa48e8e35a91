"""Name-spelling check: outlets spell one name differently ("Sergey" / "Sergei", "Zelensky" /
"Zelenskyy").

Reads the entity mentions the extract stage found. Two name words are spelling variants when
both are capitalised, at least four letters long and at most two edits apart (so nicknames such
as "Mike" / "Michael" are not variants). Variants linked through one another form one cluster,
reported once with the documents that use each spelling. People are compared across entities
(the extractor may have kept two spellings apart); other entity types only within one entity,
and never a demonym pair such as "Russia" / "Russian".
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from newsprism.disjoint import DisjointSets
from newsprism.lang.words import LETTER_WORD_STRAIGHT
from newsprism.model import Entity, Span

_DERIVATION_SUFFIXES = ("s", "n", "an", "ian", "i", "ese", "ish", "es")
MAX_EDITS = 2
MIN_LENGTH = 4
LONG_WORD = 7  # words this long may differ by MAX_EDITS, shorter ones by one edit


@dataclass(frozen=True, slots=True)
class NameVariants:
    """One name written in several ways; ``spellings`` maps each word form to its mentions."""

    spellings: dict[str, tuple[Span, ...]]


def is_variant(a: str, b: str) -> bool:
    """Two name words that differ by a small spelling change."""
    if a == b or a.lower() == b.lower() or min(len(a), len(b)) < MIN_LENGTH:
        return False
    if not (a[0].isupper() and b[0].isupper()):
        return False
    short, long_ = sorted((a.lower(), b.lower()), key=len)
    if long_.startswith(short) and long_[len(short):] in _DERIVATION_SUFFIXES:
        return False  # "Russia" / "Russian", "Jones" / "Jone": a derived form, not a spelling
    edits = MAX_EDITS if min(len(a), len(b)) >= LONG_WORD else 1
    return Levenshtein.distance(a.lower(), b.lower()) <= edits and a[0].lower() == b[0].lower()


def _words(span: Span) -> list[tuple[str, Span]]:
    out = []
    for m in LETTER_WORD_STRAIGHT.finditer(span.text):
        word = re.sub(r"['’]s$", "", m.group())
        out.append((word, Span(span.doc, span.start + m.start(), span.start + m.start() + len(word), word)))
    return out


@dataclass
class _Occurrences:
    spans: dict[tuple[str, str], list[Span]]  # (group, word) -> word spans
    companions: dict[tuple[str, str], set[str]]  # other name words of the same entities
    surname: set[tuple[str, str]]  # words that end their entity's name


def _occurrences(entities: Iterable[Entity], docs: set[str]) -> _Occurrences:
    """Name words by group: "PERSON" for people, the entity id otherwise."""
    occ = _Occurrences(defaultdict(list), defaultdict(set), set())
    for ent in entities:
        group = "PERSON" if ent.type == "PERSON" else ent.id
        words = {w for m in ent.mentions if m.doc in docs for w, _ in _words(m) if w[:1].isupper()}
        name_words = [w for w, _ in _words(Span("", 0, len(ent.name), ent.name))]
        for mention in ent.mentions:
            if mention.doc in docs:
                for word, span in _words(mention):
                    if word[:1].isupper():
                        occ.spans[(group, word)].append(span)
                        occ.companions[(group, word)] |= {w.lower() for w in words if w != word}
        if name_words and name_words[-1] in words:
            occ.surname.add((group, name_words[-1]))
    return occ


def _related(occ: _Occurrences, group: str, a: str, b: str) -> bool:
    """Two words of people may be one name: they share a companion word or both are surnames."""
    if group != "PERSON":
        return True
    ka, kb = (group, a), (group, b)
    shared = (occ.companions[ka] & occ.companions[kb]) - {a.lower(), b.lower()}
    return bool(shared) or (ka in occ.surname and kb in occ.surname)


def _clusters(words: list[str], related: Callable[[str, str], bool]) -> list[list[str]]:
    sets: DisjointSets[str] = DisjointSets(words)

    for i, a in enumerate(words):
        for b in words[i + 1:]:
            if is_variant(a, b) and related(a, b):
                sets.union(a, b)
    groups: dict[str, list[str]] = defaultdict(list)
    for w in words:
        groups[sets.find(w)].append(w)
    return [sorted(g) for g in groups.values() if len(g) > 1]


def name_variants(entities: Sequence[Entity], docs: Iterable[str]) -> list[NameVariants]:
    """Spelling-variant clusters used by at least two different documents."""
    occ = _occurrences(entities, set(docs))
    by_group: dict[str, list[str]] = defaultdict(list)
    for group, word in occ.spans:
        by_group[group].append(word)
    out: list[NameVariants] = []
    for group, words in sorted(by_group.items()):
        def related(a: str, b: str, group: str = group) -> bool:
            return _related(occ, group, a, b)

        for cluster in _clusters(sorted(words), related):
            doc_sets = [{s.doc for s in occ.spans[(group, w)]} for w in cluster]
            if len(set().union(*doc_sets)) < 2:
                continue  # one document's own inconsistency, not a disagreement between outlets
            spellings = {w: _first_per_doc(occ.spans[(group, w)]) for w in cluster}
            out.append(NameVariants(spellings))
    return out


def _first_per_doc(spans: list[Span]) -> tuple[Span, ...]:
    first: dict[str, Span] = {}
    for s in sorted(spans, key=lambda s: (s.doc, s.start)):
        first.setdefault(s.doc, s)
    return tuple(first.values())
