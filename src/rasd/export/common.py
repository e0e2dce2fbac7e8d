"""What every export shares: the tables, coded errors, streaming rows, stable ids and the event's day."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from typing import Any

import duckdb

from rasd.errors import RasdError

# Store tables (store/schema.sql) and the columns that order their rows (the primary key), so two
# exports of the same store are byte-identical.
TABLE_ORDER: dict[str, str] = {
    "events": "doc_id, sentence_start, event_id",
    "documents": "doc_id",
    "people": "doc_id, person_no",
    "mentions": "doc_id, person_no, start",
    "partnerships": "doc_id, partnership_no",
    "stories": "story_id",
    "runs": "started_at, run_id",
}
TABLES: tuple[str, ...] = tuple(TABLE_ORDER)
FORMATS: tuple[str, ...] = ("jsonl", "csv", "parquet", "gdelt", "plover")
EVENT_FORMATS: tuple[str, ...] = ("gdelt", "plover")  # event layouts: one row per event or per story
EVENT_TABLES: tuple[str, ...] = ("events", "stories")
BATCH_ROWS = 2048


class ExportError(RasdError):
    """An export that cannot run: unknown format or table, a layout that does not fit the table,
    or a database that is not a rasd store."""

    code = "X600"


def check_request(fmt: str, table: str) -> None:
    """Refuse an unknown format or table, and GDELT/PLOVER for tables that hold no events."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}", item="--format")
    if table not in TABLES:
        raise ExportError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}", item="--table")
    if fmt in EVENT_FORMATS and table not in EVENT_TABLES:
        raise ExportError(
            f"the {fmt} layout has one row per event: use --table events or --table stories, "
            f"or --format jsonl/csv/parquet for {table}",
            item="--table",
        )


def open_query(
    con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None
) -> tuple[duckdb.DuckDBPyConnection, list[str]]:
    """Run a query on a cursor of its own (so several can stream at once); return it and its column names."""
    cur = con.cursor()
    try:
        cur.execute(sql, params or [])
    except duckdb.CatalogException as exc:
        cur.close()
        raise ExportError(f"not a rasd store: {exc}", item="--db") from exc
    return cur, [d[0] for d in cur.description or ()]


def iter_rows(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> Iterator[dict[str, Any]]:
    """Stream a query's rows as dicts, a batch at a time."""
    cur, names = open_query(con, sql, params)
    try:
        while batch := cur.fetchmany(BATCH_ROWS):
            for row in batch:
                yield dict(zip(names, row, strict=True))
    finally:
        cur.close()


def stable_id(key: str) -> int:
    """A 60-bit integer from the sha1 of an event or story id: GDELT's GLOBALEVENTID, the same every run."""
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest()[:15], 16)


def _iso_day(text: str | None) -> dt.date | None:
    if not text or len(text) != 10:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


# Where an exported event's day comes from, first valid answer wins (docs/exports.md, "Dates").
DAY_SOURCES = ("day", "month", "year", "published")


def event_day(day: dt.date | None, date: str | None, published: str | None) -> tuple[dt.date | None, str | None]:
    """The event's day and which source answered: its day, else its month's first day, else (a year
    only) the published date when it falls in that year or else 1 January, else the published date."""
    if day is not None:
        return day, "day"
    pub = _iso_day(published)
    if date:
        if (exact := _iso_day(date)) is not None:
            return exact, "day"
        if len(date) == 7 and date[4] == "-" and date[:4].isdigit() and date[5:].isdigit() and 1 <= int(date[5:]) <= 12:
            return dt.date(int(date[:4]), int(date[5:]), 1), "month"
        if len(date) == 4 and date.isdigit() and int(date) >= 1:
            if pub is not None and pub.year == int(date):
                return pub, "published"
            return dt.date(int(date), 1, 1), "year"
    if pub is not None:
        return pub, "published"
    return None, None


# The end of a document's lead paragraph is computed in SQL so no document text leaves the database:
# skip the dateline and the blanks and dashes after it, then run to the next newline (docs/exports.md,
# "IsRootEvent"). Character positions, 0-based, as in every rasd offset.
def lead_end_sql(text: str, dateline_end: str) -> str:
    """The SQL expression for the lead paragraph's end, given the text and dateline_end columns."""
    start = f"coalesce({dateline_end}, 0)"
    rest = f"substr({text}, {start} + 1)"
    p = f"({start} + length({rest}) - length(ltrim({rest}, ' ' || chr(9) || chr(13) || chr(10) || '-:/|–—')))"
    after = f"substr({text}, {p} + 1)"
    return f"(CASE WHEN strpos({after}, chr(10)) = 0 THEN length({text}) ELSE {p} + strpos({after}, chr(10)) - 1 END)"


# Tab and every character str.splitlines() breaks on: none may appear inside a one-line field.
_LINE_BREAKS = dict.fromkeys(map(ord, "\t\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"), " ")


def clean_cell(value: str) -> str:
    """A text value on one line: tabs and every kind of line break become spaces."""
    return value.translate(_LINE_BREAKS)
