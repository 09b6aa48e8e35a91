"""The shared language package on its own: resources, morphology, sentences, the PLOVER lexicon
(expected values written by hand)."""

from __future__ import annotations

import pytest

from newsprism.lang.morphology import (
    IRREGULAR_PAST, base_forms, plural, singular, stem, stem_form, suffix_plural, truncation_stem, verb_forms,
)
from newsprism.lang.plover import load_lexicon, parse_lexicon
from newsprism.lang.resources import lines, load_json, read_text
from newsprism.lang.sentences import sentence_spans, sentences, split
from newsprism.model import Document, Range, Removed, sha256_text


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


def test_stems_join_the_inflections_of_one_word() -> None:
    assert {stem(w) for w in ("closed", "closes", "close", "closing")} == {"clos"}
    assert stem("countries") == "country" and stem("running") == "run" and stem("agreed") == "agreed"
    assert stem_form("minister’s", frozenset()) == "minister"
    assert stem_form("the", frozenset({"the"})) == "" and stem_form("x", frozenset()) == ""
    assert truncation_stem("reported") == "repor" == truncation_stem("reports")
    assert truncation_stem("wins") == "wins"


def test_base_forms_undo_regular_and_irregular_inflections() -> None:
    assert {"ban", "bann"} <= base_forms("banned")
    assert "win" in base_forms("won") and "carry" in base_forms("carries") and "worry" in base_forms("worried")
    assert base_forms("calm") == {"calm"}


def test_verb_forms_inflect_regular_verbs_and_list_irregular_ones() -> None:
    assert verb_forms("postpone") == ["postpone", "postpones", "postponed", "postponing"]
    assert verb_forms("deny") == ["deny", "denies", "denied", "denying"]
    assert verb_forms("reject") == ["reject", "rejects", "rejected", "rejecting"]
    assert verb_forms("win") == ["win", "win", "wins", "won", "winning"]
    assert "said" in IRREGULAR_PAST and "won" in IRREGULAR_PAST


def test_plurals_and_singulars() -> None:
    assert [plural(n) for n in ("child", "country", "bus", "day", "police")] == [
        "children", "countries", "buses", "days", "police"]
    assert [singular(n) for n in ("countries", "churches", "boxes", "rifles", "crisis")] == [
        "country", "church", "box", "rifle", "crisis"]
    # the event-noun table's plural adds -s or -es only
    assert (suffix_plural("match"), suffix_plural("rally")) == ("matches", "rallys")


WIRE = ('Gov. Ana Ruiz met U.S. officials in Austin on Monday. "We agreed," she said! '
        "Talks resume at 9 a.m. Friday, said John F. Kennedy Jr. of the state office.\n"
        "A second line? Yes.")


def test_split_respects_abbreviations_initials_and_line_breaks() -> None:
    assert [WIRE[a:b] for a, b in split(WIRE)] == [
        "Gov. Ana Ruiz met U.S. officials in Austin on Monday.",
        '"We agreed," she said!',
        "Talks resume at 9 a.m. Friday, said John F. Kennedy Jr. of the state office.",
        "A second line?",
        "Yes.",
    ]
    start = WIRE.index("Talks")
    assert [WIRE[a:b] for a, b in split(WIRE, start, WIRE.index(" Yes"))] == [
        "Talks resume at 9 a.m. Friday, said John F. Kennedy Jr. of the state office.", "A second line?"]


def test_document_sentences_are_those_of_the_clean_body() -> None:
    text = "Headline\n\nFirst sentence here. Share this article. Second one.\nRead more"
    cut = text.index("Share this article.")
    doc = Document("d1", "d1.txt", sha256_text(text), text, None, None, (), None, "news",
                   Range(text.index("First"), text.index("\nRead more")),
                   (Removed(cut, cut + len("Share this article."), "share"),))
    assert [text[a:b] for a, b in sentences(doc)] == ["First sentence here.", "Second one."]
    assert sentence_spans([doc]) == {"d1": tuple(sentences(doc))}
