"""Events and actors: the questions shared by ``rasd events``/``rasd actors`` and ``rasd.open``.

Every function takes a read-only connection and a validated ``EventFilter``, and returns Arrow rows.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pyarrow as pa

from rasd.errors import QueryError
from rasd.query.filters import WHEN, EventFilter
from rasd.query.run import fetch, scalar

_FROM = "FROM events e JOIN documents d ON d.doc_id = e.doc_id"

EVENT_COLUMNS = f"""
    e.event_id, {WHEN} AS date, e.date IS NULL AS date_from_published, e.type, e.source, e.target,
    e.source_name, e.target_name, e.cameo, e.quad_class, e.goldstein, e.place_name AS place,
    e.place_country, e.trigger, e.sentence AS evidence, e.confidence, e.doc_id, d.published, d.source AS outlet,
    d.url, d.duplicate_of, e.rule
"""


@dataclass(frozen=True, slots=True)
class EventRows:
    """Events matching a filter: the rows shown, and how many match in all."""

    table: pa.Table
    total: int


def events(
    con: duckdb.DuckDBPyConnection, filt: EventFilter, *, offset: int = 0, newest_first: bool = False
) -> EventRows:
    """Events matching ``filt``, oldest first (undated last), at most ``filt.limit`` rows after skipping
    ``offset`` (pages of the HTTP API); ``newest_first`` reverses the dates (undated still last)."""
    most = filt.settings.query_max_rows
    if isinstance(offset, bool) or not isinstance(offset, int) or not 0 <= offset <= most:
        raise QueryError(f"offset {offset!r} is out of range: give a whole number from 0 to {most}")
    order = f"{WHEN} DESC NULLS LAST, e.event_id DESC" if newest_first else f"{WHEN} NULLS LAST, e.event_id"
    where, params = filt.where()
    sql = f"SELECT {EVENT_COLUMNS} {_FROM} WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?"
    rows = fetch(con, sql, [*params, filt.limit, offset], filt.settings)
    total = scalar(con, f"SELECT count(*) {_FROM} WHERE {where}", params, filt.settings)
    return EventRows(rows.table, total)


def actors(con: duckdb.DuckDBPyConnection, filt: EventFilter) -> pa.Table:
    """The most active actors (country-level codes) among the events matching ``filt``: events on either
    side, as source, as target, mean Goldstein, first and last date."""
    where, params = filt.where()
    sql = f"""
        WITH ev AS (SELECT e.source, e.target, e.goldstein, {WHEN} AS date {_FROM} WHERE {where}),
        sides AS (
            SELECT split_part(source, '-', 1) AS actor, 1 AS src, 0 AS tgt, goldstein, date FROM ev
            UNION ALL
            SELECT split_part(target, '-', 1), 0, 1, goldstein, date FROM ev
        )
        SELECT actor, count(*) AS events, sum(src)::BIGINT AS as_source, sum(tgt)::BIGINT AS as_target,
               round(avg(goldstein), 2) AS goldstein, min(date) AS first, max(date) AS last
        FROM sides GROUP BY actor ORDER BY events DESC, actor LIMIT ?
    """
    return fetch(con, sql, [*params, filt.limit], filt.settings).table


def pairs(con: duckdb.DuckDBPyConnection, filt: EventFilter) -> pa.Table:
    """The most active pairs (country-level, either direction) among the events matching ``filt``:
    events, coop (quad classes 1–2), conflict (3–4), mean Goldstein, first and last date."""
    where, params = filt.where()
    sql = f"""
        WITH ev AS (
            SELECT split_part(e.source, '-', 1) AS s, split_part(e.target, '-', 1) AS t, e.quad_class,
                   e.goldstein, {WHEN} AS date
            {_FROM} WHERE {where}
        )
        SELECT least(s, t) AS a, greatest(s, t) AS b, count(*) AS events,
               count(*) FILTER (WHERE quad_class <= 2) AS coop,
               count(*) FILTER (WHERE quad_class >= 3) AS conflict,
               round(avg(goldstein), 2) AS goldstein, min(date) AS first, max(date) AS last
        FROM ev WHERE s <> t GROUP BY ALL ORDER BY events DESC, a, b LIMIT ?
    """
    return fetch(con, sql, [*params, filt.limit], filt.settings).table


def stories(con: duckdb.DuckDBPyConnection, filt: EventFilter) -> pa.Table:
    """Story events (one per type, pair and day across articles) that hold an event matching ``filt``,
    the most reported first."""
    where, params = filt.where()
    sql = f"""
        SELECT s.story_id, s.day, s.type, s.a, s.b, s.num_articles, s.num_sources, s.num_mentions,
               s.first_seen, s.last_seen, s.cameo, s.quad_class, s.goldstein, s.event_ids
        FROM stories s
        WHERE s.story_id IN (
            SELECT st.story_id FROM stories st, unnest(st.event_ids) AS u(event_id)
            WHERE u.event_id IN (SELECT e.event_id {_FROM} WHERE {where})
        )
        ORDER BY s.num_articles DESC, s.num_sources DESC, s.day NULLS LAST, s.story_id LIMIT ?
    """
    return fetch(con, sql, [*params, filt.limit], filt.settings).table
