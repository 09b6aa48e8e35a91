"""What one running app holds: the store behind a lock, the token hash, limits and jobs.

DuckDB is used through one connection per app. Every read and write takes ``lock`` so an
analysis saving its batch never interleaves with a request reading the same connection; the
slow part of an analysis (parsing, comparing) runs outside the lock.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from fastapi import Request

from newsprism.api import auth
from newsprism.model import Analysis
from newsprism.store import SaveResult, Store

T = TypeVar("T")

DEFAULT_MAX_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class ApiConfig:
    """Settings of one app. ``max_bytes`` bounds every request body (uploads included)."""

    model: str | None = None  # spaCy pipeline; None: the pipeline's default
    max_bytes: int = DEFAULT_MAX_BYTES
    max_articles: int = 500
    open_reads_on_loopback: bool = True


@dataclass
class ApiState:
    store: Store
    config: ApiConfig
    lock: threading.RLock = field(default_factory=threading.RLock)
    jobs: Any = None  # JobRunner, set by create_app

    def read(self, fn: Callable[[Store], T]) -> T:
        with self.lock:
            return fn(self.store)

    def token_hash(self) -> str | None:
        return self.read(lambda s: s.get_secret(auth.SECRET_NAME))


class LockedStore:
    """The two store calls an analysis makes, each under the app's lock."""

    def __init__(self, state: ApiState) -> None:
        self._state = state

    def signatures(self) -> list[Any]:
        return self._state.read(lambda s: s.signatures())

    def save(self, analysis: Analysis, signatures: Iterable[tuple[str, Any]] = ()) -> SaveResult:
        sigs = list(signatures)
        return self._state.read(lambda s: s.save(analysis, signatures=sigs))


def state_of(request: Request) -> ApiState:
    state: ApiState = request.app.state.newsprism
    return state


def require_write(request: Request) -> None:
    """Dependency for every write route: the Bearer token must match the stored hash."""
    auth.check_token(request, state_of(request).token_hash())


def require_read(request: Request) -> None:
    """Dependency for read routes: open on loopback, token elsewhere."""
    state = state_of(request)
    if state.config.open_reads_on_loopback and auth.is_loopback(request):
        return
    auth.check_token(request, state.token_hash())
