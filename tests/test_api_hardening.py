"""The server trusts no one: Host checked, failed authentication rate-limited and cheap to refuse,
hostile bodies answered 4xx (never 500), security headers on every answer.

A real uvicorn server on a loopback port over a real DuckDB file (tests/test_api_support.py).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import httpx
import pytest
from fastapi.testclient import TestClient
from test_api_support import LiveServer, council_analysis

from newsprism.api import ApiConfig, auth, create_app
from newsprism.api.guards import HostCheck, host_name
from newsprism.api.problems import Problem

PROBLEM = "application/problem+json"
ARTICLE = {"text": "The ferry service resumed on Tuesday after a two-week strike, the operator said.",
           "outlet": "Isle News"}


def assert_problem(response: httpx.Response, status: int, *words: str) -> dict:
    """A problem+json answer with ``status`` and the security headers."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    assert_secure(response)
    body = response.json()
    assert body["status"] == status and body["type"].startswith("https://")
    for word in words:
        assert word in body["detail"], body
    return body


def assert_secure(response: httpx.Response) -> None:
    csp = response.headers.get("content-security-policy", "")
    assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp, response.headers
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, str]]:
    config = ApiConfig(max_bytes=64 * 1024, allow_hosts=("news.example",))
    with LiveServer(tmp_path_factory.mktemp("hard") / "news.duckdb", config) as server:
        server.save(council_analysis())
        yield server, issue(server)


def issue(server: LiveServer) -> str:
    return server.issue_token()


@pytest.fixture()
def client(live: tuple[LiveServer, str]) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=live[0].url + "/api/v1", timeout=30,
                      headers={"Authorization": f"Bearer {live[1]}"}) as c:
        yield c


# ------------------------------------------------------------------ Host


def test_host_header_must_name_this_server(live: tuple[LiveServer, str]) -> None:
    server = live[0]
    for host in (f"127.0.0.1:{server.port}", f"localhost:{server.port}", f"[::1]:{server.port}", "localhost",
                 "LOCALHOST", "news.example", "news.example:8443"):
        assert httpx.get(server.url + "/api/v1/stories", headers={"Host": host}).status_code == 200, host
    for host in ("evil.example", f"evil.example:{server.port}", f"127.0.0.1.evil.example:{server.port}",
                 "127.0.0.1:1", "localhost:99999", "", "[::1", "a:b:c", "local\u00e9host"):
        answer = httpx.get(server.url + "/api/v1/stories", headers={"Host": host.encode("latin-1")})
        assert_problem(answer, 421, "host")
    page = httpx.get(server.url + "/", headers={"Host": "rebind.evil.example"})
    assert_problem(page, 421)  # the UI and its static files too, not only the API
    assert "Lakeside" not in page.text


def test_host_rules_for_wildcard_and_named_binds() -> None:
    wildcard = HostCheck(app=None, bound_host="0.0.0.0", port=8000)  # type: ignore[arg-type]
    assert wildcard.allowed("192.168.1.20:8000") and wildcard.allowed("[fe80::1]:8000")
    assert not wildcard.allowed("attacker.example:8000") and not wildcard.allowed("192.168.1.20:9000")
    named = HostCheck(app=None, bound_host="10.0.0.5", port=8000, allow=("*",))  # type: ignore[arg-type]
    assert named.allowed("anything.example")
    bound = HostCheck(app=None, bound_host="10.0.0.5", port=8000)  # type: ignore[arg-type]
    assert bound.allowed("10.0.0.5:8000") and not bound.allowed("10.0.0.6:8000")
    assert host_name("[::1]:80") == ("::1", 80) and host_name("Example.ORG") == ("example.org", None)
    assert host_name("x:") is None and host_name("x:1:2") is None and host_name("[::1]x") is None


# ------------------------------------------------------------------ authentication


def test_junk_tokens_are_refused_without_scrypt(live: tuple[LiveServer, str], monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = auth.hash_token
    monkeypatch.setattr(auth, "hash_token", lambda token, salt=None: calls.append(token) or real(token, salt))
    server, token = live
    monkeypatch.setattr(server.state().tokens, "limiter", auth.FailureLimiter(burst=1000))
    url = server.url + "/api/v1/jobs"
    junk = ["x", "Bearer", "a" * 10_000, token + "x", token[:-1], "\u00e9" * 43, token[:-1] + "!"]
    for value in junk:
        assert_problem(httpx.post(url, json={}, headers={"Authorization": f"Bearer {value}".encode("utf-8")}), 401)
    assert calls == []
    well_shaped = "A" * 43
    assert_problem(httpx.post(url, json={}, headers={"Authorization": f"Bearer {well_shaped}"}), 401, "not valid")
    assert calls == [well_shaped]
    for _ in range(3):  # the right token: scrypt once, then recognised by its keyed digest
        ok = httpx.post(url, json={"documents": ["doc_nope"]}, headers={"Authorization": f"Bearer {token}"})
        assert_problem(ok, 404, "doc_nope")
    assert calls in ([well_shaped, token], [well_shaped])  # [well_shaped] if an earlier test used it already


def test_failed_authentication_is_rate_limited(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    config = ApiConfig(auth_failures=3, auth_window_s=30.0)
    with LiveServer(tmp_path / "rate.duckdb", config) as server:
        token = issue(server)
        url = server.url + "/api/v1/jobs"
        wrong = {"Authorization": "Bearer " + "B" * 43}
        for _ in range(3):
            assert_problem(httpx.post(url, json={}, headers=wrong), 401)
        assert_problem(httpx.post(url, json={}, headers=wrong), 429, "try again")
        limited = httpx.post(url, json={}, headers={"Authorization": f"Bearer {token}"})
        assert_problem(limited, 429)  # even the right token waits: nothing is hashed while blocked
        retry = int(limited.headers["retry-after"])
        assert 1 <= retry <= 10  # one more try every 30 / 3 s, less the time the requests took
        limiter = server.state().tokens.limiter
        monkeypatch.setattr(limiter, "clock", lambda: time.monotonic() + retry)
        assert httpx.post(url, json={"documents": []}, headers={"Authorization": f"Bearer {token}"}).status_code == 409
        other = httpx.post(url, json={}, headers=wrong)  # the budget refilled by one try only
        assert_problem(other, 401)
        assert_problem(httpx.post(url, json={}, headers=wrong), 429)


def test_limiter_forgets_the_oldest_clients() -> None:
    now = [0.0]
    limiter = auth.FailureLimiter(burst=2, window_s=10, max_clients=3, clock=lambda: now[0])
    for client in ("a", "a", "b", "c", "d"):
        limiter.failed(client)
    assert limiter.wait("b") == 0 and limiter.wait("a") == 0  # "a" was forgotten (oldest of four)
    limiter.failed("d")
    assert limiter.wait("d") == pytest.approx(5.0)
    now[0] = 5.0
    assert limiter.wait("d") == 0


# ------------------------------------------------------------------ hostile bodies


@pytest.mark.parametrize(("body", "words"), [
    (b'{"text": "\\ud800 lone", "outlet": "X"}', ["surrogate", "/text"]),
    (b'{"text": "ok text here", "authors": ["\\udfff"]}', ["surrogate", "/authors/0"]),
    (b'{"text": "ok text here", "\\ud800": 1}', ["surrogate"]),
    (b"[" * 30_000 + b"]" * 30_000, ["nested too deeply"]),
    (b'{"text": "ok text here", "extra": ' + b"[" * 40 + b"]" * 40 + b"}", ["levels deep"]),
    (b'{"text": "ok", "n": ' + b"9" * 5000 + b"}", ["digits"]),
    (b'{"text": "caf\xe9"}', ["not valid JSON"]),
    (b"\xff\xfe{", ["not valid JSON"]),
    (b'{"text": NaN}', ["'text' must be a string"]),
    (b"[" + b"1," * 5000 + b"1]", ["an article must be a JSON object"]),
])
def test_hostile_json_bodies_are_422(client: httpx.Client, body: bytes, words: list[str]) -> None:
    before = client.get("/stats").json()
    problem = assert_problem(client.post("/articles", content=body, headers={"Content-Type": "application/json"}),
                             422)
    text = json.dumps(problem)
    assert all(w in text for w in words), problem
    assert len(problem.get("errors", [])) <= 100
    assert client.get("/stats").json() == before


def test_hostile_jsonl_and_job_bodies_are_4xx(client: httpx.Client) -> None:
    jsonl = {"Content-Type": "application/x-ndjson"}
    deep = b'{"text": "fine text"}\n' + b"[" * 30_000 + b"\n"
    assert_problem(client.post("/articles", content=deep, headers=jsonl), 422, "line 2", "nested too deeply")
    assert_problem(client.post("/articles", content=b'{"text": "\\udc80x"}\n', headers=jsonl), 422, "surrogate")
    assert_problem(client.post("/jobs", content=b"[" * 30_000, headers={"Content-Type": "application/json"}), 400)
    assert_problem(client.post("/jobs", content=b'{"documents": [' + b"1" * 5000 + b"]}",
                               headers={"Content-Type": "application/json"}), 400)
    missing = assert_problem(client.post("/jobs", content=b'{"documents": ["\\ud800"]}',
                                         headers={"Content-Type": "application/json"}), 404)
    assert missing["errors"] == [{"item": "\ud800", "reason": "not stored"}]  # echoed as an ASCII \\u escape
    for form in (b"--x\r\nbroken", b'--x\r\nContent-Disposition: form-data; name="files"; filename="a.txt"\r\n\r\nab'):
        broken = client.post("/articles", content=form, headers={"Content-Type": "multipart/form-data; boundary=x"})
        assert broken.status_code in (400, 422)
        assert_problem(broken, broken.status_code)


def test_jsonl_line_separators_inside_strings_do_not_split_lines(client: httpx.Client) -> None:
    text = "Harbour pilots\u2028ended their strike on Monday\u2029after talks\u0085with the port authority, officials said."
    body = json.dumps({"text": text, "outlet": "Pilot Weekly"}, ensure_ascii=False) + "\r\n"
    added = client.post("/articles?analyze=false", content=body.encode("utf-8"),
                        headers={"Content-Type": "application/x-ndjson"})
    assert added.status_code == 202, added.text
    doc = client.get(f"/documents/{added.json()['documents'][0]['id']}").json()
    assert "\u2028ended" in doc["text"] and doc["outlet"] == "Pilot Weekly"


# ------------------------------------------------------------------ headers on every answer


def test_every_kind_of_answer_carries_the_security_headers(client: httpx.Client, live: tuple[LiveServer, str]) -> None:
    url = live[0].url
    assert_secure(httpx.get(url + "/"))
    assert_secure(httpx.get(url + "/static/app.js"))
    assert_problem(httpx.get(url + "/static/nope.js"), 404)
    assert_problem(httpx.get(url + "/no/such/page"), 404)
    assert_problem(httpx.delete(url + "/api/v1/stories"), 405)
    assert_problem(client.get("/claims", params={"limit": "1e999"}), 422)
    assert_problem(client.post("/articles", content=b"x" * (64 * 1024 + 1), headers={"Content-Type": "text/plain"}),
                   413)
    assert_problem(httpx.get(url + "/api/v1/health", headers={"Host": "evil.example"}), 421)


def test_an_unexpected_error_is_a_500_problem_with_headers(tmp_path) -> None:  # noqa: ANN001
    app = create_app(tmp_path / "boom.duckdb")

    @app.get("/api/v1/boom")
    def boom() -> None:
        raise RuntimeError("secret internals")

    @app.get("/api/v1/refused")
    def refused() -> None:
        raise Problem(409, "conflict", "refused on purpose")

    with TestClient(app, base_url="http://127.0.0.1") as client:
        answer = client.get("/api/v1/boom")
        assert answer.status_code == 500 and answer.headers["content-type"].startswith(PROBLEM)
        assert "secret internals" not in answer.text
        assert_secure(answer)  # type: ignore[arg-type]
        assert client.get("/api/v1/refused").status_code == 409
        assert client.get("/api/v1/health", headers={"Host": "testserver"}).status_code == 421
