"""Country and title tables, and the rules that read roles and countries around a name.

Tables come from ``resources/actors_countries.tsv`` (ISO 3166-1 alpha-3 codes, names, demonyms,
capitals) and ``resources/actors_offices.tsv`` (title vocabulary, offices, institutions).
``premodifier`` reads "U.S. Secretary of State NAME", ``appositive_after`` reads "NAME, the
longtime foreign minister", ``appositive_before`` reads "Russia's chief adviser, NAME"; each gives a
normalised lower-case role and a country with a one-line evidence string.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Token

from newsprism.extract.actors.normalise import fold, phrase_key
from newsprism.lang.resources import lines

POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
PARTY_TAG = re.compile(r"\(\s*[RDI]\s*[-–]\s*[A-Z][A-Za-z. ]{1,14}\)")
_DROP_MODIFIERS = frozenset(
    {"longtime", "long-time", "veteran", "current", "incumbent", "sitting", "top", "then"}
)
_DETERMINERS = frozenset({"a", "an", "the"})
_FUNCTION = frozenset({"of", "the", "and"})
_PHRASE_MAX = 4  # longest country name in tokens that the token scanners try


@dataclass(frozen=True, slots=True)
class Tables:
    country_names: dict[str, str]  # folded name -> ISO3
    canonical: dict[str, str]  # ISO3 -> canonical name
    demonyms: dict[str, str]  # folded demonym -> ISO3
    capitals: dict[str, str]  # folded capital -> ISO3
    honorifics: frozenset[str]
    heads: frozenset[str]
    words: frozenset[str]
    offices: dict[str, str]  # folded office -> ISO3
    institutions: dict[str, str]  # folded institution -> ISO3

    def country_of_name(self, text: str) -> str | None:
        return self.country_names.get(_norm(text))

    def place_country(self, text: str) -> str | None:
        key = _norm(text)
        return self.country_names.get(key) or self.capitals.get(key)

    def demonym(self, text: str) -> str | None:
        return self.demonyms.get(_norm(text))

    def is_title_word(self, text: str) -> bool:
        low = fold(text)
        return low in self.heads or low in self.words or low in self.honorifics


def _norm(text: str) -> str:
    s = fold(text).strip()
    return s[4:] if s.startswith("the ") else s


def _rows(name: str) -> list[list[str]]:
    return [line.split("\t") for line in lines(name)]


@lru_cache(maxsize=1)
def tables() -> Tables:
    names: dict[str, str] = {}
    canonical: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    capitals: dict[str, str] = {}
    for row in _rows("actors_countries.tsv"):
        iso, cols = row[0], [*row[1:], "", "", ""]
        variants = [v for v in cols[0].split("|") if v]
        canonical[iso] = variants[0]
        names.update({_norm(v): iso for v in variants})
        demonyms.update({_norm(v): iso for v in cols[1].split("|") if v})
        capitals.update({_norm(v): iso for v in cols[2].split("|") if v})
    by_kind: dict[str, dict[str, str]] = {}
    for row in _rows("actors_offices.tsv"):
        by_kind.setdefault(row[0], {})[fold(row[1])] = row[2] if len(row) > 2 else ""
    return Tables(
        names, canonical, demonyms, capitals,
        frozenset(by_kind.get("honorific", {})), frozenset(by_kind.get("head", {})),
        frozenset(by_kind.get("word", {})), by_kind.get("office", {}),
        by_kind.get("institution", {}),
    )


@dataclass(frozen=True, slots=True)
class RoleFinding:
    role: str | None
    country: str | None
    evidence: str  # the words the finding was read from
    span: tuple[int, int] = (-1, -1)  # their character offsets in the document


def _finding(sdoc: SpacyDoc, role: str | None, country: str | None, a: int, b: int) -> RoleFinding:
    """A finding read from tokens [a, b)."""
    span = (sdoc[a].idx, sdoc[b - 1].idx + len(sdoc[b - 1].text)) if b > a else (-1, -1)
    return RoleFinding(role, country, sdoc[a:b].text, span)


def normalise_role(words: list[str]) -> str | None:
    kept = [fold(w) for w in words if fold(w) not in _DROP_MODIFIERS]
    while kept and kept[0] in ("of", "the", "and", "a", "an"):
        kept.pop(0)
    while kept and kept[-1] in ("of", "the", "and"):
        kept.pop()
    role = " ".join(k for k in kept if k != "-").replace("advisor", "adviser")
    return role or None


def country_ending_at(sdoc: SpacyDoc, j: int, t: Tables) -> tuple[str, int] | None:
    """(ISO3, first token index) of a country name or demonym whose last token is ``j``."""
    for n in range(min(_PHRASE_MAX, j + 1), 0, -1):
        if sdoc[j - n + 1].is_space or sdoc[j - n + 1].is_punct or sdoc[j].is_space:
            continue
        text = sdoc[j - n + 1 : j + 1].text
        iso = t.country_of_name(text) or t.demonym(text)
        if iso:
            return iso, j - n + 1
    return None


def _title_token(tok: Token, t: Tables, adjacent: bool) -> bool:
    low = fold(tok.text)
    if low in t.heads or low in t.words:
        return True
    if not tok.is_lower or tok.is_stop or tok.pos_ not in ("NOUN", "ADJ"):
        return False
    return not adjacent or tok.dep_ == "compound"  # "journalist NAME", not "last week NAME"


def _capital_title(tok: Token, t: Tables) -> bool:
    low = fold(tok.text)
    return tok.is_title and (low in t.heads or low in t.words) and low not in _FUNCTION


def _department_word(tok: Token, t: Tables) -> bool:
    """A capitalised word outside any named entity, like the "Environment" of a minister's title."""
    return tok.is_title and tok.ent_type_ == "" and not tok.is_stop and tok.is_alpha


def premodifier(sdoc: SpacyDoc, i: int, t: Tables) -> RoleFinding | None:
    """Title and demonym written just before the name token ``i``."""
    j, taken, country = i - 1, [], None
    start, extra = i, 0
    while j >= 0 and len(taken) < 8:
        tok = sdoc[j]
        if tok.text in POSSESSIVE:
            found = country_ending_at(sdoc, j - 1, t)
            if found:
                country, start = found[0], found[1]
            break
        if tok.text == "-" and not tok.whitespace_ and j > 0 and not sdoc[j - 1].whitespace_:
            j -= 1  # "national-security adviser"
            continue
        if tok.is_punct or tok.is_space or "\n" in tok.whitespace_:
            break
        found = country_ending_at(sdoc, j, t)
        if found:
            country, start = found[0], found[1]
            break
        inst = t.institutions.get(fold(tok.text))
        if inst and tok.is_title:
            country, start = inst, j
            break
        if tok.is_title and fold(tok.text) in t.honorifics:
            break
        if fold(tok.text) in _FUNCTION and not (j > 0 and _capital_title(sdoc[j - 1], t)):
            break  # "Secretary of State", not "echoes of President"
        if taken and _department_word(tok, t) and extra < 3:
            extra += 1  # "Environment" in "Environment Minister"
        elif not _title_token(tok, t, adjacent=not taken):
            break
        elif not taken and not (fold(tok.text) in t.heads or tok.pos_ == "NOUN"
                              or _capital_title(tok, t)):
            break
        taken.append(tok.text)
        start = j
        j -= 1
    role = normalise_role(taken[::-1]) if taken else None
    if role and not any(fold(w) in t.heads or w.islower() for w in taken):
        role = None  # "Under Joe Biden": a title word but no title
    if role is None and country is None:
        return None
    if role is None and start != i - 1 and country is not None:
        return None  # a country not directly before the name says nothing about the person
    return _finding(sdoc, role, country, start, i)


def appositive_after(sdoc: SpacyDoc, i: int, t: Tables) -> RoleFinding | None:
    """ "NAME, (a|the) <role> (of <Country>)" with the name's last token at ``i - 1``."""
    n = len(sdoc)
    if i >= n or sdoc[i].text != ",":
        return None
    j = i + 1
    country: str | None = None
    if j < n and fold(sdoc[j].text) in _DETERMINERS:
        j += 1
    else:  # "NAME, Russia's deputy prime minister"
        for k in range(j, min(j + _PHRASE_MAX, n - 1)):
            found = country_ending_at(sdoc, k, t)
            if found and found[1] == j and sdoc[k + 1].text in POSSESSIVE:
                country, j = found[0], k + 2
                break
    taken: list[str] = []
    while j < n and len(taken) < 6 and fold(sdoc[j].text) not in _FUNCTION:
        if not taken and t.demonym(sdoc[j].text):  # "NAME, the American ambassador"
            country = t.demonym(sdoc[j].text)
        elif not _title_token(sdoc[j], t, adjacent=False):
            break
        else:
            taken.append(sdoc[j].text)
        j += 1
    if not taken or fold(taken[-1]) not in t.heads and sdoc[j - 1].pos_ != "NOUN":
        return None
    if j < n and not (sdoc[j].is_punct or sdoc[j].pos_ in ("ADP", "CCONJ", "PRON", "SCONJ")):
        return None
    if j + 1 < n and sdoc[j].lower_ == "of" and _capital_title(sdoc[j + 1], t):
        taken += [sdoc[j].text, sdoc[j + 1].text]  # "secretary of state"
        j += 2
    elif j + 1 < n and sdoc[j].lower_ in ("of", "in", "for"):
        for k in range(j + 1, min(j + 1 + _PHRASE_MAX, n)):
            found = country_ending_at(sdoc, k, t)
            if found and found[1] in (j + 1, j + 2):
                country, j = found[0], k + 1
                break
    return _finding(sdoc, normalise_role(taken), country, i + 1, j)


def appositive_before(sdoc: SpacyDoc, i: int, t: Tables) -> RoleFinding | None:
    """ "Russia's chief foreign policy adviser, NAME" with the name's first token at ``i``."""
    if i < 2 or sdoc[i - 1].text != "," or fold(sdoc[i - 2].text) not in t.heads:
        return None
    j, taken, country = i - 2, [], None
    while j >= 0 and len(taken) < 6 and _title_token(sdoc[j], t, adjacent=False):
        taken.append(sdoc[j].text)
        j -= 1
    start = j + 1
    if taken and j >= 1 and t.demonym(sdoc[j].text) and sdoc[j].is_title:
        country, start = t.demonym(sdoc[j].text), j  # "the Russian foreign minister, NAME"
        j -= 1
    if country is None and j >= 1 and sdoc[j].text in POSSESSIVE:
        found = country_ending_at(sdoc, j - 1, t)
        if found:
            country, start = found
    elif country is None and j >= 0 and sdoc[j].pos_ not in ("DET", "PRON", "ADP", "PUNCT", "VERB", "AUX"):
        return None
    return _finding(sdoc, normalise_role(taken[::-1]), country, start, i - 1)


HOLDERS = "actors_office_holders.tsv"


@dataclass(frozen=True, slots=True)
class Holder:
    name: str
    country: str  # ISO3
    office: str
    start: str
    end: str
    source: str = ""  # the data set the row comes from (see the table's header)


def holder_key(name: str) -> str:
    """ "J.D. Vance" and "JD Vance", "Sergei Lavrov" and "Sergey Lavrov" alike: each word's
    transliteration key (folded letters, the common romanisation variants made one)."""
    return phrase_key(name)


@lru_cache(maxsize=1)
def _holder_lines() -> dict[str, str]:
    """Full name key -> the table's lines for that name, joined by newlines (kept as text: about
    44,000 rows as objects would hold some 40 MB more for the few names a corpus looks up)."""
    out: dict[str, str] = {}
    for line in lines(HOLDERS):
        key = holder_key(line.split("\t", 1)[0])
        out[key] = f"{out[key]}\n{line}" if key in out else line
    return out


def office_holders(key: str) -> tuple[Holder, ...]:
    """The public offices held under a full name key (``holder_key``; ``resources/actors_office_holders.tsv``)."""
    found = _holder_lines().get(key)
    return tuple(Holder(*line.split("\t")[:6]) for line in found.split("\n")) if found else ()


def holder_country(name: str) -> tuple[str, str] | None:
    """(ISO3, evidence) for a full name in the office-holder table when every entry agrees."""
    found = office_holders(holder_key(name))
    countries = {h.country for h in found}
    if len(countries) != 1 or len(name.split()) < 2:
        return None
    offices = "; ".join(f"{h.office} {h.start[:4]}-{h.end[:4]}" for h in found)
    sources = ", ".join(dict.fromkeys(h.source for h in found if h.source))
    return countries.pop(), f"'{found[0].name}' in table {HOLDERS} ({sources}): {offices}"


def office_country(role: str, t: Tables) -> str | None:
    return t.offices.get(role) or None
