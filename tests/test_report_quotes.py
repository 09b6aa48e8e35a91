"""The report's quotes section on hand-written articles: the same words carried by two outlets are
one entry naming both, scare quotes are listed apart from what someone said, and reported speech
never stands in quotation marks. Expected values written by hand from reading the texts below."""

from __future__ import annotations

import lxml.html
import pytest

from newsprism.model import Analysis, Document, Entity, Quote, Range, Story, sha256_text
from newsprism.report import render_report
from newsprism.report.quotes import is_scare_quote, story_quotes
from newsprism.report.views import Index

HILLTOP = ("Library to reopen in May\n\n"
           "Head librarian Omar Haddad said \"the doors will open on the first of May.\" Readers have put up "
           "with a \"provisional\" reading room in the town hall since the flood.\n")
RIVERSIDE = ("Flooded library sets reopening date\n\n"
             "\"The doors will open on the first of May,\" Omar Haddad said. Haddad said the children's "
             "floor would follow in June.\n")


def _doc(outlet: str, text: str) -> Document:
    return Document(id=f"doc_{outlet.split()[0].lower()}", source=f"/feeds/{outlet}.txt", sha256=sha256_text(text),
                    text=text, outlet=outlet, title=text.split("\n", 1)[0], authors=(), published="2024-04-02",
                    genre="news", body=Range(0, len(text)), removed=())


def _quote(qid: str, doc: Document, words: str, kind: str, speaker: str | None, speaker_text: str | None,
           cue: str | None) -> Quote:
    start = doc.text.index(words)
    return Quote(qid, doc.id, start, start + len(words), words, speaker, speaker_text, cue, kind)  # type: ignore[arg-type]


def library() -> Analysis:
    hill, river = _doc("Hilltop Herald", HILLTOP), _doc("Riverside Times", RIVERSIDE)
    haddad = Entity("ent_haddad", "Omar Haddad", "PERSON", ("Haddad",), ("head librarian",), None, ())
    quotes = (
        _quote("q_h1", hill, "the doors will open on the first of May.", "direct", haddad.id, "Omar Haddad", "said"),
        _quote("q_h2", hill, "provisional", "direct", None, None, None),  # nobody said it: a scare quote
        _quote("q_r1", river, "The doors will open on the first of May,", "direct", haddad.id, "Omar Haddad", "said"),
        _quote("q_r2", river, "the children's floor would follow in June", "indirect", haddad.id, "Haddad", "said"),
    )
    story = Story("story_library", "Library to reopen in May", (hill.id, river.id))
    return Analysis(documents=(hill, river), entities=(haddad,), quotes=quotes, stories=(story,))


@pytest.fixture(scope="module")
def tree() -> lxml.html.HtmlElement:
    return lxml.html.fromstring(render_report(library()))


def test_two_outlets_quoting_the_same_words_are_one_entry_naming_both(tree: lxml.html.HtmlElement) -> None:
    speakers = tree.xpath("//div[@class='speaker']")
    assert [s.get("data-speaker") for s in speakers] == ["ent_haddad"]
    entries = speakers[0].xpath(".//div[@class='quote']")
    # the two quotes differ only in case and the closing comma or full stop: one entry, then the reported speech
    assert [(e.get("data-quote"), e.get("data-kind"), e.get("data-outlets")) for e in entries] == [
        ("q_h1", "direct", "2"), ("q_r2", "indirect", "1")]
    assert entries[0].xpath("./blockquote")[0].text_content() == "\u201cthe doors will open on the first of May.\u201d"
    meta = entries[0].xpath("./div[@class='qmeta']")[0]
    assert [b.text_content() for b in meta.xpath("./bdi")] == ["Hilltop Herald", "Riverside Times"]
    assert meta.text_content().startswith("the same words in 2 outlets: Hilltop Herald, Riverside Times")
    # the header counts both quotes the entry carries and the reported one
    assert "3 quotes" in speakers[0].xpath("./h4")[0].text_content()


def test_a_scare_quote_is_listed_apart_and_not_among_the_quotes(tree: lxml.html.HtmlElement) -> None:
    scare = tree.xpath("//div[@class='scare-quotes']")
    assert len(scare) == 1
    assert scare[0].xpath("./h4")[0].text_content().startswith("Words in quotation marks without a speaker")
    items = scare[0].xpath(".//li[@class='scare-quote']")
    assert [i.get("data-quote") for i in items] == ["q_h2"]
    assert items[0].text_content() == "\u2018provisional\u2019 \u2014 Hilltop Herald"
    assert not tree.xpath("//div[@class='speaker']//*[contains(., 'provisional')]")
    assert "Unattributed" not in tree.text_content()  # no speaker group is made of scare quotes alone


def test_indirect_speech_shows_no_quotation_marks(tree: lxml.html.HtmlElement) -> None:
    entry = tree.xpath("//div[@class='quote'][@data-kind='indirect']")[0]
    assert entry.xpath("./blockquote")[0].text_content() == "the children's floor would follow in June"
    assert "indirect (reported speech)" in entry.text_content() and "cue: said" in entry.text_content()


def test_words_in_marks_with_a_speech_verb_or_speaker_are_not_scare_quotes() -> None:
    a = library()
    q = a.quotes[1]
    assert is_scare_quote(q)
    assert not is_scare_quote(Quote(q.id, q.doc, q.start, q.end, q.text, None, None, "said", "direct"))
    assert not is_scare_quote(Quote(q.id, q.doc, q.start, q.end, q.text, None, "a resident", None, "direct"))
    assert not is_scare_quote(Quote(q.id, q.doc, q.start, q.end, q.text, None, None, None, "indirect"))
    groups, scare = story_quotes(Index(a), a.stories[0])
    assert [[[v.quote.id for v in e.quotes] for e in g.entries] for g in groups] == [[["q_h1", "q_r1"], ["q_r2"]]]
    assert [(e.text, e.outlets) for e in scare] == [("provisional", ("Hilltop Herald",))]


def test_a_story_with_scare_quotes_only_does_not_say_no_quotes() -> None:
    a = library()
    bare = Analysis(documents=a.documents, entities=a.entities, quotes=(a.quotes[1],), stories=a.stories)
    tree = lxml.html.fromstring(render_report(bare))
    assert not tree.xpath("//div[@class='speaker']")
    assert [i.get("data-quote") for i in tree.xpath("//li[@class='scare-quote']")] == ["q_h2"]
    after = tree.xpath("//h3[.='Quotes by speaker']/following-sibling::*[1]")[0]
    assert after.get("class") == "meta" and after.text_content().startswith("Direct quotes are in quotation marks")
