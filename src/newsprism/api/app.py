"""The FastAPI application: API routes under /api/v1, the web UI at /, limits and headers.

``create_app(db, config)`` builds one app over one DuckDB file. The pure ASGI middlewares of
``guards`` wrap it: security headers on every answer (outermost), the Host check, the body limit.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from newsprism import __version__ as VERSION
from newsprism.api import routes_read, routes_write
from newsprism.api.docs import install_docs
from newsprism.api.guards import BodyLimit, HostCheck, SecurityHeaders
from newsprism.api.jobs import JobRunner, pipeline_analyse
from newsprism.api.openapi import install_openapi
from newsprism.api.problems import install_handlers
from newsprism.api.state import ApiConfig, ApiState

STATIC = Path(__file__).resolve().parents[1] / "web" / "static"


def create_app(db: str | Path, config: ApiConfig = ApiConfig()) -> FastAPI:
    """The app over the DuckDB file ``db`` (created with its tables if missing; see ``ApiState``)."""
    state = ApiState(db=Path(db), config=config)
    state.write(lambda _store: None)  # creates the file and its tables if missing
    state.jobs = JobRunner(pipeline_analyse(state))

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        state.jobs.shutdown()
        state.close()

    app = FastAPI(
        title="newsprism",
        version=VERSION,
        description="Many outlets' coverage of one event, cross-checked. Reads are open on loopback; "
        "writes need `Authorization: Bearer <token>` (printed once by `newsprism serve`; "
        "`newsprism token` replaces it).",
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
    install_openapi(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(BodyLimit, max_bytes=config.max_bytes)
    app.add_middleware(HostCheck, bound_host=config.host, port=config.port, allow=config.allow_hosts)
    app.add_middleware(SecurityHeaders)
    return app
