"""Grammatical gender of a person's first name, for he/she agreement in speaker resolution.

Resource: the ``gender-guesser`` package (the first-name dictionary of Jörg Michael's
"gender.c", about 40,000 names from many countries). Only the confident answers "male" and
"female" are used; "mostly_*", "andy" (androgynous) and unknown names give None. The
dictionary is loaded lazily, once per process, on first use.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _detector() -> Any:
    import gender_guesser.detector as gd

    return gd.Detector(case_sensitive=False)


@lru_cache(maxsize=4096)
def first_name_gender(name: str) -> str | None:
    """'m', 'f' or None for a first name such as "Maria" or "John"."""
    word = name.strip().rstrip(".")
    if len(word) < 2 or not word[0].isupper() or not word.isalpha():
        return None
    answer = _detector().get_gender(word)
    return {"male": "m", "female": "f"}.get(answer)
