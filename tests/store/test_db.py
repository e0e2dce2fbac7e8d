"""The store's schema (schema.sql, the contract) and the one mapping from records to its columns."""

from __future__ import annotations

import duckdb
import pytest

from rasd.errors import StoreError
from rasd.store import connect
from rasd.store.rows import TABLES

DUCKDB_TYPES = {
    "string": "VARCHAR",
    "int32": "INTEGER",
    "int64": "BIGINT",
    "bool": "BOOLEAN",
    "double": "DOUBLE",
    "date32[day]": "DATE",
    "list<item: string>": "VARCHAR[]",
    "list<item: int64>": "BIGINT[]",
    "list<item: list<item: int32>>": "INTEGER[][]",
}


@pytest.mark.parametrize("table", sorted(TABLES))
def test_db_schema_columns_match_the_rows_mapping(tmp_path, table):
    con = connect(tmp_path / "t.duckdb")
    described = con.execute(
        "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = ? ORDER BY column_index", [table]
    ).fetchall()
    con.close()
    expected = [(f.name, DUCKDB_TYPES[str(f.type)]) for f in TABLES[table]]
    assert described == expected


def test_db_connect_twice_keeps_the_data(tmp_path):
    db = tmp_path / "t.duckdb"
    con = connect(db)
    con.execute("INSERT INTO runs (run_id, started_at, rasd_version, inputs) VALUES ('r', now(), 'v', [])")
    con.close()
    con = connect(db)
    assert con.execute("SELECT count(*) FROM runs").fetchall() == [(1,)]
    con.close()


def test_db_read_only_refuses_a_missing_file(tmp_path):
    with pytest.raises(StoreError, match=r"no database here; run `rasd ingest FILES --db .*nope.duckdb` first"):
        connect(tmp_path / "nope.duckdb", read_only=True)


def test_db_read_only_refuses_writes_and_files(tmp_path):
    connect(tmp_path / "t.duckdb").close()
    con = connect(tmp_path / "t.duckdb", read_only=True)
    with pytest.raises(duckdb.Error, match="read-only"):
        con.execute("DELETE FROM events")
    with pytest.raises(duckdb.Error, match="disabled by configuration"):
        con.execute(f"COPY events TO '{tmp_path / 'x.csv'}'")
    with pytest.raises(duckdb.Error, match="locked"):
        con.execute("SET enable_external_access = true")
    con.close()


HOLD = "import duckdb, sys; c = duckdb.connect({db!r}); print('ok', flush=True); sys.stdin.read()"


def test_db_a_database_being_written_is_reported_as_busy(tmp_path):
    import subprocess
    import sys

    db = tmp_path / "t.duckdb"
    connect(db).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb, sys; c = duckdb.connect({str(db)!r}); print('ok', flush=True); sys.stdin.read()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ok"
        with pytest.raises(StoreError, match="open for writing in another process"):
            connect(db, read_only=True)
    finally:
        holder.communicate("")
