"""Modality and attribution of claims: a preview never supports what happened, a hypothesis or a
denial never supports a fact, and statements given to different speakers are two statements.
All texts are hand-written."""

from __future__ import annotations

import pytest
from compare_fixtures import doc

from newsprism.compare import compare
from newsprism.compare.claims.modality import attributed_to, modality, same_speaker
from newsprism.lang.sentences import sentence_spans
from newsprism.model import Extraction


@pytest.mark.parametrize(("text", "expected"), [
    ("The two envoys will meet in Geneva on Thursday", "expectation"),
    ("The ministers are expected to sign the accord next month", "expectation"),
    ("The union plans to strike on Monday", "expectation"),
    ("The company said it would close the plant in March", "expectation"),
    ("The two envoys met in Geneva on Thursday", "reported"),
    ("If the talks fail, new sanctions could follow", "hypothetical"),
    ("The deal might collapse before the vote", "hypothetical"),
    ("The May elections returned a hung parliament", "reported"),
    ("The ministry denied that its troops had crossed the border", "denial"),
    ("The mayor rejected the allegations of fraud", "denial"),
    ("The bridge was closed after a crack was found, the council said", "attributed"),
    ("According to the coast guard, all 40 passengers were rescued", "attributed"),
    ("In his remarks, the senator praised the deal", "reported"),  # "remarks" is a noun here
])
def test_modality_of_hand_written_sentences(text: str, expected: str) -> None:
    assert modality(text) == expected


def test_the_speaker_of_an_attribution() -> None:
    assert attributed_to("The bridge was closed, the county council said") == "the county council"
    assert attributed_to("Health Minister Ana Ruiz told reporters that the clinic would reopen") == \
        "Health Minister Ana Ruiz"
    assert attributed_to("The bridge was closed, said Ana Ruiz.") == "Ana Ruiz"
    assert attributed_to("The bridge was closed on Monday.") is None
    assert same_speaker("Health Minister Ana Ruiz", "Ruiz") and not same_speaker("Ana Ruiz", "Piet Bos")
    assert same_speaker("he", "Piet Bos") and same_speaker(None, "Piet Bos")


PREVIEW = ("Envoys to meet in Geneva\n\n"
           "Foreign ministers Lena Dahl and Omar Haddad will meet in Geneva on Thursday to discuss the "
           "water treaty. Both governments sent delegations of about 20 officials.\n")
OUTCOME = ("Envoys meet in Geneva\n\n"
           "Foreign ministers Lena Dahl and Omar Haddad met in Geneva on Thursday to discuss the "
           "water treaty. Both governments sent delegations of about 20 officials.\n")
SAID_A = ("Dam talks end\n\n"
          "The water treaty talks in Geneva ended on Thursday. "
          "Lena Dahl said the talks had been constructive and useful for both sides.\n")
SAID_B = ("Dam talks close\n\n"
          "The water treaty talks in Geneva ended on Thursday. "
          "Omar Haddad said the talks had been constructive and useful for both sides.\n")


def test_a_preview_is_related_to_the_outcome_and_never_supports_it(encoder) -> None:
    docs = [doc(PREVIEW, "Morning Wire", "2024-03-05"), doc(OUTCOME, "Evening Post", "2024-03-07")]
    result = compare(docs, Extraction(), sentences=sentence_spans(docs), encoder=encoder)
    preview = next(c for c in result.claims if "will meet in Geneva" in c.text)
    assert preview.modality == "expectation"
    assert preview.support == (docs[0].id,)
    cell = next(c for c in preview.cells if c.doc == docs[1].id)
    assert cell.state == "related" and "met in Geneva" in cell.span.text
    met = next(c for c in result.claims if "met in Geneva" in c.text)
    assert met.modality == "reported" and met.support == (docs[1].id,)
    # the sentence both state alike is one claim with two supporters
    sent = next(c for c in result.claims if "delegations" in c.text)
    assert set(sent.support) == {docs[0].id, docs[1].id}


def test_the_same_words_from_two_speakers_are_two_statements(encoder) -> None:
    docs = [doc(SAID_A, "Morning Wire", "2024-03-07"), doc(SAID_B, "Evening Post", "2024-03-07")]
    result = compare(docs, Extraction(), sentences=sentence_spans(docs), encoder=encoder)
    dahl = next(c for c in result.claims if "Dahl said" in c.text)
    assert dahl.modality == "attributed" and dahl.attributed_to == "Lena Dahl"
    assert dahl.support == (docs[0].id,)
    ended = next(c for c in result.claims if "ended on Thursday" in c.text)
    assert set(ended.support) == {docs[0].id, docs[1].id}


def test_the_report_marks_a_preview_in_the_claims_matrix(encoder) -> None:
    from newsprism.model import Analysis
    from newsprism.report import render_report

    docs = [doc(PREVIEW, "Morning Wire", "2024-03-05"), doc(OUTCOME, "Evening Post", "2024-03-07")]
    result = compare(docs, Extraction(), sentences=sentence_spans(docs), encoder=encoder)
    html = render_report(Analysis(documents=tuple(docs), stories=result.stories, claims=result.claims))
    row = html[html.index("will meet in Geneva"):]
    assert '<span class="badge modality">plan / preview</span>' in row[:row.index("</td>")]


def test_reporting_verbs_finds_what_the_pattern_finds():
    from newsprism.compare.claims.modality import _reporting, reporting_verbs, words_of

    for text, words in [
        ("The minister SAID on Monday that talks had failed, officials told reporters.", ["SAID", "told"]),
        ("“It is over,” she said—and résaid nothing; unsaid, said_x.", ["said"]),
        ("The long s: \u017faid the clerk; the Kelvin sign: as\u212aed.", ["\u017faid", "as\u212aed"]),
        ("No verb of speech here.", []),
    ]:
        expected = [m.span() for m in _reporting().finditer(text)]
        assert [m.span() for m in reporting_verbs(text)] == expected
        assert [m.span() for m in reporting_verbs(text, words_of(text))] == expected  # prefiltered
        assert [text[a:b] for a, b in expected] == words


@pytest.mark.parametrize(("text", "kind", "speaker"), [
    ("The ministry DENIED the report on Monday.", "denial", "The ministry"),  # deny reports speech
    ("They rebutted it the next day.", "denial", None),
    ("Officials dismissed the allegations as false.", "denial", None),
    ("He won’t attend the summit in Oslo.", "expectation", None),
    ("We’ll see them in Oslo next week.", "expectation", None),
    ("The talks are not expected to resume soon.", "expectation", None),
    ("The company PLANS TO cut jobs this year.", "expectation", None),
    ("In case of rain the match moves indoors.", "hypothetical", None),
    ("Talks couldn’t start without them there.", "hypothetical", None),
    ("It is unclear whether he knew about it.", "hypothetical", None),
    ("He said it wouldn't happen again.", "expectation", "He"),
    ("The bridge opened to traffic in May.", "reported", None),  # the month, not the modal
    ("Prices rose by 3 percent, according to the bureau.", "reported", "the bureau"),
    ("The bridge closed at noon, Smith told reporters.", "reported", "Smith"),
    ("The minister \u017fAID it would rain.", "expectation", "The minister"),  # long s: "SAID"
    ("\u212aaren said the vote was over.", "reported", "\u212aaren"),  # Kelvin sign: "Karen"
])
def test_the_word_prefilters_give_what_the_patterns_give(text: str, kind: str, speaker: str | None) -> None:
    """``statement_kind`` and ``attributed_to`` skip a pattern when none of its words is in the
    text; given the words or not, they answer as the patterns do (upper case, curly
    apostrophes, characters that case-fold to an ASCII letter)."""
    from newsprism.compare.claims import modality as m

    def by_patterns(s: str) -> str:
        for pattern, found in ((m._DENY, "denial"), (m._EXPECT, "expectation"),
                               (m._HYPO, "hypothetical"), (m._WOULD, "expectation")):
            if pattern.search(s):
                return found
        return "reported"

    words = m.words_of(text)
    assert m.statement_kind(text) == m.statement_kind(text, words) == by_patterns(text) == kind
    assert attributed_to(text) == attributed_to(text, words) == speaker
    assert [x.span() for x in m.reporting_verbs(text, words)] == [x.span() for x in m._reporting().finditer(text)]
