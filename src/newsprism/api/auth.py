"""The write token: generated once, shown once, stored only as a salted scrypt hash.

Writes need ``Authorization: Bearer <token>``. Reads are open to loopback clients; a client on
another address needs the token for reads too (the server may be bound to a public address).
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets

from fastapi import Request

from newsprism.api.problems import Problem
from newsprism.store import Store

SECRET_NAME = "api_token_scrypt"
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


def _unauthorized(detail: str) -> Problem:
    return Problem(401, "unauthorized", detail, headers={"WWW-Authenticate": 'Bearer realm="newsprism"'})


def check_token(request: Request, stored_hash: str | None) -> None:
    """Raise a 401 problem unless the request carries the token whose hash is stored."""
    token = _bearer(request)
    if token is None:
        raise _unauthorized("this request needs the write token: send 'Authorization: Bearer <token>'")
    if stored_hash is None or not token_matches(token, stored_hash):
        raise _unauthorized("the token is not valid for this server")


def is_loopback(request: Request) -> bool:
    host = request.client.host if request.client else ""
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host in ("localhost", "testclient")
