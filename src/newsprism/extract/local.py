"""Per-document extraction records shared by the extract modules.

Each document is parsed once; ``actors.find_actors`` groups its mentions into local actors
(one per real actor within the document). Quotes and events refer to local actor keys; the
extract orchestrator maps those keys to global entity ids after ``actors.canonicalise``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsprism.model import Span


@dataclass(frozen=True, slots=True)
class LocalActor:
    key: str  # unique within the run: f"{doc_id}#{n}"
    name: str  # best (longest full) name in the document
    type: str  # PERSON, ORG, GPE, LOC, NORP, FAC ...
    mentions: tuple[Span, ...]
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    country: str | None = None  # ISO 3166 alpha-3
    evidence: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class DocActors:
    doc: str
    actors: tuple[LocalActor, ...]

    def actor_at(self, start: int, end: int) -> LocalActor | None:
        """The actor with a mention overlapping [start, end), preferring the largest overlap."""
        best: LocalActor | None = None
        best_overlap = 0
        for actor in self.actors:
            for m in actor.mentions:
                overlap = min(end, m.end) - max(start, m.start)
                if overlap > best_overlap:
                    best, best_overlap = actor, overlap
        return best

    def by_key(self, key: str) -> LocalActor | None:
        for actor in self.actors:
            if actor.key == key:
                return actor
        return None
