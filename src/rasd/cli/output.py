"""How query results reach the terminal: one ``--format table|json|csv`` shared by every query command.

``table`` is a Rich table for people, ``json`` one JSON array (or object) for programs, ``csv`` one
header line then rows; list values are written as JSON inside a CSV cell.
"""

from __future__ import annotations

import csv
import datetime as dt
import enum
import io
import json
import math
from collections.abc import Sequence
from typing import Any

import pyarrow as pa
import typer
from rich.console import Console
from rich.table import Table

_SHORT = 14  # cells up to this long (codes, dates, numbers) are never wrapped in a table


class OutputFormat(enum.StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def _plain(value: Any) -> Any:
    """A JSON-ready value: dates as ISO strings, NaN as null."""
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def records(table: pa.Table) -> list[dict[str, Any]]:
    return [{k: _plain(v) for k, v in row.items()} for row in table.to_pylist()]


def emit_json(payload: Any) -> None:
    typer.echo(json.dumps(payload, ensure_ascii=False, default=str))


def emit_csv(table: pa.Table) -> None:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(table.column_names)
    for row in records(table):
        writer.writerow(
            json.dumps(v, ensure_ascii=False) if isinstance(v, list) else ("" if v is None else v) for v in row.values()
        )
    typer.echo(buf.getvalue(), nl=False)


def _cell(value: Any, width: int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        text = f"{value:g}"
    elif isinstance(value, list):
        text = ", ".join(str(v) for v in value)
    else:
        text = str(_plain(value))
    text = " ".join(text.split())
    if width and len(text) > width:
        text = text[: width - 1] + "…"
    return text


def rich_table(
    table: pa.Table,
    title: str,
    columns: Sequence[str] | None = None,
    widths: dict[str, int] | None = None,
    caption: str | None = None,
) -> Table:
    """A Rich table of some columns of ``table``; long cells are cut to ``widths``."""
    cols = list(columns or table.column_names)
    widths = widths or {}
    rows = [[_cell(row[c], widths.get(c)) for c in cols] for row in table.select(cols).to_pylist()]
    out = Table(title=title, caption=caption)
    for i, c in enumerate(cols):
        kind = table.schema.field(c).type
        numeric = pa.types.is_integer(kind) or pa.types.is_floating(kind)
        # Codes, dates and numbers are never cut (their header may wrap); long text wraps in what is left.
        longest = max((len(r[i]) for r in rows), default=0)
        keep = longest if numeric or longest <= _SHORT else None
        out.add_column(c, justify="right" if numeric else "left", min_width=keep, overflow="fold")
    for r in rows:
        out.add_row(*r)
    return out


def emit(
    table: pa.Table,
    fmt: OutputFormat,
    title: str,
    *,
    columns: Sequence[str] | None = None,
    widths: dict[str, int] | None = None,
    caption: str | None = None,
) -> None:
    """Write ``table`` to standard output in the chosen format (json and csv carry every column)."""
    if fmt is OutputFormat.json:
        emit_json(records(table))
    elif fmt is OutputFormat.csv:
        emit_csv(table)
    else:
        Console().print(rich_table(table, title, columns, widths, caption))
