"""Response models: they make the OpenAPI schema say what each endpoint returns.

They are permissive on purpose (extra columns allowed, most fields optional): the
output contract grows by adding fields, and an older client must keep working.
"""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Span(Open):
    start: int
    end: int
    text: str = ""


Evidence = dict[str, list[Span]]


class EventSummary(Open):
    """What a map or a table needs; ``full=true`` adds every column."""

    event_id_cnty: str
    event_date: str | None = None
    time_precision: int | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor1: str | None = None
    actor2: str | None = None
    country: str | None = None
    iso: str | None = None
    admin1: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    fatalities: int | None = None
    plover_type: str | None = None
    plover_mode: str | None = None
    modality: str | None = None
    n_sources: int | None = None
    doc_id: str | None = None


class EventPage(BaseModel):
    items: list[EventSummary]
    next_cursor: str | None = None
    total: int


class Source(Open):
    """One article that reported the event, with the evidence it gave."""

    event_id_cnty: str
    mention_id: str
    doc_id: str
    notes: str | None = None
    evidence: Evidence | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None


class ClaimRef(Open):
    claim_id: str
    doc_id: str | None = None
    speaker: str | None = None
    speaker_role: str | None = None
    quote: str | None = None
    stance: str | None = None
    evidence: Evidence | None = None


class EventDetail(EventSummary):
    quantities: list[dict[str, Any]] | None = None
    evidence: Evidence | None = None
    sources: list[Source]
    claims: list[ClaimRef]


class Claim(ClaimRef):
    kind: str | None = None
    cue: str | None = None
    disputed_by: list[Any] | None = None
    event_ids: list[Any] | None = None
    confidence: float | None = None
    disputes: list[ClaimRef]
    disputing: list[ClaimRef]


class ClaimPage(BaseModel):
    items: list[Claim]
    next_cursor: str | None = None
    total: int


class DocumentSummary(Open):
    doc_id: str
    url: str | None = None
    title: str | None = None
    source: str | None = None
    published: str | None = None
    events: int | None = None
    claims: int | None = None


class DocumentPage(BaseModel):
    items: list[DocumentSummary]
    next_cursor: str | None = None
    total: int


class HighlightSpan(BaseModel):
    """An evidence span of the document: which record, which field, which characters."""

    record: str
    id: str
    field: str
    start: int
    end: int
    text: str = ""


class DocumentDetail(Open):
    doc_id: str
    text: str
    events: list[dict[str, Any]]
    claims: list[dict[str, Any]]
    spans: list[HighlightSpan]


class Actor(BaseModel):
    actor: str
    inter: str | None = None
    events: int
    as_actor1: int
    as_actor2: int
    first_date: str | None = None
    last_date: str | None = None


class Bucket(BaseModel):
    period: str
    event_type: str
    events: int
    fatalities: int


class Counts(BaseModel):
    by: str
    buckets: list[Bucket]
    by_type: dict[str, int]
    total: int


class Facets(BaseModel):
    country: dict[str, int]
    event_type: dict[str, int]
    sub_event_type: dict[str, int]
    plover_type: dict[str, int]
    first_date: str | None = None
    last_date: str | None = None
    events: int
    documents: int
    claims: int


class Problem(BaseModel):
    origin: str
    message: str


class IngestResult(BaseModel):
    stored: int
    skipped: int
    events: int
    claims: int
    errors: list[Problem]
    warnings: list[Problem]


class Error(BaseModel):
    detail: Any
    errors: list[Problem] | None = None
