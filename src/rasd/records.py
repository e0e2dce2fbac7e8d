"""The records rasd reads and writes, defined once (see ../shared/spec/record-format.md).

Every stage, the CLI and later the store and the HTTP API use these classes; ``to_dict`` gives the
JSON shape of the record format, with field names exactly as the contract spells them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Character offsets into the original ``Document.text`` (end exclusive)."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}:{self.end}")

    def slice(self, text: str) -> str:
        return text[self.start : self.end]

    def as_list(self) -> list[int]:
        return [self.start, self.end]


@dataclass(frozen=True, slots=True)
class Document:
    """One input document, as the readers build it from any source format."""

    id: str
    text: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    source: str | None = None
    origin: str | None = None  # file or archive member it came from, for error reports
    flags: tuple[str, ...] = ()  # set by readers: «encoding-repaired», «truncated»


@dataclass(frozen=True, slots=True)
class DatelineRecord:
    place: str | None  # English gazetteer name when known, else the Arabic surface form
    date: str | None
    agency: str | None
    start: int
    end: int
    place_ar: str | None = None
    hijri: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "place": self.place,
            "date": self.date,
            "agency": self.agency,
            "start": self.start,
            "end": self.end,
        }
        if self.place_ar is not None:
            out["place_ar"] = self.place_ar
        if self.hijri is not None:
            out["hijri"] = self.hijri
        return out


@dataclass(slots=True)
class Person:
    """A person named in a document, resolved to the office held at the document's date."""

    name: str
    name_ar: str
    country: str
    role: str | None
    entity_id: str | None
    mentions: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "name_ar": self.name_ar,
            "country": self.country,
            "role": self.role,
            "entity_id": self.entity_id,
            "mentions": [m.as_list() for m in sorted(self.mentions)],
        }


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str | None
    lat: float | None
    lon: float | None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "lat": self.lat, "lon": self.lon}


@dataclass(frozen=True, slots=True)
class ActorRef:
    """The detail behind an event's source or target code."""

    code: str
    name: str | None
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "text": self.text, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Event:
    event_id: str  # "<doc>-e<n>", numbered in evidence order
    type: str  # PLOVER name, e.g. "CONSULT"
    mode: str | None
    contexts: list[str]
    source: str  # actor code, e.g. "CHN" or "CHN-GOV"
    target: str
    joint: bool
    source_actor: ActorRef | None
    target_actor: ActorRef | None
    date: str | None
    date_precision: str | None
    date_text: str | None
    place: Place | None
    cameo: str
    goldstein: float
    quad_class: int
    plover_score: float
    trigger: str
    trigger_span: Span
    sentence: Span
    confidence: float
    rule: str
    evidence: list[Span] = field(default_factory=list)  # every sentence that states this fact

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "type": self.type,
            "mode": self.mode,
            "contexts": list(self.contexts),
            "source": self.source,
            "target": self.target,
            "joint": self.joint,
            "source_actor": self.source_actor.to_dict() if self.source_actor else None,
            "target_actor": self.target_actor.to_dict() if self.target_actor else None,
            "date": self.date,
            "date_precision": self.date_precision,
            "date_text": self.date_text,
            "place": self.place.to_dict() if self.place else None,
            "cameo": self.cameo,
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "plover_score": self.plover_score,
            "trigger": self.trigger,
            "trigger_span": self.trigger_span.as_list(),
            "sentence": self.sentence.as_list(),
            "evidence": [s.as_list() for s in self.evidence],
            "confidence": self.confidence,
            "rule": self.rule,
        }


@dataclass(slots=True)
class Partnership:
    a: str
    b: str
    level: str
    rank: int
    change: str  # established | upgraded | reaffirmed
    date: str | None
    evidence: Span
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": self.a,
            "b": self.b,
            "level": self.level,
            "rank": self.rank,
            "change": self.change,
            "date": self.date,
            "evidence": self.evidence.as_list(),
            "text": self.text,
        }


@dataclass(slots=True)
class CodedDocument:
    """The output record of one document (record-format.md, "Output document")."""

    id: str
    published: str | None
    published_source: str | None
    dateline: DatelineRecord | None
    language: str
    flags: list[str]
    people: list[Person]
    events: list[Event]
    partnerships: list[Partnership]
    url: str | None = None
    title: str | None = None
    source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "url": self.url,
            "title": self.title,
            "source": self.source,
            "published": self.published,
            "published_source": self.published_source,
            "dateline": self.dateline.to_dict() if self.dateline else None,
            "language": self.language,
            "flags": list(self.flags),
            "people": [p.to_dict() for p in self.people],
            "events": [e.to_dict() for e in self.events],
            "partnerships": [p.to_dict() for p in self.partnerships],
        }


@dataclass(frozen=True, slots=True)
class Problem:
    """One input item that could not be coded; the batch goes on without it."""

    source: str
    item: str | None
    code: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "item": self.item, "code": self.code, "reason": self.reason}
