"""Stories: hand-written articles about two invented events, prior signatures, the demo corpus."""

from __future__ import annotations

import json
from pathlib import Path

from compare_fixtures import FIRE_LATE, doc, fire_docs, vote_docs

from newsprism.compare import compare
from newsprism.compare.stories.find import find_stories
from newsprism.lang.sentences import sentence_spans
from newsprism.model import Document, Extraction, Range, StorySignature, make_id, sha256_text

FOOTBALL = (
    "Harbour Rovers win the cup final\n\n"
    "Harbour Rovers beat Eastfield Athletic 3-1 in the cup final on Saturday. "
    "Striker Nils Berg scored twice in the second half before a crowd of 40,000 fans. "
    "The club last lifted the trophy in 1998.\n"
)


def _names(docs: dict[str, Document]) -> dict[str, str]:
    return {d.id: k for k, d in docs.items()}


def test_two_events_form_two_stories() -> None:
    docs = {**fire_docs(), **vote_docs()}
    stories, sigs = find_stories(list(docs.values()), Extraction())
    names = _names(docs)
    grouped = sorted(sorted(names[d] for d in s.documents) for s in stories)
    assert grouped == [["fire_a", "fire_b", "fire_c", "fire_copy"], ["vote_a", "vote_b", "vote_c"]]
    assert [s.id for s in sigs] == [s.id for s in stories]


def test_story_id_comes_from_earliest_document_and_is_order_independent() -> None:
    docs = {**fire_docs(), **vote_docs()}
    forward, _ = find_stories(list(docs.values()), Extraction())
    backward, _ = find_stories(list(reversed(docs.values())), Extraction())
    assert {s.id for s in forward} == {s.id for s in backward}
    fire = next(s for s in forward if docs["fire_a"].id in s.documents)
    # fire_a is the only fire article published on 2024-05-14
    assert fire.id == make_id("story", docs["fire_a"].id)
    assert "Dunmore" in fire.title


def test_new_batch_joins_existing_story_through_signatures(encoder) -> None:
    docs = {**fire_docs(), **vote_docs()}
    first = compare(list(docs.values()), Extraction(), sentences=sentence_spans(docs.values()), encoder=encoder)
    stored = [json.loads(json.dumps(s.to_json())) for s in first.signatures]
    prior = [StorySignature.from_json(s) for s in stored]
    assert prior == list(first.signatures)
    fire_story = next(s for s in first.stories if docs["fire_a"].id in s.documents)
    late = doc(FIRE_LATE, "Evening Star", "2024-05-17")
    football = doc(FOOTBALL, "Evening Star", "2024-05-18")
    second = compare([late, football], Extraction(), prior=prior, sentences=sentence_spans([late, football]),
                     encoder=encoder)
    by_doc = {d: s.id for s in second.stories for d in s.documents}
    assert by_doc[late.id] == fire_story.id
    assert by_doc[football.id] not in {s.id for s in first.stories}
    joined = next(s for s in second.signatures if s.id == fire_story.id)
    assert joined.size == 5 and joined.last == "2024-05-17"


def test_same_words_far_apart_in_time_do_not_join() -> None:
    late = doc(FIRE_LATE, "Evening Star", "2025-09-01")
    fire = fire_docs()
    stories, _ = find_stories([*fire.values(), late], Extraction())
    assert len(stories) == 2


def _demo_documents(demo_dir: Path) -> list[Document]:
    out = []
    for path in sorted(demo_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out.append(Document(make_id("doc", sha256_text(text)), str(path), sha256_text(text), text,
                            None, None, (), None, "unknown", Range(0, len(text)), ()))
    return out


def test_demo_corpus_is_one_story(demo_dir: Path) -> None:
    # read by hand: all five articles cover the 18 Feb 2025 U.S.-Russia talks in Riyadh
    docs = _demo_documents(demo_dir)
    stories, _ = find_stories(docs, Extraction())
    assert len(stories) == 1
    assert set(stories[0].documents) == {d.id for d in docs}


def test_an_undated_article_of_a_later_batch_is_dated_by_its_stored_story(encoder) -> None:
    # the stored fire story's latest date is Wednesday 2024-05-15; the late article, undated,
    # says the warehouse "burned on Tuesday night": Tuesday 2024-05-14 is the latest day it reports
    docs = fire_docs()
    first = compare(list(docs.values()), Extraction(), sentences=sentence_spans(docs.values()), encoder=encoder)
    late = doc(FIRE_LATE, "Evening Star", None)
    second = compare([late], Extraction(), prior=list(first.signatures), sentences=sentence_spans([late]),
                     encoder=encoder)
    assert [(d.id, d.published, d.published_basis) for d in second.redated] == [(late.id, "2024-05-14", "story")]
    assert [s.text for s in second.redated[0].published_evidence] == ["Tuesday"]
