"""What /openapi.json says beyond what FastAPI derives from the routes, so that it stays true.

* ``Problem``: the RFC 9457 body of every error answer, as a component schema. Routes declare
  the error statuses they answer with ``problem_responses``; ``install_openapi`` turns FastAPI's
  own 422 (``HTTPValidationError`` as application/json, which this API never sends) into a
  Problem, and adds 421 (the Host check in ``guards``) to every operation.
* ``Article``: one article as JSON; it needs a non-blank ``text`` or ``html`` (anyOf).

tests/test_api_contract.py checks real answers against this document.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

from newsprism.api.problems import PROBLEM_TYPE, TITLES

PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}
ARTICLE_REF = {"$ref": "#/components/schemas/Article"}

PROBLEM_SCHEMA: dict[str, Any] = {
    "title": "Problem",
    "description": "RFC 9457 problem details, sent as application/problem+json.",
    "type": "object",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string", "format": "uri", "description": "identifies the kind of problem"},
        "title": {"type": "string", "description": "the status in words"},
        "status": {"type": "integer", "minimum": 400, "maximum": 599},
        "detail": {"type": "string", "description": "what exactly was wrong, for a person"},
        "instance": {"type": "string", "description": "the request path"},
        "errors": {
            "type": "array",
            "description": "one entry per rejected part: a JSON pointer or an item (file, line) and a reason",
            "items": {"type": "object", "required": ["reason"], "properties": {
                "pointer": {"type": "string"}, "item": {"type": "string"}, "line": {"type": "integer"},
                "reason": {"type": "string"}}},
        },
    },
}

_TEXT = {"type": "string", "pattern": r"\S"}
_OPTIONAL = {"type": ["string", "null"]}
ARTICLE_SCHEMA: dict[str, Any] = {
    "title": "Article",
    "description": "One article: a non-blank `text` or `html` (or both), optional metadata. "
                   "Other fields are passed to the JSON Lines reader (e.g. `author`, `date`, `genre`).",
    "type": "object",
    "properties": {
        "text": {"type": ["string", "null"], "description": "the article as plain text"},
        "html": {"type": ["string", "null"], "description": "the article page as HTML"},
        "url": _OPTIONAL,
        "title": _OPTIONAL,
        "outlet": _OPTIONAL,
        "authors": {"type": ["array", "null"], "items": {"type": "string"}},
        "published": {**_OPTIONAL, "description": "publication date, e.g. 2025-02-18"},
    },
    "anyOf": [
        {"required": ["text"], "properties": {"text": _TEXT}},
        {"required": ["html"], "properties": {"html": _TEXT}},
    ],
}

_RETRY_AFTER = {"Retry-After": {"description": "seconds to wait before trying again",
                                "schema": {"type": "integer"}}}


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The ``responses`` entries for error answers with these statuses (each a Problem)."""
    return {status: _problem(status) for status in statuses}


def _problem(status: int) -> dict[str, Any]:
    entry: dict[str, Any] = {"description": TITLES[status], "content": {PROBLEM_TYPE: {"schema": PROBLEM_REF}}}
    if status == 429:
        entry["headers"] = _RETRY_AFTER
    return entry


def _complete(schema: dict[str, Any]) -> None:
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components.pop("HTTPValidationError", None)
    components.pop("ValidationError", None)
    components["Problem"] = PROBLEM_SCHEMA
    components["Article"] = ARTICLE_SCHEMA
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            if "422" in responses:
                responses["422"] = _problem(422)
            responses.setdefault("421", _problem(421))


def install_openapi(app: FastAPI) -> None:
    """Make ``app.openapi()`` (served as /openapi.json) the completed document."""
    derive = app.openapi

    def openapi() -> dict[str, Any]:
        fresh = app.openapi_schema is None
        schema = derive()
        if fresh:
            _complete(schema)
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
