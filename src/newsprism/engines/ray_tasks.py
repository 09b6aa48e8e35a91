"""What the ray engine's tasks and actors run, in a module of its own: a Ray worker imports the
module of the function it is given, and this one imports only the ingest stage at first (about
0.2 s), so the workers that read and clean start without loading spaCy (about 3.5 s more per
process through the pipeline module); the extract actors and compare tasks import what they
need when they first run."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from newsprism.ingest import clean_source
from newsprism.ingest.limits import Limits
from newsprism.ingest.readers import Item, guarded
from newsprism.model import DocExtraction, Document, Rejected

if TYPE_CHECKING:
    from newsprism.compare import PartResult, StoryPart


def read_files(files: Sequence[tuple[Path, str]], limits: Limits) -> list[list[Item]]:
    """Each file's items (articles or rejections), as ``read_sources`` yields them: (absolute
    path, the name the path was given by) per file, since a worker's folder is not the driver's."""
    return [list(guarded(path, limits, source)) for path, source in files]


def clean_items(items: Sequence[Item], limits: Limits) -> list[Document | Rejected]:
    return [clean_source(item, limits) for item in items]


def compare_part(part: StoryPart, encoder_kind: str, verifier_kind: str = "transformer") -> PartResult:
    from newsprism import compare as compare_stage
    from newsprism.compare.embeddings import load_encoder  # cached: one load per worker process

    return compare_stage.compare_part(part, load_encoder(kind=encoder_kind), load_encoder(kind=verifier_kind))


class Extractor:
    """An extract worker: loads the spaCy pipeline once, then parses batch after batch."""

    def __init__(self, model: str) -> None:
        from newsprism.extract.nlp import load_nlp

        # a model that cannot load is raised by ``extract``, as the error it is (an actor whose
        # creation fails reaches the driver only as "the actor died")
        self.failed: Exception | None = None
        try:
            self.nlp = load_nlp(model)
        except Exception as err:
            self.failed = err

    def extract(self, index: int, documents: Sequence[Document]) -> tuple[int, tuple[DocExtraction, ...]]:
        from newsprism.extract import extract_each

        if self.failed is not None:
            raise self.failed
        return index, extract_each(documents, self.nlp)
