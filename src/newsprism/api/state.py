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
from newsprism.store import TABLES, SaveResult, Store

T = TypeVar("T")

DEFAULT_MAX_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class ApiConfig:
    """Settings of one app. ``max_bytes`` bounds every request body (uploads included).

    ``host`` and ``port`` are where the server listens (``port`` None: any port), and
    ``allow_hosts`` the extra names a request's Host header may carry (see ``guards.HostCheck``).
    """

    model: str | None = None  # spaCy pipeline; None: the pipeline's default
    max_bytes: int = DEFAULT_MAX_BYTES
    max_articles: int = 500
    open_reads_on_loopback: bool = True
    host: str = "127.0.0.1"
    port: int | None = None
    allow_hosts: tuple[str, ...] = ()
    auth_failures: int = 10  # failed authentications a client may make at once ...
    auth_window_s: float = 60.0  # ... before it is refused (429) until its budget refills over this time


@dataclass
class ApiState:
    """The store, its lock, and decoded records cached until the next write through this app.

    The server's connection is the only writer of the file (DuckDB locks it for one process), so
    clearing the cache on every write we make keeps it exact.
    """

    store: Store
    config: ApiConfig
    lock: threading.RLock = field(default_factory=threading.RLock)
    jobs: Any = None  # JobRunner, set by create_app
    tokens: auth.TokenChecker = field(init=False)
    _tables: dict[str, list[Any]] = field(default_factory=dict)
    _index: dict[str, dict[str, Any]] = field(default_factory=dict)
    _memo: dict[Any, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.tokens = auth.TokenChecker(auth.FailureLimiter(self.config.auth_failures, self.config.auth_window_s))

    def read(self, fn: Callable[[Store], T]) -> T:
        with self.lock:
            return fn(self.store)

    def write(self, fn: Callable[[Store], T]) -> T:
        with self.lock:
            try:
                return fn(self.store)
            finally:
                self._tables.clear()
                self._index.clear()
                self._memo.clear()

    def table(self, name: str) -> list[Any]:
        """Every record of ``name``, ordered by key, decoded once per write generation."""
        with self.lock:
            if name not in self._tables:
                self._tables[name] = self.store.records(name)
            return self._tables[name]

    def by_key(self, name: str) -> dict[str, Any]:
        with self.lock:
            if name not in self._index:
                key = TABLES[name][1]
                self._index[name] = {str(getattr(r, key)): r for r in self.table(name)}
            return self._index[name]

    def memo(self, key: Any, fn: Callable[[], T]) -> T:
        """``fn()`` computed once per write generation (for derived views such as report data)."""
        with self.lock:
            if key not in self._memo:
                self._memo[key] = fn()
            value: T = self._memo[key]
            return value

    def token_hash(self) -> str | None:
        return self.memo("token-hash", lambda: self.read(lambda s: s.get_secret(auth.SECRET_NAME)))


class LockedStore:
    """The two store calls an analysis makes, each under the app's lock."""

    def __init__(self, state: ApiState) -> None:
        self._state = state

    def signatures(self) -> list[Any]:
        return self._state.read(lambda s: s.signatures())

    def save(self, analysis: Analysis, signatures: Iterable[tuple[str, Any]] = ()) -> SaveResult:
        sigs = list(signatures)
        return self._state.write(lambda s: s.save(analysis, signatures=sigs))


def state_of(request: Request) -> ApiState:
    state: ApiState = request.app.state.newsprism
    return state


def require_write(request: Request) -> None:
    """Dependency for every write route: the Bearer token must match the stored hash."""
    state = state_of(request)
    state.tokens.check(request, state.token_hash)


def require_read(request: Request) -> None:
    """Dependency for read routes: open on loopback, token elsewhere."""
    state = state_of(request)
    if state.config.open_reads_on_loopback and auth.is_loopback(request):
        return
    state.tokens.check(request, state.token_hash)
