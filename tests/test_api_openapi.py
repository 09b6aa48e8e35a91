"""The OpenAPI schema a live server publishes, and the offline docs page that renders it.

Every operation under /api/v1 has a summary; every filter of every list route is in the schema
with a description and an example, and each example filter value is accepted by the route.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import jsonschema
import pytest
from test_api_support import LiveServer, council_analysis

LISTS = {  # list route -> the filters it takes (read from routes_read.py by hand)
    "/api/v1/documents": {"outlet", "genre", "published", "story", "full"},
    "/api/v1/stories": {"q"},
    "/api/v1/claims": {"story", "kind", "doc", "contested"},
    "/api/v1/quotes": {"speaker", "outlet", "story", "doc", "kind"},
    "/api/v1/entities": {"type", "country", "name", "story", "outlet", "doc"},
    "/api/v1/events": {"category", "date", "actor", "story", "outlet", "doc"},
    "/api/v1/discrepancies": {"kind", "severity", "story", "claim"},
    "/api/v1/outlets": {"story"},
}


def example_of(param: dict[str, Any]) -> Any:
    """A parameter's first example (FastAPI writes OpenAPI 3.1 examples into the JSON schema)."""
    examples = param.get("schema", {}).get("examples") or param.get("examples")
    return examples[0] if examples else None


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    with LiveServer(tmp_path_factory.mktemp("openapi") / "news.duckdb") as server:
        server.save(council_analysis())
        yield server


@pytest.fixture(scope="module")
def schema(live: LiveServer) -> dict[str, Any]:
    answer = httpx.get(live.url + "/openapi.json", timeout=30)
    assert answer.status_code == 200
    return answer.json()  # type: ignore[no-any-return]


def test_every_api_operation_has_a_summary(schema: dict[str, Any]) -> None:
    paths = {p: ops for p, ops in schema["paths"].items() if p.startswith("/api/v1")}
    assert len(paths) >= 20
    missing = [(m, p) for p, ops in paths.items() for m, op in ops.items() if not op.get("summary", "").strip()]
    assert missing == []


def test_every_list_filter_is_described_with_an_example(schema: dict[str, Any]) -> None:
    for path, filters in LISTS.items():
        params = {p["name"]: p for p in schema["paths"][path]["get"]["parameters"] if p["in"] == "query"}
        assert set(params) == filters | {"limit", "offset"}, path
        for name, p in params.items():
            assert len(p.get("description", "")) > 10, (path, name)
            assert example_of(p) is not None, (path, name)


def test_list_examples_show_a_page(schema: dict[str, Any]) -> None:
    for path in ("/api/v1/documents", "/api/v1/stories"):
        page = schema["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["example"]
        assert set(page) == {"items", "total", "limit", "offset"}
        assert page["items"][0]["id"].split("_")[0] in ("doc", "story")


def test_example_filter_values_are_accepted(live: LiveServer, schema: dict[str, Any]) -> None:
    with httpx.Client(base_url=live.url, timeout=30) as client:
        for path in LISTS:
            for p in schema["paths"][path]["get"]["parameters"]:
                if p["name"] in ("story", "claim"):  # an unknown story/claim id is a 404 by design
                    continue
                value = example_of(p)
                answer = client.get(path, params={p["name"]: str(value).lower() if isinstance(value, bool) else value})
                assert answer.status_code == 200, (path, p["name"], answer.text)
                assert set(answer.json()) == {"items", "total", "limit", "offset"}


def test_docs_page_is_local_and_strict(live: LiveServer) -> None:
    page = httpx.get(live.url + "/docs", timeout=30)
    assert page.status_code == 200
    csp = page.headers["content-security-policy"]
    assert "http" not in csp and "'unsafe-inline'" not in csp.split("style-src")[0]
    assert "script-src 'self';" in csp
    assert "<script>" not in page.text and "cdn" not in page.text.lower()
    for asset in ("/docs/assets/swagger-ui-bundle.js", "/docs/assets/swagger-ui.css", "/static/docs.js"):
        answer = httpx.get(live.url + asset, timeout=30)
        assert answer.status_code == 200 and len(answer.content) > 300, asset
    assert httpx.get(live.url + "/redoc", timeout=30).status_code == 404


def test_story_views_answer_matches_its_declared_schema(live: LiveServer, schema: dict[str, Any]) -> None:
    op = schema["paths"]["/api/v1/stories/{story_id}/views"]["get"]
    declared = op["responses"]["200"]["content"]["application/json"]["schema"]
    assert "404" in op["responses"]
    story = council_analysis().stories[0]
    answer = httpx.get(f"{live.url}/api/v1/stories/{story.id}/views", timeout=30).json()
    jsonschema.validate(answer, declared)
    with pytest.raises(jsonschema.ValidationError):  # the schema says something: a view without findings fails
        jsonschema.validate({k: v for k, v in answer.items() if k != "findings"}, declared)
