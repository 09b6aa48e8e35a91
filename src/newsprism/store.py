"""DuckDB persistence: one table per record kind, keyed by the records' stable ids.

Each table keeps the few columns that lists filter on, plus the whole record as JSON, so the
store can rebuild exactly the records it was given (``load_analysis``). Saving is an upsert
inside one transaction: re-saving the same analysis changes nothing, and a failure rolls the
whole batch back, never touching what was stored before.

Each document's own extraction (``extract.DocExtraction``: local actors, quotes, dates, events,
before actors are canonicalised across documents) is kept in ``doc_extractions``, so a story
that grows is compared again over all of its documents without parsing any of them twice. A
save that carries a ``Regrown`` replaces what the re-compared stories held (claims,
discrepancies, derivations, the records of their documents, outlet profiles) in the same
transaction.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import duckdb

from newsprism.errors import StoreError, StoreLocked
from newsprism.model import (
    Analysis,
    Claim,
    Derivation,
    Discrepancy,
    DocExtraction,
    Document,
    Entity,
    Event,
    OutletProfile,
    Quote,
    Rejected,
    Story,
    StorySignature,
    TimeExpression,
    from_json,
    to_json,
)

# table -> (record class, key column, filter columns)
TABLES: dict[str, tuple[type[Any], str, tuple[str, ...]]] = {
    "documents": (Document, "id", ("source", "sha256", "outlet", "title", "published", "genre", "url")),
    "entities": (Entity, "id", ("name", "type", "country")),
    "quotes": (Quote, "id", ("doc", "speaker", "kind")),
    "events": (Event, "id", ("category", "date")),
    "dates": (TimeExpression, "id", ("doc", "value")),
    "stories": (Story, "id", ("title",)),
    "claims": (Claim, "id", ("story", "kind")),
    "discrepancies": (Discrepancy, "id", ("kind", "severity")),
    "outlets": (OutletProfile, "name", ()),
    "derivations": (Derivation, "doc", ("derived_from",)),
    "rejected": (Rejected, "source", ("reason",)),
}


_LOCK_HOLDER = re.compile(r"Conflicting lock is held in (.*?\(PID \d+\))")


@dataclass(frozen=True, slots=True)
class SaveResult:
    """How many records of each kind were new (not already stored with the same content)."""

    added: dict[str, int]
    unchanged: dict[str, int]


@dataclass(frozen=True, slots=True)
class Regrown:
    """What a save replaces: the stored ``stories`` compared again, over ``documents`` (all of
    their documents and the batch's). Their claims, discrepancies, derivations, story
    membership and signatures are deleted, the quotes, dates and events of ``documents`` and
    their entity mentions too, and the outlet profiles are replaced whole (the saved analysis
    carries every outlet's profile)."""

    stories: tuple[str, ...]
    documents: tuple[str, ...]


def _row_key(table: str, record: Any) -> str:
    if table == "dates":
        return f"{record.doc}:{record.start}:{record.end}"
    if table == "derivations":  # a document may derive from several others
        return f"{record.doc}<{record.derived_from}"
    return str(getattr(record, TABLES[table][1]))


class Store:
    """A DuckDB file holding analyses. Use as a context manager or call ``close()``.

    DuckDB lets one process open a file to write, or several to read; opening it while another
    process holds it the other way raises ``StoreLocked`` at once (no waiting).
    """

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = Path(path)
        try:
            if not read_only:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self.con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.IOException as exc:
            holder = _LOCK_HOLDER.search(str(exc))
            if holder is None:
                raise StoreError(f"{self.path}: cannot open the database: {exc}") from exc
            raise StoreLocked(
                f"{self.path}: the database is in use by another process ({holder.group(1)}); "
                f"it can be read by several processes or written by one, so wait for it or use another --db"
            ) from exc
        except (duckdb.Error, OSError) as exc:
            raise StoreError(f"{self.path}: cannot open the database: {exc}") from exc
        if not read_only:
            self._create()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def _create(self) -> None:
        for table, (_cls, _key, cols) in TABLES.items():
            extra = "".join(f", {c} VARCHAR" for c in cols)
            self.con.execute(
                f"CREATE TABLE IF NOT EXISTS {table} (key VARCHAR PRIMARY KEY{extra}, json VARCHAR)"
            )
        self.con.execute(
            "CREATE TABLE IF NOT EXISTS story_documents (story VARCHAR, doc VARCHAR, PRIMARY KEY (story, doc))"
        )
        self.con.execute(
            "CREATE TABLE IF NOT EXISTS story_signatures (story VARCHAR PRIMARY KEY, json VARCHAR)"
        )
        self.con.execute(
            "CREATE TABLE IF NOT EXISTS doc_extractions (doc VARCHAR PRIMARY KEY, json VARCHAR)"
        )
        self.con.execute(
            "CREATE TABLE IF NOT EXISTS secrets (name VARCHAR PRIMARY KEY, value VARCHAR)"
        )

    # ------------------------------------------------------------ writing

    def save(self, analysis: Analysis, signatures: Iterable[StorySignature] = (),
             extractions: Sequence[DocExtraction] = (), regrown: Regrown | None = None) -> SaveResult:
        """Upsert every record of ``analysis``, the story ``signatures`` and the documents'
        ``extractions`` in one transaction, first deleting what ``regrown`` replaces.

        Entities are merged with what is stored under the same id (mentions, aliases and roles
        unioned), so a later batch adds to an actor instead of replacing it.
        """
        added: dict[str, int] = {}
        unchanged: dict[str, int] = {}
        try:
            self.con.begin()
            if regrown is not None:
                self._delete_regrown(regrown)
            if extractions:
                self._insert("doc_extractions", [[x.actors.doc, _dumps(to_json(x))] for x in extractions])
            for table in TABLES:
                records = list(getattr(analysis, table))
                if table == "entities":
                    records = self._merge_entities(records)
                a, u = self._upsert(table, records)
                added[table], unchanged[table] = a, u
            if analysis.stories:
                self.con.execute("DELETE FROM story_documents WHERE story IN (SELECT unnest(?))",
                                 [[story.id for story in analysis.stories]])
                self._insert("story_documents", [[story.id, d] for story in analysis.stories
                                                 for d in story.documents], replace=False)
            self._insert("story_signatures", [[sig.id, json.dumps(sig.to_json())] for sig in signatures])
            self.con.commit()
        except duckdb.Error as exc:
            self.con.rollback()
            raise StoreError(f"{self.path}: saving failed, nothing was written: {exc}") from exc
        except BaseException:  # an interrupt or a bug half-way: the batch must not be half saved
            self.con.rollback()
            raise
        return SaveResult(added, unchanged)

    def _delete_regrown(self, regrown: Regrown) -> None:
        stories, docs = list(regrown.stories), set(regrown.documents)
        old_claims = {r[0] for r in self.con.execute(
            "SELECT key FROM claims WHERE story IN (SELECT unnest(?))", [stories]).fetchall()}
        for table in ("claims", "stories"):
            self.con.execute(f"DELETE FROM {table} WHERE key IN (SELECT unnest(?))",
                             [list(old_claims) if table == "claims" else stories])
        for table in ("story_documents", "story_signatures"):
            self.con.execute(f"DELETE FROM {table} WHERE story IN (SELECT unnest(?))", [stories])
        for table in ("quotes", "dates"):
            self.con.execute(f"DELETE FROM {table} WHERE doc IN (SELECT unnest(?))", [list(docs)])
        # the key is "doc<derived_from" (a bare doc id in stores written before that)
        self.con.execute("DELETE FROM derivations WHERE split_part(key, '<', 1) IN (SELECT unnest(?)) "
                         "OR derived_from IN (SELECT unnest(?))", [list(docs), list(docs)])
        self.con.execute("DELETE FROM outlets")
        gone = [r.id for r in self.records("discrepancies")
                if set(r.claims) & old_claims or any(m.doc in docs for m in r.mentions)]
        gone_events = [e.id for e in self.records("events") if any(m.doc in docs for m in e.mentions)]
        for table, keys in (("discrepancies", gone), ("events", gone_events)):
            self.con.execute(f"DELETE FROM {table} WHERE key IN (SELECT unnest(?))", [keys])
        for entity in self.records("entities"):
            kept = tuple(m for m in entity.mentions if m.doc not in docs)
            if len(kept) == len(entity.mentions):
                continue
            self.con.execute("DELETE FROM entities WHERE key = ?", [entity.id])
            if kept:
                self._upsert("entities", [replace(entity, mentions=kept)])

    def _upsert(self, table: str, records: Sequence[Any]) -> tuple[int, int]:
        _cls, _key, cols = TABLES[table]
        if not records:
            return 0, 0
        rows = []
        for r in records:
            data = to_json(r)
            rows.append([_row_key(table, r)] + [_text(data.get(c)) for c in cols] + [_dumps(data)])
        keys = [row[0] for row in rows]
        existing = dict(
            self.con.execute(
                f"SELECT key, json FROM {table} WHERE key IN (SELECT unnest(?))", [keys]
            ).fetchall()
        )
        fresh = [row for row in rows if existing.get(row[0]) != row[-1]]
        self._insert(table, fresh)
        new = sum(1 for k in keys if k not in existing)
        return new, len(rows) - len(fresh)

    def _insert(self, table: str, rows: Sequence[Sequence[Any]], replace: bool = True) -> None:
        """Insert ``rows`` (full rows, in the table's column order) in one statement: each column
        passed as one list and unnested, far quicker than a statement per row. With ``replace``,
        a row replaces the stored row of its key, and of rows sharing a key the last one wins
        (as one statement per row in order would leave it)."""
        if not rows:
            return
        if replace:
            rows = list({row[0]: row for row in rows}.values())
        columns = [list(col) for col in zip(*rows, strict=True)]
        verb = "INSERT OR REPLACE" if replace else "INSERT"
        self.con.execute(f"{verb} INTO {table} SELECT {', '.join(['unnest(?)'] * len(columns))}", columns)

    def _merge_entities(self, entities: Sequence[Entity]) -> list[Entity]:
        """Each entity merged with what is stored under its id, the stored ones read in one query."""
        rows = self.con.execute("SELECT key, json FROM entities WHERE key IN (SELECT unnest(?))",
                                [[e.id for e in entities]]).fetchall()
        stored = {key: from_json(Entity, json.loads(data)) for key, data in rows}
        return [self._merge_entity(e, stored[e.id]) if e.id in stored else e for e in entities]

    @staticmethod
    def _merge_entity(entity: Entity, old: Entity) -> Entity:
        mentions = tuple(sorted(set(old.mentions) | set(entity.mentions), key=lambda s: (s.doc, s.start, s.end)))
        aliases = tuple(sorted(set(old.aliases) | set(entity.aliases)))
        roles = tuple(dict.fromkeys(old.roles + entity.roles))
        return Entity(
            id=entity.id,
            name=entity.name,
            type=entity.type,
            aliases=aliases,
            roles=roles,
            country=entity.country or old.country,
            mentions=mentions,
            evidence=old.evidence | entity.evidence,
        )

    def set_secret(self, name: str, value: str) -> None:
        self.con.execute("INSERT OR REPLACE INTO secrets VALUES (?, ?)", [name, value])

    def get_secret(self, name: str) -> str | None:
        row = self.con.execute("SELECT value FROM secrets WHERE name = ?", [name]).fetchone()
        return row[0] if row else None

    # ------------------------------------------------------------ reading

    def count(self, table: str) -> int:
        _check_table(table)
        return int(self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # type: ignore[index]

    def records(
        self,
        table: str,
        filters: dict[str, str] | None = None,
        limit: int | None = None,
        offset: int = 0,
        keys: Sequence[str] | None = None,
    ) -> list[Any]:
        """Records of one table, ordered by key, filtered on indexed columns (exact match)."""
        cls, _key, cols = TABLES[table] if table in TABLES else _check_table(table)
        where, params = [], []
        for col, value in (filters or {}).items():
            if col not in cols:
                raise StoreError(f"{table}: cannot filter on {col!r} (filters: {', '.join(cols)})")
            where.append(f"{col} = ?")
            params.append(value)
        if keys is not None:
            where.append("key IN (SELECT unnest(?))")
            params.append(list(keys))
        sql = f"SELECT json FROM {table}"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY key"
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        return [from_json(cls, json.loads(r[0])) for r in self.con.execute(sql, params).fetchall()]

    def story_of(self, doc_id: str) -> list[str]:
        rows = self.con.execute("SELECT story FROM story_documents WHERE doc = ? ORDER BY story", [doc_id])
        return [r[0] for r in rows.fetchall()]

    def stories_of(self, doc_ids: Sequence[str]) -> list[str]:
        """The stored stories that hold any of ``doc_ids``."""
        rows = self.con.execute("SELECT DISTINCT story FROM story_documents WHERE doc IN (SELECT unnest(?)) "
                                "ORDER BY story", [list(doc_ids)])
        return [r[0] for r in rows.fetchall()]

    def story_documents(self, story_ids: Sequence[str]) -> list[Document]:
        """The documents of the stored stories ``story_ids``, story by story in each story's order."""
        order = [d for s in self.records("stories", keys=list(story_ids)) for d in s.documents]
        by_id = {d.id: d for d in self.records("documents", keys=order)}
        return [by_id[d] for d in dict.fromkeys(order) if d in by_id]

    def extractions(self, doc_ids: Sequence[str]) -> dict[str, DocExtraction]:
        """The stored per-document extractions of those of ``doc_ids`` that have one (none in a
        store written before they were kept, opened read-only)."""
        try:
            rows = self.con.execute("SELECT doc, json FROM doc_extractions WHERE doc IN (SELECT unnest(?))",
                                    [list(doc_ids)]).fetchall()
        except duckdb.CatalogException:
            return {}
        return {doc: from_json(DocExtraction, json.loads(data)) for doc, data in rows}

    def signatures(self) -> list[StorySignature]:
        rows = self.con.execute("SELECT json FROM story_signatures ORDER BY story").fetchall()
        return [StorySignature.from_json(json.loads(r[0])) for r in rows]

    def load_analysis(self, story: str | None = None) -> Analysis:
        """Everything stored, or one story: its documents and what points into them."""
        if story is None:
            return Analysis(**{t: tuple(self.records(t)) for t in TABLES})
        stories = self.records("stories", keys=[story])
        docs_ids = {d for s in stories for d in s.documents}
        documents = tuple(self.records("documents", keys=sorted(docs_ids)))
        claims = tuple(self.records("claims", filters={"story": story}))
        claim_ids = {c.id for c in claims}

        def in_docs(spans: Iterable[Any]) -> bool:
            return any(s.doc in docs_ids for s in spans)

        entities = tuple(
            _restrict_entity(e, docs_ids) for e in self.records("entities") if in_docs(e.mentions)
        )
        return Analysis(
            documents=documents,
            entities=entities,
            quotes=tuple(q for q in self.records("quotes") if q.doc in docs_ids),
            events=tuple(e for e in self.records("events") if in_docs(e.mentions)),
            stories=tuple(stories),
            claims=claims,
            discrepancies=tuple(
                d for d in self.records("discrepancies") if set(d.claims) & claim_ids or in_docs(d.mentions)
            ),
            outlets=tuple(
                o for o in self.records("outlets") if set(o.documents) & docs_ids
            ),
            dates=tuple(t for t in self.records("dates") if t.doc in docs_ids),
            derivations=tuple(d for d in self.records("derivations") if d.doc in docs_ids),
        )


def _restrict_entity(entity: Entity, docs: set[str]) -> Entity:
    return replace(entity, mentions=tuple(m for m in entity.mentions if m.doc in docs))


def _check_table(table: str) -> Any:
    if table not in TABLES:
        raise StoreError(f"unknown table {table!r} (tables: {', '.join(TABLES)})")
    return TABLES[table]


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True)
