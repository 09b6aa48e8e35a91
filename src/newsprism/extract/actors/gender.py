"""Grammatical gender of a person's first name, for he/she agreement in speaker resolution.

Resource: ``resources/names_gender.tsv``, first names with at least 2,000 U.S. births of which
at least 95% were of one sex (U.S. Social Security Administration baby-name counts, public
domain). Names outside it give None, so agreement falls back to honorifics and titles.
The table is loaded lazily, once per process, on first use.
"""

from __future__ import annotations

from functools import lru_cache
from newsprism.lang.resources import lines


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    table: dict[str, str] = {}
    for line in lines("names_gender.tsv"):
        name, gender = line.split("\t")
        table[name] = gender
    return table


@lru_cache(maxsize=4096)
def first_name_gender(name: str) -> str | None:
    """'m', 'f' or None for a first name such as "Maria" or "John"."""
    word = name.strip().rstrip(".")
    if len(word) < 2 or not word[0].isupper() or not word.isalpha():
        return None
    return _table().get(word.lower())
