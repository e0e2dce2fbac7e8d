"""`rasd sql`: one SELECT on a read-only connection with external access off; rows capped, time limited."""

from __future__ import annotations

import pytest

from rasd.errors import QueryError
from rasd.query import run_sql, sql
from rasd.settings import Settings


@pytest.mark.parametrize(
    ("statement", "message"),
    [
        ("DELETE FROM events", "rasd sql is read-only: only SELECT is allowed, not DELETE"),
        ("DROP TABLE events", "only SELECT is allowed, not DROP"),
        ("INSERT INTO runs VALUES ('x')", "only SELECT is allowed, not INSERT"),
        ("UPDATE documents SET text = ''", "only SELECT is allowed, not UPDATE"),
        ("COPY events TO 'out.csv'", "only SELECT is allowed, not COPY"),
        ("ATTACH 'other.duckdb'", "only SELECT is allowed, not ATTACH"),
        ("SELECT 1; DELETE FROM events", "give exactly one statement; got 2"),
        ("", "give one SELECT statement"),
        ("SELEKT 1", "not valid SQL"),
    ],
)
def test_sql_refuses_anything_but_one_select(examples_db, statement, message):
    with pytest.raises(QueryError, match=message):
        sql(examples_db, statement)


def test_sql_select_cannot_read_or_write_files(con, tmp_path):
    with pytest.raises(QueryError, match="disabled by configuration"):
        run_sql(con, "SELECT * FROM read_csv('/etc/passwd')")
    with pytest.raises(QueryError, match="only SELECT is allowed, not SET"):
        run_sql(con, "SET enable_external_access = true")
    with pytest.raises(QueryError, match="disabled by configuration"):
        run_sql(con, f"SELECT * FROM read_parquet('{tmp_path / 'x.parquet'}')")


def test_sql_rows_are_capped(con):
    rows = run_sql(con, "SELECT * FROM range(100)", Settings(query_max_rows=10))
    assert rows.table.num_rows == 10 and rows.truncated
    assert not run_sql(con, "SELECT * FROM range(5)", Settings(query_max_rows=10)).truncated
    assert run_sql(con, "SELECT type FROM events", limit=3).table.num_rows == 3


def test_sql_long_queries_are_stopped(con):
    slow = "SELECT count(*) FROM range(1000000000000) a"
    with pytest.raises(QueryError, match=r"ran longer than 0.2 s and was stopped; narrow it down"):
        run_sql(con, slow, Settings(query_timeout_s=0.2))


def test_sql_reads_the_store(con):
    rows = run_sql(con, "SELECT count(*) AS n FROM documents").table.to_pylist()
    assert rows == [{"n": 15}]
