"""HTTP routes over documents: the list, one record, the document view, and
submitting a page (only when the server was started with ingest allowed)."""
from __future__ import annotations

import hashlib
import hmac
import re
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, HTTPException
from pydantic import BaseModel, Field

from dateline.serve import aggregates, doctext
from dateline.store import Store
from dateline.serve.filters import Page, page_params
from dateline.serve.routes_events import open_store, paged
from dateline.serve.settings import Settings, settings_of

router = APIRouter(prefix="/api", tags=["documents"])

CurrentSettings = Annotated[Settings, Depends(settings_of)]
Paging = Annotated[Page, Depends(page_params)]
_UNSAFE_ID = re.compile(r"[^A-Za-z0-9._-]+")


class Submission(BaseModel):
    """A page to process and store."""

    content: str = Field(min_length=1, description="The page: HTML or plain text")
    doc_id: str | None = Field(default=None, max_length=100,
                               description="Id to store it under (letters, digits, . _ -)")
    url: str | None = Field(default=None, max_length=2000)


@router.get("/meta", summary="Totals and what this server allows")
def meta(settings: CurrentSettings) -> dict[str, Any]:
    with open_store(settings) as store:
        counts = store.counts()
    return {"counts": counts, "ingest": settings.allow_ingest,
            "max_body_bytes": settings.max_body_bytes}


@router.get("/documents", summary="Stored documents, most recently stored first")
def list_documents(settings: CurrentSettings, page: Paging) -> dict[str, Any]:
    rows = aggregates.documents(settings.db_path, limit=page.limit + 1, offset=page.offset)
    return paged(rows, page, "documents")


def _record(settings: Settings, doc_id: str) -> dict[str, Any]:
    with open_store(settings) as store:
        try:
            return store.record(doc_id)
        except KeyError:
            raise HTTPException(404, f"no document {doc_id!r}") from None


# Declared before the record route: its path parameter would otherwise take "…/view".
@router.get("/documents/{doc_id:path}/view",
            summary="The record with the cleaned article cut into paragraphs, event "
                    "sentences marked")
def view_document(doc_id: str, settings: CurrentSettings) -> dict[str, Any]:
    record = _record(settings, doc_id)
    with Store(settings.db_path) as store:
        kept = store.article_text(doc_id)
    if kept is not None:
        return doctext.document_view(record, kept)
    source = aggregates.document_source(settings.db_path, doc_id)
    cleaned = None
    if source is not None:
        dirs = (*settings.text_dirs, settings.db_path.parent)
        raw = doctext.find_raw(source[0], source[1], dirs)
        cleaned = doctext.clean_again(raw) if raw is not None else None
    return doctext.document_view(record, cleaned)


@router.get("/documents/{doc_id:path}", summary="One stored document's record (records.md shape)")
def get_document(doc_id: str, settings: CurrentSettings) -> dict[str, Any]:
    return _record(settings, doc_id)


def _check_token(settings: Settings, authorization: str | None) -> None:
    if not settings.allow_ingest:
        raise HTTPException(403, "submitting documents is off (start with --allow-ingest)")
    given = (authorization or "").removeprefix("Bearer ").strip()
    if not settings.token or not hmac.compare_digest(given.encode(), settings.token.encode()):
        raise HTTPException(401, "a valid token is required (Authorization: Bearer <token>)",
                            headers={"WWW-Authenticate": "Bearer"})


def safe_doc_id(wanted: str | None, data: bytes) -> str:
    """The caller's id made safe for a file name, else one from the content hash."""
    cleaned = _UNSAFE_ID.sub("-", wanted or "").strip("-.")[:100]
    return cleaned or "submitted-" + hashlib.sha256(data).hexdigest()[:16]


@router.post("/documents", status_code=201,
             summary="Process a page with the pipeline and store it (ingest must be on)")
def submit_document(submission: Submission, settings: CurrentSettings,
                    authorization: Annotated[str | None, Header()] = None) -> dict[str, Any]:
    from dateline.ingest import read_bytes
    from dateline.pipeline import Failure, run
    from dateline.records import InputError
    from dateline.schema import validate_record

    _check_token(settings, authorization)
    data = submission.content.encode("utf-8")
    doc_id = safe_doc_id(submission.doc_id, data)
    with settings.ingest_lock:
        settings.pages_dir.mkdir(parents=True, exist_ok=True)
        path = settings.pages_dir / f"{doc_id}.page"
        path.write_bytes(data)
        try:
            raws = read_bytes(data, str(path), doc_id)
        except InputError as err:
            raise HTTPException(422, str(err)) from None
        for raw in raws:
            raw.url = raw.url or submission.url
        stored = []
        with open_store(settings) as store:
            for out in run(raws):
                if isinstance(out, Failure):
                    store.record_failure(out.origin, out.stage, out.error)
                    raise HTTPException(422, out.line())
                record = out.record.to_dict()
                validate_record(record)
                status = store.store_record(record, content_hash=out.content_hash,
                                            origin=out.raw.origin, url=out.raw.url,
                                            text=out.record.article.text, story=out.record.article.blocks)
                stored.append({"doc_id": record["doc"]["id"], "status": status,
                               "events": len(record["events"])})
    return {"documents": stored}
