"""Claims: splitting into atomic claims, fact vs opinion, alignment across documents, stable ids."""

from __future__ import annotations

from compare_fixtures import doc, fire_docs, vote_docs

from newsprism.compare import compare
from newsprism.compare.claims.build import apply_discrepancies, build_claims
from newsprism.compare.claims.split import classify, split_units
from newsprism.compare.stories.find import find_stories
from newsprism.lang.sentences import sentence_spans, sentences
from newsprism.model import Claim, ClaimCell, Discrepancy, Extraction, Span


def _units(body: str) -> list[str]:
    d = doc(f"Headline\n\n{body}\n", "Test Outlet", "2024-01-02")
    return [u.text for u in split_units(d, tuple(sentences(d)))]


def test_multi_fact_sentence_gives_several_claims() -> None:
    assert _units("Police arrested four men, seized two rifles and closed the highway on Monday.") == [
        "Police arrested four men", "Police seized two rifles", "Police closed the highway on Monday"]
    assert _units("The storm cut power to 9,000 homes, and the airport cancelled 120 flights; "
                  "schools stayed shut.") == [
        "The storm cut power to 9,000 homes", "the airport cancelled 120 flights", "schools stayed shut"]


def test_a_single_fact_with_a_list_of_objects_stays_one_claim() -> None:
    assert _units("The minister met farmers, traders and union leaders in Leeds on Friday.") == [
        "The minister met farmers, traders and union leaders in Leeds on Friday"]


def test_sentence_splitter_respects_abbreviations_and_initials() -> None:
    d = doc("Headline\n\nMr. Ortega met Gov. J. R. Lyle in Washington, D.C. on Friday. "
            "They spoke for an hour.\n", "Test Outlet", None)
    assert [d.text[a:b] for a, b in sentences(d)] == [
        "Mr. Ortega met Gov. J. R. Lyle in Washington, D.C. on Friday.", "They spoke for an hour."]


def test_opinion_and_rhetorical_sentences_are_marked() -> None:
    assert classify("The council should close every timber yard that fails an inspection.") == "opinion"
    assert classify("This was a disastrous decision for the region.") == "opinion"
    assert classify("We believe the plan deserves a second look.") == "opinion"
    assert classify("Why did the town wait so long to inspect the building?") == "rhetorical"
    # first person inside a quotation is reported speech, not the writer's opinion
    assert classify('"We will rebuild the school," the mayor said on Monday.') == "factual"
    assert classify("The bridge reopened to traffic on Monday after repairs.") == "factual"


def test_classify_given_the_sentences_words_answers_the_same() -> None:
    """``split_units`` hands ``classify`` the sentence's words, so it can skip the searches when
    none of their words is there; the answers are those without the words."""
    from newsprism.compare.claims.modality import words_of

    for text, kind in [
        ("The council should close every timber yard that fails an inspection.", "opinion"),
        ("The council SHOULDN'T wait, the mayor said.", "opinion"),
        ("This was a disastrous, costly decision for the region.", "opinion"),  # a comma after the word
        ("This was a Disastrous decision for the region.", "opinion"),
        ('The mayor called it "a disastrous decision" on Monday.', "factual"),  # inside a quotation
        ("Our reporters counted the votes on Monday.", "opinion"),
        ('"We will rebuild the school," the mayor said on Monday.', "factual"),
        ("The bridge reopened to traffic on Monday after repairs.", "factual"),
        ("The \u212aelvin scale was DISASTROUS for them.", "opinion"),  # no words: every search runs
    ]:
        assert classify(text) == classify(text, words_of(text)) == kind, text


def test_same_claim_aligned_across_paraphrase_and_number_forms(encoder, verifier) -> None:
    docs = {**fire_docs(), **vote_docs()}
    result = compare(list(docs.values()), Extraction(), sentences=sentence_spans(docs.values()), encoder=encoder,
                     verifier=verifier)
    injured = next(c for c in result.claims if "Four firefighters were injured" in c.text)
    by_doc = {m.doc: m.text for m in injured.mentions}
    assert by_doc[docs["fire_b"].id].startswith("4 firefighters suffered injuries")
    # "The fire at the timber warehouse injured four firefighters, the county fire service said"
    # states it too, in fewer shared words than support verification asks (precision first):
    # related, not silent
    cell = next(c for c in injured.cells if c.doc == docs["fire_c"].id)
    assert cell.state in ("supports", "related") and cell.span is not None or cell.state == "supports"
    vote = next(c for c in result.claims if "31" in c.text)
    # vote_c states the approval too ("After the Halvik council approved the northern tram line
    # on Tuesday"), without the count: it may align, but only once
    assert {docs["vote_a"].id, docs["vote_b"].id} <= {m.doc for m in vote.mentions}
    assert len(vote.mentions) == len({m.doc for m in vote.mentions})


def test_claim_mentions_are_exact_spans_and_ids_stable(encoder, verifier) -> None:
    docs = {**fire_docs(), **vote_docs()}
    by_id = {d.id: d for d in docs.values()}
    first = compare(list(docs.values()), Extraction(), sentences=sentence_spans(docs.values()), encoder=encoder,
                     verifier=verifier)
    again = compare(list(reversed(docs.values())), Extraction(), sentences=sentence_spans(docs.values()),
                    encoder=encoder, verifier=verifier)
    assert first.claims and sorted(c.id for c in first.claims) == sorted(c.id for c in again.claims)
    for c in first.claims:
        for m in c.mentions:
            assert by_id[m.doc].text[m.start:m.end] == m.text


def test_minority_side_of_a_discrepancy_is_contradicting(encoder, verifier) -> None:
    docs = fire_docs()
    five = doc(docs["fire_c"].text.replace(
        "The fire at the timber warehouse injured four firefighters, the county fire service said.",
        "Five firefighters were injured while fighting the blaze at the timber warehouse."),
        "Northern Post", "2024-05-15")
    batch = [docs["fire_a"], docs["fire_b"], five]
    stories, _ = find_stories(batch, Extraction())
    claims = build_claims(batch, stories, (), Extraction(), encoder, sentences=sentence_spans(batch),
                          verifier=verifier)
    claim = next(c for c in claims if "Four firefighters were injured" in c.text)
    assert five.id in claim.support
    spans = []
    for d, word in ((docs["fire_a"], "Four"), (docs["fire_b"], "4"), (five, "Five")):
        start = d.text.index(word + " firefighters")
        spans.append(Span(d.id, start, start + len(word), word))
    disc = Discrepancy("disc_1", "count", "medium", "injured firefighters: 4 vs 5", (claim.id,),
                       tuple(spans))
    (updated,) = apply_discrepancies([claim], [disc], batch, ())
    assert updated.contradicted_by == (five.id,)
    assert set(updated.support) == {docs["fire_a"].id, docs["fire_b"].id}
    assert updated.independent_support == 2


def test_compare_moves_the_minority_count_to_contradicted_by(encoder, verifier) -> None:
    docs = fire_docs()
    five = doc(docs["fire_c"].text.replace(
        "The fire at the timber warehouse injured four firefighters, the county fire service said.",
        "Five firefighters were injured while fighting the blaze at the timber warehouse."),
        "Northern Post", "2024-05-15")
    batch = [docs["fire_a"], docs["fire_b"], five]
    result = compare(batch, Extraction(), sentences=sentence_spans(batch), encoder=encoder, verifier=verifier)
    claim = next(c for c in result.claims if "Four firefighters were injured" in c.text)
    assert claim.contradicted_by == (five.id,)
    assert five.id not in claim.support and five.id not in claim.silent
    assert any(claim.id in d.claims for d in result.discrepancies)


def test_an_aligned_sentence_with_another_value_and_little_shared_wording_is_related() -> None:
    # hand-written: two sentences a loose alignment put in one claim; their days differ, but they
    # share one content word ("court"), so they are two statements, not one told twice
    a = doc("Court date\n\nProsecutors are expected to speak in federal court on Wednesday before Judge Anna Pike.\n",
            "Morning Wire", "2024-03-04")
    b = doc("Aide testifies\n\nThe former aide arrived at the court on Tuesday for the first of three hearings.\n",
            "Evening Post", "2024-03-05")
    ma, mb = (d.span(d.text.index(s), d.text.index(s) + len(s)) for d, s in (
        (a, "Prosecutors are expected to speak in federal court on Wednesday before Judge Anna Pike"),
        (b, "The former aide arrived at the court on Tuesday for the first of three hearings")))
    claim = Claim("claim_x", "story_x", ma.text, (ma, mb), (a.id, b.id), (),
                  cells=(ClaimCell(a.id, "supports"), ClaimCell(b.id, "supports")))
    days = (a.span(a.text.index("Wednesday"), a.text.index("Wednesday") + 9),
            b.span(b.text.index("Tuesday"), b.text.index("Tuesday") + 7))
    disc = Discrepancy("disc_x", "weekday", "medium", "Wednesday vs Tuesday", ("claim_x",), days)
    (updated,) = apply_discrepancies([claim], [disc], [a, b], ())
    assert updated.support == (a.id,) and updated.contradicted_by == ()
    assert [(c.doc, c.state) for c in updated.cells] == [(a.id, "supports"), (b.id, "related")]
    assert updated.related == (b.id,) and updated.cells[1].span == mb
