"""Expression forms that name a calendar date: day-month-year, month-year, year, numeric, Hijri, ranges.

A day and month with no year stay unresolved (dev README §1): the year is never
guessed, except where the text says «الجاري» and an anchor gives the year.
"""

from __future__ import annotations

import datetime as dt
import re

from rasd.dates.forms import Form, Resolved, Resolver, in_month, in_year, on_day, on_ymd, unresolved
from rasd.dates.hijri import hijri_to_gregorian, iso_day, make_date, shift_month
from rasd.dates.patterns import (
    CURRENT_WORD,
    END,
    GREG_SUFFIX,
    HIJRI_SUFFIX,
    RELATIVE_WORD,
    SP,
    SP1,
    VAGUE_WORD,
    WEEKDAY,
    WORD,
    YEAR,
    YEAR_WORD,
    YEAR_WORDS,
    day,
    day_value,
    direction,
    gregorian_month,
    gregorian_number,
    hijri_month,
    hijri_number,
    month_gate,
    month_gate_openers,
    starting_word,
)

_COMMA = rf"{SP}[,،]?{SP}"
_OF = rf"(?:من{SP1})?"
_WEEKDAY_PREFIX = rf"(?:{WEEKDAY}{_COMMA})?"
# «و» joins a range only after «بين» («بين 22 و24 أبريل»); else it lists two dates.
_RANGE_JOIN = rf"{SP}(?P<join>-|الي|حتي|لغايه|ولغايه|و){SP}"
_RANGE_OPEN = rf"{WORD}(?:(?:من|(?P<between>بين)){SP1})?"
_HIJRI_RANGE = range(1300, 1501)  # a bare numeric year in this range is Hijri («19/10/1436»)
# One gate (expressions.py) for the three figure forms, whose every match holds a hit of one of its
# branches: a year and the first letter of its era mark; figures, a separator, a month's figures and
# the same separator again. Its hits cover those of either branch, so a window is read once for all
# three forms; the branches share their first figure, so that the engine skips to figures.
_FIGURES_GATE = rf"[0-9](?:(?<=[12])[0-9]{{3}}{SP}[هم]|{SP}([/.-]){SP}[0-9]{{1,2}}{SP}\1)"


def _year_part(group: str) -> str:
    return rf"(?:{_COMMA}{_OF}{YEAR_WORD}?(?P<{group}>{YEAR}){GREG_SUFFIX})"


def _relative_tail() -> str:
    """What may follow a day and month instead of a year: «الجاري», «من العام الماضي», «الماضي»."""
    return (
        rf"(?:{SP1}(?P<cur>{CURRENT_WORD})"
        rf"|{SP1}{_OF}(?:العام|السنه){SP1}(?P<ry>{RELATIVE_WORD})"
        rf"|{SP1}(?P<vague>{VAGUE_WORD}))"
    )


def _int(match: re.Match[str], group: str) -> int | None:
    text = match.group(group)
    return int(text) if text else None


def _year_from_tail(match: re.Match[str], anchor: dt.date | None) -> tuple[int | None, str]:
    """(year, kind) from a written year or from «الجاري» / «من العام الماضي» against the anchor."""
    if match.group("y"):
        return int(match.group("y")), "absolute"
    if anchor is not None and match.group("cur"):
        return anchor.year, "relative"
    if anchor is not None and match.group("ry"):
        return anchor.year + direction(match.group("ry")), "relative"
    kind = "relative" if match.group("cur") or match.group("ry") or match.group("vague") else "absolute"
    return None, kind


def _day_month(match: re.Match[str], anchor: dt.date | None) -> Resolved:
    year, kind = _year_from_tail(match, anchor)
    return on_ymd(year, gregorian_number(match, "m"), day_value(match, "d"), kind)


def _month_year(match: re.Match[str], anchor: dt.date | None) -> Resolved:
    year, kind = _year_from_tail(match, anchor)
    return in_month(year, gregorian_number(match, "m"), kind)


def _year(match: re.Match[str], anchor: dt.date | None) -> Resolved:
    if match.group("h"):
        return unresolved("hijri")  # a Hijri year straddles two Gregorian years
    return in_year(_int(match, "y"), "absolute")


def _hijri_day(match: re.Match[str], anchor: dt.date | None) -> Resolved:
    year, month, dom = _int(match, "y"), hijri_number(match, "m"), day_value(match, "d")
    if year is None or month is None or dom is None:
        return unresolved("hijri")
    return on_day(hijri_to_gregorian(year, month, dom), "hijri")


def _hijri_month(match: re.Match[str], anchor: dt.date | None) -> Resolved:
    return unresolved("hijri")  # a Hijri month straddles two Gregorian months


def _numeric(match: re.Match[str], anchor: dt.date | None) -> Resolved | None:
    year, month, dom = _int(match, "y"), _int(match, "m"), _int(match, "d")
    if year is None or month is None or dom is None:
        return None
    suffix = match.group("suf") or ""
    if suffix.startswith("ه") or (not suffix.startswith("م") and year in _HIJRI_RANGE):
        return on_day(hijri_to_gregorian(year, month, dom), "hijri")
    return on_ymd(year, month, dom, "absolute")


def _range(match: re.Match[str], anchor: dt.date | None) -> Resolved | None:
    """First and last day of «من 22 إلى 24 أبريل 2025» or «30 أبريل - 2 مايو 2025»."""
    if match.group("join") == "و" and not match.group("between"):
        return None
    last_year, _ = _year_from_tail(match, anchor)
    last_month = gregorian_number(match, "m")
    first_month = gregorian_number(match, "m1") if "m1" in match.re.groupindex else last_month
    first_year = _int(match, "y1") if "y1" in match.re.groupindex else None
    if first_year is None and last_year is not None and first_month is not None and last_month is not None:
        first_year = last_year if first_month <= last_month else last_year - 1
    first = _date(first_year, first_month, day_value(match, "a"))
    last = _date(last_year, last_month, day_value(match, "b"))
    if first is None or last is None or last < first:
        return unresolved("range")
    return Resolved(iso_day(first), "day", "range", iso_day(last))


def _date(year: int | None, month: int | None, dom: int | None) -> dt.date | None:
    if year is None or month is None or dom is None:
        return None
    return make_date(year, month, dom)


def absolute_forms() -> tuple[Form, ...]:
    """The calendar-date forms, built once the month lexicon is loaded."""
    tail = rf"(?:{_year_part('y')}|{_relative_tail()})"
    d, a, b = day("d"), day("a"), day("b")
    month, hijri = gregorian_month("m"), hijri_month("m")
    numeric_suffix = rf"(?:{SP}(?P<suf>ميلاديه|ميلادي|م|هجريه|هجري|ه){END}\.?)?"
    day_num, month_num = r"(?:3[01]|[12][0-9]|0?[1-9])", r"(?:1[0-2]|0?[1-9])"
    patterns: tuple[tuple[str, str, Resolver], ...] = (
        ("day-month-year", rf"{WORD}{_WEEKDAY_PREFIX}{d}{SP}{_OF}{month}{tail}?", _day_month),
        ("month-year", rf"{WORD}{month}{tail}", _month_year),
        ("year", rf"{starting_word(YEAR_WORDS)}{SP1}(?P<y>{YEAR})(?P<h>{HIJRI_SUFFIX})?{GREG_SUFFIX}", _year),
        (
            "marked-year",
            rf"(?<![0-9.,/])(?P<y>{YEAR})(?:(?P<h>{HIJRI_SUFFIX})|{SP}(?:ميلاديه|ميلادي|م){END})",
            _year,
        ),
        (
            "hijri-day",
            rf"{WORD}{_WEEKDAY_PREFIX}{d}{SP}{_OF}{hijri}{_COMMA}{YEAR_WORD}?(?P<y>{YEAR}){HIJRI_SUFFIX}?",
            _hijri_day,
        ),
        ("hijri-month", rf"{WORD}{hijri}{_COMMA}{_OF}{YEAR_WORD}?(?P<y>{YEAR}){HIJRI_SUFFIX}?", _hijri_month),
        (
            "numeric-dmy",
            rf"(?<![0-9/.:-])(?P<d>{day_num}){SP}(?P<sep>[/.-]){SP}(?P<m>{month_num}){SP}(?P=sep){SP}"
            rf"(?P<y>[12][0-9]{{3}})(?![0-9]){numeric_suffix}",
            _numeric,
        ),
        (
            "numeric-ymd",
            rf"(?<![0-9/.:-])(?P<y>[12][0-9]{{3}}){SP}(?P<sep>[/.-]){SP}(?P<m>{month_num}){SP}(?P=sep){SP}"
            rf"(?P<d>{day_num})(?![0-9/.:-]){numeric_suffix}",
            _numeric,
        ),
        ("range", rf"{_RANGE_OPEN}{a}{_RANGE_JOIN}{b}{SP}{_OF}{month}{tail}?", _range),
        (
            "range-two-months",
            rf"{_RANGE_OPEN}{a}{SP}{_OF}{gregorian_month('m1')}(?:{_COMMA}(?P<y1>{YEAR}))?"
            rf"{_RANGE_JOIN}{b}{SP}{_OF}{month}{tail}?",
            _range,
        ),
        (
            "day-of-this-month",
            rf"{WORD}{d}{SP}من{SP1}(?:هذا{SP1}الشهر{END}|الشهر{SP1}(?P<rel>{RELATIVE_WORD}))",
            _day_of_month,
        ),
    )
    gates = {name: month_gate("gregorian") for name in ("day-month-year", "month-year", "range", "range-two-months")}
    gates |= {name: month_gate("hijri") for name in ("hijri-day", "hijri-month")}
    gates |= dict.fromkeys(("marked-year", "numeric-dmy", "numeric-ymd"), _FIGURES_GATE)
    # the group that starts at the gate's hit: the (first) month name, the marked year
    anchors = dict.fromkeys(("day-month-year", "month-year", "range", "hijri-day", "hijri-month"), "m")
    anchors |= {"range-two-months": "m1", "marked-year": "y"}
    openers = {month_gate(calendar): month_gate_openers(calendar) for calendar in ("gregorian", "hijri")}
    return tuple(
        Form(name, re.compile(pattern), resolve, gates.get(name), anchors.get(name), openers.get(gates.get(name, "")))
        for name, pattern, resolve in patterns
    )


def _day_of_month(match: re.Match[str], anchor: dt.date | None) -> Resolved:
    """«الـ 27 من الشهر الجاري»: a day of the anchor's month, or of the month before or after."""
    if anchor is None:
        return unresolved("relative")
    months = direction(match.group("rel")) if match.group("rel") else 0
    year, month = shift_month(anchor.year, anchor.month, months)
    return on_ymd(year, month, day_value(match, "d"), "relative")
