"""Actors' countries: from the text's own words (with the span they stand in), from another
document of the same story, and from the table of public office holders (with its name as the
source). Hand-written text; expected values written by reading it."""

from __future__ import annotations

from newsprism.extract.actors.find import canonicalise, find_actors
from newsprism.extract.actors.roles import holder_country
from newsprism.model import Document, Range, sha256_text

TALKS = ("The Russian foreign minister, Anatoly Gerasimov, said the talks would continue. French "
         "President Lucien Marchetti disagreed.\n")
FOLLOW_UP = "Anatoly Gerasimov met Lucien Marchetti in Geneva on Friday. Both called it useful.\n"
SENATE = "Maria Cantwell said on Friday that the rail bill would pass. Opponents disagreed.\n"
STATED = "Spanish economist Maria Cantwell said on Friday that the rail bill would pass.\n"


def _run(nlp, texts: list[str]):
    found = []
    for n, text in enumerate(texts):
        d = Document(f"d{n}", f"d{n}.txt", sha256_text(text), text, None, None, (), None, "news",
                     Range(0, len(text)), ())
        found.append(find_actors(d, nlp(d.clean_text())))
    return found, {e.name: e for e in canonicalise(found)[0]}


def test_country_from_the_text_with_its_span(nlp):
    found, ents = _run(nlp, [TALKS])
    g = ents["Anatoly Gerasimov"]
    assert g.country == "RUS" and g.evidence["country_source"] == "text"
    doc, _, rng = g.evidence["country_span"].partition(":")
    a, b = map(int, rng.split("-"))
    assert doc == "d0" and TALKS[a:b] == "Russian foreign minister"
    m = ents["Lucien Marchetti"]
    assert m.country == "FRA" and "French President" in m.evidence["country"]


def test_country_from_another_document_of_the_story(nlp):
    found, ents = _run(nlp, [FOLLOW_UP, TALKS])
    alone = {a.name: a for a in found[0].actors}
    assert alone["Anatoly Gerasimov"].country is None  # the follow-up alone says nothing
    assert ents["Anatoly Gerasimov"].country == "RUS"
    assert ents["Anatoly Gerasimov"].evidence["country_span"].startswith("d1:")


def test_country_from_the_office_holder_table_names_its_source(nlp):
    _, ents = _run(nlp, [SENATE])
    e = ents["Maria Cantwell"]
    assert e.country == "USA"
    assert e.evidence["country_source"] == "table actors_office_holders.tsv"
    assert "senator" in e.evidence["country"]


def test_the_text_outranks_the_table(nlp):
    _, ents = _run(nlp, [SENATE, STATED])
    e = ents["Maria Cantwell"]
    assert e.country == "ESP" and e.evidence["country_source"] == "text"


def test_table_needs_a_full_name():
    assert holder_country("Cantwell") is None
    assert holder_country("J.D. Vance") == holder_country("JD Vance") is not None


# Office holders of other countries (EveryPolitician's Wikidata tables in the same file): names
# chosen from the table, sentences written by hand.
ABROAD = ("Mette Frederiksen told reporters on Tuesday that the agreement would be signed next month. "
          "Radoslaw Sikorski welcomed the plan in a short statement.\n")
CALL = "Wang Yi and Kaja Kallas spoke by telephone on Monday about shipping in the Baltic Sea.\n"


def test_country_of_office_holders_abroad_from_the_table(nlp):
    _, ents = _run(nlp, [ABROAD, CALL])
    expected = {"Mette Frederiksen": "DNK", "Radoslaw Sikorski": "POL", "Wang Yi": "CHN", "Kaja Kallas": "EST"}
    for name, iso in expected.items():
        e = ents[name]
        assert e.country == iso, (name, e.country)
        assert e.evidence["country_source"] == "table actors_office_holders.tsv"
        assert "everypolitician:" in e.evidence["country"]
    assert "Prime Minister" in ents["Mette Frederiksen"].evidence["country"]


def test_table_keys_transliteration_variants_and_keeps_shared_names_unassigned():
    # Ukraine's prime minister is listed as "Denys Shmyhal"; "Denis" is the same romanised name
    assert holder_country("Denis Shmyhal")[0] == holder_country("Denys Shmyhal")[0] == "UKR"
    # "David Clark" names a British and a New Zealand politician: no country from the table
    assert holder_country("David Clark") is None


def test_every_table_row_names_a_known_country_and_its_source():
    from newsprism.extract.actors.roles import _holder_lines, office_holders, tables

    known = set(tables().canonical)
    rows = [h for key in _holder_lines() for h in office_holders(key)]
    assert len(rows) > 40000  # U.S. and EveryPolitician rows (a build that read no repository has ~900)
    assert {h.country for h in rows} <= known
    assert {h.source.split(":")[0] for h in rows} == {"congress-legislators", "everypolitician"}
