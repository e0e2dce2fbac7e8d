"""The gazetteer: places with coordinates, read from lexicons/places.tsv."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rasd.lexicons.load import rows


@dataclass(frozen=True, slots=True)
class PlaceEntry:
    name_en: str
    names_ar: tuple[str, ...]
    country: str
    lat: float | None
    lon: float | None
    kind: str


@lru_cache(maxsize=1)
def places() -> tuple[PlaceEntry, ...]:
    return tuple(
        PlaceEntry(
            name_en=row.required("name_en"),
            names_ar=row.arabic_list("names_ar", required=True),
            country=row.code("country"),
            lat=row.number("lat"),
            lon=row.number("lon"),
            kind=row.get("kind") or "city",
        )
        for row in rows("places.tsv")
    )
