"""``rasd sql``: one read-only SELECT over the store.

Three locks, each enough on its own for writes: the statement must parse as exactly one SELECT; the
connection is read-only (``store/db.py``), so DuckDB refuses any write to the database; and external
access is off with the configuration locked, so no file can be read or written, no database attached
and no extension loaded. Rows are capped and time-limited by ``settings.py``.
"""

from __future__ import annotations

import duckdb

from rasd.errors import QueryError
from rasd.query.filters import row_limit
from rasd.query.run import Rows, fetch
from rasd.settings import DEFAULT_SETTINGS, Settings
from rasd.store.db import DbPath, connect

_MAX_SQL = 20_000


def check_select(con: duckdb.DuckDBPyConnection, query: str) -> None:
    """Refuse anything but one SELECT (WITH … SELECT, VALUES and set operations are SELECTs too)."""
    if not isinstance(query, str) or not query.strip():
        raise QueryError('give one SELECT statement, e.g. rasd sql "SELECT type, count(*) FROM events GROUP BY type"')
    if len(query) > _MAX_SQL:
        raise QueryError(f"the statement is longer than {_MAX_SQL} characters")
    try:
        statements = con.extract_statements(query)
    except duckdb.Error as exc:
        raise QueryError(f"not valid SQL: {exc}") from None
    if len(statements) != 1:
        raise QueryError(f"give exactly one statement; got {len(statements)}")
    kind = statements[0].type
    if kind != duckdb.StatementType.SELECT:
        name = getattr(kind, "name", str(kind))
        raise QueryError(f"rasd sql is read-only: only SELECT is allowed, not {name}")


def run_sql(
    con: duckdb.DuckDBPyConnection, query: str, settings: Settings = DEFAULT_SETTINGS, limit: int | None = None
) -> Rows:
    """Rows of one SELECT on a read-only connection, at most ``limit`` (default: the settings' cap)."""
    check_select(con, query)
    cap = settings.query_max_rows if limit is None else row_limit(limit, settings)
    try:
        return fetch(con, query, [], settings, cap=cap)
    except duckdb.Error as exc:
        raise QueryError(str(exc).splitlines()[0]) from None


def sql(path: DbPath, query: str, settings: Settings = DEFAULT_SETTINGS, limit: int | None = None) -> Rows:
    """Open the store at ``path`` read-only and run one SELECT (what ``rasd sql`` does)."""
    con = connect(path, read_only=True)
    try:
        return run_sql(con, query, settings, limit)
    finally:
        con.close()
