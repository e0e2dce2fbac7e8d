"""What every format reader shares: stable ids, Problems from coded errors, and publication stamps.

Reading a stamp uses the dates stage (3a) from stage 1: a feed's «الخميس 16 مايو 2024» is Arabic,
and a second parser for Arabic month names here would drift from the one the coder uses."""

from __future__ import annotations

import datetime as dt
import hashlib
import re

from rasd.dates import find_expressions
from rasd.errors import RasdError
from rasd.records import Problem


def text_id(text: str) -> str:
    """Stable id for a document without one: a hash of its text."""
    return "sha1-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def problem(source: str, exc: RasdError) -> Problem:
    """The Problem record for one bad item; ``source`` is the input path the user gave."""
    return Problem(source=source, item=exc.item, code=exc.code, reason=exc.message)


_ISO_DAY = re.compile(r"^\s*(?P<y>[12][0-9]{3})-(?P<m>[01]?[0-9])-(?P<d>[0-3]?[0-9])(?![0-9])")


def date_of_stamp(raw: str | None) -> str | None:
    """The day a publication stamp names (``2024-05-16T10:00``, «الخميس 16 مايو 2024»), or None.

    ISO stamps are read directly; anything else goes through rasd's own date layer, which knows
    Arabic, Levantine and Maghrebi month names. Only an absolute day counts: a stamp that names a
    month or a weekday alone gives no date rather than a guessed one.
    """
    if not raw or not raw.strip():
        return None
    match = _ISO_DAY.match(raw)
    if match:
        try:
            return dt.date(int(match["y"]), int(match["m"]), int(match["d"])).isoformat()
        except ValueError:
            return None
    for expr in find_expressions(raw[:200], None):
        if expr.precision == "day" and expr.kind in ("absolute", "hijri") and expr.value:
            return expr.value
    return None
