"""Connections to a rasd store (one DuckDB file): the schema comes from ``schema.sql`` in the package.

Writers (``rasd ingest``) open the file read-write and create the tables on first use. Everything
that only asks questions opens it read-only with DuckDB's external access switched off and the
configuration locked, so that ``rasd sql`` cannot write the database, read or write other files,
attach databases or load extensions, whatever the statement says.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from rasd.errors import StoreError

DEFAULT_DB = "rasd.duckdb"

DbPath = str | os.PathLike[str]


def schema_sql() -> str:
    """The text of schema.sql, the contract for every table of the store."""
    return resources.files("rasd.store").joinpath("schema.sql").read_text(encoding="utf-8")


def _open(path: DbPath, read_only: bool) -> duckdb.DuckDBPyConnection:
    config: dict[str, Any] = {}
    if read_only:
        config = {"enable_external_access": False, "lock_configuration": True}
    try:
        return duckdb.connect(str(path), read_only=read_only, config=config)
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise StoreError(
                "the database is open for writing in another process (an ingest?); try again when it finishes",
                item=str(path),
            ) from exc
        raise StoreError(f"cannot open the database: {exc}", item=str(path)) from exc
    except duckdb.Error as exc:
        raise StoreError(f"not a rasd database (DuckDB says: {exc})", item=str(path)) from exc


def connect(path: DbPath, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """A connection to the store at ``path``; read-write creates the file and its tables if needed,
    read-only refuses a file that does not exist (so a typo does not look like an empty store)."""
    if read_only:
        if not Path(path).is_file():
            raise StoreError(f"no database here; run `rasd ingest FILES --db {path}` first", item=str(path))
        return _open(path, read_only=True)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    con = _open(path, read_only=False)
    con.execute(schema_sql())
    return con


def query_arrow(con: duckdb.DuckDBPyConnection, sql: str, params: object = None) -> pa.Table:
    """The rows of a query as an Arrow table, values bound as parameters."""
    table: pa.Table = con.sql(sql, params=params).to_arrow_table()
    return table


def query_reader(
    con: duckdb.DuckDBPyConnection, sql: str, params: object = None, batch_rows: int = 1024
) -> pa.RecordBatchReader:
    """The rows of a query as a stream of Arrow batches, so that a row cap stops the fetch early (the
    method is ``to_arrow_reader`` in DuckDB 2 and ``record_batch`` in 1.x)."""
    rel = con.sql(sql, params=params)
    reader = getattr(rel, "to_arrow_reader", None) or getattr(rel, "record_batch")  # noqa: B009
    stream: pa.RecordBatchReader = reader(batch_rows)
    return stream


def table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Rows per table of the store, for summaries and for tests of idempotence."""
    sql = "SELECT table_name FROM duckdb_tables() WHERE NOT temporary ORDER BY table_name"
    names = [r[0] for r in con.execute(sql).fetchall()]
    out: dict[str, int] = {}
    for name in names:
        # Table names come from the catalogue, not from a user; identifiers cannot be parameters.
        ((count,),) = con.execute(f'SELECT count(*) FROM "{name}"').fetchall()
        out[name] = int(count)
    return out
