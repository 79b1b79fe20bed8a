"""The records dateline produces: the output contract of DESIGN.md in code.

Every stage of the pipeline reads an :class:`Article` and adds its own fields to it.
Every filled field of an event or claim carries the character spans of
``Document.text`` it came from, in ``evidence`` (field name -> list of spans).
A field with no evidence stays empty: we never guess.

Names are ACLED's where ACLED has one, so that tools that read ACLED read us.
"""
from __future__ import annotations

import hashlib
import types
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field, fields
from typing import Any, TypeVar, Union, get_args, get_origin, get_type_hints

#: ACLED's column order, then dateline's additions. Extend, never rename.
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type",
    "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2",
    "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso", "region",
    "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
    "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)
DATELINE_COLUMNS: tuple[str, ...] = (
    "plover_type", "plover_mode", "modality", "quantities", "geonameid", "confidence", "doc_id",
    "evidence",
)

Evidence = dict[str, list["Span"]]


@dataclass(frozen=True)
class Span:
    """A half-open character range ``[start, end)`` of ``Document.text``."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


def span_of(text: str, start: int, end: int) -> Span:
    """The span of ``text[start:end]``; the one way stages make evidence."""
    return Span(start, end, text[start:end])


@dataclass
class Repair:
    """One change the text stage made to the raw input, in raw-text offsets."""

    kind: str  # "header", "credit", "split-glued", "whitespace", "mojibake", ...
    start: int
    end: int
    before: str
    after: str


@dataclass
class Document:
    """One article. ``doc_id`` is a hash of the repaired text, so re-ingesting is a no-op."""

    text: str
    title: str = ""
    url: str = ""
    source: str = ""
    published: str = ""  # ISO date, as precise as known: "2021-08" or "2021-08-03"
    published_precision: int | None = None  # ACLED's time_precision: 1 day, 2 week, 3 month
    origin: str = ""  # where it was read: "path:line"
    repairs: list[Repair] = field(default_factory=list)
    doc_id: str = ""

    def __post_init__(self) -> None:
        if not self.doc_id:
            self.doc_id = content_hash(self.title, self.text)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def first_day(event_date: str) -> str:
    """The first day of the period a date names: ``"2021"`` -> ``"2021-01-01"``, ``"2021-08"`` ->
    ``"2021-08-01"``; a day stays itself. ACLED writes that day and says the period in time_precision."""
    if len(event_date) == 4:
        return f"{event_date}-01-01"
    if len(event_date) == 7:
        return f"{event_date}-01"
    return event_date[:10]


def content_hash(title: str, text: str) -> str:
    """Stable id of an article's content (title and normalised text)."""
    norm = " ".join(text.split())
    return hashlib.sha256(f"{title.strip()}\n{norm}".encode("utf-8")).hexdigest()[:16]


@dataclass
class Entity:
    """A named entity as recognised by the nlp stage (and, for places, resolved by geo)."""

    text: str
    label: str  # spaCy's label: GPE, LOC, ORG, PERSON, NORP, ...
    start: int
    end: int
    geonameid: int | None = None


@dataclass
class Place:
    """A toponym resolved to the gazetteer by the geo stage."""

    span: Span
    name: str  # the gazetteer's name
    geonameid: int | None
    latitude: float | None
    longitude: float | None
    country: str = ""
    iso: str = ""  # ISO 3166-1 alpha-3
    admin1: str = ""
    admin2: str = ""
    feature: str = ""  # GeoNames feature class + code, e.g. "P.PPLA", "A.ADM1", "A.PCLI"
    geo_precision: int = 1  # 1 place, 2 near/part of a region, 3 province or wider
    confidence: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        """The place as ``dateline extract`` prints it: the fields, then the words it was read
        from as its evidence (as an event's)."""
        out = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "span"}
        out["evidence"] = {"name": [self.span.to_dict()]}
        return out


@dataclass
class DateMention:
    """A time expression resolved against the publication date by the dates stage."""

    span: Span
    date: str  # ISO, "2021-08-03"; a month "2021-08" or year "2020" when only that is known
    precision: int  # ACLED's time_precision: 1 day, 2 week, 3 month (or wider)
    historical: bool = False  # refers to a time well before publication ("last year")


@dataclass
class Event:
    """One event, as ACLED codes it, plus dateline's fields. Empty means: no evidence."""

    event_id_cnty: str = ""
    event_date: str = ""
    year: int | None = None
    time_precision: int | None = None
    disorder_type: str = ""
    event_type: str = ""
    sub_event_type: str = ""
    actor1: str = ""
    assoc_actor_1: str = ""
    inter1: str = ""
    actor2: str = ""
    assoc_actor_2: str = ""
    inter2: str = ""
    interaction: str = ""
    civilian_targeting: str = ""
    iso: str = ""
    region: str = ""
    country: str = ""
    admin1: str = ""
    admin2: str = ""
    admin3: str = ""
    location: str = ""
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    source: str = ""
    source_scale: str = ""
    notes: str = ""
    fatalities: int | None = None
    tags: str = ""
    timestamp: int | None = None
    plover_type: str = ""
    plover_mode: str = ""  # how it was done, in PLOVER's terms: "drone", "firearms", "detain", ...
    modality: str = ""  # asserted, claimed, denied, threatened, planned, negated, historical, hypothetical
    quantities: list[dict[str, Any]] = field(default_factory=list)  # {"kind", "value", "span"}
    geonameid: int | None = None
    confidence: float = 0.0
    doc_id: str = ""
    evidence: Evidence = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return _to_dict(self)


@dataclass
class Claim:
    """Who said what: a quote or a reported assertion, with its holder and disputes."""

    claim_id: str = ""
    speaker: str = ""
    speaker_role: str = ""
    quote: str = ""
    kind: str = ""  # "direct" or "reported"
    cue: str = ""  # "said", "according to", "claimed", ...
    stance: str = ""  # "assert", "deny", "reject", "claim-responsibility", ...
    disputed_by: list[str] = field(default_factory=list)  # claim_ids
    event_ids: list[str] = field(default_factory=list)  # events the claim is about
    confidence: float = 0.0
    doc_id: str = ""
    evidence: Evidence = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return _to_dict(self)


def column_kinds(record: type) -> dict[str, str]:
    """Field name -> ``int``, ``float``, ``text`` or ``json``, read from a record dataclass's types.

    The one source of the store's columns, the API's models and the export's column
    types: a new field of :class:`Event` reaches all three (plus a migration that adds
    its column to existing databases).
    """
    kinds: dict[str, str] = {}
    for name, hint in get_type_hints(record).items():
        if get_origin(hint) in (Union, types.UnionType):  # "int | None" is an int that may be missing
            hint = next(a for a in get_args(hint) if a is not type(None))
        if hint is bool or hint is int:
            kinds[name] = "int"
        elif hint is float:
            kinds[name] = "float"
        elif hint is str:
            kinds[name] = "text"
        else:  # lists and dicts (evidence, quantities, ids) are stored as JSON text
            kinds[name] = "json"
    return kinds


def _to_dict(record: Event | Claim) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in fields(record):
        value = getattr(record, f.name)
        if f.name == "evidence":
            value = {k: [s.to_dict() for s in spans] for k, spans in value.items()}
        out[f.name] = value
    return out


@dataclass
class Article:
    """The working record that flows through the pipeline; each stage adds its part.

    ``nlp`` holds the spaCy ``Doc`` of ``document.text`` (offsets are the same).
    """

    document: Document
    nlp: Any = None
    sentences: list[Span] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The extraction as the output contract prints it."""
        return {
            "document": self.document.to_dict(),
            "events": [e.to_dict() for e in self.events],
            "claims": [c.to_dict() for c in self.claims],
            "entities": [asdict(e) for e in self.entities],
            "places": [p.to_dict() for p in self.places],
        }


T = TypeVar("T")


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of ``size`` items in order (the last may be shorter): how articles are parsed
    and rows exported in batches, streaming, without holding the whole input."""
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
