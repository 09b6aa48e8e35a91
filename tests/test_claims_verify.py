"""Support verification (claims.verify): an aligned sentence supports a claim only when the
sentence-pair model says it states the same fact. Hand-written sentences; expected values by reading."""

from __future__ import annotations

from newsprism.compare.claims.align import Keyed
from newsprism.compare.claims.modality import same_speaker
from newsprism.compare.claims.split import Unit
from newsprism.compare.claims.verify import Verifier, containment, states_same, verify


def _k(doc: str, text: str) -> Keyed:
    return Keyed(Unit(doc, 0, len(text), text, "factual"), frozenset(), frozenset())


def _any_kind(_: Keyed, __: Keyed) -> bool:
    return True


def test_a_paraphrase_states_the_same_fact_and_a_topic_neighbour_does_not(verifier) -> None:
    head = _k("a", "The Dalmore council approved a new tram line on Tuesday by 31 votes to 12.")
    same = _k("b", "On Tuesday the council of Dalmore voted 31 to 12 to approve a new tram line.")
    topic = _k("c", "The Dalmore council has long argued about how to pay for public transport.")
    fits = Verifier(verifier).same_fact_fn([[head, same, topic]], None)
    assert fits(head, same)
    assert not fits(head, topic)


def test_two_occasions_or_two_wholes_are_never_one_fact(verifier) -> None:
    head = _k("a", "The survey of 1,210 adults was conducted March 3-6, 2017 by the institute.")
    other_year = _k("b", "The survey of 1,050 adults was conducted March 9-12, 2021 by the institute.")
    same = _k("c", "The institute conducted the survey of 1,210 adults on March 3-6, 2017.")
    share = _k("d", "The poll found that 31 percent of registered voters had already voted.")
    other_whole = _k("e", "The poll found that 26 percent of likely voters had already voted.")
    fits = Verifier(verifier).same_fact_fn([[head, other_year, same], [share, other_whole]], None)
    assert fits(head, same)
    assert not fits(head, other_year)
    assert not fits(share, other_whole)


def test_a_group_keeps_only_what_states_its_fact_and_the_rest_is_related(verifier) -> None:
    head = _k("a", "Four firefighters were injured while fighting the blaze at the timber yard.")
    same = _k("b", "Four firefighters suffered injuries while fighting the blaze at the timber yard.")
    other = _k("c", "The timber yard had failed two fire inspections in the past year.")
    units = [head, same, other]
    groups, related = verify(units, [[head, same, other]], [{}], None,
                             Verifier(verifier).same_fact_fn([units], None), _any_kind)
    assert [[k.unit.doc for k in g] for g in groups] == [["a", "b"], ["c"]]
    assert related[0]["c"] is other  # the sentence that left stays related to the claim
    assert related[1]["a"] is head


def test_a_lone_candidate_that_states_the_fact_joins_the_claim(verifier) -> None:
    head = _k("a", "The ferry Nordlys ran aground off Hareid on Sunday with 60 passengers on board.")
    same = _k("b", "The ferry Nordlys, with 60 passengers on board, ran aground off Hareid on Sunday.")
    lone = _k("c", "With 60 passengers aboard, the ferry Nordlys ran aground near Hareid on Sunday.")
    units = [head, same, lone]
    groups_in, candidates = [[head, same], [lone]], [{"c": (lone,)}, {}]
    groups, related = verify(units, groups_in, [{"c": lone}, {}], candidates,
                             Verifier(verifier).same_fact_fn(groups_in, candidates), _any_kind)
    assert [[k.unit.doc for k in g] for g in groups] == [["a", "b", "c"]]
    assert related == [{}]


def test_containment_lets_a_sentence_that_adds_detail_support() -> None:
    short = "The minister resigned on Friday."
    longer = "The minister resigned on Friday after a week of protests over the port contract."
    assert containment(short, longer) == 1.0
    # a cosine that alone would be too low passes with the shorter sentence contained
    assert states_same(short, longer, 0.65) and not states_same(short, longer, 0.5)
    assert not states_same(short, "Protests over the port contract went on for a week.", 0.65)


def test_speakers_named_by_description_may_be_anyone_but_two_names_differ() -> None:
    assert same_speaker("the group", "Harbour Alliance")
    assert same_speaker("the president", "Ana Ruiz")
    assert same_speaker("the agency", "The Revenue Agency")
    assert not same_speaker("Ana Ruiz", "Piet Bos")
    assert not same_speaker("The Revenue Agency", "Piet Bos")
