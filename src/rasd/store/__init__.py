"""Stage 6: the store. Coded documents in DuckDB (schema.sql), written in batches, one transaction each.

Writing lives in ``rasd.store.ingest`` (it loads the coder); this package's top level only opens
databases, so that read-only users (queries, the Python API) start fast.
"""

from rasd.store.db import DEFAULT_DB, connect, table_counts

__all__ = ["DEFAULT_DB", "connect", "table_counts"]
