"""Outlet profiles: what each outlet covered and left out, whom it quoted, and its tone.

Coverage is per claim: an outlet covers a claim when one of its documents states it (in support
or contradicting it); it omits a factual claim of a story it covered when another outlet states
that claim and none of its own documents does. Tone (``tone.score`` on each sentence) is given
overall, toward each actor (sentences that mention the actor, by the extract stage's entity
mentions) and for the event (sentences that carry claims other outlets also state), with the
strongest sentences as evidence.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from newsprism.compare.outlets import tone as tone_mod
from newsprism.compare.claims.align import EntitySpans, entity_index
from newsprism.lang.sentences import SentenceSpan, SentenceSpans
from newsprism.model import Claim, Document, Extraction, OutletProfile, Story, Tone, ToneEvidence

UNKNOWN_OUTLET = "(unknown outlet)"
EVIDENCE = 5


def outlet_of(doc: Document) -> str:
    return doc.outlet.strip() if doc.outlet and doc.outlet.strip() else UNKNOWN_OUTLET


@dataclass(frozen=True, slots=True)
class _Sentence:
    doc: str
    start: int
    end: int
    text: str
    score: float
    hits: int


def _mean(values: Iterable[float]) -> float:
    vals = list(values)
    return round(sum(vals) / len(vals), 3) if vals else 0.0


def _scored_sentences(doc: Document, spans: Sequence[SentenceSpan]) -> list[_Sentence]:
    out = []
    for start, end in spans:
        text = doc.text[start:end]
        s = tone_mod.score(text)
        out.append(_Sentence(doc.id, start, end, text, round(s.score, 3), s.hits))
    return out


def _entities_at(index: EntitySpans, s: _Sentence) -> set[str]:
    found = index.get(s.doc)
    if found is None:
        return set()
    _, items = found
    return {ent for start, end, ent in items if start >= s.start and end <= s.end}


def tone_profile(docs: Sequence[Document], index: EntitySpans,
                 shared_spans: Sequence[tuple[str, int, int]],
                 sentences: SentenceSpans) -> Tone:
    scored = [s for d in docs for s in _scored_sentences(d, sentences[d.id])]
    toward: dict[str, list[float]] = defaultdict(list)
    for s in scored:
        for ent in _entities_at(index, s):
            toward[ent].append(s.score)
    shared_by_doc: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for doc, start, end in shared_spans:
        shared_by_doc[doc].append((start, end))
    event = [s.score for s in scored
             if any(a < s.end and s.start < b for a, b in shared_by_doc.get(s.doc, ()))]
    strongest = sorted((s for s in scored if s.hits),
                       key=lambda s: (-abs(s.score), s.doc, s.start))[:EVIDENCE]
    return Tone(
        overall=_mean(s.score for s in scored),
        toward={ent: _mean(v) for ent, v in sorted(toward.items())},
        event=_mean(event),
        method=tone_mod.METHOD,
        evidence=tuple(ToneEvidence(s.doc, s.start, s.end, s.text, s.score) for s in strongest),
    )


def _claims_by_story(claims: Sequence[Claim]) -> dict[str, list[Claim]]:
    out: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        out[c.story].append(c)
    return out


def profile_outlets(documents: Sequence[Document], stories: Sequence[Story],
                    claims: Sequence[Claim], extraction: Extraction, *,
                    sentences: SentenceSpans) -> tuple[OutletProfile, ...]:
    outlet = {d.id: outlet_of(d) for d in documents}
    docs_of: dict[str, list[Document]] = defaultdict(list)
    for d in documents:
        docs_of[outlet[d.id]].append(d)
    story_of = {doc: s.id for s in stories for doc in s.documents}
    index = entity_index([(m.doc, m.start, m.end, e.id)
                          for e in extraction.entities for m in e.mentions])
    by_story = _claims_by_story(claims)
    quotes_by_doc: dict[str, Counter[str]] = defaultdict(Counter)
    for q in extraction.quotes:
        speaker = q.speaker or q.speaker_text
        if speaker:
            quotes_by_doc[q.doc][speaker] += 1
    profiles = []
    for name in sorted(docs_of):
        docs = docs_of[name]
        own = {d.id for d in docs}
        covered: list[str] = []
        omitted: list[str] = []
        shared_spans: list[tuple[str, int, int]] = []
        for story_id in sorted({story_of[d] for d in own if d in story_of}):
            for c in by_story.get(story_id, ()):
                carriers = set(c.support) | set(c.contradicted_by)
                others = {outlet[d] for d in carriers if d in outlet} - {name}
                if carriers & own:
                    covered.append(c.id)
                    if others:
                        shared_spans += [(m.doc, m.start, m.end) for m in c.mentions if m.doc in own]
                elif others and c.kind == "factual":
                    omitted.append(c.id)
        quoted: Counter[str] = Counter()
        for d in own:
            quoted.update(quotes_by_doc.get(d, Counter()))
        profiles.append(OutletProfile(
            name=name,
            documents=tuple(d.id for d in docs),
            claims_covered=tuple(covered),
            claims_omitted=tuple(omitted),
            tone=tone_profile(docs, index, shared_spans, sentences),
            quoted=dict(sorted(quoted.items(), key=lambda kv: (-kv[1], kv[0]))),
            genres=tuple(sorted({d.genre for d in docs})),
        ))
    return tuple(profiles)
