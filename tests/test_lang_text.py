"""The shared language package on its own: resources, the PLOVER lexicon (expected values written by hand)."""

from __future__ import annotations

import pytest

from newsprism.lang.plover import load_lexicon, parse_lexicon
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


def test_plover_patterns() -> None:
    lex = parse_lexicon(["# a comment", "", "AGREE\tsign +deal|accord", "CONSULT\tcall on",
                         "PROTEST\tn:protest", "PROTEST\tdemonstrate !obj", "ASSAULT\tattack"])
    assert lex.objects == {("sign", "deal"): "AGREE", ("sign", "accord"): "AGREE"}
    assert lex.particles == {("call", "on"): "CONSULT"}
    assert lex.nouns == {"protest": "PROTEST"}
    assert lex.verbs == {"demonstrate": "PROTEST", "attack": "ASSAULT"}
    assert lex.intransitive == {"demonstrate"}
    assert lex.heads == {"sign", "call", "protest", "protests", "demonstrate", "attack"}
    with pytest.raises(ValueError):
        parse_lexicon(["CELEBRATE\tparty"])


def test_shipped_plover_lexicon() -> None:
    lex = load_lexicon()
    assert lex.verbs["meet"] == "CONSULT" and lex.objects[("sign", "treaty")] == "AGREE"
    assert lex.nouns["agreement"] == "AGREE"

