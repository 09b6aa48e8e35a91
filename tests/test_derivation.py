"""Independent sources: a copied article is found and not counted twice as support."""

from __future__ import annotations

from compare_fixtures import fire_docs, vote_docs

from newsprism.compare.embeddings import load_encoder
from newsprism.compare import compare
from newsprism.compare.stories.derivation import find_derivations
from newsprism.lang.sentences import sentence_spans
from newsprism.model import Extraction


def test_copy_is_detected_with_direction_and_evidence() -> None:
    docs = {**fire_docs(), **vote_docs()}
    found = find_derivations(list(docs.values()), Extraction())
    assert len(found) == 1
    d = found[0]
    # the copy was published a day after the original
    assert (d.doc, d.derived_from) == (docs["fire_copy"].id, docs["fire_a"].id)
    assert d.score > 0.8
    assert "timber warehouse on the eastern edge of Dunmore" in d.evidence


def test_paraphrased_coverage_is_not_a_derivation() -> None:
    docs = fire_docs()
    found = find_derivations([docs["fire_a"], docs["fire_b"], docs["fire_c"]], Extraction())
    assert found == ()


def test_copy_does_not_count_as_independent_support(encoder) -> None:
    docs = {**fire_docs(), **vote_docs()}
    result = compare(list(docs.values()), Extraction(), sentences=sentence_spans(docs.values()), encoder=encoder,
                     verifier=load_encoder(kind="transformer"))
    road = next(c for c in result.claims if "ring road" in c.text)
    assert set(road.support) == {docs["fire_a"].id, docs["fire_copy"].id}
    assert road.independent_support == 1 and road.single_source
    injured = next(c for c in result.claims if "Four firefighters were injured" in c.text)
    # fire_c words it with fewer shared words than support verification asks: related at least
    assert {docs[k].id for k in ("fire_a", "fire_copy", "fire_b")} <= set(injured.support)
    assert docs["fire_c"].id in set(injured.support) | set(injured.related)
    assert injured.independent_support == len(injured.support) - 1 and not injured.single_source


# hand-written: a longer report of a ferry accident, a word-by-word "spun" rewrite of it (synonyms
# replaced, order of the sentences kept, shares almost no 5-word sequence), a partial reworded copy
# of its first eight sentences, and an independent report of the same accident
FERRY = (
    "Ferry runs aground off Kessel Island\n\n"
    "A passenger ferry ran aground on a sandbank off Kessel Island early on Saturday. "
    "The coast guard said all 212 passengers and 14 crew members were taken off the vessel by lifeboats. "
    "Three passengers were treated in hospital for minor injuries. "
    "The ferry, the Northern Star, had left the port of Brandvik an hour earlier. "
    "Captain Ingrid Solheim told investigators that the ship's radar had failed shortly after departure. "
    "The operator, Baltic Sound Lines, cancelled all sailings for the weekend. "
    "Divers inspected the hull on Saturday afternoon and found a two-metre gash below the waterline. "
    "A salvage tug is expected to try to refloat the ferry at high tide on Monday. "
    "The maritime authority has opened an inquiry into the grounding. "
    "It was the second accident on the route this year.\n"
)
FERRY_SPUN = (
    "Passenger boat stranded near Kessel Island\n\n"
    "A commuter vessel became stuck on a sand bar close to Kessel Island in the early hours of Saturday. "
    "Every one of the 212 travellers and 14 sailors were evacuated from the boat in rescue craft, according to the coastguard. "
    "Three travellers received hospital care for light wounds. "
    "The Northern Star had departed from the harbour of Brandvik sixty minutes before. "
    "Skipper Ingrid Solheim informed inspectors that the radar on board stopped working soon after setting off. "
    "Baltic Sound Lines, which runs the service, called off every crossing over the weekend. "
    "Underwater teams examined the hull during Saturday afternoon and discovered a 2-metre tear beneath the water line. "
    "A recovery tugboat will attempt to free the vessel when the tide is high on Monday. "
    "An investigation into the stranding has been launched by the maritime authority. "
    "This was the route's second mishap in the current year.\n"
)
FERRY_HALF = (
    "Ferry aground at Kessel Island, radar blamed\n\n"
    "A ferry carrying passengers hit a sandbank near Kessel Island on Saturday morning. "
    "All 212 passengers and the 14 crew were brought off the ship in lifeboats, the coast guard reported. "
    "Three people needed hospital treatment for minor injuries. "
    "The Northern Star had sailed from Brandvik one hour before the grounding. "
    "Its captain, Ingrid Solheim, told investigators the radar stopped working soon after the ship left port. "
    "Baltic Sound Lines, the operator, has called off all its sailings this weekend. "
    "On Saturday afternoon divers checked the hull and found a gash of two metres below the waterline. "
    "A salvage tug is due to attempt to refloat the ship at Monday's high tide.\n"
)
FERRY_OWN = (
    "Kessel Island grounding: questions over ferry safety\n\n"
    "Residents of Kessel Island watched from the shore as lifeboats ferried people to safety on Saturday. "
    "Local fisherman Arne Dahl said the sandbank has shifted after the winter storms and is poorly marked. "
    "Baltic Sound Lines said it would cooperate fully with the maritime authority's inquiry. "
    "Unions representing ferry crews have long warned that the route's ships are too old. "
    "The Northern Star was built in 1987 and last inspected in March. "
    "Nobody was seriously hurt, the coast guard said.\n"
)


def test_a_reworded_copy_is_a_derivation_through_the_order_of_its_statements(encoder) -> None:
    from compare_fixtures import doc

    docs = {"orig": doc(FERRY, "Harbour Daily", "2024-06-01"), "spun": doc(FERRY_SPUN, "Quick Wire", "2024-06-02"),
            "half": doc(FERRY_HALF, "Coast Courier", "2024-06-02"), "own": doc(FERRY_OWN, "Island Voice", "2024-06-02")}
    # shared 5-word sequences alone do not see the spun copies
    assert not {(d.doc, d.derived_from) for d in find_derivations(list(docs.values()), Extraction())} & {
        (docs["spun"].id, docs["orig"].id)}
    result = compare(list(docs.values()), Extraction(), sentences=sentence_spans(docs.values()), encoder=encoder,
                     verifier=load_encoder(kind="transformer"))
    links = {(d.doc, d.derived_from): d for d in result.derivations}
    assert (docs["spun"].id, docs["orig"].id) in links
    assert (docs["half"].id, docs["orig"].id) in links  # a partial copy counts
    assert "same order" in links[(docs["spun"].id, docs["orig"].id)].evidence
    assert not any(docs["own"].id in pair for pair in links)  # independent reporting is not a copy
    hospital = next(c for c in result.claims if "treated in hospital" in c.text)
    # the spun sentence ("received hospital care for light wounds") is the same fact in other words;
    # support verification may leave it related, but never silent; when it supports, the copy
    # does not count as an independent source
    assert docs["spun"].id in set(hospital.support) | set(hospital.related)
    if docs["spun"].id in hospital.support:
        assert hospital.independent_support < len(hospital.support)
