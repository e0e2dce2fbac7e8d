"""Any store table as JSONL, CSV or Parquet: every column, in schema order, rows in primary-key order.

- JSONL: one object per row; lists stay lists, dates and timestamps are ISO 8601 strings, NULL is null.
- CSV: a header row, then RFC 4180 rows; lists are written as JSON text, NULL as an empty cell,
  booleans as ``true``/``false``.
- Parquet: written by pyarrow from DuckDB's Arrow result, so the DuckDB types are kept (VARCHAR[] is
  list<string>, INTEGER[][] list<list<int32>>, DATE date32, TIMESTAMP timestamp[us]).
"""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import json
import uuid
from pathlib import Path
from typing import Any, TextIO

import duckdb
import pyarrow as pa

from rasd.export.common import BATCH_ROWS, TABLE_ORDER, ExportError, open_query
from rasd.store.db import query_reader, schema_sql


def table_sql(table: str) -> str:
    """``SELECT *`` of a store table in a fixed order. The name is checked against the schema's tables,
    so no user text reaches the SQL."""
    if table not in TABLE_ORDER:
        raise ExportError(f"unknown table {table!r}; choose one of {', '.join(TABLE_ORDER)}", item="--table")
    return f"SELECT * FROM {table} ORDER BY {TABLE_ORDER[table]}"


def _plain(value: Any) -> Any:
    """A DuckDB value as JSON can hold it."""
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _rows(con: duckdb.DuckDBPyConnection, table: str) -> tuple[list[str], Any]:
    cur, names = open_query(con, table_sql(table))

    def batches() -> Any:
        try:
            while batch := cur.fetchmany(BATCH_ROWS):
                yield from batch
        finally:
            cur.close()

    return names, batches()


def write_jsonl(con: duckdb.DuckDBPyConnection, table: str, out: TextIO) -> int:
    names, rows = _rows(con, table)
    n = 0
    for row in rows:
        obj = {name: _plain(value) for name, value in zip(names, row, strict=True)}
        out.write(json.dumps(obj, ensure_ascii=False) + "\n")
        n += 1
    return n


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple | dict):
        return json.dumps(_plain(value), ensure_ascii=False)
    plain = _plain(value)
    return plain if isinstance(plain, str) else str(plain)


def write_csv(con: duckdb.DuckDBPyConnection, table: str, out: TextIO) -> int:
    names, rows = _rows(con, table)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(names)
    n = 0
    for row in rows:
        writer.writerow([_csv_cell(v) for v in row])
        n += 1
    return n


def parquet_schema(table: str) -> pa.Schema:
    """The Arrow schema ``rasd export --format parquet --table TABLE`` writes, read from an empty in-memory
    store, so that other writers of rasd Parquet (``rasd spark``) produce files with the same columns and
    types without a second copy of the type mapping."""
    con = duckdb.connect(":memory:")
    try:
        con.execute(schema_sql())
        return query_reader(con, table_sql(table)).schema
    finally:
        con.close()


def write_parquet(con: duckdb.DuckDBPyConnection, table: str, path: Path) -> int:
    import pyarrow.parquet as pq  # only Parquet needs pyarrow

    sql = table_sql(table)
    try:
        reader = query_reader(con, sql, batch_rows=BATCH_ROWS)
    except duckdb.CatalogException as exc:
        raise ExportError(f"not a rasd store: {exc}", item="--db") from exc
    n = 0
    with pq.ParquetWriter(str(path), reader.schema) as writer:
        for batch in reader:
            writer.write_batch(batch)
            n += batch.num_rows
    return n
