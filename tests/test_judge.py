"""The sentence-pair judge on hand-written pairs (varied topics, none from the demo corpus); the expected
labels were written from reading each pair. Accuracy on held-out data sets: scripts/train_judge.py, docs/judge.md."""

from __future__ import annotations

import numpy as np
import pytest

from newsprism.compare.claims.judge import LABELS

PARAPHRASES = [
    ("The city council approved the new budget on Monday.",
     "On Monday the city council voted to approve its new budget."),
    ("The museum will close for renovation at the end of March.",
     "At the end of March the museum is closing for renovation work."),
    ("Heavy rain flooded dozens of streets in the port city overnight.",
     "Dozens of streets in the port city were flooded by heavy overnight rain."),
]

CHANGED_COUNTS = [
    ("The storm destroyed 40 homes in the coastal village.",
     "The storm destroyed 400 homes in the coastal village."),
    ("The airline cancelled 12 flights because of the strike.",
     "The airline cancelled 75 flights because of the strike."),
    ("Three climbers were rescued from the mountain on Sunday.",
     "Nine climbers were rescued from the mountain on Sunday."),
]

UNRELATED = [
    ("The central bank raised interest rates by half a percentage point.",
     "A rare orchid bloomed in the botanical garden this week."),
    ("The striker scored twice in the second half of the cup final.",
     "Engineers finished repairs on the old railway bridge."),
    ("Farmers expect a poor wheat harvest after the long drought.",
     "The film festival opened with a comedy about two sisters."),
]


def top(judge, pairs):
    return [LABELS[i] for i in judge.probabilities(pairs).argmax(axis=1)]


def test_labels_and_shape(support_judge):
    assert LABELS == ("same", "related", "contradicts", "unrelated")
    probs = support_judge.probabilities(PARAPHRASES + UNRELATED)
    assert probs.shape == (6, 4) and probs.dtype == np.float32
    assert np.allclose(probs.sum(axis=1), 1.0, atol=1e-5)
    assert support_judge.probabilities([]).shape == (0, 4)


def test_rows_follow_the_input_order_whatever_the_batching(support_judge):
    pairs = PARAPHRASES + CHANGED_COUNTS + UNRELATED
    together = support_judge.probabilities(pairs)
    alone = np.vstack([support_judge.probabilities([p]) for p in pairs])
    assert np.allclose(together, alone, atol=1e-4)


@pytest.mark.parametrize("pair", PARAPHRASES)
def test_paraphrase_is_same(support_judge, pair):
    assert top(support_judge, [pair]) == ["same"]


@pytest.mark.parametrize("pair", CHANGED_COUNTS)
def test_changed_count_is_not_same(support_judge, pair):
    label = top(support_judge, [pair])[0]
    assert label != "same", label
    assert label in ("contradicts", "related"), label


WEAK = pytest.mark.xfail(strict=True, reason="known weakness of the shipped weights: related ranks first (docs/judge.md)")


@pytest.mark.parametrize("pair", [pytest.param(UNRELATED[0], marks=WEAK), pytest.param(UNRELATED[1], marks=WEAK),
                                  UNRELATED[2]])
def test_other_topic_is_unrelated(support_judge, pair):
    assert top(support_judge, [pair]) == ["unrelated"]


@pytest.mark.parametrize("pair", UNRELATED)
def test_other_topic_is_neither_support_nor_contradiction(support_judge, pair):
    assert top(support_judge, [pair])[0] in ("related", "unrelated")


def test_missing_weights_name_the_file(tmp_path):
    from newsprism.compare.claims.judge import SupportJudge

    (tmp_path / "judge.json").write_text('{"labels": ["same", "related", "contradicts", "unrelated"], '
                                        '"trained_layers": 2}', encoding="utf-8")
    with pytest.raises(RuntimeError, match="judge.safetensors"):
        SupportJudge(folder=str(tmp_path)).probabilities([("a", "b")])
