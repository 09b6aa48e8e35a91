"""The OpenAPI docs page, served offline: Swagger UI from a pinned PyPI package, no CDN, no inline script.

FastAPI's default ``/docs`` is an inline script that loads Swagger UI from a CDN, so it renders
nothing without internet and needs a loose CSP. Here the Swagger UI 5 assets (``swagger-ui-bundle.js``,
``swagger-ui.css``; Apache-2.0, shipped inside ``fastapi-offline`` 1.7.7, MIT) are mounted at
``/docs/assets`` and the page's start-up code is our own file ``web/static/docs.js``, so the page's
CSP (``DOCS_CSP``) allows scripts from this origin only. ``swagger-ui-bundle`` 1.1.0 was not used:
it ships Swagger UI 4.15, which cannot render the OpenAPI 3.1 documents FastAPI writes.
"""

from __future__ import annotations

from pathlib import Path

import fastapi_offline
from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

SWAGGER_ASSETS = Path(fastapi_offline.__file__).resolve().parent / "static"

# Swagger UI sets element styles through the DOM (not restricted by CSP), so styles from this origin
# suffice; tests/test_web_docs.py fails on any CSP violation the page reports.
DOCS_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self' data:; form-action 'self'; base-uri 'none'; "
    "frame-ancestors 'none'; object-src 'none'"
)

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} API docs</title>
<link rel="icon" href="/docs/assets/favicon.png">
<link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
<div id="swagger-ui" data-openapi="{openapi}"></div>
<noscript>The interactive docs need JavaScript; the raw schema is at <a href="{openapi}">{openapi}</a>.</noscript>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/static/docs.js"></script>
</body>
</html>
"""


def install_docs(app: FastAPI, openapi_url: str = "/openapi.json") -> None:
    """Serve ``/docs`` (Swagger UI) from local files; ``app`` must be built with ``docs_url=None``."""
    page = PAGE.format(title=app.title, openapi=openapi_url)

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(page, headers={"Cache-Control": "no-cache"})

    app.mount("/docs/assets", StaticFiles(directory=SWAGGER_ASSETS), name="docs-assets")
