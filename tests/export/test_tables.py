"""Table exports: JSONL, CSV and Parquet of every store table, complete and in a fixed order."""

from __future__ import annotations

import csv
import json

import pyarrow.parquet as pq
import pytest

import rasd.export
from rasd.export import TABLES, export_to_path


def _columns(con, table: str) -> list[str]:
    return [d[0] for d in con.execute(f"SELECT * FROM {table} LIMIT 0").description]


def _count(con, table: str) -> int:
    return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


@pytest.mark.parametrize("table", TABLES)
def test_tables_parquet_reads_back_with_pyarrow(con, tmp_path, table):
    path = tmp_path / f"{table}.parquet"
    assert export_to_path(con, "parquet", table, path) == _count(con, table)
    back = pq.read_table(path)
    assert back.num_rows == _count(con, table)
    assert back.column_names == _columns(con, table)


def test_tables_parquet_keeps_duckdb_types(con, tmp_path):
    path = tmp_path / "events.parquet"
    export_to_path(con, "parquet", "events", path)
    schema = pq.read_schema(path)
    assert str(schema.field("contexts").type) == "list<element: string>"
    assert str(schema.field("day").type) == "date32[day]"
    assert str(schema.field("evidence").type) == "list<element: list<element: int32>>"
    assert str(schema.field("joint").type) == "bool"


@pytest.mark.parametrize("table", TABLES)
def test_tables_csv_has_a_header_and_every_row(con, tmp_path, table):
    path = tmp_path / f"{table}.csv"
    export_to_path(con, "csv", table, path)
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == _columns(con, table)
    assert len(rows) - 1 == _count(con, table)


def test_tables_csv_writes_lists_as_json(con, tmp_path):
    path = tmp_path / "events.csv"
    export_to_path(con, "csv", "events", path)
    with path.open(encoding="utf-8", newline="") as fh:
        first = next(csv.DictReader(fh))
    assert json.loads(first["contexts"]) == ["diplomatic"]
    assert first["joint"] == "false"
    assert first["source_start"] == ""  # NULL


@pytest.mark.parametrize("table", TABLES)
def test_tables_jsonl_one_object_per_row(con, tmp_path, table):
    path = tmp_path / f"{table}.jsonl"
    export_to_path(con, "jsonl", table, path)
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(records) == _count(con, table)
    assert all(list(r) == _columns(con, table) for r in records)


def test_tables_jsonl_dates_are_iso_text(con, tmp_path):
    path = tmp_path / "stories.jsonl"
    export_to_path(con, "jsonl", "stories", path)
    meeting = next(r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines()) if r["num_articles"] == 2)
    assert meeting["day"] == "2024-07-03"
    assert meeting["event_ids"] == ["d1-e1", "d3-e1"]


def test_tables_failed_export_leaves_no_file(con, tmp_path, monkeypatch):
    def half_then_fail(con, table, out):
        out.write('{"event_id": "d1-e1"}\n')
        raise RuntimeError("disk gone")

    monkeypatch.setattr(rasd.export, "write_jsonl", half_then_fail)
    path = tmp_path / "out" / "events.jsonl"
    with pytest.raises(RuntimeError):
        export_to_path(con, "jsonl", "events", path)
    assert list(path.parent.iterdir()) == []
