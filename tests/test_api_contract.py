"""The OpenAPI document is true: every answer a live server gives (successes and every kind of
error) has a status and media type the document declares for that operation, every error body
is a valid Problem, and the Article schema accepts exactly the articles the server accepts."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from test_api_support import Contract, LiveServer, council_analysis

from newsprism.api import ApiConfig

PROBLEM = "application/problem+json"


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, str]]:
    config = ApiConfig(max_bytes=32 * 1024, auth_failures=4, auth_window_s=600)
    with LiveServer(tmp_path_factory.mktemp("contract") / "news.duckdb", config) as server:
        server.save(council_analysis())
        yield server, server.issue_token()


@pytest.fixture(scope="module")
def contract(live: tuple[LiveServer, str]) -> Contract:
    return Contract(httpx.get(live[0].url + "/openapi.json").json())


def test_every_error_response_is_a_problem(contract: Contract) -> None:
    for path, ops in contract.document["paths"].items():
        for method, op in ops.items():
            errors = {s: r for s, r in op["responses"].items() if s.startswith(("4", "5"))}
            assert {"421"} <= set(errors), (method, path)
            for status, response in errors.items():
                assert response["content"] == {PROBLEM: {"schema": {"$ref": "#/components/schemas/Problem"}}}, \
                    (method, path, status)
            if path != "/api/v1/health":
                assert {"401", "429"} <= set(errors), (method, path)
    assert "HTTPValidationError" not in contract.document["components"]["schemas"]
    assert "Retry-After" in contract.document["paths"]["/api/v1/articles"]["post"]["responses"]["429"]["headers"]


def test_real_answers_are_declared(live: tuple[LiveServer, str], contract: Contract) -> None:
    server, token = live
    story = council_analysis().stories[0]
    doc = council_analysis().documents[0]
    good = {"Authorization": f"Bearer {token}"}
    requests: list[tuple[str, str, dict[str, Any]]] = [
        ("GET", "/api/v1/health", {}),
        ("GET", "/api/v1/stories", {}),
        ("GET", f"/api/v1/stories/{story.id}", {}),
        ("GET", f"/api/v1/stories/{story.id}/report-data", {}),
        ("GET", "/api/v1/stories/story_nope/report-data", {}),
        ("GET", f"/api/v1/stories/{story.id}/views", {}),
        ("GET", "/api/v1/stories/story_nope/views", {}),
        ("GET", f"/api/v1/documents/{doc.id}", {}),
        ("GET", "/api/v1/documents/doc_nope", {}),
        ("GET", "/api/v1/claims", {"params": {"story": "story_nope"}}),
        ("GET", "/api/v1/claims", {"params": {"limit": "zero"}}),
        ("GET", "/api/v1/outlets/Metro Wire", {}),
        ("GET", "/api/v1/stats", {}),
        ("GET", "/api/v1/jobs", {}),
        ("GET", "/api/v1/jobs/job_nope", {}),
        ("GET", "/api/v1/stories", {"headers": {"Host": "evil.example"}}),
        ("POST", "/api/v1/articles", {"json": {"text": "x"}}),  # no token: 401
        ("POST", "/api/v1/articles", {"json": {"title": "no body"}, "headers": good}),
        ("POST", "/api/v1/articles", {"content": b"%PDF", "headers": good | {"Content-Type": "application/pdf"}}),
        ("POST", "/api/v1/articles", {"content": b"x" * 40_000, "headers": good | {"Content-Type": "text/plain"}}),
        ("POST", "/api/v1/articles", {"content": b"--b\r\nbad", "headers": good | {
            "Content-Type": "multipart/form-data; boundary=b"}}),
        ("POST", "/api/v1/articles", {"params": {"analyze": "false"}, "headers": good,
                                      "json": {"text": "The bridge reopened to traffic on Sunday, the city said."}}),
        ("POST", "/api/v1/jobs", {"json": {"documents": ["doc_nope"]}, "headers": good}),
        ("POST", "/api/v1/jobs", {"json": {"documents": []}, "headers": good}),
        ("POST", "/api/v1/jobs", {"content": b"[" * 3000, "headers": good | {"Content-Type": "application/json"}}),
        ("POST", "/api/v1/jobs", {"json": {"documents": "all"}, "headers": good}),
    ]
    requests += [("POST", "/api/v1/jobs", {"json": {}, "headers": {"Authorization": "Bearer " + "C" * 43}})] * 5
    seen: set[int] = set()
    with httpx.Client(base_url=server.url, timeout=60) as client:
        for method, path, kwargs in requests:
            answer = client.request(method, path, **kwargs)
            assert answer.status_code < 500, (method, path, answer.text)
            contract.check(method, path, answer)
            seen.add(answer.status_code)
    assert seen >= {200, 202, 400, 401, 404, 409, 413, 415, 421, 422, 429}


ACCEPTED = [
    {"text": "Council approved the plan on Monday."},
    {"html": "<p>Council approved the plan.</p>", "text": None},
    {"text": "Council approved the plan.", "title": None, "authors": ["A. Writer"], "published": "2025-02-18"},
    {"text": "Council approved the plan.", "author": "free-form extra fields are read by the JSON Lines reader"},
]
REFUSED = [
    {}, {"text": None}, {"text": "   "}, {"html": "\n"}, {"text": 3}, {"title": "no body"},
    {"text": "ok", "authors": "one string"}, {"text": "ok", "outlet": 5}, [], "text",
]


def test_article_schema_matches_what_the_server_accepts(contract: Contract) -> None:
    from newsprism.api.intake import check_article

    for article in ACCEPTED:
        contract.article.validate(article)
        assert check_article(article, "") == [], article
    for article in REFUSED:
        assert not contract.article.is_valid(article), article
        assert check_article(article, "") != [], article
