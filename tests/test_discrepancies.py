"""Discrepancies on hand-written article pairs: every kind, and look-alikes that are not one.

Texts are our own short news paragraphs (sports, business, disasters, politics). Claims are built
by hand, one mention per document pointing at the sentence that states the claim, so these tests
do not depend on the claim aligner.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsprism.compare.checks.judge import ContradictionJudge, Verdict
from newsprism.compare.checks.discrepancies import find_discrepancies
from newsprism.lang.morphology import plural
from newsprism.lang.sentences import sentence_spans
from newsprism.model import Claim, Discrepancy, Document, Entity, Extraction, Quote, Range, Span, sha256_text


def doc(doc_id: str, text: str, outlet: str, published: str = "2024-03-06") -> Document:
    return Document(doc_id, f"{doc_id}.txt", sha256_text(text), text, outlet, None, (), published, "news",
                    Range(0, len(text)), ())


def span(d: Document, part: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = d.text.index(part, start + 1)
    return d.span(start, start + len(part))


def claim(claim_id: str, *mentions: Span, story: str = "s1") -> Claim:
    return Claim(claim_id, story, mentions[0].text, tuple(mentions), tuple(m.doc for m in mentions), ())


def pair(text_a: str, text_b: str, published: str = "2024-03-06") -> tuple[Document, Document, Claim]:
    a, b = doc("a", text_a, "Daily Ledger", published), doc("b", text_b, "Evening Post", published)
    return a, b, claim("c1", span(a, text_a), span(b, text_b))


def run(a: Document, b: Document, *claims: Claim, extraction: Extraction = Extraction()) -> tuple[Discrepancy, ...]:
    found = find_discrepancies([a, b], list(claims), extraction, sentences=sentence_spans([a, b]))
    for d in found:
        for m in d.mentions:
            assert {"a": a, "b": b}[m.doc].text[m.start:m.end] == m.text
    return found


def only(found: tuple[Discrepancy, ...], kind: str) -> Discrepancy:
    hits = [d for d in found if d.kind == kind]
    assert len(hits) == 1, found
    return hits[0]


# ---------------------------------------------------------------- numbers and counts


def test_duration_hedged_vs_plain_is_a_number_discrepancy() -> None:
    a, b, c = pair("Firefighters battled the warehouse blaze for four hours before it was under control.",
                   "Firefighters battled the warehouse blaze for nearly five hours before it was under control.")
    d = only(run(a, b, c), "number")
    assert d.severity == "medium"
    assert [m.text for m in d.mentions] == ["four hours", "nearly five hours"]
    assert d.claims == ("c1",)
    assert '"four hours" (Daily Ledger)' in d.description and '"nearly five hours" (Evening Post)' in d.description


def test_same_number_in_digits_and_words_is_not_a_discrepancy() -> None:
    a, b, c = pair("The negotiators talked for 4 hours in a hotel in Geneva.",
                   "The negotiators talked for four hours in a hotel in Geneva.")
    assert run(a, b, c) == ()


def test_more_than_is_compatible_with_the_plain_number_but_not_with_a_smaller_one() -> None:
    a, b, c = pair("The shareholder meeting lasted more than four hours.", "The shareholder meeting lasted four hours.")
    assert run(a, b, c) == ()
    a, b, c = pair("The shareholder meeting lasted more than four hours.", "The shareholder meeting lasted two hours.")
    d = only(run(a, b, c), "number")
    assert d.severity == "high"
    assert [m.text for m in d.mentions] == ["more than four hours", "two hours"]


def test_counts_written_only_in_words_are_found() -> None:
    a, b, c = pair("Villagers said a dozen houses were swept away by the mudslide.",
                   "Villagers said twenty houses were swept away by the mudslide.")
    d = only(run(a, b, c), "count")
    assert [m.text for m in d.mentions] == ["a dozen houses", "twenty houses"]
    a, b, c = pair("The court heard from a couple of witnesses before lunch.",
                   "The court heard from nine witnesses before lunch.")
    assert [m.text for m in only(run(a, b, c), "count").mentions] == ["a couple of witnesses", "nine witnesses"]


def test_money_amounts_with_scales() -> None:
    a, b, c = pair("Halvard Foods agreed to buy the dairy cooperative for $2.1 billion in cash.",
                   "Halvard Foods agreed to buy the dairy cooperative for about 1.4 billion dollars in cash.")
    d = only(run(a, b, c), "number")
    assert [m.text for m in d.mentions] == ["$2.1 billion", "about 1.4 billion dollars"]
    assert d.severity == "medium"


def test_count_of_people_rescued() -> None:
    a, b, c = pair("Rescue teams pulled 17 people alive from the collapsed apartment block overnight.",
                   "Rescue teams pulled twelve people alive from the collapsed apartment block overnight.")
    d = only(run(a, b, c), "count")
    assert [m.text for m in d.mentions] == ["17 people", "twelve people"]
    assert d.severity == "medium"


def test_count_descriptions_use_the_plural_of_the_counted_noun() -> None:
    a, b, c = pair("Two people were hurt when the crane fell onto the bus shelter.",
                   "Three people were hurt when the crane fell onto the bus shelter.")
    assert "the number of people:" in only(run(a, b, c), "count").description
    a, b, c = pair("The agency said 40 companies had applied for the licence.",
                   "The agency said 14 companies had applied for the licence.")
    assert "the number of companies:" in only(run(a, b, c), "count").description
    a, b, c = pair("Officials counted 36,000 homeless in the city last winter.",
                   "Officials counted nearly 60,000 homeless in the city last winter.")
    assert "the number of homeless:" in only(run(a, b, c), "count").description
    assert plural("child") == "children" and plural("country") == "countries" and plural("bus") == "buses"


def test_count_of_one_agreed_list_under_different_nouns() -> None:
    a, b, c = pair("After the talks the coalition partners agreed on three goals for the new government.",
                   "After the talks the coalition partners agreed on four principles for the new government.")
    d = only(run(a, b, c), "count")
    assert [m.text for m in d.mentions] == ["three goals", "four principles"]


def test_years_and_scores_are_not_counts() -> None:
    a, b, c = pair("The club, founded in 1902, won the derby 3-1 in front of 40,000 fans.",
                   "The club, founded in 1902, won the derby 3-1 in front of 40,000 fans on a cold night.")
    assert run(a, b, c) == ()


def test_shares_of_different_wholes_are_not_one_quantity() -> None:
    # two polls' shares of two populations: not one figure told twice
    a, b, c = pair("The survey found that 31 percent of registered voters had already cast a ballot.",
                   "The survey found that 26% of likely voters had already cast a ballot.")
    assert [d for d in run(a, b, c) if d.kind == "number"] == []
    # the same whole (one named within the other) is one quantity
    a, b, c = pair("The survey found that 31 percent of voters had already cast a ballot.",
                   "The survey found that 26% of registered voters had already cast a ballot.")
    assert [m.text for m in only(run(a, b, c), "number").mentions] == ["31 percent", "26%"]


def test_two_years_and_no_shared_day_are_two_occasions() -> None:
    # two editions of one yearly survey: their sizes and dates differ without contradicting
    a, b, c = pair("The survey of 1,210 adults was conducted March 3-6, 2017 by the institute.",
                   "The survey of 1,050 adults was conducted March 9-12, 2021 by the institute.")
    assert run(a, b, c) == ()
    # one day told with two years is one date told two ways
    a, b, c = pair("The plant stopped production on March 3, 2023, after the flood.",
                   "The plant stopped production on March 3, 2024, after the flood.")
    assert [m.text for m in only(run(a, b, c), "date").mentions] == ["March 3, 2023", "March 3, 2024"]


# ---------------------------------------------------------------- dates and weekdays


def test_different_weekdays() -> None:
    a, b, c = pair("The cup final was played on Sunday in Lisbon before a sold-out crowd.",
                   "The cup final was played on Saturday in Lisbon before a sold-out crowd.")
    d = only(run(a, b, c), "weekday")
    assert [m.text for m in d.mentions] == ["Sunday", "Saturday"]
    assert d.severity == "medium"


def test_different_dates() -> None:
    a, b, c = pair("The plant stopped production on March 3, 2024, after the flood.",
                   "The plant stopped production on March 4, 2024, after the flood.")
    d = only(run(a, b, c), "date")
    assert [m.text for m in d.mentions] == ["March 3, 2024", "March 4, 2024"]


def test_weekday_that_does_not_fall_on_the_stated_date() -> None:
    # published 2024-03-06; March 4, 2024 was a Monday
    a, b, c = pair("The central bank's board met on Tuesday to discuss rates.",
                   "The central bank's board met on March 4 to discuss rates.")
    d = only(run(a, b, c), "weekday")
    assert [m.text for m in d.mentions] == ["Tuesday", "March 4"]
    assert "March 4, 2024 was a Monday" in d.description
    a, b, c = pair("The central bank's board met on Monday to discuss rates.",
                   "The central bank's board met on March 4 to discuss rates.")
    assert run(a, b, c) == ()


# ---------------------------------------------------------------- event verbs


def test_cancelled_vs_postponed() -> None:
    a, b, c = pair("Organisers cancelled the marathon because of the storm warning.",
                   "Organisers postponed the marathon because of the storm warning.")
    d = only(run(a, b, c), "event_verb")
    assert [m.text for m in d.mentions] == ["cancelled", "postponed"]
    assert d.severity == "medium"


def test_agreed_vs_refused_and_negation() -> None:
    a, b, c = pair("The nurses' union agreed to the hospital's pay offer on Friday.",
                   "The nurses' union refused the hospital's pay offer on Friday.")
    d = only(run(a, b, c), "event_verb")
    assert d.severity == "high"
    assert [m.text for m in d.mentions] == ["agreed", "refused"]
    a, b, c = pair("The nurses' union did not agree to the hospital's pay offer on Friday.",
                   "The nurses' union refused the hospital's pay offer on Friday.")
    assert run(a, b, c) == ()


def test_won_vs_lost() -> None:
    a, b, c = pair("Harbour City won the away match against the league leaders.",
                   "Harbour City lost the away match against the league leaders.")
    assert [m.text for m in only(run(a, b, c), "event_verb").mentions] == ["won", "lost"]


# ---------------------------------------------------------------- roles


def test_former_vs_sitting_title() -> None:
    a = doc("a", "Former Prime Minister Anna Lindqvist opened the climate summit in Malmo.", "Daily Ledger")
    b = doc("b", "Prime Minister Anna Lindqvist opened the climate summit in Malmo on Monday.", "Evening Post")
    d = only(run(a, b, claim("c1", span(a, a.text), span(b, b.text))), "role")
    assert d.severity == "high"
    assert [m.text for m in d.mentions] == ["Former Prime Minister Anna Lindqvist", "Prime Minister Anna Lindqvist"]
    assert d.claims == ("c1",)


def test_retired_holder_keeps_a_courtesy_title() -> None:
    # a retired judge is still "Justice X" in news style: no contradiction with a plain title,
    # but one with an explicit "current"
    a = doc("a", "The court chose a successor to retired Justice Ellen Marsh, who served 20 years.", "Daily Ledger")
    b = doc("b", "The court chose a successor to Justice Ellen Marsh in July.", "Evening Post")
    assert [d for d in run(a, b, claim("c1", span(a, a.text), span(b, b.text))) if d.kind == "role"] == []
    c = doc("b", "The court chose a successor to current Justice Ellen Marsh in July.", "Evening Post")
    d = only(run(a, c, claim("c1", span(a, a.text), span(c, c.text))), "role")
    assert [m.text for m in d.mentions] == ["retired Justice Ellen Marsh", "current Justice Ellen Marsh"]


def test_different_offices_for_one_person() -> None:
    a = doc("a", "Defense Secretary Paul Ortega flew to Manila for talks on the base.", "Daily Ledger")
    b = doc("b", "Secretary of State Paul Ortega flew to Manila for talks on the base.", "Evening Post")
    d = only(run(a, b, claim("c1", span(a, a.text), span(b, b.text))), "role")
    assert d.severity == "medium"
    assert [m.text for m in d.mentions] == ["Defense Secretary Paul Ortega", "Secretary of State Paul Ortega"]


def test_titles_are_found_as_whole_words_in_any_case_and_script() -> None:
    from newsprism.compare.checks.roles import find_roles

    # "presidential" holds "president" but starts no title; a dotted capital I ("İ") grows when
    # lower-cased, so offsets must still point at the title in the original text
    for prefix in ("Presidential aides said ", "In İzmir, aides said "):
        text = prefix + "that FORMER PRESIDENT Mark Hale would speak."
        d = doc("a", text, "L")
        [role] = find_roles(d)
        assert (role.office, role.status, role.span.text) == ("president", "former", "FORMER PRESIDENT Mark Hale")
        assert text[role.span.start:role.span.end] == role.span.text


def test_same_office_in_other_words_is_not_a_role_discrepancy() -> None:
    a = doc("a", "Defense Secretary Paul Ortega flew to Manila. Under President Mark Hale the base closed.", "L")
    b = doc("b", "Secretary of Defense Paul Ortega flew to Manila. Former President Mark Hale spoke.", "P")
    assert [d for d in run(a, b, claim("c1", span(a, "Defense"), span(b, "Secretary"))) if d.kind == "role"] == []


# ---------------------------------------------------------------- quotes


def _quote(d: Document, words: str, speaker: str | None, speaker_id: str | None) -> Quote:
    s = span(d, words)
    speaker_span = span(d, speaker) if speaker else None
    return Quote(f"q-{d.id}-{s.start}", d.id, s.start, s.end, words, speaker_id, speaker, "said", "direct",
                 speaker_span=speaker_span)


def test_quote_worded_differently_from_extracted_quotes() -> None:
    wa = "We will rebuild every home that was lost, and we will do it this year"
    wb = "We will rebuild every home that was lost, and we will do it within two years"
    a = doc("a", f"“{wa},” Mayor Dana Ruiz said after touring the flooded district.", "Daily Ledger")
    b = doc("b", f"Mayor Dana Ruiz told residents: “{wb}.”", "Evening Post")
    ex = Extraction(quotes=(_quote(a, wa, "Mayor Dana Ruiz", "e1"), _quote(b, wb, "Mayor Dana Ruiz", "e1")))
    d = only(run(a, b, claim("c1", span(a, a.text), span(b, b.text)), extraction=ex), "quote_wording")
    assert d.severity == "high" and not d.variant  # a number changed: a contradiction
    assert [m.text for m in d.mentions] == [wa, wb]


def test_quote_in_other_content_words_is_a_low_variant() -> None:
    # two translations of one remark: a finding, not a contradiction
    wa = "I have every reason to think the board understands our concerns about the merger"
    wb = "I have reason to think the board has started to hear our concerns about the merger"
    a = doc("a", f"“{wa},” the union leader said.", "Daily Ledger")
    b = doc("b", f"“{wb},” the union leader said.", "Evening Post")
    ex = Extraction(quotes=(_quote(a, wa, None, None), _quote(b, wb, None, None)))
    d = only(run(a, b, extraction=ex), "quote_wording")
    assert d.severity == "low" and d.variant


def test_same_quote_with_other_punctuation_or_an_ellipsis_is_not_a_discrepancy() -> None:
    wa = "Today is the first step of a long road, but an important one. The work remains"
    wb = "Today is the first step of a long road but an important one … The work remains"
    a = doc("a", f"“{wa},” the minister said.", "Daily Ledger")
    b = doc("b", f"“{wb},” the minister said.", "Evening Post")
    ex = Extraction(quotes=(_quote(a, wa, None, None), _quote(b, wb, None, None)))
    assert run(a, b, claim("c1", span(a, a.text), span(b, b.text)), extraction=ex) == ()


def test_quoted_words_inside_claim_mentions_without_extracted_quotes() -> None:
    a, b, c = pair("The coach said the defeat was “a lesson we needed to learn before the playoffs.”",
                   "The coach said the defeat was “a lesson we did not need before the playoffs.”")
    d = only(run(a, b, c), "quote_wording")
    assert d.severity == "high"  # a negation appeared
    assert d.mentions[0].text == "a lesson we needed to learn before the playoffs."


def test_same_words_given_to_different_speakers() -> None:
    words = "Nobody in this state is above the law, and nobody ever will be"
    a = doc("a", f"“{words},” said Senator Ruth Calder at the hearing.", "Daily Ledger")
    b = doc("b", f"“{words},” said Governor Ed Marsh at the hearing.", "Evening Post")
    ex = Extraction(
        quotes=(_quote(a, words, "Senator Ruth Calder", "e1"), _quote(b, words, "Governor Ed Marsh", "e2")),
        entities=(Entity("e1", "Ruth Calder", "PERSON", (), (), None, ()),
                  Entity("e2", "Ed Marsh", "PERSON", (), (), None, ())),
    )
    d = only(run(a, b, extraction=ex), "quote_speaker")
    assert d.severity == "high"
    assert [m.text for m in d.mentions] == ["Senator Ruth Calder", "Governor Ed Marsh"]


def test_quotes_of_different_stories_are_not_compared() -> None:
    wa = "We will rebuild every home that was lost, and we will do it this year"
    wb = "We will rebuild every home that was lost, and we will do it within two years"
    a = doc("a", f"“{wa},” the mayor said.", "Daily Ledger")
    b = doc("b", f"“{wb},” the mayor said.", "Evening Post")
    ex = Extraction(quotes=(_quote(a, wa, None, None), _quote(b, wb, None, None)))
    claims = [claim("c1", span(a, a.text), story="s1"), claim("c2", span(b, b.text), story="s2")]
    assert find_discrepancies([a, b], claims, ex, sentences=sentence_spans([a, b])) == ()


# ---------------------------------------------------------------- names


def _entity(eid: str, name: str, *mentions: Span) -> Entity:
    return Entity(eid, name, "PERSON", (), (), None, tuple(mentions))


def test_name_spelling_variants_across_outlets() -> None:
    a = doc("a", "Oleksandr Kovalenko, the mayor, met Bill Harmon. Kovalenko said the bridge would reopen.", "L")
    b = doc("b", "Oleksandr Kovalenco, the mayor, met William Harmon. Russia and Russian firms paid.", "P")
    ex = Extraction(entities=(
        _entity("e1", "Oleksandr Kovalenko", span(a, "Oleksandr Kovalenko"), span(a, "Kovalenko", 1)),
        _entity("e2", "Oleksandr Kovalenco", span(b, "Oleksandr Kovalenco")),
        _entity("e3", "Bill Harmon", span(a, "Bill Harmon"), span(b, "William Harmon")),
        Entity("e4", "Russia", "GPE", ("Russian",), (), "RUS", (span(b, "Russia"), span(b, "Russian"))),
    ))
    found = run(a, b, extraction=ex)
    d = only(found, "name_spelling")
    assert d.severity == "low"
    assert [m.text for m in d.mentions] == ["Kovalenco", "Kovalenko"]
    assert {m.doc for m in d.mentions} == {"a", "b"}


# ---------------------------------------------------------------- the judge interface


@dataclass(frozen=True)
class NegationJudge:
    """A tiny judge of our own making: one side negates the other's sentence."""

    def judge(self, a: Span, b: Span) -> Verdict | None:
        neg_a, neg_b = " not " in a.text, " not " in b.text
        if neg_a == neg_b:
            return None
        return Verdict("negation", "high", "whether it happened", a, b)


def test_judges_can_be_replaced() -> None:
    judge: ContradictionJudge = NegationJudge()
    a, b, c = pair("The ferry did not sail for 4 hours.", "The ferry sailed for two hours.")
    found = find_discrepancies([a, b], [c], Extraction(), judges=[judge], sentences=sentence_spans([a, b]))
    assert [d.kind for d in found] == ["negation"]
    default = find_discrepancies([a, b], [c], Extraction(), sentences=sentence_spans([a, b]))
    assert {d.kind for d in default} == {"number"}


def test_ids_are_stable_and_inputs_untouched() -> None:
    a, b, c = pair("Organisers cancelled the marathon after 3 hours of rain.",
                   "Organisers postponed the marathon after five hours of rain.")
    first = find_discrepancies([a, b], [c], Extraction(), sentences=sentence_spans([a, b]))
    assert first == find_discrepancies([a, b], [c], Extraction(), sentences=sentence_spans([a, b]))
    assert {d.kind for d in first} == {"event_verb", "number"}
    assert len({d.id for d in first}) == 2
    assert c.mentions[0].text == a.text


def test_pronoun_one_before_a_closing_quote_and_a_name_is_not_a_count() -> None:
    a, b, c = pair("“It was a hard season, but a good one,” Alvarez told reporters on Sunday.",
                   "Alvarez told reporters on Sunday that three players had left after a hard season.")
    assert [d for d in run(a, b, c) if d.kind == "count"] == []
    a, b, c = pair("Rescuers pulled one survivor from the rubble on Sunday.",
                   "Rescuers pulled three survivors from the rubble on Sunday.")
    assert [m.text for m in only(run(a, b, c), "count").mentions] == ["one survivor", "three survivors"]


def test_a_weekday_that_does_not_fall_on_its_date_is_reported() -> None:
    from compare_fixtures import doc

    from newsprism.compare import compare
    from newsprism.lang.sentences import sentence_spans

    # hand-written; 18 February 2024 was a Sunday, 19 March 2024 a Tuesday
    wrong = doc("Port strike ends\n\nDock workers returned to work on Tuesday, February 18, 2024, after a "
                "ten-day strike, the port authority said. Talks resume on Tuesday, March 19.\n",
                "Coast Daily", "2024-03-01")
    found = compare([wrong], Extraction(), sentences=sentence_spans([wrong]), encoder=None).discrepancies
    weekday = [d for d in found if d.kind == "weekday"]
    assert len(weekday) == 1
    assert weekday[0].mentions[0].text == "Tuesday, February 18, 2024"
    assert "February 18, 2024 was a Sunday" in weekday[0].description
    assert weekday[0].severity == "medium" and not weekday[0].variant


def test_the_same_words_placed_on_different_days_are_a_date_finding(nlp) -> None:
    from compare_fixtures import doc

    from newsprism.pipeline import analyze_documents

    del nlp  # loaded once per session; analyze_documents reads the same cached pipeline
    quote = '"We will rebuild every house that the river took from us," Mayor Ilse Brandt said'
    a = doc("Flood town vows to rebuild\n\nThe flood destroyed 80 houses in Lindau. "
            f"{quote} on Monday. Repairs to the main bridge began on Tuesday.\n", "Valley Post", "2024-07-10")
    b = doc("Lindau mayor promises rebuilding\n\nThe river flooded 80 houses in Lindau. "
            f"{quote} on Wednesday. The army sent 200 soldiers to help.\n", "River Times", "2024-07-10")
    analysis, _ = analyze_documents([a, b])
    dates = [d for d in analysis.discrepancies if d.kind == "date"]
    assert len(dates) == 1
    # 2024-07-10 was a Wednesday: "Monday" is 2024-07-08, "Wednesday" the day itself
    assert sorted(m.text for m in dates[0].mentions) == ["Monday", "Wednesday"]
    assert "2024-07-08 vs 2024-07-10" in dates[0].description or "2024-07-10 vs 2024-07-08" in dates[0].description
