"""The rows the event layouts (GDELT, PLOVER) are written from: one ``EventView`` per event or per story.

Both layouts read the same view, so an event exported as GDELT and as PLOVER carries the same day,
actors, counts and citation. Rows stream from DuckDB in a fixed order; document texts stay in the
database (only the end of each lead paragraph is computed there).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import duckdb

from rasd.export.common import event_day, iter_rows, lead_end_sql
from rasd.resources import Resources


@dataclass(frozen=True, slots=True)
class ActorView:
    code: str  # rasd actor code, e.g. "CHN-GOV", "UN", "YEM-REB"
    name: str | None  # English name of the person or body (events.source_name)
    text: str | None  # surface text in the document
    entity_id: str | None  # Wikidata id of the named person, when the document's people row has one
    role: str | None  # that person's office


@dataclass(frozen=True, slots=True)
class EventView:
    key: str  # event_id, or story_id for a story
    event_ids: tuple[str, ...]  # the events behind this row (one for an event)
    type: str
    mode: str | None
    contexts: tuple[str, ...]
    source: ActorView
    target: ActorView
    joint: bool
    day: dt.date | None
    day_source: str | None  # which of common.DAY_SOURCES answered
    date: str | None  # the event's own date as coded (YYYY-MM-DD, YYYY-MM, YYYY or None)
    date_precision: str | None
    place_name: str | None
    place_country: str | None
    lat: float | None
    lon: float | None
    cameo: str
    goldstein: float
    quad_class: int
    plover_score: float | None
    num_mentions: int
    num_sources: int
    num_articles: int
    is_root: bool
    doc_id: str | None
    url: str | None
    title: str | None
    publication: str | None  # documents.source
    published: str | None
    language: str | None
    sentence: str | None
    sentence_start: int | None
    sentence_end: int | None
    evidence: tuple[tuple[int, int], ...]
    confidence: float | None
    rule: str | None


# One event row with its document, lead paragraph, story counts and the people rows behind its actors.
_EVENT_COLUMNS = f"""
    e.*, d.url, d.title, d.source AS doc_source, d.published, d.language,
    e.sentence_start < {lead_end_sql("d.text", "d.dateline_end")} AS is_root,
    (SELECT any_value(p.entity_id ORDER BY p.person_no) FROM people p
      WHERE p.doc_id = e.doc_id AND p.name = e.source_name) AS source_entity_id,
    (SELECT any_value(p.role ORDER BY p.person_no) FROM people p
      WHERE p.doc_id = e.doc_id AND p.name = e.source_name) AS source_role,
    (SELECT any_value(p.entity_id ORDER BY p.person_no) FROM people p
      WHERE p.doc_id = e.doc_id AND p.name = e.target_name) AS target_entity_id,
    (SELECT any_value(p.role ORDER BY p.person_no) FROM people p
      WHERE p.doc_id = e.doc_id AND p.name = e.target_name) AS target_role
"""

EVENTS_SQL = f"""
WITH story_counts AS (
    SELECT event_id, max(num_mentions) AS num_mentions, max(num_sources) AS num_sources,
           max(num_articles) AS num_articles
    FROM (SELECT unnest(event_ids) AS event_id, num_mentions, num_sources, num_articles FROM stories)
    GROUP BY event_id
)
SELECT {_EVENT_COLUMNS}, sc.num_mentions AS story_mentions, sc.num_sources AS story_sources,
       sc.num_articles AS story_articles
FROM events e
LEFT JOIN documents d ON d.doc_id = e.doc_id
LEFT JOIN story_counts sc ON sc.event_id = e.event_id
ORDER BY e.doc_id, e.sentence_start, e.event_id
"""

# Every story with its events, the earliest-published article first (that one is the story's citation).
STORIES_SQL = f"""
WITH members AS (SELECT story_id, unnest(event_ids) AS member_id FROM stories)
SELECT s.story_id, s.type AS story_type, s.a AS story_a, s.b AS story_b, s.day AS story_day,
       s.num_mentions AS story_mentions, s.num_sources AS story_sources, s.num_articles AS story_articles,
       s.first_seen AS story_first_seen, s.event_ids AS story_event_ids, s.goldstein AS story_goldstein,
       s.quad_class AS story_quad_class, s.cameo AS story_cameo, {_EVENT_COLUMNS}
FROM stories s
LEFT JOIN members m ON m.story_id = s.story_id
LEFT JOIN events e ON e.event_id = m.member_id
LEFT JOIN documents d ON d.doc_id = e.doc_id
ORDER BY s.story_id, d.published NULLS LAST, e.event_id NULLS LAST
"""


def _actor(row: dict[str, Any], side: str) -> ActorView:
    return ActorView(
        code=row[side],
        name=row.get(f"{side}_name"),
        text=row.get(f"{side}_text"),
        entity_id=row.get(f"{side}_entity_id"),
        role=row.get(f"{side}_role"),
    )


def _evidence(value: Any) -> tuple[tuple[int, int], ...]:
    return tuple((int(span[0]), int(span[1])) for span in value or () if span is not None and len(span) == 2)


def _view(row: dict[str, Any], **override: Any) -> EventView:
    """A view of one event row; ``override`` replaces fields (a story's counts, day, actors)."""
    day, day_source = event_day(row.get("day"), row.get("date"), row.get("published"))
    fields: dict[str, Any] = {
        "key": row["event_id"],
        "event_ids": (row["event_id"],),
        "type": row["type"],
        "mode": row.get("mode"),
        "contexts": tuple(row.get("contexts") or ()),
        "source": _actor(row, "source"),
        "target": _actor(row, "target"),
        "joint": bool(row.get("joint")),
        "day": day,
        "day_source": day_source,
        "date": row.get("date"),
        "date_precision": row.get("date_precision"),
        "place_name": row.get("place_name"),
        "place_country": row.get("place_country"),
        "lat": row.get("lat"),
        "lon": row.get("lon"),
        "cameo": row["cameo"],
        "goldstein": float(row["goldstein"]),
        "quad_class": int(row["quad_class"]),
        "plover_score": row.get("plover_score"),
        "num_mentions": row.get("story_mentions") or 1,
        "num_sources": row.get("story_sources") or 1,
        "num_articles": row.get("story_articles") or 1,
        "is_root": bool(row.get("is_root")),
        "doc_id": row.get("doc_id"),
        "url": row.get("url"),
        "title": row.get("title"),
        "publication": row.get("doc_source"),
        "published": row.get("published"),
        "language": row.get("language"),
        "sentence": row.get("sentence"),
        "sentence_start": row.get("sentence_start"),
        "sentence_end": row.get("sentence_end"),
        "evidence": _evidence(row.get("evidence")),
        "confidence": row.get("confidence"),
        "rule": row.get("rule"),
    }
    fields.update(override)
    return EventView(**fields)


def event_views(con: duckdb.DuckDBPyConnection) -> Iterator[EventView]:
    """One view per row of ``events``, in document and evidence order."""
    for row in iter_rows(con, EVENTS_SQL):
        yield _view(row)


def _base(code: str) -> str:
    return code.split("-")[0]


def _recode(actor: ActorView, code: str) -> ActorView:
    """The actor under the story's code, keeping its names only when it is the same state or body."""
    if _base(actor.code) == _base(code):
        return ActorView(code, actor.name, actor.text, actor.entity_id, actor.role)
    return ActorView(code, None, None, None, None)


def _story_view(rows: list[dict[str, Any]]) -> EventView:
    first = rows[0]
    members = [r for r in rows if r.get("event_id") is not None]
    a, b = first["story_a"], first["story_b"]
    story = {
        "key": first["story_id"],
        "event_ids": tuple(first["story_event_ids"] or ()),
        "type": first["story_type"],
        "cameo": first["story_cameo"],
        "goldstein": float(first["story_goldstein"]),
        "quad_class": int(first["story_quad_class"]),
        "num_mentions": first["story_mentions"],
        "num_sources": first["story_sources"],
        "num_articles": first["story_articles"],
    }
    if not members:  # a story whose events are gone: its own fields only
        row = {
            "event_id": first["story_id"],
            "type": first["story_type"],
            "source": a,
            "target": b,
            "cameo": first["story_cameo"],
            "goldstein": first["story_goldstein"],
            "quad_class": first["story_quad_class"],
            "day": first["story_day"],
            "published": first["story_first_seen"],
        }
        return _view(row, **story)
    rep = members[0]
    # A story's pair is country-level ("CHN" for "CHN-GOV"), listed smaller first for symmetric types:
    # the codes are the story's, the names those of the representative's side with that country.
    source, target = _actor(rep, "source"), _actor(rep, "target")
    if _base(source.code) != a and _base(target.code) == a:
        source, target = target, source
    source = _recode(source, a)
    target = _recode(target, b)
    placed = next((r for r in members if r.get("place_name") or r.get("place_country")), rep)
    override: dict[str, Any] = {
        **story,
        "source": source,
        "target": target,
        "is_root": any(bool(r.get("is_root")) for r in members),
        "place_name": placed.get("place_name"),
        "place_country": placed.get("place_country"),
        "lat": placed.get("lat"),
        "lon": placed.get("lon"),
    }
    if first["story_day"] is not None:
        override["day"], override["day_source"] = first["story_day"], "day"
    return _view(rep, **override)


def story_views(con: duckdb.DuckDBPyConnection) -> Iterator[EventView]:
    """One view per row of ``stories``: the story's pair, day and counts; its earliest article's citation,
    names and sentence; the place of its first event that has one."""
    for _, group in itertools.groupby(iter_rows(con, STORIES_SQL), key=lambda r: r["story_id"]):
        yield _story_view(list(group))


def place_kinds(res: Resources) -> dict[tuple[str, str], str]:
    """(English name, ISO3) → gazetteer kind (capital, city, region): how precise an event's place is."""
    kinds: dict[tuple[str, str], str] = {}
    for place in res.places:
        kinds.setdefault((place.name_en, place.country), place.kind)
    return kinds


def views(con: duckdb.DuckDBPyConnection, table: str) -> Iterator[EventView]:
    return story_views(con) if table == "stories" else event_views(con)
