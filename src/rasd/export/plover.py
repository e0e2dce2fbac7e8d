"""PLOVER JSONL: one JSON object per event (or per story) with the field names of the PLOVER manual.

Field names follow the "Data Fields" chapter of the PLOVER manual (Open Event Data Alliance, draft
0.7b1): ``id, date, actor, recipient, event, mode, context, event_text, event_loc, quad_code,
event_scale, text_info, cite_info, coder``; entity objects use ``code, sector, entity_text,
identifier_id, identifier_text, office``. Fields PLOVER has no name for are added with rasd's names,
as the manual allows. docs/exports.md ("PLOVER") explains each choice.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

import duckdb

from rasd import __version__
from rasd.export.source import ActorView, EventView, place_kinds, views
from rasd.resources import Resources, load_resources

CODER = f"rasd {__version__}"
CODEBOOK = "plover"  # rasd codes the 16 PLOVER types with PLOVER modes and contexts

# PLOVER location "resolution": 1 country, 2 province, 3 district, 4 city, 5 sub-city.
_RESOLUTION = {"capital": 4, "city": 4, "region": 2}


def entity(actor: ActorView) -> dict[str, Any]:
    """A PLOVER entity object: state or organisation code and sector, with the named person or body."""
    code, _, sector = actor.code.partition("-")
    return {
        "code": code,
        "sector": sector or None,
        "entity_text": actor.text,
        "identifier_id": actor.entity_id,
        "identifier_text": actor.name,
        "office": actor.role,
    }


def event_loc(view: EventView, res: Resources, kinds: dict[tuple[str, str], str]) -> dict[str, Any] | None:
    if not view.place_name and not view.place_country:
        return None
    country = res.countries.get(view.place_country or "")
    country_name = country.name_en if country else None
    is_country = not view.place_name or view.place_name == country_name
    kind = kinds.get((view.place_name or "", view.place_country or ""))
    return {
        "resolved_place": view.place_name or country_name,
        "lat": view.lat,
        "lon": view.lon,
        "city": view.place_name if kind in ("capital", "city") else None,
        "province": view.place_name if kind == "region" else None,
        "country": country_name,
        "country_code": view.place_country,
        "resolution": 1 if is_country else _RESOLUTION.get(kind or "", 4),
    }


def plover_record(view: EventView, res: Resources, kinds: dict[tuple[str, str], str]) -> dict[str, Any]:
    """The PLOVER object of one event or story (a fixed set of keys; absent values are null or [])."""
    actors = [entity(view.source)]
    recipients = [entity(view.target)]
    if view.joint:  # PLOVER: parties acting together are all actors, with no recipient
        actors, recipients = actors + recipients, []
    record: dict[str, Any] = {
        "id": view.key,
        "date": view.day.isoformat() if view.day else None,
        "actor": actors,
        "recipient": recipients,
        "event": [view.type],
        "mode": [view.mode] if view.mode else [],
        "context": list(view.contexts),
        "event_text": [view.sentence] if view.sentence else [],
        "event_loc": event_loc(view, res, kinds),
        "quad_code": view.quad_class,
        "event_scale": view.plover_score,
        "text_info": {
            "start": view.sentence_start,
            "end": view.sentence_end,
            "evidence": [list(span) for span in view.evidence],
        },
        "cite_info": {
            "corpus": "rasd",
            "citation": view.doc_id,
            "url": view.url,
            "title": view.title,
            "language": view.language,
            "publication": view.publication,
            "coder": CODER,
            "codebook": CODEBOOK,
        },
        "coder": CODER,
        # rasd fields PLOVER has no name for
        "language": view.language,
        "source_actor": view.source.name,
        "target_actor": view.target.name,
        "joint": view.joint,
        "date_source": view.day_source,
        "date_precision": view.date_precision,
        "cameo": view.cameo,
        "goldstein": view.goldstein,
        "confidence": view.confidence,
        "rule": view.rule,
        "event_ids": list(view.event_ids),
        "num_mentions": view.num_mentions,
        "num_sources": view.num_sources,
        "num_articles": view.num_articles,
    }
    return record


def write_records(rows: Iterable[EventView], out: TextIO, res: Resources | None = None) -> int:
    res = res or load_resources()
    kinds = place_kinds(res)
    n = 0
    for view in rows:
        out.write(json.dumps(plover_record(view, res, kinds), ensure_ascii=False) + "\n")
        n += 1
    return n


def write_plover(con: duckdb.DuckDBPyConnection, out: TextIO, table: str = "events") -> int:
    """Write ``events`` (one object per event) or ``stories`` (one per story) as PLOVER JSONL."""
    return write_records(views(con, table), out)
