"""Name normalisation for actor matching: folding, transliteration keys, person-name parsing.

``translit_key`` maps spelling and transliteration variants of one name to one key (Sergei/Sergey,
Yury/Yuri, Zelensky/Zelenskyy/Zelenskiy, Aleksei/Alexei, Dmitri/Dmitry); a name in another script
keeps its own letters (lower case, diacritics folded), so it is grouped by the same rules in its
own script and never meets a Latin spelling. ``given_compatible`` says
whether two given names can denote the same person (same key, an initial, a hypocorism from
``resources/actors_hypocorisms.tsv``, or a one-letter typo of a long name).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from newsprism.lang.resources import lines

_APOS = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_VOWELS = frozenset("aeiou")
# Latin letters that Unicode does not decompose into a base letter and a mark, which English text
# writes as their base letter ("Radosław" ~ "Radoslaw", "Støre" ~ "Store")
_LATIN_BASE = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "ß": "ss", "æ": "ae",
                             "œ": "oe", "þ": "th", "ð": "d"})
_ENDINGS = re.compile(r"(?:ei|ey|iy|ii|yi|ij)$")
# Everything but letters; letters of any script stay, so a name in Cyrillic, Greek or Arabic keeps
# its own key (never the empty key that every such name would share).
_NON_LETTER = re.compile(r"[\W\d_]")
_PARTICLES = frozenset(
    {"bin", "ibn", "bint", "al", "el", "de", "del", "della", "der", "den", "di", "da", "du", "dos",
     "das", "van", "von", "le", "la", "ter", "ten", "abu", "st.", "mac"}
)
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
TYPO_MIN_LEN = 7  # a one-letter difference joins names only when both have at least this many letters


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case, accents removed, typographic apostrophes made plain."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOS))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@lru_cache(maxsize=65536)
def translit_key(word: str) -> str:
    """One key for the common romanisation variants of a name word (letters only)."""
    s = _NON_LETTER.sub("", fold(word).translate(_LATIN_BASE))
    if not s:
        return ""
    for a, b in (("ks", "x"), ("kh", "h"), ("ph", "f"), ("w", "v"), ("tch", "ch")):
        s = s.replace(a, b)
    s = _collapse(s)
    # y after a consonant is a vowel "i" (Yury ~ Yuri, Zelenskyy ~ Zelensky ~ Zelenskiy)
    chars = [s[0]] + [
        "i" if c == "y" and s[i - 1] not in _VOWELS else c for i, c in enumerate(s[1:], start=1)
    ]
    s = _ENDINGS.sub("i", "".join(chars))
    return _collapse(s)


def _collapse(s: str) -> str:
    out: list[str] = []
    for c in s:
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


def phrase_key(text: str) -> str:
    """A key for a multi-word name: each word's transliteration key, space-joined."""
    return " ".join(k for k in (translit_key(w) for w in text.split()) if k)


def one_typo(a: str, b: str) -> bool:
    """Keys of two long names at edit distance exactly 1."""
    if a == b or min(len(a), len(b)) < TYPO_MIN_LEN or abs(len(a) - len(b)) > 1:
        return False
    return Levenshtein.distance(a, b, score_cutoff=1) <= 1


def deletion_variants(key: str) -> set[str]:
    """The key and each one-letter deletion of it: the blocking keys for typo matching."""
    out = {key}
    if len(key) >= TYPO_MIN_LEN - 1:
        out.update(key[:i] + key[i + 1:] for i in range(len(key)))
    return out


@dataclass(frozen=True, slots=True)
class PersonName:
    given: tuple[str, ...]  # first and middle names or initials, as written
    surname: str  # the family name with its particles ("bin Salman"), or the only word
    suffix: str = ""

    @property
    def surname_key(self) -> str:
        return translit_key(self.surname)

    @property
    def last_key(self) -> str:
        return translit_key(self.surname.split()[-1]) if self.surname else ""

    @property
    def is_full(self) -> bool:
        return bool(self.given)


@lru_cache(maxsize=16384)
def parse_person(name: str) -> PersonName:
    """Split a person's name into given names, surname (with particles) and suffix."""
    words = [w for w in name.replace(",", " ").split() if w]
    suffix = ""
    if len(words) > 1 and words[-1].lower() in _SUFFIXES:
        suffix = words.pop().lower().rstrip(".")
    if len(words) <= 1:
        return PersonName((), words[0] if words else "", suffix)
    i = len(words) - 1
    while i > 1 and words[i - 1].lower() in _PARTICLES:
        i -= 1
    return PersonName(tuple(words[:i]), " ".join(words[i:]), suffix)


@lru_cache(maxsize=1)
def hypocorism_groups() -> dict[str, frozenset[int]]:
    """Given-name key -> ids of the nickname groups it belongs to."""
    groups: dict[str, set[int]] = {}
    for n, line in enumerate(lines("actors_hypocorisms.tsv")):
        name, _, nicks = line.partition("\t")
        for word in [name, *nicks.split("|")]:
            if word.strip():
                groups.setdefault(translit_key(word), set()).add(n)
    return {k: frozenset(v) for k, v in groups.items()}


def known_given_name(word: str) -> bool:
    return translit_key(word) in hypocorism_groups()


def _is_initial(word: str) -> bool:
    letters = _NON_LETTER.sub("", fold(word))
    return len(letters) == 1 or (word.isupper() and len(letters) <= 3 and "." in word)


def _word_compatible(a: str, b: str) -> bool:
    if _is_initial(a) or _is_initial(b):
        return fold(a)[:1] == fold(b)[:1]
    ka, kb = translit_key(a), translit_key(b)
    if ka == kb or one_typo(ka, kb):
        return True
    groups = hypocorism_groups()
    return bool(groups.get(ka, frozenset()) & groups.get(kb, frozenset()))


def given_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two given-name sequences can be one person's ("George W." vs "George H. W." not)."""
    if not a or not b:
        return True
    if not _word_compatible(a[0], b[0]):
        return False
    ma, mb = a[1:], b[1:]
    if ma and mb:
        if len(ma) != len(mb):
            return False
        return all(_word_compatible(x, y) for x, y in zip(ma, mb, strict=True))
    return True


def persons_compatible(a: PersonName, b: PersonName) -> bool:
    """Two full names of one person: same (or one-typo) surname, compatible given names, suffix."""
    if a.suffix != b.suffix:
        return False
    sa, sb = a.surname_key, b.surname_key
    if sa != sb and not one_typo(sa, sb):
        return False
    return given_compatible(a.given, b.given)


def exact_match(a: PersonName, b: PersonName) -> bool:
    """Two compatible names spelled alike (surname and given names equal after folding, or a given
    name that is an initial or a nickname): no typo and no transliteration variant involved."""
    if fold(a.surname) != fold(b.surname):
        return False
    for x, y in zip(a.given, b.given, strict=False):
        if fold(x) != fold(y) and not (_is_initial(x) or _is_initial(y)) and translit_key(x) == translit_key(y):
            return False
        if fold(x) != fold(y) and not (_is_initial(x) or _is_initial(y)) and one_typo(translit_key(x), translit_key(y)):
            return False
    return True


def initials(name: str) -> str:
    """Upper-case initials of the significant words: "Foundation for Defense of Democracies" -> FDD."""
    skip = {"of", "for", "and", "the", "on", "in", "to", "&", "de", "du", "des", "la", "le"}
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in skip]
    return "".join(w[0] for w in words if w[0].isalpha()).upper()
