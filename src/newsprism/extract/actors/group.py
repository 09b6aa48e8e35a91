"""Grouping one document's mentions into actors.

Full person names group when their surnames and given names are compatible (``names_normalise``);
a lone surname ("Rubio", "Mr. Rubio's" after cleaning) joins the one full name it fits, or, when
several people share it, the nearest preceding full name (else the nearest following); a lone given
name joins the one person who has it. Other types group by a normalised key (countries by ISO3),
and an all-capitals organisation name joins the organisation whose initials it spells.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsprism.extract.actors.normalise import (
    PersonName,
    initials,
    one_typo,
    parse_person,
    persons_compatible,
    phrase_key,
    translit_key,
)
from newsprism.extract.actors.roles import tables
from newsprism.model import Document


@dataclass(slots=True, eq=False)
class Mention:
    """A cleaned entity mention: char offsets into the document and token offsets into the parse."""

    start: int
    end: int
    label: str
    tok_start: int
    tok_end: int
    alias_of: Mention | None = None  # the mention that defined this short form
    abbr: str = ""  # a short form defined right after this mention
    abbr_evidence: str = ""

    @property
    def alias(self) -> bool:
        return self.alias_of is not None


@dataclass(slots=True, eq=False)
class _Group:
    label: str
    members: list[Mention] = field(default_factory=list)
    names: list[PersonName] = field(default_factory=list)  # full person names


def group_mentions(doc: Document, mentions: list[Mention]) -> list[list[Mention]]:
    """Mentions grouped per actor, groups in order of first mention."""
    groups: list[_Group] = []
    home: dict[int, _Group] = {}  # id(mention) -> group
    persons = [m for m in mentions if m.label == "PERSON" and not m.alias]
    full = [(m, parse_person(doc.text[m.start:m.end])) for m in persons]
    for m, name in full:
        if name.is_full:
            g = next((g for g in groups if all(persons_compatible(name, n) for n in g.names)), None)
            if g is None:
                g = _Group("PERSON")
                groups.append(g)
            g.names.append(name)
            g.members.append(m)
            home[id(m)] = g
    person_groups = list(groups)
    singles: dict[str, _Group] = {}
    for m, name in full:
        if not name.is_full:
            g = _attach_single(m, name, person_groups, home, singles)
            if g is None:
                g = _Group("PERSON")
                groups.append(g)
                singles[name.surname_key] = g
            g.members.append(m)
            home[id(m)] = g
    _group_others(doc, mentions, groups, home)
    for m in mentions:
        if m.alias_of is not None:
            g = home.get(id(m.alias_of))
            if g is not None:
                g.members.append(m)
                home[id(m)] = g
    ordered = [sorted(g.members, key=lambda x: x.start) for g in groups if g.members]
    return sorted(ordered, key=lambda ms: ms[0].start)


def _attach_single(
    m: Mention,
    name: PersonName,
    person_groups: list[_Group],
    home: dict[int, _Group],
    singles: dict[str, _Group],
) -> _Group | None:
    key = name.surname_key
    if key in singles:
        return singles[key]
    cands = [g for g in person_groups if any(_surname_fits(key, n) for n in g.names)]
    if len(cands) == 1:
        return cands[0]
    if len(cands) > 1:
        return _nearest(m, cands)
    by_given = [g for g in person_groups if any(_given_fits(key, n) for n in g.names)]
    return by_given[0] if len(by_given) == 1 else None


def _surname_fits(key: str, n: PersonName) -> bool:
    return key in (n.surname_key, n.last_key) or one_typo(key, n.surname_key)


def _given_fits(key: str, n: PersonName) -> bool:
    return bool(n.given) and translit_key(n.given[0]) == key


def _nearest(m: Mention, cands: list[_Group]) -> _Group:
    """The group with the nearest full-name mention before ``m`` (else the nearest after)."""
    def last_before(g: _Group) -> int:
        return max((x.start for x in g.members if x.start < m.start), default=-1)

    before = [g for g in cands if last_before(g) >= 0]
    if before:
        return max(before, key=last_before)
    return min(cands, key=lambda g: min(x.start for x in g.members))


def other_key(label: str, text: str) -> str:
    """The grouping key of a non-person mention: ISO3 for countries and demonyms."""
    t = tables()
    if label in ("GPE", "LOC"):
        iso = t.country_of_name(text)
        if iso:
            return iso
    if label == "NORP":
        iso = t.demonym(text)
        if iso:
            return iso
    low = text.strip()
    if low.lower().startswith("the "):
        low = low[4:]
    return phrase_key(low)


def _group_others(
    doc: Document, mentions: list[Mention], groups: list[_Group], home: dict[int, _Group]
) -> None:
    keyed: dict[tuple[str, str], _Group] = {}
    for m in mentions:
        if m.label == "PERSON" or m.alias:
            continue
        k = (m.label, other_key(m.label, doc.text[m.start:m.end]))
        g = keyed.get(k)
        if g is None:
            g = keyed[k] = _Group(m.label)
            groups.append(g)
        g.members.append(m)
        home[id(m)] = g
    by_initials: dict[str, list[_Group]] = {}
    for (label, _), g in keyed.items():
        text = doc.text[g.members[0].start:g.members[0].end]
        if label == "ORG" and len(text.split()) >= 3:
            by_initials.setdefault(initials(text), []).append(g)
    for (label, _), g in keyed.items():
        text = doc.text[g.members[0].start:g.members[0].end]
        target = by_initials.get(text.replace(".", ""), [])
        if label == "ORG" and text.isupper() and len(target) == 1 and target[0] is not g:
            target[0].members.extend(g.members)
            for x in g.members:
                home[id(x)] = target[0]
            g.members = []
