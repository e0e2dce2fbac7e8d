"""Timeline of a pair: partnership level over time and monthly event counts by quad class.

Partnership steps: each stated level is dated by the statement's own date, else its document's
``published``; on one date the highest rank stated wins (a text announcing an upgrade often recalls the
old level too), and a step is listed when the level changes. Monthly counts leave out near-duplicate
documents, so a reprinted wire story counts once; events are filed under their own date, else their
document's published date.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pyarrow as pa

from rasd.query.filters import WHEN, actor_code, pair_match
from rasd.query.run import fetch, scalar
from rasd.settings import DEFAULT_SETTINGS, Settings

_P_WHEN = "coalesce(p.date, d.published)"


@dataclass(frozen=True, slots=True)
class Step:
    date: str
    level: str
    rank: int
    change: str
    doc_id: str


@dataclass(frozen=True, slots=True)
class Timeline:
    """What ``rasd timeline A B`` shows: the partnership steps, then one row per month."""

    a: str
    b: str
    steps: pa.Table  # date, level, rank, change, doc_id
    months: (
        pa.Table
    )  # month, level, rank, events, verbal_coop, material_coop, verbal_conflict, material_conflict, goldstein
    undated_events: int  # events between a and b with no date and no published date (not in months)
    undated_partnerships: int  # partnership statements with no date (not in steps)


STEP_SCHEMA = pa.schema(
    [
        ("date", pa.string()),
        ("level", pa.string()),
        ("rank", pa.int32()),
        ("change", pa.string()),
        ("doc_id", pa.string()),
    ]
)
MONTH_SCHEMA = pa.schema(
    [
        ("month", pa.string()),
        ("level", pa.string()),
        ("rank", pa.int32()),
        ("events", pa.int64()),
        ("verbal_coop", pa.int64()),
        ("material_coop", pa.int64()),
        ("verbal_conflict", pa.int64()),
        ("material_conflict", pa.int64()),
        ("goldstein", pa.float64()),
    ]
)


def _steps(con: duckdb.DuckDBPyConnection, a: str, b: str, settings: Settings) -> tuple[list[Step], int]:
    cond, params = pair_match(a, b, "p.a", "p.b")
    rows = fetch(
        con,
        f"""SELECT {_P_WHEN} AS date, p.level, p.rank, p.change, p.doc_id
            FROM partnerships p JOIN documents d ON d.doc_id = p.doc_id
            WHERE {cond} ORDER BY date NULLS LAST, p.rank DESC, p.doc_id, p.partnership_no""",
        params,
        settings,
    ).table.to_pylist()
    steps: list[Step] = []
    seen_dates: set[str] = set()
    undated = 0
    for r in rows:
        if r["date"] is None:
            undated += 1
            continue
        if r["date"] in seen_dates:  # the highest rank of the date came first
            continue
        seen_dates.add(r["date"])
        if not steps or steps[-1].level != r["level"]:
            steps.append(Step(r["date"], r["level"], r["rank"], r["change"], r["doc_id"]))
    return steps, undated


def _month_list(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _level_at(steps: list[Step], month: str) -> Step | None:
    current = None
    for s in steps:
        if s.date[:7] <= month:
            current = s
    return current


def timeline(con: duckdb.DuckDBPyConnection, a: str, b: str, settings: Settings = DEFAULT_SETTINGS) -> Timeline:
    """The timeline of the pair (a, b), in either direction; codes are validated here."""
    a, b = actor_code(a, "first actor"), actor_code(b, "second actor")
    steps, undated_partnerships = _steps(con, a, b, settings)
    cond, params = pair_match(a, b)
    counted = fetch(
        con,
        f"""SELECT substr({WHEN}, 1, 7) AS month, count(*) AS events,
                   count(*) FILTER (WHERE e.quad_class = 1) AS verbal_coop,
                   count(*) FILTER (WHERE e.quad_class = 2) AS material_coop,
                   count(*) FILTER (WHERE e.quad_class = 3) AS verbal_conflict,
                   count(*) FILTER (WHERE e.quad_class = 4) AS material_conflict,
                   round(avg(e.goldstein), 2) AS goldstein
            FROM events e JOIN documents d ON d.doc_id = e.doc_id
            WHERE {cond} AND d.duplicate_of IS NULL AND length({WHEN}) >= 7
            GROUP BY month ORDER BY month""",
        params,
        settings,
    ).table.to_pylist()
    undated_events = scalar(
        con,
        f"""SELECT count(*) FROM events e JOIN documents d ON d.doc_id = e.doc_id
            WHERE {cond} AND d.duplicate_of IS NULL AND coalesce(length({WHEN}), 0) < 7""",
        params,
        settings,
    )
    by_month = {r["month"]: r for r in counted}
    months = sorted(set(by_month) | {s.date[:7] for s in steps if len(s.date) >= 7})
    if months:
        filled = _month_list(months[0], months[-1])
        if len(filled) <= settings.timeline_max_months:
            months = filled
    empty = {"events": 0, "verbal_coop": 0, "material_coop": 0, "verbal_conflict": 0, "material_conflict": 0}
    month_rows = []
    for month in months:
        step = _level_at(steps, month)
        counts = by_month.get(month, {**empty, "goldstein": None})
        month_rows.append(
            {
                "month": month,
                "level": step.level if step else None,
                "rank": step.rank if step else None,
                **{k: counts[k] for k in (*empty, "goldstein")},
            }
        )
    step_rows = [
        {"date": s.date, "level": s.level, "rank": s.rank, "change": s.change, "doc_id": s.doc_id} for s in steps
    ]
    return Timeline(
        a,
        b,
        pa.Table.from_pylist(step_rows, schema=STEP_SCHEMA),
        pa.Table.from_pylist(month_rows, schema=MONTH_SCHEMA),
        undated_events,
        undated_partnerships,
    )
