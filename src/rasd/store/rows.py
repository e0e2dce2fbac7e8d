"""CodedDocument → rows of the store's tables, as Arrow tables: the one mapping from records to columns.

Each table's Arrow schema lists the columns of ``schema.sql`` in order (a test compares them), so a
batch is written with one ``INSERT … SELECT`` per table. Child rows carry the document id and the
evidence offsets into ``documents.text``; the evidence is also kept as text, so queries need no slicing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from rasd.records import ActorRef, CodedDocument, Document, Event

_STR = pa.string()
_INT = pa.int32()
_SPANS = pa.list_(pa.list_(pa.int32()))

DOCUMENTS = pa.schema(
    [
        ("doc_id", _STR),
        ("text_sha1", _STR),
        ("url", _STR),
        ("title", _STR),
        ("source", _STR),
        ("published", _STR),
        ("published_source", _STR),
        ("dateline_place", _STR),
        ("dateline_date", _STR),
        ("dateline_agency", _STR),
        ("dateline_start", _INT),
        ("dateline_end", _INT),
        ("language", _STR),
        ("flags", pa.list_(_STR)),
        ("duplicate_of", _STR),
        ("text", _STR),
        ("run_id", _STR),
        ("minhash_bands", pa.list_(pa.int64())),
    ]
)
PEOPLE = pa.schema(
    [
        ("doc_id", _STR),
        ("person_no", _INT),
        ("name", _STR),
        ("name_ar", _STR),
        ("country", _STR),
        ("role", _STR),
        ("entity_id", _STR),
    ]
)
MENTIONS = pa.schema([("doc_id", _STR), ("person_no", _INT), ("start", _INT), ("end", _INT), ("text", _STR)])
EVENTS = pa.schema(
    [
        ("event_id", _STR),
        ("doc_id", _STR),
        ("type", _STR),
        ("mode", _STR),
        ("contexts", pa.list_(_STR)),
        ("source", _STR),
        ("target", _STR),
        ("joint", pa.bool_()),
        ("source_name", _STR),
        ("source_text", _STR),
        ("source_start", _INT),
        ("source_end", _INT),
        ("target_name", _STR),
        ("target_text", _STR),
        ("target_start", _INT),
        ("target_end", _INT),
        ("date", _STR),
        ("date_precision", _STR),
        ("date_text", _STR),
        ("day", pa.date32()),
        ("place_name", _STR),
        ("place_country", _STR),
        ("lat", pa.float64()),
        ("lon", pa.float64()),
        ("cameo", _STR),
        ("goldstein", pa.float64()),
        ("quad_class", _INT),
        ("plover_score", pa.float64()),
        ("trigger", _STR),
        ("trigger_start", _INT),
        ("trigger_end", _INT),
        ("sentence_start", _INT),
        ("sentence_end", _INT),
        ("sentence", _STR),
        ("evidence", _SPANS),
        ("confidence", pa.float64()),
        ("rule", _STR),
    ]
)
PARTNERSHIPS = pa.schema(
    [
        ("doc_id", _STR),
        ("partnership_no", _INT),
        ("a", _STR),
        ("b", _STR),
        ("level", _STR),
        ("rank", _INT),
        ("change", _STR),
        ("date", _STR),
        ("evidence_start", _INT),
        ("evidence_end", _INT),
        ("text", _STR),
    ]
)

# Tables written per document, parents first (deleted in the reverse order).
TABLES: dict[str, pa.Schema] = {
    "documents": DOCUMENTS,
    "people": PEOPLE,
    "mentions": MENTIONS,
    "events": EVENTS,
    "partnerships": PARTNERSHIPS,
}


def text_sha1(text: str) -> str:
    """The hash that tells a changed document (same id, new text) from one already stored."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """One document ready to write: its input, its coding and what the near-duplicate check found."""

    doc: Document
    coded: CodedDocument
    duplicate_of: str | None
    minhash_bands: list[int] | None


def _day(event: Event) -> dt.date | None:
    """The event's date as a DATE when it is known to the day (for ranges and stories)."""
    if event.date_precision != "day" or not event.date:
        return None
    try:
        return dt.date.fromisoformat(event.date[:10])
    except ValueError:
        return None


def _actor(ref: ActorRef | None) -> tuple[Any, Any, Any, Any]:
    if ref is None:
        return None, None, None, None
    return ref.name, ref.text, ref.start, ref.end


class BatchRows:
    """Columns of every table for a batch of documents, filled document by document."""

    def __init__(self, run_id: str) -> None:
        self.run_id = run_id
        self.columns: dict[str, dict[str, list[Any]]] = {
            name: {col: [] for col in schema.names} for name, schema in TABLES.items()
        }

    def _row(self, table: str, values: tuple[Any, ...]) -> None:
        cols = self.columns[table]
        for col, value in zip(cols.values(), values, strict=True):
            col.append(value)

    def add(self, item: StoredDocument) -> None:
        doc, coded, text = item.doc, item.coded, item.doc.text
        dl = coded.dateline
        self._row(
            "documents",
            (
                doc.id,
                text_sha1(text),
                coded.url,
                coded.title,
                coded.source,
                coded.published,
                coded.published_source,
                dl.place if dl else None,
                dl.date if dl else None,
                dl.agency if dl else None,
                dl.start if dl else None,
                dl.end if dl else None,
                coded.language,
                list(coded.flags),
                item.duplicate_of,
                text,
                self.run_id,
                item.minhash_bands,
            ),
        )
        for no, person in enumerate(coded.people, 1):
            self._row(
                "people", (doc.id, no, person.name, person.name_ar, person.country, person.role, person.entity_id)
            )
            for span in sorted(set(person.mentions)):
                self._row("mentions", (doc.id, no, span.start, span.end, span.slice(text)))
        for ev in coded.events:
            self._event(doc.id, ev, text)
        for no, p in enumerate(coded.partnerships, 1):
            row = (doc.id, no, p.a, p.b, p.level, p.rank, p.change, p.date, p.evidence.start, p.evidence.end, p.text)
            self._row("partnerships", row)

    def _event(self, doc_id: str, ev: Event, text: str) -> None:
        place = ev.place
        self._row(
            "events",
            (
                ev.event_id,
                doc_id,
                ev.type,
                ev.mode,
                list(ev.contexts),
                ev.source,
                ev.target,
                ev.joint,
                *_actor(ev.source_actor),
                *_actor(ev.target_actor),
                ev.date,
                ev.date_precision,
                ev.date_text,
                _day(ev),
                place.name if place else None,
                place.country if place else None,
                place.lat if place else None,
                place.lon if place else None,
                ev.cameo,
                ev.goldstein,
                ev.quad_class,
                ev.plover_score,
                ev.trigger,
                ev.trigger_span.start,
                ev.trigger_span.end,
                ev.sentence.start,
                ev.sentence.end,
                ev.sentence.slice(text),
                [s.as_list() for s in ev.evidence] or [ev.sentence.as_list()],
                ev.confidence,
                ev.rule,
            ),
        )

    def tables(self) -> dict[str, pa.Table]:
        """One Arrow table per store table, typed by its schema."""
        return {name: pa.table(self.columns[name], schema=schema) for name, schema in TABLES.items()}

    def count(self, table: str) -> int:
        return len(self.columns[table]["doc_id"])
