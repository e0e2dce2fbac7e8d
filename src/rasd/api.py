"""The Python API over a store: ``rasd.open(path)`` gives a read-only handle whose methods answer the
same questions as the CLI (same functions in ``rasd.query``), as pandas DataFrames or, with
``arrow=True``, pyarrow Tables.

    >>> import rasd
    >>> with rasd.open("rasd.duckdb") as store:
    ...     store.events(pair=("CHN", "AZE"), since="2024")
    ...     store.timeline("CHN", "AZE").months
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from rasd import query
from rasd.query.filters import EventFilter
from rasd.settings import DEFAULT_SETTINGS, Settings
from rasd.store.db import connect, table_counts

if TYPE_CHECKING:
    import pandas as pd

Frame = Any  # pandas.DataFrame, or pyarrow.Table with arrow=True


def _frame(table: pa.Table, arrow: bool) -> pd.DataFrame | pa.Table:
    return table if arrow else table.to_pandas()


@dataclass(frozen=True)
class TimelineFrames:
    """``Store.timeline``: partnership steps and monthly counts (see ``rasd.query.timeline``)."""

    a: str
    b: str
    steps: Frame
    months: Frame
    undated_events: int
    undated_partnerships: int
    source: query.Timeline

    def plot(self, path: str | os.PathLike[str]) -> Path:
        """Write the timeline plot (PNG) to ``path``."""
        from rasd.query.plot import plot_timeline

        return plot_timeline(self.source, path)


class Store:
    """A read-only handle on a rasd store (DuckDB file). Close it, or use it in a ``with`` block."""

    def __init__(self, path: str | os.PathLike[str], settings: Settings = DEFAULT_SETTINGS) -> None:
        self.path = Path(path)
        self.settings = settings
        self._con = connect(path, read_only=True)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self._con.close()

    def filter(
        self,
        *,
        actor: str | None = None,
        pair: Sequence[str] | None = None,
        type: str | Iterable[str] | None = None,  # noqa: A002 - the name users know from the CLI
        quad_class: int | Iterable[int] | None = None,
        since: str | None = None,
        until: str | None = None,
        place: str | None = None,
        text: str | None = None,
        originals_only: bool = False,
        limit: int | None = None,
    ) -> EventFilter:
        """A validated filter (raises ``QueryError`` with a clear message for a bad value)."""
        return EventFilter(
            actor=actor,
            pair=tuple(pair) if pair is not None and not isinstance(pair, str) else pair,  # type: ignore[arg-type]
            types=type,  # type: ignore[arg-type]
            quad_classes=quad_class,  # type: ignore[arg-type]
            since=since,
            until=until,
            place=place,
            text=text,
            originals_only=originals_only,
            limit=limit,
            settings=self.settings,
        )

    def events(self, *, arrow: bool = False, **filters: Any) -> Frame:
        """Events matching the filters (``actor``, ``pair``, ``type``, ``quad_class``, ``since``,
        ``until``, ``place``, ``text``, ``originals_only``, ``limit``), oldest first."""
        return _frame(query.events(self._con, self.filter(**filters)).table, arrow)

    def count(self, **filters: Any) -> int:
        """How many events match the filters (no row cap)."""
        return query.events(self._con, self.filter(**{**filters, "limit": 1})).total

    def stories(self, *, arrow: bool = False, **filters: Any) -> Frame:
        """Story events (merged across articles) holding an event that matches the filters."""
        return _frame(query.stories(self._con, self.filter(**filters)), arrow)

    def actors(self, *, arrow: bool = False, limit: int = 20, **filters: Any) -> Frame:
        """The most active actors among the events matching the filters."""
        return _frame(query.actors(self._con, self.filter(limit=limit, **filters)), arrow)

    def pairs(self, *, arrow: bool = False, limit: int = 20, **filters: Any) -> Frame:
        """The most active pairs among the events matching the filters."""
        return _frame(query.pairs(self._con, self.filter(limit=limit, **filters)), arrow)

    def timeline(self, a: str, b: str, *, arrow: bool = False) -> TimelineFrames:
        """Partnership steps and monthly counts by quad class for the pair (a, b)."""
        tl = query.timeline(self._con, a, b, self.settings)
        return TimelineFrames(
            tl.a,
            tl.b,
            _frame(tl.steps, arrow),
            _frame(tl.months, arrow),
            tl.undated_events,
            tl.undated_partnerships,
            tl,
        )

    def sql(self, statement: str, *, arrow: bool = False, limit: int | None = None) -> Frame:
        """Rows of one read-only SELECT (capped by ``settings.query_max_rows``)."""
        return _frame(query.run_sql(self._con, statement, self.settings, limit).table, arrow)

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        return table_counts(self._con)


def open(path: str | os.PathLike[str], settings: Settings = DEFAULT_SETTINGS) -> Store:  # noqa: A001
    """Open the store at ``path`` read-only (``StoreError`` when there is none)."""
    return Store(path, settings)
