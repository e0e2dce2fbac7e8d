"""Benchmark: ingest the whole SaudiNewsNet corpus from ../shared into a temporary store and print
docs/s, peak RSS and the database size.

Run on demand (not part of the tests):
    .venv/bin/python bench/ingest_corpus.py [--limit N] [--corpus DIR] [--db PATH] [--batch-size N]
        [--workers N] [--again]

The same reader and field map as `rasd ingest ../shared/corpora/saudinewsnet/*.zip --text-field content
--id-field url`; `--again` ingests a second time into the same database (every document unchanged) to
time the skip path. The lexicons and language models are loaded before the clock starts (their load
time is printed apart), as in `code_corpus.py`.
"""

from __future__ import annotations

import argparse
import platform
import resource
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from rasd.normalise.language import language_of
from rasd.read import FieldMap, read_inputs
from rasd.records import Document, Problem
from rasd.resources import load_resources
from rasd.store import connect, table_counts
from rasd.store.ingest import RunSummary, ingest

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "saudinewsnet"
FIELDS = FieldMap(text="content", id="url", title="title")


def _limited(items: Iterable[Document | Problem], limit: int | None) -> Iterator[Document | Problem]:
    for n, item in enumerate(items):
        if limit is not None and n >= limit:
            return
        yield item


def _run(zips: list[str], db: Path, limit: int | None, batch_size: int | None, workers: int) -> RunSummary:
    items = _limited(read_inputs(zips, FIELDS), limit)
    return ingest(items, db, inputs=zips, batch_size=batch_size, workers=workers)


def _report(label: str, s: RunSummary, workers: int) -> None:
    rate = s.read / s.seconds if s.seconds else 0.0
    print(
        f"{label}: read {s.read}, coded {s.coded}, unchanged {s.unchanged}, skipped {s.skipped}, "
        f"errors {s.errors} {dict(s.errors_by_code)}, events {s.events}, near-duplicates {s.duplicates}, "
        f"batches {s.batches}"
    )
    print(f"{label}: {s.seconds:.1f} s, {rate:.0f} docs/s (items read per second, {workers} coding process(es))")


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=None, help="stop after N items")
    ap.add_argument("--db", type=Path, default=None, help="database to write (default: a temporary file)")
    ap.add_argument("--batch-size", type=int, default=None)
    ap.add_argument("--workers", type=int, default=1, help="coding processes (rasd ingest --workers)")
    ap.add_argument("--again", action="store_true", help="ingest a second time (all unchanged)")
    args = ap.parse_args()
    zips = sorted(str(p) for p in args.corpus.glob("*.zip"))
    if not zips:
        raise SystemExit(f"no .zip files under {args.corpus}")
    # As bench/code_corpus.py: the lexicons and lingua's language models (1.2-1.4 s, most of the peak
    # RSS) are loaded before the clock starts, so both figures are the rate of a running stream; with
    # workers they are loaded once, before the workers are forked.
    t0 = time.perf_counter()
    res = load_resources()
    language_of("loaded once per process, like the lexicons", res.settings.min_arabic_share)
    loaded = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "bench.duckdb"
        first = _run(zips, db, args.limit, args.batch_size, args.workers)
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"machine: {platform.machine()} {platform.processor() or ''} python {platform.python_version()}")
        print(f"lexicons and language models loaded in {loaded:.2f} s, before timing")
        _report("first run", first, args.workers)
        if args.again:
            _report("second run", _run(zips, db, args.limit, args.batch_size, args.workers), args.workers)
        con = connect(db, read_only=True)
        counts = table_counts(con)
        con.close()
        size_mb = db.stat().st_size / 1e6
        print("rows: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
        print(f"database {size_mb:.1f} MB; peak RSS {peak_mb:.0f} MB (first run, main process)")


if __name__ == "__main__":
    main()
