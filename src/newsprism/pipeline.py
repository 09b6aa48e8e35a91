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
from newsprism.extract.nlp import DEFAULT_MODEL, load_nlp
from newsprism.ingest.files import source_name
from newsprism.ingest.limits import DEFAULT_LIMITS, Limits
from newsprism.lang.sentences import sentence_spans
from newsprism.model import Analysis, Document, RawSource, Rejected, StorySignature

# progress(stage, advance, total): called with total set once per stage, then with advances
Progress = Callable[[str, int, int | None], None]


@dataclass(frozen=True, slots=True)
class Options:
    """The models an analysis loads: the spaCy pipeline (package name or path) and the kind of
    sentence encoder that aligns claims."""

    model: str = DEFAULT_MODEL
    encoder: EncoderKind = DEFAULT_KIND


@dataclass(frozen=True, slots=True)
class Ingested:
    documents: tuple[Document, ...]
    rejected: tuple[Rejected, ...]


def no_progress(stage: str, advance: int, total: int | None) -> None:
    """The default ``Progress``: reports nothing."""


def build_documents(items: Iterable[RawSource | Rejected], limits: Limits = DEFAULT_LIMITS) -> Ingested:
    """Clean each raw source into a Document; one per distinct content (same text = same id).

    An article that cannot be cleaned is rejected with the reason; it never costs the others."""
    docs: dict[str, Document] = {}
    rejected: list[Rejected] = []
    for item in items:
        if isinstance(item, Rejected):
            rejected.append(item)
            continue
        try:
            doc = ingest_stage.build_document(item, limits)
        except (Exception, RecursionError) as err:
            rejected.append(Rejected(source_name(item.source), f"could not be cleaned ({type(err).__name__}: "
                                                               f"{str(err)[:200]})"))
            continue
        docs.setdefault(doc.id, doc)
    return Ingested(tuple(docs.values()), tuple(rejected))


def ingest(paths: Sequence[str | Path], limits: Limits = DEFAULT_LIMITS) -> Ingested:
    return build_documents(ingest_stage.read_sources(paths, limits), limits)


def analyze_documents(
    documents: Sequence[Document],
    options: Options = Options(),
    prior: Sequence[StorySignature] = (),
    progress: Progress = no_progress,
    rejected: Sequence[Rejected] = (),
) -> tuple[Analysis, tuple[StorySignature, ...]]:
    """Extract and compare ``documents``; ``prior`` holds stored story signatures to join.

    Returns the analysis and the comparison's story signatures (for the store).
    """
    nlp = load_nlp(options.model)
    encoder = load_encoder(kind=options.encoder)
    progress("extract", 0, len(documents))
    extraction = extract_stage.extract(documents, nlp, progress=lambda n: progress("extract", n, None))
    progress("compare", 0, 1)
    # every document split into sentences once, for claims, the event-verb check and tone
    comparison = compare_stage.compare(documents, extraction, prior=prior,
                                       sentences=sentence_spans(documents), encoder=encoder)
    progress("compare", 1, None)
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
