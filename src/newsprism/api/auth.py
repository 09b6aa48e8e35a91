"""The write token: generated once, shown once, stored only as a salted scrypt hash.

Writes need ``Authorization: Bearer <token>``. Reads are open to loopback clients; a client on
another address needs the token for reads too (the server may be bound to a public address).
``TokenChecker`` refuses junk cheaply and limits failed attempts per client (``FailureLimiter``).
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import math
import re
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable

from fastapi import Request

from newsprism.api.problems import Problem
from newsprism.store import Store

SECRET_NAME = "api_token_scrypt"
TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{43}")  # what secrets.token_urlsafe(32) gives
_N, _R, _P = 2**14, 8, 1


def hash_token(token: str, salt: bytes | None = None) -> str:
    """``scrypt$<salt hex>$<hash hex>`` for ``token`` (a fresh random salt unless given)."""
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = hashlib.scrypt(token.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${salt.hex()}${digest.hex()}"


def token_matches(token: str, stored: str) -> bool:
    try:
        scheme, salt_hex, _digest = stored.split("$")
        salt = bytes.fromhex(salt_hex)
    except ValueError:
        return False
    return scheme == "scrypt" and hmac.compare_digest(hash_token(token, salt), stored)


def issue_token(store: Store) -> str:
    """Make a new token, store its hash (replacing any old one) and return the token itself."""
    token = secrets.token_urlsafe(32)
    store.set_secret(SECRET_NAME, hash_token(token))
    return token


def ensure_token(store: Store) -> str | None:
    """A new token if the store has none yet (to be shown once), else None."""
    return issue_token(store) if store.get_secret(SECRET_NAME) is None else None


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


HOW_TO_GET = (
    "`newsprism serve` prints the write token once, the first time it starts over a database; "
    "to make a new one (the old one then stops working), stop the server and run "
    "`newsprism token --db <database file>`. Send it with every write request in the header "
    "'Authorization: Bearer <token>'."
)
MISSING = "This request needs the server's write token, and none was sent. " + HOW_TO_GET
INVALID = ("The token is not valid for this server: it is not the write token, or it was replaced "
           "by a newer one. " + HOW_TO_GET)


def _unauthorized(detail: str) -> Problem:
    return Problem(401, "unauthorized", detail, headers={"WWW-Authenticate": 'Bearer realm="newsprism"'})


class FailureLimiter:
    """Failed authentications per client address, as token buckets.

    A client may fail ``burst`` times in a row, then once more every ``window_s / burst`` seconds;
    until then it is refused (429) before any token is looked at. At most ``max_clients``
    addresses are remembered (the least recently failing are forgotten first).
    """

    def __init__(self, burst: int = 10, window_s: float = 60.0, max_clients: int = 10_000,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.burst, self.rate, self.max_clients, self.clock = burst, burst / window_s, max_clients, clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()  # client -> (level, when)
        self._lock = threading.Lock()

    def _level(self, client: str, now: float) -> float:
        level, when = self._buckets.get(client, (float(self.burst), now))
        return min(float(self.burst), level + (now - when) * self.rate)

    def wait(self, client: str) -> float:
        """Seconds before ``client`` may try again (0: now)."""
        with self._lock:
            level = self._level(client, self.clock())
        return 0.0 if level >= 1 else (1 - level) / self.rate

    def failed(self, client: str) -> None:
        with self._lock:
            now = self.clock()
            self._buckets[client] = (self._level(client, now) - 1, now)
            self._buckets.move_to_end(client)
            while len(self._buckets) > self.max_clients:
                self._buckets.popitem(last=False)


class TokenChecker:
    """Checks Bearer tokens, paying for scrypt only when it must.

    In order: a client over its failure budget is refused (429, with Retry-After); a token that
    is not shaped like one ``issue_token`` makes is refused without hashing; a token that matched
    before is recognised by a keyed SHA-256 held in memory (key random per process); anything
    else is checked against the stored scrypt hash. Every refusal counts as a failure.
    """

    def __init__(self, limiter: FailureLimiter) -> None:
        self.limiter = limiter
        self._key = secrets.token_bytes(32)
        self._known: dict[str, bytes] = {}  # stored hash -> keyed digest of the token that matched it
        self._lock = threading.Lock()

    def check(self, request: Request, stored_hash: Callable[[], str | None]) -> None:
        """Raise a 429 or 401 problem unless the request carries the token whose hash is stored."""
        client = request.client.host if request.client else "unknown"
        wait = self.limiter.wait(client)
        if wait > 0:
            seconds = str(math.ceil(wait))
            raise Problem(429, "too-many-failures",
                          f"too many failed authentications from this address; try again in {seconds} s",
                          headers={"Retry-After": seconds})
        token = _bearer(request)
        if token is None:
            self.limiter.failed(client)
            raise _unauthorized(MISSING)
        if not self._matches(token, stored_hash()):
            self.limiter.failed(client)
            raise _unauthorized(INVALID)

    def _matches(self, token: str, stored: str | None) -> bool:
        if stored is None or not TOKEN_SHAPE.fullmatch(token):
            return False
        digest = hmac.new(self._key, token.encode("ascii"), hashlib.sha256).digest()
        with self._lock:
            known = self._known.get(stored)
        if known is not None and hmac.compare_digest(known, digest):
            return True
        if not token_matches(token, stored):
            return False
        with self._lock:
            self._known = {stored: digest}
        return True


def is_loopback(request: Request) -> bool:
    host = request.client.host if request.client else ""
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host in ("localhost", "testclient")
