"""GDELT 2.0 event layout: 61 tab-separated columns, no header, one line per event or per story.

Column list and types: ``codes.GDELT_COLUMNS``. Every mapping decision is written up in
docs/exports.md ("GDELT 2.0"); the comments here only point at it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TextIO

import duckdb

from rasd.export.codes import (
    CAMEO_ORGS,
    GDELT_NAMES,
    GEO_COUNTRY,
    GEO_NONE,
    GEO_WORLD_CITY,
    GEO_WORLD_STATE,
    ISO3_FIPS,
)
from rasd.export.common import clean_cell, stable_id
from rasd.export.source import ActorView, EventView, place_kinds, views
from rasd.resources import Resources, load_resources


@dataclass(frozen=True, slots=True)
class CameoActor:
    code: str  # "CHNGOV", "IGOUNO", or the rasd code without its hyphen when CAMEO has none
    country: str  # ISO 3166 alpha-3 when the actor is a state or a group inside one
    known_group: str  # CAMEO known-group code of an organisation in CODEBOOK Table 3.4
    type1: str  # sector (GOV, MIL, REB…), or IGO/NGO for an organisation
    type2: str  # the sector of an organisation's sub-unit ("UN-MIL" → IGO, MIL)


def cameo_actor(code: str, res: Resources) -> CameoActor:
    """A rasd actor code in CAMEO style: state + sector concatenated, organisations by CAMEO's table."""
    base, _, sector = code.partition("-")
    if base in CAMEO_ORGS:
        cameo = CAMEO_ORGS[base]
        return CameoActor(cameo + sector, "", cameo[-3:], cameo[:3], sector)
    country = base if len(base) == 3 and base in res.countries else ""
    return CameoActor(base + sector, country, "", sector, "")


def actor_name(actor: ActorView, res: Resources) -> str:
    """The English name GDELT writes upper-case: the person or body, else the state or organisation."""
    if actor.name:
        return actor.name.upper()
    base = actor.code.split("-")[0]
    if base == "REG":  # one code for every region: no single name fits
        return ""
    return (res.actor_name(actor.code) or "").upper()


def _actor_fields(actor: ActorView, res: Resources) -> list[str]:
    if not actor.code:
        return [""] * 10
    c = cameo_actor(actor.code, res)
    # Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1Code, Religion2Code, Type1-3Code
    return [c.code, actor_name(actor, res), c.country, c.known_group, "", "", "", c.type1, c.type2, ""]


def _number(value: float) -> str:
    return f"{value:g}"


def _coordinate(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}".rstrip("0").rstrip(".")


@dataclass(frozen=True, slots=True)
class Lookups:
    """What the GDELT fields look up, built once per export."""

    res: Resources
    place_kinds: dict[tuple[str, str], str]  # (English name, ISO3) → gazetteer kind: capital, city, region

    @classmethod
    def load(cls, res: Resources | None = None) -> Lookups:
        res = res or load_resources()
        return cls(res, place_kinds(res))


def action_geo(view: EventView, lk: Lookups) -> list[str]:
    """ActionGeo_Type, FullName, CountryCode (FIPS 10-4), ADM1Code, ADM2Code, Lat, Long, FeatureID."""
    name, iso3 = view.place_name, view.place_country
    if not name and not iso3:
        return [str(GEO_NONE), "", "", "", "", "", "", ""]
    country = lk.res.countries.get(iso3 or "")
    country_name = country.name_en if country else ""
    fips = ISO3_FIPS.get(iso3 or "", "")
    lat, lon = _coordinate(view.lat), _coordinate(view.lon)
    if not name or name == country_name:
        return [str(GEO_COUNTRY), country_name or name or "", fips, fips, "", lat, lon, fips]
    kind = GEO_WORLD_STATE if lk.place_kinds.get((name, iso3 or "")) == "region" else GEO_WORLD_CITY
    full = f"{name}, {country_name}" if country_name else name
    return [str(kind), full, fips, fips, "", lat, lon, ""]


def _fraction_date(day: dt.date) -> str:
    # The codebook's approximation (month * 30 + day) / 365, months counted from 0 as GDELT's files do.
    return f"{day.year + min(((day.month - 1) * 30 + day.day) / 365, 0.9999):.4f}"


def _date_fields(day: dt.date | None) -> list[str]:
    if day is None:
        return ["", "", "", ""]
    return [day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year), _fraction_date(day)]


def _date_added(view: EventView) -> str:
    """YYYYMMDDHHMMSS: the article's published date at midnight (stable across runs), else the event's day."""
    for text in (view.published, view.day.isoformat() if view.day else None):
        if text and len(text) == 10:
            try:
                return dt.date.fromisoformat(text).strftime("%Y%m%d") + "000000"
            except ValueError:
                continue
    return ""


def gdelt_row(view: EventView, lk: Lookups) -> list[str]:
    """The 61 fields of one GDELT 2.0 event line, cleaned of tabs and line breaks."""
    cameo, res = view.cameo, lk.res
    row = [
        str(stable_id(view.key)),
        *_date_fields(view.day),
        *_actor_fields(view.source, res),
        *_actor_fields(view.target, res),
        "1" if view.is_root else "0",
        cameo,
        cameo[:3],
        cameo[:2],
        str(view.quad_class),
        _number(view.goldstein),
        str(view.num_mentions),
        str(view.num_sources),
        str(view.num_articles),
        "",  # AvgTone: rasd measures no tone; empty reads as NULL, 0 would claim a neutral article
        str(GEO_NONE),
        *[""] * 7,  # Actor1Geo_*: rasd does not place actors, only the action
        str(GEO_NONE),
        *[""] * 7,  # Actor2Geo_*
        *action_geo(view, lk),
        _date_added(view),
        view.url or (f"rasd:{view.doc_id}" if view.doc_id else ""),
    ]
    if len(row) != len(GDELT_NAMES):  # a bug here, never bad input
        raise RuntimeError(f"GDELT row has {len(row)} fields, not {len(GDELT_NAMES)}")
    return [clean_cell(cell) for cell in row]


def write_rows(rows: Iterable[EventView], out: TextIO, lk: Lookups | None = None) -> int:
    lk = lk or Lookups.load()
    n = 0
    for view in rows:
        out.write("\t".join(gdelt_row(view, lk)) + "\n")
        n += 1
    return n


def write_gdelt(con: duckdb.DuckDBPyConnection, out: TextIO, table: str = "events") -> int:
    """Write ``events`` (one line per event) or ``stories`` (one per story) as GDELT 2.0; return the count."""
    return write_rows(views(con, table), out)
