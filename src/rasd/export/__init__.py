"""Exports of the store: any table as JSONL, CSV or Parquet; events and stories as GDELT 2.0 or PLOVER.

The formats and every mapping decision are described in docs/exports.md.

    from rasd.store.db import connect
    from rasd.export import export_to_path
    con = connect("rasd.duckdb", read_only=True)
    export_to_path(con, "gdelt", "events", Path("out/events.gdelt.tsv"))
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TextIO

import duckdb

from rasd.export.codes import GDELT_COLUMNS, GDELT_NAMES
from rasd.export.common import EVENT_FORMATS, EVENT_TABLES, FORMATS, TABLES, ExportError, check_request
from rasd.export.gdelt import write_gdelt
from rasd.export.plover import write_plover
from rasd.export.tables import write_csv, write_jsonl, write_parquet

__all__ = [
    "EVENT_FORMATS",
    "EVENT_TABLES",
    "FORMATS",
    "GDELT_COLUMNS",
    "GDELT_NAMES",
    "TABLES",
    "ExportError",
    "check_request",
    "export_to_path",
    "export_to_stream",
]


def export_to_stream(con: duckdb.DuckDBPyConnection, fmt: str, table: str, out: TextIO) -> int:
    """Write a text format (jsonl, csv, gdelt, plover) to an open stream; return the rows written."""
    check_request(fmt, table)
    if fmt == "jsonl":
        return write_jsonl(con, table, out)
    if fmt == "csv":
        return write_csv(con, table, out)
    if fmt == "gdelt":
        return write_gdelt(con, out, table)
    if fmt == "plover":
        return write_plover(con, out, table)
    raise ExportError("Parquet is binary: give a file path, not a stream", item="--output")


def export_to_path(con: duckdb.DuckDBPyConnection, fmt: str, table: str, path: Path) -> int:
    """Write any format to ``path`` (parents created); the file appears complete or not at all."""
    check_request(fmt, table)
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name(path.name + ".part")
    try:
        if fmt == "parquet":
            n = write_parquet(con, table, part)
        else:
            with part.open("w", encoding="utf-8", newline="") as out:
                n = export_to_stream(con, fmt, table, out)
        os.replace(part, path)
    finally:
        part.unlink(missing_ok=True)
    return n
