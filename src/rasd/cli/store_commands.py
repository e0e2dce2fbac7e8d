"""`rasd ingest` and the query commands (`events`, `timeline`, `actors`, `sql`): thin calls into
``rasd.store`` and ``rasd.query``. ``register(app)`` adds them to the main Typer app."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import duckdb
import pyarrow as pa
import typer
from rich.console import Console
from rich.markup import escape

from rasd.cli.output import OutputFormat, emit, emit_json, records
from rasd.cli.progress import count_items, ticker
from rasd.errors import RasdError
from rasd.query.filters import EventFilter
from rasd.store.db import DEFAULT_DB, connect, table_counts

if TYPE_CHECKING:
    from rasd.store.ingest import RunSummary  # imported when ingest runs: it loads the coder

err = Console(stderr=True)

DbOption = Annotated[Path, typer.Option("--db", help="The DuckDB store.")]
FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help="table, json or csv.")]
ActorOption = Annotated[str | None, typer.Option(help="Actor on either side (CHN, or CHN-GOV for a sector).")]
PairOption = Annotated[
    tuple[str, str] | None, typer.Option(help="Two actors, either direction: --pair CHN AZE.", show_default=False)
]
TypeOption = Annotated[list[str] | None, typer.Option("--type", help="PLOVER type; repeat for several.")]
QuadOption = Annotated[list[int] | None, typer.Option("--quad-class", help="1–4 (GDELT quad class); repeatable.")]
SinceOption = Annotated[str | None, typer.Option(help="From this date: YYYY, YYYY-MM or YYYY-MM-DD.")]
UntilOption = Annotated[str | None, typer.Option(help="Up to this date (inclusive), same forms.")]
PlaceOption = Annotated[str | None, typer.Option(help="Event place name (Riyadh) or country code (SAU).")]


def _fail(exc: RasdError) -> typer.Exit:
    err.print(f"[red]Error:[/red] {escape(str(exc))}", highlight=False, soft_wrap=True)
    return typer.Exit(1)


@contextmanager
def _store(db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection; a RasdError anywhere inside becomes ``Error: …`` and exit 1."""
    try:
        con = connect(db, read_only=True)
    except RasdError as exc:
        raise _fail(exc) from None
    try:
        yield con
    except RasdError as exc:
        raise _fail(exc) from None
    finally:
        con.close()


def _filter(**values: object) -> EventFilter:
    try:
        return EventFilter(**values)  # type: ignore[arg-type]
    except RasdError as exc:
        raise _fail(exc) from None


def _counts(s: RunSummary) -> str:
    """Read, coded, skipped by reason, errors by code, events."""
    skipped = s.skipped + s.unchanged + s.resumed
    codes = ", ".join(f"{c} {n}" for c, n in sorted(s.errors_by_code.items()))
    return (
        f"read {s.read}, coded {s.coded}, skipped {skipped} (not-arabic {s.skipped}, unchanged {s.unchanged}, "
        f"resumed {s.resumed}), errors {s.errors}{f' ({codes})' if codes else ''}, events {s.events}"
    )


def _progress_line(s: RunSummary) -> str:
    rate = s.read / s.seconds if s.seconds else 0.0
    return f"batch {s.batches}: {_counts(s)} ({rate:.0f} docs/s)"


def ingest(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, .jsonl/.json/.zip, or - for stdin.")],
    db: DbOption = Path(DEFAULT_DB),
    text_field: Annotated[str, typer.Option(help="JSON field holding the text.")] = "text",
    id_field: Annotated[str, typer.Option(help="JSON field holding the document id.")] = "id",
    errors: Annotated[Path | None, typer.Option(help="Write problems as JSONL here.")] = None,
    batch_size: Annotated[int | None, typer.Option(min=1, help="Documents per transaction.")] = None,
    workers: Annotated[int, typer.Option(min=1, help="Processes coding in parallel (same rows).")] = 1,
    resume: Annotated[bool, typer.Option("--resume", help="Skip every stored document, whatever its text.")] = False,
    max_chars: Annotated[
        int | None, typer.Option(min=1, help="Cut longer texts at a sentence end (default in settings.py).")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress and no summary.")] = False,
) -> None:
    """Code documents and store them (documents, people, mentions, events, partnerships, stories).

    Idempotent: a document stored with the same text is skipped before coding; a changed text
    replaces the document's rows (with --resume, any stored document is skipped). Each batch is one
    transaction, so a killed run loses only the batch in flight and the next run carries on.

    Example: rasd ingest ../shared/data/dev/docs.jsonl --db t.duckdb --workers 2
    """
    from rasd.read import FieldMap
    from rasd.resources import load_resources
    from rasd.settings import settings_with
    from rasd.store.ingest import ingest_paths

    fields = FieldMap(text=text_field, id=id_field)
    res = load_resources(settings_with(max_chars=max_chars))
    shown = 0

    def report_problems(s: RunSummary) -> None:
        nonlocal shown
        for p in s.problems[shown:]:
            err.print(
                f"[red]Error:[/red] {escape(f'{p.code} {p.item or p.source}: {p.reason}')}",
                highlight=False,
                soft_wrap=True,
            )
        shown = len(s.problems)

    try:
        with ticker(err, quiet=quiet, total=count_items(inputs), every=0) as tick:

            def on_batch(s: RunSummary) -> None:
                if quiet:
                    return
                report_problems(s)
                if tick.bar is None:
                    err.print(_progress_line(s), highlight=False, soft_wrap=True, markup=False)
                tick.update(s.read, "")

            summary = ingest_paths(
                inputs,
                db,
                fields,
                res=res,
                batch_size=batch_size,
                progress=on_batch,
                workers=workers,
                resume=resume,
            )
    except RasdError as exc:
        raise _fail(exc) from None
    if errors:
        errors.parent.mkdir(parents=True, exist_ok=True)
        with errors.open("w", encoding="utf-8") as fh:
            for p in summary.problems:
                fh.write(json.dumps(p.to_dict(), ensure_ascii=False) + "\n")
    if not quiet:
        con = connect(db, read_only=True)
        counts = table_counts(con)
        con.close()
        rate = summary.read / summary.seconds if summary.seconds else 0.0
        err.print(
            f"rasd ingest: {_counts(summary)}, near-duplicates {summary.duplicates} "
            f"in {summary.seconds:.1f} s ({rate:.0f} docs/s)",
            highlight=False,
            soft_wrap=True,
            markup=False,
        )
        tables = ", ".join(f"{k} {v}" for k, v in counts.items() if k != "runs")
        err.print(f"{db}: {tables} (run {summary.run_id[:12]})", highlight=False, soft_wrap=True, markup=False)
    if summary.errors and summary.errors == summary.read:
        raise typer.Exit(1)


def events(
    db: DbOption = Path(DEFAULT_DB),
    actor: ActorOption = None,
    pair: PairOption = None,
    type_: TypeOption = None,
    quad_class: QuadOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    place: PlaceOption = None,
    text: Annotated[str | None, typer.Option(help="Text in the evidence sentence.")] = None,
    originals_only: Annotated[
        bool, typer.Option("--originals-only", help="Leave out near-duplicate documents.")
    ] = False,
    stories: Annotated[bool, typer.Option("--stories", help="Story events (merged across articles) instead.")] = False,
    limit: Annotated[int | None, typer.Option(help="Rows to show (default and cap in settings.py).")] = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """List events matching the filters, oldest first (undated last).

    Example: rasd events --pair CHN AZE --since 2024 --type AGREE --db t.duckdb
    """
    from rasd import query

    filt = _filter(
        actor=actor,
        pair=pair,
        types=type_ or (),
        quad_classes=quad_class or (),
        since=since,
        until=until,
        place=place,
        text=text,
        originals_only=originals_only,
        limit=limit,
    )
    with _store(db) as con:
        if stories:
            emit(query.stories(con, filt), fmt, "rasd stories", widths={"event_ids": 60})
            return
        found = query.events(con, filt)
    table = found.table
    if fmt is OutputFormat.table:  # one short column for the pair, so that a line fits 100 columns
        pair_text = [f"{s}→{t}" for s, t in zip(table["source"].to_pylist(), table["target"].to_pylist(), strict=True)]
        table = table.append_column("pair", pa.array(pair_text, type=pa.string()))
    shown = table.num_rows
    caption = f"{shown} of {found.total} events" + (
        "; raise --limit or narrow the filters" if shown < found.total else ""
    )
    emit(
        table,
        fmt,
        "rasd events",
        columns=("date", "type", "pair", "goldstein", "place", "doc_id", "evidence"),
        widths={"evidence": 60, "doc_id": 28, "place": 16},
        caption=caption,
    )


def timeline(
    a: Annotated[str, typer.Argument(help="First actor code, e.g. CHN.")],
    b: Annotated[str, typer.Argument(help="Second actor code, e.g. AZE.")],
    db: DbOption = Path(DEFAULT_DB),
    png: Annotated[Path | None, typer.Option("--png", help="Also write the plot to this PNG file.")] = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Partnership level over time and monthly event counts by quad class with mean Goldstein.

    Example: rasd timeline CHN AZE --db t.duckdb --png chn-aze.png
    """
    from rasd import query
    from rasd.cli.timeline_chart import render_timeline

    with _store(db) as con:
        tl = query.timeline(con, a, b)
    if fmt is OutputFormat.json:
        emit_json(
            {
                "a": tl.a,
                "b": tl.b,
                "steps": records(tl.steps),
                "months": records(tl.months),
                "undated_events": tl.undated_events,
                "undated_partnerships": tl.undated_partnerships,
            }
        )
    elif fmt is OutputFormat.csv:
        emit(tl.months, fmt, "")
    else:
        render_timeline(tl, Console())
    if png:
        from rasd.query.plot import plot_timeline

        err.print(f"wrote {plot_timeline(tl, png)}", highlight=False, markup=False)


def actors(
    db: DbOption = Path(DEFAULT_DB),
    pairs: Annotated[bool, typer.Option("--pairs", help="Most active pairs instead of actors.")] = False,
    actor: ActorOption = None,
    type_: TypeOption = None,
    quad_class: QuadOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    place: PlaceOption = None,
    limit: Annotated[int, typer.Option(help="Rows to show.")] = 20,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """The most active actors (or pairs) among the events matching the filters.

    Example: rasd actors --since 2015 --pairs --limit 10 --db t.duckdb
    """
    from rasd import query

    filt = _filter(
        actor=actor,
        types=type_ or (),
        quad_classes=quad_class or (),
        since=since,
        until=until,
        place=place,
        limit=limit,
    )
    with _store(db) as con:
        table = query.pairs(con, filt) if pairs else query.actors(con, filt)
    emit(table, fmt, "rasd actors: most active pairs" if pairs else "rasd actors: most active actors")


def sql(
    statement: Annotated[str, typer.Argument(help="One SELECT statement.")],
    db: DbOption = Path(DEFAULT_DB),
    limit: Annotated[int | None, typer.Option(help="Rows to return (cap in settings.py).")] = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Run one read-only SELECT over the store (tables: documents, events, people, mentions,
    partnerships, stories, runs).

    Example: rasd sql "SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY n DESC" --db t.duckdb
    """
    from rasd import query

    with _store(db) as con:
        rows = query.run_sql(con, statement, limit=limit)
    more = f"first {rows.table.num_rows} rows; more match (--limit, up to the cap in settings.py)"
    caption = more if rows.truncated else None
    emit(rows.table, fmt, "rasd sql", widths=dict.fromkeys(rows.table.column_names, 60), caption=caption)
    if rows.truncated and fmt is not OutputFormat.table:
        err.print(more, highlight=False, markup=False)


COMMANDS: dict[str, Callable[..., None]] = {
    "ingest": ingest,
    "events": events,
    "timeline": timeline,
    "actors": actors,
    "sql": sql,
}


def register(app: typer.Typer) -> None:
    """Add the store and query commands to ``app`` (the main ``rasd`` app)."""
    for name, command in COMMANDS.items():
        app.command(name)(command)
