"""Stories: the same real-world event reported by several articles is one story event (GDELT's
NumArticles/NumSources), built from the document-level events with SQL aggregation.

A story is keyed by (type, a, b, day): a and b are the country-level codes (``CHN`` for ``CHN-GOV``),
sorted for symmetric types and joint events as within a document (``merge/facts.py``). Events not dated
to the day are grouped per article. Near-duplicates count once: an article is a document's original
(``coalesce(duplicate_of, doc_id)``). A document without a ``source`` counts as its own source.

Stories are rebuilt incrementally inside each ingest batch's transaction: only the stories of the
documents deleted or written by the batch are recomputed, so the table is never out of step with
``events`` even when a run is killed.
"""

from __future__ import annotations

from collections.abc import Sequence

import duckdb
import pyarrow as pa

from rasd.merge.facts import SYMMETRIC

# Every event with its story key. Only constants are spliced here; values arrive as $parameters.
_STORY_EVENTS = """
WITH ev AS (
    SELECT e.event_id, e.doc_id, e.type, e.day, e.cameo, e.goldstein, e.quad_class, d.published,
           split_part(e.source, '-', 1) AS s, split_part(e.target, '-', 1) AS t,
           e.joint OR list_contains($symmetric, e.type) AS sym,
           coalesce(d.duplicate_of, d.doc_id) AS article,
           coalesce(d.source, 'doc:' || coalesce(d.duplicate_of, d.doc_id)) AS outlet
    FROM events e JOIN documents d ON d.doc_id = e.doc_id
), keyed AS (
    SELECT *,
           CASE WHEN sym THEN least(s, t) ELSE s END AS a,
           CASE WHEN sym THEN greatest(s, t) ELSE t END AS b
    FROM ev
), story_events AS (
    SELECT *, sha1(concat_ws('|', type, a, b, coalesce(CAST(day AS VARCHAR), 'doc:' || article))) AS story_id
    FROM keyed
)
"""

_AGGREGATE = """
SELECT story_id,
       first(type) AS type, first(a) AS a, first(b) AS b, first(day) AS day,
       count(*) AS num_mentions,
       count(DISTINCT article) AS num_articles,
       count(DISTINCT outlet) AS num_sources,
       min(published) AS first_seen,
       max(published) AS last_seen,
       list(event_id ORDER BY event_id) AS event_ids,
       first(goldstein ORDER BY published NULLS LAST, event_id) AS goldstein,
       first(quad_class ORDER BY published NULLS LAST, event_id) AS quad_class,
       first(cameo ORDER BY published NULLS LAST, event_id) AS cameo
FROM story_events
"""

_COLUMNS = (
    "story_id, type, a, b, day, num_mentions, num_articles, num_sources, first_seen, last_seen, "
    "event_ids, goldstein, quad_class, cameo"
)


def _params() -> dict[str, object]:
    return {"symmetric": sorted(SYMMETRIC)}


def story_ids_of(con: duckdb.DuckDBPyConnection, doc_ids: Sequence[str]) -> set[str]:
    """The stories the events of these documents belong to (call before deleting, and after writing)."""
    if not doc_ids:
        return set()
    rows = con.execute(
        _STORY_EVENTS + "SELECT DISTINCT story_id FROM story_events WHERE list_contains($docs, doc_id)",
        {**_params(), "docs": list(doc_ids)},
    ).fetchall()
    return {str(r[0]) for r in rows}


def refresh_stories(con: duckdb.DuckDBPyConnection, story_ids: set[str]) -> None:
    """Recompute these stories from the events now stored (a story with no events left disappears).
    Runs inside the caller's transaction."""
    if not story_ids:
        return
    con.register("_affected", pa.table({"story_id": sorted(story_ids)}))
    try:
        con.execute("DELETE FROM stories WHERE story_id IN (SELECT story_id FROM _affected)")
        con.execute(
            f"INSERT INTO stories ({_COLUMNS}) "
            + _STORY_EVENTS
            + _AGGREGATE
            + " WHERE story_id IN (SELECT story_id FROM _affected) GROUP BY story_id",
            _params(),
        )
    finally:
        con.unregister("_affected")


def rebuild_stories(con: duckdb.DuckDBPyConnection) -> int:
    """Recompute the whole stories table from events (after a change to the story rules); returns the count."""
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM stories")
        con.execute(f"INSERT INTO stories ({_COLUMNS}) " + _STORY_EVENTS + _AGGREGATE + " GROUP BY story_id", _params())
        con.execute("COMMIT")
    except duckdb.Error:
        con.execute("ROLLBACK")
        raise
    ((count,),) = con.execute("SELECT count(*) FROM stories").fetchall()  # fetchall: leaves no open result
    return int(count)
