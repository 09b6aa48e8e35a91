"""RFC 9457 problem details: the one error shape every API failure answers with.

Routes raise ``Problem``; the handlers installed by ``install_handlers`` turn it, FastAPI's
validation errors, HTTP errors and our ``NewsprismError`` tree into ``application/problem+json``.
Anything else that escapes a route is answered 500 by ``guards.SecurityHeaders`` (``internal_error``),
so even that answer carries the security headers.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsprism.errors import InputError, NewsprismError, StoreError

PROBLEM_TYPE = "application/problem+json"
TYPE_BASE = "https://newsprism.invalid/problems/"
log = logging.getLogger("newsprism.api")

TITLES = {
    400: "Bad request",
    401: "Authentication required",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    409: "Conflict",
    413: "Content too large",
    415: "Unsupported media type",
    421: "Misdirected request",
    422: "Unprocessable content",
    429: "Too many requests",
    500: "Internal server error",
    503: "Service unavailable",
}


class Problem(Exception):
    """An error answer: status, a short machine ``kind`` and a human ``detail``.

    ``errors`` lists what exactly was wrong (e.g. one entry per rejected article).
    """

    def __init__(
        self,
        status: int,
        kind: str,
        detail: str,
        errors: list[dict[str, Any]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.kind = kind
        self.detail = detail
        self.errors = errors or []
        self.headers = headers or {}


class ProblemJSON(JSONResponse):
    """A problem body as ASCII JSON: text echoed from a request (even a lone surrogate) always encodes."""

    media_type = PROBLEM_TYPE

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=True, separators=(",", ":")).encode("ascii")


def problem_response(
    status: int,
    kind: str,
    detail: str,
    instance: str | None = None,
    errors: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body: dict[str, Any] = {
        "type": TYPE_BASE + kind,
        "title": TITLES.get(status, "Error"),
        "status": status,
        "detail": detail,
    }
    if instance:
        body["instance"] = instance
    if errors:
        body["errors"] = errors
    return ProblemJSON(body, status_code=status, headers=headers)


async def _on_problem(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, Problem)
    return problem_response(exc.status, exc.kind, exc.detail, request.url.path, exc.errors, exc.headers)


async def _on_validation(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [
        {"pointer": "/" + "/".join(str(p) for p in e.get("loc", ())), "reason": str(e.get("msg", ""))}
        for e in exc.errors()
    ]
    detail = "; ".join(f"{e['pointer']}: {e['reason']}" for e in errors) or "invalid request"
    return problem_response(422, "invalid-request", detail, request.url.path, errors)


async def _on_http(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    kind = {404: "not-found", 405: "method-not-allowed"}.get(exc.status_code, "http-error")
    detail = exc.detail if isinstance(exc.detail, str) else TITLES.get(exc.status_code, "error")
    return problem_response(exc.status_code, kind, detail, request.url.path, headers=exc.headers)


async def _on_newsprism(request: Request, exc: Exception) -> JSONResponse:
    if isinstance(exc, InputError):
        return problem_response(422, "bad-input", str(exc), request.url.path,
                                [{"item": exc.source, "reason": exc.reason}])
    if isinstance(exc, StoreError):
        log.error("store error: %s", exc)
        return problem_response(503, "store-error", "the database could not be read or written",
                                request.url.path)
    return problem_response(400, "newsprism-error", str(exc), request.url.path)


def internal_error(instance: str | None) -> JSONResponse:
    """The last-resort answer to an unexpected exception (sent by ``guards.SecurityHeaders``)."""
    return problem_response(500, "internal", "unexpected server error; see the server log", instance)


def install_handlers(app: FastAPI) -> None:
    app.add_exception_handler(Problem, _on_problem)
    app.add_exception_handler(RequestValidationError, _on_validation)
    app.add_exception_handler(StarletteHTTPException, _on_http)
    app.add_exception_handler(NewsprismError, _on_newsprism)
