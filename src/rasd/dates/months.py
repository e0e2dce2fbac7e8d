"""Month names from ``lexicons/months.tsv``: loading, validation and the regex alternations.

Month names live in a data file so a linguist can add a spelling without touching
code; this module turns the rows into folded names and into the regex pieces the
dateline and expression patterns are built from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rasd.dates.folding import fold_word

FILE = "months.tsv"
COLUMNS = ("calendar", "system", "number", "names_ar")
CALENDARS = {"gregorian": ("egyptian", "levantine", "maghrebi"), "hijri": ("hijri",)}
_NAME = re.compile(r"^[\u0621-\u064a\u0671-\u06d3\u064b-\u0652\u0670 ]+$")


@dataclass(frozen=True, slots=True)
class Month:
    """One row of months.tsv: every spelling of one month in one naming system."""

    calendar: str  # "gregorian" | "hijri"
    system: str  # "egyptian" | "levantine" | "maghrebi" | "hijri"
    number: int  # 1-12
    names_ar: tuple[str, ...]


def _cell_error(line: int, column: str, reason: str) -> ValueError:
    return ValueError(f"{FILE}:{line}:{column}: {reason}")


def _parse_row(line: int, cells: list[str]) -> Month:
    """One data row to a Month; every check names the cell it failed on."""
    if len(cells) != len(COLUMNS):
        raise ValueError(f"{FILE}:{line}:row: {len(cells)} cells, expected {len(COLUMNS)}")
    calendar, system, number_text, names_text = (c.strip() for c in cells)
    if calendar not in CALENDARS:
        raise _cell_error(line, "calendar", f"unknown calendar {calendar!r}")
    if system not in CALENDARS[calendar]:
        raise _cell_error(line, "system", f"{system!r} is not a {calendar} system")
    if not number_text.isascii() or not number_text.isdigit() or not 1 <= int(number_text) <= 12:
        raise _cell_error(line, "number", f"not a month number 1-12: {number_text!r}")
    names = tuple(n.strip() for n in names_text.split("|"))
    if not names_text or any(not _NAME.match(n) for n in names):
        raise _cell_error(line, "names_ar", f"not Arabic names separated by '|': {names_text!r}")
    return Month(calendar, system, int(number_text), names)


def parse_months(text: str) -> tuple[Month, ...]:
    """Parse the text of months.tsv; raises ValueError naming ``months.tsv:LINE:column``."""
    months: list[Month] = []
    header_seen = False
    for line, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = raw.split("\t")
        if not header_seen:
            if tuple(c.strip() for c in cells) != COLUMNS:
                raise ValueError(f"{FILE}:{line}:header: expected {'/'.join(COLUMNS)}")
            header_seen = True
            continue
        months.append(_parse_row(line, cells))
    if not header_seen:
        raise ValueError(f"{FILE}:1:header: missing")
    return tuple(months)


@lru_cache(maxsize=1)
def load_months() -> tuple[Month, ...]:
    """The packaged month table, read once per process."""
    text = resources.files("rasd.lexicons").joinpath(FILE).read_text(encoding="utf-8")
    return parse_months(text)


@lru_cache(maxsize=2)
def month_numbers(calendar: str) -> dict[str, int]:
    """Folded month name → number for one calendar ("gregorian" or "hijri")."""
    table: dict[str, int] = {}
    for month in load_months():
        if month.calendar == calendar:
            for name in month.names_ar:
                table[fold_word(name)] = month.number
    return table


def month_number(surface: str, calendar: str) -> int | None:
    """Number of a matched month name (folded text, any inner spacing), or None."""
    return month_numbers(calendar).get(" ".join(surface.split()))


@lru_cache(maxsize=2)
def month_alternation(calendar: str) -> str:
    """Regex alternation of the folded names of one calendar, longest first.

    Longest first so «تشرين الأول» is preferred to a shorter name inside it, and
    the space inside two-word names accepts any run of blanks.
    """
    names = sorted(month_numbers(calendar), key=lambda n: (-len(n), n))
    return "|".join(r"[ ]+".join(re.escape(part) for part in name.split()) for name in names)
