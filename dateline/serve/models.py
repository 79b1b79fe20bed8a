"""Response models: they make the OpenAPI schema say what each endpoint returns.

They are permissive on purpose (extra columns allowed, most fields optional): the
output contract grows by adding fields, and an older client must keep working.
The event and claim models are generated from the record dataclasses
(:mod:`dateline.records`), so a new field is documented here without an edit.
"""
from __future__ import annotations

from dataclasses import fields
from typing import Any, get_type_hints

from pydantic import BaseModel, ConfigDict, create_model

from dateline import records
from dateline.records import column_kinds
from dateline.serve.queries import SUMMARY_COLUMNS


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Span(Open):
    start: int
    end: int
    text: str = ""


Evidence = dict[str, list[Span]]
#: Python types of the record kinds (JSON fields keep their dataclass type, evidence its model).
_TYPES: dict[str, Any] = {"int": int, "float": float, "text": str}


def record_fields(record: type, names: list[str] | None = None, required: tuple[str, ...] = (),
                  **extra: Any) -> dict[str, Any]:
    """Pydantic field definitions for ``record``'s fields (``names`` of them, in that order),
    optional unless ``required``; ``extra`` adds store-only fields."""
    kinds = column_kinds(record)
    hints = get_type_hints(record)
    out: dict[str, Any] = {}
    for name in names or [f.name for f in fields(record)]:
        if name not in kinds:
            continue
        kind = kinds[name]
        python = Evidence if name == "evidence" else _TYPES.get(kind, hints[name])
        out[name] = (python, ...) if name in required else (python | None, None)
    return {**out, **extra}


def _model(name: str, base: type[BaseModel], doc: str, definitions: dict[str, Any]) -> Any:
    model = create_model(name, __base__=base, __doc__=doc, **definitions)
    model.__module__ = __name__
    return model


EventSummary = _model(
    "EventSummary", Open, "What a map or a table needs; ``full=true`` adds every column.",
    record_fields(records.Event, list(SUMMARY_COLUMNS), required=("event_id_cnty",),
                  n_sources=(int | None, None)))
_CLAIM_REF = ["claim_id", "doc_id", "speaker", "speaker_role", "quote", "stance", "evidence"]
ClaimRef = _model("ClaimRef", Open, "A claim as a list names it: who said what, with its evidence.",
                  record_fields(records.Claim, _CLAIM_REF, required=("claim_id",)))


class EventPage(BaseModel):
    items: list[EventSummary]  # type: ignore[valid-type]
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


EventDetail = _model(
    "EventDetail", EventSummary, "One event: every field of the record, its sources and the claims about it.",
    record_fields(records.Event, [f.name for f in fields(records.Event) if f.name not in SUMMARY_COLUMNS],
                  sources=(list[Source], ...), claims=(list[ClaimRef], ...)))
Claim = _model(
    "Claim", ClaimRef, "A claim, with the claims that dispute it and those it disputes.",
    record_fields(records.Claim, [f.name for f in fields(records.Claim) if f.name not in _CLAIM_REF],
                  disputes=(list[ClaimRef], ...), disputing=(list[ClaimRef], ...)))


class ClaimPage(BaseModel):
    items: list[Claim]  # type: ignore[valid-type]
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
