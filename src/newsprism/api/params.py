"""Documented query parameters and response examples for the read API's OpenAPI schema.

Each filter is one ``Query`` object with a description and an example, shared by every list
route that takes it, so /docs and /openapi.json describe the same filter the same way.
Example ids have the shape ``model.make_id`` gives (prefix + 12 hex digits); the values are made up.
"""

from __future__ import annotations

from typing import Any

from fastapi import Query

from newsprism.model import PLOVER_CATEGORIES


def _q(description: str, example: Any, default: Any = None, **kw: Any) -> Any:
    return Query(default, description=description, examples=[example], **kw)


Limit = _q("page size (1-1000)", 50, 50, ge=1, le=1000)
Offset = _q("items to skip, for paging", 0, 0, ge=0)
StoryF = _q("only records from this story's documents (a story id)", "story_3f9a1c2b7d4e")
OutletF = _q("only records from this outlet's documents (outlet name as stored)", "Reuters")
DocF = _q("only records found in this document (a document id)", "doc_8b1e0f4a9c21")
GenreF = _q("document genre: news, opinion, analysis, explainer or unknown", "news")
PublishedF = _q("publication date, exactly as stored (ISO 8601 date)", "2025-02-18")
FullF = _q("true: include text, body range and removed spans", False, False)
TitleQ = _q("words in the story title (case-insensitive substring)", "ceasefire")
ClaimKindF = _q("claim kind: factual, opinion or rhetorical", "factual")
ClaimDocF = _q("claims this document supports, contradicts or is silent on (a document id)", "doc_8b1e0f4a9c21")
ContestedF = _q("true: only claims some document contradicts; false: only uncontested ones", True)
SpeakerF = _q("speaker: an entity id, or the speaker's name as written (case-insensitive)", "Jane Smith")
QuoteKindF = _q("quote kind: direct or indirect", "direct")
TypeF = _q("entity type: PERSON, ORG, GPE, LOC, NORP, FAC, EVENT or OTHER", "PERSON")
CountryF = _q("the country an actor is tied to (a country name)", "France")
NameF = _q("an actor's name or one of its aliases (case-insensitive, whole name)", "World Health Organization")
CategoryF = _q(f"PLOVER event category, one of: {', '.join(PLOVER_CATEGORIES)}", "MEET")
DateF = _q("event date, exactly as resolved (ISO 8601)", "2025-02-18")
ActorF = _q("an entity id that is the event's source or target", "ent_5c0d2e7f1a93")
DiscKindF = _q("discrepancy kind: number, count, date, weekday, role, quote_wording, quote_speaker, "
               "event_verb, name_spelling ...", "number")
SeverityF = _q("severity: low, medium or high", "high")
ClaimF = _q("only discrepancies about this claim (a claim id)", "claim_2a7b9e4c0d16")


def page_example(item: dict[str, Any]) -> dict[int | str, dict[str, Any]]:
    """The ``responses`` entry of a list route: one page holding ``item``."""
    page = {"items": [item], "total": 1, "limit": 50, "offset": 0}
    return {200: {"description": "one page: items, total matching, limit, offset",
                  "content": {"application/json": {"example": page}}}}
