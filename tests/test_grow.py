"""Stories that grow: a batch that joins stored stories makes them be compared again over all of
their documents, and two batches give what one run over all the documents gives (ids included).

Data: tests/data/grow/ (hand-written): batch1.jsonl holds two reports of a warehouse fire at Port
Calder published on 2025-03-11 (Harbour Herald: 12 workers treated; Coastal Times: twelve) and an
unrelated school budget vote; batch2.jsonl a third report of the fire (Daily Ledger: 15 workers
treated), published a day earlier, so the grown story's earliest document, and with it its id,
changes. The demo corpus split 3 + 2 is checked through the CLI and through the API.
"""

from __future__ import annotations

import dataclasses
import json
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from test_api_support import LiveServer, doc_of
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.errors import StoreError
from newsprism.model import Analysis, Story
from newsprism.pipeline import Options, analyze_documents, ingest
from newsprism.report import render_report, story_file
from newsprism.store import Regrown, Store
from newsprism.workflow import analyze_into_store

GROW = Path(__file__).parent / "data" / "grow"
DEMO = Path(__file__).resolve().parents[1] / "examples" / "riyadh-2025-02-18"
COMPARED = ("stories", "claims", "discrepancies", "entities", "quotes", "events", "dates", "outlets",
            "derivations")


def run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def load(out: Path) -> dict[str, Any]:
    return json.loads((out / "analysis.json").read_text("utf-8"))


def records(data: dict[str, Any], kind: str, drop: tuple[str, ...] = ("previous",)) -> list[str]:
    """A kind's records as sorted JSON, without the fields in ``drop`` (by default a story's
    ``previous``, which it gains when it grows)."""
    items = [{k: v for k, v in r.items() if k not in drop} for r in data[kind]]
    return sorted(json.dumps(r, sort_keys=True) for r in items)


def assert_same_analysis(one: dict[str, Any], grown: dict[str, Any]) -> None:
    for kind in COMPARED:
        assert records(grown, kind) == records(one, kind), kind
    assert sorted(d["id"] for d in grown["documents"]) == sorted(d["id"] for d in one["documents"])


def story_with(data: dict[str, Any], outlet: str) -> dict[str, Any]:
    doc = next(d["id"] for d in data["documents"] if d["outlet"] == outlet)
    return next(s for s in data["stories"] if doc in s["documents"])


def test_two_batches_give_one_runs_stories_claims_and_discrepancies(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run("analyze", str(GROW), "--out", str(tmp_path / "one"))
    db = str(tmp_path / "grow.duckdb")
    run("analyze", str(GROW / "batch1.jsonl"), "--out", str(tmp_path / "b1"), "--db", db)
    monkeypatch.setenv("NEWSPRISM_PROGRESS", "1")  # the bars, though the output is no terminal
    shown = run("analyze", str(GROW / "batch2.jsonl"), "--out", str(tmp_path / "b2"), "--db", db)
    # every stage has its bar, saving and the report included; the stored documents are not parsed
    bars = {line.split()[0]: line.split()[1:] for line in shown.splitlines() if "━" in line}
    assert set(bars) == {"extract", "compare", "saving", "writing"}, shown
    assert "1/1" in bars["extract"] and "2/2" in bars["writing"], shown
    run("export", "--db", db, "--out", str(tmp_path / "export"))
    one, first, grown = load(tmp_path / "one"), load(tmp_path / "b1"), load(tmp_path / "export")
    assert_same_analysis(one, grown)

    fire = story_with(grown, "Daily Ledger")
    outlets = {d["id"]: d["outlet"] for d in grown["documents"]}
    assert sorted(outlets[d] for d in fire["documents"]) == ["Coastal Times", "Daily Ledger", "Harbour Herald"]
    # 12 treated (Harbour Herald, Coastal Times) against 15 (Daily Ledger): both pairs, only after the
    # batch that brought the Daily Ledger in
    assert not first["discrepancies"]
    counts = sorted(d["description"] for d in grown["discrepancies"] if d["kind"] == "count")
    assert len(counts) == 2 and all("15 workers" in c for c in counts)
    # the Daily Ledger's report is a day earlier, so the story's id changed; it names the stored one
    old = story_with(first, "Harbour Herald")["id"]
    assert fire["id"] != old and fire["previous"] == [old]
    assert old not in {s["id"] for s in grown["stories"]}
    # the report's index links to the grown story's own page, which says which stored story it continues
    page = tmp_path / "export" / story_file(fire["id"])
    assert f'href="{story_file(fire["id"])}"' in (tmp_path / "export" / "report.html").read_text("utf-8")
    assert f"Continues stored story {old}, compared again" in page.read_text("utf-8")
    # the school budget story was not touched
    assert story_with(grown, "Valley Gazette") | {"previous": []} == story_with(first, "Valley Gazette") | {
        "previous": []}
    # the second run's own output is the grown story whole, not the one new document
    assert sorted(story_with(load(tmp_path / "b2"), "Daily Ledger")["documents"]) == sorted(fire["documents"])


def test_a_stored_document_is_never_parsed_again(tmp_path: Path) -> None:
    docs = ingest([GROW / "batch1.jsonl"]).documents
    with Store(tmp_path / "s.duckdb") as store:
        analyze_into_store(docs, store)
        before = store.load_analysis()
        # no spaCy pipeline of that name exists: the analysis can only succeed by reading the stored
        # extraction of each document back
        again = analyze_into_store(docs[:1], store, Options(model="no_such_spacy_model"))
        after = store.load_analysis()
    herald = next(s for s in before.stories if docs[0].id in s.documents)
    assert [s.documents for s in again.stories] == [herald.documents]
    for kind in COMPARED:
        assert sorted(map(repr, getattr(after, kind))) == sorted(map(repr, getattr(before, kind))), kind


def test_a_store_without_kept_extractions_still_grows(tmp_path: Path) -> None:
    """A store saved before each document's extraction was kept: the documents of the story that
    grows are parsed again once (the school budget report, in no grown story, is not), and the
    grown story is still the one run's."""
    first, second = ingest([GROW / "batch1.jsonl"]).documents, ingest([GROW / "batch2.jsonl"]).documents
    one, _ = analyze_documents(first + second)
    with Store(tmp_path / "old.duckdb") as store:
        analysis, signatures = analyze_documents(first)
        store.save(analysis, signatures=signatures)  # as before: no extractions
        assert store.extractions([d.id for d in first]) == {}
        analyze_into_store(second, store)
        grown = store.load_analysis()
        kept = set(store.extractions([d.id for d in first + second]))
    assert kept == {d.id for d in first + second if d.outlet != "Valley Gazette"}
    assert sorted((s.id, s.documents) for s in grown.stories) == sorted((s.id, s.documents) for s in one.stories)
    for kind in ("claims", "discrepancies"):
        assert sorted(map(repr, getattr(grown, kind))) == sorted(map(repr, getattr(one, kind))), kind


def test_the_report_explains_a_split() -> None:
    ferry = doc_of("Harbour Herald", "Ferry service to Inish Mor resumes\nThe ferry sailed again on Friday.\n")
    strike = doc_of("Coastal Times", "Dock workers strike at Rossaveel\nDock workers walked out on Friday.\n")
    # one stored story whose documents a later comparison divided: one story kept its id, one is new
    kept = Story("story_old", "Ferry service to Inish Mor resumes", (ferry.id,))
    new = Story("story_new", "Dock workers strike at Rossaveel", (strike.id,), previous=("story_old",))
    html = render_report(Analysis(documents=(ferry, strike), stories=(kept, new)))
    assert ("Split from stored story story_old: compared again with a later batch, its documents divided "
            "into this story and <bdi>Ferry service to Inish Mor resumes</bdi>.") in html
    assert ("Split: compared again with a later batch, some of this story&#39;s stored documents now form or "
            "joined <bdi>Dock workers strike at Rossaveel</bdi>.") in html


@pytest.mark.slow
def test_demo_in_two_batches_equals_one_run(tmp_path: Path, demo_json: dict[str, Any]) -> None:
    files = sorted(DEMO.glob("*.txt"))
    db = str(tmp_path / "grow.duckdb")
    run("analyze", *map(str, files[:3]), "--out", str(tmp_path / "b1"), "--db", db)
    run("analyze", *map(str, files[3:]), "--out", str(tmp_path / "b2"), "--db", db)
    run("export", "--db", db, "--out", str(tmp_path / "export"))
    grown = load(tmp_path / "export")
    assert_same_analysis(demo_json, grown)
    assert [len(s["documents"]) for s in grown["stories"]] == [5]
    # role, cancelled/postponed x2, quote wording x2, three name spellings (read in the texts); the
    # count finding that "three of those efforts" and "four principles" once gave is gone, since
    # a plan's clause ("would ...") no longer aligns with a reported fact
    assert len(grown["discrepancies"]) == 8


def wait_job(client: httpx.Client, job_id: str) -> dict[str, Any]:
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        job = client.get(f"/jobs/{job_id}").json()
        if job["done"]:
            assert job["state"] == "done", job
            return job  # type: ignore[no-any-return]
        time.sleep(0.2)
    raise AssertionError(f"job {job_id} did not finish")


@pytest.mark.slow
def test_demo_grows_through_the_api(tmp_path: Path, demo_json: dict[str, Any]) -> None:
    files = [("files", (p.name, p.read_bytes(), "text/plain")) for p in sorted(DEMO.glob("*.txt"))]
    with LiveServer(tmp_path / "news.duckdb") as server:
        headers = {"Authorization": f"Bearer {server.issue_token()}"}
        with httpx.Client(base_url=server.url + "/api/v1", timeout=60) as client:
            for batch in (files[:3], files[3:4], files[4:]):  # the last ones pasted one at a time
                added = client.post("/articles", files=batch, headers=headers)
                assert added.status_code == 202, added.text
                job = wait_job(client, added.json()["job"]["id"])
            stories = client.get("/stories").json()
            assert stories["total"] == 1 and job["stories"] == [stories["items"][0]["id"]]
            data = client.get(f"/stories/{job['stories'][0]}/report-data").json()
    assert len(data["documents"]) == 5
    assert records(data, "claims") == records(demo_json, "claims")
    # a description names outlets, and an uploaded file's outlet can differ from the CLI's (one demo
    # file names none, so its source name stands in): the rest of each discrepancy is the one run's
    assert records(data, "discrepancies", ("description",)) == records(demo_json, "discrepancies", ("description",))


def test_a_save_that_fails_half_way_leaves_the_store_as_it_was(tmp_path: Path) -> None:
    docs = ingest([GROW / "batch1.jsonl"]).documents
    with Store(tmp_path / "s.duckdb") as store:
        analyze_into_store(docs, store)
        before = store.load_analysis()
        fire = next(s for s in before.stories if len(s.documents) == 2)
        # a lone surrogate cannot be encoded for DuckDB: the save fails after the stored story
        # was deleted, inside the transaction
        broken = dataclasses.replace(docs[0], title="Fire \ud800")
        with pytest.raises(StoreError, match="nothing was written"):
            store.save(Analysis(documents=(broken,)), regrown=Regrown((fire.id,), fire.documents))
        after = store.load_analysis()
    for kind in COMPARED + ("documents",):
        assert sorted(map(repr, getattr(after, kind))) == sorted(map(repr, getattr(before, kind))), kind


BRIDGE = [  # hand-written: a bridge closure reported by four outlets; the Lakeside Echo's has no date
    {"outlet": "River Post", "title": "Old Mill bridge shut after crack found", "published": "2024-09-12",
     "text": "Old Mill bridge shut after crack found\n\nEngineers closed the Old Mill bridge over the Wend "
             "river on Wednesday after inspectors found a crack in its main girder, the county council said.\n\n"
             "About 9,000 vehicles cross the bridge every day, and buses will take a 20-minute detour.\n"},
    {"outlet": "Lakeside Echo", "title": "Crack closes Old Mill bridge",
     "text": "Crack closes Old Mill bridge\n\nThe county council closed the Old Mill bridge over the Wend "
             "river on Wednesday after inspectors found a crack in the main girder.\n\n"
             "Some 9,000 vehicles use the bridge each day; buses will take a detour of about 20 minutes.\n"},
    {"outlet": "Wend Valley News", "title": "Bridge over the Wend closed", "published": "2024-09-13",
     "text": "Bridge over the Wend closed\n\nThe Old Mill bridge over the Wend river was closed on "
             "Wednesday when inspectors found a crack in its main girder, the county council said.\n\n"
             "Buses will take a 20-minute detour while engineers assess the damage.\n"},
]


def test_a_date_its_story_gave_a_document_is_the_same_after_the_story_grows(tmp_path: Path) -> None:
    def jsonl(name: str, rows: list[dict[str, str]]) -> Path:
        path = tmp_path / name
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
        return path

    first, second = jsonl("a.jsonl", BRIDGE[:2]), jsonl("b.jsonl", BRIDGE[2:])
    run("analyze", str(first), str(second), "--out", str(tmp_path / "one"))
    db = str(tmp_path / "grow.duckdb")
    run("analyze", str(first), "--out", str(tmp_path / "b1"), "--db", db)
    run("analyze", str(second), "--out", str(tmp_path / "b2"), "--db", db)
    run("export", "--db", db, "--out", str(tmp_path / "grown"))
    one, grown = load(tmp_path / "one"), load(tmp_path / "grown")
    assert_same_analysis(one, grown)
    assert records(grown, "documents") == records(one, "documents")
    # the undated article says "on Wednesday"; its story's latest date is Friday 2024-09-13, and the
    # Wednesday on or before it is 2024-09-11
    echo = next(d for d in grown["documents"] if d["outlet"] == "Lakeside Echo")
    assert (echo["published"], echo["published_basis"]) == ("2024-09-11", "story")
    # the same input again changes nothing
    run("analyze", str(first), "--out", str(tmp_path / "again"), "--db", db)
    run("export", "--db", db, "--out", str(tmp_path / "grown2"))
    assert_same_analysis(grown, load(tmp_path / "grown2"))
    assert records(load(tmp_path / "grown2"), "documents") == records(grown, "documents")
