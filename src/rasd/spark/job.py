"""``rasd spark``: code a corpus on Spark and write the store's tables as Parquet partitioned by year/month.

The job, in order (docs/spark.md):

1. list the inputs on the driver over Hadoop's FileSystem (``listing.py``);
2. read the files with ``binaryFiles`` and decode them on the executors with rasd's own readers, so a
   format behaves as it does locally; the last text of a document id wins (a shuffle by id, which also
   spreads the documents of one large archive over every executor);
3. code each partition with the lexicons of its worker process, through the store's row mapping;
4. find near-duplicates across the corpus (``duplicates.py``);
5. write ``documents``, ``people``, ``mentions``, ``events``, ``partnerships``, then ``stories`` (a Spark
   aggregation over the events written, ``stories.py``) and the one-row ``runs``, each as
   ``OUTPUT/<table>/year=Y/month=M/part-*.parquet`` with the columns and types of
   ``rasd export --format parquet``; problems go to ``OUTPUT/problems/`` as JSON lines.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from rasd import __version__
from rasd.errors import RasdError
from rasd.export.common import TABLE_ORDER
from rasd.read.sources import FieldMap
from rasd.records import Problem
from rasd.settings import DEFAULT_SETTINGS, Settings
from rasd.spark.coding import (
    CodedRows,
    Order,
    code_partition,
    kept,
    partition_of_event,
    partition_of_published,
    read_partition,
)
from rasd.spark.duplicates import confirmed_pairs, mark, resolve
from rasd.spark.listing import hadoop_paths, list_inputs
from rasd.spark.schema import PARTITION_COLUMNS, table_schema
from rasd.spark.stories import story_frame
from rasd.store.rows import DOCUMENTS

DOCUMENT_TABLES = ("documents", "people", "mentions", "events", "partnerships")
OUTPUT_TABLES = (*DOCUMENT_TABLES, "stories", "runs")
# SQL settings the output depends on: TIMESTAMP as Parquet INT64 microseconds (not INT96), as pyarrow
# writes DuckDB's TIMESTAMP; the session zone fixed so nothing depends on the machine's.
SESSION_CONF = {
    "spark.sql.parquet.outputTimestampType": "TIMESTAMP_MICROS",
    "spark.sql.session.timeZone": "UTC",
}


class SparkJobError(RasdError):
    """A Spark run that cannot start: its output is in the way, or pyspark is missing."""

    code = "K700"


@dataclass
class SparkSummary:
    """What a run wrote; ``problems`` holds the first ``shown`` problems, ``errors`` counts them all."""

    output: str
    run_id: str
    files: int = 0
    coded: int = 0
    skipped: int = 0
    errors: int = 0
    events: int = 0
    duplicates: int = 0
    stories: int = 0
    seconds: float = 0.0
    problems: list[Problem] = field(default_factory=list)

    @property
    def read(self) -> int:
        """Documents written plus problems (a document id read twice counts once: its last text)."""
        return self.coded + self.skipped + self.errors

    def line(self) -> str:
        return (
            f"read {self.read} from {self.files} files, coded {self.coded}, skipped {self.skipped} (not-arabic), "
            f"errors {self.errors}, events {self.events}, near-duplicates {self.duplicates}, stories {self.stories}, "
            f"{self.seconds:.1f} s"
        )


def spark_session(master: str | None = None, app_name: str = "rasd", conf: dict[str, str] | None = None) -> Any:
    """A SparkSession for rasd: the executors' Python is this interpreter unless PYSPARK_PYTHON says
    otherwise (a worker without rasd, pyarrow and numpy fails late and obscurely); the master is
    ``master``, else what spark-submit set, else ``local[*]``; ``conf`` adds Spark settings."""
    from pyspark import SparkConf
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(app_name)
    if master:
        builder = builder.master(master)
    elif not SparkConf().contains("spark.master"):
        builder = builder.master("local[*]")
    for key, value in {**SESSION_CONF, **(conf or {})}.items():
        builder = builder.config(key, value)
    return builder.getOrCreate()


def _hadoop_path(spark: Any, path: str) -> tuple[Any, Any]:
    jvm = spark.sparkContext._jvm
    hpath = jvm.org.apache.hadoop.fs.Path(path)
    return hpath.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration()), hpath


def _clear_output(spark: Any, output: str, overwrite: bool) -> None:
    """Refuse an output folder that holds anything, unless ``overwrite``, which deletes it first."""
    fs, hpath = _hadoop_path(spark, output)
    if not fs.exists(hpath):
        return
    if not fs.getFileStatus(hpath).isDirectory():
        raise SparkJobError("the output exists and is a file; name a folder", item=output)
    if len(fs.listStatus(hpath)) == 0:
        return
    if not overwrite:
        raise SparkJobError("the output folder is not empty; use --overwrite to replace it", item=output)
    fs.delete(hpath, True)


def _rows_of(coded: CodedRows, table: str) -> Iterator[tuple[Any, ...]]:
    """A document's rows of one table with their year/month partition appended."""
    (doc_row,) = coded.rows["documents"]
    published = doc_row[DOCUMENTS.names.index("published")]
    for row in coded.rows[table]:
        ym = partition_of_event(row, published) if table == "events" else partition_of_published(published)
        yield (*row, *ym)


def _table_path(output: str, table: str) -> str:
    return output.rstrip("/") + "/" + table


def _write(df: Any, output: str, table: str, partitions: int) -> None:
    """One table, one file per year/month partition, rows in the export's key order inside it."""
    order = [c.strip() for c in TABLE_ORDER[table].split(",")]
    (
        df.repartition(partitions, *PARTITION_COLUMNS)
        .sortWithinPartitions(*order)
        .write.mode("error")
        .partitionBy(*PARTITION_COLUMNS)
        .parquet(_table_path(output, table))
    )


def _nullable(spark: Any, df: Any, table: str) -> Any:
    """``df`` with every column nullable, as in the exported files: aggregates such as ``count`` are
    never NULL and Spark would write them as required columns (a union's columns are nullable when
    either side's are; ``DataFrame.to`` keeps them required)."""
    return spark.createDataFrame([], table_schema(table)).unionByName(df)


def _read_back(spark: Any, output: str, table: str) -> Any:
    return spark.read.schema(table_schema(table)).parquet(_table_path(output, table))


def _write_problems(spark: Any, output: str, listed: list[tuple[Order, Problem]], results: Any) -> None:
    """Problems as JSON lines in reading order (one file: problems are few, or the input is broken)."""
    sc = spark.sparkContext
    lines = (
        sc.parallelize(listed, 1)
        .union(results)
        .sortBy(lambda op: op[0], numPartitions=1)
        .map(lambda op: json.dumps(op[1].to_dict(), ensure_ascii=False))
    )
    lines.saveAsTextFile(_table_path(output, "problems"))


def _run_row(run_id: str, started: dt.datetime, inputs: Sequence[str], s: SparkSummary) -> tuple[Any, ...]:
    finished = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    counts = (s.read, s.coded, 0, s.skipped, s.errors, s.events, 0)  # nothing is "unchanged" or "resumed"
    return (run_id, started, finished, __version__, list(inputs), *counts, started.year, started.month)


def run_spark(
    spark: Any,
    inputs: Sequence[str],
    output: str,
    *,
    fields: FieldMap | None = None,
    settings: Settings = DEFAULT_SETTINGS,
    partitions: int | None = None,
    overwrite: bool = False,
    shown: int = 20,
) -> SparkSummary:
    """Code ``inputs`` (paths, folders, globs or URIs) on ``spark`` and write the tables under ``output``."""
    from pyspark import StorageLevel

    t0 = time.perf_counter()
    fields = fields or FieldMap()
    for key, value in SESSION_CONF.items():
        spark.conf.set(key, value)
    started = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    run_id = hashlib.sha1((started.isoformat() + "\0" + "\0".join(inputs)).encode("utf-8")).hexdigest()
    summary = SparkSummary(output=output, run_id=run_id)
    _clear_output(spark, output, overwrite)
    listing = list_inputs(spark, list(inputs))
    summary.files = len(listing.files)
    sc = spark.sparkContext
    n = partitions or max(2, sc.defaultParallelism * 4)
    if listing.files:
        files = sc.broadcast({f.uri: f for f in listing.files})
        raw = sc.binaryFiles(hadoop_paths(listing.files), minPartitions=min(len(listing.files), n))
        items = raw.mapPartitions(lambda it: read_partition(it, files.value, fields))
        by_id = items.groupByKey(numPartitions=n).mapValues(kept)
        results = by_id.mapPartitions(lambda it: code_partition(it, settings, run_id))
    else:
        results = sc.emptyRDD()
    results = results.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        docs = results.filter(lambda r: isinstance(r, CodedRows))
        failed = results.filter(lambda r: not isinstance(r, CodedRows))
        duplicate_of = resolve(confirmed_pairs(docs, settings.duplicate_threshold))
        verdicts = sc.broadcast(duplicate_of)
        marked = docs.map(lambda c: mark(c, verdicts.value))
        for table in DOCUMENT_TABLES:
            rows = marked.flatMap(lambda c, t=table: _rows_of(c, t))
            _write(spark.createDataFrame(rows, table_schema(table), verifySchema=False), output, table, n)
        counts = docs.map(lambda c: (int(not c.skipped), int(c.skipped), len(c.rows["events"]))).fold(
            (0, 0, 0), lambda a, b: (a[0] + b[0], a[1] + b[1], a[2] + b[2])
        )
        summary.coded, summary.skipped, summary.events = counts
        _write_problems(spark, output, listing.problems, failed)
        summary.errors = len(listing.problems) + failed.count()
        first = listing.problems + failed.takeOrdered(shown, key=lambda op: op[0])
        summary.problems = [p for _, p in sorted(first, key=lambda op: op[0])][:shown]
    finally:
        results.unpersist()
    summary.duplicates = len(duplicate_of)
    stories = story_frame(_read_back(spark, output, "events"), _read_back(spark, output, "documents"))
    _write(_nullable(spark, stories, "stories"), output, "stories", n)
    summary.stories = _read_back(spark, output, "stories").count()
    run = spark.createDataFrame([_run_row(run_id, started, inputs, summary)], table_schema("runs"))
    _write(run, output, "runs", 1)
    summary.seconds = time.perf_counter() - t0
    return summary
