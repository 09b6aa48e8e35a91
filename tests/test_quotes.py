"""Quotes with speakers on hand-written news paragraphs (expected values written by hand).

Actors come from the real ``find_actors``; speakers are checked by actor name.
"""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.extract.actors.find import find_actors
from newsprism.model import DocActors
from newsprism.extract.quotes.find import find_quotes
from newsprism.extract.quotes.marks import ALL_MARKS, PAIR_OPEN, PAIR_STRAIGHT, find_marked
from newsprism.model import Document, Quote, Range, make_id, sha256_text

def make_doc(text: str, doc_id: str = "doc1") -> Document:
    return Document(doc_id, f"{doc_id}.txt", sha256_text(text), text, None, None, (), None,
                    "news", Range(0, len(text)), ())


def run(nlp, text: str, roles: dict[str, tuple[str, ...]] | None = None):
    doc = make_doc(text)
    sdoc = nlp(doc.clean_text())
    actors = find_actors(doc, sdoc)
    if roles:
        actors = DocActors(doc.id, tuple(
            dataclasses.replace(a, roles=roles.get(a.name, a.roles)) for a in actors.actors))
    quotes = find_quotes(doc, sdoc, actors)
    for q in quotes:  # every span is exact
        assert doc.text[q.start:q.end] == q.text
        assert q.id == make_id("quote", doc.id, q.start, q.end)
        if q.speaker_span:
            assert doc.text[q.speaker_span.start:q.speaker_span.end] == q.speaker_text
        if q.cue_span:
            assert doc.text[q.cue_span.start:q.cue_span.end] == q.cue_span.text
    return doc, actors, quotes


def speaker_name(actors: DocActors, q: Quote) -> str | None:
    actor = actors.by_key(q.speaker) if q.speaker else None
    return actor.name if actor else None


def direct(quotes: list[Quote]) -> list[Quote]:
    return [q for q in quotes if q.kind == "direct"]


def one(quotes: list[Quote], starts: str) -> Quote:
    found = [q for q in quotes if q.text.startswith(starts)]
    assert len(found) == 1, [q.text for q in quotes]
    return found[0]


# ---------------------------------------------------------------- marks


def test_marks_curly_straight_nested_and_stray():
    text = ('He called it “a ‘historic’ day,” and left. She said "no deal" twice.\n'
            '“came away convinced” to end the war.” Done.')
    got = [text[q.start:q.end] for q in find_marked(text)]
    assert got == ["a ‘historic’ day", "no deal", "came away convinced"]


def test_marks_multi_paragraph_pieces_share_a_group():
    text = ('“The first paragraph of the statement.\n\n'
            '“The second paragraph goes on.\n\n'
            '“And the last one ends here.”\n\nThen the story resumes.')
    marks = find_marked(text)
    assert [text[q.start:q.end] for q in marks] == [
        "The first paragraph of the statement.",
        "The second paragraph goes on.",
        "And the last one ends here.",
    ]
    assert len({q.group for q in marks}) == 1


def test_marks_two_apostrophes_and_backticks_are_double_marks():
    # the typewriter convention of some archive texts: '' both ways, `` opening
    text = ("''We will not raise taxes,'' Mr. Osei said. He called it ''pass-through'' income.\n"
            "``It's over,'' she said of the carrier's bid.")
    marks = find_marked(text)
    assert [text[q.start:q.end] for q in marks] == [
        "We will not raise taxes", "pass-through", "It's over"]
    assert [text[q.open:q.open + 2] for q in marks] == ["''", "''", "``"]
    assert all(text[q.close - 1:q.close + 1] == "''" for q in marks)


def test_marks_skip_markup_attribute_values():
    text = 'The mayor wrote: <tweet author="MayorLin" date="May 2">We are open "for business"</tweet>'
    assert [text[q.start:q.end] for q in find_marked(text)] == ["for business"]


def _is_mark(text: str, i: int, last: bool) -> bool:
    pair = text[i - 1:i + 1] if last else text[i:i + 2]
    return text[i] in ALL_MARKS or pair in (PAIR_STRAIGHT, PAIR_OPEN)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ab .,\n“”"‘’\'`«»:')), max_size=80))
def test_marks_never_break_on_any_text(text):
    for q in find_marked(text):
        assert 0 <= q.open < q.start < q.end <= len(text)
        assert _is_mark(text, q.open, last=False)
        assert "\n" not in text[q.start:q.end]
        assert q.close is None or (q.end <= q.close and _is_mark(text, q.close, last=True))


# ---------------------------------------------------------------- direct quotes


def test_curly_quote_with_verb_after_inverted(nlp):
    text = ("The river crested overnight at record levels.\n"
            "“We will reopen the bridge by Friday,” said Mayor Dana Whitfield.")
    _, actors, quotes = run(nlp, text)
    q = one(direct(quotes), "We will reopen")
    assert q.text == "We will reopen the bridge by Friday"
    assert speaker_name(actors, q) == "Dana Whitfield"
    assert q.cue == "say" and q.cue_span.text == "said"


def test_straight_quote_with_verb_before(nlp):
    text = ('After the final whistle, the coach, Pedro Alvarez, told reporters: '
            '"We played without fear tonight."')
    _, actors, quotes = run(nlp, text)
    q = one(direct(quotes), "We played")
    assert q.text == "We played without fear tonight."
    assert speaker_name(actors, q) == "Pedro Alvarez"
    assert q.cue == "tell"


def test_split_quote_gives_two_quotes_same_speaker(nlp):
    text = ("Dr. Laura Chen led the trial at the university hospital. "
            "“The vaccine is safe,” she said, “and the trial data prove it.”")
    _, actors, quotes = run(nlp, text)
    d = direct(quotes)
    assert [q.text for q in d] == ["The vaccine is safe", "and the trial data prove it."]
    assert [speaker_name(actors, q) for q in d] == ["Laura Chen", "Laura Chen"]
    assert d[0].speaker_text == "she"


def test_multi_paragraph_quote_keeps_its_speaker(nlp):
    text = ("Union leader Maria Gonzalez addressed the crowd outside the factory on Monday.\n\n"
            "“We have waited three years for a fair contract,” Gonzalez said. “Our members "
            "have worked double shifts through the pandemic.\n\n"
            "“We will not accept another freeze. The company can afford to pay.”\n\n"
            "The company did not respond to a request for comment.")
    _, actors, quotes = run(nlp, text)
    d = direct(quotes)
    assert [q.text for q in d] == [
        "We have waited three years for a fair contract",
        "Our members have worked double shifts through the pandemic.",
        "We will not accept another freeze. The company can afford to pay.",
    ]
    assert {speaker_name(actors, q) for q in d} == {"Maria Gonzalez"}


def test_fragment_is_attributed_and_scare_quote_is_not(nlp):
    text = ("Senator Hal Morgan described the budget as a “reckless gamble with our future” "
            "during Thursday's debate. The company's “green” bonds raised $2 billion last year.")
    _, actors, quotes = run(nlp, text)
    frag = one(direct(quotes), "reckless gamble")
    assert frag.text == "reckless gamble with our future"
    assert speaker_name(actors, frag) == "Hal Morgan"
    scare = one(direct(quotes), "green")
    assert scare.speaker is None and scare.speaker_text is None and scare.cue is None


def test_so_called_is_a_scare_quote(nlp):
    text = 'Officials said the so-called "smart" meters were installed in 2019.'
    _, _, quotes = run(nlp, text)
    q = one(direct(quotes), "smart")
    assert q.speaker is None


def test_according_to(nlp):
    text = ("The storm was “the worst in fifty years for the whole coast,” "
            "according to Governor Lisa Park.")
    _, actors, quotes = run(nlp, text)
    q = one(direct(quotes), "the worst")
    assert speaker_name(actors, q) == "Lisa Park"
    assert q.cue == "according to"


def test_pronoun_picks_the_gender_compatible_person(nlp):
    text = ("Ms. Hana Sato met Mr. Omar Haddad in Geneva on Monday to discuss the water treaty. "
            "“Nothing has been agreed yet,” he said.")
    _, actors, quotes = run(nlp, text)
    q = one(direct(quotes), "Nothing has")
    assert speaker_name(actors, q) == "Omar Haddad"
    assert q.speaker_text == "he"


def test_pronoun_prefers_the_subject_over_a_person_inside_a_quote(nlp):
    text = ("Coach Ben Ortiz praised his young striker after the match. "
            "“Leo Martins was unstoppable, and Martins knows it,” he said.")
    _, actors, quotes = run(nlp, text)
    q = one(direct(quotes), "Leo Martins")
    assert speaker_name(actors, q) == "Ben Ortiz"


def test_title_resolves_to_the_person_mentioned_with_it(nlp):
    text = ("Foreign Minister Anna Kowalski met Defence Minister Piotr Nowak in Warsaw. "
            "“Our borders are secure,” the foreign minister said.")
    _, actors, quotes = run(nlp, text)
    q = one(direct(quotes), "Our borders")
    assert speaker_name(actors, q) == "Anna Kowalski"
    assert q.speaker_text == "the foreign minister"


def test_title_resolves_through_actor_roles(nlp):
    text = ("Jean Martin and Paul Girard arrived at the summit in Brussels on Friday. "
            "“The deficit will fall next year,” the finance minister said.")
    _, actors, quotes = run(nlp, text, roles={"Jean Martin": ("finance minister",),
                                             "Paul Girard": ("interior minister",)})
    q = one(direct(quotes), "The deficit")
    assert speaker_name(actors, q) == "Jean Martin"


def test_standalone_quote_takes_previous_sentence_speaker(nlp):
    text = ("Health Minister Rosa Delgado announced the new hospital rules on Tuesday.\n\n"
            "“Every hospital must comply within thirty days.”\n\n"
            "Opposition parties criticised the timetable.")
    _, actors, quotes = run(nlp, text)
    q = one(direct(quotes), "Every hospital")
    assert speaker_name(actors, q) == "Rosa Delgado"


def test_spokesperson_is_the_speaker_not_the_institution(nlp):
    text = ("Flights were grounded across the region. Airline spokeswoman Marta Lind said "
            "services would resume “as soon as it is safe to fly again.”")
    _, actors, quotes = run(nlp, text)
    q = one(direct(quotes), "as soon as")
    assert speaker_name(actors, q) == "Marta Lind"


def test_institution_speaks(nlp):
    text = ("“The plant will close in June,” the Ministry of Energy said in a statement "
            "on Wednesday.")
    _, actors, quotes = run(nlp, text)
    q = one(direct(quotes), "The plant")
    assert speaker_name(actors, q) == "Ministry of Energy"


def test_indirect_speech(nlp):
    text = ("The mayor, Tom Reyes, said that the two unions had agreed to end the strike. "
            "“It is over,” Reyes said.")
    _, actors, quotes = run(nlp, text)
    ind = [q for q in quotes if q.kind == "indirect"]
    assert [q.text for q in ind] == ["the two unions had agreed to end the strike"]
    assert speaker_name(actors, ind[0]) == "Tom Reyes" and ind[0].cue == "say"
    # the direct quote's clause is not repeated as indirect speech
    over = one(direct(quotes), "It is over")
    assert over.cue == "say"
    assert not any(q.start < over.end and over.start < q.end for q in ind)


def test_written_statement_and_appositive_speaker(nlp):
    text = ("Shares in the carmaker fell sharply. “We expect a weak second quarter,” "
            "Elena Brandt, the chief executive of Volta Motors, wrote in a letter to staff.")
    _, actors, quotes = run(nlp, text)
    q = one(direct(quotes), "We expect")
    assert speaker_name(actors, q) == "Elena Brandt" and q.cue == "write"


def test_officials_speak_for_their_institution(nlp):
    text = ("Cases rose in three provinces last week. World Health Organization officials said "
            "the outbreak was “under control” and warned against travel bans.")
    _, actors, quotes = run(nlp, text)
    q = one(direct(quotes), "under control")
    assert speaker_name(actors, q) == "World Health Organization"
    assert q.speaker_text == "World Health Organization officials"


def test_no_quotes_in_plain_narrative(nlp):
    text = "The ship docked at noon. Crews unloaded grain for six hours."
    _, _, quotes = run(nlp, text)
    assert quotes == []
