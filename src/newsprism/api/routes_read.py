"""Read routes: documents, stories, claims, quotes, entities, events, discrepancies, outlets.

Every list answers ``{"items", "total", "limit", "offset"}`` and takes filters; every record is
the contract's JSON (``model.to_json``). Filters the store indexes are pushed down; the others
(story, outlet, document membership) are applied here on the decoded records.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from fastapi import APIRouter, Depends, Query, Request

from newsprism.api.problems import Problem
from newsprism.api.state import require_read, state_of
from newsprism.model import Claim, Document, Entity, Event, Quote, Span, to_json
from newsprism.store import Store

router = APIRouter(prefix="/api/v1", tags=["read"], dependencies=[Depends(require_read)])

Limit = Query(50, ge=1, le=1000, description="page size")
Offset = Query(0, ge=0, description="items to skip")


def _page(items: Sequence[Any], limit: int, offset: int, shape: Callable[[Any], Any] = to_json) -> dict[str, Any]:
    return {
        "items": [shape(x) for x in items[offset:offset + limit]],
        "total": len(items),
        "limit": limit,
        "offset": offset,
    }


def _pushed(**filters: str | None) -> dict[str, str]:
    return {k: v for k, v in filters.items() if v is not None}


def _story_docs(store: Store, story: str) -> set[str]:
    stories = store.records("stories", keys=[story])
    if not stories:
        raise Problem(404, "not-found", f"no story {story!r}")
    return set(stories[0].documents)


def _outlet_docs(store: Store, outlet: str) -> set[str]:
    return {d.id for d in store.records("documents", filters={"outlet": outlet})}


def _doc_scope(store: Store, story: str | None, outlet: str | None, doc: str | None) -> set[str] | None:
    """The documents a list is restricted to by story/outlet/doc filters (None: no restriction)."""
    scope: set[str] | None = None
    for part in (
        _story_docs(store, story) if story else None,
        _outlet_docs(store, outlet) if outlet else None,
        {doc} if doc else None,
    ):
        if part is not None:
            scope = part if scope is None else scope & part
    return scope


def _touches(spans: Iterable[Span], scope: set[str] | None) -> bool:
    return scope is None or any(s.doc in scope for s in spans)


def _one(store: Store, table: str, key: str) -> Any:
    found = store.records(table, keys=[key])
    if not found:
        raise Problem(404, "not-found", f"no {table[:-1] if table != 'discrepancies' else 'discrepancy'} {key!r}")
    return found[0]


# ------------------------------------------------------------------ documents


def doc_summary(d: Document) -> dict[str, Any]:
    return {
        "id": d.id, "source": d.source, "title": d.title, "outlet": d.outlet, "authors": list(d.authors),
        "published": d.published, "genre": d.genre, "url": d.url, "format": d.format, "chars": len(d.text),
    }


@router.get("/documents", summary="Documents (summaries; full=true adds text, body, removed)")
def list_documents(
    request: Request, outlet: str | None = None, genre: str | None = None, published: str | None = None,
    story: str | None = None, full: bool = False, limit: int = Limit, offset: int = Offset,
) -> dict[str, Any]:
    def run(store: Store) -> list[Document]:
        docs = store.records("documents", filters=_pushed(outlet=outlet, genre=genre, published=published))
        scope = _story_docs(store, story) if story else None
        return [d for d in docs if scope is None or d.id in scope]

    docs = state_of(request).read(run)
    return _page(docs, limit, offset, to_json if full else doc_summary)


@router.get("/documents/{doc_id}", summary="One document with text, body range, removed spans, stories")
def get_document(request: Request, doc_id: str) -> dict[str, Any]:
    def run(store: Store) -> dict[str, Any]:
        data: dict[str, Any] = to_json(_one(store, "documents", doc_id))
        return data | {"stories": store.story_of(doc_id)}

    return state_of(request).read(run)


# ------------------------------------------------------------------ stories


def _story_json(store: Store, story: Any) -> dict[str, Any]:
    docs = store.records("documents", keys=list(story.documents))
    return to_json(story) | {
        "outlets": sorted({d.outlet or "unknown outlet" for d in docs}),
        "published": sorted(d.published for d in docs if d.published)[:1] or [None],
    }


@router.get("/stories", summary="Stories, with their outlets")
def list_stories(request: Request, q: str | None = Query(None, description="words in the title"),
                 limit: int = Limit, offset: int = Offset) -> dict[str, Any]:
    def run(store: Store) -> dict[str, Any]:
        stories = [s for s in store.records("stories") if not q or q.lower() in s.title.lower()]
        return _page(stories, limit, offset, lambda s: _story_json(store, s))

    return state_of(request).read(run)


@router.get("/stories/{story_id}", summary="One story")
def get_story(request: Request, story_id: str) -> dict[str, Any]:
    return state_of(request).read(lambda s: _story_json(s, _one(s, "stories", story_id)))


@router.get("/stories/{story_id}/report-data",
            summary="Everything the story page shows: the story's analysis (documents with text included)")
def story_report_data(request: Request, story_id: str) -> dict[str, Any]:
    def run(store: Store) -> dict[str, Any]:
        _one(store, "stories", story_id)
        data: dict[str, Any] = to_json(store.load_analysis(story=story_id))
        data.pop("rejected", None)
        return data | {"story": data["stories"][0]}

    return state_of(request).read(run)


# ------------------------------------------------------------------ claims


@router.get("/claims", summary="Claims with support / contradicted_by / silent documents")
def list_claims(
    request: Request, story: str | None = None, kind: str | None = None,
    doc: str | None = Query(None, description="claims this document supports, contradicts or is silent on"),
    contested: bool | None = Query(None, description="true: only claims some document contradicts"),
    limit: int = Limit, offset: int = Offset,
) -> dict[str, Any]:
    def keep(c: Claim) -> bool:
        if doc and doc not in (*c.support, *c.contradicted_by, *c.silent):
            return False
        return contested is None or bool(c.contradicted_by) == contested

    claims = state_of(request).read(lambda s: s.records("claims", filters=_pushed(story=story, kind=kind)))
    return _page([c for c in claims if keep(c)], limit, offset)


@router.get("/claims/{claim_id}", summary="One claim")
def get_claim(request: Request, claim_id: str) -> dict[str, Any]:
    return to_json(state_of(request).read(lambda s: _one(s, "claims", claim_id)))  # type: ignore[no-any-return]


# ------------------------------------------------------------------ quotes


@router.get("/quotes", summary="Quotes; filter by speaker (entity id or name), outlet, story, doc, kind")
def list_quotes(
    request: Request, speaker: str | None = None, outlet: str | None = None, story: str | None = None,
    doc: str | None = None, kind: str | None = None, limit: int = Limit, offset: int = Offset,
) -> dict[str, Any]:
    def by_speaker(q: Quote) -> bool:
        if not speaker:
            return True
        return speaker == q.speaker or (q.speaker_text or "").casefold() == speaker.casefold()

    def run(store: Store) -> list[Quote]:
        scope = _doc_scope(store, story, outlet, doc)
        quotes = store.records("quotes", filters=_pushed(kind=kind))
        return [q for q in quotes if (scope is None or q.doc in scope) and by_speaker(q)]

    return _page(state_of(request).read(run), limit, offset)


@router.get("/quotes/{quote_id}", summary="One quote")
def get_quote(request: Request, quote_id: str) -> dict[str, Any]:
    return to_json(state_of(request).read(lambda s: _one(s, "quotes", quote_id)))  # type: ignore[no-any-return]


# ------------------------------------------------------------------ entities, events


@router.get("/entities", summary="Actors; filter by type, country, name (or alias), story, outlet, doc")
def list_entities(
    request: Request, type: str | None = None, country: str | None = None, name: str | None = None,
    story: str | None = None, outlet: str | None = None, doc: str | None = None,
    limit: int = Limit, offset: int = Offset,
) -> dict[str, Any]:
    def named(e: Entity) -> bool:
        return not name or name.casefold() in (n.casefold() for n in (e.name, *e.aliases))

    def run(store: Store) -> list[Entity]:
        scope = _doc_scope(store, story, outlet, doc)
        found = store.records("entities", filters=_pushed(type=type, country=country))
        return [e for e in found if named(e) and _touches(e.mentions, scope)]

    return _page(state_of(request).read(run), limit, offset)


@router.get("/entities/{entity_id}", summary="One actor")
def get_entity(request: Request, entity_id: str) -> dict[str, Any]:
    return to_json(state_of(request).read(lambda s: _one(s, "entities", entity_id)))  # type: ignore[no-any-return]


@router.get("/events", summary="Events; filter by category, date, actor, story, outlet, doc")
def list_events(
    request: Request, category: str | None = None, date: str | None = None,
    actor: str | None = Query(None, description="entity id as source or target"),
    story: str | None = None, outlet: str | None = None, doc: str | None = None,
    limit: int = Limit, offset: int = Offset,
) -> dict[str, Any]:
    def run(store: Store) -> list[Event]:
        scope = _doc_scope(store, story, outlet, doc)
        found = store.records("events", filters=_pushed(category=category, date=date))
        return [e for e in found if _touches(e.mentions, scope) and (not actor or actor in (*e.source, *e.target))]

    return _page(state_of(request).read(run), limit, offset)


@router.get("/events/{event_id}", summary="One event")
def get_event(request: Request, event_id: str) -> dict[str, Any]:
    return to_json(state_of(request).read(lambda s: _one(s, "events", event_id)))  # type: ignore[no-any-return]


# ------------------------------------------------------------------ discrepancies, outlets


@router.get("/discrepancies", summary="Discrepancies; filter by kind, severity, story, claim")
def list_discrepancies(
    request: Request, kind: str | None = None, severity: str | None = None, story: str | None = None,
    claim: str | None = None, limit: int = Limit, offset: int = Offset,
) -> dict[str, Any]:
    def run(store: Store) -> list[Any]:
        found = store.records("discrepancies", filters=_pushed(kind=kind, severity=severity))
        if story:
            scope = _story_docs(store, story)
            claims = {c.id for c in store.records("claims", filters={"story": story})}
            found = [d for d in found if set(d.claims) & claims or _touches(d.mentions, scope)]
        return [d for d in found if not claim or claim in d.claims]

    return _page(state_of(request).read(run), limit, offset)


@router.get("/discrepancies/{disc_id}", summary="One discrepancy")
def get_discrepancy(request: Request, disc_id: str) -> dict[str, Any]:
    return to_json(state_of(request).read(lambda s: _one(s, "discrepancies", disc_id)))  # type: ignore[no-any-return]


@router.get("/outlets", summary="Outlet profiles; filter by story")
def list_outlets(request: Request, story: str | None = None, limit: int = Limit, offset: int = Offset) -> dict[str, Any]:
    def run(store: Store) -> list[Any]:
        scope = _story_docs(store, story) if story else None
        return [o for o in store.records("outlets") if scope is None or set(o.documents) & scope]

    return _page(state_of(request).read(run), limit, offset)


@router.get("/outlets/{name}", summary="One outlet profile")
def get_outlet(request: Request, name: str) -> dict[str, Any]:
    return to_json(state_of(request).read(lambda s: _one(s, "outlets", name)))  # type: ignore[no-any-return]


@router.get("/stats", summary="How many records of each kind are stored")
def stats(request: Request) -> dict[str, int]:
    tables = ("documents", "stories", "claims", "quotes", "entities", "events", "discrepancies", "outlets")
    return state_of(request).read(lambda s: {t: s.count(t) for t in tables})
