"""Progress while `rasd code` and `rasd ingest` run: a Rich bar on a terminal (documents, docs/s, and an
ETA when the number of items is known beforehand), plain log lines otherwise."""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

LINE_EVERY = 1000  # `rasd code` off a terminal: one progress line per this many items


class RateColumn(ProgressColumn):
    """Items per second, over Rich's recent samples."""

    def render(self, task: Task) -> Text:
        return Text(f"{task.speed or 0:.0f} docs/s")


def count_items(inputs: Sequence[str]) -> int | None:
    """How many items the inputs hold, when that is cheap to know (text files and JSONL files);
    None for folders, archives, JSON arrays and stdin."""
    total = 0
    for name in inputs:
        path = Path(name)
        if not path.is_file():
            return None
        suffix = path.suffix.lower()
        if suffix == ".txt":
            total += 1
        elif suffix == ".jsonl":
            with path.open("rb") as fh:
                total += sum(1 for line in fh if line.strip())
        else:
            return None
    return total


class Ticker:
    """Counts items as they are done and shows it: ``update(done, line)`` with the items done so far
    and a one-line state for log lines."""

    def __init__(self, console: Console, bar: Progress | None, task: TaskID | None, every: int) -> None:
        self.console = console
        self.bar = bar
        self.task = task
        self.every = every
        self.t0 = time.perf_counter()
        self.logged = 0

    def update(self, done: int, line: str) -> None:
        if self.bar is not None and self.task is not None:
            self.bar.update(self.task, completed=done)
        elif self.every and done - self.logged >= self.every:
            self.logged = done
            rate = done / (time.perf_counter() - self.t0 or 1e-9)
            self.console.print(f"{line} ({rate:.0f} docs/s)", highlight=False, soft_wrap=True, markup=False)


@contextmanager
def ticker(console: Console, *, quiet: bool, total: int | None, every: int = LINE_EVERY) -> Iterator[Ticker]:
    """A Rich bar on a terminal (spinner, count and rate when ``total`` is unknown), log lines every
    ``every`` items otherwise (0: none), nothing when quiet."""
    if quiet:
        yield Ticker(console, None, None, 0)
        return
    if not console.is_terminal:
        yield Ticker(console, None, None, every)
        return
    columns: list[ProgressColumn] = [SpinnerColumn(), TextColumn("{task.completed:.0f} docs")]
    if total is not None:
        columns += [BarColumn(), TextColumn("of {task.total:.0f}")]
    columns += [RateColumn(), TimeElapsedColumn()]
    if total is not None:
        columns.append(TimeRemainingColumn())
    with Progress(*columns, console=console, transient=False) as bar:
        yield Ticker(console, bar, bar.add_task("rasd", total=total), every)
