"""Actors on the demo corpus (examples/riyadh-2025-02-18). Expectations come from reading the five
texts: the same real people appear under variant spellings across (and within) the articles."""

from __future__ import annotations

import pytest

from newsprism.extract.actors.find import canonicalise, find_actors
from newsprism.model import DocActors
from newsprism.model import Document, Entity, Range, sha256_text


@pytest.fixture(scope="module")
def demo(nlp, demo_dir) -> tuple[list[Document], list[DocActors]]:
    docs = []
    for path in sorted(demo_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        docs.append(Document(path.stem[:3], path.name, sha256_text(text), text, None, None, (),
                             None, "news", Range(0, len(text)), ()))
    found = [find_actors(d, s) for d, s in zip(docs, nlp.pipe(d.clean_text() for d in docs))]
    return docs, found


@pytest.fixture(scope="module")
def entities(demo) -> tuple[Entity, ...]:
    return canonicalise(demo[1])[0]


def person(ents: tuple[Entity, ...], surname: str) -> Entity:
    hits = [e for e in ents if e.type == "PERSON" and e.name.split()[-1] == surname]
    assert len(hits) == 1, [e.name for e in hits]
    return hits[0]


def docs_of(ent: Entity) -> set[str]:
    return {m.doc for m in ent.mentions}


def test_mention_spans_match_document_text(demo):
    docs, found = demo
    assert len(docs) == 5 and all(d.actors for d in found)
    for doc, doc_actors in zip(docs, found, strict=True):
        for actor in doc_actors.actors:
            for m in actor.mentions:
                assert doc.text[m.start:m.end] == m.text
                assert not m.text.endswith(("'s", "’s"))


def test_sergei_and_sergey_are_one_foreign_minister(entities):
    lavrov = person(entities, "Lavrov")
    assert {"Sergei Lavrov", "Sergey Lavrov"} <= {lavrov.name, *lavrov.aliases}
    assert docs_of(lavrov) == {"000", "001", "002", "003", "004"}
    assert lavrov.roles[0] == "foreign minister"
    assert lavrov.country == "RUS"


def test_yury_and_yuri_ushakov_join(entities):
    ushakov = person(entities, "Ushakov")
    assert {"Yury Ushakov", "Yuri Ushakov"} <= {ushakov.name, *ushakov.aliases}
    assert docs_of(ushakov) == {"001", "003"}
    assert ushakov.country == "RUS"  # "Russia's chief foreign policy adviser, Yury Ushakov"


def test_zelensky_spellings_and_typo_join(entities):
    zel = [e for e in entities if e.type == "PERSON" and "Zelen" in e.name]
    assert len(zel) == 1
    forms = {zel[0].name, *zel[0].aliases}
    assert {"Volodymyr Zelenskyy", "Volodymyr Zelensky", "Zeleneskyy"} <= forms
    assert docs_of(zel[0]) == {"000", "001", "002", "003", "004"}
    assert zel[0].country == "UKR" and "president" in zel[0].roles


def test_mike_and_michael_waltz_join(entities):
    waltz = person(entities, "Waltz")
    assert {"Michael Waltz", "Mike Waltz"} <= {waltz.name, *waltz.aliases}
    assert "national security adviser" in waltz.roles


def test_rubio_role_and_country(entities):
    rubio = person(entities, "Rubio")
    assert rubio.name == "Marco Rubio"
    assert docs_of(rubio) == {"000", "001", "002", "003", "004"}
    assert rubio.roles[0] == "secretary of state"
    assert rubio.country == "USA"
    surfaces = {m.text for m in rubio.mentions}
    assert surfaces == {"Marco Rubio", "Rubio"}  # "Mr. Rubio" and "Rubio’s" cleaned


def test_trump_surname_only_articles_join_the_full_name(entities):
    trump = person(entities, "Trump")
    assert trump.name == "Donald Trump"
    assert docs_of(trump) == {"000", "001", "002", "003", "004"}


def test_better_known_as_abbreviation(entities, demo):
    mbs = [e for e in entities if "Salman" in e.name]
    assert len(mbs) == 1 and mbs[0].type == "PERSON"
    assert "MBS" in mbs[0].aliases
    assert mbs[0].country == "SAU" and "crown prince" in mbs[0].roles
    assert docs_of(mbs[0]) == {"000", "003"}


def test_party_state_tag_gives_country(demo):
    docs, found = demo
    wicker = [a for a in found[0].actors if a.name == "Roger Wicker"]
    assert len(wicker) == 1 and wicker[0].country == "USA"
    assert "(R-Miss.)" in wicker[0].evidence["country"]


def test_united_states_forms_are_one_country(entities):
    us = [e for e in entities if e.type == "GPE" and e.country == "USA" and e.name == "United States"]
    assert len(us) == 1
    assert {"U.S.", "United States of America"} <= set(us[0].aliases)
    russia = [e for e in entities if e.type == "GPE" and e.name == "Russia"]
    assert len(russia) == 1 and russia[0].country == "RUS"


def test_nato_joins_its_full_name(entities):
    nato = [e for e in entities if "NATO" in {e.name, *e.aliases}]
    assert len(nato) == 1
    assert nato[0].name == "North Atlantic Treaty Organization"


def test_two_kims_stay_apart(demo):
    _, found = demo
    names = {a.name for a in found[0].actors if a.type == "PERSON"}
    assert {"Kim Jong Un", "Patricia Kim"} <= names
