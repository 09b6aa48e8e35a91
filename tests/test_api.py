"""The REST API against a real uvicorn server on a loopback port and a real DuckDB file.

Data: hand-written articles analysed by hand (tests/test_api_support.py), saved with store.save.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest
from test_api_support import LiveServer, council_analysis, hostile_analysis

from newsprism.api import ApiConfig

LIMIT = 64 * 1024
PROBLEM = "application/problem+json"


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, str]]:
    db = tmp_path_factory.mktemp("api") / "news.duckdb"
    with LiveServer(db, ApiConfig(max_bytes=LIMIT)) as server:
        server.save(council_analysis())
        server.save(hostile_analysis())
        token = server.issue_token()
        yield server, token


@pytest.fixture()
def client(live: tuple[LiveServer, str]) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=live[0].url + "/api/v1", timeout=30) as c:
        yield c


def counts(client: httpx.Client) -> dict[str, int]:
    return client.get("/stats").json()  # type: ignore[no-any-return]


def assert_problem(response: httpx.Response, status: int, *words: str) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    body = response.json()
    assert body["status"] == status and body["title"] and body["type"].startswith("https://")
    for word in words:
        assert word in body["detail"], body
    return body


# ------------------------------------------------------------------ reads


def test_health_and_security_headers(client: httpx.Client) -> None:
    r = client.get("/health")
    assert r.json()["status"] == "ok"
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"


def test_stories_list_paginates_with_total(client: httpx.Client) -> None:
    everything = client.get("/stories").json()
    assert everything["total"] == 2
    titles = {s["title"] for s in everything["items"]}
    assert "Lakeside council approves electric bus depot" in titles
    council = next(s for s in everything["items"] if s["title"].startswith("Lakeside"))
    assert council["outlets"] == ["Harbour Gazette", "Metro Wire", "Valley Courier"]
    page = client.get("/stories", params={"limit": 1, "offset": 1}).json()
    assert page["total"] == 2 and len(page["items"]) == 1 and page["offset"] == 1
    assert page["items"][0]["id"] == everything["items"][1]["id"]
    assert client.get("/stories", params={"q": "festival"}).json()["total"] == 1


def test_claims_carry_support_contradiction_and_filters(client: httpx.Client) -> None:
    story = council_analysis().stories[0].id
    claims = client.get("/claims", params={"story": story}).json()
    assert claims["total"] == 2
    contested = client.get("/claims", params={"story": story, "contested": "true"}).json()["items"]
    assert [c["text"] for c in contested] == ["The council voted 7-2 to approve the bus depot."]
    assert len(contested[0]["support"]) == 2 and len(contested[0]["contradicted_by"]) == 1
    wire = council_analysis().documents[2].id
    silent = client.get("/claims", params={"doc": wire}).json()["items"]
    assert {c["text"] for c in silent} == {
        "The council voted 7-2 to approve the bus depot.", "The project will cost $48 million."}
    assert client.get("/claims", params={"kind": "opinion"}).json()["total"] == 0


def test_quotes_filter_by_speaker_outlet_story(client: httpx.Client) -> None:
    ruiz = council_analysis().entities[0].id
    by_id = client.get("/quotes", params={"speaker": ruiz}).json()
    assert by_id["total"] == 2
    by_name = client.get("/quotes", params={"speaker": "tom becker"}).json()["items"]
    assert [q["text"] for q in by_name] == ["nobody asked the people who live next to the rail yard."]
    courier = client.get("/quotes", params={"outlet": "Valley Courier"}).json()
    assert courier["total"] == 1 and courier["items"][0]["speaker_text"] == "Tom Becker"
    story = council_analysis().stories[0].id
    page = client.get("/quotes", params={"story": story, "limit": 2, "offset": 2}).json()
    assert page["total"] == 3 and len(page["items"]) == 1
    assert client.get("/quotes", params={"story": hostile_analysis().stories[0].id}).json()["total"] == 0


def test_entities_events_discrepancies_outlets(client: httpx.Client) -> None:
    assert client.get("/entities", params={"type": "PERSON"}).json()["total"] == 2
    assert [e["name"] for e in client.get("/entities", params={"name": "ruiz"}).json()["items"]] == ["Elena Ruiz"]
    assert client.get("/entities", params={"outlet": "Valley Courier", "type": "PERSON"}).json()["total"] == 1
    assert [e["category"] for e in client.get("/events", params={"category": "PROTEST"}).json()["items"]] == ["PROTEST"]
    becker = council_analysis().entities[1].id
    assert client.get("/events", params={"actor": becker}).json()["total"] == 1
    high = client.get("/discrepancies", params={"severity": "high"}).json()["items"]
    assert [d["description"] for d in high] == ["Vote count differs: 7-2 vs 6-3"]
    hostile = hostile_analysis().stories[0].id
    assert client.get("/discrepancies", params={"story": hostile}).json()["total"] == 0
    outlets = client.get("/outlets", params={"story": council_analysis().stories[0].id}).json()
    assert outlets["total"] == 3
    wire = client.get("/outlets/Metro Wire").json()
    assert wire["claims_omitted"] == [council_analysis().claims[1].id]


def test_discrepancy_kinds_have_the_report_s_plain_names(client: httpx.Client) -> None:
    kinds = client.get("/discrepancy-kinds").json()
    high, = client.get("/discrepancies", params={"severity": "high"}).json()["items"]
    assert kinds["kinds"][high["kind"]]["name"] == "Different counts"  # the vote count 7-2 vs 6-3
    assert kinds["kinds"]["name_spelling"] == {"name": "Spelling of a name",
                                               "explain": "Outlets spell the same name differently."}
    assert kinds["severity"]["high"] == "can change what a reader believes happened"


def test_document_detail_has_text_body_removed_and_stories(client: httpx.Client) -> None:
    doc = council_analysis().documents[1]
    data = client.get(f"/documents/{doc.id}").json()
    assert data["text"] == doc.text and data["body"] == {"start": 0, "end": len(doc.text)}
    assert data["removed"] == [] and data["stories"] == [council_analysis().stories[0].id]
    listing = client.get("/documents", params={"outlet": "Valley Courier"}).json()
    assert listing["total"] == 1 and "text" not in listing["items"][0]
    assert client.get("/documents", params={"outlet": "Valley Courier", "full": "true"}).json()["items"][0]["text"] == doc.text


def test_report_data_spans_point_into_texts(client: httpx.Client) -> None:
    story = council_analysis().stories[0].id
    data = client.get(f"/stories/{story}/report-data").json()
    texts = {d["id"]: d["text"] for d in data["documents"]}
    assert len(texts) == 3 and data["story"]["id"] == story
    assert len(data["claims"]) == 2  # the vote and the cost
    for claim in data["claims"]:
        for m in claim["mentions"]:
            assert texts[m["doc"]][m["start"]:m["end"]] == m["text"]
    assert len(data["quotes"]) == 3 and len(data["discrepancies"]) == 1


def test_unknown_ids_and_bad_params_are_problems(client: httpx.Client) -> None:
    assert_problem(client.get("/documents/doc_nope"), 404, "doc_nope")
    assert_problem(client.get("/stories/story_nope/report-data"), 404, "story_nope")
    assert_problem(client.get("/quotes", params={"story": "story_nope"}), 404)
    body = assert_problem(client.get("/claims", params={"limit": 0}), 422, "limit")
    assert body["errors"][0]["pointer"] == "/query/limit"
    assert_problem(client.get("/jobs/job_nope"), 404)


# ------------------------------------------------------------------ writes refused


def test_writes_need_the_token(client: httpx.Client) -> None:
    before = counts(client)
    r = client.post("/articles", json={"text": "A new library opened in the town centre on Friday."})
    assert_problem(r, 401, "token")
    assert r.headers["www-authenticate"].startswith("Bearer")
    bad = client.post("/articles", json={"text": "A new library opened."}, headers={"Authorization": "Bearer nope"})
    assert_problem(bad, 401, "not valid")
    assert_problem(client.post("/jobs", json={}), 401)
    assert counts(client) == before


def auth(live: tuple[LiveServer, str]) -> dict[str, str]:
    return {"Authorization": f"Bearer {live[1]}"}


def test_malformed_jsonl_names_the_line_and_stores_nothing(client: httpx.Client, live: tuple[LiveServer, str]) -> None:
    before = counts(client)
    body = '{"text": "Floods closed the coastal road on Sunday.", "outlet": "Coast FM"}\n{"text": "broken\n'
    r = client.post("/articles", content=body, headers=auth(live) | {"Content-Type": "application/x-ndjson"})
    problem = assert_problem(r, 422, "line 2")
    assert problem["errors"][0]["line"] == 2
    assert counts(client) == before


def test_one_bad_article_refuses_the_whole_batch(client: httpx.Client, live: tuple[LiveServer, str]) -> None:
    before = counts(client)
    batch = [{"text": "The ferry service resumed on Tuesday after a two-week strike.", "outlet": "Isle News"},
             {"text": "   ", "outlet": "Isle News"}, {"title": "no body at all"}]
    problem = assert_problem(client.post("/articles", json=batch, headers=auth(live)), 422, "empty")
    pointers = [e["pointer"] for e in problem["errors"]]
    assert pointers == ["/1/text", "/2"]
    assert counts(client) == before


def test_empty_text_and_bad_json_and_media_type(client: httpx.Client, live: tuple[LiveServer, str]) -> None:
    before = counts(client)
    assert_problem(client.post("/articles", content=" \n ", headers=auth(live) | {"Content-Type": "text/plain"}),
                   422, "empty")
    assert_problem(client.post("/articles", content="{not json", headers=auth(live) | {"Content-Type": "application/json"}),
                   422, "not valid JSON")
    assert_problem(client.post("/articles", content=b"%PDF", headers=auth(live) | {"Content-Type": "application/pdf"}),
                   415, "application/pdf")
    assert_problem(client.post("/articles", json=[], headers=auth(live)), 422, "no article")
    assert counts(client) == before


def test_oversize_upload_is_refused_whole(client: httpx.Client, live: tuple[LiveServer, str]) -> None:
    before = counts(client)
    big = ("The harbour authority said cargo volumes rose again this spring. " * 1200).encode()
    assert len(big) > LIMIT
    files = {"files": ("big.txt", big, "text/plain")}
    assert_problem(client.post("/articles", files=files, headers=auth(live)), 413, str(LIMIT))

    def chunks() -> Iterator[bytes]:  # no Content-Length: the limit is enforced while streaming
        for i in range(0, len(big), 8192):
            yield big[i:i + 8192]

    streamed = client.post("/articles", content=chunks(), headers=auth(live) | {"Content-Type": "text/plain"})
    assert_problem(streamed, 413, "larger than")
    assert counts(client) == before
    assert json.loads(client.get("/health").text)["status"] == "ok"  # the server is still fine


def test_job_for_unknown_documents_is_a_problem(client: httpx.Client, live: tuple[LiveServer, str]) -> None:
    r = client.post("/jobs", json={"documents": ["doc_nope"]}, headers=auth(live))
    problem = assert_problem(r, 404, "doc_nope")
    assert problem["errors"] == [{"item": "doc_nope", "reason": "not stored"}]
    assert client.get("/jobs").json()["total"] == 0
