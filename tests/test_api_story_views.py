"""GET /api/v1/stories/{id}/views: the report's view of a story, for the web UI. Hand-written
articles (tests/test_api_support.py and below); expected values written by hand from reading them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace

import httpx
import pytest
from test_api_support import LiveServer, council_analysis, doc_of, span

from newsprism.api.story_views import story_views
from newsprism.model import Analysis, Derivation, Entity, Quote, Story, make_id

NORTH = ("Bridge repairs to finish by June\n\n"
         "Transport Minister Ana Lopez said \"we will rebuild the bridge by June.\" Drivers face a so-called "
         "\"temporary\" closure of the east lane until then.\n")
SOUTH = ("Minister promises bridge by June\n\n"
         "The minister said: \"We will rebuild the bridge by June\". Ana Lopez said the ferry would run "
         "every hour meanwhile.\n")


def bridge_analysis() -> Analysis:
    north = replace(doc_of("North Star", NORTH), source="/srv/feeds/2025/north.txt")
    south = doc_of("South Post", SOUTH)
    lopez = Entity(make_id("ent", "lopez"), "Ana Lopez", "PERSON", (), ("transport minister",), None,
                   (span(north, "Ana Lopez"), span(south, "Ana Lopez")))

    def quote(doc, words: str, kind: str, speaker: str | None, cue: str | None) -> Quote:  # type: ignore[no-untyped-def]
        start = doc.text.index(words)
        return Quote(make_id("q", doc.id, start), doc.id, start, start + len(words), words,
                     lopez.id if speaker else None, speaker, cue, kind)  # type: ignore[arg-type]

    quotes = (
        quote(north, "we will rebuild the bridge by June.", "direct", "Ana Lopez", "said"),
        quote(north, "temporary", "direct", None, None),  # a scare quote: no speaker, no cue
        quote(south, "We will rebuild the bridge by June", "direct", "The minister", "said"),
        quote(south, "the ferry would run every hour meanwhile", "indirect", "Ana Lopez", "said"),
    )
    story = Story(make_id("story", "bridge"), "Bridge repairs to finish by June", (north.id, south.id))
    copy = Derivation(south.id, north.id, 0.8, "repeats the minister's sentence")  # written by hand
    return Analysis(documents=(north, south), entities=(lopez,), quotes=quotes, stories=(story,), derivations=(copy,))


def test_same_words_in_two_outlets_are_one_entry_and_scare_quotes_stand_apart() -> None:
    analysis = bridge_analysis()
    v = story_views(analysis, analysis.stories[0].id)
    lopez = next(g for g in v["quotes"] if g["name"] == "Ana Lopez")
    kinds = [(e["kind"], e["outlets"]) for e in lopez["entries"]]
    # the North Star and South Post quotes differ only in case and punctuation: one entry, both outlets
    assert ("direct", ["North Star", "South Post"]) in kinds
    assert ("indirect", ["South Post"]) in kinds and len(kinds) == 2
    assert [e["text"] for e in v["scare_quotes"]] == ["temporary"]
    assert all(e["text"] != "temporary" for g in v["quotes"] for e in g["entries"])
    # documents are named by file name, never by the folders they were read from
    assert [d["file"] for d in v["documents"]] == ["north.txt", "test:South Post"]
    assert "/srv" not in json.dumps(v)


def test_council_story_findings_matrix_and_discrepancy_names() -> None:
    analysis = council_analysis()
    story = analysis.stories[0]
    v = story_views(analysis, story.id)
    f = v["findings"]
    assert (f["documents"], f["outlets"]) == (3, 3)
    disc = analysis.discrepancies[0]
    # the one discrepancy (7-2 against 6-3) is the most serious finding and the reason the vote is contested
    assert f["serious"]["items"][0]["target"] == {"kind": "discrepancy", "id": disc.id}
    assert f["serious"]["items"][0]["note"] == "Different counts; high severity"
    assert f["contested"]["items"][0]["text"] == "The council voted 7-2 to approve the bus depot."
    assert f["contested"]["items"][0]["target"] == {"kind": "discrepancy", "id": disc.id}
    targets = [i["target"] for g in ("serious", "agreed", "contested", "single") for i in f[g]["items"]]
    assert targets and all(t["id"] in {c.id for c in analysis.claims} | {disc.id} for t in targets)
    # the cost is stated by two of three outlets and contradicted by none
    assert [(i["text"], i["note"]) for i in f["agreed"]["items"]] == [("The project will cost $48 million.", "2 of 3 outlets")]
    assert [c["outlet"] for c in v["matrix"]["columns"]] == ["Harbour Gazette", "Valley Courier", "Metro Wire"]
    vote = next(r for r in v["matrix"]["rows"] if r["claim"] == make_id("claim", "vote"))
    assert [c["state"] for c in vote["cells"]] == ["supported", "contradicted", "supported"]
    assert [c["discrepancy"] for c in vote["cells"]] == [None, disc.id, None]  # the cross links to its discrepancy
    d = v["discrepancies"][0]
    assert (d["name"], d["severity"]) == ("Different counts", "high")
    assert [(s["outlet"], s["marked"]) for s in d["sides"]] == [("Harbour Gazette", "7-2"), ("Valley Courier", "6-3")]
    assert d["sides"][1]["before"].endswith("The Lakeside city council voted ")
    assert {e["category"]: (e["source"], e["target"], e["outlets"]) for e in v["events"]} == {
        "AGREE": (["Lakeside city council"], ["Elena Ruiz"], ["Harbour Gazette"]),
        "PROTEST": (["Tom Becker"], ["Lakeside city council"], ["Valley Courier"])}
    assert [d["file"] for d in v["documents"]] == ["test:Harbour Gazette", "test:Valley Courier", "test:Metro Wire"]


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    with LiveServer(tmp_path_factory.mktemp("views") / "news.duckdb") as server:
        server.save(council_analysis())
        yield server


def test_route_answers_the_view_and_404_for_an_unknown_story(live: LiveServer) -> None:
    story = council_analysis().stories[0]
    with httpx.Client(base_url=live.url + "/api/v1", timeout=30) as client:
        answer = client.get(f"/stories/{story.id}/views")
        assert answer.status_code == 200
        assert answer.json()["story"] == {"id": story.id, "title": "Lakeside council approves electric bus depot"}
        missing = client.get("/stories/story_nope/views")
        assert missing.status_code == 404 and "story_nope" in missing.json()["detail"]


def test_a_copy_names_both_documents_by_outlet_title_and_file() -> None:
    analysis = bridge_analysis()
    north, south = analysis.documents
    v = story_views(analysis, analysis.stories[0].id)
    assert v["findings"]["copies"] == [{
        "copy": {"doc": south.id, "outlet": "South Post", "title": "Minister promises bridge by June",
                 "file": "test:South Post"},
        "original": {"doc": north.id, "outlet": "North Star", "title": "Bridge repairs to finish by June",
                     "file": "north.txt"},
        "evidence": "repeats the minister's sentence"}]
    assert [(d["doc"], [x["doc"] for x in d["derived_from"]]) for d in v["documents"]] == [
        (north.id, []), (south.id, [north.id])]


def test_a_split_story_names_the_story_it_was_split_with() -> None:
    analysis = bridge_analysis()
    north, south = analysis.documents
    # a stored story "story_old" was compared again with a later batch and divided in two
    here = replace(analysis.stories[0], documents=(north.id,), previous=("story_old",))
    there = Story("story_other", "Ferry timetable changes", (south.id,), ("story_old",))
    one = replace(analysis, stories=(here,))
    v = story_views(one, here.id, stories=(here, there))
    assert [(line["note"].startswith("Split from stored story story_old"), line["stories"]) for line in v["lineage"]] \
        == [(True, ["Ferry timetable changes"])]
    assert story_views(one, here.id)["lineage"][0]["note"].startswith("Continues stored story story_old")


def test_network_is_the_reports_actors_and_links() -> None:
    analysis = council_analysis()
    v = story_views(analysis, analysis.stories[0].id)
    # mentions in the three articles: the council in each, the mayor in two, the councillor in one
    assert [(n["name"], n["mentions"]) for n in v["network"]["nodes"]] == [
        ("Lakeside city council", 3), ("Elena Ruiz", 2), ("Tom Becker", 1)]
    # no two of them are named in one sentence; the council approves (the mayor's depot), Becker protests
    council, ruiz, becker = (make_id("ent", k) for k in ("council", "ruiz", "becker"))
    assert sorted((e["a"], e["b"], e["kind"], e["weight"]) for e in v["network"]["edges"]) == sorted([
        (council, ruiz, "event", 1), (becker, council, "event", 1)])
