"""Calendar arithmetic that never raises: Hijri conversion and ISO strings for valid dates only.

Dates come out of free text, so impossible ones («31 فبراير», month 13, a Hijri year
outside the Umm al-Qura table) are normal input; they become None here instead of
exceptions further down.
"""

from __future__ import annotations

import datetime as dt

from hijridate import Hijri

MIN_YEAR = 1000
MAX_YEAR = 2999


def make_date(year: int, month: int, day: int) -> dt.date | None:
    """A date object, or None when the parts do not form a real date in a sane range."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def iso_day(day: dt.date | None) -> str | None:
    """``YYYY-MM-DD`` of a date (also of a datetime, dropping the time)."""
    if day is None or not MIN_YEAR <= day.year <= MAX_YEAR:
        return None
    return f"{day.year:04d}-{day.month:02d}-{day.day:02d}"


def iso_month(year: int, month: int) -> str | None:
    """``YYYY-MM`` when the year is in range and the month is 1-12."""
    if not MIN_YEAR <= year <= MAX_YEAR or not 1 <= month <= 12:
        return None
    return f"{year:04d}-{month:02d}"


def iso_year(year: int) -> str | None:
    """``YYYY`` when the year is in range."""
    return f"{year:04d}" if MIN_YEAR <= year <= MAX_YEAR else None


def shift_days(day: dt.date, days: int) -> dt.date | None:
    """``day + days``, or None past the ends of the calendar."""
    try:
        return dt.date(day.year, day.month, day.day) + dt.timedelta(days=days)
    except OverflowError:
        return None


def shift_month(year: int, month: int, months: int) -> tuple[int, int]:
    """(year, month) moved by a number of months."""
    total = year * 12 + (month - 1) + months
    return total // 12, total % 12 + 1


def hijri_to_gregorian(year: int, month: int, day: int) -> dt.date | None:
    """Umm al-Qura conversion with hijridate; None for dates outside its table or impossible ones."""
    try:
        gregorian = Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return dt.date(gregorian.year, gregorian.month, gregorian.day)


def hijri_iso(year: int, month: int, day: int) -> str | None:
    """``YYYY-MM-DD`` of the Hijri date as written, when it exists in the Umm al-Qura table."""
    if hijri_to_gregorian(year, month, day) is None:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"
