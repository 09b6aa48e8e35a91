"""Independent sources: a copied article is found and not counted twice as support."""

from __future__ import annotations

from compare_fixtures import fire_docs, vote_docs

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
    result = compare(list(docs.values()), Extraction(), sentences=sentence_spans(docs.values()), encoder=encoder)
    road = next(c for c in result.claims if "ring road" in c.text)
    assert set(road.support) == {docs["fire_a"].id, docs["fire_copy"].id}
    assert road.independent_support == 1 and road.single_source
    injured = next(c for c in result.claims if "Four firefighters were injured" in c.text)
    assert set(injured.support) == {docs[k].id for k in ("fire_a", "fire_copy", "fire_b", "fire_c")}
    assert injured.independent_support == 3 and not injured.single_source
