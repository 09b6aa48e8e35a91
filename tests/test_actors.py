"""Actors on hand-written news paragraphs: in-document joins, roles, countries, NER repairs, and
cross-document canonicalisation. Expected values were written by reading each paragraph."""

from __future__ import annotations


import pytest

from newsprism.extract.actors.find import canonicalise, find_actors
from newsprism.model import DocActors, LocalActor
from newsprism.extract.actors.normalise import translit_key
from newsprism.model import Document, Entity, Range, sha256_text

MINISTER = (
    "Brazilian Environment Minister Carla Mendes said on Monday that the rainforest plan would be "
    "published within weeks. Mendes's deputy, Paulo Ribeiro, disagreed with the timeline. "
    "Mr. Ribeiro told reporters in Brasilia that funding was still uncertain.\n\n"
    "Laura Chen, the chief economist at Northbridge Bank, said the plan could cost billions. "
    '"It is ambitious," Chen said.\n'
)
SMITHS = (
    "Senator Jane Smith (D-Calif.) introduced the water bill on Tuesday. Her colleague John Smith, "
    "a Republican from Ohio, opposed it in a floor speech. Smith said the bill would raise costs "
    "for farmers.\n\nFormer President George H. W. Bush and his son, former President George W. "
    "Bush, both attended the ceremony.\n"
)
ABBREV = (
    "The Institute for Coastal Resilience (ICR) published a report on flood defences. ICR "
    "researchers found that sea walls in Jakarta were failing. Ahmed bin Khalid, better known as "
    "ABK, chairs the institute's board; ABK said the findings were alarming.\n"
)
TALKS_1 = (
    "Ukrainian Energy Minister Mykola Horodetskyy met Russian Deputy Prime Minister Dmitri "
    "Volkonsky in Geneva on Friday. Horodetskyy said the talks on gas transit were difficult. The "
    "U.S. ambassador Michael Brennan attended as an observer, and Volkonsky thanked the United "
    "States for its help.\n"
)
TALKS_2 = (
    "Talks in Geneva ended without a deal, Mykola Horodetsky told reporters. Dmitry Volkonsky, "
    "Russia's deputy prime minister, said Moscow was ready to continue. Mike Brennan, the American "
    "ambassador, called the meeting useful. Horodeskyy later said Ukraine would not accept higher "
    "fees. Officials in America were briefed.\n"
)
TALKS_3 = (
    "Yuri Baranov, a senior adviser to the Kremlin, said the Geneva talks would resume. Michelle "
    "Brennan, a lawyer for the gas company, declined to comment.\n"
)
TALKS_4 = "Kremlin aide Yury Baranov told state television that the US had been helpful.\n"


def make_doc(doc_id: str, text: str) -> Document:
    return Document(doc_id, f"{doc_id}.txt", sha256_text(text), text, None, None, (), None,
                    "news", Range(0, len(text)), ())


def actors(nlp, doc_id: str, text: str) -> DocActors:
    doc = make_doc(doc_id, text)
    return find_actors(doc, nlp(doc.clean_text()))


def by_name(found: DocActors, name: str) -> LocalActor:
    hits = [a for a in found.actors if a.name == name]
    assert len(hits) == 1, [a.name for a in found.actors]
    return hits[0]


def texts(actor: LocalActor | Entity) -> list[str]:
    return [m.text for m in actor.mentions]


def entity(ents: tuple[Entity, ...], name: str) -> Entity:
    hits = [e for e in ents if e.name == name]
    assert len(hits) == 1, [e.name for e in ents]
    return hits[0]


def test_surname_and_honorific_join_full_name_and_possessive_is_stripped(nlp):
    found = actors(nlp, "a", MINISTER)
    mendes = by_name(found, "Carla Mendes")
    assert texts(mendes) == ["Carla Mendes", "Mendes"]  # "Mendes's" without the 's
    ribeiro = by_name(found, "Paulo Ribeiro")
    assert texts(ribeiro) == ["Paulo Ribeiro", "Ribeiro"]  # "Mr. Ribeiro" joins
    assert texts(by_name(found, "Laura Chen")) == ["Laura Chen", "Chen"]
    assert [a.key for a in found.actors] == [f"a#{n}" for n in range(len(found.actors))]


def test_roles_and_country_from_premodifier_and_apposition(nlp):
    found = actors(nlp, "a", MINISTER)
    mendes = by_name(found, "Carla Mendes")
    assert mendes.roles == ("environment minister",)
    assert mendes.country == "BRA"
    assert "Brazilian" in mendes.evidence["country"]
    assert by_name(found, "Paulo Ribeiro").roles == ("deputy",)
    chen = by_name(found, "Laura Chen")
    assert chen.roles == ("chief economist",)
    assert chen.country is None  # nothing in the text says where she is from
    assert by_name(found, "Brasilia").country == "BRA"


def test_people_sharing_a_surname_stay_apart(nlp):
    found = actors(nlp, "b", SMITHS)
    jane, john = by_name(found, "Jane Smith"), by_name(found, "John Smith")
    assert texts(jane) == ["Jane Smith"]
    assert texts(john) == ["John Smith", "Smith"]  # the nearest preceding full name
    assert jane.country == "USA" and "(D-Calif.)" in jane.evidence["country"]
    assert jane.roles == ("senator",)
    father, son = by_name(found, "George H. W. Bush"), by_name(found, "George W. Bush")
    assert father.key != son.key
    assert father.roles == son.roles == ("former president",)


def test_defined_abbreviations_join(nlp):
    found = actors(nlp, "c", ABBREV)
    icr = by_name(found, "Institute for Coastal Resilience")
    assert texts(icr) == ["Institute for Coastal Resilience", "ICR", "ICR"]
    person = by_name(found, "Ahmed bin Khalid")
    assert person.type == "PERSON"
    assert texts(person) == ["Ahmed bin Khalid", "ABK", "ABK"]
    assert person.evidence["abbreviations"] == "ABK"


def test_countries_from_demonym_possessive_and_us_forms(nlp):
    one, two = actors(nlp, "t1", TALKS_1), actors(nlp, "t2", TALKS_2)
    assert by_name(one, "Mykola Horodetskyy").country == "UKR"
    assert by_name(one, "Mykola Horodetskyy").roles == ("energy minister",)
    assert by_name(one, "Dmitri Volkonsky").roles == ("deputy prime minister",)
    assert by_name(two, "Dmitry Volkonsky").country == "RUS"  # "Russia's deputy prime minister"
    assert by_name(one, "Michael Brennan").country == "USA"  # "The U.S. ambassador"
    assert by_name(two, "Mike Brennan").country == "USA"  # "the American ambassador"
    us = by_name(one, "United States")
    assert us.type == "GPE" and us.country == "USA" and "U.S." in texts(us)
    assert by_name(two, "Russia").country == "RUS"
    # a typo of the surname in the same text joins the full name
    assert "Horodeskyy" in texts(by_name(two, "Mykola Horodetsky"))


def test_canonicalise_joins_variants_and_keeps_different_people_apart(nlp):
    docs = [actors(nlp, f"t{n}", text)
            for n, text in enumerate((TALKS_1, TALKS_2, TALKS_3, TALKS_4), start=1)]
    ents, key_to_id = canonicalise(docs)
    assert set(key_to_id) == {a.key for d in docs for a in d.actors}
    horodetskyy = entity(ents, "Mykola Horodetskyy")  # -yy / -y / one-letter typo
    assert {"Mykola Horodetsky", "Horodeskyy"} <= set(horodetskyy.aliases)
    assert horodetskyy.country == "UKR"
    volkonsky = entity(ents, "Dmitri Volkonsky")  # Dmitri / Dmitry
    assert "Dmitry Volkonsky" in volkonsky.aliases
    assert volkonsky.roles == ("deputy prime minister",)
    brennan = entity(ents, "Michael Brennan")  # Mike / Michael
    assert "Mike Brennan" in brennan.aliases and brennan.country == "USA"
    assert "Michelle Brennan" not in brennan.aliases
    assert entity(ents, "Michelle Brennan").id != brennan.id
    baranov = [e for e in ents if e.type == "PERSON" and "Baranov" in e.name]
    assert len(baranov) == 1  # Yuri / Yury
    us = entity(ents, "United States")  # U.S., United States, America, US
    assert us.country == "USA" and {"U.S.", "America", "US"} <= set(us.aliases)
    ids = [e.id for e in ents]
    assert len(ids) == len(set(ids))


def test_entity_ids_are_stable_and_order_free(nlp):
    docs = [actors(nlp, "t1", TALKS_1), actors(nlp, "t2", TALKS_2)]
    ents_a, _ = canonicalise(docs)
    ents_b, _ = canonicalise(docs[::-1])
    assert {e.id for e in ents_a} == {e.id for e in ents_b}
    assert entity(ents_a, "Dmitri Volkonsky").id == entity(ents_b, "Dmitri Volkonsky").id


def test_defined_abbreviation_joins_across_documents(nlp):
    first = actors(nlp, "c", ABBREV)
    later = actors(nlp, "d", "Critics say ABK has too much power over the board. ICR staff were "
                             "not present.\n")
    ents, key_to_id = canonicalise([first, later])
    person = entity(ents, "Ahmed bin Khalid")
    assert {m.doc for m in person.mentions} == {"c", "d"}
    institute = entity(ents, "Institute for Coastal Resilience")
    assert {m.doc for m in institute.mentions} == {"c", "d"}


@pytest.mark.parametrize(
    ("a", "b"),
    [("Sergei", "Sergey"), ("Yury", "Yuri"), ("Zelensky", "Zelenskyy"), ("Zelenskiy", "Zelensky"),
     ("Dmitri", "Dmitry"), ("Aleksei", "Alexei"), ("Dmitriy", "Dmitry")],
)
def test_transliteration_variants_share_a_key(a, b):
    assert translit_key(a) == translit_key(b)


def test_transliteration_keeps_different_names_apart():
    assert translit_key("Ivan") != translit_key("Ivana")
    assert translit_key("Marco") != translit_key("Mario")


def test_every_mention_span_matches_the_text(nlp):
    for doc_id, text in (("a", MINISTER), ("b", SMITHS), ("c", ABBREV), ("t2", TALKS_2)):
        found = actors(nlp, doc_id, text).actors
        assert found, doc_id
        for actor in found:
            for m in actor.mentions:
                assert m.doc == doc_id and text[m.start:m.end] == m.text
