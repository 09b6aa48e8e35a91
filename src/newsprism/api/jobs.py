"""Analysis jobs: one background thread runs queued analyses one at a time, with progress.

A job analyses stored documents (``workflow.analyze_into_store``) and records its stage,
progress, the story ids it produced, or the error that stopped it. Jobs live in memory: a
restart forgets them, the stored analysis stays.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import uuid
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, cast

from newsprism.errors import NewsprismError
from newsprism.model import Document
from newsprism.store import Store

log = logging.getLogger("newsprism.api")

QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "error"


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


@dataclass
class Job:
    id: str
    documents: tuple[str, ...]
    state: str = QUEUED
    stage: str = "queued"
    done: int = 0
    total: int | None = None
    stories: tuple[str, ...] = ()
    error: str | None = None
    created: str = field(default_factory=_now)
    finished: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "state": self.state,
            "stage": self.stage,
            "progress": {"done": self.done, "total": self.total},
            "done": self.state in (DONE, FAILED),
            "error": self.error,
            "documents": list(self.documents),
            "stories": list(self.stories),
            "created": self.created,
            "finished": self.finished,
        }


# analyse(documents, progress) -> story ids; progress(stage, advance, total)
Analyse = Callable[[Sequence[Document], Callable[[str, int, int | None], None]], Sequence[str]]


class JobRunner:
    """Queues jobs on one worker thread (analyses share the NLP model and run in sequence)."""

    def __init__(self, analyse: Analyse) -> None:
        self._analyse = analyse
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsprism-job")

    def submit(self, documents: Sequence[Document]) -> dict[str, Any]:
        job = Job(id="job_" + uuid.uuid4().hex[:12], documents=tuple(d.id for d in documents))
        with self._lock:
            self._jobs[job.id] = job
        self._pool.submit(self._run, job, tuple(documents))
        return self.get(job.id) or {}

    def get(self, job_id: str) -> dict[str, Any] | None:
        with self._lock:
            job = self._jobs.get(job_id)
            return job.to_json() if job else None

    def all(self) -> list[dict[str, Any]]:
        with self._lock:
            return [j.to_json() for j in sorted(self._jobs.values(), key=lambda j: j.created, reverse=True)]

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)

    def _progress(self, job: Job) -> Callable[[str, int, int | None], None]:
        def report(stage: str, advance: int, total: int | None) -> None:
            with self._lock:
                if stage != job.stage:
                    job.stage, job.done, job.total = stage, 0, None
                if total is not None:
                    job.total = total
                job.done += advance
        return report

    def _run(self, job: Job, documents: tuple[Document, ...]) -> None:
        with self._lock:
            job.state, job.stage = RUNNING, "starting"
        try:
            stories = self._analyse(documents, self._progress(job))
        except NewsprismError as exc:
            self._finish(job, FAILED, error=str(exc))
        except Exception as exc:  # a job must record any failure, never die silently
            log.exception("analysis job %s failed", job.id)
            self._finish(job, FAILED, error=f"{type(exc).__name__}: {exc}")
        else:
            self._finish(job, DONE, stories=tuple(stories))

    def _finish(self, job: Job, state: str, error: str | None = None, stories: tuple[str, ...] = ()) -> None:
        with self._lock:
            job.state, job.error, job.stories, job.finished = state, error, stories, _now()
            job.stage = "done" if state == DONE else "failed"


def pipeline_analyse(state: Any) -> Analyse:
    """The real analysis: extract + compare + save, through the app's locked store."""
    from newsprism.api.state import LockedStore

    def analyse(documents: Sequence[Document], progress: Callable[[str, int, int | None], None]) -> list[str]:
        from newsprism.pipeline import Options
        from newsprism.workflow import analyze_into_store

        config, default = state.config, Options()
        options = Options(model=config.model or default.model, encoder=config.encoder or default.encoder)
        analysis = analyze_into_store(documents, cast(Store, LockedStore(state)), options, progress=progress)
        return [s.id for s in analysis.stories]

    return analyse
