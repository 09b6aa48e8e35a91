"""Cross-document canonicalisation: local actors of many documents merged into entities.

Candidates are blocked, never compared all-pairs: persons by transliteration key of the surname
(plus its one-letter deletions, for typos of long names), other types by a normalised name key
(countries by ISO3), defined abbreviations and organisation initials by exact short form. Within a
block, full person names join when compatible (``persons_compatible``: transliteration, hypocorism,
initial, one-letter typo); a surname-only actor joins the one full-name entity that fits, and stays
apart when several do. A join that rests on a one-letter typo or a transliteration variant (the
names differ after folding) needs the context to agree as well (``context_agrees``: same document,
a shared role, the same country, or another person or organisation both documents mention) and
never happens between actors whose countries differ.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from newsprism.model import DocActors, LocalActor
from newsprism.extract.actors.group import other_key
from newsprism.extract.actors.normalise import (
    PersonName,
    fold,
    deletion_variants,
    exact_match,
    initials,
    one_typo,
    parse_person,
    persons_compatible,
    phrase_key,
)
from newsprism.extract.actors.roles import tables
from newsprism.disjoint import DisjointSets
from newsprism.model import Entity, make_id


def canonicalise(
    doc_actors: Sequence[DocActors],
) -> tuple[tuple[Entity, ...], dict[str, str]]:
    """Entities (one per real actor) and the map from LocalActor.key to Entity.id."""
    actors = [a for d in doc_actors for a in d.actors]
    uf: DisjointSets[int] = DisjointSets(range(len(actors)))
    _join_persons(actors, uf)
    _join_others(actors, uf)
    _join_short_forms(actors, uf)
    members: dict[int, list[int]] = {}
    for i in range(len(actors)):
        members.setdefault(uf.find(i), []).append(i)
    entities: list[Entity] = []
    key_to_id: dict[str, str] = {}
    used: set[str] = set()
    for idx in members.values():
        ent = _entity([actors[i] for i in idx], used)
        used.add(ent.id)
        entities.append(ent)
        key_to_id.update({actors[i].key: ent.id for i in idx})
    entities.sort(key=lambda e: (-len(e.mentions), e.id))
    return tuple(entities), key_to_id


def _join_persons(actors: list[LocalActor], uf: DisjointSets[int]) -> None:
    names = {i: parse_person(a.name) for i, a in enumerate(actors) if a.type == "PERSON"}
    co = co_mentions(actors)
    blocks: dict[str, list[int]] = {}
    for i, n in names.items():
        if n.is_full:
            for k in deletion_variants(n.surname_key):
                blocks.setdefault(k, []).append(i)
    reps: dict[int, list[PersonName]] = {}  # cluster root -> its full names
    reps_idx: dict[int, list[int]] = {}  # cluster root -> its full-name actors
    for i, n in names.items():
        if not n.is_full:
            continue
        cands = sorted({j for k in deletion_variants(n.surname_key) for j in blocks.get(k, [])
                        if j < i})
        for j in cands:
            root = uf.find(j)
            if all(persons_compatible(n, m) for m in reps[root]) and (
                    all(exact_match(n, m) for m in reps[root])
                    or all(context_agrees(actors[i], actors[k], co) for k in reps_idx[root])):
                uf.union(i, root)  # root < i stays the root
                reps[root].append(n)
                reps_idx[root].append(i)
                break
        else:
            reps[i] = [n]
            reps_idx[i] = [i]
    singles: dict[str, int] = {}
    for i, n in names.items():
        if n.is_full:
            continue
        key = n.surname_key
        roots = {uf.find(j) for k in deletion_variants(key) for j in blocks.get(k, [])
                 if _surname_fits(key, names[j])
                 and (fold(n.surname) in (fold(names[j].surname), fold(names[j].surname.split()[-1]))
                      or context_agrees(actors[i], actors[j], co))}
        if len(roots) == 1:
            uf.union(i, roots.pop())
        elif not roots:
            if key in singles:
                uf.union(i, singles[key])
            else:
                singles[key] = i


def _doc_of(a: LocalActor) -> str:
    return a.key.rsplit("#", 1)[0]


def _own_key(a: LocalActor) -> str:
    return parse_person(a.name).surname_key if a.type == "PERSON" else other_key(a.type, a.name)


def co_mentions(actors: Sequence[LocalActor]) -> dict[str, set[str]]:
    """Document -> keys of the people and organisations it mentions."""
    out: dict[str, set[str]] = {}
    for a in actors:
        if a.type in ("PERSON", "ORG"):
            out.setdefault(_doc_of(a), set()).add(_own_key(a))
    return out


def context_agrees(a: LocalActor, b: LocalActor, co: dict[str, set[str]]) -> bool:
    """Whether two person actors' contexts agree: never with different countries; yes in one
    document, with a shared role, the same country, or another person or organisation both
    documents mention."""
    if a.country and b.country and a.country != b.country:
        return False
    da, db = _doc_of(a), _doc_of(b)
    if da == db or set(a.roles) & set(b.roles) or (a.country and a.country == b.country):
        return True
    shared = co.get(da, set()) & co.get(db, set())
    return bool(shared - {_own_key(a), _own_key(b)})


def _surname_fits(key: str, n: PersonName) -> bool:
    return key in (n.surname_key, n.last_key) or one_typo(key, n.surname_key)


def _join_others(actors: list[LocalActor], uf: DisjointSets[int]) -> None:
    first: dict[tuple[str, str], int] = {}
    for i, a in enumerate(actors):
        if a.type == "PERSON":
            continue
        k = (a.type, other_key(a.type, a.name))
        if k in first:
            uf.union(i, first[k])
        else:
            first[k] = i
        for alias in a.aliases:  # "the U.S." and "United States" in one document: one key set
            ka = (a.type, other_key(a.type, alias))
            if a.type in ("GPE", "NORP") and ka[1].isupper() and ka in first:
                uf.union(i, first[ka])


def _join_short_forms(actors: list[LocalActor], uf: DisjointSets[int]) -> None:
    """Defined abbreviations (any document) and organisation initials join their full forms."""
    defined: dict[str, set[int]] = {}
    spelled: dict[str, set[int]] = {}
    for i, a in enumerate(actors):
        for abbr in filter(None, a.evidence.get("abbreviations", "").split("|")):
            defined.setdefault(abbr, set()).add(uf.find(i))
        if a.type == "ORG" and len(a.name.split()) >= 3:
            spelled.setdefault(initials(a.name), set()).add(uf.find(i))
    for i, a in enumerate(actors):
        short = a.name.replace(".", "")
        if " " in a.name or not a.name.isupper():
            continue
        roots = {uf.find(r) for r in defined.get(a.name, set())}
        if not roots and a.type == "ORG":
            roots = {uf.find(r) for r in spelled.get(short, set())}
        if len(roots) == 1:
            uf.union(i, roots.pop())


def _entity(group: list[LocalActor], used: set[str]) -> Entity:
    t = tables()
    types = Counter(a.type for a in group)
    etype = max(types, key=lambda k: (types[k], k == "PERSON"))
    name = _canonical_name(group, etype)
    if etype in ("GPE", "LOC") and t.country_of_name(name):
        name = t.canonical[t.country_of_name(name) or ""]
    forms = {a.name for a in group} | {x for a in group for x in a.aliases}
    roles = Counter(r for a in group for r in a.roles)
    first_role = {r: n for n, r in enumerate(r for a in group for r in a.roles)}
    # a country the text states (in any document of the group) outranks one from a table
    stated = [a for a in group if a.country and a.evidence.get("country_source", "text") == "text"]
    countries = Counter(a.country for a in (stated or [a for a in group if a.country]))
    country = max(countries, key=lambda c: (countries[c], c)) if countries else None
    evidence: dict[str, str] = {}
    for a in sorted(group, key=lambda a: a.evidence.get("country_source", "text") != "text"):
        if country and a.country == country and "country" in a.evidence:
            for k in ("country", "country_source", "country_span"):
                if k in a.evidence:
                    evidence.setdefault(k, a.evidence[k])
        for k in ("roles", "abbreviation"):
            if k in a.evidence:
                parts = [*filter(None, evidence.get(k, "").split("; ")), a.evidence[k]]
                evidence[k] = "; ".join(dict.fromkeys(parts))
    eid, n = make_id("ent", etype, phrase_key(name)), 1
    while eid in used:
        eid, n = make_id("ent", etype, phrase_key(name), n), n + 1
    mentions = sorted({m for a in group for m in a.mentions}, key=lambda m: (m.doc, m.start))
    return Entity(
        id=eid, name=name, type=etype, aliases=tuple(sorted(forms - {name})),
        roles=tuple(sorted(roles, key=lambda r: (-roles[r], first_role[r]))),
        country=country, mentions=tuple(mentions), evidence=evidence,
    )


def _canonical_name(group: list[LocalActor], etype: str) -> str:
    """The most complete common form: most words, then most mentions, then longest, then the
    alphabetically first (so the choice does not depend on document order)."""
    weight: Counter[str] = Counter()
    for a in group:
        if a.type == etype:
            weight[a.name] += len(a.mentions)
    if not weight:
        weight.update(a.name for a in group)
    best = max(weight, key=lambda n: (len(n.split()), not n.isupper(), weight[n], len(n)))
    top = (len(best.split()), not best.isupper(), weight[best], len(best))
    return min(n for n in weight if (len(n.split()), not n.isupper(), weight[n], len(n)) == top)
