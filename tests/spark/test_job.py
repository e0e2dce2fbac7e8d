"""rasd spark against a local ingest of the same inputs, in the same test run (the coder changes while
rasd is developed, so nothing here is a frozen expected file): the same rows in every table, the same
stories, the Parquet schema of ``rasd export``, and year/month partitions as documented."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import duckdb
import pyarrow.parquet as pq
import pytest

pytest.importorskip("pyspark")

from rasd.export import export_to_path  # noqa: E402
from rasd.export.common import TABLE_ORDER, event_day  # noqa: E402
from rasd.read import read_inputs  # noqa: E402
from rasd.records import Problem  # noqa: E402
from rasd.spark import OUTPUT_TABLES, SparkSummary, run_spark  # noqa: E402
from rasd.store.db import connect  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
DEV_DOCS = REPO.parent / "shared" / "data" / "dev" / "docs.jsonl"
COMPARED = ("documents", "people", "mentions", "events", "partnerships", "stories")


def spark_rows(out: Path, table: str, extra: str = "") -> list[tuple[Any, ...]]:
    """A table of the Spark output read as the docs say DuckDB reads it, in the export's row order."""
    if not list((out / table).glob("**/*.parquet")):
        return []
    sql = (
        f"SELECT * EXCLUDE (year, month{extra}) "
        f"FROM read_parquet('{out / table}/**/*.parquet', hive_partitioning = true) ORDER BY {TABLE_ORDER[table]}"
    )
    return duckdb.connect().execute(sql).fetchall()


def local_rows(db: Path, table: str, extra: str = "") -> list[tuple[Any, ...]]:
    con = connect(db, read_only=True)
    try:
        columns = f"* EXCLUDE ({extra.lstrip(', ')})" if extra else "*"
        return con.execute(f"SELECT {columns} FROM {table} ORDER BY {TABLE_ORDER[table]}").fetchall()
    finally:
        con.close()


def _local(tmp: Path, name: str, inputs: list[str], fields: Any) -> tuple[Path, dict[str, list[tuple[Any, ...]]]]:
    """A fresh local ingest in a process of its own, so it codes with the files as they are now."""
    db = tmp / name
    db.unlink(missing_ok=True)
    code = (
        "import json, sys; from rasd.read import FieldMap; from rasd.store.ingest import ingest_paths; "
        "a = json.loads(sys.argv[1]); "
        "ingest_paths(a['inputs'], a['db'], FieldMap(**a['fields']) if a['fields'] else None)"
    )
    arg = {"inputs": inputs, "db": str(db), "fields": dataclasses.asdict(fields) if fields else None}
    subprocess.run([sys.executable, "-c", code, json.dumps(arg)], check=True)
    extra = {"documents": ", run_id"}
    return db, {t: local_rows(db, t, extra.get(t, "")) for t in COMPARED}


def both(holder: Any, tmp: Path, inputs: list[str], **options: Any) -> tuple[SparkSummary, Path, Path]:
    """The Spark run between two local ingests. Other work may change the coder in this working tree
    while the tests run; when the two local runs differ the files changed under us, and all is run
    again in a fresh Spark session (new Python workers), so Spark is compared with a local run of the
    same code."""
    out = tmp / "spark"
    for attempt in range(3):
        if attempt:
            holder.start()
        _, before = _local(tmp, "before.duckdb", inputs, options.get("fields"))
        summary = run_spark(holder.session, inputs, str(out), overwrite=True, **options)
        db, after = _local(tmp, "local.duckdb", inputs, options.get("fields"))
        if before == after:
            return summary, out, db
    pytest.fail("the coder kept changing while the Spark test ran")


@pytest.fixture(scope="module")
def corpus(spark_holder: Any, tmp_path_factory: pytest.TempPathFactory) -> tuple[SparkSummary, Path, Path]:
    """The examples and, when ../shared is beside the checkout, the 40 dev documents."""
    inputs = [str(EXAMPLES)] + ([str(DEV_DOCS)] if DEV_DOCS.exists() else [])
    return both(spark_holder, tmp_path_factory.mktemp("corpus"), inputs)


@pytest.mark.parametrize("table", COMPARED)
def test_spark_tables_equal_local_ingest(corpus, table):
    summary, out, db = corpus
    extra = ", run_id" if table == "documents" else ""  # a run's id is its own
    local = local_rows(db, table, extra)
    assert spark_rows(out, table, extra) == local
    if table in ("documents", "events", "stories"):
        assert local  # the comparison is not of two empty tables


def test_spark_summary_counts_what_it_wrote(corpus):
    summary, out, db = corpus
    con = connect(db, read_only=True)
    try:
        ((coded, skipped, events),) = con.execute("SELECT coded, skipped, events FROM runs").fetchall()
    finally:
        con.close()
    assert (summary.coded, summary.skipped, summary.events, summary.errors) == (coded, skipped, events, 0)
    assert summary.files == len(list(EXAMPLES.glob("*.txt"))) + int(DEV_DOCS.exists())  # README.md is no news
    assert summary.stories == len(spark_rows(out, "stories"))
    (run,) = spark_rows(out, "runs")
    assert run[0] == summary.run_id and run[5:12] == (summary.read, coded, 0, skipped, 0, events, 0)


@pytest.mark.parametrize("table", OUTPUT_TABLES)
def test_spark_parquet_schema_is_the_export_schema(corpus, tmp_path, table):
    _, out, db = corpus
    con = connect(db, read_only=True)
    try:
        export_to_path(con, "parquet", table, tmp_path / "export.parquet")
    finally:
        con.close()
    expected = pq.read_schema(tmp_path / "export.parquet").remove_metadata()
    parts = sorted((out / table).glob("year=*/month=*/*.parquet"))
    assert parts
    for part in parts:
        assert pq.read_schema(part).remove_metadata() == expected, part


def _partition(part: Path) -> tuple[int, int]:
    return int(part.parent.parent.name.removeprefix("year=")), int(part.parent.name.removeprefix("month="))


def test_spark_partitions_follow_the_documented_dates(corpus):
    _, out, _ = corpus
    published: dict[str, str | None] = {}
    seen: set[tuple[int, int]] = set()
    for part in (out / "documents").glob("year=*/month=*/*.parquet"):
        for row in pq.read_table(part, columns=["doc_id", "published"]).to_pylist():
            published[row["doc_id"]] = row["published"]
            day = event_day(None, None, row["published"])[0]
            assert _partition(part) == ((day.year, day.month) if day else (0, 0))
            seen.add(_partition(part))
    assert (0, 0) in seen and len(seen) > 2  # undated documents have their partition, dated ones theirs
    for part in (out / "events").glob("year=*/month=*/*.parquet"):
        for row in pq.read_table(part, columns=["doc_id", "day", "date"]).to_pylist():
            day = event_day(row["day"], row["date"], published[row["doc_id"]])[0]
            assert _partition(part) == ((day.year, day.month) if day else (0, 0))
    for part in (out / "stories").glob("year=*/month=*/*.parquet"):
        for row in pq.read_table(part, columns=["day", "first_seen"]).to_pylist():
            day = row["day"] or event_day(None, None, row["first_seen"])[0]
            assert _partition(part) == ((day.year, day.month) if day else (0, 0))


def _reprint(text: str) -> str:
    """A paper's reprint of a wire story: its own byline and a credit line, the rest as sent."""
    return text.replace("(واس)", "(الرياض)").replace("- واس", "- الرياض") + "\nالمصدر: وكالة الأنباء السعودية"


def test_spark_near_duplicates_and_repeated_ids_as_a_local_ingest(spark_holder, tmp_path):
    wire = (EXAMPLES / "05_spa_jubeir_lavrov_moscow.txt").read_text(encoding="utf-8")
    other = (EXAMPLES / "14_spa_macron_mbs_riyadh.txt").read_text(encoding="utf-8")
    third = (EXAMPLES / "07_qna_emir_pezeshkian_call.txt").read_text(encoding="utf-8")
    rows = [
        {"id": "wire", "text": wire, "source": "spa"},
        {"id": "paper", "text": _reprint(wire), "source": "okaz"},  # a reprint: counts once in stories
        {"id": "macron", "text": other, "source": "spa"},
        {"id": "paper2", "text": _reprint(other), "source": "riyadh"},
        {"id": "wire", "text": wire, "source": "spa-again"},  # the same id and text: the first is kept
        {"id": "call", "text": third, "source": "qna"},
        {"id": "call", "text": third + "\nتحديث", "source": "qna"},  # the same id, a new text: it wins
    ]
    corpus = tmp_path / "day.jsonl"
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    summary, out, db = both(spark_holder, tmp_path, [str(corpus)])
    assert summary.duplicates == 2
    dup = "SELECT doc_id, duplicate_of FROM documents ORDER BY doc_id"
    assert duckdb.connect().execute(
        f"SELECT doc_id, duplicate_of FROM read_parquet('{out}/documents/**/*.parquet') ORDER BY doc_id"
    ).fetchall() == [("call", None), ("macron", None), ("paper", "wire"), ("paper2", "macron"), ("wire", None)]
    assert local_rows(db, "documents", ", run_id") == spark_rows(out, "documents", ", run_id")
    con = connect(db, read_only=True)
    try:
        assert con.execute(dup).fetchall()[2] == ("paper", "wire")
    finally:
        con.close()
    stories = spark_rows(out, "stories")
    assert stories == local_rows(db, "stories")
    assert any(s[6] == 1 and s[5] == 2 for s in stories)  # two mentions, one article: the reprint


def test_spark_problems_are_those_of_the_local_readers(spark, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.jsonl").write_text('{"id": "x", "text": "نص"}\nnot json\n{"id": "y"}\n', encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    inputs = [str(folder), str(tmp_path / "missing.txt"), str(tmp_path / "nothing-*.json")]
    summary = run_spark(spark, inputs, str(tmp_path / "out"))
    local = [p for p in read_inputs(inputs) if isinstance(p, Problem)]
    assert len(local) == 5
    lines = [
        line for f in sorted((tmp_path / "out" / "problems").glob("part-*")) for line in f.read_text().splitlines()
    ]
    written = [json.loads(line) for line in lines]
    assert written == [p.to_dict() for p in local]
    assert summary.errors == 5 and [p.to_dict() for p in summary.problems] == written


def test_spark_refuses_an_output_that_holds_a_run(spark, tmp_path):
    from rasd.spark import SparkJobError

    out = tmp_path / "out"
    first = run_spark(spark, [str(EXAMPLES / "01_xi_putin_beijing.txt")], str(out))
    with pytest.raises(SparkJobError, match="--overwrite"):
        run_spark(spark, [str(EXAMPLES / "01_xi_putin_beijing.txt")], str(out))
    again = run_spark(spark, [str(EXAMPLES / "02_xi_sisi_beijing.txt")], str(out), overwrite=True)
    assert first.run_id != again.run_id
    assert {r[1] for r in spark_rows(out, "events")} == {"02_xi_sisi_beijing"}
    assert dt.date.today().year >= 2025  # the run's partition is its start date
    assert [p.name for p in (out / "runs").glob("year=*")] == [f"year={dt.datetime.now(dt.UTC).year}"]
