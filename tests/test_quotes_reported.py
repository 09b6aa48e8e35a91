"""Reported speech shapes beyond 'X said (that) ...': a reporting clause after or inside the clause
it reports, "according to X" outside quotation marks, and the to-infinitive of a promise, threat or
plea. Passages written for these tests; expected spans and speakers written by hand.
"""

from __future__ import annotations

from test_quotes import run


def indirect(nlp, text: str) -> list[tuple[str, str | None, str | None]]:
    _, _, quotes = run(nlp, text)
    return [(q.text, q.speaker_text, q.cue) for q in quotes if q.kind == "indirect"]


def test_reporting_clause_after_the_clause(nlp) -> None:
    got = indirect(nlp, "The water plant closed after the 2019 floods, the Daily Courier reported in 2021.")
    assert got == [("The water plant closed after the 2019 floods", "Daily Courier", "report")]


def test_as_x_noted(nlp) -> None:
    got = indirect(nlp, "As the county auditor noted, the council spent more than it raised last year.")
    assert got == [("the council spent more than it raised last year", "the county auditor", "note")]


def test_reporting_clause_inside_the_clause(nlp) -> None:
    got = indirect(nlp, "The new schedule, Martinez explained, was the result of two years of planning.")
    assert got == [("The new schedule, Martinez explained, was the result of two years of planning",
                    "Martinez", "explain")]


def test_according_to_outside_quotes(nlp) -> None:
    got = indirect(nlp, "According to the fire department, four people were hurt in the blaze.")
    assert got == [("four people were hurt in the blaze", "the fire department", "according to")]
    got = indirect(nlp, "The company was registered in Ohio in 2012, according to state business records.")
    assert got == [("The company was registered in Ohio in 2012", "state business records", "according to")]


def test_according_to_a_direct_quote_stays_direct(nlp) -> None:
    _, _, quotes = run(nlp, "“We expect the line to reopen on Monday,” according to the rail operator.")
    assert [(q.kind, q.speaker_text) for q in quotes] == [("direct", "the rail operator")]


def test_pledge_and_plea_infinitives(nlp) -> None:
    got = indirect(nlp, "The senator vowed last month to carry her campaign all the way to the convention.")
    assert got == [("to carry her campaign all the way to the convention", "The senator", "vow")]
    got = indirect(nlp, "Some union members urged him not to sign the contract until wages rise.")
    assert got == [("not to sign the contract until wages rise", "Some union members", "urge")]


def test_no_reported_speech_without_a_speech_verb(nlp) -> None:
    # a plain infinitive and a plain parenthetical verb report nobody's words
    assert indirect(nlp, "The senator decided last month to carry her campaign to the convention.") == []
    assert indirect(nlp, "The road, which opened in May, was closed again for repairs.") == []


# ------------------------------------------------------------ direct-quote attributions


def direct_speakers(nlp, text: str) -> list[tuple[str, str | None]]:
    _, _, quotes = run(nlp, text)
    return [(q.text, q.speaker_text) for q in quotes if q.kind == "direct"]


def test_speaker_and_verb_open_a_long_tail(nlp) -> None:
    # the quoted sentence ends with "?", and the tail runs on past ten tokens
    text = ("\"Is anyone surprised that the vote went this way, after all that happened?\" Okafor "
            "asked, pointing to the empty seats of the council members who had walked out earlier.")
    assert direct_speakers(nlp, text) == [
        ("Is anyone surprised that the vote went this way, after all that happened?", "Okafor")]


def test_question_and_confess_are_speech_verbs(nlp) -> None:
    text = "“Why did the plant close so suddenly?” Lindqvist questioned."
    assert direct_speakers(nlp, text) == [("Why did the plant close so suddenly?", "Lindqvist")]
    text = "“I never read the report,” the treasurer confessed."
    assert direct_speakers(nlp, text) == [("I never read the report", "the treasurer")]


def test_quote_credited_by_a_dash_and_a_name(nlp) -> None:
    text = ("We asked readers what they thought of the debate.\n"
            "“He does not understand how hard people here work.” ― Maria Lopez\n"
            "“The whole night was a disappointment for me.” — Jan Novak, teacher.\n"
            "“Nobody won tonight.”")
    assert direct_speakers(nlp, text) == [
        ("He does not understand how hard people here work.", "Maria Lopez"),
        ("The whole night was a disappointment for me.", "Jan Novak, teacher"),
        ("Nobody won tonight.", None),  # a dash credit does not pass to the next line
    ]


def test_a_dash_and_a_clause_credit_nobody(nlp) -> None:
    text = ("“We will fix every road this year” — that was the promise, until the council voted "
            "the budget down on Monday.")
    assert direct_speakers(nlp, text) == [("We will fix every road this year", None)]


def test_agree_governing_a_quote_is_not_speech(nlp) -> None:
    text = ("In Monday's talks, the two unions agreed on a “joint committee to settle disputes,” "
            "the labour ministry said.")
    assert direct_speakers(nlp, text) == [("joint committee to settle disputes", "the labour ministry")]


def test_postposed_speaker_parsed_as_object(nlp) -> None:
    # the parser takes the inverted subject for an object: the noun phrase after the verb speaks
    text = "“We need more buses on the east side,” added another longtime resident."
    assert direct_speakers(nlp, text) == [("We need more buses on the east side", "another longtime resident")]


def test_point_out(nlp) -> None:
    got = indirect(nlp, "And that, as the county auditor pointed out, is quite a lot of money right now.")
    assert got == [("And that, as the county auditor pointed out, is quite a lot of money right now",
                    "the county auditor", "point")]
    got = indirect(nlp, "The auditor pointed out that the council had spent more than it raised.")
    assert got == [("the council had spent more than it raised", "The auditor", "point")]


# ------------------------------------------------ beliefs, intents, evidence, said-as-object


def test_belief_and_evidence_clauses(nlp) -> None:
    got = indirect(nlp, "Most economists believe the tariff will raise prices for farmers.")
    assert got == [("the tariff will raise prices for farmers", "Most economists", "believe")]
    got = indirect(nlp, "The coach thinks that the new stadium will open before the season starts.")
    assert got == [("the new stadium will open before the season starts", "The coach", "think")]
    got = indirect(nlp, "A survey by the state university found that two thirds of renters spend half "
                        "their income on housing.")
    assert got == [("two thirds of renters spend half their income on housing", "A survey", "find")]


def test_intent_infinitive(nlp) -> None:
    got = indirect(nlp, "The mayor wants to close the downtown bus depot next spring.")
    assert got == [("to close the downtown bus depot next spring", "The mayor", "want")]


def test_what_was_said_as_the_object(nlp) -> None:
    got = indirect(nlp, "The union called for an independent inquiry into the crash.")
    assert got == [("an independent inquiry into the crash", "The union", "call")]
    got = indirect(nlp, "The opposition leader proposed a tax credit for small bakeries and repair shops.")
    assert got == [("a tax credit for small bakeries and repair shops", "The opposition leader", "propose")]
    # "call X Y" names X; "call a meeting" says nothing
    got = indirect(nlp, "The governor called the audit a political stunt.")
    assert got == [("the audit a political stunt", "The governor", "call")]
    assert indirect(nlp, "The governor called a press conference on Friday.") == []


def test_judgement_objects_with_their_predicate(nlp) -> None:
    got = indirect(nlp, "The mayor accused the contractor of hiding the cost overruns from the council.")
    assert got == [("the contractor of hiding the cost overruns from the council", "The mayor", "accuse")]
    got = indirect(nlp, "The senator described the new budget as a gift to the largest landowners.")
    assert got == [("the new budget as a gift to the largest landowners", "The senator", "describe")]
    got = indirect(nlp, "The union expressed deep concern about the plan to close the rural clinics.")
    assert got == [("deep concern about the plan to close the rural clinics", "The union", "express")]
    # a bare pronoun object says nothing
    assert indirect(nlp, "The mayor accused him.") == []


def test_a_plan_inside_reported_speech_is_not_a_second_quote(nlp) -> None:
    got = indirect(nlp, "She says she plans to vote for the independent candidate in November.")
    assert got == [("she plans to vote for the independent candidate in November", "She", "say")]


def test_a_line_opened_by_a_name_and_a_colon(nlp) -> None:
    text = ("Maria Okafor: The council will not raise the transit fare this year.\n\n"
            "Okafor, a council member since 2015, spoke to reporters on Friday after the budget vote.")
    assert indirect(nlp, text) == [("The council will not raise the transit fare this year", "Maria Okafor", ":")]
    # a label is not a speaker
    assert indirect(nlp, "Editor's note: This story was updated on Friday with new figures.\n\n"
                         "The council voted on Friday.") == []


def test_a_quote_introduced_by_a_colon_in_the_paragraph_before(nlp) -> None:
    text = ("After the storm, Governor Elena Marsh released the following statement on Tuesday:\n\n"
            "“We are grateful to the crews who worked through the night to restore power.”")
    assert direct_speakers(nlp, text) == [
        ("We are grateful to the crews who worked through the night to restore power.", "Elena Marsh")]
