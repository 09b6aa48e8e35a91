"""PLOVER events on hand-written news sentences (expected values written by hand).

Actors and quotes come from the real extract modules; the document date is Wednesday
2025-02-19 unless a test says otherwise.
"""

from __future__ import annotations

import dataclasses

import pytest

from newsprism.extract import redate
from newsprism.extract.actors.find import find_actors
from newsprism.extract.dates.find import find_dates
from newsprism.extract.events.find import find_events
from newsprism.extract.quotes.find import find_quotes
from newsprism.lang.plover import load_lexicon
from newsprism.model import PLOVER_CATEGORIES, Document, Event, Extraction, Range, make_id, sha256_text

WED = "2025-02-19"


def make_doc(text: str, published: str | None = WED, doc_id: str = "ev1") -> Document:
    return Document(doc_id, f"{doc_id}.txt", sha256_text(text), text, None, None, (), published,
                    "news", Range(0, len(text)), ())


def run(nlp, text: str, published: str | None = WED):
    doc = make_doc(text, published)
    sdoc = nlp(doc.clean_text())
    actors = find_actors(doc, sdoc)
    quotes = find_quotes(doc, sdoc, actors)
    events = find_events(doc, sdoc, actors, find_dates(doc, sdoc), quotes)
    names = {a.key: a.name for a in actors.actors}
    for e in events:
        assert e.category in PLOVER_CATEGORIES
        for m in e.mentions:
            assert doc.text[m.start:m.end] == m.text
        assert e.id == make_id("event", doc.id, e.mentions[0].start, e.category, e.action)
        assert set(e.source) <= set(names) and set(e.target) <= set(names)
    return events, names, quotes


def one(events: list[Event], category: str, action: str | None = None) -> Event:
    hits = [e for e in events if e.category == category and (action is None or e.action == action)]
    assert len(hits) == 1, [(e.category, e.action) for e in events]
    return hits[0]


def who(names: dict[str, str], keys: tuple[str, ...]) -> list[str]:
    return [names[k] for k in keys]


def test_consult_with_date_and_location(nlp) -> None:
    events, names, _ = run(nlp, "Kenyan President William Ruto met Ethiopian Prime Minister Abiy "
                                "Ahmed in Addis Ababa on Monday.")
    e = one(events, "CONSULT", "meet")
    assert who(names, e.source) == ["William Ruto"]
    assert who(names, e.target) == ["Abiy Ahmed"]
    assert (e.date, e.date_text, e.location) == ("2025-02-17", "Monday", "Addis Ababa")


def test_hold_talks_and_both_sides(nlp) -> None:
    events, names, _ = run(nlp, "Armenia and Azerbaijan held talks in Washington on Tuesday. "
                                "Both sides agreed to reopen transport links.")
    talks = one(events, "CONSULT", "hold talks")
    assert who(names, talks.source) == ["Armenia", "Azerbaijan"]
    assert (talks.date, talks.location) == ("2025-02-18", "Washington")
    agree = one(events, "AGREE")
    assert sorted(who(names, agree.source)) == ["Armenia", "Azerbaijan"]
    assert agree.source_text == ("Both sides",)
    assert agree.date == WED and agree.date_text is None  # past tense: the document date


def test_sanction_with_target_and_relative_week(nlp) -> None:
    events, names, _ = run(nlp, "China imposed sanctions on Lockheed Martin last week.")
    e = one(events, "SANCTION", "impose sanctions")
    assert who(names, e.source) == ["China"]
    assert "Lockheed Martin" in e.target_text[0]
    assert (e.date, e.date_text) == ("2025-02-10/2025-02-16", "last week")


def test_accuse_and_reject(nlp) -> None:
    events, names, _ = run(nlp, "Iran accused Israel of sabotaging its nuclear facilities. "
                                "Hamas rejected the proposal on Sunday.")
    accuse = one(events, "ACCUSE", "accuse")
    assert (who(names, accuse.source), who(names, accuse.target)) == (["Iran"], ["Israel"])
    reject = one(events, "REJECT", "reject")
    assert who(names, reject.source) == ["Hamas"] and reject.date == "2025-02-16"


def test_negated_permission_is_reject(nlp) -> None:
    events, names, _ = run(nlp, "Moscow will not allow foreign peacekeepers in the region.")
    e = one(events, "REJECT")
    assert e.action == "not allow" and who(names, e.source) == ["Moscow"]
    assert not [x for x in events if x.category == "CONCEDE"]
    assert e.date is None  # future, no date expression


def test_hypothetical_and_negated_attacks_are_not_events(nlp) -> None:
    events, _, _ = run(nlp, "Syria could attack Turkey. Turkey did not attack Syria. "
                            "If Iran strikes Israel, markets will fall.")
    assert not [e for e in events if e.category == "ASSAULT"]


def test_threat_swallows_its_complement(nlp) -> None:
    events, names, _ = run(nlp, "North Korea threatened to strike Seoul.")
    assert [e.category for e in events] == ["THREATEN"]
    assert who(names, events[0].source) == ["North Korea"]


def test_assault_mobilize_aid(nlp) -> None:
    events, names, _ = run(nlp, "Russia bombed Ukraine's power grid overnight. India deployed "
                                "troops to the border with China in June. Germany sent "
                                "humanitarian aid to Sudan.")
    bomb = one(events, "ASSAULT", "bomb")
    assert (who(names, bomb.source), who(names, bomb.target)) == (["Russia"], ["Ukraine"])
    deploy = one(events, "MOBILIZE", "deploy")
    assert who(names, deploy.source) == ["India"] and deploy.date == "2024-06"
    aid = one(events, "AID", "send aid")
    assert (who(names, aid.source), who(names, aid.target)) == (["Germany"], ["Sudan"])


def test_requests(nlp) -> None:
    events, names, _ = run(nlp, "The United Nations called on Israel to withdraw its troops from "
                                "Gaza. Turkey urged Sweden to expel Kurdish militants.")
    call = one(events, "REQUEST", "call on")
    assert (who(names, call.source), who(names, call.target)) == (["United Nations"], ["Israel"])
    urge = one(events, "REQUEST", "urge")
    assert (who(names, urge.source), who(names, urge.target)) == (["Turkey"], ["Sweden"])
    # the requested withdrawal and expulsion are part of the requests, not events of their own
    assert not [e for e in events if e.category in ("RETREAT", "SANCTION")]


def test_support(nlp) -> None:
    events, names, _ = run(nlp, "French President Emmanuel Macron praised Brazil for its climate "
                                "policy. Japan endorsed the resolution.")
    praise = one(events, "SUPPORT", "praise")
    assert (who(names, praise.source), who(names, praise.target)) == (["Emmanuel Macron"], ["Brazil"])
    assert who(names, one(events, "SUPPORT", "endorse").source) == ["Japan"]


def test_concede_consult_noun_and_agree(nlp) -> None:
    events, names, _ = run(nlp, "Israel and Hamas agreed to a ceasefire after talks between Egypt "
                                "and Qatar. Hamas released 33 hostages in Gaza on Saturday.")
    agree = one(events, "AGREE")
    assert who(names, agree.source) == ["Israel", "Hamas"]
    talks = one(events, "CONSULT", "talks")
    assert who(names, talks.source) == ["Egypt", "Qatar"]
    release = one(events, "CONCEDE", "release hostages")
    assert who(names, release.source) == ["Hamas"]
    assert (release.date, release.location) == ("2025-02-15", "Gaza")


def test_invasion_noun_takes_its_own_date(nlp) -> None:
    events, names, _ = run(nlp, "Russia's invasion of Ukraine in February 2022 upended European "
                                "security.")
    e = one(events, "ASSAULT", "invasion")
    assert (who(names, e.source), who(names, e.target)) == (["Russia"], ["Ukraine"])
    assert (e.date, e.date_text) == ("2022-02", "February 2022")


def test_accuse_blame_and_retreat(nlp) -> None:
    events, names, _ = run(nlp, "Poland blamed Belarus for the surge in crossings. The Netherlands "
                                "withdrew its troops from Mali in 2022.")
    blame = one(events, "ACCUSE", "blame")
    assert (who(names, blame.source), who(names, blame.target)) == (["Poland"], ["Belarus"])
    withdraw = one(events, "RETREAT", "withdraw")
    assert who(names, withdraw.source) == ["Netherlands"] and withdraw.date == "2022"
    assert who(names, withdraw.target) == ["Mali"]


def test_protest_by_a_named_group(nlp) -> None:
    events, names, _ = run(nlp, "Members of Greenpeace protested in Paris against the trade "
                                "agreement on Thursday.")
    e = one(events, "PROTEST", "protest")
    assert who(names, e.source) == ["Greenpeace"]
    assert (e.date, e.location) == ("2025-02-13", "Paris")


def test_statement_event_linked_to_its_quote(nlp) -> None:
    text = ('"We will never accept this occupation," Ukrainian President Volodymyr Zelensky said '
            'on Wednesday. Zelensky rejected the plan.')
    events, names, quotes = run(nlp, text)
    assert len(quotes) == 1
    e = one(events, "REJECT", "reject")
    assert who(names, e.source) == ["Volodymyr Zelensky"]
    assert e.quotes == (quotes[0].id,)


def test_unknown_document_date_leaves_date_empty(nlp) -> None:
    events, _, _ = run(nlp, "Egypt hosted Sudan's army chief on Tuesday.", published=None)
    e = one(events, "CONSULT", "host")
    assert e.date is None
    # the expression it waits for is kept, so a date found later can resolve it
    assert e.date_basis == "expression" and e.date_span is not None and e.date_span.text == "Tuesday"


def test_event_date_basis_and_evidence(nlp) -> None:
    events, _, _ = run(nlp, "Armenia and Azerbaijan held talks in Washington on Tuesday. "
                            "Both sides agreed to reopen transport links.")
    talks = one(events, "CONSULT", "hold talks")
    assert talks.date_basis == "expression" and talks.date_span is not None
    assert (talks.date_span.start, talks.date_span.end, talks.date_span.text) == (51, 58, "Tuesday")
    agree = one(events, "AGREE")
    assert agree.date_basis == "document" and agree.date == WED
    # a future verb with no date expression has no date and no basis
    events, _, _ = run(nlp, "Kenya will send troops to Haiti.")
    assert all(e.date is None and e.date_basis is None for e in events)


def test_redate_resolves_waiting_dates_and_events(nlp) -> None:
    text = ("Egypt hosted Sudan's army chief on Tuesday. The two sides agreed to open a border crossing. "
            "They will meet again on Friday.")
    doc = make_doc(text, published=None)
    sdoc = nlp(doc.clean_text())
    actors = find_actors(doc, sdoc)
    dates = find_dates(doc, sdoc)
    extraction = Extraction(dates=tuple(dates),
                            events=tuple(find_events(doc, sdoc, actors, dates, find_quotes(doc, sdoc, actors))))
    assert all(t.value is None for t in extraction.dates)
    dated = dataclasses.replace(doc, published=WED, published_basis="inferred",
                                published_evidence=(doc.span(35, 42),))
    out = redate(extraction, [dated])
    values = {t.text: t.value for t in out.dates}
    assert values == {"Tuesday": "2025-02-18", "Friday": "2025-02-21"}  # Friday is future: forward
    host = one(list(out.events), "CONSULT", "host")
    assert (host.date, host.date_text, host.date_basis) == ("2025-02-18", "Tuesday", "expression")
    agree = one(list(out.events), "AGREE")
    assert (agree.date, agree.date_basis) == (WED, "document")
    assert agree.date_span is not None and agree.date_span.text == "Tuesday"
    assert redate(extraction, []) is extraction


def test_lexicon_covers_every_category() -> None:
    lex = load_lexicon()
    used = {*lex.verbs.values(), *lex.particles.values(), *lex.objects.values(), *lex.nouns.values()}
    assert used == set(PLOVER_CATEGORIES)


def test_demo_article_events(nlp, demo_dir) -> None:
    # 000 (dated February 19, 2025): "On Tuesday, Secretary of State Marco Rubio met his Russian
    # counterpart, Foreign Minister Sergey Lavrov, in Riyadh" -> CONSULT on 2025-02-18 in Riyadh.
    text = (demo_dir / "000_b2c3ebf31ae0b78c.txt").read_text(encoding="utf-8")
    events, names, _ = run(nlp, text, published="2025-02-19")
    meets = [e for e in events if e.category == "CONSULT" and e.action == "meet"
             and e.mentions[0].text.startswith("On Tuesday, Secretary of State")]
    assert len(meets) == 1
    assert who(names, meets[0].source) == ["Marco Rubio"]
    assert (meets[0].date, meets[0].location) == ("2025-02-18", "Riyadh")
    # "Russia’s full-scale invasion of Ukraine in February 2022"
    invasions = [e for e in events if e.category == "ASSAULT" and e.date == "2022-02"]
    assert invasions and who(names, invasions[0].source) == ["Russia"]



def test_group_phrase_is_an_argument(nlp) -> None:
    # no named actor: the group's words carry the event ("Turkish police", "students")
    events, _, _ = run(nlp, "Turkish police detained dozens of students in Ankara on Monday.")
    e = one(events, "COERCE", "detain")
    assert (e.source, e.source_text) == ((), ("Turkish police",))
    assert e.target_text == ("students",)
    assert (e.date, e.location) == ("2025-02-17", "Ankara")


def test_quantity_head_counts_its_members(nlp) -> None:
    # "thousands of farmers": the farmers; the rally takes the support verb's subject and date
    events, _, _ = run(nlp, "Thousands of farmers took part in a rally in Paris on Tuesday.")
    e = one(events, "PROTEST", "rally")
    assert e.source_text == ("farmers",)
    assert (e.date, e.location) == ("2025-02-18", "Paris")


def test_pronoun_of_a_reported_clause_is_the_reporter(nlp) -> None:
    events, names, _ = run(nlp, "Hungary said it had expelled two Russian diplomats.")
    e = one(events, "SANCTION", "expel")
    assert who(names, e.source) == ["Hungary"]
    assert e.target_text == ("two Russian diplomats",)
    # "she" may stand for a minister; "he" may not stand for a ministry
    events, names, _ = run(nlp, "Kenya's foreign minister said she had resigned.")
    e = one(events, "RETREAT", "resign")
    assert e.source_text == ("Kenya's foreign minister",)
    events, _, _ = run(nlp, "Kenya's foreign ministry said he had resigned.")
    assert events == []


def test_first_person_inside_a_direct_quote_is_its_speaker(nlp) -> None:
    text = ('Colombian President Gustavo Petro said: "The talks failed. We condemn the attack on the '
            'police station."')
    events, names, quotes = run(nlp, text)
    e = one(events, "ACCUSE", "condemn")
    assert who(names, e.source) == ["Gustavo Petro"] and e.source_text == ("We",)
    assert quotes and quotes[0].id in e.quotes


def test_event_noun_takes_its_support_verb_subject_date_and_place(nlp) -> None:
    events, names, _ = run(nlp, "Hamas officials arrived in Cairo for talks on Sunday.")
    e = one(events, "CONSULT", "talks")
    assert who(names, e.source) == ["Hamas"] and e.source_text == ("Hamas officials",)
    assert (e.date, e.date_text, e.location) == ("2025-02-16", "Sunday", "Cairo")


def test_event_noun_between_two_parties_with_its_place(nlp) -> None:
    events, names, _ = run(nlp, "The meeting between Xi Jinping and Joe Biden in San Francisco "
                                "lasted four hours.")
    e = one(events, "CONSULT", "meeting")
    assert who(names, e.source) == ["Xi Jinping", "Joe Biden"]
    assert (e.date, e.location) == (None, "San Francisco")


def test_modifier_noun_trigger(nlp) -> None:
    # a hunger strike is a protest, not an assault
    events, _, _ = run(nlp, "Jailed activists in Bahrain began a hunger strike on Monday.")
    e = one(events, "PROTEST", "hunger strike")
    assert e.source_text == ("Jailed activists",)
    assert (e.date, e.location) == ("2025-02-17", "Bahrain")
    assert not [x for x in events if x.category == "ASSAULT"]


def test_targets_of_threats_and_demands_come_from_their_complement(nlp) -> None:
    events, names, _ = run(nlp, "Turkey threatened to cut ties with Israel. The European Union "
                                "demanded that Russia release the detained journalists.")
    threat = one(events, "THREATEN")
    assert (who(names, threat.source), who(names, threat.target)) == (["Turkey"], ["Israel"])
    demand = one(events, "REQUEST", "demand")
    assert (who(names, demand.source), who(names, demand.target)) == (["European Union"], ["Russia"])


def test_location_through_a_place_noun(nlp) -> None:
    # "near the town of Kidal": the town's name, even where NER does not call it a place
    events, _, _ = run(nlp, "Gunmen attacked a police post near the town of Kidal on Friday. "
                            "Gunmen attacked a police post in the northern city of Kirkuk on Saturday.")
    assert sorted(e.location for e in events if e.category == "ASSAULT") == ["Kidal", "Kirkuk"]


def test_verb_under_a_lemmatiser_slip_and_offers(nlp) -> None:
    # spaCy lemmatises "staged" as "stag": the word's base forms still find "stage +protest"
    events, _, _ = run(nlp, "Dock workers staged a protest outside the port authority in Mombasa on Monday.")
    e = one(events, "PROTEST", "stage protest")
    assert e.source_text == ("Dock workers",) and e.target_text == ("port authority",)
    assert (e.date, e.location) == ("2025-02-17", "Mombasa")
    # an offer is AGREE (PLOVER: "agree to, offer, promise"); the offered mediation is part of it
    events, names, _ = run(nlp, "Norway offered to mediate between the government and the rebels.")
    assert [(e.category, e.action) for e in events] == [("AGREE", "offer")]
    assert who(names, events[0].source) == ["Norway"]


def test_promised_and_offered_acts_read_as_plover_says(nlp) -> None:
    # PLOVER: a future cooperative act is AGREE, a future retreat CONCEDE, readiness to attack THREATEN
    events, names, _ = run(nlp, "Japan will send humanitarian aid to Myanmar. Israel will withdraw from "
                                "the border zone. Syria says it is willing to withdraw its troops from Lebanon.")
    aid = one(events, "AGREE", "will send aid")
    assert (who(names, aid.source), who(names, aid.target)) == (["Japan"], ["Myanmar"])
    assert aid.date is None  # a promise has no date of its own
    assert who(names, one(events, "CONCEDE", "will withdraw").source) == ["Israel"]
    willing = one(events, "CONCEDE", "willing to withdraw")  # "it": the copula's subject, the reporter
    assert (who(names, willing.source), who(names, willing.target)) == (["Syria"], ["Lebanon"])
    assert not [e for e in events if e.category in ("AID", "RETREAT")]
    events, _, _ = run(nlp, "The rebels are ready to attack the capital.")
    assert [(e.category, e.action, e.source_text) for e in events] == [("THREATEN", "ready to attack", ("rebels",))]


def test_what_is_not_an_event(nlp) -> None:
    # an offer with an object is no promise; an event noun inside a name is none; holding a veto is none
    events, _, _ = run(nlp, "The senator offered no new ideas on trade. A man with a rifle appeared "
                            "outside the Northwest Detention Center in Tacoma. Russia, which holds a veto "
                            "on the Security Council, criticized the strikes.")
    assert [(e.category, e.action) for e in events] == [("ACCUSE", "criticize")]


def test_name_before_an_inquiry_is_its_target(nlp) -> None:
    events, names, _ = run(nlp, "Senator Mark Warner opened the Russia inquiry in January.")
    e = one(events, "ACCUSE", "inquiry")
    assert (who(names, e.source), who(names, e.target)) == (["Mark Warner"], ["Russia"])
    assert (e.date, e.date_text) == ("2025-01", "January")


@pytest.mark.parametrize("text", ["", "   \n\n  "])
def test_empty_text(nlp, text: str) -> None:
    events, _, _ = run(nlp, text)
    assert events == []
