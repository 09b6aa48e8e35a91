"""Document.clean_text: everything outside the body and inside removed ranges is blanked."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsprism.model import Document, Range, Removed


def _doc(text: str, body: tuple[int, int], removed: list[tuple[int, int]]) -> Document:
    return Document("d", "x.txt", "0", text, None, None, (), None, "news", Range(*body),
                    tuple(Removed(a, b, "boilerplate") for a, b in removed))


def test_a_hand_written_page() -> None:
    text = "MENU Home\nThe ferry sank.\nAd: buy now\nAll 40 were saved.\n(c) 2024"
    body = (10, text.index("(c)"))
    ad = (text.index("Ad:"), text.index("Ad:") + len("Ad: buy now"))
    clean = _doc(text, body, [ad]).clean_text()
    assert clean == " " * 9 + "\nThe ferry sank.\n" + " " * 11 + "\nAll 40 were saved.\n" + " " * 8


@given(st.text(alphabet="ab \n\r", max_size=40), st.data())
def test_offsets_kept_and_exactly_the_outside_blanked(text: str, data) -> None:
    n = len(text)
    pos = st.integers(0, n)
    body = tuple(sorted((data.draw(pos), data.draw(pos))))
    removed = [tuple(sorted((data.draw(pos), data.draw(pos)))) for _ in range(data.draw(st.integers(0, 3)))]
    clean = _doc(text, body, removed).clean_text()
    assert len(clean) == n
    for i, (c, o) in enumerate(zip(clean, text)):
        inside = body[0] <= i < body[1] and not any(a <= i < b for a, b in removed)
        assert c == (o if inside or o == "\n" else " ")
