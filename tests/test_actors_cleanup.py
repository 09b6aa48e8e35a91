"""Entity clean-up fixes found by reading real news output: a military rank the NER tagged
on its own is not an actor, and a name span that ran into a preposition is trimmed.
Passages written for these tests; expected names written by hand.
"""

from __future__ import annotations

from test_actors import actors


def test_rank_alone_is_not_an_actor(nlp) -> None:
    text = (
        "Army Sgt. Lena Morrow returned home on Friday. Navy spokesman Rear Adm. Paul Grant said "
        "the transfer went smoothly."
    )
    names = {a.name for a in actors(nlp, "rank", text).actors}
    assert not names & {"Sgt", "Sgt.", "Rear Adm.", "Rear Adm", "Adm."}
    assert "Paul Grant" in names


def test_name_does_not_end_in_preposition(nlp) -> None:
    text = (
        "Student Priya Raman of Leeds said the trains were late again. Tourists visiting the "
        "National Gallery in London waited for hours."
    )
    found = actors(nlp, "prep", text)
    assert {"Priya Raman", "National Gallery"} <= {a.name for a in found.actors}
    for a in found.actors:
        for m in a.mentions:
            assert m.text.split()[-1] not in ("of", "in", "at"), m.text
