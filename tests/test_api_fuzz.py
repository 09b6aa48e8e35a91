"""Hypothesis throws generated junk at the API: methods, paths, query parameters, headers and
bodies (binary, JSON with lone surrogates, deep nesting, huge integers, article-shaped objects).

Every answer must be below 500, carry the security headers, and match what the OpenAPI document
declares for the operation (tests/test_api_support.py ``Contract``). The intake parsers are also
driven directly, many more times: they return articles or raise a 4xx ``Problem``, nothing else.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_api_support import Contract, LiveServer, council_analysis

from newsprism.api import ApiConfig, intake
from newsprism.api.jobs import JobRunner
from newsprism.api.problems import Problem

ANY_TEXT = st.text(st.characters(categories=["L", "M", "N", "P", "S", "Z", "Cc", "Cf", "Cs", "Co"]), max_size=40)
HEADER_TEXT = st.text(st.characters(min_codepoint=0x20, max_codepoint=0xFF, exclude_characters="\x7f"), max_size=60)
SEGMENT = st.text(st.characters(categories=["L", "N", "P", "S", "Cf"], exclude_characters="/?#%"), min_size=1,
                  max_size=20)

LEAVES = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), ANY_TEXT)
JSON_VALUES = st.recursive(LEAVES, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(ANY_TEXT, inner,
                                                                                                 max_size=4),
                           max_leaves=12)
ARTICLES = st.fixed_dictionaries(
    {}, optional={k: st.one_of(ANY_TEXT, JSON_VALUES) for k in ("text", "html", "title", "outlet", "url", "published")}
    | {"authors": st.one_of(st.lists(ANY_TEXT, max_size=3), JSON_VALUES)})


def as_json(value: Any) -> bytes:
    """JSON text of ``value``, lone surrogates written as ``\\ud800`` escapes."""
    return json.dumps(value, ensure_ascii=True).encode("ascii")


BODIES = st.one_of(
    st.binary(max_size=300),
    JSON_VALUES.map(as_json),
    ARTICLES.map(as_json),
    st.lists(ARTICLES, max_size=3).map(as_json),
    st.lists(ARTICLES, max_size=3).map(lambda items: b"\n".join(as_json(a) for a in items)),
    st.integers(1, 20_000).map(lambda n: b"[" * n + b"]" * n),
    st.integers(1, 20_000).map(lambda n: b'{"a":' * n + b"1" + b"}" * n),
    st.integers(4000, 20_000).map(lambda n: b'{"text": "x", "n": ' + b"7" * n + b"}"),  # over the int limit
)
CONTENT_TYPES = st.one_of(st.sampled_from([
    "application/json", "application/x-ndjson", "application/jsonl", "text/plain", "text/html",
    "multipart/form-data; boundary=xyz", "multipart/form-data", "application/pdf", "",
    "application/json; charset=latin-1", "text/plain; charset=utf-16",
]), HEADER_TEXT)
PATHS = [
    "/api/v1/health", "/api/v1/stories", "/api/v1/stories/{}", "/api/v1/stories/{}/report-data", "/api/v1/documents",
    "/api/v1/stories/{}/views",
    "/api/v1/documents/{}", "/api/v1/claims", "/api/v1/claims/{}", "/api/v1/quotes", "/api/v1/quotes/{}",
    "/api/v1/entities", "/api/v1/entities/{}", "/api/v1/events", "/api/v1/events/{}", "/api/v1/discrepancies",
    "/api/v1/discrepancies/{}", "/api/v1/outlets", "/api/v1/outlets/{}", "/api/v1/stats", "/api/v1/articles",
    "/api/v1/jobs", "/api/v1/jobs/{}", "/", "/docs", "/openapi.json", "/static/{}", "/{}",
]
PARAMS = st.dictionaries(
    st.one_of(st.sampled_from(["limit", "offset", "story", "doc", "outlet", "full", "contested", "kind", "speaker",
                               "type", "name", "analyze", "q", "title", "published", "category", "date"]), ANY_TEXT),
    st.one_of(ANY_TEXT, st.integers().map(str), st.sampled_from(["1e999", "-1", "true", "9" * 5000])),
    max_size=4)


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, str, Contract]]:
    config = ApiConfig(max_bytes=256 * 1024, auth_failures=10**9)
    with LiveServer(tmp_path_factory.mktemp("fuzz") / "news.duckdb", config) as server:
        server.save(council_analysis())
        server.state().jobs = JobRunner(lambda documents, progress: [])  # the HTTP surface, not the NLP
        token = server.issue_token()
        yield server, token, Contract(httpx.get(server.url + "/openapi.json").json())


@pytest.fixture(scope="module")
def client(live: tuple[LiveServer, str, Contract]) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=live[0].url, timeout=60) as c:
        yield c


def answer_ok(live: tuple[LiveServer, str, Contract], method: str, path: str, answer: httpx.Response) -> None:
    assert answer.status_code < 500, (method, path, answer.status_code, answer.text[:500])
    assert "default-src 'none'" in answer.headers.get("content-security-policy", ""), (method, path)
    assert answer.headers.get("x-content-type-options") == "nosniff"
    live[2].check(method, path, answer)


@settings(max_examples=250, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    method=st.sampled_from(["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"]),
    template=st.sampled_from(PATHS), segment=SEGMENT, params=PARAMS,
    token=st.one_of(st.none(), st.just("good"), HEADER_TEXT),
    host=st.one_of(st.none(), st.none(), HEADER_TEXT),
    content_type=CONTENT_TYPES, body=st.one_of(st.none(), BODIES),
)
def test_generated_requests_never_get_a_5xx(
    live: tuple[LiveServer, str, Contract], client: httpx.Client, method: str, template: str, segment: str,
    params: dict[str, str], token: str | None, host: str | None, content_type: str, body: bytes | None,
) -> None:
    path = template.format(segment)
    headers = {"Content-Type": content_type.encode("latin-1")}
    if token is not None:
        headers["Authorization"] = f"Bearer {live[1] if token == 'good' else token}".encode("latin-1")
    if host is not None:
        headers["Host"] = host.encode("latin-1")
    if template == "/api/v1/articles":
        params = params | {"analyze": "false"}
    try:
        request = client.build_request(method, path, params=params, headers=headers, content=body)
        answer = client.send(request)
    except (httpx.InvalidURL, httpx.LocalProtocolError, UnicodeEncodeError):
        return  # a request HTTP/1.1 cannot carry (h11 refuses it before sending)
    answer_ok(live, method, request.url.path, answer)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(body=BODIES, content_type=st.sampled_from(["application/json", "application/x-ndjson"]))
def test_generated_uploads_never_get_a_5xx(
    live: tuple[LiveServer, str, Contract], client: httpx.Client, body: bytes, content_type: str,
) -> None:
    headers = {"Authorization": f"Bearer {live[1]}", "Content-Type": content_type}
    answer = client.post("/api/v1/articles", params={"analyze": "false"}, headers=headers, content=body)
    answer_ok(live, "POST", "/api/v1/articles", answer)
    if answer.status_code == 202 and content_type == "application/json":
        items = json.loads(body)
        items = items["articles"] if isinstance(items, dict) and isinstance(items.get("articles"), list) else items
        for item in items if isinstance(items, list) else [items]:
            live[2].article.validate(item)  # what was accepted, the schema accepts too


@settings(max_examples=400, deadline=None)
@given(body=BODIES)
def test_intake_parsers_answer_articles_or_a_4xx_problem(body: bytes) -> None:
    for parse in (intake.articles_from_json, intake.articles_from_jsonl):
        try:
            articles = parse(body)
        except Problem as problem:
            assert 400 <= problem.status < 500
            json.dumps({"detail": problem.detail, "errors": problem.errors}, ensure_ascii=True)
        else:
            assert articles and all(intake.check_article(a, "") == [] for a in articles)
            for upload in intake.uploads_from_articles(articles):
                upload.data.decode("ascii" if upload.name.endswith(".jsonl") else "utf-8")
