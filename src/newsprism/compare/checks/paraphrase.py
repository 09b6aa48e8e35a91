"""A paraphrase whose sense the speaker's own quoted words do not carry (issue 11 §3).

One outlet writes "Novak expressed frustration with the contractor"; the same speaker's words,
quoted in the story ("The contractor has done everything we asked"), say nothing of the kind.
This check finds such pairs within one story:

- a **stance statement**: a person (an entity of type PERSON) followed in the same sentence, within
  a few words, by an emotion put on them: an emotion verb or copula (``checks_stance.json``) with
  an emotion word ("expressed frustration", "voiced optimism", "was pleased"), whose VADER
  valence (at least ``EMOTION_MIN``) gives the stance its sign. Verbs of stance toward others
  ("criticised", "praised") are not read: run over 73 two-outlet news-8k stories, they matched
  quotes on other subjects only (13 of 13 findings false, read by hand);
- a **direct quote** of the same speaker (same entity) in any document of the story, sharing at
  least ``SHARED_MIN`` content words with what the stance is about (the words after it in the
  sentence), whose own tone (VADER valences over the quoted words, negations flipping them) has
  the opposite sign with strength at least ``QUOTE_MIN``.

Such a pair is a ``paraphrase`` discrepancy (severity medium): the outlet's paraphrase and the
quoted words disagree on what the speaker meant. It is a finding of its own kind, not a
contradiction of a claim (no claim cell turns ``contradicts`` on it).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from newsprism.compare.checks.judge import Verdict
from newsprism.compare.claims.verify import content_words
from newsprism.compare.outlets.tone import compound, valences
from newsprism.lang.morphology import base_forms
from newsprism.lang.resources import load_json
from newsprism.lang.sentences import SentenceSpans
from newsprism.model import Document, Entity, Quote, Span

WINDOW = 4  # words between the speaker's name and the stance word
EMOTION_MIN = 1.3  # |VADER valence| of an emotion word that gives a stance its sign
QUOTE_MIN = 0.4  # |tone| of the quoted words, VADER's compound scale
SHARED_MIN = 2  # content words the quote shares with what the stance is about
TARGET_WORDS = 12  # words after the stance read as what it is about
_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")


@dataclass(frozen=True, slots=True)
class Stance:
    speaker: str  # entity id
    name: str
    sign: int  # +1 / -1
    span: Span  # from the name to the end of what the stance is about
    about: frozenset[str]  # content words of what it is about


@lru_cache(maxsize=1)
def _lexicon() -> tuple[frozenset[str], frozenset[str]]:
    data = load_json("checks_stance.json")
    return frozenset(data["emotion_verbs"]), frozenset(data["copulas"])


def _base_in(word: str, table: frozenset[str]) -> str | None:
    for base in base_forms(word.lower()):
        if base in table:
            return base
    return None


def quote_tone(text: str) -> float:
    """Tone of quoted words on VADER's compound scale, every lexicon word counted (negations flip)."""
    return compound([w.lower().replace("’", "'") for w in _WORD.findall(text)], valences()).score


def _stance_after(doc: Document, end: int, limit: int) -> tuple[int, int, int] | None:
    """(sign, where the stance word ends, where the words it is about end) for the words after a
    name, or None."""
    emotion_verbs, copulas = _lexicon()
    table = valences()
    words = list(_WORD.finditer(doc.text, end, limit))
    for i, m in enumerate(words[:WINDOW + 1]):
        word = m.group().lower()
        if _base_in(word, emotion_verbs) or _base_in(word, copulas):
            for j in range(i + 1, min(i + 4, len(words))):
                v = table.get(words[j].group().lower(), 0.0)
                if abs(v) >= EMOTION_MIN:
                    return (1 if v > 0 else -1), words[j].end(), _about_end(words, j + 1, limit)
            return None
    return None


def _about_end(words: Sequence[re.Match[str]], first: int, limit: int) -> int:
    tail = words[first:first + TARGET_WORDS]
    return tail[-1].end() if tail else (words[first - 1].end() if first else limit)


def stances(doc: Document, entities: Sequence[Entity], sentences: Sequence[tuple[int, int]]) -> list[Stance]:
    """Stance statements of the persons named in ``doc``."""
    out: list[Stance] = []
    for e in entities:
        if e.type != "PERSON":
            continue
        for m in e.mentions:
            if m.doc != doc.id:
                continue
            sentence = next((s for s in sentences if s[0] <= m.start < s[1]), None)
            if sentence is None:
                continue
            found = _stance_after(doc, m.end, sentence[1])
            if found is None:
                continue
            sign, stance_end, about_end = found
            about = content_words(doc.text[stance_end:about_end])
            if about:
                out.append(Stance(e.id, e.name, sign, doc.span(m.start, about_end), about))
    return out


def paraphrase_verdicts(group: Sequence[Document], entities: Sequence[Entity], quotes: Sequence[Quote],
                        sentences: SentenceSpans) -> list[Verdict]:
    """``paraphrase`` verdicts among the documents of one story (see the module doc)."""
    ids = {d.id for d in group}
    by_speaker: dict[str, list[Quote]] = defaultdict(list)
    for q in quotes:
        if q.kind == "direct" and q.doc in ids and q.speaker is not None:
            by_speaker[q.speaker].append(q)
    if not by_speaker:
        return []
    wanted = [e for e in entities if e.id in by_speaker]
    out: list[Verdict] = []
    for doc in group:
        for stance in stances(doc, wanted, sentences.get(doc.id, ())):
            for q in by_speaker[stance.speaker]:
                if q.start < stance.span.end and stance.span.start < q.end and q.doc == doc.id:
                    continue  # the stance sentence's own quotation
                tone = quote_tone(q.text)
                if abs(tone) < QUOTE_MIN or (tone > 0) == (stance.sign > 0):
                    continue
                if len(stance.about & content_words(q.text)) < SHARED_MIN:
                    continue
                feeling = "a positive" if stance.sign > 0 else "a negative"
                out.append(Verdict("paraphrase", "medium", f"what {stance.name} meant", stance.span,
                                   Span(q.doc, q.start, q.end, q.text),
                                   f"the paraphrase gives {feeling} stance; the quoted words "
                                   f"{'do not carry it' if abs(tone) < 0.6 else 'say the opposite'}"))
                break
    return out
