"""The ray engine: the pipeline's own stage functions, spread over the processes of a Ray cluster.

* read: the driver lists the input files (``ingest.readers.input_files``); tasks read chunks of
  them (``guarded``: HTML extraction included), so every node must see the inputs at the same
  path (or the cluster is one machine);
* clean: tasks clean chunks of the raw articles (``ingest.clean_source``); the driver keeps the first
  document of each content and the rejected inputs in input order (``pipeline.collect``);
* extract: a pool of actors (``ray_tasks.Extractor``), each loading the spaCy pipeline once, parses
  batches of documents (``extract.extract_each``); results come back in document order;
* compare: the driver finds the stories and the copies over every document
  (``compare.prepare``), cuts the stories into parts of about equal cost (``compare.parts``),
  tasks compare the parts (``compare.compare_part``, each worker loading the sentence encoder
  once per process), and the driver puts them back in story order and profiles the outlets
  (``compare.assemble``).

The store is never touched here: ``workflow.analyze_into_store`` reads it and writes it in the
driver, as with the local engine, so the analysis is the same, ids included. Ray is imported
only when this engine is asked for (``import_ray``). What the workers run is in ``ray_tasks``,
a module that imports only the ingest stage, so reading and cleaning start without spaCy.
"""

from __future__ import annotations

import logging
import math
import os
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache, partial
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from newsprism import compare as compare_stage
from newsprism.engines import ray_tasks
from newsprism.errors import ConfigError, NewsprismError
from newsprism.ingest.files import source_name
from newsprism.ingest.limits import Limits
from newsprism.ingest.readers import Item, input_files
from newsprism.lang.sentences import SentenceSpans
from newsprism.model import Comparison, DocExtraction, Document, Extraction, Rejected, StorySignature
from newsprism.pipeline import Engine, Ingested, Options, Progress, collect

INSTALL_HINT = ('the ray engine needs Ray, which is not installed: pip install "newsprism[ray]" '
                '(or pip install "ray[data]==2.60.0")')
PARTS_PER_WORKER = 4  # work cut finer than the workers, so one slow chunk does not idle the rest
MAX_FILES_PER_TASK = 64
MAX_ARTICLES_PER_TASK = 32
MAX_DOCS_PER_BATCH = 6  # documents an extract actor parses per call: small, so the workers finish together


class EngineUnavailable(ConfigError):
    """The engine cannot run here (its package is missing, or the cluster cannot be joined)."""


def import_ray() -> Any:
    try:
        import ray
    except ImportError as err:
        raise EngineUnavailable(INSTALL_HINT) from err
    return ray


@contextmanager
def ray_engine(address: str | None = None, workers: int | None = None) -> Iterator[Engine]:
    """The ray engine for the length of the block. Without ``address`` a local Ray is started
    with ``workers`` CPUs (default: this machine's); with it, the cluster there is joined and
    ``workers`` (default: the cluster's CPUs) is how many extract actors run. A Ray this process
    started is shut down at the end."""
    ray = import_ray()
    started = False
    if not ray.is_initialized():
        quiet = {"include_dashboard": False, "log_to_driver": False, "logging_level": logging.ERROR}
        try:
            if address:
                ray.init(address=address, **quiet)
            else:
                # "local": a new Ray of our own, even where `ray start` left one running
                ray.init(address="local", num_cpus=workers or os.cpu_count() or 1, **quiet)
        except Exception as err:  # Ray raises ConnectionError, RuntimeError, ValueError ...
            where = f"join the Ray cluster at {address}" if address else "start a local Ray"
            raise EngineUnavailable(f"cannot {where}: {_first_line(err)}") from err
        started = True
    try:
        n = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
        yield Engine("ray", partial(ray_ingest, n), partial(ray_extract, n), partial(ray_compare, n))
    finally:
        if started:
            ray.shutdown()


# --- the work each task or actor does: ``ray_tasks`` (a light module for the workers to import) ---

@lru_cache(maxsize=1)
def _remote() -> SimpleNamespace:
    ray = import_ray()
    one_cpu = ray.remote(num_cpus=1)
    return SimpleNamespace(ray=ray, read=one_cpu(ray_tasks.read_files), clean=one_cpu(ray_tasks.clean_items),
                           compare=one_cpu(ray_tasks.compare_part), Extractor=one_cpu(ray_tasks.Extractor))


# --- the stages, as the driver runs them ---------------------------------------------------------

def ray_ingest(workers: int, paths: Sequence[str | Path], limits: Limits, progress: Progress) -> Ingested:
    """Read and clean every input on the cluster; the same documents and rejections, in the same
    order, as ``pipeline.ingest``."""
    r = _remote()
    listed = list(input_files(paths))
    files = [(p.absolute(), source_name(p)) for p in listed if not isinstance(p, Rejected)]
    chunks = _chunks(files, _chunk_size(len(files), workers, MAX_FILES_PER_TASK))
    progress("read", 0, len(files))
    read = _gather(r.ray, [r.read.remote(c, limits) for c in chunks], [len(c) for c in chunks],
                   lambda n: progress("read", n, None))
    per_file = iter(items for chunk in read for items in chunk)
    raw: list[Item] = []
    for entry in listed:
        raw.extend([entry] if isinstance(entry, Rejected) else next(per_file))
    chunks_raw = _chunks(raw, _chunk_size(len(raw), workers, MAX_ARTICLES_PER_TASK))
    progress("clean", 0, len(raw))
    cleaned = _gather(r.ray, [r.clean.remote(c, limits) for c in chunks_raw], [len(c) for c in chunks_raw],
                      lambda n: progress("clean", n, None))
    return collect(item for chunk in cleaned for item in chunk)


def ray_extract(workers: int, documents: Sequence[Document], options: Options,
                progress: Progress) -> tuple[DocExtraction, ...]:
    """``pipeline.extract_documents`` on a pool of ``workers`` actors, each loading the model once."""
    progress("extract", 0, len(documents))
    if not documents:
        return ()
    r = _remote()
    batches = _chunks(list(documents), _chunk_size(len(documents), workers, MAX_DOCS_PER_BATCH))
    actors = [r.Extractor.remote(options.model) for _ in range(min(workers, len(batches)))]
    try:
        from ray.util import ActorPool

        out: list[tuple[DocExtraction, ...] | None] = [None] * len(batches)
        pool = ActorPool(actors)
        jobs = pool.map_unordered(lambda actor, job: actor.extract.remote(*job), list(enumerate(batches)))
        for index, extracted in _unwrapped(jobs):
            out[index] = extracted
            progress("extract", len(extracted), None)
    finally:
        for actor in actors:  # the CPUs go back to the compare tasks
            r.ray.kill(actor)
    return tuple(e for batch in out for e in batch or ())


def ray_compare(workers: int, documents: Sequence[Document], extraction: Extraction,
                prior: Sequence[StorySignature], sentences: SentenceSpans, options: Options,
                progress: Progress) -> Comparison:
    """``compare.compare`` with the stories' parts compared on the cluster."""
    r = _remote()
    prepared = compare_stage.prepare(documents, extraction, prior)
    docs = prepared.documents  # those the story dating pass dated in place
    sizes = part_sizes([len(s.documents) for s in prepared.stories], workers * PARTS_PER_WORKER)
    parts = compare_stage.parts(docs, extraction, prepared, sentences, sizes)
    progress("compare", 0, len(parts))
    results = _gather(r.ray, [r.compare.remote(p, options.encoder, options.verifier) for p in parts], [1] * len(parts),
                      lambda n: progress("compare", n, None))
    return compare_stage.assemble(docs, extraction, prepared, results, sentences)


def part_sizes(story_sizes: Sequence[int], parts: int) -> list[int]:
    """Consecutive runs of stories (their counts) of about equal cost; a story of n documents
    costs about n * n (its claims are aligned and checked pair by pair). Always one part at least."""
    weights = [max(n, 1) ** 2 for n in story_sizes]
    budget = sum(weights) / max(parts, 1)
    sizes: list[int] = []
    run, cost = 0, 0
    for w in weights:
        run, cost = run + 1, cost + w
        if cost >= budget:
            sizes.append(run)
            run, cost = 0, 0
    if run or not sizes:
        sizes.append(run)
    return sizes


def _chunk_size(count: int, workers: int, most: int) -> int:
    return max(1, min(most, math.ceil(count / max(1, workers * PARTS_PER_WORKER))))


def _chunks(items: Sequence[Any], size: int) -> list[list[Any]]:
    return [list(items[i:i + size]) for i in range(0, len(items), size)]


def _gather(ray: Any, refs: Sequence[Any], sizes: Sequence[int], advance: Callable[[int], None]) -> list[Any]:
    """The refs' results in their order, ``advance``-ing by each one's size as it finishes."""
    results: list[Any] = [None] * len(refs)
    pending = {ref: i for i, ref in enumerate(refs)}
    while pending:
        done, _ = ray.wait(list(pending), num_returns=1)
        for ref in done:
            i = pending.pop(ref)
            results[i] = _get(ray, ref)
            advance(sizes[i])
    return results


def _get(ray: Any, ref: Any) -> Any:
    return next(_unwrapped(iter([ref]), ray))


def _unwrapped(results: Iterator[Any], ray: Any = None) -> Iterator[Any]:
    """Results, with a failure on a worker raised here as the error it was (a NewsprismError
    stays one; anything else names the engine)."""
    ray = ray or import_ray()
    while True:
        try:
            item = next(results)
            yield ray.get(item) if isinstance(item, ray.ObjectRef) else item
        except StopIteration:
            return
        except ray.exceptions.RayTaskError as err:
            cause = getattr(err, "cause", None)
            if isinstance(cause, NewsprismError):
                raise cause from None
            raise NewsprismError(f"the ray engine failed: {_first_line(cause or err)}") from err
        except ray.exceptions.RayError as err:
            raise NewsprismError(f"the ray engine failed: {_first_line(err)}") from err


def _first_line(err: BaseException) -> str:
    text = re.sub(r"\x1b\[[0-9;]*m", "", str(err)).strip()  # Ray colours its task names
    return f"{type(err).__name__}: {text.splitlines()[0] if text else ''}".rstrip(": ")
