"""The pipeline: ingest → extract → compare, composed from pure stage functions.

Nothing here prints or touches the store; interfaces (CLI, API, engines) call these functions
and pass a ``Progress`` callback if they want to show progress.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsprism import compare as compare_stage
from newsprism import extract as extract_stage
from newsprism import ingest as ingest_stage
from newsprism.compare.embeddings import DEFAULT_KIND, EncoderKind, load_encoder
from newsprism.compare.outlets import profile_outlets
from newsprism.compare.stories import find_stories

from newsprism.extract.nlp import DEFAULT_MODEL, load_nlp
from newsprism.ingest import clean_source as clean  # one raw source -> Document | Rejected
from newsprism.ingest.limits import DEFAULT_LIMITS, Limits
from newsprism.lang.sentences import SentenceSpans, sentence_spans
from newsprism.model import (
    Analysis,
    Claim,
    Comparison,
    DocExtraction,
    Document,
    Entity,
    Extraction,
    OutletProfile,
    Quote,
    RawSource,
    Rejected,
    Story,
    StorySignature,
)

# progress(stage, advance, total): called with total set once per stage, then with advances
Progress = Callable[[str, int, int | None], None]


@dataclass(frozen=True, slots=True)
class Options:
    """The models an analysis loads: the spaCy pipeline (package name or path), the kind of
    sentence encoder that aligns claims and the kind that verifies support (``claims.verify``:
    the transformer, or the static table at a stricter threshold: faster on large runs, fewer
    supports); and how many worker processes the local engine's parse may use (the same parses in
    any number)."""

    model: str = DEFAULT_MODEL
    encoder: EncoderKind = DEFAULT_KIND
    verifier: EncoderKind = "transformer"
    processes: int = 1  # worker processes for the local engine's parse (the CLI passes the cores)


@dataclass(frozen=True, slots=True)
class Ingested:
    documents: tuple[Document, ...]
    rejected: tuple[Rejected, ...]


def no_progress(stage: str, advance: int, total: int | None) -> None:
    """The default ``Progress``: reports nothing."""


def build_documents(items: Iterable[RawSource | Rejected], limits: Limits = DEFAULT_LIMITS) -> Ingested:
    """Clean each raw source into a Document; one per distinct content (same text = same id).

    An article that cannot be cleaned is rejected with the reason; it never costs the others."""
    return collect(clean(item, limits) for item in items)


def collect(cleaned: Iterable[Document | Rejected]) -> Ingested:
    """The documents, one per distinct content (the first wins), and the rejected inputs, in order."""
    docs: dict[str, Document] = {}
    rejected: list[Rejected] = []
    for item in cleaned:
        if isinstance(item, Rejected):
            rejected.append(item)
        else:
            docs.setdefault(item.id, item)
    return Ingested(tuple(docs.values()), tuple(rejected))


def ingest(paths: Sequence[str | Path], limits: Limits = DEFAULT_LIMITS,
           progress: Progress = no_progress) -> Ingested:
    """Read and clean every input, in this process (``progress`` is not called: the inputs are
    read as a stream, their number unknown until the end)."""
    return build_documents(ingest_stage.read_sources(paths, limits), limits)


def extract_documents(
    documents: Sequence[Document],
    options: Options = Options(),
    progress: Progress = no_progress,
) -> tuple[DocExtraction, ...]:
    """Parse each document once and extract what it yields on its own (actors still local)."""
    progress("extract", 0, len(documents))
    if not documents:
        return ()
    nlp = load_nlp(options.model)
    return extract_stage.extract_each(documents, nlp, progress=lambda n: progress("extract", n, None),
                                      processes=options.processes)


def joined_stories(documents: Sequence[Document], extraction: Extraction,
                   prior: Sequence[StorySignature]) -> set[str]:
    """Ids of the ``prior`` stories that some story of ``documents`` joins (``extraction``: the
    documents' extractions merged, as ``compare_documents`` will use them)."""
    if not prior:
        return set()
    ids = {p.id for p in prior}
    stories, _ = find_stories(tuple(documents), extraction, tuple(prior))
    return {s.id for s in stories} & ids


def compare_here(documents: Sequence[Document], extraction: Extraction, prior: Sequence[StorySignature],
                 sentences: SentenceSpans, options: Options, progress: Progress) -> Comparison:
    """The compare stage in this process, every story in one part."""
    encoder = load_encoder(kind=options.encoder)
    verifier = load_encoder(kind=options.verifier)
    progress("compare", 0, 1)
    comparison = compare_stage.compare(documents, extraction, prior=prior, sentences=sentences, encoder=encoder,
                                       verifier=verifier)
    progress("compare", 1, None)
    return comparison


@dataclass(frozen=True, slots=True)
class Engine:
    """Where the stages run: the same stage functions, called in this process (``LOCAL``) or
    spread over the processes of a Ray cluster (``engines.ray_engine``). Every engine gives the
    same analysis."""

    name: str
    ingest: Callable[[Sequence[str | Path], Limits, Progress], Ingested]
    extract: Callable[[Sequence[Document], Options, Progress], tuple[DocExtraction, ...]]
    compare: Callable[[Sequence[Document], Extraction, Sequence[StorySignature], SentenceSpans, Options,
                       Progress], Comparison]


LOCAL = Engine("local", ingest, extract_documents, compare_here)


def analyze_documents(
    documents: Sequence[Document],
    options: Options = Options(),
    prior: Sequence[StorySignature] = (),
    progress: Progress = no_progress,
    rejected: Sequence[Rejected] = (),
    engine: Engine = LOCAL,
) -> tuple[Analysis, tuple[StorySignature, ...]]:
    """Extract and compare ``documents``; ``prior`` holds stored story signatures to join.

    Returns the analysis and the comparison's story signatures (for the store).
    """
    per_doc = engine.extract(documents, options, progress)
    return compare_documents(documents, per_doc, options, prior, progress, rejected, engine=engine)


def compare_documents(
    documents: Sequence[Document],
    per_doc: Sequence[DocExtraction],
    options: Options = Options(),
    prior: Sequence[StorySignature] = (),
    progress: Progress = no_progress,
    rejected: Sequence[Rejected] = (),
    merged: Extraction | None = None,
    engine: Engine = LOCAL,
) -> tuple[Analysis, tuple[StorySignature, ...]]:
    """Canonicalise the documents' actors together and compare the documents.

    ``per_doc`` holds one ``DocExtraction`` per document, in the documents' order, fresh or read
    back from the store. Returns the analysis and the story signatures (for the store).
    """
    extraction = merged if merged is not None else extract_stage.merge(per_doc)
    # every document split into sentences once, for claims, the event-verb check and tone
    comparison = engine.compare(documents, extraction, prior, sentence_spans(documents), options, progress)
    # the second dating pass: documents compare dated from their story; their date
    # expressions and events are resolved again against those dates
    redated = {d.id: d for d in comparison.redated}
    extraction = extract_stage.redate(extraction, comparison.redated)
    analysis = Analysis(
        documents=tuple(redated.get(d.id, d) for d in documents),
        entities=extraction.entities,
        quotes=extraction.quotes,
        events=extraction.events,
        dates=extraction.dates,
        stories=comparison.stories,
        claims=comparison.claims,
        discrepancies=comparison.discrepancies,
        outlets=comparison.outlets,
        derivations=comparison.derivations,
        rejected=tuple(rejected),
    )
    return analysis, comparison.signatures


def profile_whole(documents: Sequence[Document], stories: Sequence[Story], claims: Sequence[Claim],
                  entities: Sequence[Entity], quotes: Sequence[Quote]) -> tuple[OutletProfile, ...]:
    """Every outlet's profile over the whole of a store (every document, story and claim), as
    one run over all of its documents would give it."""
    extraction = Extraction(entities=tuple(entities), quotes=tuple(quotes))
    return profile_outlets(documents, stories, claims, extraction, sentences=sentence_spans(documents))


def release_models() -> None:
    """Drop this process's cached models (spaCy pipelines, sentence encoders and their embedding
    caches) once a one-off run no longer needs them, so writing the outputs of a large run does
    not hold them too (the transformer alone is about 150 MB). A later call loads them again."""
    import gc

    from newsprism.compare.embeddings import encoders
    from newsprism.extract.nlp import load_nlp

    encoders._load.cache_clear()
    load_nlp.cache_clear()
    gc.collect()
