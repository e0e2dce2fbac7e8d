"""`rasd spark`: a thin call into rasd.spark; pyspark is imported only when the command runs."""

from __future__ import annotations

import importlib.util
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from rasd.errors import RasdError
from rasd.read import FieldMap
from rasd.settings import settings_with

err = Console(stderr=True)

MISSING_PYSPARK = "pyspark is not installed; install the Spark extra: pip install 'rasd[spark]' (and a Java 17 runtime)"


def _fail(message: str) -> typer.Exit:
    err.print(f"[red]Error:[/red] {escape(message)}", highlight=False, soft_wrap=True)
    return typer.Exit(1)


def spark(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Files, folders, globs or URIs (hdfs://, s3a://, …): text, JSONL, JSON arrays, WARC, zip/gz."
        ),
    ],
    output: Annotated[str, typer.Option("--output", "-o", help="Folder (or URI) for the Parquet tables.")],
    text_field: Annotated[str, typer.Option(help="JSON field holding the text.")] = "text",
    id_field: Annotated[str, typer.Option(help="JSON field holding the document id.")] = "id",
    master: Annotated[
        str | None,
        typer.Option(help="Spark master (local[4], yarn, spark://…); default: spark-submit's, else local[*]."),
    ] = None,
    partitions: Annotated[
        int | None, typer.Option(min=1, help="Partitions documents are coded in (default: 4 per core).")
    ] = None,
    overwrite: Annotated[bool, typer.Option("--overwrite", help="Replace what the output folder holds.")] = False,
    max_chars: Annotated[
        int | None, typer.Option(min=1, help="Cut longer texts at a sentence end (default in settings.py).")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary.")] = False,
) -> None:
    """Code documents on Spark and write the store's tables as Parquet partitioned by year/month, with
    near-duplicates and stories across the whole corpus (docs/spark.md). Needs pip install 'rasd\\[spark]'.

    Example: rasd spark examples ../shared/data/dev/docs.jsonl --output out/spark --master 'local[2]'
    """
    if importlib.util.find_spec("pyspark") is None:
        raise _fail(f"K700 {MISSING_PYSPARK}")
    from pyspark.sql import SparkSession

    from rasd.spark import run_spark, spark_session

    ours = SparkSession.getActiveSession() is None  # a session already running (a notebook, a test) stays up
    try:
        session = spark_session(master)
    except Exception as exc:  # the JVM cannot start: no Java, a bad master URL, …
        raise _fail(f"K700 Spark did not start ({type(exc).__name__}: {exc}); rasd spark needs Java 17") from exc
    try:
        if quiet:
            session.sparkContext.setLogLevel("ERROR")
        summary = run_spark(
            session,
            inputs,
            output,
            fields=FieldMap(text=text_field, id=id_field),
            settings=settings_with(max_chars=max_chars),
            partitions=partitions,
            overwrite=overwrite,
        )
    except RasdError as exc:
        raise _fail(str(exc)) from exc
    finally:
        if ours:
            session.stop()
    for p in summary.problems:
        err.print(f"[red]Error:[/red] {escape(f'{p.code} {p.item or p.source}: {p.reason}')}", highlight=False)
    if not quiet:
        if summary.errors > len(summary.problems):
            err.print(f"… {summary.errors - len(summary.problems)} more problems in {output}/problems/")
        err.print(summary.line(), highlight=False, markup=False)
        err.print(escape(f"wrote {output}"), highlight=False)
    if summary.errors and not (summary.coded or summary.skipped):
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add ``rasd spark`` to the CLI."""
    app.command("spark")(spark)
