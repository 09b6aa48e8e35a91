"""The ASGI middlewares around the app, outermost first.

* ``SecurityHeaders``: a strict Content-Security-Policy and the other security headers on every
  answer, including the last-resort 500 it sends itself when anything inside raises.
* ``HostCheck``: refuses a ``Host`` header that does not name this server (421), so a page on
  another site cannot reach the API through DNS rebinding.
* ``BodyLimit``: refuses bodies over ``max_bytes`` (413), early by Content-Length, else while streaming.

Every refusal is an ``application/problem+json`` answer (``problems``).
"""

from __future__ import annotations

import ipaddress
import logging
from collections.abc import Iterable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsprism.api.docs import DOCS_CSP
from newsprism.api.problems import Problem, internal_error, problem_response

log = logging.getLogger("newsprism.api")

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'; object-src 'none'"
)
SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")
WILDCARD_BINDS = ("0.0.0.0", "::", "")


class SecurityHeaders:
    """Adds the security headers to every HTTP answer; answers 500 itself if the app raises."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        policy = DOCS_CSP if scope.get("path", "") == "/docs" else CSP
        started = False

        async def with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = list(message.get("headers", []))
                headers += [(b"content-security-policy", policy.encode())] + SECURITY_HEADERS
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, with_headers)
        except Exception as exc:
            if started:
                raise
            if isinstance(exc, Problem):
                response = problem_response(exc.status, exc.kind, exc.detail, scope.get("path"), exc.errors,
                                            exc.headers)
            else:
                log.exception("unexpected error on %s", scope.get("path"), exc_info=exc)
                response = internal_error(scope.get("path"))
            await response(scope, receive, with_headers)


def host_name(value: str) -> tuple[str, int | None] | None:
    """``(name, port)`` of a Host header value (name lowercased, IPv6 without brackets); None if malformed."""
    value = value.strip().lower()
    if value.startswith("["):
        name, bracket, rest = value[1:].partition("]")
        if not bracket or (rest and not rest.startswith(":")):
            return None
        port_text = rest[1:] if rest else None
    else:
        name, colon, port_text = value.partition(":")
        port_text = port_text if colon else None
        if ":" in (port_text or ""):
            return None
    if not name:
        return None
    if port_text is None:
        return name, None
    if not (port_text.isascii() and port_text.isdigit() and len(port_text) <= 5):
        return None
    return name, int(port_text)


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


class HostCheck:
    """Answers 421 unless the ``Host`` header names this server.

    Accepted: the loopback names (127.0.0.1, localhost, [::1]) and the bound address, each with
    the bound port (or no port), and every name in ``allow`` with any port (``"*"`` turns the
    check off, e.g. behind a reverse proxy that checks Host itself). A server bound to a wildcard
    address (0.0.0.0, ::) also accepts any IP address: DNS rebinding needs a host name.
    """

    def __init__(self, app: ASGIApp, bound_host: str, port: int | None, allow: Iterable[str] = ()) -> None:
        self.app, self.port = app, port
        bound = bound_host.strip("[]").lower()
        self.wildcard = bound in WILDCARD_BINDS
        self.names = {n for n in (*LOOPBACK_NAMES, bound) if n and n not in WILDCARD_BINDS}
        self.allow = {a.strip().strip("[]").lower() for a in allow if a.strip()}

    def allowed(self, header: str | None) -> bool:
        if "*" in self.allow:
            return True
        parsed = host_name(header) if header else None
        if parsed is None:
            return False
        name, port = parsed
        if name in self.allow:
            return True
        if port is not None and self.port is not None and port != self.port:
            return False
        return name in self.names or (self.wildcard and _is_ip(name))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        header = next((v.decode("latin-1") for k, v in scope["headers"] if k == b"host"), None)
        if self.allowed(header):
            await self.app(scope, receive, send)
            return
        response = problem_response(
            421, "misdirected-request",
            f"this server does not answer for the host {header!r}; use its own address "
            "(or start it with --allow-host NAME)", scope.get("path"))
        await response(scope, receive, send)


class BodyLimit:
    """Refuses bodies over ``max_bytes``: early by Content-Length, else while streaming."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            response = problem_response(413, "too-large", self._detail(), scope.get("path"))
            await response(scope, receive, send)
            return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_bytes:
                raise Problem(413, "too-large", self._detail())
            return message

        await self.app(scope, limited, send)

    def _detail(self) -> str:
        return f"the request body is larger than the limit of {self.max_bytes} bytes"
