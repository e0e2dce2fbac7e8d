"""Documents, partnership statements and store-wide counts: the questions the HTTP API asks that the
CLI answers only through ``rasd sql``. Same rules as the rest of ``rasd.query``: fixed SQL text, user
values as ``?`` parameters, rows capped and time-limited by ``settings.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import duckdb
import pyarrow as pa

from rasd.errors import QueryError
from rasd.query.filters import WHEN, actor_match, pair_match, row_limit
from rasd.query.run import fetch, scalar
from rasd.settings import DEFAULT_SETTINGS, Settings

_MAX_ID = 1000
_HEADLINE = 160
_COUNTED = ("documents", "events", "partnerships", "people", "mentions", "stories", "runs")


@dataclass(frozen=True, slots=True)
class Page:
    """Rows of one page and how many match in all."""

    table: pa.Table
    total: int


@dataclass(frozen=True, slots=True)
class DocumentRows:
    """One stored document with every row that points into its text."""

    document: dict[str, Any]
    events: list[dict[str, Any]]
    mentions: list[dict[str, Any]]  # one row per mention, with its person's name, country and role
    partnerships: list[dict[str, Any]]


def offset_value(offset: int, settings: Settings) -> int:
    """A page offset: 0 up to ``query_max_rows`` (deeper pages are refused, not scanned)."""
    if isinstance(offset, bool) or not isinstance(offset, int) or not 0 <= offset <= settings.query_max_rows:
        raise QueryError(f"offset {offset!r} is out of range: give a whole number from 0 to {settings.query_max_rows}")
    return offset


def doc_id_value(doc_id: str) -> str:
    """A document id as stored: 1–1000 printable characters (ids may be URLs or paths)."""
    if not isinstance(doc_id, str) or not 0 < len(doc_id) <= _MAX_ID or any(ord(c) < 32 for c in doc_id):
        raise QueryError(f"a document id is 1–{_MAX_ID} printable characters")
    return doc_id


def documents(
    con: duckdb.DuckDBPyConnection,
    settings: Settings = DEFAULT_SETTINGS,
    *,
    language: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> Page:
    """Stored documents, newest published first (undated last): metadata, the first line of the text as
    a headline when there is no title, and how many events each holds."""
    cap = row_limit(limit, settings)
    offset = offset_value(offset, settings)
    where, params = "TRUE", list[object]()
    if language is not None:
        if not (isinstance(language, str) and 2 <= len(language) <= 3 and language.isascii() and language.isalpha()):
            raise QueryError(f"language {language!r} is not an ISO 639-1 code such as ar or en (und: no letters)")
        where, params = "d.language = ?", [language.lower()]
    sql = f"""
        SELECT d.doc_id, d.title,
               left(trim(split_part(ltrim(d.text), chr(10), 1)), {_HEADLINE}) AS headline,
               d.published, d.source, d.url, d.language, d.flags, d.duplicate_of,
               (SELECT count(*) FROM events e WHERE e.doc_id = d.doc_id) AS events
        FROM documents d WHERE {where}
        ORDER BY d.published DESC NULLS LAST, d.doc_id LIMIT ? OFFSET ?
    """
    rows = fetch(con, sql, [*params, cap, offset], settings).table
    total = scalar(con, f"SELECT count(*) FROM documents d WHERE {where}", params, settings)
    return Page(rows, total)


def document(con: duckdb.DuckDBPyConnection, doc_id: str, settings: Settings = DEFAULT_SETTINGS) -> DocumentRows | None:
    """The document ``doc_id`` with its text, events, people's mentions and partnership statements, or
    None when no such document is stored."""
    doc_id = doc_id_value(doc_id)
    found = fetch(
        con,
        """SELECT doc_id, title, url, source, published, published_source, dateline_place, dateline_date,
                  dateline_agency, dateline_start, dateline_end, language, flags, duplicate_of, text
           FROM documents WHERE doc_id = ?""",
        [doc_id],
        settings,
        cap=1,
    ).table.to_pylist()
    if not found:
        return None
    events = fetch(
        con,
        """SELECT event_id, type, mode, source, target, joint, source_name, source_text, source_start, source_end,
                  target_name, target_text, target_start, target_end, date, date_precision, date_text,
                  place_name, place_country, cameo, goldstein, quad_class, trigger, trigger_start, trigger_end,
                  sentence_start, sentence_end, sentence, evidence, confidence, rule
           FROM events WHERE doc_id = ?
           ORDER BY trigger_start, event_id""",
        [doc_id],
        settings,
    ).table.to_pylist()
    mentions = fetch(
        con,
        """SELECT m.person_no, m.start, m."end", m.text, p.name, p.name_ar, p.country, p.role, p.entity_id
           FROM mentions m JOIN people p ON p.doc_id = m.doc_id AND p.person_no = m.person_no
           WHERE m.doc_id = ? ORDER BY m.start, m.person_no""",
        [doc_id],
        settings,
    ).table.to_pylist()
    partnerships = fetch(
        con,
        """SELECT partnership_no, a, b, level, rank, change, date, evidence_start, evidence_end, text
           FROM partnerships WHERE doc_id = ? ORDER BY evidence_start, partnership_no""",
        [doc_id],
        settings,
    ).table.to_pylist()
    return DocumentRows(found[0], events, mentions, partnerships)


def partnerships(
    con: duckdb.DuckDBPyConnection,
    settings: Settings = DEFAULT_SETTINGS,
    *,
    actor: str | None = None,
    pair: tuple[str, str] | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> Page:
    """Partnership statements (level, rank, change, date, evidence), newest first; ``actor`` on either
    side, ``pair`` in either order (codes already validated by the caller with ``actor_code``)."""
    cap = row_limit(limit, settings)
    offset = offset_value(offset, settings)
    clauses: list[str] = []
    params: list[object] = []
    if actor is not None:
        sa, pa_ = actor_match("p.a", actor)
        sb, pb = actor_match("p.b", actor)
        clauses.append(f"({sa} OR {sb})")
        params += [*pa_, *pb]
    if pair is not None:
        cond, ps = pair_match(*pair, "p.a", "p.b")
        clauses.append(cond)
        params += ps
    where = " AND ".join(clauses) or "TRUE"
    base = f"FROM partnerships p JOIN documents d ON d.doc_id = p.doc_id WHERE {where}"
    sql = f"""
        SELECT p.a, p.b, p.level, p.rank, p.change, coalesce(p.date, d.published) AS date,
               p.date IS NULL AS date_from_published, p.doc_id, p.evidence_start, p.evidence_end, p.text
        {base} ORDER BY date DESC NULLS LAST, p.doc_id, p.partnership_no LIMIT ? OFFSET ?
    """
    rows = fetch(con, sql, [*params, cap, offset], settings).table
    return Page(rows, scalar(con, f"SELECT count(*) {base}", params, settings))


def stats(con: duckdb.DuckDBPyConnection, settings: Settings = DEFAULT_SETTINGS) -> dict[str, Any]:
    """Store-wide figures for an overview: rows per table, the span of event dates, events per quad class
    and per type, documents per language, near-duplicates, and the last finished ingest."""

    def pairs_of(sql: str) -> list[tuple[Any, Any]]:
        table = fetch(con, sql, [], settings).table
        return list(zip(table.column(0).to_pylist(), table.column(1).to_pylist(), strict=True))

    # Table names are fixed here, never taken from a request.
    counts = {name: scalar(con, f"SELECT count(*) FROM {name}", [], settings) for name in _COUNTED}
    span = fetch(
        con,
        f"SELECT min({WHEN}), max({WHEN}) FROM events e JOIN documents d ON d.doc_id = e.doc_id",
        [],
        settings,
    ).table.to_pylist()[0]
    first, last = list(span.values())
    actors = scalar(
        con,
        """SELECT count(DISTINCT a) FROM (
               SELECT split_part(source, '-', 1) AS a FROM events
               UNION ALL SELECT split_part(target, '-', 1) FROM events
           )""",
        [],
        settings,
    )
    last_run = fetch(
        con,
        """SELECT run_id, started_at::VARCHAR AS started_at, finished_at::VARCHAR AS finished_at, rasd_version
           FROM runs WHERE finished_at IS NOT NULL ORDER BY finished_at DESC LIMIT 1""",
        [],
        settings,
    ).table.to_pylist()
    return {
        "counts": counts,
        "actors": actors,
        "first": first,
        "last": last,
        "quad_classes": {int(k): int(v) for k, v in pairs_of("SELECT quad_class, count(*) FROM events GROUP BY 1")},
        "types": dict(pairs_of("SELECT type, count(*) AS n FROM events GROUP BY 1 ORDER BY n DESC, type")),
        "languages": dict(pairs_of("SELECT language, count(*) AS n FROM documents GROUP BY 1 ORDER BY n DESC, 1")),
        "duplicates": scalar(con, "SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL", [], settings),
        "last_run": last_run[0] if last_run else None,
    }
