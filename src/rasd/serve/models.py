"""Response models of the HTTP API (pydantic): what each endpoint returns, described in the OpenAPI
schema. Field meanings are those of docs/records.md and docs/store.md."""

from __future__ import annotations

from pydantic import BaseModel, Field


class ErrorBody(BaseModel):
    code: str = Field(description="Q400 bad parameter, H404 not found, H413/H414 too large, H429 rate limited, …")
    status: int
    message: str = Field(description="What was wrong and what is allowed.")


class ErrorResponse(BaseModel):
    """Every error, whatever its cause, has this one shape."""

    error: ErrorBody


class Event(BaseModel):
    event_id: str
    date: str | None = Field(description="The event's own date, else its document's published date.")
    date_from_published: bool
    type: str
    source: str
    target: str
    source_name: str | None
    target_name: str | None
    cameo: str
    quad_class: int
    goldstein: float
    place: str | None
    place_country: str | None
    trigger: str
    evidence: str = Field(description="The evidence sentence, in Arabic.")
    confidence: float
    doc_id: str
    published: str | None
    outlet: str | None
    url: str | None
    duplicate_of: str | None
    rule: str
    label: str = Field(description="English: the CAMEO label, Goldstein score and quad class.")


class EventPage(BaseModel):
    total: int = Field(description="Events matching the filters, all pages together.")
    offset: int
    limit: int
    items: list[Event]


class Actor(BaseModel):
    actor: str
    name: str
    events: int
    as_source: int
    as_target: int
    goldstein: float | None
    first: str | None
    last: str | None


class Pair(BaseModel):
    a: str
    b: str
    a_name: str
    b_name: str
    events: int
    coop: int = Field(description="Events of quad classes 1 and 2.")
    conflict: int = Field(description="Events of quad classes 3 and 4.")
    goldstein: float | None
    first: str | None
    last: str | None


class Step(BaseModel):
    date: str
    level: str
    rank: int
    change: str
    doc_id: str


class Month(BaseModel):
    month: str
    level: str | None
    rank: int | None
    events: int
    verbal_coop: int
    material_coop: int
    verbal_conflict: int
    material_conflict: int
    goldstein: float | None


class Timeline(BaseModel):
    a: str
    b: str
    a_name: str
    b_name: str
    steps: list[Step]
    months: list[Month]
    undated_events: int
    undated_partnerships: int


class Partnership(BaseModel):
    a: str
    b: str
    level: str
    rank: int
    change: str
    date: str | None
    date_from_published: bool
    doc_id: str
    evidence_start: int
    evidence_end: int
    text: str


class PartnershipPage(BaseModel):
    total: int
    offset: int
    limit: int
    items: list[Partnership]


class DocumentSummary(BaseModel):
    doc_id: str
    title: str | None
    headline: str = Field(description="The first line of the text, cut at 160 characters.")
    published: str | None
    source: str | None
    url: str | None
    language: str
    flags: list[str]
    duplicate_of: str | None
    events: int


class DocumentPage(BaseModel):
    total: int
    offset: int
    limit: int
    items: list[DocumentSummary]


class Span(BaseModel):
    start: int = Field(description="Code point offset into text.")
    end: int = Field(description="End, exclusive.")
    kind: str = Field(description="trigger, actor, date, place or partnership")
    code: str
    label: str
    title: str = Field(description="Code and English label of every annotation on this stretch, one per line.")
    event_ids: list[str]


class DocEvent(BaseModel):
    event_id: str
    type: str
    mode: str | None
    source: str
    target: str
    joint: bool
    source_name: str | None
    target_name: str | None
    source_start: int | None
    source_end: int | None
    target_start: int | None
    target_end: int | None
    date: str | None
    date_precision: str | None
    date_text: str | None
    place_name: str | None
    place_country: str | None
    cameo: str
    goldstein: float
    quad_class: int
    trigger: str
    trigger_start: int
    trigger_end: int
    sentence_start: int
    sentence_end: int
    sentence: str
    confidence: float
    rule: str
    label: str


class Mention(BaseModel):
    person_no: int
    start: int
    end: int
    text: str
    name: str
    name_ar: str | None
    country: str | None
    role: str | None
    entity_id: str | None


class DocPartnership(BaseModel):
    partnership_no: int
    a: str
    b: str
    level: str
    rank: int
    change: str
    date: str | None
    evidence_start: int
    evidence_end: int
    text: str


class Document(BaseModel):
    doc_id: str
    title: str | None
    url: str | None
    source: str | None
    published: str | None
    published_source: str | None
    dateline_place: str | None
    dateline_date: str | None
    dateline_agency: str | None
    dateline_start: int | None
    dateline_end: int | None
    language: str
    flags: list[str]
    duplicate_of: str | None
    text: str
    events: list[DocEvent]
    mentions: list[Mention]
    partnerships: list[DocPartnership]
    spans: list[Span]


class LastRun(BaseModel):
    run_id: str
    started_at: str
    finished_at: str
    rasd_version: str


class Stats(BaseModel):
    counts: dict[str, int] = Field(description="Rows per table.")
    actors: int = Field(description="Distinct country-level actor codes in events.")
    first: str | None
    last: str | None
    quad_classes: dict[int, int]
    types: dict[str, int]
    languages: dict[str, int]
    duplicates: int
    last_run: LastRun | None


class Meta(BaseModel):
    version: str
    types: list[str]
    quad_classes: dict[int, str]
    ladder: dict[int, list[str]] = Field(description="Partnership rank → the levels at that rung.")
    page_rows: int
    max_page_rows: int
    max_rows: int
