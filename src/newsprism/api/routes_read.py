"""Read routes: documents, stories, claims, quotes, entities, events, discrepancies, outlets.

Every list answers ``{"items", "total", "limit", "offset"}`` and takes filters; every record is
the contract's JSON (``model.to_json``). Records come from the app's per-write-generation cache
(``ApiState.table``), filters are applied on the decoded records, and answers are sent as
``JSONResponse`` directly (they are plain JSON already).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse

from newsprism.api.params import (
    ActorF, CategoryF, ClaimDocF, ClaimF, ClaimKindF, ContestedF, CountryF, DateF, DiscKindF, DocF, FullF,
    GenreF, Limit, NameF, Offset, OutletF, PublishedF, QuoteKindF, SeverityF, SpeakerF, StoryF, TitleQ, TypeF,
    page_example,
)
from newsprism.api.openapi import problem_responses
from newsprism.api.problems import Problem
from newsprism.api.story_views import VIEWS_SCHEMA, story_views
from newsprism.api.state import ApiState, require_read, state_of
from newsprism.lang.kinds import labels_json
from newsprism.model import Analysis, Claim, Document, Entity, Event, Quote, Span, to_json

router = APIRouter(prefix="/api/v1", tags=["read"], dependencies=[Depends(require_read)],
                   responses=problem_responses(401, 429, 503))
NOT_FOUND = problem_responses(404)  # an unknown id, or an unknown story in a filter

NAMES = {"discrepancies": "discrepancy", "entities": "entity", "stories": "story"}


def _page(items: Sequence[Any], limit: int, offset: int, shape: Callable[[Any], Any] = to_json) -> JSONResponse:
    return JSONResponse({
        "items": [shape(x) for x in items[offset:offset + limit]],
        "total": len(items),
        "limit": limit,
        "offset": offset,
    })


def _where(records: Iterable[Any], **equal: str | None) -> list[Any]:
    """Records whose fields equal every given (non-None) value."""
    tests = [(k, v) for k, v in equal.items() if v is not None]
    return [r for r in records if all(getattr(r, k) == v for k, v in tests)]


def _one(state: ApiState, table: str, key: str) -> Any:
    record = state.by_key(table).get(key)
    if record is None:
        raise Problem(404, "not-found", f"no {NAMES.get(table, table[:-1])} {key!r}")
    return record


def _story_docs(state: ApiState, story: str) -> set[str]:
    return set(_one(state, "stories", story).documents)


def _doc_scope(state: ApiState, story: str | None, outlet: str | None, doc: str | None) -> set[str] | None:
    """The documents a list is restricted to by story/outlet/doc filters (None: no restriction)."""
    scope: set[str] | None = None
    for part in (
        _story_docs(state, story) if story else None,
        {d.id for d in state.table("documents") if d.outlet == outlet} if outlet else None,
        {doc} if doc else None,
    ):
        if part is not None:
            scope = part if scope is None else scope & part
    return scope


def _touches(spans: Iterable[Span], scope: set[str] | None) -> bool:
    return scope is None or any(s.doc in scope for s in spans)


def _record(request: Request, table: str, key: str) -> JSONResponse:
    return JSONResponse(to_json(_one(state_of(request), table, key)))


# ------------------------------------------------------------------ documents

EX_DOC = {"id": "doc_8b1e0f4a9c21", "source": "articles/harbour-strike.html", "title": "Dock workers begin strike",
          "outlet": "Harbour Gazette", "authors": ["Ana Ruiz"], "published": "2025-03-04", "genre": "news",
          "url": "https://example.com/harbour-strike", "format": "html", "chars": 3412}
EX_STORY = {"id": "story_3f9a1c2b7d4e", "title": "Dock workers begin strike", "documents": ["doc_8b1e0f4a9c21"],
            "outlets": ["Harbour Gazette"], "published": ["2025-03-04"]}


def doc_summary(d: Document) -> dict[str, Any]:
    return {
        "id": d.id, "source": d.source, "title": d.title, "outlet": d.outlet, "authors": list(d.authors),
        "published": d.published, "genre": d.genre, "url": d.url, "format": d.format, "chars": len(d.text),
    }


@router.get("/documents", summary="Documents (summaries; full=true adds text, body, removed)",
            responses=page_example(EX_DOC) | NOT_FOUND)
def list_documents(
    request: Request, outlet: str | None = OutletF, genre: str | None = GenreF, published: str | None = PublishedF,
    story: str | None = StoryF, full: bool = FullF, limit: int = Limit, offset: int = Offset,
) -> JSONResponse:
    state = state_of(request)
    docs = _where(state.table("documents"), outlet=outlet, genre=genre, published=published)
    if story:
        scope = _story_docs(state, story)
        docs = [d for d in docs if d.id in scope]
    return _page(docs, limit, offset, to_json if full else doc_summary)


@router.get("/documents/{doc_id}", responses=NOT_FOUND,
            summary="One document with text, body range, removed spans, stories")
def get_document(request: Request, doc_id: str) -> JSONResponse:
    state = state_of(request)
    data: dict[str, Any] = to_json(_one(state, "documents", doc_id))
    return JSONResponse(data | {"stories": state.read(lambda s: s.story_of(doc_id))})


# ------------------------------------------------------------------ stories


def _story_json(state: ApiState, story: Any) -> dict[str, Any]:
    index = state.by_key("documents")
    docs = [index[d] for d in story.documents if d in index]
    return to_json(story) | {  # type: ignore[no-any-return]
        "outlets": sorted({d.outlet or "unknown outlet" for d in docs}),
        "published": sorted(d.published for d in docs if d.published)[:1] or [None],
    }


@router.get("/stories", summary="Stories, with their outlets and first publication date",
            responses=page_example(EX_STORY))
def list_stories(request: Request, q: str | None = TitleQ, limit: int = Limit, offset: int = Offset) -> JSONResponse:
    state = state_of(request)
    stories = [s for s in state.table("stories") if not q or q.lower() in s.title.lower()]
    return _page(stories, limit, offset, lambda s: _story_json(state, s))


@router.get("/stories/{story_id}", responses=NOT_FOUND, summary="One story")
def get_story(request: Request, story_id: str) -> JSONResponse:
    state = state_of(request)
    return JSONResponse(_story_json(state, _one(state, "stories", story_id)))


@router.get("/stories/{story_id}/report-data", responses=NOT_FOUND,
            summary="Everything the story page shows: the story's analysis (documents with text included)")
def story_report_data(request: Request, story_id: str) -> JSONResponse:
    state = state_of(request)
    _one(state, "stories", story_id)

    def build() -> dict[str, Any]:
        analysis: Analysis = state.read(lambda s: s.load_analysis(story=story_id))
        data: dict[str, Any] = to_json(analysis)
        data.pop("rejected", None)
        return data | {"story": data["stories"][0]}

    return JSONResponse(state.memo(("report-data", story_id), build))


@router.get("/stories/{story_id}/views", responses=NOT_FOUND | {200: {
    "description": "The story's views", "content": {"application/json": {"schema": VIEWS_SCHEMA}}}},
            summary="What the HTML report shows for a story: key findings, claims matrix with its legend, "
                    "discrepancies by severity with both sides, copies, outlet profiles with tone evidence, "
                    "quotes grouped, actors, events")
def story_views_route(request: Request, story_id: str) -> JSONResponse:
    state = state_of(request)
    _one(state, "stories", story_id)

    def build() -> dict[str, Any]:
        analysis: Analysis = state.read(lambda s: s.load_analysis(story=story_id))
        return story_views(analysis, story_id, state.table("stories"))

    return JSONResponse(state.memo(("views", story_id), build))


# ------------------------------------------------------------------ claims


@router.get("/claims", responses=NOT_FOUND,
            summary="Claims with support / contradicted_by / silent documents")
def list_claims(
    request: Request, story: str | None = StoryF, kind: str | None = ClaimKindF, doc: str | None = ClaimDocF,
    contested: bool | None = ContestedF, limit: int = Limit, offset: int = Offset,
) -> JSONResponse:
    def keep(c: Claim) -> bool:
        if doc and doc not in (*c.support, *c.contradicted_by, *c.related, *c.silent):
            return False
        return contested is None or bool(c.contradicted_by) == contested

    claims = _where(state_of(request).table("claims"), story=story, kind=kind)
    return _page([c for c in claims if keep(c)], limit, offset)


@router.get("/claims/{claim_id}", responses=NOT_FOUND, summary="One claim")
def get_claim(request: Request, claim_id: str) -> JSONResponse:
    return _record(request, "claims", claim_id)


# ------------------------------------------------------------------ quotes


@router.get("/quotes", responses=NOT_FOUND,
            summary="Quotes; filter by speaker (entity id or name), outlet, story, doc, kind")
def list_quotes(
    request: Request, speaker: str | None = SpeakerF, outlet: str | None = OutletF, story: str | None = StoryF,
    doc: str | None = DocF, kind: str | None = QuoteKindF, limit: int = Limit, offset: int = Offset,
) -> JSONResponse:
    def by_speaker(q: Quote) -> bool:
        if not speaker:
            return True
        return speaker == q.speaker or (q.speaker_text or "").casefold() == speaker.casefold()

    state = state_of(request)
    scope = _doc_scope(state, story, outlet, doc)
    quotes = _where(state.table("quotes"), kind=kind)
    return _page([q for q in quotes if (scope is None or q.doc in scope) and by_speaker(q)], limit, offset)


@router.get("/quotes/{quote_id}", responses=NOT_FOUND, summary="One quote")
def get_quote(request: Request, quote_id: str) -> JSONResponse:
    return _record(request, "quotes", quote_id)


# ------------------------------------------------------------------ entities, events


@router.get("/entities", responses=NOT_FOUND,
            summary="Actors; filter by type, country, name (or alias), story, outlet, doc")
def list_entities(
    request: Request, type: str | None = TypeF, country: str | None = CountryF, name: str | None = NameF,
    story: str | None = StoryF, outlet: str | None = OutletF, doc: str | None = DocF,
    limit: int = Limit, offset: int = Offset,
) -> JSONResponse:
    def named(e: Entity) -> bool:
        return not name or name.casefold() in (n.casefold() for n in (e.name, *e.aliases))

    state = state_of(request)
    scope = _doc_scope(state, story, outlet, doc)
    found = _where(state.table("entities"), type=type, country=country)
    return _page([e for e in found if named(e) and _touches(e.mentions, scope)], limit, offset)


@router.get("/entities/{entity_id}", responses=NOT_FOUND, summary="One actor")
def get_entity(request: Request, entity_id: str) -> JSONResponse:
    return _record(request, "entities", entity_id)


@router.get("/events", responses=NOT_FOUND,
            summary="Events; filter by category, date, actor, story, outlet, doc")
def list_events(
    request: Request, category: str | None = CategoryF, date: str | None = DateF, actor: str | None = ActorF,
    story: str | None = StoryF, outlet: str | None = OutletF, doc: str | None = DocF,
    limit: int = Limit, offset: int = Offset,
) -> JSONResponse:
    def keep(e: Event) -> bool:
        return _touches(e.mentions, scope) and (not actor or actor in (*e.source, *e.target))

    state = state_of(request)
    scope = _doc_scope(state, story, outlet, doc)
    return _page([e for e in _where(state.table("events"), category=category, date=date) if keep(e)], limit, offset)


@router.get("/events/{event_id}", responses=NOT_FOUND, summary="One event")
def get_event(request: Request, event_id: str) -> JSONResponse:
    return _record(request, "events", event_id)


# ------------------------------------------------------------------ discrepancies, outlets


@router.get("/discrepancies", responses=NOT_FOUND,
            summary="Discrepancies; filter by kind, severity, story, claim")
def list_discrepancies(
    request: Request, kind: str | None = DiscKindF, severity: str | None = SeverityF, story: str | None = StoryF,
    claim: str | None = ClaimF, limit: int = Limit, offset: int = Offset,
) -> JSONResponse:
    state = state_of(request)
    found = _where(state.table("discrepancies"), kind=kind, severity=severity)
    if story:
        scope = _story_docs(state, story)
        claims = {c.id for c in state.table("claims") if c.story == story}
        found = [d for d in found if set(d.claims) & claims or _touches(d.mentions, scope)]
    return _page([d for d in found if not claim or claim in d.claims], limit, offset)


@router.get("/discrepancy-kinds", summary="Plain names of the discrepancy kinds and what each severity means")
def discrepancy_kinds() -> dict[str, Any]:
    return labels_json()


@router.get("/discrepancies/{disc_id}", responses=NOT_FOUND, summary="One discrepancy")
def get_discrepancy(request: Request, disc_id: str) -> JSONResponse:
    return _record(request, "discrepancies", disc_id)


@router.get("/outlets", responses=NOT_FOUND, summary="Outlet profiles; filter by story")
def list_outlets(request: Request, story: str | None = StoryF, limit: int = Limit, offset: int = Offset) -> JSONResponse:
    state = state_of(request)
    scope = _story_docs(state, story) if story else None
    return _page([o for o in state.table("outlets") if scope is None or set(o.documents) & scope], limit, offset)


@router.get("/outlets/{name}", responses=NOT_FOUND, summary="One outlet profile")
def get_outlet(request: Request, name: str) -> JSONResponse:
    return _record(request, "outlets", name)


@router.get("/stats", summary="How many records of each kind are stored")
def stats(request: Request) -> dict[str, int]:
    tables = ("documents", "stories", "claims", "quotes", "entities", "events", "discrepancies", "outlets")
    state = state_of(request)
    return {t: len(state.table(t)) for t in tables}
