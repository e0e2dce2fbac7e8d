"""Actor lexicons as typed records: states, organisations, people with offices, titles."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache

from rasd.errors import LexiconError
from rasd.lexicons.load import Row, list_files, rows


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name_en: str
    names_ar: tuple[str, ...]
    adjectives_ar: tuple[str, ...]
    capital_en: str


@dataclass(frozen=True, slots=True)
class Organisation:
    code: str
    name_en: str
    names_ar: tuple[str, ...]
    adjectives_ar: tuple[str, ...]
    kind: str


@dataclass(frozen=True, slots=True)
class Office:
    office: str
    country: str
    start: dt.date | None
    end: dt.date | None

    def overlaps(self, lo: dt.date, hi: dt.date) -> bool:
        return (self.start is None or self.start <= hi) and (self.end is None or self.end >= lo)


@dataclass(frozen=True, slots=True)
class PersonEntry:
    """One person: all spellings and every office held (merged from all rows with the same key)."""

    key: str  # the English name: one person may act for different states or bodies over time
    name_en: str
    country: str  # of the latest office; office_at() gives the one for a date
    names_ar: tuple[str, ...]
    short_ar: tuple[str, ...]
    offices: tuple[Office, ...]
    wikidata: str | None

    def office_at(self, lo: dt.date | None, hi: dt.date | None) -> Office | None:
        """The office held in the window (the latest one when several, or when there is no window)."""
        held = [o for o in self.offices if lo is None or hi is None or o.overlaps(lo, hi)]
        pool = held or list(self.offices)
        return max(pool, key=lambda o: o.start or dt.date.min) if pool else None


@dataclass(frozen=True, slots=True)
class Title:
    office: str
    titles_ar: tuple[str, ...]
    needs_country: bool
    country: str | None


def _country(row: Row) -> Country:
    return Country(
        code=row.code("code"),
        name_en=row.required("name_en"),
        names_ar=row.arabic_list("names_ar", required=True),
        adjectives_ar=row.arabic_list("adjectives_ar"),
        capital_en=row.get("capital_en"),
    )


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    """Hand-written rows win over generated rows with the same code."""
    out: dict[str, Country] = {}
    for name in ("countries.generated.tsv", "countries.tsv"):
        try:
            file_rows = rows(name)
        except FileNotFoundError:
            continue
        for row in file_rows:
            c = _country(row)
            if name == "countries.tsv" or c.code not in out:
                out[c.code] = c
    return out


@lru_cache(maxsize=1)
def organisations() -> tuple[Organisation, ...]:
    return tuple(
        Organisation(
            code=row.code("code"),
            name_en=row.required("name_en"),
            names_ar=row.arabic_list("names_ar", required=True),
            adjectives_ar=row.arabic_list("adjectives_ar"),
            kind=row.get("kind") or "igo",
        )
        for row in rows("organisations.tsv")
    )


@lru_cache(maxsize=1)
def titles() -> tuple[Title, ...]:
    return tuple(
        Title(
            office=row.required("office"),
            titles_ar=row.arabic_list("titles_ar", required=True),
            needs_country=row.get("needs_country") == "yes",
            country=row.get("country") or None,
        )
        for row in rows("titles.tsv")
    )


@dataclass(slots=True)
class _PersonRows:
    """What the rows of one person add up to while the files are read."""

    name_en: str
    names: list[str] = field(default_factory=list)
    short: list[str] = field(default_factory=list)
    offices: list[Office] = field(default_factory=list)
    wikidata: str | None = None


@lru_cache(maxsize=1)
def people() -> dict[str, PersonEntry]:
    """People keyed by English name; all rows of the same person are merged."""
    merged: dict[str, _PersonRows] = {}
    for name in list_files("people"):
        for row in rows(name):
            name_en, country = row.required("name_en"), row.code("country")
            office = Office(row.required("office"), country, row.date("start"), row.date("end"))
            if office.start and office.end and office.start > office.end:
                raise LexiconError(f"{row.where('end')}: ends before it starts")
            entry = merged.setdefault(name_en, _PersonRows(name_en))
            _extend(entry.names, row.arabic_list("names_ar", required=True))
            _extend(entry.short, row.arabic_list("short_ar"))
            entry.offices.append(office)
            entry.wikidata = entry.wikidata or row.get("wikidata") or None
    return {
        key: PersonEntry(
            key=key,
            name_en=e.name_en,
            country=_latest(e.offices).country,
            names_ar=tuple(e.names),
            short_ar=tuple(e.short),
            offices=tuple(sorted(e.offices, key=_start)),
            wikidata=e.wikidata,
        )
        for key, e in merged.items()
    }


def _start(office: Office) -> dt.date:
    return office.start or dt.date.min


def _latest(offices: list[Office]) -> Office:
    return max(offices, key=_start)


def _extend(target: list[str], values: tuple[str, ...]) -> None:
    for v in values:
        if v not in target:
            target.append(v)


@dataclass(frozen=True, slots=True)
class Honorific:
    form: str
    offices: frozenset[str]


@lru_cache(maxsize=1)
def honorifics() -> tuple[Honorific, ...]:
    return tuple(
        Honorific(row.arabic_list("form", required=True)[0], frozenset(row.required("offices").split("|")))
        for row in rows("honorifics.tsv")
    )


@lru_cache(maxsize=1)
def aliases() -> tuple[tuple[str, str], ...]:
    return tuple((row.arabic_list("form", required=True)[0], row.required("kind")) for row in rows("aliases.tsv"))


@lru_cache(maxsize=1)
def groups() -> dict[str, frozenset[str]]:
    return {row.required("group"): frozenset(row.required("members").split("|")) for row in rows("groups.tsv")}
