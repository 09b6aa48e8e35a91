"""The shared language package on its own: resources (expected values written by hand)."""

from __future__ import annotations

from newsprism.lang.resources import lines, load_json, read_text


def test_resource_lines_leave_out_comments_and_blank_lines() -> None:
    table = lines("ingest_outlets.tsv")
    assert table[0] == "apnews.com\tAssociated Press"
    assert not any(line.startswith("#") or not line.strip() for line in table)
    assert read_text("ingest_outlets.tsv").startswith("# Well-known news outlet web domains")
    assert lines("compare_evaluative.txt")[:3] == ["absurd", "admirable", "alarming"]


def test_json_resources_are_parsed_once() -> None:
    verbs = load_json("checks_verbs.json")
    assert verbs["irregular"]["win"] == ["win", "wins", "won", "winning"]
    assert load_json("checks_verbs.json") is verbs
