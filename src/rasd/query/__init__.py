"""Stage 7: read-only questions over the store, shared by the CLI and the Python API (``rasd.open``).

Filters are validated objects compiled to SQL with parameters (``filters.py``); row caps and time
limits come from ``settings.py``; ``rasd sql`` runs one SELECT on a read-only connection.
"""

from rasd.query.events import EventRows, actors, events, pairs, stories
from rasd.query.filters import EventFilter, plover_types
from rasd.query.run import Rows
from rasd.query.sql import run_sql, sql
from rasd.query.timeline import Timeline, timeline

__all__ = [
    "EventFilter",
    "EventRows",
    "Rows",
    "Timeline",
    "actors",
    "events",
    "pairs",
    "plover_types",
    "run_sql",
    "sql",
    "stories",
    "timeline",
]
