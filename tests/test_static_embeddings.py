"""The static sentence encoder distilled from all-MiniLM-L6-v2: weights, projection, disk cache."""

from __future__ import annotations

import numpy as np
import pytest

from newsprism.compare.embeddings import static as se
from newsprism.compare.embeddings.encoders import DEFAULT_MODEL, load_encoder, model_path


def test_sif_weights_follow_the_vocabulary_order_after_specials_and_characters() -> None:
    vocab = {"[PAD]": 0, "[UNK]": 1, "a": 2, "##s": 3, "the": 4, "of": 5, "tram": 6, "##way": 7}
    w = se.sif_weights(vocab, len(vocab))
    assert se.first_word_id(vocab) == 4  # "##way" is a piece, but longer than one character
    assert w[4] == w[2] == w[0]  # specials and characters weigh like the most frequent word
    assert w[4] < w[5] < w[6] < w[7] < 1.0  # rarer (later) words weigh more


def test_principal_components_centre_and_order_by_variance() -> None:
    rng = np.random.default_rng(0)
    table = rng.normal(size=(500, 6)) * np.array([5.0, 0.1, 3.0, 0.1, 1.0, 0.1]) + 7.0
    reduced = se.principal_components(table.astype(np.float32), 3)
    assert reduced.shape == (500, 3)
    assert np.allclose(reduced.mean(axis=0), 0.0, atol=1e-3)
    variances = reduced.var(axis=0)
    assert variances[0] > variances[1] > variances[2] > 0.5  # the three wide axes, widest first


@pytest.fixture(scope="module")
def static():
    enc = load_encoder(kind="static")
    assert enc is not None
    return enc


def test_encoder_rows_are_unit_length_and_paraphrases_score_higher(static) -> None:
    rows = static.encode(["The minister resigned on Monday after the audit",
                          "After the audit, the minister stepped down Monday",
                          "The minister said the audit found no wrongdoing",
                          ""])
    assert rows.shape == (4, se.DIMS)
    assert np.allclose(np.linalg.norm(rows[:3], axis=1), 1.0, atol=1e-5)
    assert not rows[3].any()  # no pieces: a zero row, never NaN
    assert rows[0] @ rows[1] > rows[0] @ rows[2]


def test_the_table_is_read_back_from_the_cache_without_distilling(static, tmp_path,
                                                                 monkeypatch) -> None:
    model_dir = model_path(DEFAULT_MODEL)
    monkeypatch.setenv("NEWSPRISM_CACHE", str(tmp_path))
    se.load_static.cache_clear()
    path = se.cache_file(model_dir)
    np.save(path, static.table)  # as a first run would have left it
    monkeypatch.setattr(se, "distill", lambda _: pytest.fail("distilled again"))
    again = se.load_static(model_dir)
    assert np.array_equal(again.table, static.table)
    se.load_static.cache_clear()


def test_an_unknown_encoder_kind_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown sentence encoder 'bert'"):
        load_encoder(kind="bert")
