"""Outlet profiles: coverage and omission per outlet, quotes per speaker, tone toward actors."""

from __future__ import annotations

from compare_fixtures import doc, fire_docs, vote_docs

from newsprism.compare import compare
from newsprism.compare.outlets.tone import score
from newsprism.lang.sentences import sentence_spans
from newsprism.model import Document, Entity, Extraction, Quote, Span


def _entity(eid: str, name: str, docs: list[Document], *forms: str) -> Entity:
    spans = []
    for d in docs:
        for form in forms:
            start = d.text.find(form)
            while start >= 0:
                spans.append(Span(d.id, start, start + len(form), form))
                start = d.text.find(form, start + 1)
    return Entity(eid, name, "PERSON", forms, (), None, tuple(spans))


def test_coverage_and_omission_per_outlet(encoder) -> None:
    docs = {**fire_docs(), **vote_docs()}
    result = compare(list(docs.values()), Extraction(), sentences=sentence_spans(docs.values()), encoder=encoder)
    profiles = {o.name: o for o in result.outlets}
    # the cost is stated by vote_a and vote_b only (vote_c mentions the approval but not the cost)
    vote = next(c for c in result.claims if "420" in c.text)
    assert vote.id in profiles["Dunmore Courier"].claims_covered
    assert vote.id in profiles["County Herald"].claims_covered
    assert vote.id in profiles["Northern Post"].claims_omitted
    # Valley Daily has no article on the vote: it cannot omit a claim of that story
    assert vote.id not in profiles["Valley Daily"].claims_omitted
    assert profiles["Valley Daily"].documents == (docs["fire_copy"].id,)
    # an opinion of one outlet is not an omission of the others
    opinion = next(c for c in result.claims if c.kind == "opinion" and "reckless" in c.text)
    assert opinion.id not in profiles["Dunmore Courier"].claims_omitted
    assert profiles["County Herald"].genres == ("news",)


def test_quotes_counted_per_speaker(encoder) -> None:
    docs = vote_docs()
    d = docs["vote_b"]
    start = d.text.index("a reckless waste")
    quote = Quote("q1", d.id, start, start + 16, d.text[start:start + 16], "ent_lund", "Ida Lund",
                  "attacked", "indirect")
    result = compare(list(docs.values()), Extraction(quotes=(quote,)), sentences=sentence_spans(docs.values()),
                     encoder=encoder)
    profiles = {o.name: o for o in result.outlets}
    assert profiles["County Herald"].quoted == {"ent_lund": 1}
    assert profiles["Dunmore Courier"].quoted == {}


TONE_TEXT = (
    "Council budget passes\n\n"
    "Residents praised Mayor Greve for his generous and successful leadership of the city. "
    "Critics blamed Ida Lund for the disastrous and wasteful failure of the harbour project. "
    "The council meets again on Thursday.\n"
)


def test_tone_toward_actors_positive_and_negative(encoder) -> None:
    d = doc(TONE_TEXT, "City Paper", "2024-02-01")
    greve = _entity("ent_greve", "Tomas Greve", [d], "Mayor Greve")
    lund = _entity("ent_lund", "Ida Lund", [d], "Ida Lund")
    result = compare([d], Extraction(entities=(greve, lund)), sentences=sentence_spans([d]), encoder=encoder)
    tone = result.outlets[0].tone
    assert tone.toward["ent_greve"] > 0.3
    assert tone.toward["ent_lund"] < -0.3
    assert -1.0 <= tone.overall <= 1.0 and "VADER" in tone.method
    assert tone.evidence
    for ev in tone.evidence:
        assert d.text[ev.start:ev.end] == ev.text


def test_quoted_words_do_not_count_as_the_outlet_tone() -> None:
    assert score('"This is a wonderful, brilliant day," the mayor said.').score == 0.0
    assert score("The mayor had a wonderful, brilliant day.").score > 0.5
    assert score("The plan was not good.").score < 0


def test_words_that_name_the_event_are_not_tone() -> None:
    # a plain casualty report is neutral; the same facts told with judging words are not
    assert score("Five people were killed and twelve injured when the bridge collapsed on Tuesday.").hits == 0
    assert score("Police arrested two men after the shooting, and the trial was postponed.").score == 0.0
    told = score("The brutal and cowardly attack killed five people.")
    assert told.score < -0.5 and told.hits == 2  # brutal, cowardly; not attack, killed
    assert score("The heroic crew rescued the fishermen.").score > 0.5  # heroic; not rescued
