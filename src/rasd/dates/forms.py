"""What an expression pattern resolves to, and the small constructors every form uses.

A form is a compiled pattern on the folded text plus a resolver; keeping both in one
record lets expressions.py run all forms the same way and pick the longest match.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from rasd.dates.hijri import iso_day, iso_month, iso_year, make_date


@dataclass(frozen=True, slots=True)
class Resolved:
    value: str | None
    precision: str | None
    kind: str
    end_value: str | None = None


Resolver = Callable[[re.Match[str], dt.date | None], Resolved | None]


@dataclass(frozen=True, slots=True)
class Form:
    """One expression pattern; the resolver returns None to veto a match it finds wrong.

    ``gate``, when given, is a regex that finds a hit inside every match (expressions.py scans only
    the windows that hold one); without it the gate is read from the pattern (required.py). ``anchor``
    names a group every match consumes that starts where the gate matches, so that expressions.py
    scans only as far before and after a hit as the pattern reaches from that group. ``openers``, when
    given, are words one of which every hit of ``gate`` opens with, so the gate is tried only where
    they occur."""

    name: str
    pattern: re.Pattern[str]
    resolve: Resolver
    gate: str | None = None
    anchor: str | None = None
    openers: frozenset[str] | None = None


def on_day(day: dt.date | None, kind: str) -> Resolved:
    value = iso_day(day)
    return Resolved(value, "day" if value else None, kind)


def on_ymd(year: int | None, month: int | None, day: int | None, kind: str) -> Resolved:
    if year is None or month is None or day is None:
        return Resolved(None, None, kind)
    return on_day(make_date(year, month, day), kind)


def in_month(year: int | None, month: int | None, kind: str) -> Resolved:
    value = iso_month(year, month) if year is not None and month is not None else None
    return Resolved(value, "month" if value else None, kind)


def in_year(year: int | None, kind: str) -> Resolved:
    value = iso_year(year) if year is not None else None
    return Resolved(value, "year" if value else None, kind)


def unresolved(kind: str) -> Resolved:
    return Resolved(None, None, kind)


def previous_word(match: re.Match[str]) -> str:
    """The folded word just before the match, for vetoes such as «الأمين العام الحالي»."""
    before = match.string[max(0, match.start() - 40) : match.start()].split()
    return before[-1] if before else ""
