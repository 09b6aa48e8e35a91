"""The DuckDB store: exact round trips, idempotent saves, merges, all-or-nothing writes."""

from __future__ import annotations

import duckdb
import pytest

from newsprism.errors import StoreError
from newsprism.model import (
    Analysis, Document, Entity, Quote, Range, Removed, Span, Story, StorySignature, make_id, sha256_text,
)
from newsprism.store import Store

TEXT = "Menu\nThe mayor of Lyon opened the bridge on Monday. “It is ours,” she said.\nShare"


def _doc(text: str = TEXT, source: str = "a.txt") -> Document:
    sha = sha256_text(text)
    return Document(
        id=make_id("doc", sha), source=source, sha256=sha, text=text, outlet="Lyon Daily",
        title=None, authors=("Ana Ruiz",), published="2024-05-06", genre="news",
        body=Range(5, len(text) - 6), removed=(Removed(0, 4, "navigation"), Removed(len(text) - 5, len(text), "share")),
    )


def _analysis() -> Analysis:
    doc = _doc()
    start = TEXT.index("It is ours")
    quote = Quote(
        id=make_id("quote", doc.id, start, start + 10), doc=doc.id, start=start, end=start + 10,
        text="It is ours", speaker=None, speaker_text="she", cue="say", kind="direct",
        speaker_span=doc.span(TEXT.index("she"), TEXT.index("she") + 3),
    )
    mayor = Entity(
        id="ent_lyon", name="Lyon", type="GPE", aliases=(), roles=(), country="FRA",
        mentions=(doc.span(TEXT.index("Lyon"), TEXT.index("Lyon") + 4),),
    )
    return Analysis(documents=(doc,), entities=(mayor,), quotes=(quote,), stories=(Story("story_1", "Bridge", (doc.id,)),))


def test_round_trip_gives_back_the_same_records(tmp_path):
    analysis = _analysis()
    with Store(tmp_path / "s.duckdb") as store:
        store.save(analysis)
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        back = store.load_analysis()
        assert back.documents == analysis.documents
        assert back.quotes == analysis.quotes
        assert back.entities == analysis.entities
        assert store.load_analysis(story="story_1").documents == analysis.documents
        assert store.story_of(analysis.documents[0].id) == ["story_1"]


def test_story_signatures_keep_their_stored_json(tmp_path):
    sig = StorySignature("story_1", "Bridge", (("bridge", 0.8), ("lyon", 0.6)), ("ent_lyon",),
                         "2024-05-06", None, 1)
    with Store(tmp_path / "s.duckdb") as store:
        store.save(_analysis(), signatures=[sig])
        (raw,) = store.con.execute("SELECT json FROM story_signatures").fetchone()
        assert raw == ('{"id": "story_1", "title": "Bridge", "terms": [["bridge", 0.8], ["lyon", 0.6]], '
                       '"actors": ["ent_lyon"], "first": "2024-05-06", "last": null, "size": 1}')
        assert store.signatures() == [sig]


def test_saving_twice_stores_nothing_twice(tmp_path):
    analysis = _analysis()
    with Store(tmp_path / "s.duckdb") as store:
        first = store.save(analysis)
        second = store.save(analysis)
        assert first.added["documents"] == 1 and first.added["quotes"] == 1
        assert second.added == {k: 0 for k in second.added}
        assert second.unchanged["documents"] == 1
        assert store.count("documents") == 1 and store.count("quotes") == 1


def test_entity_mentions_from_a_later_batch_are_merged(tmp_path):
    analysis = _analysis()
    other = _doc("Lyon won again. Lyon is in France.", source="b.txt")
    later = Entity(
        id="ent_lyon", name="Lyon", type="GPE", aliases=("Lugdunum",), roles=(), country=None,
        mentions=(Span(other.id, 0, 4, "Lyon"), Span(other.id, 16, 20, "Lyon")),
    )
    with Store(tmp_path / "s.duckdb") as store:
        store.save(analysis)
        store.save(Analysis(documents=(other,), entities=(later,)))
        (merged,) = store.records("entities")
    assert len(merged.mentions) == 3
    assert merged.aliases == ("Lugdunum",)
    assert merged.country == "FRA"


def test_filters_and_pagination(tmp_path):
    docs = tuple(_doc(f"Story number {i}. It rained.", source=f"{i}.txt") for i in range(5))
    with Store(tmp_path / "s.duckdb") as store:
        store.save(Analysis(documents=docs))
        page = store.records("documents", limit=2, offset=2)
        assert len(page) == 2
        assert [d.source for d in store.records("documents", filters={"source": "3.txt"})] == ["3.txt"]
        with pytest.raises(StoreError, match="cannot filter on 'text'"):
            store.records("documents", filters={"text": "x"})


def test_a_failed_save_leaves_what_was_stored(tmp_path, monkeypatch):
    analysis = _analysis()
    with Store(tmp_path / "s.duckdb") as store:
        store.save(analysis)
        original = store.con

        class Failing:
            """Passes everything to DuckDB but breaks the quotes insert."""

            def __getattr__(self, name):
                return getattr(original, name)

            def execute(self, sql, params=None):
                if sql.startswith("INSERT") and "INTO quotes" in sql:
                    raise duckdb.Error("disk full")
                return original.execute(sql, params)

        new_doc = _doc("A second article. Nothing else.", source="c.txt")
        bigger = Analysis(
            documents=analysis.documents + (new_doc,),
            quotes=(Quote("q2", new_doc.id, 0, 1, "A", None, None, None, "direct"),),
        )
        monkeypatch.setattr(store, "con", Failing())
        with pytest.raises(StoreError, match="nothing was written"):
            store.save(bigger)
        monkeypatch.setattr(store, "con", original)
        assert store.count("documents") == 1
        assert store.count("quotes") == 1


def test_unopenable_database_is_a_clear_error(tmp_path):
    bad = tmp_path / "not-a-db.duckdb"
    bad.write_bytes(b"this is not a duckdb file" * 100)
    with pytest.raises(StoreError, match="not-a-db.duckdb"):
        Store(bad)


def test_a_document_derived_from_two_others_keeps_both_derivations(tmp_path):
    from dataclasses import replace

    from newsprism.model import Derivation

    docs = [_doc(TEXT.replace("Monday", day), f"{day}.txt") for day in ("Monday", "Tuesday", "Friday")]
    story = Story("story_1", "Bridge", tuple(d.id for d in docs))
    links = (Derivation(docs[2].id, docs[0].id, 0.9, "copy of the first"),
             Derivation(docs[2].id, docs[1].id, 0.8, "copy of the second"))
    analysis = replace(_analysis(), documents=tuple(docs), stories=(story,), quotes=(), entities=(),
                       derivations=links)
    with Store(tmp_path / "s.duckdb") as store:
        store.save(analysis)
        assert set(store.load_analysis().derivations) == set(links)
