"""Write routes: add articles (stored, then analysed by a job) and run analyses; job status.

POST bodies are dispatched by Content-Type: ``application/json`` (one article, a list, or
``{"articles": [...]}``), JSON Lines, ``text/plain``, ``text/html`` or ``multipart/form-data``
(``files`` parts and/or a ``text`` field). Every write needs the Bearer token.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel
from starlette.datastructures import UploadFile

from newsprism.api import intake
from newsprism.api.openapi import ARTICLE_REF, problem_responses
from newsprism.api.problems import Problem
from newsprism.api.state import ApiState, require_read, require_write, state_of
from newsprism.model import Analysis, Document

router = APIRouter(prefix="/api/v1", tags=["write"], responses=problem_responses(401, 429, 503))

_ARTICLE_BODY = {
    "requestBody": {
        "content": {
            "application/json": {"schema": {"anyOf": [
                ARTICLE_REF, {"type": "array", "items": ARTICLE_REF},
                {"type": "object", "required": ["articles"],
                 "properties": {"articles": {"type": "array", "items": ARTICLE_REF}}},
            ]}},
            "application/x-ndjson": {"schema": {"type": "string", "description": "one Article object per line"}},
            "text/plain": {"schema": {"type": "string"}},
            "text/html": {"schema": {"type": "string"}},
            "multipart/form-data": {"schema": {"type": "object", "properties": {
                "files": {"type": "array", "items": {"type": "string", "format": "binary"}},
                "text": {"type": "string"}}}},
        },
        "required": True,
    }
}


class JobIn(BaseModel):
    documents: list[str] | None = None


async def _uploads(request: Request, meta: dict[str, str], max_articles: int) -> list[intake.Upload]:
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype == "multipart/form-data":
        return await _multipart(request, max_articles)
    body = await request.body()
    if ctype in ("application/json", ""):
        articles = intake.articles_from_json(body)
    elif ctype in intake.JSONL_TYPES:
        articles = intake.articles_from_jsonl(body)
    elif ctype in ("text/plain", "text/html"):
        articles = [intake.article_from_text(body, ctype == "text/html", meta)]
    else:
        raise Problem(415, "unsupported-media-type",
                      f"cannot read a {ctype} body; send JSON, JSON Lines, text/plain, text/html or multipart")
    if len(articles) > max_articles:
        raise Problem(413, "too-many-articles", f"{len(articles)} articles; at most {max_articles} per request")
    return intake.uploads_from_articles(articles)


async def _multipart(request: Request, max_articles: int) -> list[intake.Upload]:
    form = await request.form(max_files=max_articles, max_fields=50, max_part_size=state_of(request).config.max_bytes)
    uploads: list[intake.Upload] = []
    taken: set[str] = set()
    for key, value in form.multi_items():
        if isinstance(value, UploadFile):
            data = await value.read()
            name = intake.safe_name(value.filename or key, taken)
            if name.endswith((".jsonl", ".ndjson")):
                intake.articles_from_jsonl(data, name)  # names the first bad line
            if not data.strip():
                raise intake.bad("empty-file", f"{name}: the file is empty", [{"item": name, "reason": "empty"}])
            uploads.append(intake.Upload(name, data))
        elif key == "text" and value.strip():
            uploads.append(intake.Upload(intake.safe_name("pasted.txt", taken), value.encode("utf-8")))
    if not uploads:
        raise intake.bad("no-articles", "the form holds no file and no text")
    return uploads


def _store_documents(state: ApiState, documents: tuple[Document, ...]) -> dict[str, int]:
    result = state.write(lambda s: s.save(Analysis(documents=documents)))
    return result.added


@router.post(
    "/articles", status_code=202, dependencies=[Depends(require_write)], openapi_extra=_ARTICLE_BODY,
    responses=problem_responses(400, 413, 415),
    summary="Add articles: store them and start an analysis job",
)
async def add_articles(
    request: Request,
    analyze: bool = Query(True, description="start an analysis job for the new documents"),
    title: str | None = Query(None, description="title, for a text/plain or text/html body"),
    outlet: str | None = Query(None, description="outlet, for a text/plain or text/html body"),
    url: str | None = Query(None, description="URL, for a text/plain or text/html body"),
    published: str | None = Query(None, description="publication date, for a text/plain or text/html body"),
) -> dict[str, Any]:
    state = state_of(request)
    meta = {"title": title or "", "outlet": outlet or "", "url": url or "", "published": published or ""}
    uploads = await _uploads(request, meta, state.config.max_articles)
    documents = await run_in_threadpool(intake.ingest_uploads, uploads)
    added = await run_in_threadpool(_store_documents, state, documents)
    job = state.jobs.submit(documents) if analyze else None
    return {
        "documents": [
            {"id": d.id, "title": d.title, "outlet": d.outlet, "source": d.source, "chars": len(d.text)}
            for d in documents
        ],
        "added": added.get("documents", 0),
        "job": job,
    }


@router.post("/jobs", status_code=202, dependencies=[Depends(require_write)],
             responses=problem_responses(400, 404, 409, 413),
             summary="Analyse stored documents (all, or the listed ids) in a background job")
def start_job(request: Request, body: JobIn | None = None) -> dict[str, Any]:
    state = state_of(request)
    ids = body.documents if body and body.documents is not None else None
    stored = state.by_key("documents")
    documents = [stored[i] for i in dict.fromkeys(ids) if i in stored] if ids is not None else state.table("documents")
    if ids is not None:
        missing = sorted(set(ids) - {d.id for d in documents})
        if missing:
            raise Problem(404, "unknown-document", f"no stored document {', '.join(missing)}",
                          [{"item": m, "reason": "not stored"} for m in missing])
    if not documents:
        raise Problem(409, "nothing-to-analyse", "there is no stored document to analyse")
    result: dict[str, Any] = state.jobs.submit(documents)
    return result


@router.get("/jobs", dependencies=[Depends(require_read)], tags=["read"], summary="Jobs, newest first")
def list_jobs(request: Request) -> dict[str, Any]:
    items = state_of(request).jobs.all()
    return {"items": items, "total": len(items)}


@router.get("/jobs/{job_id}", dependencies=[Depends(require_read)], tags=["read"], responses=problem_responses(404),
            summary="A job's stage, progress, result story ids or error")
def get_job(request: Request, job_id: str) -> dict[str, Any]:
    job: dict[str, Any] | None = state_of(request).jobs.get(job_id)
    if job is None:
        raise Problem(404, "not-found", f"no job {job_id!r}")
    return job
