"""The two records the dates stage hands on: the dateline and each time expression.

Offsets index the original document text (end exclusive), so ``text[start:end]``
is always the evidence a reader can check.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Dateline:
    place_ar: str | None  # surface place text, e.g. "أستانا"; mapped to English with the gazetteer later
    date: str | None  # ISO "YYYY-MM-DD"
    agency: str | None  # English agency name: "Xinhua", "SPA"...
    start: int
    end: int
    hijri: str | None = None  # "1436-10-25" when the dateline gave a Hijri date


@dataclass(frozen=True, slots=True)
class TimeExpr:
    start: int
    end: int
    text: str  # text[start:end]
    value: str | None  # "YYYY-MM-DD", "YYYY-MM" or "YYYY"; None when it cannot be resolved
    precision: str | None  # "day" | "month" | "year"; None exactly when value is None
    kind: str  # "absolute" | "relative" | "range" | "weekday" | "hijri"
    end_value: str | None = None  # for ranges: the last day
