"""`rasd` command line (Typer + Rich). Only this package writes to the terminal."""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from rasd import __version__
from rasd.cli.progress import count_items, ticker
from rasd.pipeline import code_many
from rasd.read import FieldMap, read_inputs
from rasd.records import CodedDocument, Problem
from rasd.resources import load_resources
from rasd.settings import settings_with

app = typer.Typer(add_completion=False, no_args_is_help=True, help="rasd: Arabic news to political event data.")
err = Console(stderr=True)


@app.callback()
def _main() -> None:
    """rasd reads Arabic news and finds who did what to whom, when and where."""


@app.command()
def version() -> None:
    """Print the rasd version."""
    typer.echo(__version__)


@app.command()
def code(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Files, folders or globs: text, JSONL, JSON arrays, HTML, RSS/Atom, WARC, zip/gz; - for stdin."
        ),
    ],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write JSONL here (default: stdout).")] = None,
    text_field: Annotated[str, typer.Option(help="JSON field holding the text.")] = "text",
    id_field: Annotated[str, typer.Option(help="JSON field holding the document id.")] = "id",
    errors: Annotated[Path | None, typer.Option(help="Write problems as JSONL here.")] = None,
    workers: Annotated[int, typer.Option(min=1, help="Processes coding in parallel (same output).")] = 1,
    max_chars: Annotated[
        int | None, typer.Option(min=1, help="Cut longer texts at a sentence end (default in settings.py).")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress and no summary.")] = False,
) -> None:
    """Code documents and write one JSON record per document.

    Example: rasd code examples/ -o out/examples.jsonl --workers 2 --errors bad.jsonl
    """
    fields = FieldMap(text=text_field, id=id_field)
    res = load_resources(settings_with(max_chars=max_chars))
    if output:
        output.parent.mkdir(parents=True, exist_ok=True)
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    summary = Summary()
    try:
        with ticker(err, quiet=quiet, total=count_items(inputs)) as tick:
            for result in code_many(read_inputs(inputs, fields), res, workers):
                if isinstance(result, Problem):
                    summary.problems.append(result)
                    err.print(
                        f"[red]Error:[/red] {escape(f'{result.code} {result.item or result.source}: {result.reason}')}",
                        highlight=False,
                    )
                else:
                    out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
                    summary.add(result)
                tick.update(summary.read, summary.line())
    finally:
        if output:
            out.close()
    if errors:
        with errors.open("w", encoding="utf-8") as fh:
            for p in summary.problems:
                fh.write(json.dumps(p.to_dict(), ensure_ascii=False) + "\n")
    if not quiet:
        summary.show(output)
    if summary.problems and not summary.documents:
        raise typer.Exit(1)


@dataclass
class Summary:
    """What a run found, kept small: the first rows in full, then counters only."""

    rows: int = 40
    documents: int = 0
    shown: list[tuple[str, ...]] = field(default_factory=list)
    people: Counter[str] = field(default_factory=Counter)
    events: Counter[str] = field(default_factory=Counter)
    flags: Counter[str] = field(default_factory=Counter)
    problems: list[Problem] = field(default_factory=list)

    @property
    def read(self) -> int:
        return self.documents + len(self.problems)

    @property
    def skipped(self) -> int:
        return self.flags["not-arabic"]

    def line(self) -> str:
        """Read, coded, skipped by reason, errors by code, events: one line."""
        codes = Counter(p.code for p in self.problems)
        errors = ", ".join(f"{c} {n}" for c, n in sorted(codes.items()))
        return (
            f"read {self.read}, coded {self.documents - self.skipped}, skipped {self.skipped} "
            f"(not-arabic {self.skipped}), errors {len(self.problems)}{f' ({errors})' if errors else ''}, "
            f"events {self.events.total()}"
        )

    def add(self, d: CodedDocument) -> None:
        self.documents += 1
        self.people.update(p.name for p in d.people)
        self.events.update(e.type for e in d.events)
        self.flags.update(d.flags)
        if len(self.shown) < self.rows:
            dl = d.dateline
            dateline = f"{dl.place or ''} {dl.date or ''} {dl.agency or ''}".strip() if dl else ""
            people = ", ".join(f"{p.name} ({p.country})" for p in d.people)
            kinds = Counter(e.type for e in d.events)
            events = ", ".join(f"{t} {n}" for t, n in kinds.most_common(4))
            self.shown.append((d.id, d.language, dateline, d.published or "", people, events, " ".join(d.flags)))

    def show(self, output: Path | None) -> None:
        table = Table(title=f"rasd: {self.documents} documents coded, {len(self.problems)} problems")
        for col in ("id", "lang", "dateline", "published", "people", "events", "flags"):
            table.add_column(col, overflow="fold")
        for row in self.shown:
            table.add_row(*row)
        if self.documents > len(self.shown):
            table.caption = f"… and {self.documents - len(self.shown)} more"
        err.print(table)
        if self.people:
            err.print("most named people: " + ", ".join(f"{n} ×{c}" for n, c in self.people.most_common(8)))
        if self.events:
            err.print("events by type: " + ", ".join(f"{t} {c}" for t, c in self.events.most_common()))
        err.print(self.line(), highlight=False, markup=False)
        if output:
            err.print(f"wrote {output}")


@app.command("eval")
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL (record format with events, partnerships, people).")],
    worst: Annotated[int, typer.Option(help="How many of the worst documents to list.")] = 5,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    min_typed_dyad: Annotated[float | None, typer.Option(help="Exit 1 when events.typed_dyad F1 is below.")] = None,
) -> None:
    """Code the gold's documents and score them: P/R/F1 per metric and per type, worst documents.

    Example: rasd eval ../shared/data/dev/gold.jsonl --min-typed-dyad 0.75
    """
    from rasd.evaluate.metrics import METRICS, score

    gold_docs: dict[str, dict] = {}
    for n, line in enumerate(gold.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                err.print(f"[red]Error:[/red] R101 {gold}:{n}: not JSON: {exc.msg}")
                raise typer.Exit(1) from exc
            gold_docs[str(obj["id"])] = obj
    # The gold's own published date is the answer, so it is not given to the coder.
    fields = FieldMap(published="\x00not-read")
    items = read_inputs([str(gold)], fields)
    pred = {r.id: r.to_dict() for r in code_many(items) if isinstance(r, CodedDocument)}
    report = score(gold_docs, pred)
    if as_json:
        typer.echo(
            json.dumps(
                {
                    **{m: report.totals[m].as_dict() for m in METRICS},
                    "published": {"accuracy": report.published_accuracy, "n": report.published_n},
                    "per_type.typed_dyad": {t: c.as_dict() for t, c in sorted(report.per_type.items())},
                },
                indent=1,
            )
        )
    else:
        table = Table(title=f"rasd eval: {len(gold_docs)} gold documents")
        for col in ("metric", "P", "R", "F1", "tp", "fp", "fn"):
            table.add_column(col, justify="right" if col != "metric" else "left")
        for m in METRICS:
            c = report.totals[m]
            table.add_row(m, f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}", str(c.tp), str(c.fp), str(c.fn))
        for t, c in sorted(report.per_type.items()):
            table.add_row(
                f"  {t}", f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}", str(c.tp), str(c.fp), str(c.fn)
            )
        Console().print(table)
        acc = report.published_accuracy
        typer.echo(f"published accuracy: {acc:.3f} (n={report.published_n})" if acc is not None else "published: n=0")
        rows = sorted(report.per_doc, key=lambda r: -(r["events.typed_dyad"][1] + r["events.typed_dyad"][2]))
        typer.echo("worst documents (events.typed_dyad tp/fp/fn):")
        for r in rows[:worst]:
            typer.echo(f"  {r['id']}: {r['events.typed_dyad']}")
    f1 = report.totals["events.typed_dyad"].f1
    if min_typed_dyad is not None and f1 < min_typed_dyad:
        err.print(f"[red]events.typed_dyad F1 {f1:.3f} is below the floor {min_typed_dyad}[/red]")
        raise typer.Exit(1)


def _register_front_ends() -> None:
    """The store, query and export commands live in their own modules."""
    from rasd.cli import export_commands, serve_command, spark_command, store_commands

    store_commands.register(app)
    export_commands.register(app)
    serve_command.register(app)
    spark_command.register(app)


_register_front_ends()
