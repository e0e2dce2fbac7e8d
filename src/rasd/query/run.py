"""Running a query under the limits of ``settings.py``: a row cap and a time limit.

The time limit interrupts DuckDB from a timer thread (``connection.interrupt``), so a runaway query
ends with a message instead of hanging the terminal or the HTTP worker.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import duckdb
import pyarrow as pa

from rasd.errors import QueryError
from rasd.settings import Settings
from rasd.store.db import query_reader


@dataclass(frozen=True, slots=True)
class Rows:
    """A query's rows, and whether the cap cut them short."""

    table: pa.Table
    truncated: bool = False


def fetch(
    con: duckdb.DuckDBPyConnection, sql: str, params: list[object], settings: Settings, cap: int | None = None
) -> Rows:
    """Run ``sql`` with ``params`` and return at most ``cap`` rows (default: the settings' maximum)."""
    cap = settings.query_max_rows if cap is None else cap
    timer = threading.Timer(settings.query_timeout_s, con.interrupt)
    timer.start()
    batches: list[pa.RecordBatch] = []
    kept = 0
    truncated = False
    try:
        reader = query_reader(con, sql, params or None)
        try:
            schema = reader.schema
            for batch in reader:
                if kept + batch.num_rows > cap:
                    batches.append(batch.slice(0, cap - kept))
                    truncated = True
                    break
                batches.append(batch)
                kept += batch.num_rows
        finally:
            reader.close()  # a result left open would block the connection's next query
    except duckdb.InterruptException:
        raise QueryError(
            f"the query ran longer than {settings.query_timeout_s:g} s and was stopped; narrow it down"
        ) from None
    finally:
        timer.cancel()
    return Rows(pa.Table.from_batches(batches, schema=schema), truncated)


def scalar(con: duckdb.DuckDBPyConnection, sql: str, params: list[object], settings: Settings) -> int:
    """A single count."""
    table = fetch(con, sql, params, settings, cap=1).table
    return int(table.column(0)[0].as_py()) if table.num_rows else 0
