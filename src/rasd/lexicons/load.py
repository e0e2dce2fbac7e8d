"""The one loader of lexicon files: TSV rows to typed records, with errors that name the cell.

Formats are documented in README.md beside the files. A malformed row raises
``LexiconError("people/world.tsv:41:start: not a date")``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rasd.errors import LexiconError

_ARABIC_CELL = re.compile(r"^[\u0621-\u064a\u0671-\u06d3\u064b-\u0652\u0670 |'\-]*$")
_CODE = re.compile(r"^[A-Z]{2,6}(-[A-Z]{3})?$")


@dataclass(frozen=True, slots=True)
class Row:
    file: str
    line: int
    cells: dict[str, str]

    def where(self, column: str) -> str:
        return f"{self.file}:{self.line}:{column}"

    def get(self, column: str) -> str:
        return self.cells.get(column, "")

    def required(self, column: str) -> str:
        value = self.get(column)
        if not value:
            raise LexiconError(f"{self.where(column)}: required value is empty")
        return value

    def arabic_list(self, column: str, *, required: bool = False) -> tuple[str, ...]:
        value = self.required(column) if required else self.get(column)
        if not _ARABIC_CELL.match(value):
            bad = sorted({c for c in value if not _ARABIC_CELL.match(c)})
            raise LexiconError(f"{self.where(column)}: not Arabic letters: {''.join(bad)!r}")
        return tuple(v.strip() for v in value.split("|") if v.strip())

    def code(self, column: str) -> str:
        value = self.required(column)
        if not _CODE.match(value):
            raise LexiconError(f"{self.where(column)}: not an actor code: {value!r}")
        return value

    def date(self, column: str) -> dt.date | None:
        value = self.get(column)
        if not value:
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise LexiconError(f"{self.where(column)}: not a date: {value!r}") from None

    def number(self, column: str) -> float | None:
        value = self.get(column)
        if not value:
            return None
        try:
            return float(value)
        except ValueError:
            raise LexiconError(f"{self.where(column)}: not a number: {value!r}") from None


def list_files(folder: str) -> list[str]:
    """Lexicon files under a sub-folder of the package (``people``), sorted."""
    root = resources.files("rasd.lexicons").joinpath(folder)
    return sorted(f"{folder}/{p.name}" for p in root.iterdir() if p.name.endswith(".tsv"))


def read_text(name: str) -> str:
    return resources.files("rasd.lexicons").joinpath(name).read_text(encoding="utf-8")


def parse_tsv(name: str, text: str) -> Iterator[Row]:
    header: list[str] | None = None
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            continue
        if len(cells) > len(header):
            raise LexiconError(f"{name}:{n}: {len(cells)} cells, header has {len(header)}")
        cells += [""] * (len(header) - len(cells))
        yield Row(name, n, {h: c.strip() for h, c in zip(header, cells, strict=True)})


@lru_cache(maxsize=64)
def rows(name: str) -> tuple[Row, ...]:
    """All rows of one lexicon file (cached: lexicons are read once per process)."""
    return tuple(parse_tsv(name, read_text(name)))
