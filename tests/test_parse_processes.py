"""The local engine's parse in worker processes gives the same extractions as in one process."""

from __future__ import annotations

from newsprism.extract import extract_each
from newsprism.model import Document, Range, make_id, sha256_text

PEOPLE = ["Ana Ruiz", "Tom Becker", "Lina Haddad", "Paul Okafor", "Mei Chen"]
CITIES = ["Lyon", "Porto", "Kraków", "Nairobi", "Osaka"]
SENTENCES = [
    "The mayor of {city}, {person}, opened the new bridge on Monday. “It is ours,” {person} said.",
    "{person} told reporters in {city} that the budget would rise by 4 percent next year.",
    "Police in {city} arrested two men on 3 March 2024, according to {person}.",
    "“We will not give up,” said {person}, who leads the {city} dockworkers' union.",
    "A storm closed the port of {city} for three days; {person} said ships were diverted.",
    "The court in {city} fined the company $2 million after {person} testified.",
    "{person} denied that the {city} council had approved the plan.",
    "Officials expect the {city} metro line to open in 2026, {person} said on Friday.",
]


def _doc(text: str, i: int) -> Document:
    sha = sha256_text(text)
    return Document(id=make_id("doc", sha), source=f"{i}.txt", sha256=sha, text=text, outlet="Daily",
                    title=None, authors=(), published="2024-05-06", genre="news", body=Range(0, len(text)),
                    removed=())


def test_two_worker_processes_give_the_same_extractions(nlp):
    texts = [s.format(person=p, city=c) for s in SENTENCES for p, c in zip(PEOPLE, CITIES, strict=True)]
    docs = [_doc(t, i) for i, t in enumerate(texts)]
    assert len(docs) == 40  # two batches of 32 at most: both worker processes get one
    one = extract_each(docs, nlp)
    two = extract_each(docs, nlp, processes=2)
    assert two == one
    assert any(x.quotes for x in one)  # the documents give something to compare
