"""Settings shared by every stage; one frozen object passed around, no module globals."""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True, slots=True)
class Settings:
    # Language (normalise/language.py): a document is coded when at least this share of its letters
    # are Arabic letters of Arabic paragraphs; below it, it is kept with its language, flagged "not-arabic".
    min_arabic_share: float = 0.30
    # Longer texts are coded up to their last sentence within this many characters and flagged
    # "truncated" (a 3 MB page would otherwise take minutes); `--max-chars` on `rasd code` and `rasd ingest`.
    max_chars: int = 100_000
    # Store (docs/store.md). A batch is read, coded and written in one transaction: larger batches
    # write faster, smaller ones lose less work when a run is killed.
    ingest_batch_size: int = 500
    # DuckDB's memory cap while ingesting (it spills to disk beyond): without it DuckDB keeps up to
    # 80 % of the machine's memory as a cache, and the process grows with the database.
    ingest_memory_limit_mb: int = 256
    # Near-duplicates (reprints of one wire story): shingles of this many words of the folded text,
    # MinHash with this many permutations; LSH proposes candidates at the lower threshold, and a
    # candidate is a duplicate when the exact Jaccard similarity of the shingles reaches the higher
    # one (on SaudiNewsNet, pairs from 0.6 up are reprints of one story lightly edited; below it,
    # separate reports of one event begin). At most this many candidates are checked per document.
    shingle_words: int = 3
    minhash_perms: int = 128
    duplicate_lsh_threshold: float = 0.5
    duplicate_threshold: float = 0.6
    duplicate_candidates: int = 20
    # Queries (rasd events/actors/timeline/sql and rasd.open): rows returned when no limit is given,
    # the most any query may return, and the time a query may run before it is interrupted.
    query_default_rows: int = 100
    query_max_rows: int = 10_000
    query_timeout_s: float = 30.0
    # Timeline: months between the first and last dated record are filled in up to this span;
    # beyond it only months with records are listed.
    timeline_max_months: int = 240
    # HTTP API and dashboard (rasd serve, docs/serve.md). Loopback unless --host says otherwise; rows per
    # page when none is asked and the most a page may hold (offset + limit stays within query_max_rows);
    # a token bucket per client address (refilled at rate_per_s, holding at most rate_burst requests);
    # the longest URL (path and query) accepted; requests handled at once before uvicorn answers 503.
    serve_host: str = "127.0.0.1"
    serve_port: int = 8000
    serve_page_rows: int = 50
    serve_max_page_rows: int = 500
    serve_rate_per_s: float = 20.0
    serve_rate_burst: int = 120
    serve_max_url_chars: int = 2048
    serve_max_concurrency: int = 32


DEFAULT_SETTINGS = Settings()


def settings_with(settings: Settings = DEFAULT_SETTINGS, **changes: object) -> Settings:
    """``settings`` with the values a command line gave (None keeps the setting)."""
    given = {k: v for k, v in changes.items() if v is not None}
    return replace(settings, **given) if given else settings  # type: ignore[arg-type]
