"""The Python WordPiece path gives the same token ids as the tokenizers library.

Hand-written edge cases (accents, curly quotes, dashes, symbols, CJK, control and zero-width
characters, Greek capital sigma, over-long words, unknown pieces) and every sentence of the demo
articles; texts the word-by-word path cannot do exactly must reach the library.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tokenizers import Tokenizer

from newsprism.compare.embeddings import wordpiece as wp
from newsprism.compare.embeddings.encoders import DEFAULT_MODEL, model_path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "riyadh-2025-02-18"

EDGE_CASES = [
    "The U.S. and Canada agreed, on Monday, to a 3.5% tariff cut - effective Jan. 1.",
    "“We’re not going anywhere,” she said — and left.",
    "José Müller-Lüdenscheid met Søren Ørsted in Ærøskøbing.",
    "The price rose to €4,500 (about $4,900) ≈ 12% higher… or so.",
    "Temperatures fell to −5 °C at 5 a.m.; ice ≠ snow.",
    "北京 and 東京 officials met in Seoul.",
    "A zero\u200bwidth space, a soft\u00adhyphen and a\u00a0no-break space.",
    "Control\x07 characters\x1f and a tab\tand a form\x0cfeed.",
    "ΟΔΟΣ ΣΟΦΟΚΛΕΟΥΣ is a street; Σ alone, and σς lower.",
    "An emoji 🙂 and a flag 🇺🇦 in text, plus ™ and ©.",
    "word" * 30 + " followed by a normal tail.",
    "Unknown glyphs like ⟁ ꙮ and combining e\u0301 accents.",
    "",
    "   ",
    "«Guillemets» and ¿questions? and ¡exclamations! and ‹singles›.",
    "Ellipsis…dash–en—em‒figure―bar and ‘quotes’ „low“ ‚single‘.",
]


@pytest.fixture(scope="module")
def tokenizer() -> Tokenizer:
    path = model_path(DEFAULT_MODEL)
    assert path is not None, "the packaged all-MiniLM-L6-v2 is missing"
    tok = Tokenizer.from_file(str(Path(path) / "tokenizer.json"))
    tok.no_padding()
    tok.no_truncation()
    return tok


def _library_ids(tokenizer: Tokenizer, texts: list[str]) -> list[list[int]]:
    return [e.ids for e in tokenizer.encode_batch(texts, add_special_tokens=False)]


def test_edge_cases_match_the_library(tokenizer: Tokenizer) -> None:
    ids = wp.WordPieceIds(tokenizer)
    assert ids(EDGE_CASES) == _library_ids(tokenizer, EDGE_CASES)
    assert ids(EDGE_CASES) == _library_ids(tokenizer, EDGE_CASES)  # again, from the word cache


def test_plain_texts_take_the_word_path_and_the_rest_the_library() -> None:
    assert wp.pre_tokens("Talks lasted 4.5 hours, officials said.") == [
        "Talks", "lasted", "4", ".", "5", "hours", ",", "officials", "said", "."]
    assert wp.pre_tokens("“Yes,” he said — twice.") == ["“", "Yes", ",", "”", "he", "said", "—", "twice", "."]
    assert wp.pre_tokens("José paid €5.") == ["José", "paid", "€5", "."]  # a currency sign is no punctuation
    for hard in ("zero\u200bwidth", "bell\x07", "北京", "ΟΔΟΣ", "≠"):  # deleted, padded, context, decomposes to "="
        assert wp.pre_tokens(hard) is None, hard


def test_word_normalisation_and_unknown_words(tokenizer: Tokenizer) -> None:
    assert wp.normalise_word("Ærøskøbing") == "ærøskøbing"  # no decomposition: kept
    assert wp.normalise_word("Müller") == "muller"  # the umlaut is a nonspacing mark after NFD
    ids = wp.WordPieceIds(tokenizer)
    assert ids(["x" * 101]) == [[ids.unk]] == _library_ids(tokenizer, ["x" * 101])  # past max_input_chars_per_word
    assert ids(["x" * 100]) == _library_ids(tokenizer, ["x" * 100])


def test_demo_articles_match_the_library(tokenizer: Tokenizer) -> None:
    sentences = [line.strip() for f in sorted(EXAMPLES.glob("*.txt"))
                 for line in f.read_text(encoding="utf-8").replace(". ", ".\n").splitlines() if line.strip()]
    assert len(sentences) > 100
    assert wp.WordPieceIds(tokenizer)(sentences) == _library_ids(tokenizer, sentences)
