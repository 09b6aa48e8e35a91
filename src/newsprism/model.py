"""The one typed document model every stage reads and writes.

All records are frozen dataclasses. Offsets are Python string indices into the owning
``Document.text``; every record that points into a text carries ``(doc, start, end, text)``
with ``text == document.text[start:end]``.

Stages are pure: they take records and return new records, never mutate their inputs.
``to_json`` turns any record (or tuple/list/dict of records) into plain JSON values that
follow the output contract in ``schema/analysis.schema.json``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

SCHEMA_VERSION = "1"

Genre = Literal["news", "opinion", "analysis", "explainer", "unknown"]
EntityType = Literal["PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "OTHER"]
QuoteKind = Literal["direct", "indirect"]
# how a document's published date was found: stated (metadata, a date line, the url) or inferred
# from the text's own dates; how an event's date was found: its own date expression or the
# document's date (a past-tense verb with no date expression of its own)
DateBasis = Literal["explicit", "inferred", "story"]
EventDateBasis = Literal["expression", "document"]
Severity = Literal["low", "medium", "high"]
ClaimKind = Literal["factual", "opinion", "rhetorical"]  # of a claim and of each claim unit
ClaimModality = Literal["reported", "attributed", "expectation", "hypothetical", "denial"]
# what one document does with one claim of its story (see ``ClaimCell``)
CellState = Literal["supports", "contradicts", "related", "silent"]
DiscrepancyKind = Literal[
    "number", "count", "date", "weekday", "role", "quote_wording", "quote_speaker", "event_verb",
    "name_spelling", "paraphrase",
]

PLOVER_CATEGORIES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


def make_id(prefix: str, *parts: object) -> str:
    """A stable id from content: the same parts always give the same id."""
    h = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}_{h[:12]}"


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# ---------------------------------------------------------------- spans


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of one document's text: ``text == documents[doc].text[start:end]``."""

    doc: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Range:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Removed:
    """A boilerplate range cut from the body, with the reason (e.g. ``navigation``)."""

    start: int
    end: int
    reason: str


# ---------------------------------------------------------------- ingest


@dataclass(frozen=True, slots=True)
class RawSource:
    """What a reader found, before cleaning: one article's text plus what the source told us.

    ``fmt`` is ``txt`` | ``html`` | ``jsonl`` | ``warc``. ``text`` is the offsets' reference text
    (the .txt file content exactly, or the extracted plain text of HTML). ``meta`` holds the
    metadata the source itself offers (HTML meta tags, JSONL fields, WARC headers), keyed by
    ``title``, ``outlet``, ``authors`` (list), ``published``, ``url``, ``fetched``, ``genre``...
    ``html`` keeps the raw HTML (if any) for metadata extraction.
    """

    source: str
    fmt: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    html: str | None = None


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input that could not be read, with a one-line reason."""

    source: str
    reason: str


_NOT_NEWLINE = re.compile(r"[^\n]")


@lru_cache(maxsize=64)  # stages ask for one document's clean text many times in a row
def _blanked(text: str, body_start: int, body_end: int,
             removed: tuple[tuple[int, int], ...]) -> str:
    n = len(text)
    parts: list[str] = []
    pos = 0
    for a, b in sorted([(0, body_start), (body_end, n), *removed]):
        a, b = max(a, pos), min(b, n)
        if a >= b:
            continue
        parts += [text[pos:a], _NOT_NEWLINE.sub(" ", text[a:b])]
        pos = b
    parts.append(text[pos:])
    return "".join(parts)


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    source: str
    sha256: str
    text: str
    outlet: str | None
    title: str | None
    authors: tuple[str, ...]
    published: str | None  # ISO date (YYYY-MM-DD) or datetime
    genre: Genre
    body: Range
    removed: tuple[Removed, ...]
    url: str | None = None
    format: str = "txt"
    # which evidence decided each metadata field, e.g. {"outlet": "html meta og:site_name"}
    evidence: dict[str, str] = field(default_factory=dict)
    published_basis: DateBasis | None = None  # None when ``published`` is None
    published_evidence: tuple[Span, ...] = ()  # the words a date line or an inference rests on

    def clean_text(self) -> str:
        """The text with everything outside the body and every removed range blanked.

        Same length as ``text`` (so offsets are shared); blanked characters become spaces,
        newlines are kept, so sentence and paragraph boundaries survive.
        """
        return _blanked(self.text, self.body.start, self.body.end,
                        tuple((r.start, r.end) for r in self.removed))

    def dated_text(self) -> str:
        """The body with its removed ranges kept (captions and embedded posts in the body hold
        dates that date the article); outside the body blanked; same offsets as ``text``.
        (Taking the lines before the body too was measured worse in benchmarks/bench_dates.py:
        there they are mostly file-photo captions.)"""
        return _blanked(self.text, self.body.start, self.body.end, ())

    def span(self, start: int, end: int) -> Span:
        return Span(self.id, start, end, self.text[start:end])


# ---------------------------------------------------------------- extract


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    roles: tuple[str, ...]
    country: str | None  # ISO 3166 alpha-3
    mentions: tuple[Span, ...]
    # evidence for roles/country: e.g. {"country": "demonym 'Russian' in 'Russian Foreign Minister ...'"};
    # with a country: "country_source" ("text", or "table <resource file>" for the office-holder table)
    # and, when the text states it, "country_span" ("<doc id>:<start>-<end>", the words that state it)
    evidence: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Quote:
    id: str
    doc: str
    start: int
    end: int
    text: str  # the quoted words, without the quotation marks
    speaker: str | None  # entity id
    speaker_text: str | None
    cue: str | None
    kind: QuoteKind
    speaker_span: Span | None = None
    cue_span: Span | None = None


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A date expression resolved against the document date."""

    doc: str
    start: int
    end: int
    text: str
    value: str | None  # ISO date, ISO interval "a/b", or None when it cannot be resolved
    anchor: str | None  # the document date used, None when unknown
    note: str | None = None  # e.g. "document date unknown"
    future: bool = False  # read in a future context ("will meet on Wednesday"): resolves forward


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    category: str  # PLOVER type
    action: str
    source: tuple[str, ...]  # entity ids
    target: tuple[str, ...]
    date: str | None
    date_text: str | None
    location: str | None
    mentions: tuple[Span, ...]  # the sentence span(s)
    quotes: tuple[str, ...] = ()  # ids of quotes for public statements
    source_text: tuple[str, ...] = ()
    target_text: tuple[str, ...] = ()
    # where the date comes from, set even while ``date`` is None for want of a document date
    # (an inferred date fills it later): None when the sentence places the event at no date
    date_basis: EventDateBasis | None = None
    date_span: Span | None = None  # the date expression, or the document's date evidence


# ---------------------------------------------------------------- compare


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    title: str
    documents: tuple[str, ...]
    # ids of the stored stories whose documents this story holds after it grew: one that several
    # stories name was split between them
    previous: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StorySignature:
    """What the store keeps of a story so that later batches can join it.

    ``to_json`` / ``from_json`` give the stored JSON (terms as ``[term, weight]`` pairs).
    """

    id: str
    title: str
    terms: tuple[tuple[str, float], ...]  # top TF-IDF terms of the centroid, L2-normalised
    actors: tuple[str, ...]  # most frequent actor ids
    first: str | None  # earliest published date (ISO), None when unknown
    last: str | None
    size: int  # number of documents seen so far

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "terms": [[t, w] for t, w in self.terms],
                "actors": list(self.actors), "first": self.first, "last": self.last,
                "size": self.size}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> StorySignature:
        return cls(
            id=str(data["id"]), title=str(data.get("title") or ""),
            terms=tuple((str(t), float(w)) for t, w in data.get("terms", ())),
            actors=tuple(str(a) for a in data.get("actors", ())),
            first=data.get("first"), last=data.get("last"), size=int(data.get("size", 0)),
        )


@dataclass(frozen=True, slots=True)
class Derivation:
    """Document ``doc`` copies or rewrites ``derived_from`` (not independent)."""

    doc: str
    derived_from: str
    score: float
    evidence: str


@dataclass(frozen=True, slots=True)
class ClaimCell:
    """What one document of a claim's story does with the claim: ``supports`` (states it),
    ``contradicts`` (states an incompatible fact: ``discrepancy`` names the discrepancy that says
    so, ``span`` is this document's evidence and ``other`` the evidence on the claim's side),
    ``related`` (speaks of the same thing without stating it: ``span`` is its closest sentence)
    or ``silent``. A supporting document's statement is among the claim's ``mentions``."""

    doc: str
    state: CellState
    discrepancy: str | None = None
    span: Span | None = None
    other: Span | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    story: str
    text: str
    mentions: tuple[Span, ...]
    support: tuple[str, ...]  # doc ids
    contradicted_by: tuple[str, ...]
    silent: tuple[str, ...] = ()
    kind: ClaimKind = "factual"
    single_source: bool = False
    independent_support: int = 0
    related: tuple[str, ...] = ()  # doc ids that speak of it without stating it (not in silent)
    cells: tuple[ClaimCell, ...] = ()  # one per document of the story, in the story's order
    # reported (the writer's statement of fact) | attributed (given to a speaker) | expectation
    # (plan, schedule, preview) | hypothetical | denial: the source's statement (its first mention)
    modality: ClaimModality = "reported"
    attributed_to: str | None = None  # the words naming the speaker of an attributed statement


@dataclass(frozen=True, slots=True)
class Discrepancy:
    id: str
    kind: DiscrepancyKind
    severity: Severity
    description: str
    claims: tuple[str, ...]
    mentions: tuple[Span, ...]
    # a variant (spelling of a name, wording of one quote that changes no fact) is a finding,
    # never a contradiction: it moves no document out of a claim's support
    variant: bool = False


@dataclass(frozen=True, slots=True)
class ToneEvidence:
    """One of an outlet's most strongly toned sentences: its span and its score in [-1, 1]."""

    doc: str
    start: int
    end: int
    text: str
    score: float


@dataclass(frozen=True, slots=True)
class Tone:
    """An outlet's tone in [-1, 1], means over its sentences: all of them (``overall``), those
    that mention each actor (``toward``: entity id -> tone) and those that carry claims other
    outlets also state (``event``); ``method`` says how sentences were scored."""

    overall: float
    toward: dict[str, float]
    event: float
    method: str
    evidence: tuple[ToneEvidence, ...] = ()  # the strongest sentences, strongest first


@dataclass(frozen=True, slots=True)
class OutletProfile:
    name: str
    documents: tuple[str, ...]
    claims_covered: tuple[str, ...]
    claims_omitted: tuple[str, ...]
    tone: Tone
    quoted: dict[str, int]  # entity id (or speaker text) -> number of quotes
    genres: tuple[str, ...] = ()


# ---------------------------------------------------------------- per-document extraction
# Each document is parsed once; ``extract.actors.find_actors`` groups its mentions into local
# actors (one per real actor within the document). Quotes and events refer to local actor keys;
# ``extract.merge`` maps those keys to global entity ids after canonicalising actors across
# documents. The store keeps each document's ``DocExtraction``, so a document is never parsed twice.


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


@dataclass(frozen=True, slots=True)
class DocExtraction:
    """What one document yields before actors are canonicalised across documents."""

    actors: DocActors
    quotes: tuple[Quote, ...]
    dates: tuple[TimeExpression, ...]
    events: tuple[Event, ...]


@dataclass(frozen=True, slots=True)
class Extraction:
    """What the extract stage gives the compare stage."""

    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    dates: tuple[TimeExpression, ...] = ()


@dataclass(frozen=True, slots=True)
class Comparison:
    stories: tuple[Story, ...] = ()
    claims: tuple[Claim, ...] = ()
    discrepancies: tuple[Discrepancy, ...] = ()
    outlets: tuple[OutletProfile, ...] = ()
    derivations: tuple[Derivation, ...] = ()
    # one per story of this batch (merged with the prior signature it joined), for the store
    signatures: tuple[StorySignature, ...] = ()
    # documents that had no date and got one from their story (compare/stories/dating.py)
    redated: tuple[Document, ...] = ()


@dataclass(frozen=True, slots=True)
class Analysis:
    documents: tuple[Document, ...]
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    stories: tuple[Story, ...] = ()
    claims: tuple[Claim, ...] = ()
    discrepancies: tuple[Discrepancy, ...] = ()
    outlets: tuple[OutletProfile, ...] = ()
    dates: tuple[TimeExpression, ...] = ()
    derivations: tuple[Derivation, ...] = ()
    rejected: tuple[Rejected, ...] = ()
    schema_version: str = SCHEMA_VERSION


# ---------------------------------------------------------------- JSON


_LIST, _DICT, _LEAF = 0, 1, 2
# how ``to_json`` writes a value of each type: a dataclass's field names, or _LIST, _DICT, _LEAF
_JSON_KIND: dict[type, tuple[str, ...] | int] = {str: _LEAF, int: _LEAF, float: _LEAF, bool: _LEAF,
                                                 type(None): _LEAF}


def _json_kind(cls: type) -> tuple[str, ...] | int:
    kind: tuple[str, ...] | int
    if dataclasses.is_dataclass(cls) and not issubclass(cls, type):
        kind = tuple(f.name for f in dataclasses.fields(cls))
    elif issubclass(cls, (list, tuple)):
        kind = _LIST
    elif issubclass(cls, dict):
        kind = _DICT
    else:
        kind = _LEAF
    _JSON_KIND[cls] = kind
    return kind


def to_json(obj: Any) -> Any:
    """Plain JSON values for any record; tuples become lists, dict keys stay. (What to do with a
    value is looked up by its type, worked out once per type.)"""
    kind = _JSON_KIND.get(type(obj))
    if kind is None:
        kind = _json_kind(type(obj))
    if kind == _LEAF:
        return obj
    if kind == _LIST:
        return [to_json(x) for x in obj]
    if kind == _DICT:
        return {str(k): to_json(v) for k, v in obj.items()}
    return {name: to_json(getattr(obj, name)) for name in kind}  # type: ignore[union-attr]


def analysis_to_json(analysis: Analysis) -> dict[str, Any]:
    """The contract's key order first (schema_version, documents, ...), extensions after."""
    data = to_json(analysis)
    order = ["schema_version", "documents", "entities", "quotes", "events", "stories", "claims",
             "discrepancies", "outlets"]
    return {k: data[k] for k in order} | {k: v for k, v in data.items() if k not in order}


def from_json(cls: type[Any], data: Any) -> Any:
    """Rebuild a record (or nested records) from ``to_json`` output, by the dataclass's type hints."""
    return _decode(cls, data)


def _decode(tp: Any, data: Any) -> Any:
    import types
    import typing

    if data is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _decode(args[0], data) if len(args) == 1 else data
    if origin is tuple:
        (item, *_rest) = typing.get_args(tp)
        return tuple(_decode(item, x) for x in data)
    if origin is dict or origin is typing.Literal or tp is Any:
        return data
    if dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp)
        names = {f.name for f in dataclasses.fields(tp)}
        return tp(**{k: _decode(hints[k], v) for k, v in data.items() if k in names})
    return data
