"""The FastAPI application: API routes under /api/v1, the web UI at /, limits and headers.

``create_app(store, config)`` builds one app over one open ``Store``. Two pure ASGI middlewares
wrap it: one bounds every request body (``config.max_bytes``, answered 413 problem+json), one
adds a strict Content-Security-Policy and other security headers to every response.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsprism import __version__ as VERSION
from newsprism.api import routes_read, routes_write
from newsprism.api.docs import DOCS_CSP, install_docs
from newsprism.api.jobs import JobRunner, pipeline_analyse
from newsprism.api.problems import Problem, install_handlers, problem_response
from newsprism.api.state import ApiConfig, ApiState
from newsprism.store import Store

STATIC = Path(__file__).resolve().parents[1] / "web" / "static"

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


class BodyTooLarge(Exception):
    pass


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


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        policy = DOCS_CSP if scope.get("path", "") == "/docs" else CSP

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [(b"content-security-policy", policy.encode())] + SECURITY_HEADERS
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)


def create_app(store: Store, config: ApiConfig = ApiConfig()) -> FastAPI:
    """The app over ``store`` (kept open by the caller; closed by whoever opened it)."""
    state = ApiState(store=store, config=config)
    state.jobs = JobRunner(pipeline_analyse(state))

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        state.jobs.shutdown()

    app = FastAPI(
        title="newsprism",
        version=VERSION,
        description="Many outlets' coverage of one event, cross-checked. Reads are open on loopback; "
        "writes need `Authorization: Bearer <token>` (printed once by `newsprism serve`).",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.newsprism = state
    install_handlers(app)
    app.include_router(routes_read.router)
    app.include_router(routes_write.router)

    @app.get("/api/v1/health", tags=["read"], summary="Liveness and version")
    def health() -> dict[str, Any]:
        return {"status": "ok", "version": VERSION}

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})

    install_docs(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(BodyLimit, max_bytes=config.max_bytes)
    app.add_middleware(SecurityHeaders)
    return app
