"""Quotes on the demo corpus: a handful of speakers checked by reading the articles."""

from __future__ import annotations

from functools import lru_cache

import pytest
from test_quotes import make_doc

from newsprism.extract.actors.find import find_actors
from newsprism.extract.quotes.find import find_quotes


@pytest.fixture(scope="module")
def demo(nlp, demo_dir):
    @lru_cache(maxsize=None)
    def load(prefix: str):
        path = next(demo_dir.glob(f"{prefix}_*.txt"))
        doc = make_doc(path.read_text(encoding="utf-8"), doc_id=prefix)
        sdoc = nlp(doc.clean_text())
        actors = find_actors(doc, sdoc)
        quotes = find_quotes(doc, sdoc, actors)
        for q in quotes:
            assert doc.text[q.start:q.end] == q.text
        return doc, sdoc, actors, quotes
    return load


def find(quotes, starts: str, kind: str = "direct"):
    found = [q for q in quotes if q.kind == kind and q.text.startswith(starts)]
    assert len(found) == 1, starts
    return found[0]


def name(actors, q) -> str | None:
    a = actors.by_key(q.speaker) if q.speaker else None
    return a.name if a else None


def test_rferl_speakers(demo):
    _, _, actors, quotes = demo("001")
    assert "Lavrov" in name(actors, find(quotes, "I have every reason to believe"))
    peskov = find(quotes, "A comprehensive long-term settlement")
    assert peskov.speaker_text == "Dmitry Peskov" and peskov.cue == "tell"
    # "she said" two paragraphs after Jana Puglierin is introduced
    assert name(actors, find(quotes, "February 2022 destroyed")) == "Jana Puglierin"
    assert name(actors, find(quotes, "future cooperation")) == "Tammy Bruce"


def test_la_times_pronoun_skips_the_name_inside_the_quote(demo):
    _, _, actors, quotes = demo("002")
    q = find(quotes, "Putin will be emboldened")
    assert name(actors, q) == "Bryn Rosenfeld" and q.speaker_text == "she"
    state = find(quotes, "consultation mechanism")
    assert state.speaker_text == "State Department" and name(actors, state) == "State Department"


def test_washington_times_titles_and_split_quote(demo):
    _, _, actors, quotes = demo("003")
    q = find(quotes, "Any appearance by armed forces")
    assert q.speaker_text == "the longtime Russian foreign minister"
    assert "Lavrov" in name(actors, q)
    assert "Rubio" in name(actors, find(quotes, "first step of a long and difficult journey."))
    assert "Waltz" in name(actors, find(quotes, "And those are things that we will start"))


def test_unbalanced_marks_do_not_swallow_text(demo):
    doc, _, actors, quotes = demo("000")
    q = find(quotes, "came away today convinced")
    assert q.text.endswith("engage in a serious process")
    assert "Rubio" in name(actors, q)
    assert not any("to end the war.”" in x.text for x in quotes)
