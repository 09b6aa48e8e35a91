"""What one running app holds: the store file behind a lock, the token checker, limits and jobs.

DuckDB is used through one connection at a time per app: read-only between writes, read-write
during one. Every read and write takes ``lock`` so an analysis saving its batch never
interleaves with a request reading; the slow part of an analysis (parsing, comparing) runs
outside the lock.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from fastapi import Request

from newsprism.api import auth
from newsprism.errors import StoreError, StoreLocked
from newsprism.model import Analysis, Document, StorySignature
from newsprism.store import TABLES, Regrown, SaveResult, Store

if TYPE_CHECKING:
    from newsprism.compare.embeddings import EncoderKind
    from newsprism.model import DocExtraction

T = TypeVar("T")
log = logging.getLogger("newsprism.api")

DEFAULT_MAX_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class ApiConfig:
    """Settings of one app. ``max_bytes`` bounds every request body (uploads included).

    ``host`` and ``port`` are where the server listens (``port`` None: any port), and
    ``allow_hosts`` the extra names a request's Host header may carry (see ``guards.HostCheck``).
    """

    model: str | None = None  # spaCy pipeline; None: the pipeline's default
    encoder: EncoderKind | None = None  # sentence encoder; None: the pipeline's default
    max_bytes: int = DEFAULT_MAX_BYTES
    max_articles: int = 500
    open_reads_on_loopback: bool = True
    host: str = "127.0.0.1"
    port: int | None = None
    allow_hosts: tuple[str, ...] = ()
    auth_failures: int = 10  # failed authentications a client may make at once ...
    auth_window_s: float = 60.0  # ... before it is refused (429) until its budget refills over this time
    lock_wait_s: float = 10.0  # how long to wait for another process to let go of the store file


@dataclass
class ApiState:
    """The store file, its lock, and decoded records cached until the next write through this app.

    Between writes the app holds a read-only connection, so other processes may read the file
    too (``newsprism export`` while the server runs). A write closes it, opens the file to write
    (waiting up to ``config.lock_wait_s`` for readers to let go), and reopens it read-only. While
    the read-only connection is held no other process can write, so clearing the cache whenever a
    connection is opened keeps it exact.
    """

    db: Path
    config: ApiConfig
    lock: threading.RLock = field(default_factory=threading.RLock)
    jobs: Any = None  # JobRunner, set by create_app
    tokens: auth.TokenChecker = field(init=False)
    _reader: Store | None = None
    _tables: dict[str, list[Any]] = field(default_factory=dict)
    _index: dict[str, dict[str, Any]] = field(default_factory=dict)
    _memo: dict[Any, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.tokens = auth.TokenChecker(auth.FailureLimiter(self.config.auth_failures, self.config.auth_window_s))

    def read(self, fn: Callable[[Store], T]) -> T:
        with self.lock:
            return fn(self._reading())

    def write(self, fn: Callable[[Store], T]) -> T:
        with self.lock:
            self.close()
            try:
                with open_store(self.db, read_only=False, wait_s=self.config.lock_wait_s) as store:
                    return fn(store)
            finally:
                try:
                    self._reading()  # at once: no other process may start writing in between
                except StoreError as exc:
                    log.warning("cannot reopen the store after a write (the next read retries): %s", exc)

    def close(self) -> None:
        with self.lock:
            if self._reader is not None:
                self._reader.close()
                self._reader = None

    def _reading(self) -> Store:
        if self._reader is None:
            self._reader = open_store(self.db, read_only=True, wait_s=self.config.lock_wait_s)
            self._tables.clear()
            self._index.clear()
            self._memo.clear()
        return self._reader

    def table(self, name: str) -> list[Any]:
        """Every record of ``name``, ordered by key, decoded once per write generation."""
        with self.lock:
            store = self._reading()
            if name not in self._tables:
                self._tables[name] = store.records(name)
            return self._tables[name]

    def by_key(self, name: str) -> dict[str, Any]:
        with self.lock:
            self._reading()
            if name not in self._index:
                key = TABLES[name][1]
                self._index[name] = {str(getattr(r, key)): r for r in self.table(name)}
            return self._index[name]

    def memo(self, key: Any, fn: Callable[[], T]) -> T:
        """``fn()`` computed once per write generation (for derived views such as report data)."""
        with self.lock:
            self._reading()
            if key not in self._memo:
                self._memo[key] = fn()
            value: T = self._memo[key]
            return value

    def token_hash(self) -> str | None:
        return self.memo("token-hash", lambda: self.read(lambda s: s.get_secret(auth.SECRET_NAME)))


def open_store(db: Path, read_only: bool, wait_s: float) -> Store:
    """``Store(db, read_only)``, retried while another process holds the file, for up to ``wait_s``."""
    deadline, pause = time.monotonic() + wait_s, 0.02
    while True:
        try:
            return Store(db, read_only=read_only)
        except StoreLocked:
            if time.monotonic() + pause > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.5)


class LockedStore:
    """The store calls an analysis makes, each under the app's lock: reads of the stored
    stories it may grow, then one save."""

    def __init__(self, state: ApiState) -> None:
        self._state = state

    def signatures(self) -> list[StorySignature]:
        return self._state.read(lambda s: s.signatures())

    def stories_of(self, doc_ids: Sequence[str]) -> list[str]:
        return self._state.read(lambda s: s.stories_of(doc_ids))

    def story_documents(self, story_ids: Sequence[str]) -> list[Document]:
        return self._state.read(lambda s: s.story_documents(story_ids))

    def extractions(self, doc_ids: Sequence[str]) -> dict[str, DocExtraction]:
        return self._state.read(lambda s: s.extractions(doc_ids))

    def load_analysis(self) -> Analysis:
        return self._state.read(lambda s: s.load_analysis())

    def save(self, analysis: Analysis, signatures: Iterable[StorySignature] = (),
             extractions: Sequence[DocExtraction] = (), regrown: Regrown | None = None) -> SaveResult:
        sigs = list(signatures)
        return self._state.write(lambda s: s.save(analysis, signatures=sigs, extractions=extractions,
                                                  regrown=regrown))


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
