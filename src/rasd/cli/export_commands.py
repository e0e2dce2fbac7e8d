"""`rasd export`: a thin call into rasd.export on a read-only store."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from rasd.errors import RasdError
from rasd.export import (
    EVENT_FORMATS,
    EVENT_TABLES,
    FORMATS,
    TABLES,
    ExportError,
    check_request,
    export_to_path,
    export_to_stream,
)
from rasd.store.db import DEFAULT_DB, connect

err = Console(stderr=True)


def _fail(error: RasdError) -> typer.Exit:
    err.print(f"[red]Error:[/red] {escape(str(error))}", highlight=False, soft_wrap=True)
    return typer.Exit(1)


def export(
    db: Annotated[Path, typer.Option("--db", help="The rasd store to read (a DuckDB file).")] = Path(DEFAULT_DB),
    fmt: Annotated[str, typer.Option("--format", "-f", help=f"One of {', '.join(FORMATS)}.")] = "jsonl",
    table: Annotated[
        str,
        typer.Option(
            "--table",
            "-t",
            help=f"One of {', '.join(TABLES)}; {' and '.join(EVENT_FORMATS)} take {' or '.join(EVENT_TABLES)}.",
        ),
    ] = "events",
    output: Annotated[
        str | None, typer.Option("-o", "--output", help="File to write (- for stdout; not for parquet).")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary.")] = False,
) -> None:
    """Export a store table as JSONL, CSV or Parquet, or its events (one row per event or per story)
    in the GDELT 2.0 layout (61 tab-separated columns, no header) or as PLOVER JSONL.

    Example: rasd export --db rasd.duckdb --format gdelt --table events -o out/events.gdelt.tsv
    """
    try:
        check_request(fmt, table)
        if output is None:
            raise ExportError("say where to write with -o FILE (or -o - for stdout)", item="--output")
        if output == "-" and fmt == "parquet":
            raise ExportError("Parquet is binary: give -o FILE.parquet, not stdout", item="--output")
        con = connect(db, read_only=True)
        try:
            if output == "-":
                n = export_to_stream(con, fmt, table, sys.stdout)
            else:
                n = export_to_path(con, fmt, table, Path(output))
        except OSError as exc:
            raise ExportError(f"cannot write {output}: {exc.strerror or exc}", item="--output") from exc
        finally:
            con.close()
    except RasdError as exc:
        raise _fail(exc) from exc
    if not quiet and output != "-":
        err.print(escape(f"wrote {n} {table} rows as {fmt} to {output}"), highlight=False)


def register(app: typer.Typer) -> None:
    """Add ``rasd export`` to the CLI."""
    app.command("export")(export)
