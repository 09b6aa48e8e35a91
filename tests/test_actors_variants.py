"""Typos and transliteration variants join a person only when the context agrees; names in another
script are grouped in their own script and never merged with different people. Hand-written text
and actors; expected values written by reading them."""

from __future__ import annotations

from newsprism.extract.actors.find import canonicalise, find_actors
from newsprism.extract.actors.group import Mention, group_mentions
from newsprism.model import Document, LocalActor, Range, Span, sha256_text


def _doc(doc_id: str, text: str) -> Document:
    return Document(doc_id, f"{doc_id}.txt", sha256_text(text), text, None, None, (), None, "news",
                    Range(0, len(text)), ())


def _entities(nlp, texts: dict[str, str]):
    found = []
    for doc_id, text in texts.items():
        d = _doc(doc_id, text)
        found.append(find_actors(d, nlp(d.clean_text())))
    return canonicalise(found)[0]


def _people(entities) -> list[set[str]]:
    return [{e.name, *e.aliases} for e in entities if e.type == "PERSON"]


BANK_1 = ("German Finance Minister Katharina Vollmerhaus met the head of the Bundesbank, Peter "
          "Lindqvist, in Frankfurt on Tuesday. Vollmerhaus said the deficit would shrink.\n")
BANK_2 = ("Katharina Volmerhaus told Peter Lindqvist that the budget rules would stay. The two spoke "
          "for an hour.\n")  # a one-letter typo; the co-mention of Peter Lindqvist agrees
SAMBA = ("Brazilian economist Katharina Volmerhaus said in Sao Paulo that coffee exports were "
         "rising.\n")  # the same typo, but another country and nobody in common


def test_typo_joins_when_a_co_mention_agrees(nlp):
    people = _people(_entities(nlp, {"a": BANK_1, "b": BANK_2}))
    assert any({"Katharina Vollmerhaus", "Katharina Volmerhaus"} <= p for p in people)


def test_typo_stays_apart_when_countries_differ(nlp):
    people = _people(_entities(nlp, {"a": BANK_1, "c": SAMBA}))
    assert not any({"Katharina Vollmerhaus", "Katharina Volmerhaus"} <= p for p in people)


def _actor(key: str, name: str, roles: tuple[str, ...] = (), country: str | None = None) -> LocalActor:
    doc = key.split("#")[0]
    return LocalActor(key, name, "PERSON", (Span(doc, 0, len(name), name),), (), roles, country)


def test_transliteration_variant_needs_agreeing_context():
    same_role = [_actor("x#0", "Oleksandr Hrytsenko", ("mayor",)),
                 _actor("y#0", "Aleksandr Hritsenko", ("mayor",))]
    ents, _ = canonicalise([_da(same_role[:1]), _da(same_role[1:])])
    assert len(ents) == 1
    strangers = [_actor("x#0", "Oleksandr Hrytsenko", ("mayor",)),
                 _actor("z#0", "Aleksandr Hritsenko", ("chess player",))]
    ents, _ = canonicalise([_da(strangers[:1]), _da(strangers[1:])])
    assert len(ents) == 2
    spelled_alike = [_actor("x#0", "Oleksandr Hrytsenko", ("mayor",)),
                     _actor("z#0", "Oleksandr Hrytsenko", ("chess player",))]
    ents, _ = canonicalise([_da(spelled_alike[:1]), _da(spelled_alike[1:])])
    assert len(ents) == 1  # same spelling: no context needed


def _da(actors: list[LocalActor]):
    from newsprism.model import DocActors

    return DocActors(actors[0].key.split("#")[0], tuple(actors))


def test_cyrillic_names_stay_different_people_across_documents():
    docs = [_da([_actor("r1#0", "Иван Петров"), _actor("r1#1", "Ольга Смирнова")]),
            _da([_actor("r2#0", "Дмитрий Кузнецов"), _actor("r2#1", "Иван Петров")]),
            _da([_actor("r3#0", "Ivan Petrov")])]
    ents, key_to_id = canonicalise(docs)
    names = sorted(e.name for e in ents)
    assert names == sorted(["Иван Петров", "Ольга Смирнова", "Дмитрий Кузнецов", "Ivan Petrov"])
    assert key_to_id["r1#0"] == key_to_id["r2#1"]  # the same name in two documents
    assert key_to_id["r1#0"] != key_to_id["r3#0"]  # another script: never merged


def test_cyrillic_names_group_in_their_own_script():
    text = "Иван Петров встретил Ольгу. Анна Соколова и Борис Волков говорили. Петров ушёл.\n"
    spans = ["Иван Петров", "Анна Соколова", "Борис Волков"]
    mentions = [Mention(text.index(s), text.index(s) + len(s), "PERSON", -1, -1) for s in spans]
    last = text.rindex("Петров")
    mentions.append(Mention(last, last + len("Петров"), "PERSON", -1, -1))
    groups = group_mentions(_doc("ru", text), sorted(mentions, key=lambda m: m.start))
    texts = [sorted(text[m.start:m.end] for m in g) for g in groups]
    assert texts == [["Иван Петров", "Петров"], ["Анна Соколова"], ["Борис Волков"]]
