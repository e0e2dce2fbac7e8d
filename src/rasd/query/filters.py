"""Query filters: validated objects compiled to SQL with ``?`` parameters.

A filter is checked when it is built, and a bad value raises ``QueryError`` saying what is allowed.
The SQL it compiles to holds only fixed text written here; every user value travels as a parameter,
so no string from a user ever becomes SQL.

Dates: an event's date is its own (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``), else its document's
``published`` date. ``since``/``until`` accept the same three forms and keep the events whose date
overlaps the range (``--since 2024`` keeps an event dated ``2024-07``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rasd.errors import QueryError
from rasd.lexicons.load import rows
from rasd.settings import DEFAULT_SETTINGS, Settings

ACTOR_CODE = re.compile(r"^[A-Z]{2,6}(-[A-Z]{3})?$")
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_PLACE = re.compile(r"^[^\W\d_][\w .'’-]{0,79}$")
_MAX_TEXT = 200

# The date an event is filed under, and the ends of the span it covers (fixed SQL, no user values).
WHEN = "coalesce(e.date, d.published)"
_LO = f"CASE length({WHEN}) WHEN 4 THEN {WHEN} || '-01-01' WHEN 7 THEN {WHEN} || '-01' ELSE {WHEN} END"
_HI = f"CASE length({WHEN}) WHEN 4 THEN {WHEN} || '-12-31' WHEN 7 THEN {WHEN} || '-31' ELSE {WHEN} END"
QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


@lru_cache(maxsize=1)
def plover_types() -> tuple[str, ...]:
    """The PLOVER event types rasd codes (lexicons/plover.tsv)."""
    return tuple(r.required("type") for r in rows("plover.tsv"))


def actor_code(value: str, what: str = "actor") -> str:
    """An actor code as stored (``CHN``, ``UN``, ``YEM-REB``); lower case is accepted and raised."""
    code = value.strip().upper() if isinstance(value, str) else ""
    if not ACTOR_CODE.match(code):
        raise QueryError(
            f"{what} {value!r} is not an actor code: 2–6 capital letters, optionally a sector after a hyphen "
            "(CHN, UN, YEM-REB); see annotation-guide.md §5"
        )
    return code


def iso_date(value: str, what: str, end: bool = False) -> str:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as a full day: the first day of the span, or its last
    when ``end`` (so ``--until 2024`` keeps all of 2024)."""
    m = _ISO.match(value.strip()) if isinstance(value, str) else None
    if not m:
        raise QueryError(f"{what} {value!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024-07-03")
    year, month, day = int(m[1]), int(m[2] or (12 if end else 1)), m[3]
    try:
        if day is not None:
            return dt.date(year, month, int(day)).isoformat()
        first = dt.date(year, month, 1)
    except ValueError:
        raise QueryError(f"{what} {value!r} is not a calendar date") from None
    if not end:
        return first.isoformat()
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return (following - dt.timedelta(days=1)).isoformat()


def row_limit(value: int | None, settings: Settings) -> int:
    if value is None:
        return settings.query_default_rows
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= settings.query_max_rows:
        raise QueryError(f"limit {value!r} is out of range: give a whole number from 1 to {settings.query_max_rows}")
    return value


def _as_tuple(value: str | int | Iterable[str | int] | None) -> tuple[str | int, ...]:
    if value is None:
        return ()
    if isinstance(value, str | int):
        return (value,)
    return tuple(value)


def _types(value: str | Iterable[str] | None) -> tuple[str, ...]:
    out = []
    for raw in _as_tuple(value):
        name = str(raw).strip().upper()
        if name not in plover_types():
            raise QueryError(f"unknown event type {raw!r}; PLOVER types are: {', '.join(sorted(plover_types()))}")
        out.append(name)
    return tuple(out)


def _quads(value: int | Iterable[int] | None) -> tuple[int, ...]:
    out = []
    for raw in _as_tuple(value):
        try:
            q = int(raw)
        except ValueError:
            q = 0
        if q not in QUAD_CLASSES:
            choices = ", ".join(f"{k} {v}" for k, v in QUAD_CLASSES.items())
            raise QueryError(f"quad class {raw!r} is not one of {choices}")
        out.append(q)
    return tuple(out)


def _place(value: str | None) -> str | None:
    if value is None:
        return None
    text = value.strip()
    if not _PLACE.match(text):
        raise QueryError(
            f"place {value!r} is not a place name: letters, spaces, - ' and . only, up to 80 characters "
            "(e.g. Riyadh), or a country code (SAU)"
        )
    return text


def _text(value: str | None) -> str | None:
    if value is None:
        return None
    if not value.strip() or len(value) > _MAX_TEXT or any(ord(c) < 32 for c in value):
        raise QueryError(f"text to search must be 1–{_MAX_TEXT} printable characters, e.g. «القمة»")
    return value.strip()


def _pair(value: Sequence[str] | None) -> tuple[str, str] | None:
    if value is None:
        return None
    if isinstance(value, str) or len(value) != 2:
        raise QueryError(f"a pair is two actor codes, e.g. CHN AZE; got {value!r}")
    return actor_code(value[0], "pair"), actor_code(value[1], "pair")


def actor_match(column: str, code: str) -> tuple[str, list[object]]:
    """SQL matching an actor column: ``CHN`` also matches its sectors (``CHN-GOV``); a sector code
    matches itself. ``column`` is always one of the fixed names in this package."""
    if "-" in code:
        return f"{column} = ?", [code]
    return f"split_part({column}, '-', 1) = ?", [code]


def pair_match(a: str, b: str, source: str = "e.source", target: str = "e.target") -> tuple[str, list[object]]:
    """Either direction: a → b or b → a."""
    sa, pa_ = actor_match(source, a)
    tb, pb = actor_match(target, b)
    sb, pb2 = actor_match(source, b)
    ta, pa2 = actor_match(target, a)
    return f"(({sa} AND {tb}) OR ({sb} AND {ta}))", [*pa_, *pb, *pb2, *pa2]


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events a query is about; values are validated and normalised when the filter is made.

    ``actor`` matches either side; ``pair`` either direction; ``types``/``quad_classes`` any of those
    given; ``place`` the event's place name (case-insensitive) or its country code; ``text`` a substring
    of the evidence sentence; ``originals_only`` leaves out near-duplicate documents.
    """

    actor: str | None = None
    pair: tuple[str, str] | None = None
    types: tuple[str, ...] = ()
    quad_classes: tuple[int, ...] = ()
    since: str | None = None
    until: str | None = None
    place: str | None = None
    text: str | None = None
    originals_only: bool = False
    limit: int | None = None
    settings: Settings = field(default=DEFAULT_SETTINGS, repr=False, compare=False)

    def __post_init__(self) -> None:
        fix = object.__setattr__
        fix(self, "actor", actor_code(self.actor) if self.actor is not None else None)
        fix(self, "pair", _pair(self.pair))
        fix(self, "types", _types(self.types))
        fix(self, "quad_classes", _quads(self.quad_classes))
        fix(self, "since", iso_date(self.since, "since") if self.since is not None else None)
        fix(self, "until", iso_date(self.until, "until", end=True) if self.until is not None else None)
        if self.since and self.until and self.since > self.until:
            raise QueryError(f"since {self.since} is after until {self.until}")
        fix(self, "place", _place(self.place))
        fix(self, "text", _text(self.text))
        fix(self, "limit", row_limit(self.limit, self.settings))

    def where(self) -> tuple[str, list[object]]:
        """The WHERE clause (over ``events e JOIN documents d``) and its parameters, in order."""
        clauses: list[str] = []
        params: list[object] = []

        def add(sql: str, values: Sequence[object]) -> None:
            clauses.append(sql)
            params.extend(values)

        if self.actor:
            s, ps = actor_match("e.source", self.actor)
            t, pt = actor_match("e.target", self.actor)
            add(f"({s} OR {t})", [*ps, *pt])
        if self.pair:
            add(*pair_match(*self.pair))
        if self.types:
            add("list_contains(?, e.type)", [list(self.types)])
        if self.quad_classes:
            add("list_contains(?, e.quad_class)", [list(self.quad_classes)])
        if self.since:
            add(f"{_HI} >= ?", [self.since])
        if self.until:
            add(f"{_LO} <= ?", [self.until])
        if self.place:
            country = self.place.upper() if ACTOR_CODE.match(self.place.upper()) else None
            add("(lower(e.place_name) = lower(?) OR e.place_country = ?)", [self.place, country])
        if self.text:
            add("contains(e.sentence, ?)", [self.text])
        if self.originals_only:
            add("d.duplicate_of IS NULL", [])
        return (" AND ".join(clauses) or "TRUE"), params
