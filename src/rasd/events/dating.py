"""When an event happened: the sentence's own date, else the document's; history is not news."""

from __future__ import annotations

import datetime as dt

from rasd.dates import TimeExpr
from rasd.records import Span

HISTORY_DAYS = 45  # an event dated this long before the anchor is background, not news


def date_of(
    exprs: list[TimeExpr],
    sentence: Span,
    default: tuple[str, str, str] | None,
    at: int | None = None,
    text: str = "",
) -> tuple[str | None, str | None, str | None]:
    """The date that governs position ``at`` of the sentence: the nearest own expression (day or month
    precision) before it, or after it within the same comma clause; else the document's default."""
    own = [e for e in exprs if sentence.start <= e.start < sentence.end and e.value and e.precision in ("day", "month")]
    if at is not None:
        before = [e for e in own if e.end <= at]
        after = [e for e in own if e.start >= at and not any(c in text[at : e.start] for c in ",،")]
        own = ([before[-1]] if before else []) + after[:1]
    for e in own:
        precision = e.precision
        value = e.value or ""
        if e.kind == "range" and e.end_value and e.end_value[:7] == value[:7]:
            value, precision = value[:7], "month"
        return value, precision, e.text
    return default if default else (None, None, None)


YEAR_NEAR = 50  # characters around a trigger where «في عام 2011» dates it


def past_year_near(exprs: list[TimeExpr], at: int, anchor: str | None) -> bool:
    """«وقّعتا في عام 2011»: a year before the story's own year, next to the trigger, makes it history."""
    if not anchor:
        return False
    return any(
        e.value and e.precision == "year" and abs(e.start - at) <= YEAR_NEAR and e.value[:4] < anchor[:4] for e in exprs
    )


def is_history(date: str | None, anchor: str | None) -> bool:
    if not date or not anchor or len(anchor) < 10:
        return False
    try:
        d = dt.date.fromisoformat(date if len(date) == 10 else date[:7] + "-28" if len(date) == 7 else date + "-12-31")
        return (dt.date.fromisoformat(anchor[:10]) - d).days > HISTORY_DAYS
    except ValueError:
        return False
