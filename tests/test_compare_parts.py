"""The compare stage cut into parts (one story each, or runs of stories) gives what one call gives.

This is what lets the ray engine compare parts in separate processes. Data: the demo corpus (one
story of five documents) and tests/data/grow (hand-written: a warehouse fire reported three times,
a school budget vote once), read together: three stories.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism import compare as compare_stage
from newsprism.engines.ray_engine import part_sizes
from newsprism.extract import extract
from newsprism.lang.sentences import sentence_spans
from newsprism.pipeline import ingest

GROW = Path(__file__).parent / "data" / "grow"


@pytest.mark.slow
def test_stories_compared_in_parts_give_the_whole_comparison(nlp, encoder, demo_dir: Path) -> None:
    docs = ingest([demo_dir, GROW]).documents
    extraction = extract(docs, nlp)
    sentences = sentence_spans(docs)
    whole = compare_stage.compare(docs, extraction, sentences=sentences, encoder=encoder)
    assert [len(s.documents) for s in whole.stories] == [5, 3, 1]
    prepared = compare_stage.prepare(docs, extraction)
    docs = prepared.documents  # three demo articles are dated from their story
    assert sum(d.published_basis == "story" for d in docs) == 3
    for sizes in ([1, 1, 1], [2, 1], [1, 2]):
        parts = compare_stage.parts(docs, extraction, prepared, sentences, sizes)
        # each part holds its own stories' documents and nothing of the others
        assert [len(p.documents) for p in parts] == [sum(len(s.documents) for s in p.stories) for p in parts]
        for p in parts:
            ids = {d.id for d in p.documents}
            assert {q.doc for q in p.extraction.quotes} | {t.doc for t in p.extraction.dates} <= ids
            assert p.extraction.entities and all(any(m.doc in ids for m in e.mentions) for e in p.extraction.entities)
        results = [compare_stage.compare_part(p, encoder) for p in parts]
        assert compare_stage.assemble(docs, extraction, prepared, results, sentences) == whole, sizes
    with pytest.raises(ValueError, match="do not add up"):
        compare_stage.parts(docs, extraction, prepared, sentences, [1, 1])


def test_part_sizes_balance_pairs_of_documents() -> None:
    # a story of n documents costs about n * n: one big story is a part of its own
    assert part_sizes([5, 3, 1], 3) == [1, 2]
    assert part_sizes([1, 1, 1, 1], 2) == [2, 2]
    assert part_sizes([1, 1, 1, 1, 1], 2) == [3, 2]
    assert part_sizes([2, 2], 8) == [1, 1]
    assert part_sizes([], 4) == [0]
    assert sum(part_sizes([4, 1, 1, 7, 2, 2, 2], 3)) == 7
