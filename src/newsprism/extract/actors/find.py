"""Actors: the people, organisations and places one document mentions, and their merge across
documents.

``find_actors`` reads spaCy's entities, repairs common NER errors with light rules (a title or
possessive inside a name, a surname tagged as an organisation, "U.S.-Russia" tagged as a person),
drops names in credit lines, bylines and datelines (``credits``),
groups mentions into one ``LocalActor`` per real actor (a surname or "Mr. X" joins the nearest
full name it fits), and reads roles and countries around each mention (``roles_country``).
``canonicalise`` (in ``names_merge``) merges local actors of many documents into entities.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc as SpacyDoc

from newsprism.model import DocActors, LocalActor
from newsprism.extract.actors.abbrev import find_abbreviations
from newsprism.extract.actors.credits import credit_ranges, inside
from newsprism.extract.actors.group import Mention, group_mentions
from newsprism.extract.actors.merge import canonicalise
from newsprism.extract.actors.normalise import (
    fold,
    known_given_name,
    one_typo,
    parse_person,
    translit_key,
)
from newsprism.extract.actors.roles import (
    HOLDERS,
    PARTY_TAG,
    POSSESSIVE,
    Tables,
    appositive_after,
    appositive_before,
    holder_country,
    office_country,
    premodifier,
    tables,
)
from newsprism.model import Document, Span

__all__ = ["canonicalise", "find_actors"]

LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
_SPLIT = frozenset('"“”‘[](){}«»•·*|;:')
_NOUN_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "attr", "ROOT"})
_HONORIFIC_PERSON = frozenset({"mr.", "mrs.", "ms.", "mr", "mrs", "ms", "dr.", "sen.", "rep."})


def find_actors(doc: Document, sdoc: SpacyDoc) -> DocActors:
    """One LocalActor per real actor in ``doc``; ``sdoc`` parses ``doc.clean_text()``."""
    t = tables()
    party = [(m.start(), m.end()) for m in PARTY_TAG.finditer(doc.text)]
    mentions = [m for m in _collect(doc, sdoc, t) if not any(a <= m.start < b for a, b in party)]
    mentions = _fix_types(doc, sdoc, mentions)
    mentions = find_abbreviations(doc, sdoc, mentions)
    credits = credit_ranges(doc.clean_text())
    mentions = [m for m in mentions if not inside(credits, m.start)]
    groups = group_mentions(doc, mentions)
    actors = [_build(doc, sdoc, f"{doc.id}#{n}", g, t, party) for n, g in enumerate(groups)]
    return DocActors(doc.id, tuple(actors))


# ---------------------------------------------------------------- mentions


def _collect(doc: Document, sdoc: SpacyDoc, t: Tables) -> list[Mention]:
    ents = [(e.start, e.end, e.label_) for e in sdoc.ents if e.label_ in LABELS]
    ents = sorted(ents + _caps_places(sdoc, ents, t))
    surnames = frozenset(
        parse_person(e.text).surname for e in sdoc.ents
        if e.label_ == "PERSON" and parse_person(e.text).is_full)
    out: list[Mention] = []
    for a, b, label in _merge_split_names(sdoc, ents, t):
        for s, e in _segments(sdoc, a, b):
            out.extend(_trim(doc, sdoc, s, e, label, t, surnames))
    return _majority_labels(doc, out, t)


def _caps_places(sdoc: SpacyDoc, ents: list[tuple[int, int, str]], t: Tables) -> list[tuple[int, int, str]]:
    """Country names and capitals on an all-capitals line ("ROMANIA BEAT LITHUANIA"), which the
    statistical NER mostly misses; only words outside every entity, looked up in the country table."""
    covered = {i for a, b, _ in ents for i in range(a, b)}
    text = sdoc.text
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    caps_line = [not any(c.islower() for c in text[a:b]) for a, b in zip(starts, [*starts[1:], len(text)])]
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(sdoc):
        tok = sdoc[i]
        if i in covered or not tok.is_upper or not tok.is_alpha or len(tok.text) < 4 \
                or not caps_line[bisect_right(starts, tok.idx) - 1]:
            i += 1
            continue
        for n in (3, 2, 1):
            span = sdoc[i:i + n]
            if len(span) == n and not any(j in covered for j in range(i, i + n)) \
                    and all(x.is_upper for x in span) and t.place_country(span.text):
                out.append((i, i + n, "GPE"))
                i += n
                break
        else:
            i += 1
    return out


def _majority_labels(doc: Document, mentions: list[Mention], t: Tables) -> list[Mention]:
    """One label per identical non-person name in a document: the label most of its mentions got
    (ties, places and persons keep their own; a name tagged a person anywhere is a person, in
    ``_fix_types``)."""
    votes: dict[str, dict[str, int]] = {}
    for m in mentions:
        v = votes.setdefault(doc.text[m.start:m.end], {})
        v[m.label] = v.get(m.label, 0) + 1
    out: list[Mention] = []
    for m in mentions:
        v = votes[doc.text[m.start:m.end]]
        best = max(v, key=lambda k: v[k])
        if best != m.label and v[best] > v[m.label] and "PERSON" not in (m.label, best) \
                and m.label != "GPE" and sum(n == v[best] for n in v.values()) == 1:
            m = Mention(m.start, m.end, best, m.tok_start, m.tok_end)
        out.append(m)
    return out


def _merge_split_names(
    sdoc: SpacyDoc, ents: list[tuple[int, int, str]], t: Tables
) -> list[tuple[int, int, str]]:
    """Join "Yury/ORG Ushakov/PERSON": a lone capitalised word right before a person's name."""
    out: list[tuple[int, int, str]] = []
    for a, b, label in ents:
        if out and label == "PERSON":
            pa, pb, plabel = out[-1]
            prev = sdoc[pa]
            if (pb == a and pb - pa == 1 and plabel != "PERSON" and prev.is_title
                    and not prev.whitespace_.count("\n") and not t.place_country(prev.text)
                    and not t.is_title_word(prev.text) and not t.demonym(prev.text)):
                out[-1] = (pa, b, "PERSON")
                continue
        out.append((a, b, label))
    return out


def _segments(sdoc: SpacyDoc, a: int, b: int) -> list[tuple[int, int]]:
    """Split a span at quotes, brackets and possessives ("Rubio’s Riyadh", "Vladimir] Putin"), at a
    spaced dash ("Romania - Cosmin Contra") and at a comma before a country or capital ("Oval,
    London")."""
    segs, s = [], a
    for i in range(a, b):
        tok = sdoc[i]
        spaced_dash = tok.text in ("-", "–", "—") and tok.whitespace_ and i > a and sdoc[i - 1].whitespace_
        comma = tok.text == "," and i + 1 < b and bool(_T().place_country(sdoc[i + 1:b].text))
        if (tok.text in _SPLIT or tok.tag_ == "POS" or tok.text in ("’s", "'s") or "\n" in tok.text
                or spaced_dash or comma):
            if i > s:
                segs.append((s, i))
            s = i + 1
    if b > s:
        segs.append((s, b))
    return segs


_T = tables
# A score or a figure ("63", "4-28", "108-3", "2/1"): never the last word of a name.
_SCORE = re.compile(r"^\d+(?:[-–/:]\d+)*$")


def _is_skippable(tok_text: str) -> bool:
    return not any(c.isalnum() for c in tok_text)


def _trim(doc: Document, sdoc: SpacyDoc, s: int, e: int, label: str, t: Tables,
          surnames: frozenset[str] = frozenset()) -> list[Mention]:
    while s < e:
        tok = sdoc[s]
        low = fold(tok.text)
        if _is_skippable(tok.text) or low in ("the", "a", "an"):
            s += 1
        elif label == "PERSON" and e - s > 1 and (
            t.is_title_word(tok.text) or t.demonym(tok.text) or t.country_of_name(tok.text)
            or _SCORE.match(tok.text)  # "64 Bob Estes": a figure before a name
        ):
            s += 1
        else:
            break
    while e > s and (_is_skippable(sdoc[e - 1].text) or sdoc[e - 1].text in POSSESSIVE
                     or (e - s > 1 and sdoc[e - 1].text in _TRAILING_FUNCTION)
                     or (e - s > 1 and _trailing_score(sdoc[e - 1].text, label))):
        e -= 1  # "Harischandra of", "Museum in": a preposition the NER span ran into
    if e <= s:
        return []
    start, end = sdoc[s].idx, sdoc[e - 1].idx + len(sdoc[e - 1].text)
    text = doc.text[start:end]
    if sum(c.isalpha() for c in text) < 2 or not (text[0].isupper() or text[0].isdigit()):
        return []
    if all(_title_only_word(w, t) for w in text.split()):
        return []  # "State" of "Secretary of State", "Defense", "National Security"
    if label == "PERSON" and text.isupper() and len(text) <= 2:
        return []
    parts = _hyphen_places(text, t) if "-" in text else []
    if parts:
        return [Mention(start + off, start + off + len(p), "GPE", -1, -1) for off, p in parts]
    if label == "ORG" and _in_title(sdoc, s, e, t):
        return []
    if not (label == "PERSON" and e - s == 1 and text in surnames):  # "Washington" of "Kenny Washington"
        label = _retype(text, label, e - s, t)
    if label == "NORP" and not _norp_is_actor(sdoc, e - 1):
        return []
    return [Mention(start, end, label, s, e)]


# Abbreviated military ranks and rank modifiers (standard US/UK forms), so that a rank the
# NER tagged on its own ("Sgt", "Rear Adm.") is not an actor.
_RANK_WORDS = frozenset({"sgt", "cpl", "pvt", "lt", "maj", "gen", "adm", "col", "capt", "cmdr",
                         "rear", "vice", "staff", "first", "lance", "brig"})
# Lower-case function words that cannot end a name.
_TRAILING_FUNCTION = frozenset({"of", "in", "at", "and", "for", "on", "from", "to", "the"})


def _trailing_score(word: str, label: str) -> bool:
    """A figure after a name in a results table ("J. Adams 123", "Kent 108-3"); an organisation keeps
    a short number of its own ("Channel 4"), a score with a dash is never part of a name."""
    if not _SCORE.match(word):
        return False
    return label != "ORG" or not word.isdigit() or len(word) >= 3


def _title_only_word(word: str, t: Tables) -> bool:
    bare = word.rstrip(".")
    return t.is_title_word(word) or t.is_title_word(bare + ".") or fold(bare) in _RANK_WORDS


def _in_title(sdoc: SpacyDoc, s: int, e: int, t: Tables) -> bool:
    """ "Ukrainian Energy" tagged ORG in "Ukrainian Energy Minister NAME": part of a title."""
    first = sdoc[s].text
    starts_national = bool(t.demonym(first) or t.country_of_name(first))
    follows = e < len(sdoc) and sdoc[e].is_title and fold(sdoc[e].text) in t.heads
    return starts_national and follows


def _hyphen_places(text: str, t: Tables) -> list[tuple[int, str]]:
    """Country parts of "U.S.-Russia" / "U.S.-Saudi", when every part is a country or demonym."""
    parts = text.split("-")
    if len(parts) < 2 or not all(t.country_of_name(p) or t.demonym(p) for p in parts):
        return []
    out, off = [], 0
    for p in parts:
        if t.country_of_name(p):
            out.append((off, p))
        off += len(p) + 1
    return out


def _retype(text: str, label: str, n_tokens: int, t: Tables) -> str:
    if t.place_country(text) and not (label == "PERSON" and n_tokens == 1 and known_given_name(text)):
        return "GPE"
    if t.demonym(text):
        return "NORP"
    return label


def _norp_is_actor(sdoc: SpacyDoc, i: int) -> bool:
    """ "the Russians said" is an actor; "Russian officials" is only a modifier."""
    tok = sdoc[i]
    return tok.dep_ in _NOUN_DEPS and tok.tag_ != "JJ"


def _fix_types(doc: Document, sdoc: SpacyDoc, mentions: list[Mention]) -> list[Mention]:
    """Surnames NER tagged ORG/GPE become PERSON; untagged surnames and "Mr. X" are added."""
    t = tables()
    surnames: set[str] = set()
    for m in mentions:
        if m.label == "PERSON":
            name = parse_person(doc.text[m.start:m.end])
            if name.is_full:
                surnames.update({name.last_key, name.surname_key})
    tagged_person = {doc.text[m.start:m.end] for m in mentions if m.label == "PERSON"}
    out: list[Mention] = []
    covered: set[int] = set()
    for m in mentions:
        text = doc.text[m.start:m.end]
        if m.label != "PERSON" and not t.place_country(text) and (
                text in tagged_person
                or (m.tok_end - m.tok_start == 1 and _surname_like(text, surnames))):
            m = Mention(m.start, m.end, "PERSON", m.tok_start, m.tok_end)
        out.append(m)
        covered.update(range(m.tok_start, m.tok_end))
    for tok in sdoc:
        if tok.i in covered or not tok.is_title or tok.is_stop or len(tok.text) < 2:
            continue
        if tok.pos_ not in ("PROPN", "NOUN", "ADJ", "VERB"):
            continue
        after_honorific = tok.i > 0 and fold(sdoc[tok.i - 1].text) in _HONORIFIC_PERSON
        if after_honorific or _surname_like(tok.text, surnames):
            out.append(Mention(tok.idx, tok.idx + len(tok.text), "PERSON", tok.i, tok.i + 1))
    return sorted(out, key=lambda m: (m.start, -m.end))


def _surname_like(text: str, surnames: set[str]) -> bool:
    key = translit_key(text)
    return key in surnames or any(one_typo(key, s) for s in surnames)


# ---------------------------------------------------------------- actors


@dataclass(slots=True)
class _Votes:
    weights: dict[str, float]
    evidence: dict[str, str]
    spans: dict[str, tuple[int, int]]

    def add(self, iso: str | None, weight: float, evidence: str, span: tuple[int, int] = (-1, -1)) -> None:
        if iso:
            self.weights[iso] = self.weights.get(iso, 0.0) + weight
            self.evidence.setdefault(iso, evidence)
            if span[0] >= 0:
                self.spans.setdefault(iso, span)

    def best(self) -> tuple[str | None, str | None, tuple[int, int] | None]:
        if not self.weights:
            return None, None, None
        iso = max(self.weights, key=lambda k: (self.weights[k], -list(self.weights).index(k)))
        return iso, self.evidence[iso], self.spans.get(iso)


def _build(
    doc: Document,
    sdoc: SpacyDoc,
    key: str,
    group: list[Mention],
    t: Tables,
    party: list[tuple[int, int]],
) -> LocalActor:
    label = group[0].label
    texts = [doc.text[m.start:m.end] for m in group]
    plain = [x for m, x in zip(group, texts, strict=True) if not m.alias] or texts
    name = max(plain, key=lambda x: (len(x.split()), not x.isupper(), len(x), -plain.index(x)))
    roles: list[str] = []
    role_ev: list[str] = []
    votes = _Votes({}, {}, {})
    evidence: dict[str, str] = {}
    for m in group:
        if m.tok_start < 0 or m.alias:
            continue
        if label == "PERSON":
            _person_context(doc, sdoc, m, t, party, roles, role_ev, votes)
        elif label in ("ORG", "FAC"):
            found = premodifier(sdoc, m.tok_start, t)
            if found and found.role is None:
                votes.add(found.country, 2, f"'{found.evidence}' before '{doc.text[m.start:m.end]}'",
                          found.span)
    first = next((m for m in group if not m.alias and doc.text[m.start:m.end] == name), group[0])
    own = (first.start, first.end)
    if label in ("GPE", "LOC", "FAC"):
        iso = t.country_of_name(name)
        if iso:
            votes.add(iso, 3, f"country name '{name}'", own)
        elif t.place_country(name):
            votes.add(t.place_country(name), 3, f"capital '{name}'", own)
    if label == "NORP":
        votes.add(t.demonym(name), 3, f"demonym '{name}'", own)
    if label == "ORG":
        votes.add(t.institutions.get(fold(name)), 3, f"institution '{name}'", own)
    if not votes.weights:
        _office_vote(doc, sdoc, roles, t, votes)
    source = "text"
    if not votes.weights and label == "PERSON":
        held = holder_country(name)
        if held:
            votes.add(held[0], 0.5, held[1])
            source = f"table {HOLDERS}"
    country, country_ev, country_span = votes.best()
    if country_ev:
        evidence["country"] = country_ev
        evidence["country_source"] = source
        if country_span:
            evidence["country_span"] = f"{doc.id}:{country_span[0]}-{country_span[1]}"
    if role_ev:
        evidence["roles"] = "; ".join(dict.fromkeys(role_ev))
    defined = [m for m in group if m.abbr]
    if defined:
        evidence["abbreviations"] = "|".join(dict.fromkeys(m.abbr for m in defined))
        evidence["abbreviation"] = "; ".join(dict.fromkeys(m.abbr_evidence for m in defined))
    spans = sorted({(m.start, m.end) for m in group})
    return LocalActor(
        key=key, name=name, type=label,
        mentions=tuple(Span(doc.id, a, b, doc.text[a:b]) for a, b in spans),
        aliases=tuple(sorted(set(texts) - {name})),
        roles=tuple(dict.fromkeys(roles)), country=country, evidence=evidence,
    )


def _person_context(
    doc: Document, sdoc: SpacyDoc, m: Mention, t: Tables, party: list[tuple[int, int]],
    roles: list[str], role_ev: list[str], votes: _Votes,
) -> None:
    mention = doc.text[m.start:m.end]
    after = m.tok_end
    for a, b in party:
        if m.end <= a <= m.end + 3 and doc.text[m.end:a].strip() == "":
            votes.add("USA", 3, f"party-state tag '{doc.text[a:b]}' after '{mention}'", (a, b))
            while after < len(sdoc) and sdoc[after].idx < b:
                after += 1
    for found, where in (
        (premodifier(sdoc, m.tok_start, t), "before"),
        (appositive_before(sdoc, m.tok_start, t), "before"),
        (appositive_after(sdoc, after, t), "after"),
    ):
        if found is None:
            continue
        if found.role:
            roles.append(found.role)
            role_ev.append(f"'{found.role}' from '{found.evidence}' {where} '{mention}'")
        votes.add(found.country, 2, f"'{found.evidence}' {where} '{mention}'", found.span)


def _office_vote(doc: Document, sdoc: SpacyDoc, roles: list[str], t: Tables, votes: _Votes) -> None:
    """An office that implies a country counts only if the text itself names that country."""
    for role in roles:
        iso = office_country(role, t)
        if not iso:
            continue
        named = next((e for e in sdoc.ents if t.place_country(e.text) == iso or t.demonym(e.text) == iso),
                     None)
        if named is not None:
            votes.add(iso, 1, f"office '{role}' in a text that names {t.canonical[iso]}",
                      (named.start_char, named.end_char))
            return
