"""End to end through the real `newsprism` command: outputs, the contract, re-runs, rejections."""

from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.export import validate
from newsprism.store import Store

from conftest import DEMO

runner = CliRunner()


@pytest.mark.slow
def test_demo_analysis_follows_the_contract(demo_run, demo_json):
    out, code, output = demo_run
    assert code == 0, output
    assert "report.html" in output
    validate(demo_json)
    assert demo_json["schema_version"] == "1"
    assert len(demo_json["documents"]) == 5
    html = (out / "report.html").read_text("utf-8")
    assert html.lstrip().lower().startswith("<!doctype html")
    with Store(out / "newsprism.duckdb", read_only=True) as store:
        assert store.count("documents") == 5


def _spans(data):
    """Every (doc, start, end, text) the output points at."""
    for key in ("entities", "events", "claims", "discrepancies"):
        for record in data[key]:
            for m in record["mentions"]:
                yield m["doc"], m["start"], m["end"], m["text"]
    for q in data["quotes"]:
        yield q["doc"], q["start"], q["end"], q["text"]
        for extra in ("speaker_span", "cue_span"):
            if q.get(extra):
                s = q[extra]
                yield s["doc"], s["start"], s["end"], s["text"]
    for t in data.get("dates", []):
        yield t["doc"], t["start"], t["end"], t["text"]


@pytest.mark.slow
def test_every_span_points_at_its_text(demo_json):
    texts = {d["id"]: d["text"] for d in demo_json["documents"]}
    spans = list(_spans(demo_json))
    assert spans, "the demo analysis points at no text at all"
    for doc, start, end, text in spans:
        assert texts[doc][start:end] == text


@pytest.mark.slow
def test_txt_text_is_the_file_content_exactly(demo_json):
    assert len(demo_json["documents"]) == 5
    for d in demo_json["documents"]:
        path = DEMO / d["source"].split("/")[-1]
        assert path.read_text("utf-8") == d["text"]


@pytest.mark.slow
def test_rerun_on_the_same_input_changes_nothing(tmp_path, demo_run):
    first_out, _, _ = demo_run
    out = tmp_path / "again"
    shutil.copytree(first_out, out)
    result = runner.invoke(app, ["analyze", str(DEMO), "--out", str(out)])
    assert result.exit_code == 0, result.output
    again = json.loads((out / "analysis.json").read_text("utf-8"))
    before = json.loads((first_out / "analysis.json").read_text("utf-8"))
    assert len(before["documents"]) == 5 and before["claims"] and before["quotes"]
    assert again == before
    # byte for byte: documents read back from the store keep their evidence in the same order
    assert (out / "analysis.json").read_bytes() == (first_out / "analysis.json").read_bytes()
    with Store(first_out / "newsprism.duckdb", read_only=True) as a, Store(out / "newsprism.duckdb", read_only=True) as b:
        for table in ("documents", "entities", "quotes", "events", "stories", "claims"):
            assert a.count(table) == b.count(table), table


def test_bad_files_are_rejected_one_line_each_and_the_rest_goes_on(tmp_path, nlp):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(
        "GENEVA — Negotiators from both delegations met for six hours on Monday, officials said.\n\n"
        "The talks will resume next week in the same hotel, the organisers told reporters.\n",
        encoding="utf-8",
    )
    (src / "empty.txt").write_text("", encoding="utf-8")
    (src / "photo.txt").write_bytes(bytes(range(256)) * 8)
    out = tmp_path / "out"
    result = runner.invoke(app, ["analyze", str(src), "--out", str(out)])
    assert result.exit_code == 2, result.output
    rejected_lines = [line for line in result.output.splitlines() if line.startswith("newsprism: rejected")]
    assert len(rejected_lines) == 2
    assert any("empty.txt" in line for line in rejected_lines)
    assert any("photo.txt" in line for line in rejected_lines)
    data = json.loads((out / "analysis.json").read_text("utf-8"))
    assert [d["source"].split("/")[-1] for d in data["documents"]] == ["good.txt"]
    assert sorted(r["source"].split("/")[-1] for r in data["rejected"]) == ["empty.txt", "photo.txt"]
    again = runner.invoke(app, ["analyze", str(src), "--out", str(out)])
    assert again.exit_code == 2
    with Store(out / "newsprism.duckdb", read_only=True) as store:
        assert store.count("documents") == 1


def test_nothing_readable_is_a_failure(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(tmp_path), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert "no readable article" in result.output


@pytest.mark.slow
def test_export_rebuilds_the_analysis_from_the_database(tmp_path, demo_run, demo_json):
    out, _, _ = demo_run
    result = runner.invoke(app, ["export", "--db", str(out / "newsprism.duckdb"), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    exported = json.loads((tmp_path / "analysis.json").read_text("utf-8"))
    validate(exported)
    assert {d["id"] for d in exported["documents"]} == {d["id"] for d in demo_json["documents"]}
    assert len(exported["quotes"]) == len(demo_json["quotes"])


@pytest.mark.parametrize("command", [[], ["analyze"], ["ingest"], ["export"], ["serve"], ["token"]])
def test_every_help_shows_an_example(command):
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output and "newsprism " in result.output


def test_unknown_encoder_is_refused_before_any_work(tmp_path, monkeypatch):
    result = runner.invoke(app, ["analyze", str(DEMO), "--out", str(tmp_path), "--encoder", "bert"])
    assert result.exit_code != 0 and "'bert'" in result.output and "--encoder" in result.output
    monkeypatch.setenv("NEWSPRISM_ENCODER", "bert")  # the option's default comes from the environment
    result = runner.invoke(app, ["analyze", str(DEMO), "--out", str(tmp_path)])
    assert result.exit_code != 0 and "NEWSPRISM_ENCODER" in result.output
    assert not (tmp_path / "analysis.json").exists()


def test_the_support_verifier_can_be_the_static_table(tmp_path, nlp):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(
        "Ferry runs aground\n\nThe ferry Nordlys ran aground off Hareid on Sunday with 60 passengers on board, "
        "the coastguard said. Nobody was hurt.\n", encoding="utf-8")
    (src / "b.txt").write_text(
        "Ferry stuck near Hareid\n\nWith 60 passengers on board, the ferry Nordlys ran aground off Hareid on "
        "Sunday, the coastguard said. Tugs will try to free it on Monday.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["analyze", str(src), "--out", str(out), "--verifier", "static"])
    assert result.exit_code == 0, result.output
    analysis = json.loads((out / "analysis.json").read_text("utf-8"))
    ferry = [c for c in analysis["claims"] if "ran aground" in c["text"]]
    assert ferry and len(ferry[0]["support"]) == 2  # the same sentence, reordered: static cosine >= 0.90
    bad = runner.invoke(app, ["analyze", str(src), "--out", str(tmp_path / "o2"), "--verifier", "bogus"])
    assert bad.exit_code != 0 and "bogus" in bad.output
