"""What each claims x documents cell means, on hand-written articles about invented events:
supports / contradicts / related / silent; variants (a name's spelling, a quote's spelling or
translation) never contradict; every contradiction names its discrepancy and both spans; a
document never supports and contradicts one claim; a claim's own source never contradicts it."""

from __future__ import annotations

from newsprism.compare import compare
from newsprism.compare.embeddings import load_encoder
from newsprism.extract import extract
from newsprism.lang.sentences import sentence_spans
from newsprism.model import Claim, Comparison, Document, Range, make_id, sha256_text


def _doc(text: str, outlet: str, published: str) -> Document:
    return Document(make_id("doc", text), f"{outlet}.txt", sha256_text(text), text, outlet, None, (),
                    published, "news", Range(0, len(text)), ())


def _run(nlp, encoder, *texts: str) -> tuple[Comparison, dict[str, str]]:  # type: ignore[no-untyped-def]
    """Compare articles published on consecutive days, earliest first; outlet name by doc id."""
    docs = [_doc(t, f"Outlet {'ABCDE'[i]}", f"2024-03-0{5 + i}") for i, t in enumerate(texts)]
    result = compare(docs, extract(docs, nlp), sentences=sentence_spans(docs), encoder=encoder,
                     verifier=load_encoder(kind="transformer"))
    by_id = {d.id: d for d in docs}
    _check_invariants(result, by_id)
    return result, {d.id: d.outlet or "" for d in docs}


def _check_invariants(result: Comparison, docs: dict[str, Document]) -> None:
    discrepancies = {d.id: d for d in result.discrepancies}
    story_docs = {s.id: s.documents for s in result.stories}
    for c in result.claims:
        assert [cell.doc for cell in c.cells] == list(story_docs[c.story])  # one cell a document
        state = {cell.doc: cell.state for cell in c.cells}
        assert {d for d, s in state.items() if s == "supports"} == set(c.support)
        assert {d for d, s in state.items() if s == "contradicts"} == set(c.contradicted_by)
        assert {d for d, s in state.items() if s == "related"} == set(c.related)
        assert {d for d, s in state.items() if s == "silent"} == set(c.silent)
        assert not set(c.support) & set(c.contradicted_by)
        assert c.mentions[0].doc not in c.contradicted_by  # the claim's own source
        for cell in c.cells:
            if cell.state != "contradicts":
                continue
            disc = discrepancies[cell.discrepancy]  # type: ignore[index]
            assert not disc.variant and c.id in disc.claims
            assert cell.span is not None and cell.other is not None
            assert cell.span.doc == cell.doc and cell.other.doc != cell.doc
            assert cell.span in disc.mentions and cell.other in disc.mentions
            for s in (cell.span, cell.other):
                assert docs[s.doc].text[s.start:s.end] == s.text


def _cells(result: Comparison, outlets: dict[str, str], starts: str) -> dict[str, str]:
    claim = _claim(result, starts)
    return {outlets[cell.doc]: cell.state for cell in claim.cells}


def _claim(result: Comparison, starts: str) -> Claim:
    (claim,) = [c for c in result.claims if c.text.startswith(starts)]
    return claim


MEETING = (
    "Ports deal signed in Valmora\n\n"
    "Foreign Minister Andrei Kostin met Trade Secretary Lena Haller in Valmora on Tuesday. "
    "The two ministers signed an agreement to reopen three ports to grain shipments. "
    "The talks lasted four hours, officials said. "
    "A drone struck an oil pumping station near the border on Monday, Kostin said.\n"
)
MEETING_B = (
    "Valmora talks end with ports agreement\n\n"
    "Foreign Minister Andrey Kostin met Trade Secretary Lena Haller in Valmora on Tuesday. "
    "The ministers signed a deal to reopen three ports to grain shipments. "
    "The talks lasted four hours.\n"
)
MEETING_C = (
    "Kostin and Haller agree on ports\n\n"
    "Foreign Minister Andrey Kostin met Trade Secretary Lena Haller in Valmora on Tuesday. "
    "The two ministers signed an agreement to reopen three ports to grain shipments. "
    "The talks lasted six hours, according to officials. "
    "Grain ships will be able to use the three reopened ports from next month, the agreement says. "
    "Haller said her country would propose a pause on strikes against energy plants.\n"
)


def test_a_name_spelled_differently_is_a_variant_not_a_contradiction(nlp, encoder) -> None:  # type: ignore[no-untyped-def]
    result, outlets = _run(nlp, encoder, MEETING, MEETING_B, MEETING_C)
    (spelling,) = [d for d in result.discrepancies if d.kind == "name_spelling"]
    assert spelling.variant and spelling.severity == "low"
    assert {m.text for m in spelling.mentions} == {"Andrei", "Andrey"}
    # Outlet A spells "Andrei" alone: before, that put it among the claim's contradictors
    assert _cells(result, outlets, "Foreign Minister Andrei Kostin met") == {
        "Outlet A": "supports", "Outlet B": "supports", "Outlet C": "supports"}


def test_a_different_duration_contradicts_with_its_discrepancy_and_both_spans(nlp, encoder) -> None:  # type: ignore[no-untyped-def]
    result, outlets = _run(nlp, encoder, MEETING, MEETING_B, MEETING_C)
    assert _cells(result, outlets, "The talks lasted four hours") == {
        "Outlet A": "supports", "Outlet B": "supports", "Outlet C": "contradicts"}
    claim = _claim(result, "The talks lasted four hours")
    (cell,) = [c for c in claim.cells if c.state == "contradicts"]
    assert cell.span is not None and cell.other is not None
    assert (cell.span.text, cell.other.text) == ("six hours", "four hours")
    assert next(d for d in result.discrepancies if d.id == cell.discrepancy).kind == "number"


def test_a_claims_own_source_never_contradicts_it(nlp, encoder) -> None:  # type: ignore[no-untyped-def]
    # the earliest article gives six hours, the two later ones four: the claim is the source's
    # statement, so the later two contradict it, whatever the majority says
    result, outlets = _run(nlp, encoder, MEETING_C, MEETING, MEETING_B)
    assert _cells(result, outlets, "The talks lasted six hours") == {
        "Outlet A": "supports", "Outlet B": "contradicts", "Outlet C": "contradicts"}


def test_related_documents_speak_of_the_claim_without_stating_it(nlp, encoder) -> None:  # type: ignore[no-untyped-def]
    result, outlets = _run(nlp, encoder, MEETING, MEETING_B, MEETING_C)
    assert _cells(result, outlets, "Grain ships will be able to use") == {
        "Outlet A": "related", "Outlet B": "related", "Outlet C": "supports"}
    claim = _claim(result, "Grain ships will be able to use")
    for cell in claim.cells:
        if cell.state == "related":  # the sentence on the agreement, which says nothing of next month
            assert cell.span is not None and "reopen three ports" in cell.span.text and cell.discrepancy is None
    # a pause on strikes against energy plants is not a drone strike on an oil station
    assert _cells(result, outlets, "Haller said her country would propose a pause") == {
        "Outlet A": "silent", "Outlet B": "silent", "Outlet C": "supports"}


BRIDGE_A = (
    "Bridge vote in Marlow\n\n"
    "The Marlow council voted on Tuesday to rebuild the old river bridge. "
    "“We will not let this bridge fall apart while we argue about the colour of the railings,” "
    "Mayor Ines Carvalho said. "
    "The rebuilding will take six months.\n"
)
BRIDGE_B = (
    "Marlow to rebuild river bridge\n\n"
    "The Marlow council voted on Wednesday to rebuild the old river bridge. "
    "“We will not let this bridge fall apart while we argue about the color of the railings,” "
    "Mayor Ines Carvalho said. "
    "The rebuilding will take six months.\n"
)
BRIDGE_C = (
    "Council backs Marlow bridge plan\n\n"
    "The Marlow council voted on Tuesday to rebuild the old river bridge. "
    "“We will not let this bridge fall apart while we argue about the colour of the railings,” "
    "councillor Tom Reeve said. "
    "The rebuilding will take nine months.\n"
)


def test_a_quote_spelled_differently_is_a_variant(nlp, encoder) -> None:  # type: ignore[no-untyped-def]
    result, outlets = _run(nlp, encoder, BRIDGE_A, BRIDGE_B, BRIDGE_C)
    wording = [d for d in result.discrepancies if d.kind == "quote_wording"]
    assert wording and all(d.variant and d.severity == "low" for d in wording)
    assert any("colour" in d.description and "color" in d.description for d in wording)
    # "color" does not make Outlet B contradict the quote; Outlet C gives it to someone else
    assert _cells(result, outlets, "“We will not let this bridge") == {
        "Outlet A": "supports", "Outlet B": "supports", "Outlet C": "contradicts"}


def test_the_same_words_given_to_another_speaker_contradict(nlp, encoder) -> None:  # type: ignore[no-untyped-def]
    result, _ = _run(nlp, encoder, BRIDGE_A, BRIDGE_B, BRIDGE_C)
    claim = _claim(result, "“We will not let this bridge")
    (cell,) = [c for c in claim.cells if c.state == "contradicts"]
    assert next(d for d in result.discrepancies if d.id == cell.discrepancy).kind == "quote_speaker"
    assert cell.span is not None and cell.other is not None
    assert (cell.span.text, cell.other.text) == ("Tom Reeve", "Mayor Ines Carvalho")


def test_a_different_weekday_contradicts_even_between_two_other_outlets(nlp, encoder) -> None:  # type: ignore[no-untyped-def]
    # B (Wednesday) against C (Tuesday) is a finding of its own; the claim (A) says Tuesday
    result, outlets = _run(nlp, encoder, BRIDGE_A, BRIDGE_B, BRIDGE_C)
    assert _cells(result, outlets, "The Marlow council voted on Tuesday") == {
        "Outlet A": "supports", "Outlet B": "contradicts", "Outlet C": "supports"}
    assert _cells(result, outlets, "The rebuilding will take six months") == {
        "Outlet A": "supports", "Outlet B": "supports", "Outlet C": "contradicts"}


SUMMIT_A = (
    "Summit in Orvieto called off\n\n"
    "The summit of regional leaders in Orvieto was cancelled on Monday after a dispute over the agenda. "
    "Former President Paolo Ferri had been due to open it.\n"
)
SUMMIT_B = (
    "Orvieto summit delayed\n\n"
    "The summit of regional leaders in Orvieto was postponed on Monday after a dispute over the agenda. "
    "President Paolo Ferri had been due to open it.\n"
)


def test_incompatible_outcomes_and_roles_contradict(nlp, encoder) -> None:  # type: ignore[no-untyped-def]
    result, outlets = _run(nlp, encoder, SUMMIT_A, SUMMIT_B)
    assert _cells(result, outlets, "The summit of regional leaders") == {
        "Outlet A": "supports", "Outlet B": "contradicts"}
    assert _cells(result, outlets, "Former President Paolo Ferri") == {
        "Outlet A": "supports", "Outlet B": "contradicts"}
    kinds = {d.kind: d for d in result.discrepancies}
    assert not kinds["event_verb"].variant and not kinds["role"].variant


FLOOD_A = (
    "Flood defences fail in Tarnby\n\n"
    "Rescue teams pulled twelve people from the river in Tarnby on 4 March 2024. "
    "“We did warn the council that the wall would give way,” engineer Ruth Alder said. "
    "The town has asked the region for emergency funds.\n"
)
FLOOD_B = (
    "Tarnby river bursts its banks\n\n"
    "Rescue teams pulled fifteen people from the river in Tarnby on 4 March 2024. "
    "“We did not warn the council that the wall would give way,” engineer Ruth Alder said. "
    "The town has asked the region for emergency funds.\n"
)
FLOOD_C = (
    "Rescues in Tarnby after flood\n\n"
    "Rescue teams pulled twelve people from the river in Tarnby on 6 March 2024. "
    "“We did warn the council that the wall would give way,” engineer Ruth Alder said.\n"
)


def test_a_count_a_date_and_a_negated_quote_contradict(nlp, encoder) -> None:  # type: ignore[no-untyped-def]
    result, outlets = _run(nlp, encoder, FLOOD_A, FLOOD_B, FLOOD_C)
    assert _cells(result, outlets, "Rescue teams pulled twelve people") == {
        "Outlet A": "supports", "Outlet B": "contradicts", "Outlet C": "contradicts"}
    claim = _claim(result, "Rescue teams pulled twelve people")
    kinds = {c.doc: next(d.kind for d in result.discrepancies if d.id == c.discrepancy)
             for c in claim.cells if c.state == "contradicts"}
    assert sorted(kinds.values()) == ["count", "date"]
    assert _cells(result, outlets, "“We did warn the council") == {
        "Outlet A": "supports", "Outlet B": "contradicts", "Outlet C": "supports"}
    (negated,) = [d for d in result.discrepancies if d.kind == "quote_wording"]
    assert negated.severity == "high" and not negated.variant
    assert _cells(result, outlets, "The town has asked the region") == {
        "Outlet A": "supports", "Outlet B": "supports", "Outlet C": "silent"}


def test_a_title_worded_differently_is_no_contradiction(nlp, encoder) -> None:  # type: ignore[no-untyped-def]
    a = ("Ortega visits Manila\n\n"
         "Defense Secretary Paul Ortega arrived in Manila on Thursday for talks on the naval base.\n")
    b = ("Ortega in Manila for base talks\n\n"
         "Secretary of Defense Paul Ortega arrived in Manila on Thursday for talks on the naval base.\n")
    result, outlets = _run(nlp, encoder, a, b)
    assert [d for d in result.discrepancies if not d.variant] == []
    assert _cells(result, outlets, "Defense Secretary Paul Ortega arrived") == {
        "Outlet A": "supports", "Outlet B": "supports"}
